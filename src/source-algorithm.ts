import { aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';
import { ModelData } from './model-data';

/**
 * The algorithm a model package's model was trained with (SageMaker `SourceAlgorithm`): an
 * algorithm resource of this account or one from AWS Marketplace that the account subscribes to.
 *
 * Give exactly one of `algorithm` and `algorithmName`.
 */
export interface SourceAlgorithm {
  /**
   * The algorithm, for example an `Algorithm` of this library, a `CfnAlgorithm` or an import.
   *
   * @default - use `algorithmName`
   */
  readonly algorithm?: sagemakerRefs.IAlgorithmRef;

  /**
   * The name or ARN of the algorithm (for example of an AWS Marketplace algorithm).
   *
   * @default - use `algorithm`
   */
  readonly algorithmName?: string;

  /**
   * The model artifacts produced by training: a single `.tar.gz` archive (CloudFormation's
   * `SourceAlgorithm` takes only `ModelDataUrl`).
   *
   * @default - none
   */
  readonly modelData?: ModelData;
}
