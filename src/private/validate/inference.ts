import { Token } from 'aws-cdk-lib';
import { INFERENCE_CONTAINER_LIMITS, InferenceResourceType } from './rules';
import { validateInstanceType } from './supported-instance-types';
import {
  validateCount,
  validateDescription,
  validateDigest,
  validateEnvironment,
  validateLength,
  validatePattern,
  validateS3Uri,
  validateSageMakerName,
  validateTemplateText,
} from './values';
import { AdditionalInferenceSpecification, InferenceContainer, InferenceSpecification } from '../../inference-specification';
import { ModelDataType } from '../../model-data';

/**
 * `ResponseMIMEType` (botocore `[-\w]+\/.+`; CloudFormation `^[-\w]+\/.+$`, whose `.` excludes only
 * line feeds): a type, a slash and a subtype on one line.
 */
const RESPONSE_MIME_TYPE_PATTERN = /^[-\w]+\/[^\n]+$/;
/** Most containers in one inference specification. */
export const MAX_CONTAINERS = 15;

/** What an inference specification is checked against. */
export interface InferenceRules {
  /** Model packages require content types (CloudFormation); algorithms and additional specifications do not. */
  readonly requireContentTypes: boolean;
  /** Model packages take model data; algorithms do not (CloudFormation's algorithm container has no model data). */
  readonly allowModelData: boolean;
  /** Unversioned model packages require realtime and transform instance types. */
  readonly requireInstanceTypes?: boolean;
  /**
   * The resource the containers are rendered into, whose limits apply (src/private/validate/rules.ts).
   *
   * @default 'AWS::SageMaker::ModelPackage'
   */
  readonly resourceType?: InferenceResourceType;
}

/**
 * What model data is before it is bound (`ModelData._describe()`), or once bound: a URI that may
 * not be known yet (an asset's), and how SageMaker reads it.
 */
export interface ModelDataDescription {
  readonly s3Uri?: string;
  readonly compressed: boolean;
  readonly dataType?: ModelDataType;
  readonly acceptEula?: boolean;
  readonly hubContentArn?: string;
}

/** Problems with an inference specification for `CfnModelPackage` / `CfnAlgorithm` (nothing is bound or granted). */
export function inferenceSpecificationErrors(property: string, spec: InferenceSpecification, rules: InferenceRules): string[] {
  const errors: string[] = [];
  errors.push(...validateCount(`${property}.containers`, spec.containers, 1, MAX_CONTAINERS));
  if (rules.requireContentTypes) {
    if (spec.supportedContentTypes === undefined) {
      errors.push(`${property}.supportedContentTypes is required for a model package (CloudFormation's AWS::SageMaker::ModelPackage requires it), got undefined; for example ['text/csv']`);
    }
    if (spec.supportedResponseMimeTypes === undefined) {
      errors.push(`${property}.supportedResponseMimeTypes is required for a model package (CloudFormation's AWS::SageMaker::ModelPackage requires it), got undefined; for example ['text/csv']`);
    }
  }
  if (rules.requireInstanceTypes) {
    for (const key of ['supportedRealtimeInferenceInstanceTypes', 'supportedTransformInstanceTypes'] as const) {
      if ((spec[key] ?? []).length === 0) {
        errors.push(`${property}.${key} is required for an unversioned model package (modelPackageName given), got ${spec[key] === undefined ? 'undefined' : 'an empty list'}`);
      }
    }
  }
  for (const [i, type] of (spec.supportedContentTypes ?? []).entries()) {
    errors.push(...validateLength(`${property}.supportedContentTypes[${i}]`, type, 0, 256));
  }
  for (const [i, type] of (spec.supportedResponseMimeTypes ?? []).entries()) {
    errors.push(...validateLength(`${property}.supportedResponseMimeTypes[${i}]`, type, 0, 1024));
    errors.push(...validatePattern(`${property}.supportedResponseMimeTypes[${i}]`, type, RESPONSE_MIME_TYPE_PATTERN, 'a MIME type such as text/csv'));
  }
  (spec.supportedRealtimeInferenceInstanceTypes ?? []).forEach((type, i) => errors.push(
    ...validateInstanceType(`${property}.supportedRealtimeInferenceInstanceTypes[${i}]`, type.toString(), 'realtime')));
  (spec.supportedTransformInstanceTypes ?? []).forEach((type, i) => errors.push(
    ...validateInstanceType(`${property}.supportedTransformInstanceTypes[${i}]`, type.toString(), 'transform')));
  if (!rules.requireInstanceTypes && spec.supportedTransformInstanceTypes !== undefined && spec.supportedTransformInstanceTypes.length === 0) {
    errors.push(`${property}.supportedTransformInstanceTypes must not be empty when given (CloudFormation requires at least 1 entry); omit it instead`);
  }
  spec.containers.forEach((c, i) => errors.push(...containerErrors(`${property}.containers[${i}]`, c, rules)));
  return errors;
}

