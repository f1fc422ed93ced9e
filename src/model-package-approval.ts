import { Token } from 'aws-cdk-lib';
import { aws_kms as kmsRefs, aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { ModelApprovalStatus } from './approval';
import { ModelLifeCycle } from './model-life-cycle';
import { ModelPackage } from './model-package';
import { DeployTimeHandler } from './private/deploy-time/deploy-time-handler';
import { APPROVE_ACTIONS } from './private/iam/perms';
import { lifeCycleProperties } from './private/render/life-cycle';
import { throwIfErrors } from './private/validate/error';
import { claimStage, stageSetterOf } from './private/validate/stage-claims';
import { lifeCycleErrors } from './private/validate/stages';
import { checkStructKeys } from './private/validate/struct-keys';
import { validateDescription } from './private/validate/values';

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

  /**
   * The approval status to set. Give this, `lifeCycle` or both.
   *
   * @default - the approval status is not changed (give `lifeCycle`)
   */
  readonly approvalStatus?: ModelApprovalStatus;

  /**
   * A description of the decision (at most 1024 characters); only with `approvalStatus`.
   *
   * @default - none
   */
  readonly approvalDescription?: string;

  /**
   * The lifecycle stage to set. Give this, `approvalStatus` or both. Setting only the stage never
   * touches the approval status.
   *
   * @default - the stage is not changed (give `approvalStatus`)
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
 * Sets the approval status and/or the lifecycle stage of a model package version at deploy time,
 * declaratively, through a custom resource that calls UpdateModelPackage.
 *
 * - Create reads the version's current status and refuses a transition that SageMaker does not
 *   document (see `ApprovalTransitions`), naming both statuses. Keeping the status is always allowed.
 * - Update applies the new status the same way, except that it never fails on an undocumented
 *   transition: such an Update is what CloudFormation sends to roll back a stack update, so the
 *   handler asks SageMaker for it and, if SageMaker refuses, keeps the current status and says so in
 *   its log (the rollback succeeds). The handler also logs a warning when the status it finds is not
 *   the one it set last time (someone else changed it since).
 * - A stage (`lifeCycle`) is set on Create and on every Update that changes it (the rollback of a
 *   stack update sets the stage from before again). SageMaker has no rules for stage changes.
 *   Without `approvalStatus`, only the stage is sent: the approval status stays as it is.
 * - Removing this construct leaves the version as it is: an approval decision is part of the
 *   registry's history, and there is no "previous decision" to restore safely.
 *
 * `PendingManualApproval` cannot be set (SageMaker documents no transition to it). Two approvals
 * setting the status of the same version in one app are refused at synth time (they would undo each
 * other at every deployment), and so are two settings of one version's stage (also the `lifeCycle`
 * of a `ModelPackage`); one approval of the status and another of the stage may coexist. The handler answers within 2 minutes (the custom resource's ServiceTimeout is 4 minutes).
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
    const arn = props.modelPackage.modelPackageRef.modelPackageArn;
    // Every problem first, the other approvals and stage settings of the same version included;
    // the version is claimed only once this approval is valid.
    const otherApproval = props.approvalStatus === undefined ? undefined : approvalOf(this, arn);
    const otherStage = stage === undefined ? undefined : stageSetterOf(this, arn);
    throwIfErrors(`ModelPackageApproval ${this.node.path}`, [
      ...(props.approvalStatus === undefined && stage === undefined
        ? ['approvalStatus or lifeCycle must be given (the approval status to set, the lifecycle stage to set, or both), got neither']
        : []),
      ...(props.approvalStatus === undefined && props.approvalDescription !== undefined
        ? [`approvalDescription describes an approval decision and requires approvalStatus, got approvalDescription '${props.approvalDescription}' `
          + 'without approvalStatus']
        : []),
      ...(props.approvalStatus !== undefined && !Token.isUnresolved(props.approvalStatus)
        && !Object.values(ModelApprovalStatus).includes(props.approvalStatus)
        ? [`approvalStatus must be one of ${Object.values(ModelApprovalStatus).join(', ')}, got '${props.approvalStatus}'`]
        : []),
      // A version starts as PendingManualApproval, and SageMaker documents no transition back to it.
      ...(props.approvalStatus === ModelApprovalStatus.PENDING_MANUAL_APPROVAL
        ? [`approvalStatus must be one of ${ModelApprovalStatus.APPROVED}, ${ModelApprovalStatus.REJECTED}, got '${props.approvalStatus}': `
          + `SageMaker documents no transition to ${ModelApprovalStatus.PENDING_MANUAL_APPROVAL} (a version only starts there), so an `
          + 'approval cannot set it']
        : []),
      ...validateDescription('approvalDescription', props.approvalDescription),
      ...lifeCycleErrors('lifeCycle', stage),
      ...(otherApproval === undefined ? [] : [
        `modelPackage is already approved by ModelPackageApproval ${otherApproval}; two approvals of the same version would overwrite `
        + 'each other at every deployment: keep one',
      ]),
      ...(otherStage === undefined ? [] : [
        `lifeCycle: the stage of modelPackage is already set by ${otherStage}; two settings of the same version's stage `
        + 'overwrite each other (whichever runs last wins): keep one',
      ]),
    ]);
    if (props.approvalStatus !== undefined) {
      claimApproval(this, arn);
    }
    if (stage) {
      claimStage(this, arn, `ModelPackageApproval ${this.node.path}`);
    }

    const handler = DeployTimeHandler.of(this, 'approval');
    handler.allow([...APPROVE_ACTIONS, 'sagemaker:DescribeModelPackage'], [arn]);
    const key = props.encryptionKey ?? (props.modelPackage instanceof ModelPackage ? props.modelPackage.encryptionKey : undefined);
    if (key) {
      // DescribeModelPackage of an encrypted version decrypts it with the caller's permissions.
      handler.allow(['kms:Decrypt'], [key.keyRef.keyArn]);
    }
    handler.newResource(this, 'Resource', 'Custom::SageMakerModelPackageApproval', {
      ModelPackageArn: arn,
      ApprovalStatus: props.approvalStatus,
      ApprovalDescription: props.approvalDescription,
      ...lifeCycleProperties(stage),
    });
    this.modelPackage = props.modelPackage;
  }
}

/** The approvals of each app, by the version they set (its ARN, or the token of its ARN). */
const APPROVALS = new WeakMap<Construct, Map<string, string>>();

/**
 * Two approvals of the same version in one app race each other at every deployment (whichever
 * runs last wins, and each undoes the other's decision): the second one is refused.
 */
function approvalOf(approval: ModelPackageApproval, modelPackageArn: string): string | undefined {
  return APPROVALS.get(approval.node.root)?.get(modelPackageArn);
}

/** Records that `approval` sets the approval status of the version `modelPackageArn`. */
function claimApproval(approval: ModelPackageApproval, modelPackageArn: string): void {
  const root = approval.node.root;
  const claimed = APPROVALS.get(root) ?? new Map<string, string>();
  APPROVALS.set(root, claimed);
  claimed.set(modelPackageArn, approval.node.path);
}
