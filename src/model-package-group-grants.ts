import { Token, TokenComparison, aws_iam as iam } from 'aws-cdk-lib';
import { IModelPackageGroup } from './model-package-group';
import {
  APPROVE_ACTIONS,
  GROUP_READ_ACTIONS,
  LIST_ACTIONS,
  REGISTER_ACTIONS,
  VERSION_READ_ACTIONS,
} from './private/perms';
import { checkStructKeys } from './private/struct-keys';
import { throwIfErrors, validatePattern } from './private/validation';

/** `ModelLifeCycle` `Stage` and `StageStatus` (botocore `EntityName`-like: 1-63 letters, digits and hyphens). */
const STAGE_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

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

/** What a grant covers: the group's ARN, the pattern of its versions' ARNs, or both. */
interface GrantScope {
  readonly group?: boolean;
  readonly versions?: boolean;
}

/** A group that knows how to grant on itself (`ModelPackageGroupBase`). */
interface SelfGranting {
  _grantOn(grantee: iam.IGrantable, actions: string[], on: GrantScope): iam.Grant;
}

/**
 * Grants on a model package group and its versions, the companion of `ModelPackageGroup`
 * (`group.grants`).
 *
 * Every grant is scoped to the group (`model-package-group/<group>`) and/or its versions
 * (`model-package/<group>/*`). A principal in another account than the group is added to the
 * group's resource policy as well.
 */
export class ModelPackageGroupGrants {
  /**
   * The grants of a model package group.
   */
  public static fromModelPackageGroup(group: IModelPackageGroup): ModelPackageGroupGrants {
    return new ModelPackageGroupGrants(group);
  }

  private constructor(private readonly group: IModelPackageGroup) {}

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

  private stageConditions(method: string, options: StageGrantOptions, stageKey: string, statusKey: string): Record<string, Record<string, unknown>> {
    checkStructKeys(`${method} on model package group ${this.group.node.path}`, 'StageGrantOptions', options);
    const errors: string[] = [];
    if (!Token.isUnresolved(options.stages) && options.stages.length === 0) {
      errors.push('stages must name at least one stage, got an empty list');
    }
    if (options.stageStatuses !== undefined && !Token.isUnresolved(options.stageStatuses) && options.stageStatuses.length === 0) {
      errors.push('stageStatuses must name at least one status when given, got an empty list (leave it out for any status)');
    }
    options.stages.forEach((stage, i) => errors.push(...validatePattern(`stages[${i}]`, stage, STAGE_PATTERN, '1-63 letters, digits and hyphens, starting and ending with a letter or digit')));
    (options.stageStatuses ?? []).forEach((status, i) => errors.push(...validatePattern(`stageStatuses[${i}]`, status, STAGE_PATTERN, '1-63 letters, digits and hyphens, starting and ending with a letter or digit')));
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
    const resourceArns = [this.group.arnForModelPackageVersion('*')];
    const principalGrant = iam.Grant.addToPrincipal({ grantee, actions, resourceArns, conditions });
    const principalAccount = grantee.grantPrincipal.principalAccount;
    const comparison = principalAccount === undefined ? undefined : Token.compareStrings(this.group.env.account, principalAccount);
    const sameAccount = comparison === TokenComparison.SAME || comparison === TokenComparison.BOTH_UNRESOLVED;
    if (principalGrant.success && sameAccount) {
      return principalGrant;
    }
    const statement = new iam.PolicyStatement({ actions, resources: resourceArns, principals: [grantee.grantPrincipal], conditions });
    const resourceGrant = iam.Grant.addStatementToResourcePolicy({ grantee, actions, resourceArns, resource: this.group, statement });
    return principalGrant.success ? principalGrant.combine(resourceGrant) : resourceGrant;
  }

  private on(grantee: iam.IGrantable, actions: string[], on: GrantScope): iam.Grant {
    const selfGranting = this.group as unknown as Partial<SelfGranting>;
    if (typeof selfGranting._grantOn === 'function') {
      return selfGranting._grantOn(grantee, actions, on);
    }
    // Another implementation of IModelPackageGroup: grant on its ARNs, through its resource policy when needed.
    const resourceArns = [
      ...(on.group ? [this.group.modelPackageGroupArn] : []),
      ...(on.versions ? [this.group.arnForModelPackageVersion('*')] : []),
    ];
    return iam.Grant.addToPrincipalOrResource({ grantee, actions, resourceArns, resource: this.group });
  }
}
