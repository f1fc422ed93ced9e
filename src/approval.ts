/**
 * Approval status of a model package version in the SageMaker model registry.
 *
 * The values are the strings the SageMaker API and CloudFormation use
 * (`ModelApprovalStatus` of `CreateModelPackage` / `UpdateModelPackage` and of the
 * `SageMaker Model Package State Change` EventBridge event).
 *
 * @see https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-approve.html
 */
export enum ModelApprovalStatus {
  /** The version is approved for deployment (`Approved`). */
  APPROVED = 'Approved',
  /** The version was rejected (`Rejected`). */
  REJECTED = 'Rejected',
  /** The version waits for a manual decision (`PendingManualApproval`). */
  PENDING_MANUAL_APPROVAL = 'PendingManualApproval',
}

/**
 * A change of a version's approval status from one value to another.
 */
export interface ApprovalTransition {
  /** The status before the change. */
  readonly from: ModelApprovalStatus;
  /** The status after the change. */
  readonly to: ModelApprovalStatus;
}

/**
 * The approval-status transitions that SageMaker documents, as data.
 *
 * The SageMaker Developer Guide lists these as the only valid transitions: Pending -> Approved,
 * Pending -> Rejected, Rejected -> Approved and Approved -> Rejected. No documented transition goes
 * back to `PendingManualApproval`. Keeping a status (for example Approved -> Approved) changes nothing
 * and is always allowed.
 *
 * @see https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-approve.html
 */
export class ApprovalTransitions {
  /** The documented transitions, in the order the SageMaker Developer Guide lists them. */
  public static readonly DOCUMENTED: ApprovalTransition[] = [
    { from: ModelApprovalStatus.PENDING_MANUAL_APPROVAL, to: ModelApprovalStatus.APPROVED },
    { from: ModelApprovalStatus.PENDING_MANUAL_APPROVAL, to: ModelApprovalStatus.REJECTED },
    { from: ModelApprovalStatus.REJECTED, to: ModelApprovalStatus.APPROVED },
    { from: ModelApprovalStatus.APPROVED, to: ModelApprovalStatus.REJECTED },
  ];

  /**
   * Whether a version may move from one approval status to another: `true` for a documented
   * transition or when the status stays the same.
   */
  public static canTransition(from: ModelApprovalStatus, to: ModelApprovalStatus): boolean {
    return from === to || ApprovalTransitions.DOCUMENTED.some((t) => t.from === from && t.to === to);
  }

  /**
   * The statuses a version with the given status may move to by a documented transition.
   */
  public static targetsFrom(from: ModelApprovalStatus): ModelApprovalStatus[] {
    return ApprovalTransitions.DOCUMENTED.filter((t) => t.from === from).map((t) => t.to);
  }

  private constructor() {}
}
