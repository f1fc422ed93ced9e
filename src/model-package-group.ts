import {
  Annotations,
  CfnResource,
  IResource,
  Lazy,
  PhysicalName,
  RemovalPolicy,
  Resource,
  Stack,
  Token,
  TokenComparison,
  aws_events as events,
  aws_iam as iam,
  aws_sagemaker as sagemaker,
} from 'aws-cdk-lib';
import { aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { ModelApprovalStatus } from './approval';
import { LatestApprovedModelPackageOptions } from './latest-approved-model-package';
import { LatestModelPackageOptions } from './latest-model-package';
import { IModelPackage, ModelPackage, ModelPackageOptions } from './model-package';
import { ModelPackageGroupGrants } from './model-package-group-grants';
import { ModelPackageGroupResourceShare, ModelPackageGroupResourceShareOptions } from './model-package-group-resource-share';
import { ShareOptions, ShareResult } from './model-package-group-sharing';
import { GrantScope } from './private/contracts';
import { AUTO_DELETE_MARKER_TAG, DeployTimeHandler } from './private/deploy-time/deploy-time-handler';
import { LOOKUP_NONCE_CONTEXT, LatestModelPackage } from './private/deploy-time/latest-model-package-lookup';
import { DELETE_VERSION_ACTIONS, LIST_ACTIONS } from './private/iam/perms';
import { modelPackageVersionName, parseSageMakerArn, sageMakerArn } from './private/refs/arn';
import { generateName } from './private/refs/names';
import { throwIfErrors } from './private/validate/error';
import { stageListErrors } from './private/validate/stages';
import { checkStructKeys } from './private/validate/struct-keys';
import { validateDescription, validateRemovalPolicy, validateSageMakerName } from './private/validate/values';

/** EventBridge source of SageMaker events. */
const EVENT_SOURCE = 'aws.sagemaker';
/** EventBridge detail-type of model package (version) state changes, including approval and stage changes. */
const MODEL_PACKAGE_STATE_CHANGE = 'SageMaker Model Package State Change';
/** Maximum length of a model package group resource policy (PutModelPackageGroupPolicy.ResourcePolicy). */
const MAX_POLICY_LENGTH = 20480;

/**
 * A SageMaker model package group: the registry entry that holds the versions of one model.
 */
export interface IModelPackageGroup extends IResource, sagemakerRefs.IModelPackageGroupRef {
  /**
   * The ARN of the model package group.
   *
   * @attribute
   */
  readonly modelPackageGroupArn: string;

  /**
   * The name of the model package group.
   *
   * @attribute
   */
  readonly modelPackageGroupName: string;

  /**
   * The grants on this group and its versions (`read`, `register`, `approve`, `actions`).
   */
  readonly grants: ModelPackageGroupGrants;

  /**
   * The ARN of a version (model package) in this group, `arn:<partition>:sagemaker:<region>:<account>:model-package/<group>/<version>`.
   *
   * Pass `'*'` for the pattern that matches every version of the group.
   *
   * @param version the version number, or `'*'`
   */
  arnForModelPackageVersion(version: string): string;

  /**
   * Grants the given actions on the group and on all of its versions.
   *
   * A principal in another account is also added to the group's resource policy.
   *
   * [disable-awslint:no-grants]
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;

  /**
   * Grants describing the group and listing and describing its versions.
   *
   * Actions: `sagemaker:DescribeModelPackageGroup` and `sagemaker:ListModelPackages` on the group;
   * `sagemaker:DescribeModelPackage`, `sagemaker:BatchDescribeModelPackage` and
   * `sagemaker:ListModelPackages` on its versions.
   *
   * [disable-awslint:no-grants]
   */
  grantRead(grantee: iam.IGrantable): iam.Grant;

  /**
   * Grants registering new versions into the group (`sagemaker:CreateModelPackage` on
   * `model-package/<group>/*`).
   *
   * A principal in another account is added to the group's resource policy; it then registers
   * versions by passing the group's ARN as `ModelPackageGroupName`.
   *
   * [disable-awslint:no-grants]
   */
  grantRegister(grantee: iam.IGrantable): iam.Grant;

  /**
   * Grants changing the approval status of the group's versions (`sagemaker:UpdateModelPackage`
   * on `model-package/<group>/*`), plus reading them to decide.
   *
   * [disable-awslint:no-grants]
   */
  grantApprove(grantee: iam.IGrantable): iam.Grant;

  /**
   * Registers a version (a `ModelPackage`) in this group, as a child of the group.
   *
   * @param id the construct id of the version
   * @param options the version's properties
   */
  addModelPackage(id: string, options: ModelPackageOptions): ModelPackage;

  /**
   * The newest version of this group whose approval status is `Approved`, found at deploy time;
   * usable wherever an `IModelPackage` is expected, for example as a `Model` container. The short
   * form of `latestModelPackage()` with `approvalStatus: ModelApprovalStatus.APPROVED`.
   *
   * @param scope the scope of the lookup (for example the stack that deploys the model)
   * @param id the construct id of the lookup
   * @param options when the lookup runs again
   */
  latestApprovedModelPackage(scope: Construct, id: string, options?: LatestApprovedModelPackageOptions): IModelPackage;

  /**
   * The newest version of this group that matches the filters (approval status, lifecycle stage and
   * stage status, customer metadata), found at deploy time; usable wherever an `IModelPackage` is
   * expected, for example as a `Model` container.
   *
   * The lookup lists the group's versions newest first (filtered by approval status by SageMaker), and
   * takes the first that matches the other filters; without a match the deployment fails with a
   * message that names the group and the filter. `latestApprovedModelPackage()` is the short form of
   * `approvalStatus: ModelApprovalStatus.APPROVED` without other filters.
   *
   * @param scope the scope of the lookup (for example the stack that deploys the model)
   * @param id the construct id of the lookup
   * @param options the filters, and when the lookup runs again
   */
  latestModelPackage(scope: Construct, id: string, options?: LatestModelPackageOptions): IModelPackage;

  /**
   * Adds a statement to the group's resource policy (`ModelPackageGroupPolicy`).
   *
   * The statement's resources must be the group's ARN and/or `arnForModelPackageVersion('*')`.
   * Imported groups cannot be changed and report the statement as not added.
   */
  addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult;

  /**
   * Defines an EventBridge rule that triggers on state changes of the group's versions
   * (`SageMaker Model Package State Change` events whose `ModelPackageGroupName` is this group).
   *
   * SageMaker sends these events to the default event bus of the account and region that own the
   * group; for a group in another account they arrive only if forwarded there.
   */
  onEvent(id: string, options?: events.OnEventOptions): events.Rule;

  /**
   * Defines an EventBridge rule that triggers when a version of the group gets one of the given
   * approval statuses (for example, to deploy a version once it is approved).
   */
  onApprovalStatusChange(id: string, options?: OnApprovalStatusChangeOptions): events.Rule;

  /**
   * Shares the group with an account, an organization or an IAM role or user for a purpose (read and
   * deploy, register, approve, change stage), and grants read access to the artifacts its versions use;
   * the same as `grants.share()`.
   *
   * @param grantee the principal to share with: an `iam.AccountPrincipal`, an `iam.OrganizationPrincipal`,
   * or an IAM role or user (`Role`, `User`, `iam.ArnPrincipal`)
   * @param options the purpose, its stages, and the artifacts
   */
  shareWith(grantee: iam.IGrantable, options: ShareOptions): ShareResult;

  /**
   * Shares the group through AWS RAM (an `AWS::RAM::ResourceShare`, a child of the group) with accounts,
   * organizations or organizational units.
   *
   * @param id the construct id of the resource share
   * @param options the principals and the permission
   */
  shareWithRam(id: string, options: ModelPackageGroupResourceShareOptions): ModelPackageGroupResourceShare;

  /**
   * Defines an EventBridge rule that triggers when a version of the group moves to one of the given
   * lifecycle stages (SageMaker `ModelLifeCycle`), and stage statuses if given.
   *
   * The rule matches `SageMaker Model Package State Change` events of the group whose
   * `detail.ModelLifeCycle.Stage` (and `detail.ModelLifeCycle.StageStatus`) is one of those. The field
   * path is inferred from the `ModelLifeCycle` structure of the SageMaker API (`DescribeModelPackage`),
   * which the event detail mirrors for the other fields: the SageMaker Developer Guide's lifecycle event
   * page shows only the detail type, not the stage fields.
   *
   * @see https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-staging-construct-event-bridge.html
   */
  onLifeCycleChange(id: string, options?: OnLifeCycleChangeOptions): events.Rule;
}

/**
 * Options for `onApprovalStatusChange`.
 */
export interface OnApprovalStatusChangeOptions extends events.OnEventOptions {
  /**
   * Trigger only when a version gets one of these statuses.
   *
   * @default - any approval status
   */
  readonly statuses?: ModelApprovalStatus[];
}

/**
 * Options for `onLifeCycleChange`.
 */
export interface OnLifeCycleChangeOptions extends events.OnEventOptions {
  /**
   * Trigger only when a version is in one of these lifecycle stages, for example `['Production']` (each
   * 1-63 letters, digits and hyphens, starting and ending with a letter or digit).
   *
   * @default - any stage (every event of a version that has a lifecycle stage)
   */
  readonly stages?: string[];

  /**
   * Trigger only when the version's stage status is one of these, for example `['Approved']`.
   *
   * @default - any stage status
   */
  readonly stageStatuses?: string[];
}

/**
 * Behaviour shared by owned and imported model package groups: ARNs, grants and event rules.
 *
 * Exported so that an app can write its own import or lookup of a group that behaves like the
 * library's: extend it and give `modelPackageGroupArn`, `modelPackageGroupName`, `policyArn`,
 * `arnForModelPackageVersion()` and `addToResourcePolicy()`.
 */
export abstract class ModelPackageGroupBase extends Resource implements IModelPackageGroup {
  public abstract readonly modelPackageGroupArn: string;
  public abstract readonly modelPackageGroupName: string;

  /**
   * The group's ARN as written into resource policies: built from its name, so that the group's
   * own policy never refers to the group resource itself.
   */
  protected abstract readonly policyArn: string;

  /** Grants added to the policies of principals, by principal and resources (see grantOn). */
  private readonly principalGrants = new Map<iam.IPrincipal, Map<string, iam.Grant>>();

  public get modelPackageGroupRef(): sagemakerRefs.ModelPackageGroupReference {
    return { modelPackageGroupArn: this.modelPackageGroupArn };
  }

  public abstract arnForModelPackageVersion(version: string): string;

  public abstract addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult;

  public addModelPackage(id: string, options: ModelPackageOptions): ModelPackage {
    return new ModelPackage(this, id, { ...options, modelPackageGroup: this });
  }

  public latestApprovedModelPackage(scope: Construct, id: string, options: LatestApprovedModelPackageOptions = {}): IModelPackage {
    checkStructKeys(`latestApprovedModelPackage of ${this.node.path}`, 'LatestApprovedModelPackageOptions', options);
    return new LatestModelPackage(scope, id, {
      ...options,
      approvalStatus: ModelApprovalStatus.APPROVED,
      modelPackageGroup: this,
      method: 'latestApprovedModelPackage',
    });
  }

  public latestModelPackage(scope: Construct, id: string, options: LatestModelPackageOptions = {}): IModelPackage {
    checkStructKeys(`latestModelPackage of ${this.node.path}`, 'LatestModelPackageOptions', options);
    return new LatestModelPackage(scope, id, { ...options, modelPackageGroup: this, method: 'latestModelPackage' });
  }

  /**
   * The grants on this group and its versions.
   */
  public get grants(): ModelPackageGroupGrants {
    return ModelPackageGroupGrants.fromModelPackageGroup(this);
  }

  /**
   * Grants the given actions on the group and on all of its versions; the same as `grants.actions()`.
   *
   * [disable-awslint:no-grants]
   */
  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return this.grants.actions(grantee, ...actions);
  }

  /**
   * Grants reading the group and its versions; the same as `grants.read()`.
   *
   * [disable-awslint:no-grants]
   */
  public grantRead(grantee: iam.IGrantable): iam.Grant {
    return this.grants.read(grantee);
  }

  /**
   * Grants registering versions into the group; the same as `grants.register()`.
   *
   * [disable-awslint:no-grants]
   */
  public grantRegister(grantee: iam.IGrantable): iam.Grant {
    return this.grants.register(grantee);
  }

  /**
   * Grants approving the group's versions; the same as `grants.approve()`.
   *
   * [disable-awslint:no-grants]
   */
  public grantApprove(grantee: iam.IGrantable): iam.Grant {
    return this.grants.approve(grantee);
  }

  public onEvent(id: string, options: events.OnEventOptions = {}): events.Rule {
    this.warnIfEventsStayElsewhere();
    const rule = new events.Rule(this, id, options);
    rule.addEventPattern({
      source: [EVENT_SOURCE],
      detailType: [MODEL_PACKAGE_STATE_CHANGE],
      detail: { ModelPackageGroupName: [this.modelPackageGroupName] },
    });
    rule.addTarget(options.target);
    return rule;
  }

  public onApprovalStatusChange(id: string, options: OnApprovalStatusChangeOptions = {}): events.Rule {
    checkStructKeys(`onApprovalStatusChange of ${this.node.path}`, 'OnApprovalStatusChangeOptions', options);
    const rule = this.onEvent(id, options);
    const statuses = options.statuses ?? [];
    if (statuses.length > 0) {
      rule.addEventPattern({ detail: { ModelApprovalStatus: [...new Set(statuses)] } });
    } else {
      // Every state-change event of a version carries its approval status.
      rule.addEventPattern({ detail: { ModelApprovalStatus: [{ exists: true }] } });
    }
    return rule;
  }

  /**
   * Grants `actions` on the group and/or its versions (used by `ModelPackageGroupGrants`, through the
   * `SelfGrantingGroup` contract of `private/contracts.ts`).
   *
   * @internal
   */
  public _grantOn(grantee: iam.IGrantable, actions: string[], on: GrantScope): iam.Grant {
    const versionsPattern = this.arnForModelPackageVersion('*');
    const resourceArns: string[] = [];
    const resourceSelfArns: string[] = [];
    if (on.group) {
      resourceArns.push(this.modelPackageGroupArn);
      resourceSelfArns.push(this.policyArn);
    }
    if (on.versions) {
      resourceArns.push(versionsPattern);
      resourceSelfArns.push(versionsPattern);
    }
    // Compact policies: a grant to a principal of this account on resources it was already granted
    // something on adds its actions to that statement (grantRead + grantRegister render 2 statements, not 3).
    const key = `${!!on.group}:${!!on.versions}`;
    const earlier = this.principalGrants.get(grantee.grantPrincipal)?.get(key);
    const statement = earlier?.principalStatements[0];
    if (earlier && statement && !statement.frozen) {
      statement.addActions(...actions);
      return earlier.combine(iam.Grant.drop(grantee, 'merged into an earlier statement'));
    }
    const grant = iam.Grant.addToPrincipalOrResource({ grantee, actions, resourceArns, resourceSelfArns, resource: this });
    if (grant.principalStatements.length === 1 && grant.resourceStatements.length === 0) {
      const byResources = this.principalGrants.get(grantee.grantPrincipal) ?? new Map<string, iam.Grant>();
      this.principalGrants.set(grantee.grantPrincipal, byResources.set(key, grant));
    }
    return grant;
  }

  private warnIfEventsStayElsewhere(): void {
    const stack = Stack.of(this);
    const otherAccount = Token.compareStrings(this.env.account, stack.account) === TokenComparison.DIFFERENT;
    const otherRegion = Token.compareStrings(this.env.region, stack.region) === TokenComparison.DIFFERENT;
    if (otherAccount || otherRegion) {
      Annotations.of(this).addWarningV2('cdk-sagemaker-registry:eventsFromOtherEnvironment',
        `Model package group ${this.modelPackageGroupName} is in account ${this.env.account} and region ${this.env.region}, `
        + `but the rule is created in account ${stack.account} and region ${stack.region}. SageMaker sends its events only to the `
        + 'default event bus of the owning account and region: forward them to this bus, or the rule never triggers.');
    }
  }

  /**
   * Shares the group for a purpose and grants read access to the artifacts; the same as `grants.share()`.
   */
  public shareWith(grantee: iam.IGrantable, options: ShareOptions): ShareResult {
    return this.grants.share(grantee, options);
  }

  public shareWithRam(id: string, options: ModelPackageGroupResourceShareOptions): ModelPackageGroupResourceShare {
    checkStructKeys(`shareWithRam of ${this.node.path}`, 'ModelPackageGroupResourceShareOptions', options);
    return new ModelPackageGroupResourceShare(this, id, { ...options, modelPackageGroups: [this] });
  }

  public onLifeCycleChange(id: string, options: OnLifeCycleChangeOptions = {}): events.Rule {
    const where = `onLifeCycleChange of ${this.node.path}`;
    checkStructKeys(where, 'OnLifeCycleChangeOptions', options);
    throwIfErrors(where, [
      ...stageListErrors('stages', options.stages, 'stage'),
      ...stageListErrors('stageStatuses', options.stageStatuses, 'status'),
    ]);
    const rule = this.onEvent(id, options);
    const stages = options.stages ?? [];
    rule.addEventPattern({
      detail: {
        ModelLifeCycle: {
          // Without stages: every event of a version that has a lifecycle stage.
          Stage: stages.length > 0 ? [...new Set(stages)] : [{ exists: true }],
          ...(options.stageStatuses ? { StageStatus: [...new Set(options.stageStatuses)] } : {}),
        },
      },
    });
    return rule;
  }
}

