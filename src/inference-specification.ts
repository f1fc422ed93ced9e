import { ContainerImage } from './container-image';
import { InstanceType } from './instance-type';
import { ModelData } from './model-data';

/**
 * A container of an inference specification (SageMaker `ModelPackageContainerDefinition`).
 */
export interface InferenceContainer {
  /** The image with the inference code. */
  readonly image: ContainerImage;

  /**
   * The SHA-256 digest of the image, `sha256:` followed by 64 hex digits.
   *
   * @default - no digest
   */
  readonly imageDigest?: string;

  /**
   * The model artifacts: a `.tar.gz` archive or an uncompressed S3 prefix. Algorithms do not take
   * model data (their models come from training jobs).
   *
   * @default - no model data
   */
  readonly modelData?: ModelData;

  /**
   * Environment variables of the container: names of letters, digits and underscores that do not
   * start with a digit, values of at most 1024 characters; at most 16 entries in a model package
   * (CloudFormation's `AWS::SageMaker::ModelPackage` schema), at most 100 in an algorithm (the API).
   *
   * @default - none
   */
  readonly environment?: { [name: string]: string };

  /**
   * The DNS host name of the container (1-63 letters, digits and hyphens).
   *
   * @default - none
   */
  readonly containerHostname?: string;

  /**
   * The machine learning framework of the image, for example `XGBOOST` or `PYTORCH`.
   *
   * @default - none
   */
  readonly framework?: string;

  /**
   * The framework version, for example `1.7-1` or `2.1.0` (3-10 characters: a digit, a dot, then
   * letters, digits, dots and hyphens; SageMaker API `ModelPackageFrameworkVersion`).
   *
   * @default - none
   */
  readonly frameworkVersion?: string;

  /**
   * The name of a pre-trained model benchmarked by SageMaker Inference Recommender that matches
   * this model.
   *
   * @default - none
   */
  readonly nearestModelName?: string;

  /**
   * The input configuration of the model for Inference Recommender and compilation
   * (`ModelInput.DataInputConfig`), for example `{"input_1":[1,224,224,3]}`: 1-16384 characters in
   * an algorithm (the API), 1-1024 in a model package (CloudFormation's `AWS::SageMaker::ModelPackage`
   * schema is stricter than the API there).
   *
   * @default - none
   */
  readonly dataInputConfig?: string;

  /**
   * Whether the model data is a training checkpoint (`IsCheckpoint`). Only in an algorithm's
   * inference specification: CloudFormation's `AWS::SageMaker::ModelPackage` has no such property.
   *
   * @default - not rendered (SageMaker's default: not a checkpoint)
   */
  readonly isCheckpoint?: boolean;
}

/**
 * What inference with a model package or algorithm needs: containers, content types and
 * instance types (SageMaker `InferenceSpecification`).
 */
export interface InferenceSpecification {
  /** The containers, run in order (1-15). */
  readonly containers: InferenceContainer[];

  /**
   * The MIME types of the input data, for example `text/csv`. Required for model packages
   * (CloudFormation's `AWS::SageMaker::ModelPackage` requires it).
   *
   * @default - none (allowed for algorithms only)
   */
  readonly supportedContentTypes?: string[];

  /**
   * The MIME types of the responses, for example `text/csv` (each `type/subtype`). Required for
   * model packages (CloudFormation's `AWS::SageMaker::ModelPackage` requires it).
   *
   * @default - none (allowed for algorithms only)
   */
  readonly supportedResponseMimeTypes?: string[];

  /**
   * The instance types for real-time inference. Required for unversioned model packages.
   *
   * @default - none
   */
  readonly supportedRealtimeInferenceInstanceTypes?: InstanceType[];

  /**
   * The instance types for batch transform jobs. Required for unversioned model packages.
   *
   * @default - none
   */
  readonly supportedTransformInstanceTypes?: InstanceType[];
}

/**
 * An additional inference specification of a model package, for example for another instance
 * family; a model selects it by name (`InferenceSpecificationName`).
 */
export interface AdditionalInferenceSpecification extends InferenceSpecification {
  /** The name, unique within the package (1-63 letters, digits and hyphens). */
  readonly name: string;

  /**
   * A description (at most 1024 characters).
   *
   * @default - none
   */
  readonly description?: string;
}
