/**
 * Limits of the synth-time rules that differ between the resources a shape is rendered into, each
 * with the source it comes from. `test/conformance/` checks every synth-time rule of the library
 * against botocore's SageMaker model and CloudFormation's schemas (docs/validation.md lists them).
 */

/** The resource types whose inference containers the library renders. */
export type InferenceResourceType = 'AWS::SageMaker::ModelPackage' | 'AWS::SageMaker::Algorithm';

/** Limits of a `ModelPackageContainerDefinition` that depend on the resource it is rendered into. */
export interface InferenceContainerLimits {
  /** `Environment` entries. */
  readonly environmentEntries: number;
  /** `Environment` value length. */
  readonly environmentValueLength: number;
  /** `ModelInput.DataInputConfig` length. */
  readonly dataInputConfigLength: number;
  /** Whether `IsCheckpoint` can be rendered. */
  readonly isCheckpoint: boolean;
  /** Whether `ModelDataSource.S3DataSource.HubAccessConfig` can be rendered. */
  readonly hubAccessConfig: boolean;
  /** `FrameworkVersion` (3-10 characters). */
  readonly frameworkVersionPattern: RegExp;
}

export const INFERENCE_CONTAINER_LIMITS: Record<InferenceResourceType, InferenceContainerLimits> = {
  // CloudFormation's AWS::SageMaker::ModelPackage schema is stricter than the API (EnvironmentMap:
  // 100 entries; DataInputConfig: 16384 characters) and has neither IsCheckpoint nor HubAccessConfig.
  'AWS::SageMaker::ModelPackage': {
    environmentEntries: 16,
    environmentValueLength: 1024,
    dataInputConfigLength: 1024,
    isCheckpoint: false,
    hubAccessConfig: false,
    // The API's pattern, and CloudFormation's unanchored [0-9]\.[A-Za-z0-9.]+ must find a digit, a dot and a
    // letter, digit or dot: so no hyphen right after the dot (1.7-1 is fine, 1.-1 is not).
    frameworkVersionPattern: /^[0-9]\.[A-Za-z0-9.][A-Za-z0-9.-]*$/,
  },
  // CloudFormation's AWS::SageMaker::Algorithm schema sets no limit on Environment, so the API's apply.
  'AWS::SageMaker::Algorithm': {
    environmentEntries: 100,
    environmentValueLength: 1024,
    dataInputConfigLength: 16384,
    isCheckpoint: true,
    hubAccessConfig: false,
    frameworkVersionPattern: /^[0-9]\.[A-Za-z0-9.-]+$/,
  },
};

/** Where a transform job definition is sent. */
export type TransformJobTarget = 'AWS::SageMaker::ModelPackage' | 'CreateAlgorithm';

/**
 * `TransformJobDefinition.Environment` value length: the API allows 10240 characters
 * (`TransformEnvironmentValue`), but CloudFormation's `AWS::SageMaker::ModelPackage` schema shares
 * the container `Environment` definition (1024). An algorithm's validation specification is sent
 * to CreateAlgorithm directly (a custom resource), so the API's limit applies there.
 */
export const TRANSFORM_ENVIRONMENT_VALUE_LENGTH: Record<TransformJobTarget, number> = {
  'AWS::SageMaker::ModelPackage': 1024,
  'CreateAlgorithm': 10240,
};

/**
 * `ArnOrName` (botocore `SourceAlgorithm.AlgorithmName`, also CloudFormation): an optional ARN
 * prefix, then a name of 1-63 letters, digits and hyphens that starts with a letter or digit and
 * does not end with a hyphen.
 */
export const ARN_OR_NAME_PATTERN = /^(arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:[a-z-]*\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)$/;

/** `ModelPackageSourceUri` (botocore and CloudFormation): letters, marks, separators, numbers, punctuation; no symbols. */
export const SOURCE_URI_PATTERN = /^[\p{L}\p{M}\p{Z}\p{N}\p{P}]*$/u;

/** `AttributeNames` (botocore `S3DataSource`): at most 16 names of 1-256 characters. */
export const MAX_ATTRIBUTE_NAMES = 16;
