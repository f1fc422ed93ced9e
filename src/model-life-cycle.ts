/**
 * The lifecycle stage of a model package version (SageMaker `ModelLifeCycle`), for example stage
 * `Production` with status `Deployed`. It cannot be set through CloudFormation: the library sets it
 * at deploy time (`ModelPackage`'s `lifeCycle`, `ModelPackageApproval`).
 *
 * @see https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ModelLifeCycle.html
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
