import { SizeRoundingBehavior, Token, aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import { validateInstanceType } from './instance-types';
import {
  validateEnumValue,
  validateEnvironment,
  validateInteger,
  validateLength,
  validateS3Uri,
  validateSageMakerName,
} from './validation';
import {
  AssembleWith,
  BatchStrategy,
  CompressionType,
  SplitType,
  TransformInputDataType,
  TransformJobDefinition,
  ValidationSpecification,
} from '../validation-specification';
import { grantKey } from './keys';
import { TRANSFORM_ENVIRONMENT_VALUE_LENGTH, TransformJobTarget } from './rules';

/**
 * Renders a transform job definition, collecting problems.
 *
 * @param target where the definition is sent: CloudFormation's AWS::SageMaker::ModelPackage, or
 * CreateAlgorithm (through the algorithm's custom resource), whose limits differ
 */
export function renderTransformJob(
  property: string,
  job: TransformJobDefinition,
  errors: string[],
  target: TransformJobTarget = 'AWS::SageMaker::ModelPackage'): sagemaker.CfnModelPackage.TransformJobDefinitionProperty {
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
  let maxPayloadInMb: number | undefined;
  if (job.maxPayload !== undefined) {
    // No rounding: a size that is not a whole number of MiB is reported below with the other problems.
    maxPayloadInMb = job.maxPayload.toMebibytes({ rounding: SizeRoundingBehavior.NONE });
    if (!Token.isUnresolved(maxPayloadInMb) && (!Number.isInteger(maxPayloadInMb) || maxPayloadInMb < 0)) {
      errors.push(`${property}.maxPayload must be a whole number of mebibytes, got ${maxPayloadInMb} MiB`);
    }
  }
  return {
    transformInput: {
      dataSource: {
        s3DataSource: {
          s3Uri: job.input.s3Uri,
          s3DataType: job.input.dataType ?? TransformInputDataType.S3_PREFIX,
        },
      },
      contentType: job.input.contentType,
      compressionType: job.input.compressionType,
      splitType: job.input.splitType,
    },
    transformOutput: {
      s3OutputPath: job.output.s3OutputPath,
      accept: job.output.accept,
      assembleWith: job.output.assembleWith,
      kmsKeyId: job.output.encryptionKey?.keyRef.keyArn,
    },
    transformResources: {
      instanceType: job.resources.instanceType.toString(),
      instanceCount: job.resources.instanceCount ?? 1,
      volumeKmsKeyId: job.resources.volumeEncryptionKey?.keyRef.keyArn,
    },
    batchStrategy: job.batchStrategy,
    environment: job.environment,
    maxConcurrentTransforms: job.maxConcurrentTransforms,
    maxPayloadInMb,
  };
}

/** Renders a model package validation specification, collecting problems; nothing is granted (see `grantValidationKeys()`). */
export function renderValidationSpecification(
  property: string,
  spec: ValidationSpecification,
  errors: string[]): sagemaker.CfnModelPackage.ValidationSpecificationProperty {
  const profile = spec.profile;
  errors.push(...validateSageMakerName(`${property}.profile.profileName`, profile.profileName));
  const job = renderTransformJob(`${property}.profile.transformJob`, profile.transformJob, errors);
  return {
    validationRole: spec.role.roleArn,
    validationProfiles: [{ profileName: profile.profileName, transformJobDefinition: job }],
  };
}

/** Grants the validation role of a model package the KMS keys of its transform job (once the specification is checked). */
export function grantValidationKeys(spec: ValidationSpecification): void {
  grantKey(spec.profile.transformJob.output.encryptionKey, spec.role, 'encrypt');
  grantKey(spec.profile.transformJob.resources.volumeEncryptionKey, spec.role, 'encryptDecrypt');
}
