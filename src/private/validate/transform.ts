import { SizeRoundingBehavior, Token } from 'aws-cdk-lib';
import { TRANSFORM_ENVIRONMENT_VALUE_LENGTH, TransformJobTarget } from './rules';
import { validateInstanceType } from './supported-instance-types';
import {
  validateEnumValue,
  validateEnvironment,
  validateInteger,
  validateLength,
  validateS3Uri,
  validateSageMakerName,
} from './values';
import {
  AssembleWith,
  BatchStrategy,
  CompressionType,
  SplitType,
  TransformInputDataType,
  TransformJobDefinition,
  ValidationSpecification,
} from '../../validation-specification';

/**
 * Problems with a transform job definition.
 *
 * @param target where the definition is sent: CloudFormation's AWS::SageMaker::ModelPackage, or
 * CreateAlgorithm (through the algorithm's custom resource), whose limits differ
 */
export function transformJobErrors(
  property: string,
  job: TransformJobDefinition,
  target: TransformJobTarget = 'AWS::SageMaker::ModelPackage'): string[] {
  const errors: string[] = [];
  const apiOnly = target === 'CreateAlgorithm';
  errors.push(...validateS3Uri(`${property}.input.s3Uri`, job.input.s3Uri, apiOnly));
  errors.push(...validateLength(`${property}.input.contentType`, job.input.contentType, 0, 256));
  errors.push(...validateS3Uri(`${property}.output.s3OutputPath`, job.output.s3OutputPath, apiOnly));
  errors.push(...validateLength(`${property}.output.accept`, job.output.accept, 0, 256));
  errors.push(...validateInstanceType(`${property}.resources.instanceType`, job.resources.instanceType.toString(), 'transform'));
  errors.push(...validateInteger(`${property}.resources.instanceCount`, job.resources.instanceCount, 1, 100));
  errors.push(...validateEnumValue(`${property}.input.dataType`, job.input.dataType, Object.values(TransformInputDataType), 'TransformInputDataType'));
  if (job.input.dataType === TransformInputDataType.AUGMENTED_MANIFEST_FILE) {
    errors.push(`${property}.input.dataType must be ${TransformInputDataType.S3_PREFIX} or ${TransformInputDataType.MANIFEST_FILE} `
      + `(SageMaker: AugmentedManifestFile "is not compatible" with batch transform), got '${job.input.dataType}'`);
  }
  errors.push(...validateEnumValue(`${property}.input.compressionType`, job.input.compressionType, Object.values(CompressionType), 'CompressionType'));
  errors.push(...validateEnumValue(`${property}.input.splitType`, job.input.splitType, Object.values(SplitType), 'SplitType'));
  errors.push(...validateEnumValue(`${property}.output.assembleWith`, job.output.assembleWith, Object.values(AssembleWith), 'AssembleWith'));
  errors.push(...validateEnumValue(`${property}.batchStrategy`, job.batchStrategy, Object.values(BatchStrategy), 'BatchStrategy'));
  errors.push(...validateInteger(`${property}.maxConcurrentTransforms`, job.maxConcurrentTransforms, 0));
  // The API allows values of up to 10240 characters, but CloudFormation's schema of
  // AWS::SageMaker::ModelPackage shares the container Environment definition (values of at most 1024).
  errors.push(...validateEnvironment(`${property}.environment`, job.environment, {
    maxEntries: 16,
    maxValueLength: TRANSFORM_ENVIRONMENT_VALUE_LENGTH[target],
  }));
  if (job.maxPayload !== undefined) {
    // No rounding: a size that is not a whole number of MiB is reported, not rounded.
    const maxPayloadInMb = job.maxPayload.toMebibytes({ rounding: SizeRoundingBehavior.NONE });
    if (!Token.isUnresolved(maxPayloadInMb) && (!Number.isInteger(maxPayloadInMb) || maxPayloadInMb < 0)) {
      errors.push(`${property}.maxPayload must be a whole number of mebibytes, got ${maxPayloadInMb} MiB`);
    }
  }
  return errors;
}

/** Problems with a model package validation specification: its profile's name and its transform job. */
export function validationSpecificationErrors(property: string, spec: ValidationSpecification): string[] {
  const profile = spec.profile;
  return [
    ...validateSageMakerName(`${property}.profile.profileName`, profile.profileName),
    ...transformJobErrors(`${property}.profile.transformJob`, profile.transformJob),
  ];
}
