import { Token, aws_iam as iam } from 'aws-cdk-lib';
import { aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';
import { SharePurpose, ShareOptions, ShareResult } from './model-package-group-sharing';
import { GrantScope, isModelPackageGroup, isSelfGrantingGroup } from './private/contracts';
import { grantArtifacts } from './private/iam/artifact-grants';
import { APPROVE_ACTIONS, DEPLOY_ACTIONS, GROUP_READ_ACTIONS, LIST_ACTIONS, REGISTER_ACTIONS, VERSION_READ_ACTIONS } from './private/iam/perms';
import { accountRelation, sameAccount } from './private/refs/accounts';
import { ParsedSageMakerArn, modelPackageVersionName, parseSageMakerArn, sageMakerArn } from './private/refs/arn';
import { displayValue } from './private/refs/display';
import { throwIfErrors } from './private/validate/error';
import { shareOptionErrors, sharePrincipalErrors } from './private/validate/share';
import { stageErrors } from './private/validate/stages';
import { checkStructKeys } from './private/validate/struct-keys';

/**
 * Which lifecycle stages a stage-scoped grant covers (SageMaker `ModelLifeCycle`).
 */
export interface StageGrantOptions {
  /**
   * The stages, for example `['Staging']` (each 1-63 letters, digits and hyphens, starting and ending
   * with a letter or digit). At least one.
   */
  readonly stages: string[];

  /**
   * The stage statuses, for example `['Approved', 'PendingApproval']` (same characters as stages).
   *
   * @default - any stage status
   */
  readonly stageStatuses?: string[];
}

/**
 * Grants on a model package group and its versions, the companion of `ModelPackageGroup`
 * (`group.grants`).
 *
 * Every grant is scoped to the group (`model-package-group/<group>`) and/or its versions
 * (`model-package/<group>/*`). A principal in another account than the group is added to the
 * group's resource policy as well, when the group has one (an `IModelPackageGroup`).
 */
export class ModelPackageGroupGrants {
  /**
   * The grants of a model package group: one of this library, another `IModelPackageGroup`, a
   * `CfnModelPackageGroup` or any reference.
   *
   * A reference that is not an `IModelPackageGroup` has no resource policy this library can add to:
   * its grants go to the principal's IAM policy only, on the group's ARN and the ARNs of its versions
   * built from it, and `share()` accepts only roles and users of the group's account.
   */
  public static fromModelPackageGroup(group: sagemakerRefs.IModelPackageGroupRef): ModelPackageGroupGrants {
    return new ModelPackageGroupGrants(group);
  }

  /** The parts of the group's ARN, for a reference that is not an `IModelPackageGroup`. */
  private readonly referenceArn?: ParsedSageMakerArn;

  private constructor(private readonly group: sagemakerRefs.IModelPackageGroupRef) {
    if (!isModelPackageGroup(group)) {
      this.referenceArn = parseSageMakerArn(group.modelPackageGroupRef.modelPackageGroupArn, 'model-package-group',
        'ModelPackageGroupGrants.fromModelPackageGroup');
    }
  }

  /**
   * Grants the given actions on the group and on all of its versions.
   */
  public actions(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return this.on(grantee, actions, { group: true, versions: true });
  }

  /**
   * Grants describing the group and listing and describing its versions:
   * `DescribeModelPackageGroup` and `ListModelPackages` on the group; `DescribeModelPackage`,
   * `BatchDescribeModelPackage` and `ListModelPackages` on its versions.
   */
  public read(grantee: iam.IGrantable): iam.Grant {
    return this.on(grantee, [...GROUP_READ_ACTIONS, ...LIST_ACTIONS], { group: true })
      .combine(this.on(grantee, [...VERSION_READ_ACTIONS, ...LIST_ACTIONS], { versions: true }));
  }

  /**
   * Grants registering new versions into the group (`CreateModelPackage` on its versions).
   */
  public register(grantee: iam.IGrantable): iam.Grant {
    return this.on(grantee, REGISTER_ACTIONS, { versions: true });
  }

  /**
   * Grants changing the approval status of the group's versions (`UpdateModelPackage`), plus
   * reading them to decide.
   */
  public approve(grantee: iam.IGrantable): iam.Grant {
    return this.on(grantee, [...APPROVE_ACTIONS, ...VERSION_READ_ACTIONS, ...LIST_ACTIONS], { versions: true });
  }

  /**
   * Grants moving the group's versions to the given lifecycle stages (`UpdateModelPackage` with a
   * `ModelLifeCycle` whose stage, and stage status if given, is one of those), plus reading the
   * versions to decide.
   *
   * The update is allowed only when the request sets one of these stages: IAM checks the request's
   * `sagemaker:ModelLifeCycle:Stage` (and `sagemaker:ModelLifeCycle:StageStatus`) condition keys, so an
   * update that changes the approval status without a stage is not allowed by this grant (use `approve`).
   * A principal in another account gets the same conditions in the group's resource policy.
   *
   * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html
   */
  public changeStage(grantee: iam.IGrantable, options: StageGrantOptions): iam.Grant {
    const conditions = this.stageConditions('changeStage', options, 'sagemaker:ModelLifeCycle:Stage', 'sagemaker:ModelLifeCycle:StageStatus');
    return this.on(grantee, [...VERSION_READ_ACTIONS, ...LIST_ACTIONS], { versions: true })
      .combine(this.conditional(grantee, APPROVE_ACTIONS, conditions));
  }

  /**
   * Grants reading only the versions currently in the given lifecycle stages
   * (`DescribeModelPackage` and `BatchDescribeModelPackage` where the version's
   * `sagemaker:CurrentModelLifeCycleStage`, and stage status if given, is one of those), plus describing
   * the group and listing its versions (`ListModelPackages` has no resource-level conditions).
   */
  public readInStage(grantee: iam.IGrantable, options: StageGrantOptions): iam.Grant {
    const conditions = this.stageConditions('readInStage', options, 'sagemaker:CurrentModelLifeCycleStage', 'sagemaker:CurrentModelLifeCycleStageStatus');
    return this.on(grantee, [...GROUP_READ_ACTIONS, ...LIST_ACTIONS], { group: true })
      .combine(this.conditional(grantee, VERSION_READ_ACTIONS, conditions));
  }

  /**
   * Shares the group with an account, an organization or an IAM role or user for a purpose, and grants
   * read access to the artifacts its versions use (model data in S3, KMS keys, ECR images).
   *
   * On the group, the purpose's grant is made as by `read`, `register`, `approve` and `changeStage`: a
   * principal of another account (or an organization) goes to the group's resource policy, a role or
   * user of the group's account to its IAM policy. On each artifact, a role or user of the artifact's
   * account gets IAM statements only; any other principal is added to the artifact's resource policy
   * (bucket policy, key policy, repository policy). Artifacts defined in this app get those statements
   * here; for imported artifacts, whose policies their owners control, the statements are returned in
   * `pendingStatements` and reported as a warning on the artifact
   * (`cdk-sagemaker-registry:shareArtifactPolicyNotAdded`).
   *
   * The other account must still allow its own roles in their IAM policies (resource policies that name
   * an account delegate to that account's IAM), including `ecr:GetAuthorizationToken` to pull images.
   *
   * A resource policy that names an IAM role makes the group not discoverable through AWS RAM (the
   * SageMaker Developer Guide, "Promote the permission and resource share"); share with the account
   * when discoverability matters.
   *
   * @see https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-deploy.html
   * @see https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-version.html
   * @see https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-ram-promote.html
   */
  public share(grantee: iam.IGrantable, options: ShareOptions): ShareResult {
    const where = `share of model package group ${this.group.node.path}`;
    checkStructKeys(where, 'ShareOptions', options);
    throwIfErrors(where, [...sharePrincipalErrors(this.group, grantee), ...this.referencePrincipalErrors(grantee), ...shareOptionErrors(options)]);
    let grant: iam.Grant;
    switch (options.purpose) {
      case SharePurpose.READ_AND_DEPLOY:
        grant = this.read(grantee).combine(this.on(grantee, DEPLOY_ACTIONS, { versions: true }));
        break;
      case SharePurpose.REGISTER:
        grant = this.register(grantee);
        break;
      case SharePurpose.APPROVE:
        grant = this.read(grantee).combine(this.approve(grantee));
        break;
      case SharePurpose.CHANGE_STAGE:
        grant = this.read(grantee).combine(this.changeStage(grantee, { stages: options.stages!, stageStatuses: options.stageStatuses }));
        break;
    }
    const groupName = String(displayValue(this.group, this.groupName));
    const artifacts = grantArtifacts(this.group, groupName, options.purpose, grantee, options.artifacts);
    return {
      grant: artifacts.grant ? grant.combine(artifacts.grant) : grant,
      pendingStatements: artifacts.pending,
    };
  }

  private stageConditions(method: string, options: StageGrantOptions, stageKey: string, statusKey: string): Record<string, Record<string, unknown>> {
    checkStructKeys(`${method} on model package group ${this.group.node.path}`, 'StageGrantOptions', options);
    const errors: string[] = [];
    if (!Token.isUnresolved(options.stages) && options.stages.length === 0) {
      errors.push('stages must name at least one stage, got an empty list');
    }
    if (options.stageStatuses !== undefined && !Token.isUnresolved(options.stageStatuses) && options.stageStatuses.length === 0) {
      errors.push('stageStatuses must name at least one status when given, got an empty list (leave it out for any status)');
    }
    options.stages.forEach((stage, i) => errors.push(...stageErrors(`stages[${i}]`, stage)));
    (options.stageStatuses ?? []).forEach((status, i) => errors.push(...stageErrors(`stageStatuses[${i}]`, status)));
    throwIfErrors(`${method} on model package group ${this.group.node.path}`, errors);
    return {
      StringEquals: {
        [stageKey]: [...new Set(options.stages)],
        ...(options.stageStatuses ? { [statusKey]: [...new Set(options.stageStatuses)] } : {}),
      },
    };
  }

  /**
   * Grants `actions` on the group's versions under `conditions`: in the grantee's policy, and for a
   * principal of another account also in the group's resource policy, with the same conditions
   * (`iam.Grant.addToPrincipalOrResource` would leave them out of the resource policy).
   */
  private conditional(grantee: iam.IGrantable, actions: string[], conditions: Record<string, Record<string, unknown>>): iam.Grant {
    const resourceArns = [this.versionsArn];
    const principalGrant = iam.Grant.addToPrincipal({ grantee, actions, resourceArns, conditions });
    if (!isModelPackageGroup(this.group)) {
      return principalGrant;
    }
    if (principalGrant.success && sameAccount(this.group.env.account, grantee.grantPrincipal.principalAccount)) {
      return principalGrant;
    }
    const statement = new iam.PolicyStatement({ actions, resources: resourceArns, principals: [grantee.grantPrincipal], conditions });
    const resourceGrant = iam.Grant.addStatementToResourcePolicy({ grantee, actions, resourceArns, resource: this.group, statement });
    return principalGrant.success ? principalGrant.combine(resourceGrant) : resourceGrant;
  }

  private on(grantee: iam.IGrantable, actions: string[], on: GrantScope): iam.Grant {
    if (isSelfGrantingGroup(this.group)) {
      return this.group._grantOn(grantee, actions, on);
    }
    const resourceArns = [
      ...(on.group ? [this.groupArn] : []),
      ...(on.versions ? [this.versionsArn] : []),
    ];
    if (isModelPackageGroup(this.group)) {
      // Another implementation of IModelPackageGroup: grant on its ARNs, through its resource policy when needed.
      return iam.Grant.addToPrincipalOrResource({ grantee, actions, resourceArns, resource: this.group });
    }
    // A reference only: the principal's IAM policy is the one place the grant can go.
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns });
  }

  /** The group's ARN. */
  private get groupArn(): string {
    return isModelPackageGroup(this.group) ? this.group.modelPackageGroupArn : this.group.modelPackageGroupRef.modelPackageGroupArn;
  }

  /** The group's name: an `IModelPackageGroup`'s own, or the one in a reference's ARN. */
  private get groupName(): string {
    return isModelPackageGroup(this.group) ? this.group.modelPackageGroupName : this.referenceArn!.resourceName;
  }

  /** The pattern of the ARNs of the group's versions, `model-package/<group>/*`. */
  private get versionsArn(): string {
    if (isModelPackageGroup(this.group)) {
      return this.group.arnForModelPackageVersion('*');
    }
    const parsed = this.referenceArn!;
    return sageMakerArn(this.group, 'model-package', modelPackageVersionName(parsed.resourceName, '*'), parsed);
  }

  /**
   * Problems with the principal of a share of a reference that is not an `IModelPackageGroup`: without
   * a resource policy, only roles and users of the group's account can be granted (through their IAM
   * policies).
   */
  private referencePrincipalErrors(grantee: iam.IGrantable): string[] {
    const principal = grantee.grantPrincipal;
    if (isModelPackageGroup(this.group) || accountRelation(this.group, principal.principalAccount, this.group.env.account) === 'same') {
      return [];
    }
    return [`principal must be an IAM role or user of the group's account ${JSON.stringify(displayValue(this.group, this.group.env.account))}: `
      + 'the group is a reference without a resource policy (not an IModelPackageGroup), so principals of other accounts cannot be '
      + `added to it; share the group from the stack that defines it, got ${principal.toString()}`];
  }
}
