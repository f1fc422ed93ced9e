import { Token } from 'aws-cdk-lib';
import { aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { ModelApprovalStatus } from './approval';
import { APPROVE_ACTIONS } from './private/perms';
import { RegistryHandler } from './private/registry-handler';
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
}

/**
 * Sets the approval status (and optionally the lifecycle stage) of a model package version at
 * deploy time, declaratively, through a custom resource that calls UpdateModelPackage.
 *
 * Before each change the handler reads the version's current status and refuses a transition that
 * SageMaker does not document (see `ApprovalTransitions`), naming both statuses: for example,
 * nothing moves a version back to `PendingManualApproval`. Keeping the status is always allowed.
 *
 * Removing this construct leaves the version as it is: an approval decision is part of the
 * registry's history, and there is no "previous decision" to restore safely (others may have
 * changed the status since).
 *
 * One Lambda function per stack serves every approval; it may describe and update exactly the
 * versions given.
 */
export class ModelPackageApproval extends Construct {
  /** The version whose status this sets. */
  public readonly modelPackage: sagemakerRefs.IModelPackageRef;

  constructor(scope: Construct, id: string, props: ModelPackageApprovalProps) {
    super(scope, id);
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

    const handler = RegistryHandler.of(this, 'approval');
    handler.allow([...APPROVE_ACTIONS, 'sagemaker:DescribeModelPackage'], [props.modelPackage.modelPackageRef.modelPackageArn]);
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

/** Problems with a stage or stage status: its length, else its characters. */
function stageErrors(property: string, value: string): string[] {
  const length = validateLength(property, value, 1, 63);
  return length.length > 0
    ? length
    : validatePattern(property, value, STAGE_PATTERN, 'letters, digits and hyphens, starting and ending with a letter or digit');
}