/**
 * Properties of a `ModelPackageGroup`.
 */
export interface ModelPackageGroupProps {
  /**
   * The name of the model package group: 1-63 letters, digits and hyphens, starting and ending
   * with a letter or digit.
   *
   * Changing it replaces the group.
   *
   * @default - a unique name generated from the construct path
   */
  readonly modelPackageGroupName?: string;

  /**
   * A description of the group (at most 1024 characters, no line breaks).
   *
   * Changing it replaces the group.
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * What happens to the group when it is removed from the stack or replaced.
   *
   * A group holds the version history of a model, and CloudFormation cannot delete a group that still
   * has versions, so groups are retained by default.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Delete every version of the group when the group is deleted, so that the deletion does not fail
   * (SageMaker does not delete a group that still has versions). A custom resource lists and deletes
   * the versions, also those registered outside this stack, when the stack (or the group) is deleted,
   * then deletes the group itself (so that a version registered meanwhile cannot fail the deletion);
   * nothing happens on create or update. Requires `removalPolicy: RemovalPolicy.DESTROY`.
   *
   * The group carries the tag `cdk-sagemaker-registry:auto-delete-model-packages=true` while the option
   * is on, and versions are deleted only if the group still carries it at Delete time: turning the
   * option off (or the rollback of the update that turned it on) removes the tag first, and keeps
   * every version. Emptying a group takes at most 50 minutes (in bounded batches); versions that
   * cannot be deleted are named in the failure, and the stack delete can then be retried.
   *
   * @default false
   */
  readonly autoDeleteModelPackages?: boolean;
}

