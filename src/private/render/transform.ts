import { SizeRoundingBehavior, aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import { TransformInputDataType, TransformJobDefinition, ValidationSpecification } from '../../validation-specification';

/** Renders a transform job definition, checked with `transformJobErrors()` (validate/transform.ts) first. */
export function renderTransformJob(job: TransformJobDefinition): sagemaker.CfnModelPackage.TransformJobDefinitionProperty {
  // Checked to be a whole number of MiB (or a token).
  const maxPayloadInMb = job.maxPayload?.toMebibytes({ rounding: SizeRoundingBehavior.NONE });
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

/**
 * Renders a model package validation specification, checked with `validationSpecificationErrors()`
 * first; nothing is granted (see `grantValidationKeys()`).
 */
export function renderValidationSpecification(spec: ValidationSpecification): sagemaker.CfnModelPackage.ValidationSpecificationProperty {
  const profile = spec.profile;
  return {
    validationRole: spec.role.roleArn,
    validationProfiles: [{ profileName: profile.profileName, transformJobDefinition: renderTransformJob(profile.transformJob) }],
  };
}
