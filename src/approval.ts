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