/**
 * A SageMaker model package group (`AWS::SageMaker::ModelPackageGroup`): the registry entry that
 * holds the versions of one model, with its resource policy, grants and approval events.
 *
 * @resource AWS::SageMaker::ModelPackageGroup
 */
export class ModelPackageGroup extends ModelPackageGroupBase {
  /**
   * The context key (`cdk-sagemaker-registry:lookupNonce`) whose value, when set, replaces the synthesis
   * time in the properties of `latestApprovedModelPackage()` lookups that refresh on every
   * deployment. Set it to a fixed value in snapshot tests to keep templates deterministic.
   */
  public static readonly LOOKUP_NONCE_CONTEXT_KEY = LOOKUP_NONCE_CONTEXT;

  /**
   * Imports a model package group by its ARN, which may be in another account or region.
   *
   * @param modelPackageGroupArn `arn:<partition>:sagemaker:<region>:<account>:model-package-group/<name>`
   */
  public static fromModelPackageGroupArn(scope: Construct, id: string, modelPackageGroupArn: string): IModelPackageGroup {
    const parsed = parseSageMakerArn(modelPackageGroupArn, 'model-package-group', 'ModelPackageGroup.fromModelPackageGroupArn');
    return new ImportedModelPackageGroup(scope, id, {
      modelPackageGroupArn,
      modelPackageGroupName: parsed.resourceName,
      versionsArn: (version: string) => sageMakerArn(scope, 'model-package', modelPackageVersionName(parsed.resourceName, version), parsed),
    });
  }