/** Problems with additional inference specifications: their names and count, and each specification. */
export function additionalInferenceSpecificationsErrors(
  property: string,
  specs: AdditionalInferenceSpecification[],
  rules: InferenceRules): string[] {
  const errors = validateCount(property, specs, 1, 15);
  const seen = new Set<string>();
  specs.forEach((spec, i) => {
    const at = `${property}[${i}]`;
    errors.push(...validateSageMakerName(`${at}.name`, spec.name));
    errors.push(...validateDescription(`${at}.description`, spec.description));
    if (!Token.isUnresolved(spec.name)) {
      if (seen.has(spec.name)) {
        errors.push(`${at}.name must be unique within additionalInferenceSpecifications, got '${spec.name}' again`);
      }
      seen.add(spec.name);
    }
    errors.push(...inferenceSpecificationErrors(at, spec, { ...rules, requireContentTypes: false, requireInstanceTypes: false }));
  });
  return errors;
}

/** Problems with an inference container, its model data as described before binding included. */
function containerErrors(property: string, container: InferenceContainer, rules: InferenceRules): string[] {
  const errors: string[] = [];
  const resourceType = rules.resourceType ?? 'AWS::SageMaker::ModelPackage';
  const limits = INFERENCE_CONTAINER_LIMITS[resourceType];
  errors.push(...validateDigest(`${property}.imageDigest`, container.imageDigest));
  errors.push(...validateEnvironment(`${property}.environment`, container.environment, {
    maxEntries: limits.environmentEntries,
    maxValueLength: limits.environmentValueLength,
  }));
  errors.push(...validateSageMakerName(`${property}.containerHostname`, container.containerHostname));
  errors.push(...validateLength(`${property}.frameworkVersion`, container.frameworkVersion, 3, 10));
  errors.push(...validatePattern(`${property}.frameworkVersion`, container.frameworkVersion, limits.frameworkVersionPattern,
    'a version such as 1.7-1 or 2.1.0 (a digit, a dot, then letters, digits, dots and hyphens)'));
  errors.push(...validateLength(`${property}.dataInputConfig`, container.dataInputConfig, 1, limits.dataInputConfigLength));
  if (container.isCheckpoint !== undefined && !limits.isCheckpoint) {
    errors.push(`${property}.isCheckpoint is not supported by ${resourceType} (CloudFormation's schema has no IsCheckpoint), `
      + `got ${container.isCheckpoint}; remove it`);
  }
  errors.push(...validateTemplateText(`${property}.framework`, container.framework));
  errors.push(...validateTemplateText(`${property}.nearestModelName`, container.nearestModelName));
  if (container.modelData && !rules.allowModelData) {
    errors.push(`${property}.modelData is not supported here: an algorithm's inference containers take no model data `
      + '(models come from its training jobs); remove it');
  }
  const modelData = container.modelData && rules.allowModelData ? container.modelData._describe() : undefined;
  errors.push(...modelDataErrors(property, modelData, resourceType));
  return errors;
}

/** Problems with the model data of an inference container, described or bound. */
export function modelDataErrors(property: string, modelData: ModelDataDescription | undefined, resourceType: InferenceResourceType): string[] {
  // The URI of model data in a bucket is only known from the bucket (ModelData.fromS3Url and fromS3Prefix check theirs).
  const errors = validateS3Uri(`${property}.modelData`, modelData?.s3Uri);
  if (modelData?.hubContentArn !== undefined && !INFERENCE_CONTAINER_LIMITS[resourceType].hubAccessConfig) {
    errors.push(`${property}.modelData hubContentArn is not supported by ${resourceType} (CloudFormation's S3ModelDataSource there has `
      + `no HubAccessConfig; only AWS::SageMaker::Model has it), got '${modelData.hubContentArn}'; remove it`);
  }
  return errors;
}
