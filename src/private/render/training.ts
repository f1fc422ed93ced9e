import { SizeRoundingBehavior, Token, Tokenization, aws_iam as iam, aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { renderTransformJob } from './transform';
import { AlgorithmValidationSpecification, TrainingJobDefinition, TrainingInputDataType } from '../../algorithm-validation-specification';
import { InferenceSpecification } from '../../inference-specification';
import { HyperParameterRange, HyperParameterType, TrainingSpecification } from '../../training-specification';
import { DEFAULT_MAX_RUNTIME_SECONDS, defaultValueOf } from '../validate/training';

/**
 * Renders a training specification for `CfnAlgorithm`, checked with `trainingSpecificationErrors()`
 * (validate/training.ts) first: binds the image, granting `grantable` the pull.
 */
export function renderTrainingSpecification(
  scope: Construct,
  spec: TrainingSpecification,
  grantable: iam.IGrantable | undefined): sagemaker.CfnAlgorithm.TrainingSpecificationProperty {
  const image = spec.image.bind(scope, grantable);
  return {
    trainingImage: image.imageName,
    trainingImageDigest: spec.imageDigest,
    supportedTrainingInstanceTypes: spec.supportedInstanceTypes.map((t) => t.toString()),
    supportsDistributedTraining: spec.supportsDistributedTraining,
    trainingChannels: spec.channels.map((c) => ({
      name: c.name,
      description: c.description,
      isRequired: c.required,
      supportedContentTypes: c.supportedContentTypes,
      supportedCompressionTypes: c.supportedCompressionTypes,
      supportedInputModes: c.supportedInputModes,
    })),
    supportedHyperParameters: spec.hyperParameters?.map((h) => ({
      name: h.name,
      description: h.description,
      type: h.type,
      range: h.range && renderRange(h.range),
      isTunable: h.tunable,
      isRequired: h.required,
      defaultValue: defaultValueOf(h),
    })),
    metricDefinitions: spec.metricDefinitions?.map((m) => ({ name: m.name, regex: m.regex })),
    supportedTuningJobObjectiveMetrics: spec.tuningObjectives?.map((o) => ({ type: o.type, metricName: o.metricName })),
  };
}

function renderRange(range: HyperParameterRange): sagemaker.CfnAlgorithm.ParameterRangeProperty {
  switch (range.type) {
    case HyperParameterType.INTEGER:
      return { integerParameterRangeSpecification: { minValue: numberString(range.minValue!), maxValue: numberString(range.maxValue!) } };
    case HyperParameterType.CONTINUOUS:
      return { continuousParameterRangeSpecification: { minValue: numberString(range.minValue!), maxValue: numberString(range.maxValue!) } };
    default:
      return { categoricalParameterRangeSpecification: { values: range.values! } };
  }
}

/** A number as the API's string, for literals and tokens alike. */
function numberString(value: number): string {
  return Token.isUnresolved(value) ? Tokenization.stringifyNumber(value) : String(value);
}

/** Renders an algorithm's inference specification containers for `CfnAlgorithm` (no model data). */
export function toAlgorithmInferenceSpecification(
  spec: InferenceSpecification,
  rendered: sagemaker.CfnModelPackage.InferenceSpecificationProperty): sagemaker.CfnAlgorithm.InferenceSpecificationProperty {
  const containers = rendered.containers as sagemaker.CfnModelPackage.ModelPackageContainerDefinitionProperty[];
  return {
    containers: containers.map((c, i) => ({
      containerHostname: c.containerHostname,
      isCheckpoint: spec.containers[i]?.isCheckpoint,
      image: c.image!,
      imageDigest: c.imageDigest,
      environment: c.environment,
      framework: c.framework,
      frameworkVersion: c.frameworkVersion,
      nearestModelName: c.nearestModelName,
      modelInput: c.modelInput === undefined ? undefined : { dataInputConfig: c.modelInput.DataInputConfig },
    })),
    supportedContentTypes: spec.supportedContentTypes,
    supportedResponseMimeTypes: spec.supportedResponseMimeTypes,
    supportedRealtimeInferenceInstanceTypes: rendered.supportedRealtimeInferenceInstanceTypes as string[] | undefined,
    supportedTransformInstanceTypes: rendered.supportedTransformInstanceTypes as string[] | undefined,
  };
}

/**
 * Renders an algorithm validation specification (camelCase, like the L1 shapes; converted to the API
 * shape for the custom resource), checked with `algorithmValidationSpecificationErrors()` first;
 * nothing is granted (see `grantAlgorithmValidationKeys()`).
 */
export function renderAlgorithmValidationSpecification(spec: AlgorithmValidationSpecification) {
  const profile = spec.profile;
  return {
    validationRole: spec.role.roleArn,
    validationProfiles: [{
      profileName: profile.profileName,
      trainingJobDefinition: renderTrainingJob(profile.trainingJob),
      transformJobDefinition: profile.transformJob && renderTransformJob(profile.transformJob),
    }],
  };
}

function renderTrainingJob(job: TrainingJobDefinition) {
  return {
    trainingInputMode: job.inputMode,
    hyperParameters: job.hyperParameters,
    inputDataConfig: job.inputChannels.map((c) => ({
      channelName: c.channelName,
      dataSource: {
        s3DataSource: {
          s3DataType: c.dataType ?? TrainingInputDataType.S3_PREFIX,
          s3Uri: c.s3Uri,
          s3DataDistributionType: c.distribution,
          attributeNames: c.attributeNames,
        },
      },
      contentType: c.contentType,
      compressionType: c.compressionType,
      recordWrapperType: c.recordWrapperType,
      inputMode: c.inputMode,
    })),
    outputDataConfig: {
      s3OutputPath: job.output.s3OutputPath,
      kmsKeyId: job.output.encryptionKey?.keyRef.keyArn,
    },
    resourceConfig: {
      instanceType: job.resources.instanceType.toString(),
      instanceCount: job.resources.instanceCount ?? 1,
      volumeSizeInGb: job.resources.volumeSize?.toGibibytes({ rounding: SizeRoundingBehavior.NONE }),
      volumeKmsKeyId: job.resources.volumeEncryptionKey?.keyRef.keyArn,
    },
    stoppingCondition: { maxRuntimeInSeconds: job.maxRuntime?.toSeconds({ integral: false }) ?? DEFAULT_MAX_RUNTIME_SECONDS },
  };
}