  /**
   * Imports a model package group of this stack's account and region by its name.
   */
  public static fromModelPackageGroupName(scope: Construct, id: string, modelPackageGroupName: string): IModelPackageGroup {
    throwIfErrors('model package group import', validateSageMakerName('modelPackageGroupName', modelPackageGroupName));
    return new ImportedModelPackageGroup(scope, id, {
      modelPackageGroupArn: sageMakerArn(scope, 'model-package-group', modelPackageGroupName),
      modelPackageGroupName,
      versionsArn: (version: string) => sageMakerArn(scope, 'model-package', modelPackageVersionName(modelPackageGroupName, version)),
    });
  }

  /** @attribute */
  public readonly modelPackageGroupArn: string;
  /** @attribute */
  public readonly modelPackageGroupName: string;

  protected readonly policyArn: string;

  private readonly resource: sagemaker.CfnModelPackageGroup;
  /** The name as rendered: the user's, or one generated from the construct path (also used across environments). */
  private readonly groupName: string;
  private policy?: iam.PolicyDocument;
  private readonly policyStatements: iam.PolicyStatement[] = [];

  constructor(scope: Construct, id: string, props: ModelPackageGroupProps = {}) {
    super(scope, id, {
      // A generated name is known at synth time, so the group can be shared with other environments.
      physicalName: props.modelPackageGroupName ?? PhysicalName.GENERATE_IF_NEEDED,
    });
    checkStructKeys(`ModelPackageGroup ${this.node.path}`, 'ModelPackageGroupProps', props);
    this.groupName = props.modelPackageGroupName ?? Lazy.string({ produce: () => generateName(this) });

    throwIfErrors(`ModelPackageGroup ${this.node.path}`, [
      ...validateSageMakerName('modelPackageGroupName', props.modelPackageGroupName),
      ...validateDescription('description', props.description),
      ...validateRemovalPolicy('removalPolicy', props.removalPolicy, 'AWS::SageMaker::ModelPackageGroup'),
      ...(props.autoDeleteModelPackages && props.removalPolicy !== RemovalPolicy.DESTROY ? ['autoDeleteModelPackages requires '
        + 'removalPolicy RemovalPolicy.DESTROY (deleting the versions of a group that is kept would lose them), got '
        + `${props.removalPolicy ?? 'RemovalPolicy.RETAIN (the default)'}`] : []),
    ]);

    this.resource = new sagemaker.CfnModelPackageGroup(this, 'Resource', {
      modelPackageGroupName: this.groupName,
      modelPackageGroupDescription: props.description,
      modelPackageGroupPolicy: Lazy.any({ produce: () => this.policy }),
    });
    this.resource.applyRemovalPolicy(props.removalPolicy ?? RemovalPolicy.RETAIN);

    // CloudFormation's Ref of AWS::SageMaker::ModelPackageGroup is the ARN; the name is our physical name.
    this.modelPackageGroupName = this.getResourceNameAttribute(this.groupName);
    this.modelPackageGroupArn = this.getResourceArnAttribute(this.resource.attrModelPackageGroupArn, {
      service: 'sagemaker',
      resource: 'model-package-group',
      resourceName: this.physicalName,
    });
    this.policyArn = sageMakerArn(this, 'model-package-group', this.groupName);

    if (props.autoDeleteModelPackages) {
      this.addAutoDeleteModelPackages();
    }
    this.node.addValidation({ validate: () => this.validatePolicy() });
  }

