import { aws_iam as iam, aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AdditionalInferenceSpecification, InferenceContainer, InferenceSpecification } from '../../inference-specification';
import { ModelDataConfig, ModelDataType } from '../../model-data';
import { InferenceRules, ModelDataDescription, modelDataErrors } from '../validate/inference';

/** How an inference specification is rendered, once it is checked. */
export interface RenderInferenceOptions extends InferenceRules {
  /** Who pulls the images and reads the model data, if anyone should be granted. */
  readonly grantable?: iam.IGrantable;
  /**
   * Problems that only binding finds (model data implemented outside this library, which only its
   * `bind()` describes) are appended here.
   */
  readonly errors: string[];
}

/**
 * Renders an inference specification for `CfnModelPackage` / `CfnAlgorithm`, checked with
 * `inferenceSpecificationErrors()` first: binds the images and model data, granting `grantable`.
 */
export function renderInferenceSpecification(
  scope: Construct,
  property: string,
  spec: InferenceSpecification,
  options: RenderInferenceOptions): sagemaker.CfnModelPackage.InferenceSpecificationProperty {
  return {
    containers: spec.containers.map((c, i) => renderContainer(scope, `${property}.containers[${i}]`, c, options)),
    supportedContentTypes: spec.supportedContentTypes ?? [],
    supportedResponseMimeTypes: spec.supportedResponseMimeTypes ?? [],
    supportedRealtimeInferenceInstanceTypes: instanceTypes(spec.supportedRealtimeInferenceInstanceTypes),
    supportedTransformInstanceTypes: instanceTypes(spec.supportedTransformInstanceTypes),
  };
}

/** Renders additional inference specifications, checked with `additionalInferenceSpecificationsErrors()` first. */
export function renderAdditionalInferenceSpecifications(
  scope: Construct,
  property: string,
  specs: AdditionalInferenceSpecification[],
  options: RenderInferenceOptions): sagemaker.CfnModelPackage.AdditionalInferenceSpecificationDefinitionProperty[] {
  return specs.map((spec, i) => {
    const rendered = renderInferenceSpecification(scope, `${property}[${i}]`, spec, options);
    return {
      name: spec.name,
      description: spec.description,
      containers: rendered.containers,
      supportedContentTypes: spec.supportedContentTypes,
      supportedResponseMimeTypes: spec.supportedResponseMimeTypes,
      supportedRealtimeInferenceInstanceTypes: rendered.supportedRealtimeInferenceInstanceTypes,
      supportedTransformInstanceTypes: rendered.supportedTransformInstanceTypes,
    };
  });
}

function renderContainer(
  scope: Construct,
  property: string,
  container: InferenceContainer,
  options: RenderInferenceOptions): sagemaker.CfnModelPackage.ModelPackageContainerDefinitionProperty {
  const image = container.image.bind(scope, options.grantable);
  const modelData = container.modelData && options.allowModelData ? container.modelData.bind(scope, options.grantable) : undefined;
  if (modelData && container.modelData?._describe() === undefined) {
    // Model data implemented outside this library: only its bind() tells what it is.
    options.errors.push(...modelDataErrors(property, modelData, options.resourceType ?? 'AWS::SageMaker::ModelPackage'));
  }
  return {
    image: image.imageName,
    imageDigest: container.imageDigest,
    containerHostname: container.containerHostname,
    environment: container.environment,
    framework: container.framework,
    frameworkVersion: container.frameworkVersion,
    nearestModelName: container.nearestModelName,
    modelInput: container.dataInputConfig === undefined ? undefined : { DataInputConfig: container.dataInputConfig },
    ...renderModelData(modelData),
  };
}

/** Model data as both `CfnModelPackage` and `CfnModel` containers take it. */
export interface RenderedModelData {
  readonly modelDataUrl?: string;
  readonly modelDataSource?: {
    readonly s3DataSource: {
      readonly s3Uri: string;
      readonly s3DataType: string;
      readonly compressionType: string;
      readonly modelAccessConfig?: { readonly acceptEula: boolean };
      readonly hubAccessConfig?: { readonly hubContentArn: string };
    };
  };
}

/** The `S3DataType` of model data: as bound, or an object for an archive and a prefix otherwise. */
export function modelDataType(config: ModelDataDescription): ModelDataType {
  return config.dataType ?? (config.compressed ? ModelDataType.S3_OBJECT : ModelDataType.S3_PREFIX);
}

/** Whether model data renders as a plain `ModelDataUrl` (a compressed archive, nothing else to say), or needs `ModelDataSource`. */
export function rendersAsModelDataUrl(config: ModelDataDescription): boolean {
  return config.compressed && modelDataType(config) === ModelDataType.S3_OBJECT
    && config.acceptEula === undefined && config.hubContentArn === undefined;
}

/** `ModelDataUrl` for a plain compressed archive, `ModelDataSource` otherwise. */
export function renderModelData(config: ModelDataConfig | undefined): RenderedModelData {
  if (!config) {
    return {};
  }
  const dataType = modelDataType(config);
  if (rendersAsModelDataUrl(config)) {
    return { modelDataUrl: config.s3Uri };
  }
  return {
    modelDataSource: {
      s3DataSource: {
        s3Uri: config.s3Uri,
        s3DataType: dataType,
        compressionType: config.compressed ? 'Gzip' : 'None',
        modelAccessConfig: config.acceptEula === undefined ? undefined : { acceptEula: config.acceptEula },
        hubAccessConfig: config.hubContentArn === undefined ? undefined : { hubContentArn: config.hubContentArn },
      },
    },
  };
}

function instanceTypes(types: { toString(): string }[] | undefined): string[] | undefined {
  return types === undefined ? undefined : types.map((t) => t.toString());
}
