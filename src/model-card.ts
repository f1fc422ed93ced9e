/**
 * The status of a model card within the organization.
 */
export enum ModelCardStatus {
  /** The model card is a draft (`Draft`). */
  DRAFT = 'Draft',
  /** The model card waits for review (`PendingReview`). */
  PENDING_REVIEW = 'PendingReview',
  /** The model card is approved (`Approved`). */
  APPROVED = 'Approved',
  /** The model card is archived (`Archived`). */
  ARCHIVED = 'Archived',
}

/**
 * A model card attached to a model package: documentation of the model for governance.
 */
export interface ModelPackageModelCard {
  /**
   * The content of the model card: a JSON document (at most 100000 characters) that follows the
   * SageMaker "model package model card schema" (for example `model_overview`, `intended_uses`,
   * `evaluation_details`; no `model_package_details`).
   *
   * @see https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-details.html
   */
  readonly content: string;

  /** The status of the model card. */
  readonly status: ModelCardStatus;
}