  public arnForModelPackageVersion(version: string): string {
    return sageMakerArn(this, 'model-package', modelPackageVersionName(this.groupName, version));
  }

  public addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult {
    throwIfErrors(`resource policy statement for ModelPackageGroup ${this.node.path}`, statementErrors(statement));
    this.policy ??= new iam.PolicyDocument({ minimize: true });
    this.policy.addStatements(statement);
    this.policyStatements.push(statement);
    return { statementAdded: true, policyDependable: this.resource };
  }

  /** Empties the group before CloudFormation deletes it (`autoDeleteModelPackages`, checked with the other props). */
  private addAutoDeleteModelPackages(): void {
    // The opt-in marker, checked by the handler at Delete time: turning the option off removes the tag
    // (while CloudFormation updates the group) before the custom resource's Delete in the cleanup phase.
    this.resource.tags.setTag(AUTO_DELETE_MARKER_TAG, 'true');
    const handler = DeployTimeHandler.of(this, 'auto-delete');
    const versions = sageMakerArn(this, 'model-package', modelPackageVersionName(this.groupName, '*'));
    handler.allow(LIST_ACTIONS, [this.policyArn, versions]);
    handler.allow(DELETE_VERSION_ACTIONS, [versions]);
    // The marker is read from the group, which the handler deletes once it is empty (so that a version
    // registered meanwhile cannot fail CloudFormation's own deletion of the group).
    handler.allow(['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListTags', 'sagemaker:DeleteModelPackageGroup'], [this.policyArn]);
    const cleanup = handler.newResource(this, 'AutoDeleteModelPackages', 'Custom::SageMakerModelPackageGroupAutoDelete', {
      ModelPackageGroupName: this.groupName,
      MarkerTagKey: AUTO_DELETE_MARKER_TAG,
    });
    // Deleted before the group: the versions go first.
    cleanup.node.addDependency(this.resource);
  }

