import { Token } from 'aws-cdk-lib';
import { aws_kms as kmsRefs, aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { ModelApprovalStatus } from './approval';
import { ModelPackage } from './model-package';
import { DeployTimeHandler } from './private/deploy-time-handler';
import { APPROVE_ACTIONS } from './private/perms';
import { checkStructKeys } from './private/struct-keys';
import { throwIfErrors, validateDescription, validateLength, validatePattern } from './private/validation';

/** `ModelLifeCycle.Stage` and `StageStatus` of UpdateModelPackage. */
const STAGE_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

/**
 * The lifecycle stage of a model package version (SageMaker `ModelLifeCycle`), for example stage
 * `Production` with status `Deployed`. It cannot be set through CloudFormation.
 */
export interface ModelLifeCycle {
  /** The stage, for example `Development`, `Staging` or `Production` (1-63 letters, digits and hyphens). */
  readonly stage: string;

  /** The status within the stage, for example `InProgress` or `Deployed` (1-63 letters, digits and hyphens). */
  readonly stageStatus: string;

  /**
   * A description of the stage (at most 1024 characters).
   *
   * @default - none
   */
  readonly stageDescription?: string;
}

/**
 * Properties of a `ModelPackageApproval`.
 */
export interface ModelPackageApprovalProps {
  /**
   * The version to approve, reject or stage: typically one this stack does not own, such as a version
   * registered by a SageMaker pipeline (`ModelPackage.fromModelPackageArn`) or found with
   * `latestApprovedModelPackage()`.
   */
  readonly modelPackage: sagemakerRefs.IModelPackageRef;

  /** The approval status to set. */
  readonly approvalStatus: ModelApprovalStatus;

  /**
   * A description of the decision (at most 1024 characters).
   *
   * @default - none
   */
  readonly approvalDescription?: string;

  /**
   * The lifecycle stage to set.
   *
   * @default - the stage is not changed
   */
  readonly lifeCycle?: ModelLifeCycle;

  /**
   * The KMS key the version is encrypted with (`encryptionKey` of the package): describing such a
   * version calls KMS Decrypt, so the handler is allowed `kms:Decrypt` on it.
   *
   * @default - the `encryptionKey` of `modelPackage` when it is a `ModelPackage` of this app; none otherwise
   */
  readonly encryptionKey?: kmsRefs.IKeyRef;
}

/**
 * Sets the approval status (and optionally the lifecycle stage) of a model package version at
 * deploy time, declaratively, through a custom resource that calls UpdateModelPackage.
 *
 * - Create reads the version's current status and refuses a transition that SageMaker does not
 *   document (see `ApprovalTransitions`), naming both statuses. Keeping the status is always allowed.
 * - Update applies the new status the same way, except that it never fails on an undocumented
 *   transition: such an Update is what CloudFormation sends to roll back a stack update, so the
 *   handler asks SageMaker for it and, if SageMaker refuses, keeps the current status and says so in
 *   its log (the rollback succeeds). The handler also logs a warning when the status it finds is not
 *   the one it set last time (someone else changed it since).
 * - Removing this construct leaves the version as it is: an approval decision is part of the
 *   registry's history, and there is no "previous decision" to restore safely.
 *
 * `PendingManualApproval` cannot be set (SageMaker documents no transition to it), and two approvals
 * of the same version in one app are refused at synth time (they would undo each other at every
 * deployment). The handler answers within 2 minutes (the custom resource's ServiceTimeout is 4 minutes).
 *
 * One Lambda function per stack serves every approval; it may describe and update exactly the
 * versions given (and decrypt them with their `encryptionKey`).
 */
export class ModelPackageApproval extends Construct {
  /** The version whose status this sets. */
  public readonly modelPackage: sagemakerRefs.IModelPackageRef;

  constructor(scope: Construct, id: string, props: ModelPackageApprovalProps) {
    super(scope, id);
    checkStructKeys(`ModelPackageApproval ${this.node.path}`, 'ModelPackageApprovalProps', props);
    const stage = props.lifeCycle;
    throwIfErrors(`ModelPackageApproval ${this.node.path}`, [
      ...validateDescription('approvalDescription', props.approvalDescription),
      ...(stage ? [
        ...stageErrors('lifeCycle.stage', stage.stage),
        ...stageErrors('lifeCycle.stageStatus', stage.stageStatus),
        ...validateLength('lifeCycle.stageDescription', stage.stageDescription, 0, 1024),
      ] : []),
    ]);
    if (!Token.isUnresolved(props.approvalStatus) && !Object.values(ModelApprovalStatus).includes(props.approvalStatus)) {
      throw new Error(`ModelPackageApproval ${this.node.path}: approvalStatus must be one of ${Object.values(ModelApprovalStatus).join(', ')}, `
        + `got '${props.approvalStatus}'`);
    }
    if (props.approvalStatus === ModelApprovalStatus.PENDING_MANUAL_APPROVAL) {
      // A version starts as PendingManualApproval, and SageMaker documents no transition back to it.
      throw new Error(`ModelPackageApproval ${this.node.path}: approvalStatus must be one of ${ModelApprovalStatus.APPROVED}, `
        + `${ModelApprovalStatus.REJECTED}, got '${props.approvalStatus}': SageMaker documents no transition to `
        + `${ModelApprovalStatus.PENDING_MANUAL_APPROVAL} (a version only starts there), so an approval cannot set it`);
    }
    claimVersion(this, props.modelPackage.modelPackageRef.modelPackageArn);

    const handler = DeployTimeHandler.of(this, 'approval');
    handler.allow([...APPROVE_ACTIONS, 'sagemaker:DescribeModelPackage'], [props.modelPackage.modelPackageRef.modelPackageArn]);
    const key = props.encryptionKey ?? (props.modelPackage instanceof ModelPackage ? props.modelPackage.encryptionKey : undefined);
    if (key) {
      // DescribeModelPackage of an encrypted version decrypts it with the caller's permissions.
      handler.allow(['kms:Decrypt'], [key.keyRef.keyArn]);
    }
    handler.newResource(this, 'Resource', 'Custom::SageMakerModelPackageApproval', {
      ModelPackageArn: props.modelPackage.modelPackageRef.modelPackageArn,
      ApprovalStatus: props.approvalStatus,
      ApprovalDescription: props.approvalDescription,
      Stage: stage?.stage,
      StageStatus: stage?.stageStatus,
      StageDescription: stage?.stageDescription,
    });
    this.modelPackage = props.modelPackage;
  }
}

/** The approvals of each app, by the version they set (its ARN, or the token of its ARN). */
const APPROVALS = new WeakMap<Construct, Map<string, string>>();

/**
 * Two approvals of the same version in one app race each other at every deployment (whichever
 * runs last wins, and each undoes the other's decision): refuse the second one.
 */
function claimVersion(approval: ModelPackageApproval, modelPackageArn: string): void {
  const root = approval.node.root;
  const claimed = APPROVALS.get(root) ?? new Map<string, string>();
  APPROVALS.set(root, claimed);
  const other = claimed.get(modelPackageArn);
  if (other !== undefined) {
    throw new Error(`ModelPackageApproval ${approval.node.path}: modelPackage is already approved by ModelPackageApproval ${other}; `
      + 'two approvals of the same version would overwrite each other at every deployment: keep one');
  }
  claimed.set(modelPackageArn, approval.node.path);
}

/** Problems with a stage or stage status: its length, else its characters. */
function stageErrors(property: string, value: string): string[] {
  const length = validateLength(property, value, 1, 63);
  return length.length > 0
    ? length
    : validatePattern(property, value, STAGE_PATTERN, 'letters, digits and hyphens, starting and ending with a letter or digit');
}