  /** Cross-environment references use the same generated name as the template. */
  protected generatePhysicalName(): string {
    return generateName(this);
  }

  private validatePolicy(): string[] {
    if (!this.policy) {
      return [];
    }
    // Statements are mutable after they were added: check them again now.
    const errors = [
      ...this.policy.validateForResourcePolicy(),
      ...this.policyStatements.flatMap(statementErrors),
    ];
    const stack = Stack.of(this);
    const rendered = JSON.stringify(stack.resolve(this.policy));
    const logicalId = stack.resolve((this.resource as CfnResource).logicalId);
    if (rendered.includes(`{"Ref":"${logicalId}"}`) || rendered.includes(`"Fn::GetAtt":["${logicalId}"`)) {
      errors.push('the resource policy refers to the group itself (for example through modelPackageGroupArn), which CloudFormation '
        + 'rejects as a circular dependency; grant with group.grant*() or build the ARN with Stack.formatArn() instead');
    }
    if (rendered.length > MAX_POLICY_LENGTH) {
      errors.push(`the resource policy must be at most ${MAX_POLICY_LENGTH} characters long, got about ${rendered.length}`);
    }
    return errors;
  }
}

/** The attributes of an imported model package group. */
interface ImportedModelPackageGroupProps {
  readonly modelPackageGroupArn: string;
  readonly modelPackageGroupName: string;
  /** The ARN of a version of the group (in the group's account and region). */
  readonly versionsArn: (version: string) => string;
}

class ImportedModelPackageGroup extends ModelPackageGroupBase {
  public readonly modelPackageGroupArn: string;
  public readonly modelPackageGroupName: string;
  protected readonly policyArn: string;
  private readonly versionsArn: (version: string) => string;

  constructor(scope: Construct, id: string, props: ImportedModelPackageGroupProps) {
    super(scope, id, { environmentFromArn: props.modelPackageGroupArn });
    this.modelPackageGroupArn = props.modelPackageGroupArn;
    this.policyArn = props.modelPackageGroupArn;
    this.modelPackageGroupName = props.modelPackageGroupName;
    this.versionsArn = props.versionsArn;
  }

  public arnForModelPackageVersion(version: string): string {
    return this.versionsArn(version);
  }

  public addToResourcePolicy(_statement: iam.PolicyStatement): iam.AddToResourcePolicyResult {
    Annotations.of(this).addWarningV2('cdk-sagemaker-registry:importedGroupPolicyUnchanged',
      `The resource policy of imported model package group ${this.modelPackageGroupName} cannot be changed from this stack: `
      + 'the statement was not added. If the principal is in another account than the group, the stack that owns the group '
      + 'must allow it (for example with grantRead or grantRegister on an AccountPrincipal).');
    return { statementAdded: false };
  }
}

/** Problems with a statement for a model package group resource policy. */
function statementErrors(statement: iam.PolicyStatement): string[] {
  const errors: string[] = [];
  if (statement.actions.includes('*')) {
    errors.push('a model package group resource policy must not allow Action "*" (AWS RAM cannot share a group whose policy '
      + `does, and it grants far more than the registry needs); list the sagemaker: actions instead, got actions ${JSON.stringify(statement.actions)}`);
  }
  if (!statement.hasResource) {
    errors.push('a model package group resource policy statement must name its resources: the group ARN and/or '
      + 'arnForModelPackageVersion(\'*\')');
  }
  return errors;
}
