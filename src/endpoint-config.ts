import {
  CfnDeletionPolicy,
  Duration,
  IResource,
  Lazy,
  RemovalPolicy,
  Resource,
  Size,
  SizeRoundingBehavior,
  Stack,
  Token,
  TokenComparison,
  aws_s3 as s3,
  aws_sagemaker as sagemaker,
  aws_sns as sns,
} from 'aws-cdk-lib';
import { aws_kms as kmsRefs, aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { InstanceType } from './instance-type';
import { IModel } from './model';
import { grantKey } from './private/iam/keys';
import { parseSageMakerArn, sageMakerArn } from './private/refs/arn';
import { lowerCaseLiteral } from './private/refs/names';
import { seconds } from './private/units';
import { ValidationError, throwIfErrors } from './private/validate/error';
import { checkStructKeys } from './private/validate/struct-keys';
import { validateInstanceType } from './private/validate/supported-instance-types';
import {
  printable,
  validateCount,
  validateEnumValue,
  validateInteger,
  validateLength,
  validatePattern,
  validateRemovalPolicy,
  validateSageMakerName,
  validateUnique,
} from './private/validate/values';

/** `ProductionVariantList` of CreateEndpointConfig (botocore): 1-10 variants; the same bounds for shadow variants. */
const MAX_VARIANTS = 10;
/** `ProductionVariantVolumeSizeInGB`: 1-512 GB. */
const MAX_VOLUME_GB = 512;
/** `ProductionVariantModelDataDownloadTimeoutInSeconds` and `...ContainerStartupHealthCheckTimeoutInSeconds`: 60-3600. */
const MIN_TIMEOUT_SECONDS = 60;
const MAX_TIMEOUT_SECONDS = 3600;
/** `ServerlessMemorySizeInMB`: 1024-6144, in steps of 1024 (API documentation). */
const SERVERLESS_MEMORY_SIZES = [1024, 2048, 3072, 4096, 5120, 6144];
/** `ServerlessMaxConcurrency` and `ServerlessProvisionedConcurrency`: 1-200. */
const MAX_SERVERLESS_CONCURRENCY = 200;
/** `DestinationS3Uri` (data capture, async output and failure paths): at most 512 characters. */
const MAX_DESTINATION_URI_LENGTH = 512;
/** `CsvContentTypes` / `JsonContentTypes`: 1-10 entries of 1-256 characters matching this pattern. */
const CONTENT_TYPE_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*\/[a-zA-Z0-9](-*[a-zA-Z0-9.])*$/;
const MAX_CONTENT_TYPES = 10;
/** `CaptureOptionList`: 1-32 entries. */
const MAX_CAPTURE_OPTIONS = 32;
/** `MaxConcurrentInvocationsPerInstance`: 1-1000. */
const MAX_ASYNC_CONCURRENCY = 1000;
/** `EndpointConfigName`: 1-63 characters (CloudFormation schema; botocore allows 0-63). */
const ENDPOINT_CONFIG_NAME_MAX_LENGTH = 63;

/**
 * Instance families whose instances have local (instance store) volumes, which SageMaker encrypts
 * itself: CreateEndpointConfig rejects a `KmsKeyId` for them ("You can't request a KmsKeyId when
 * using an instance type with local storage").
 */
const LOCAL_STORAGE_FAMILIES = new Set([
  'c5d', 'c6gd', 'm5d', 'm6gd', 'r5d', 'r6gd', 'r7gd', 'g4dn', 'g5', 'g6', 'g6e', 'p3dn', 'p4d', 'p4de', 'p5', 'p5e', 'p5en',
]);

/**
 * A SageMaker endpoint configuration: the models an endpoint hosts and the resources that host them.
 */
export interface IEndpointConfig extends IResource, sagemakerRefs.IEndpointConfigRef {
  /**
   * The ARN of the endpoint configuration.
   *
   * @attribute
   */
  readonly endpointConfigArn: string;

  /**
   * The name of the endpoint configuration.
   *
   * @attribute
   */
  readonly endpointConfigName: string;
}

/**
 * What the data an endpoint captures contains: the requests, the responses, or both.
 */
export enum CaptureMode {
  /** The requests (the model's input). */
  INPUT = 'Input',
  /** The responses (the model's output). */
  OUTPUT = 'Output',
  /** Requests and responses, in one capture option. */
  INPUT_AND_OUTPUT = 'InputAndOutput',
}

/**
 * Which notification topics of asynchronous inference include the inference response.
 */
export enum AsyncNotificationTopic {
  /** The topic of successful inferences. */
  SUCCESS_NOTIFICATION_TOPIC = 'SUCCESS_NOTIFICATION_TOPIC',
  /** The topic of failed inferences. */
  ERROR_NOTIFICATION_TOPIC = 'ERROR_NOTIFICATION_TOPIC',
}

/**
 * Options shared by every production variant.
 */
export interface ProductionVariantOptions {
  /**
   * The name of the variant: 1-63 letters, digits and hyphens, unique in the endpoint
   * configuration. Keep it stable across deployments: a blue/green or rolling deployment needs the
   * new configuration to have the same variant names as the old one, and autoscaling is registered
   * per variant name.
   */
  readonly variantName: string;

  /**
   * The model the variant hosts. A model in a VPC or with network isolation keeps them on the
   * endpoint (they are properties of the model).
   *
   * An `IModel` rather than a reference: the configuration grants the model's role what data
   * capture and asynchronous inference need.
   *
   * [disable-awslint:prefer-ref-interface]
   */
  readonly model: IModel;
}

/**
 * A variant hosted on instances of one type.
 */
export interface InstanceProductionVariantProps extends ProductionVariantOptions {
  /**
   * The instance type; it must support real-time inference.
   *
   * @default InstanceType.M5_LARGE
   */
  readonly instanceType?: InstanceType;

  /**
   * How many instances the variant starts with (at least 1). With `autoScaleInstanceCount`,
   * Application Auto Scaling changes it afterwards.
   *
   * @default 1
   */
  readonly initialInstanceCount?: number;

  /**
   * The share of the traffic the variant gets: its weight divided by the sum of the weights of all
   * production variants (at least 0).
   *
   * @default 1
   */
  readonly initialVariantWeight?: number;

  /**
   * The size of the EBS volume attached to each instance, in whole GiB between 1 and 512.
   *
   * @default - SageMaker's default for the instance type
   */
  readonly volumeSize?: Size;

  /**
   * How long the container may take to pass its health check (ping) after it starts: 60-3600
   * seconds, in whole seconds.
   *
   * @default - SageMaker's default
   */
  readonly containerStartupHealthCheckTimeout?: Duration;

  /**
   * How long SageMaker may take to download and extract the model data to an instance: 60-3600
   * seconds, in whole seconds.
   *
   * @default - SageMaker's default
   */
  readonly modelDataDownloadTimeout?: Duration;

  /**
   * Turn on AWS Systems Manager (SSM) access to the variant's instances.
   *
   * @default false
   */
  readonly enableSsmAccess?: boolean;
}

/**
 * A variant served by SageMaker Serverless Inference.
 */
export interface ServerlessProductionVariantProps extends ProductionVariantOptions {
  /**
   * The memory of the serverless endpoint, in MB: 1024, 2048, 3072, 4096, 5120 or 6144.
   */
  readonly memorySizeInMB: number;

  /**
   * The most concurrent invocations the endpoint serves: 1-200.
   */
  readonly maxConcurrency: number;

  /**
   * The provisioned concurrency: 1-200, at most `maxConcurrency`.
   *
   * @default - no provisioned concurrency
   */
  readonly provisionedConcurrency?: number;
}

/**
 * A production variant of an endpoint configuration, as `findInstanceProductionVariant()` returns it.
 */
export interface InstanceProductionVariant {
  /** The name of the variant. */
  readonly variantName: string;
  /**
   * The model the variant hosts.
   *
   * An `IModel` rather than a reference: the model given to the variant, as given.
   *
   * [disable-awslint:prefer-ref-interface]
   */
  readonly model: IModel;
  /** The instance type. */
  readonly instanceType: InstanceType;
  /** The initial number of instances. */
  readonly initialInstanceCount: number;
  /** The initial weight. */
  readonly initialVariantWeight: number;
}

/**
 * Capturing the requests and responses of an endpoint into S3 (for SageMaker Model Monitor).
 *
 * The execution roles of the configuration's models are granted to write the captured data, and to
 * encrypt it with `encryptionKey`.
 */
export interface DataCaptureOptions {
  /**
   * The bucket the captured data goes to.
   *
   * An `s3.IBucket` rather than a reference: the models' roles are granted to write into it.
   *
   * [disable-awslint:prefer-ref-interface]
   */
  readonly destinationBucket: s3.IBucket;

  /**
   * The key prefix of the captured data in the bucket, without a leading or trailing slash.
   *
   * @default - the root of the bucket
   */
  readonly destinationPrefix?: string;

  /**
   * The percentage of the requests captured: an integer between 0 and 100.
   *
   * @default 100
   */
  readonly samplingPercentage?: number;

  /**
   * What is captured: one capture option per entry (1-32 entries).
   *
   * @default [CaptureMode.INPUT, CaptureMode.OUTPUT]
   */
  readonly captureModes?: CaptureMode[];

  /**
   * The content types captured as CSV (1-10 MIME types such as `text/csv`).
   *
   * @default - SageMaker base64-encodes data of content types it is not told about
   */
  readonly csvContentTypes?: string[];

  /**
   * The content types captured as JSON (1-10 MIME types such as `application/json`).
   *
   * @default - SageMaker base64-encodes data of content types it is not told about
   */
  readonly jsonContentTypes?: string[];

  /**
   * The KMS key that encrypts the captured data in S3. The models' roles are granted to encrypt with it.
   *
   * @default - the bucket's default encryption
   */
  readonly encryptionKey?: kmsRefs.IKeyRef;

  /**
   * Whether capture is on. Turn it off without removing the configuration.
   *
   * @default true
   */
  readonly enableCapture?: boolean;
}

/**
 * Asynchronous inference: requests are queued, and responses written to S3.
 *
 * The execution roles of the configuration's models are granted to write to the output (and
 * failure) locations, to encrypt with `encryptionKey` and to publish to the topics.
 */
export interface AsyncInferenceOptions {
  /**
   * The bucket the responses go to.
   *
   * An `s3.IBucket` rather than a reference: the models' roles are granted to write into it.
   *
   * [disable-awslint:prefer-ref-interface]
   */
  readonly outputBucket: s3.IBucket;

  /**
   * The key prefix of the responses in `outputBucket`, without a leading or trailing slash.
   *
   * @default - the root of the bucket
   */
  readonly outputPrefix?: string;

  /**
   * The bucket the responses of failed inferences go to.
   *
   * An `s3.IBucket` rather than a reference: the models' roles are granted to write into it.
   *
   * [disable-awslint:prefer-ref-interface]
   *
   * @default - failures are not written to S3
   */
  readonly failureBucket?: s3.IBucket;

  /**
   * The key prefix of failure responses in `failureBucket`; only with `failureBucket`.
   *
   * @default - the root of the bucket
   */
  readonly failurePrefix?: string;

  /**
   * The KMS key that encrypts the responses in S3.
   *
   * @default - the bucket's default encryption
   */
  readonly encryptionKey?: kmsRefs.IKeyRef;

  /**
   * The SNS topic notified of successful inferences.
   *
   * An `sns.ITopic` rather than a reference: the models' roles are granted to publish to it.
   *
   * [disable-awslint:prefer-ref-interface]
   *
   * @default - no notification on success
   */
  readonly successTopic?: sns.ITopic;

  /**
   * The SNS topic notified of failed inferences.
   *
   * An `sns.ITopic` rather than a reference: the models' roles are granted to publish to it.
   *
   * [disable-awslint:prefer-ref-interface]
   *
   * @default - no notification on failure
   */
  readonly errorTopic?: sns.ITopic;

  /**
   * Which topics include the inference response (responses of at most 128 KB); each needs its topic.
   *
   * @default - no topic includes the response
   */
  readonly includeInferenceResponseIn?: AsyncNotificationTopic[];

  /**
   * The most concurrent requests SageMaker sends to each instance's container: 1-1000.
   *
   * @default - SageMaker chooses
   */
  readonly maxConcurrentInvocationsPerInstance?: number;
}

/**
 * Properties of an `EndpointConfig`.
 */
export interface EndpointConfigProps {
  /**
   * The name of the endpoint configuration (1-63 letters, digits and hyphens).
   *
   * Every property of an endpoint configuration is immutable: a change replaces it, and a
   * replacement with the same name fails. Leave the name to CloudFormation so that every change
   * makes a new configuration, which the endpoint then moves to.
   *
   * @default - CloudFormation generates a unique name (a new one on every change)
   */
  readonly endpointConfigName?: string;

  /**
   * The variants hosted on instances (1-10 together with those added later). Not together with
   * `serverlessProductionVariant`.
   *
   * @default - none: add them with `addInstanceProductionVariant()`, or give `serverlessProductionVariant`
   */
  readonly instanceProductionVariants?: InstanceProductionVariantProps[];

  /**
   * The variant served by SageMaker Serverless Inference. Not together with instance variants,
   * shadow variants, asynchronous inference or data capture.
   *
   * @default - no serverless variant
   */
  readonly serverlessProductionVariant?: ServerlessProductionVariantProps;

  /**
   * Shadow variants: they get a copy of the production traffic and their responses are discarded.
   * With shadow variants, the configuration has exactly one production variant and one shadow variant.
   *
   * @default - no shadow variants
   */
  readonly shadowProductionVariants?: InstanceProductionVariantProps[];

  /**
   * Capture the endpoint's requests and responses into S3. Only with instance variants: SageMaker
   * Serverless Inference does not support data capture.
   *
   * @see https://docs.aws.amazon.com/sagemaker/latest/dg/serverless-endpoints.html
   * @default - no data capture
   */
  readonly dataCapture?: DataCaptureOptions;

  /**
   * Serve the endpoint with asynchronous inference (`InvokeEndpointAsync`); only with instance variants.
   *
   * @default - real-time inference
   */
  readonly asyncInference?: AsyncInferenceOptions;

  /**
   * The KMS key that encrypts the storage volumes of the instances. Instance types with local
   * (instance store) volumes do not accept one. The key policy must let the principal that deploys
   * the stack use the key.
   *
   * @default - AWS managed encryption
   */
  readonly encryptionKey?: kmsRefs.IKeyRef;

  /**
   * What happens to the configuration when it is removed from the stack or replaced. A
   * configuration holds no state; an `Endpoint` with a retained removal policy keeps its
   * configuration when the stack is deleted.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** What the configuration knows about a variant of its own (for the endpoint's checks). */
interface VariantInfo {
  readonly variantName: string;
  readonly model: IModel;
  readonly instanceType?: InstanceType;
  readonly initialInstanceCount?: number;
  readonly initialVariantWeight?: number;
  readonly serverless: boolean;
}

/**
 * Behaviour shared by owned and imported endpoint configurations: the reference.
 *
 * Exported so that an app can write its own import or lookup of an endpoint configuration that
 * behaves like the library's: extend it and give `endpointConfigArn` and `endpointConfigName`.
 */
export abstract class EndpointConfigBase extends Resource implements IEndpointConfig {
  public abstract readonly endpointConfigArn: string;
  public abstract readonly endpointConfigName: string;

  public get endpointConfigRef(): sagemakerRefs.EndpointConfigReference {
    return { endpointConfigId: this.endpointConfigName, endpointConfigName: this.endpointConfigName };
  }
}

/**
 * A SageMaker endpoint configuration (`AWS::SageMaker::EndpointConfig`): the models an endpoint
 * hosts, on instances or serverless, with optional data capture and asynchronous inference.
 *
 * Every property of an endpoint configuration is immutable, so a change replaces it with a new one
 * (with a new generated name); an `Endpoint` using it is updated in place to the new configuration.
 *
 * @resource AWS::SageMaker::EndpointConfig
 */
export class EndpointConfig extends EndpointConfigBase {
  /**
   * Imports an endpoint configuration of this stack's account and region by its name.
   */
  public static fromEndpointConfigName(scope: Construct, id: string, endpointConfigName: string): IEndpointConfig {
    throwIfErrors('EndpointConfig.fromEndpointConfigName', endpointConfigNameErrors(endpointConfigName));
    const endpointConfigArn = sageMakerArn(scope, 'endpoint-config', lowerCaseLiteral(endpointConfigName));
    return new ImportedEndpointConfig(scope, id, { endpointConfigArn, endpointConfigName });
  }

  /**
   * Imports an endpoint configuration by its ARN, `arn:<partition>:sagemaker:<region>:<account>:endpoint-config/<name>`.
   */
  public static fromEndpointConfigArn(scope: Construct, id: string, endpointConfigArn: string): IEndpointConfig {
    const parsed = parseSageMakerArn(endpointConfigArn, 'endpoint-config', 'EndpointConfig.fromEndpointConfigArn');
    return new ImportedEndpointConfig(scope, id, { endpointConfigArn, endpointConfigName: parsed.resourceName });
  }

  /** @attribute */
  public readonly endpointConfigArn: string;
  /** @attribute */
  public readonly endpointConfigName: string;

  private readonly resource: sagemaker.CfnEndpointConfig;
  private readonly productionVariants: sagemaker.CfnEndpointConfig.ProductionVariantProperty[] = [];
  private readonly shadowVariants: sagemaker.CfnEndpointConfig.ProductionVariantProperty[] = [];
  private readonly variantInfos: VariantInfo[] = [];
  private readonly shadowInfos: VariantInfo[] = [];
  private readonly dataCapture?: DataCaptureOptions;
  private readonly asyncInference?: AsyncInferenceOptions;
  private readonly encryptionKey?: kmsRefs.IKeyRef;

  constructor(scope: Construct, id: string, props: EndpointConfigProps = {}) {
    super(scope, id, { physicalName: props.endpointConfigName });
    checkStructKeys(`EndpointConfig ${this.node.path}`, 'EndpointConfigProps', props);
    throwIfErrors(`EndpointConfig ${this.node.path}`, [
      ...endpointConfigNameErrors(props.endpointConfigName),
      ...validateRemovalPolicy('removalPolicy', props.removalPolicy, 'AWS::SageMaker::EndpointConfig'),
      ...validateCount('shadowProductionVariants', props.shadowProductionVariants, 1, MAX_VARIANTS),
      ...dataCaptureErrors(props.dataCapture),
      ...asyncInferenceErrors(props.asyncInference),
    ]);
    this.dataCapture = props.dataCapture;
    this.asyncInference = props.asyncInference;
    this.encryptionKey = props.encryptionKey;

    this.resource = new sagemaker.CfnEndpointConfig(this, 'Resource', {
      endpointConfigName: props.endpointConfigName,
      productionVariants: Lazy.any({ produce: () => this.productionVariants }),
      shadowProductionVariants: Lazy.any({ produce: () => (this.shadowVariants.length > 0 ? this.shadowVariants : undefined) }),
      dataCaptureConfig: props.dataCapture && renderDataCapture(props.dataCapture),
      asyncInferenceConfig: props.asyncInference && renderAsyncInference(props.asyncInference),
      kmsKeyId: props.encryptionKey?.keyRef.keyArn,
    });
    this.resource.applyRemovalPolicy(props.removalPolicy ?? RemovalPolicy.DESTROY);

    this.endpointConfigName = this.getResourceNameAttribute(this.resource.attrEndpointConfigName);
    // Ref is the ARN SageMaker returns (with the name lower-cased).
    this.endpointConfigArn = this.getResourceArnAttribute(this.resource.ref, {
      service: 'sagemaker',
      resource: 'endpoint-config',
      resourceName: lowerCaseLiteral(this.physicalName),
    });

    for (const variant of props.instanceProductionVariants ?? []) {
      this.addInstanceProductionVariant(variant);
    }
    if (props.serverlessProductionVariant) {
      this.addServerlessProductionVariant(props.serverlessProductionVariant);
    }
    for (const [index, variant] of (props.shadowProductionVariants ?? []).entries()) {
      this.addShadowVariant(variant, index);
    }
    this.node.addValidation({ validate: () => this.validateEndpointConfig() });
  }

  /**
   * Adds a variant hosted on instances (at most 10 variants in all). Not with a serverless variant.
   */
  public addInstanceProductionVariant(variant: InstanceProductionVariantProps): void {
    const at = `instanceProductionVariants[${this.variantInfos.filter((v) => !v.serverless).length}]`;
    checkStructKeys(`${at} of EndpointConfig ${this.node.path}`, 'InstanceProductionVariantProps', variant, at);
    const errors = this.instanceVariantErrors(variant, at);
    if (this.variantInfos.some((v) => v.serverless)) {
      errors.push(`an endpoint configuration cannot mix a serverless variant with instance variants, got instance variant '${variant.variantName}' `
        + `and serverless variant '${this.variantInfos.find((v) => v.serverless)!.variantName}'`);
    }
    throwIfErrors(`${at} of EndpointConfig ${this.node.path}`, errors);
    this.productionVariants.push(this.renderInstanceVariant(variant));
    this.variantInfos.push(instanceInfo(variant));
    this.bindModel(variant.model);
  }

  /**
   * Sets the serverless variant. Not with instance variants, shadow variants, asynchronous inference or data capture.
   */
  public addServerlessProductionVariant(variant: ServerlessProductionVariantProps): void {
    const at = 'serverlessProductionVariant';
    checkStructKeys(`${at} of EndpointConfig ${this.node.path}`, 'ServerlessProductionVariantProps', variant, at);
    const errors = [
      ...variantErrors(at, variant),
      ...validateInteger(`${at}.maxConcurrency`, variant.maxConcurrency, 1, MAX_SERVERLESS_CONCURRENCY),
      ...validateInteger(`${at}.provisionedConcurrency`, variant.provisionedConcurrency, 1, MAX_SERVERLESS_CONCURRENCY),
      ...this.modelEnvironmentErrors(at, variant.model),
    ];
    const memory = variant.memorySizeInMB;
    if (memory === undefined || (!Token.isUnresolved(memory) && !SERVERLESS_MEMORY_SIZES.includes(memory))) {
      errors.push(`${at}.memorySizeInMB must be one of ${SERVERLESS_MEMORY_SIZES.join(', ')}, got ${memory}`);
    }
    const provisioned = variant.provisionedConcurrency;
    if (provisioned !== undefined && !Token.isUnresolved(provisioned) && !Token.isUnresolved(variant.maxConcurrency)
      && provisioned > variant.maxConcurrency) {
      errors.push(`${at}.provisionedConcurrency must be at most maxConcurrency (${variant.maxConcurrency}), got ${provisioned}`);
    }
    if (this.dataCapture) {
      // "Feature exclusions" of Serverless Inference in the SageMaker Developer Guide: data capture is not supported.
      errors.push('dataCapture is not supported with a serverless variant (SageMaker Serverless Inference does not capture data), '
        + `got serverless variant '${variant.variantName}' with dataCapture`);
    }
    if (this.variantInfos.length > 0) {
      const other = this.variantInfos[0];
      errors.push(other.serverless
        ? `an endpoint configuration has at most one serverless variant, got '${variant.variantName}' after '${other.variantName}'`
        : `an endpoint configuration cannot mix a serverless variant with instance variants, got serverless variant '${variant.variantName}' `
          + `and instance variant '${other.variantName}'`);
    }
    throwIfErrors(`${at} of EndpointConfig ${this.node.path}`, errors);
    this.productionVariants.push({
      variantName: variant.variantName,
      modelName: variant.model.modelName,
      serverlessConfig: {
        memorySizeInMb: memory,
        maxConcurrency: variant.maxConcurrency,
        provisionedConcurrency: provisioned,
      },
    });
    this.variantInfos.push({ variantName: variant.variantName, model: variant.model, serverless: true });
    this.bindModel(variant.model);
  }

  /**
   * The instance variant with the given name; throws if there is none.
   */
  public findInstanceProductionVariant(name: string): InstanceProductionVariant {
    const info = this.variantInfos.find((v) => v.variantName === name && !v.serverless);
    if (!info) {
      const names = this.variantInfos.filter((v) => !v.serverless).map((v) => `'${v.variantName}'`);
      throw new ValidationError(`EndpointConfig ${this.node.path}`, ['findInstanceProductionVariant.name must name an instance production '
        + `variant of the configuration (its instance variants are ${names.length > 0 ? names.join(', ') : 'none'}), got '${name}'`]);
    }
    return {
      variantName: info.variantName,
      model: info.model,
      instanceType: info.instanceType!,
      initialInstanceCount: info.initialInstanceCount!,
      initialVariantWeight: info.initialVariantWeight!,
    };
  }

  /**
   * The production variants, for the endpoint's checks.
   *
   * @internal
   */
  public get _productionVariants(): ReadonlyArray<{
    readonly variantName: string;
    readonly serverless: boolean;
    readonly initialInstanceCount?: number;
    readonly instanceType?: InstanceType;
  }> {
    return this.variantInfos;
  }

  /**
   * Keeps the configuration when the stack is deleted (for an endpoint that is retained), while a
   * replaced configuration is still deleted once the endpoint has moved to its successor.
   *
   * @internal
   */
  public _retainOnStackDeletion(): void {
    this.resource.cfnOptions.deletionPolicy = CfnDeletionPolicy.RETAIN;
  }

  private addShadowVariant(variant: InstanceProductionVariantProps, index: number): void {
    const at = `shadowProductionVariants[${index}]`;
    throwIfErrors(`${at} of EndpointConfig ${this.node.path}`, this.instanceVariantErrors(variant, at));
    this.shadowVariants.push(this.renderInstanceVariant(variant));
    this.shadowInfos.push(instanceInfo(variant));
    this.bindModel(variant.model);
  }

  private instanceVariantErrors(variant: InstanceProductionVariantProps, at: string): string[] {
    const errors = [
      ...variantErrors(at, variant),
      ...validateInstanceType(`${at}.instanceType`, variant.instanceType?.toString(), 'realtime'),
      ...validateInteger(`${at}.initialInstanceCount`, variant.initialInstanceCount, 1),
      ...this.modelEnvironmentErrors(at, variant.model),
    ];
    const weight = variant.initialVariantWeight;
    if (weight !== undefined && !Token.isUnresolved(weight) && !(Number.isFinite(weight) && weight >= 0)) {
      errors.push(`${at}.initialVariantWeight must be a number of at least 0, got ${weight}`);
    }
    if (variant.volumeSize !== undefined) {
      errors.push(...validateInteger(`${at}.volumeSize (in GiB)`, sizeInGiB(variant.volumeSize), 1, MAX_VOLUME_GB));
    }
    errors.push(...validateInteger(`${at}.containerStartupHealthCheckTimeout (in seconds)`,
      seconds(variant.containerStartupHealthCheckTimeout), MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS));
    errors.push(...validateInteger(`${at}.modelDataDownloadTimeout (in seconds)`,
      seconds(variant.modelDataDownloadTimeout), MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS));
    return errors;
  }

  private modelEnvironmentErrors(at: string, model: IModel): string[] {
    const errors: string[] = [];
    if (!model) {
      return [`${at}.model is required, got none`];
    }
    const stack = Stack.of(this);
    if (Token.compareStrings(model.env.account, stack.account) === TokenComparison.DIFFERENT) {
      errors.push(`${at}.model must be in the account of the endpoint configuration (${stack.account}), got model ${model.node.path} `
        + `in account ${model.env.account}`);
    }
    if (Token.compareStrings(model.env.region, stack.region) === TokenComparison.DIFFERENT) {
      errors.push(`${at}.model must be in the region of the endpoint configuration (${stack.region}), got model ${model.node.path} `
        + `in region ${model.env.region}`);
    }
    return errors;
  }

  private renderInstanceVariant(variant: InstanceProductionVariantProps): sagemaker.CfnEndpointConfig.ProductionVariantProperty {
    return {
      variantName: variant.variantName,
      modelName: variant.model.modelName,
      instanceType: (variant.instanceType ?? InstanceType.M5_LARGE).toString(),
      initialInstanceCount: variant.initialInstanceCount ?? 1,
      initialVariantWeight: variant.initialVariantWeight ?? 1,
      volumeSizeInGb: variant.volumeSize && sizeInGiB(variant.volumeSize),
      containerStartupHealthCheckTimeoutInSeconds: seconds(variant.containerStartupHealthCheckTimeout),
      modelDataDownloadTimeoutInSeconds: seconds(variant.modelDataDownloadTimeout),
      enableSsmAccess: variant.enableSsmAccess,
    };
  }

  /** Grants the model's execution role what data capture and asynchronous inference write. */
  private bindModel(model: IModel): void {
    const capture = this.dataCapture;
    if (capture) {
      capture.destinationBucket.grantPut(model, objectsUnder(capture.destinationPrefix));
      grantKey(capture.encryptionKey, model, 'encrypt');
    }
    const async = this.asyncInference;
    if (async) {
      async.outputBucket.grantPut(model, objectsUnder(async.outputPrefix));
      async.failureBucket?.grantPut(model, objectsUnder(async.failurePrefix));
      grantKey(async.encryptionKey, model, 'encrypt');
      async.successTopic?.grantPublish(model);
      async.errorTopic?.grantPublish(model);
    }
  }

  /** Problems that only show once every variant is added. */
  private validateEndpointConfig(): string[] {
    const errors: string[] = [];
    const count = this.variantInfos.length;
    if (count === 0) {
      errors.push('an endpoint configuration needs at least 1 production variant: give instanceProductionVariants or '
        + `serverlessProductionVariant, or call addInstanceProductionVariant(), got none for EndpointConfig ${this.node.path}`);
    }
    if (count > MAX_VARIANTS) {
      errors.push(`an endpoint configuration has at most ${MAX_VARIANTS} production variants, got ${count}`);
    }
    const serverless = this.variantInfos.some((v) => v.serverless);
    errors.push(...validateUnique('variantName (of production and shadow variants)',
      [...this.variantInfos, ...this.shadowInfos].map((v) => v.variantName)));
    if (this.shadowInfos.length > 0) {
      if (count !== 1 || this.shadowInfos.length !== 1) {
        errors.push('with shadowProductionVariants, an endpoint configuration has exactly 1 production variant and 1 shadow variant, '
          + `got ${count} production variant(s) and ${this.shadowInfos.length} shadow variant(s)`);
      }
      if (serverless) {
        errors.push('shadowProductionVariants are not supported with a serverlessProductionVariant (shadow tests need instance variants)');
      }
      if (this.asyncInference) {
        errors.push('shadowProductionVariants are not supported with asyncInference (shadow tests need real-time inference)');
      }
    }
    if (this.asyncInference && serverless) {
      errors.push(`asyncInference needs instance variants, got serverless variant '${this.variantInfos.find((v) => v.serverless)!.variantName}'`);
    }
    const weights = this.variantInfos.filter((v) => !v.serverless).map((v) => v.initialVariantWeight ?? 1);
    if (weights.length > 0 && weights.every((w) => !Token.isUnresolved(w) && w === 0)) {
      errors.push(`at least one production variant needs an initialVariantWeight above 0 (the traffic is shared by weight), got ${weights.join(', ')}`);
    }
    if (this.encryptionKey) {
      const local = [...this.variantInfos, ...this.shadowInfos]
        .map((v) => v.instanceType?.toString())
        .filter((t): t is string => t !== undefined && !Token.isUnresolved(t) && LOCAL_STORAGE_FAMILIES.has(t.split('.')[1]));
      if (local.length > 0) {
        errors.push('encryptionKey cannot be used with instance types that have local (instance store) volumes, which SageMaker '
          + `encrypts itself; got encryptionKey and instance type(s) ${[...new Set(local)].map((t) => `'${t}'`).join(', ')}`);
      }
    }
    return errors;
  }
}

/** The attributes of an imported endpoint configuration. */
interface ImportedEndpointConfigProps {
  readonly endpointConfigArn: string;
  readonly endpointConfigName: string;
}

class ImportedEndpointConfig extends EndpointConfigBase {
  public readonly endpointConfigArn: string;
  public readonly endpointConfigName: string;

  constructor(scope: Construct, id: string, props: ImportedEndpointConfigProps) {
    super(scope, id, { environmentFromArn: props.endpointConfigArn });
    this.endpointConfigArn = props.endpointConfigArn;
    this.endpointConfigName = props.endpointConfigName;
  }
}

function instanceInfo(variant: InstanceProductionVariantProps): VariantInfo {
  return {
    variantName: variant.variantName,
    model: variant.model,
    instanceType: variant.instanceType ?? InstanceType.M5_LARGE,
    initialInstanceCount: variant.initialInstanceCount ?? 1,
    initialVariantWeight: variant.initialVariantWeight ?? 1,
    serverless: false,
  };
}

/** Problems with the name of a variant (shared by every kind). */
function variantErrors(at: string, variant: ProductionVariantOptions): string[] {
  if (variant.variantName === undefined) {
    return [`${at}.variantName is required, got none`];
  }
  return validateSageMakerName(`${at}.variantName`, variant.variantName);
}

function endpointConfigNameErrors(name: string | undefined): string[] {
  return [
    ...validateLength('endpointConfigName', name, 1, ENDPOINT_CONFIG_NAME_MAX_LENGTH),
    ...validatePattern('endpointConfigName', name, /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/,
      'letters (a-z, A-Z), digits (0-9) and hyphens (-), starting and ending with a letter or digit'),
  ];
}

/** Problems with a key prefix inside a bucket (none for a token). */
function prefixErrors(property: string, prefix: string | undefined): string[] {
  if (prefix === undefined || Token.isUnresolved(prefix)) {
    return [];
  }
  const errors = validateLength(property, prefix, 1, MAX_DESTINATION_URI_LENGTH - 'https://b/'.length);
  if (prefix.startsWith('/') || prefix.endsWith('/')) {
    errors.push(`${property} must not start or end with a slash (it is joined to the bucket as s3://<bucket>/<prefix>), got ${printable(prefix)}`);
  }
  return errors;
}

function contentTypeErrors(property: string, types: string[] | undefined): string[] {
  if (types === undefined || Token.isUnresolved(types)) {
    return [];
  }
  const errors = validateCount(property, types, 1, MAX_CONTENT_TYPES);
  types.forEach((type, i) => {
    errors.push(...validateLength(`${property}[${i}]`, type, 1, 256));
    errors.push(...validatePattern(`${property}[${i}]`, type, CONTENT_TYPE_PATTERN, 'a MIME type such as text/csv or application/json'));
  });
  return errors;
}

function dataCaptureErrors(capture: DataCaptureOptions | undefined): string[] {
  if (!capture) {
    return [];
  }
  const errors = [
    ...prefixErrors('dataCapture.destinationPrefix', capture.destinationPrefix),
    ...validateInteger('dataCapture.samplingPercentage', capture.samplingPercentage, 0, 100),
    ...validateCount('dataCapture.captureModes', capture.captureModes, 1, MAX_CAPTURE_OPTIONS),
    ...contentTypeErrors('dataCapture.csvContentTypes', capture.csvContentTypes),
    ...contentTypeErrors('dataCapture.jsonContentTypes', capture.jsonContentTypes),
  ];
  if (!capture.destinationBucket) {
    errors.push('dataCapture.destinationBucket is required, got none');
  }
  (capture.captureModes ?? []).forEach((mode, i) => {
    errors.push(...validateEnumValue(`dataCapture.captureModes[${i}]`, mode, Object.values(CaptureMode), 'CaptureMode'));
  });
  return errors;
}

function asyncInferenceErrors(async: AsyncInferenceOptions | undefined): string[] {
  if (!async) {
    return [];
  }
  const errors = [
    ...prefixErrors('asyncInference.outputPrefix', async.outputPrefix),
    ...prefixErrors('asyncInference.failurePrefix', async.failurePrefix),
    ...validateInteger('asyncInference.maxConcurrentInvocationsPerInstance', async.maxConcurrentInvocationsPerInstance, 1, MAX_ASYNC_CONCURRENCY),
    ...validateCount('asyncInference.includeInferenceResponseIn', async.includeInferenceResponseIn, 0, 2),
  ];
  if (!async.outputBucket) {
    errors.push('asyncInference.outputBucket is required, got none');
  }
  if (async.failurePrefix !== undefined && !async.failureBucket) {
    errors.push(`asyncInference.failurePrefix applies only with failureBucket, got failurePrefix ${printable(async.failurePrefix)} without one`);
  }
  const included = async.includeInferenceResponseIn ?? [];
  included.forEach((topic, i) => {
    errors.push(...validateEnumValue(`asyncInference.includeInferenceResponseIn[${i}]`, topic, Object.values(AsyncNotificationTopic), 'AsyncNotificationTopic'));
  });
  errors.push(...validateUnique('asyncInference.includeInferenceResponseIn', included));
  if (included.includes(AsyncNotificationTopic.SUCCESS_NOTIFICATION_TOPIC) && !async.successTopic) {
    errors.push(`asyncInference.includeInferenceResponseIn has '${AsyncNotificationTopic.SUCCESS_NOTIFICATION_TOPIC}', which needs successTopic; got none`);
  }
  if (included.includes(AsyncNotificationTopic.ERROR_NOTIFICATION_TOPIC) && !async.errorTopic) {
    errors.push(`asyncInference.includeInferenceResponseIn has '${AsyncNotificationTopic.ERROR_NOTIFICATION_TOPIC}', which needs errorTopic; got none`);
  }
  return errors;
}

function s3Uri(bucket: s3.IBucket, prefix: string | undefined): string {
  return `s3://${bucket.bucketName}/${prefix ?? ''}`;
}

function objectsUnder(prefix: string | undefined): string {
  return prefix === undefined ? '*' : `${prefix}/*`;
}

function renderDataCapture(capture: DataCaptureOptions): sagemaker.CfnEndpointConfig.DataCaptureConfigProperty {
  const csv = capture.csvContentTypes;
  const json = capture.jsonContentTypes;
  return {
    destinationS3Uri: s3Uri(capture.destinationBucket, capture.destinationPrefix),
    initialSamplingPercentage: capture.samplingPercentage ?? 100,
    captureOptions: (capture.captureModes ?? [CaptureMode.INPUT, CaptureMode.OUTPUT]).map((captureMode) => ({ captureMode })),
    captureContentTypeHeader: csv || json ? { csvContentTypes: csv, jsonContentTypes: json } : undefined,
    kmsKeyId: capture.encryptionKey?.keyRef.keyArn,
    enableCapture: capture.enableCapture ?? true,
  };
}

function renderAsyncInference(async: AsyncInferenceOptions): sagemaker.CfnEndpointConfig.AsyncInferenceConfigProperty {
  const notify = async.successTopic || async.errorTopic || async.includeInferenceResponseIn;
  return {
    outputConfig: {
      s3OutputPath: s3Uri(async.outputBucket, async.outputPrefix),
      s3FailurePath: async.failureBucket && s3Uri(async.failureBucket, async.failurePrefix),
      kmsKeyId: async.encryptionKey?.keyRef.keyArn,
      notificationConfig: notify ? {
        successTopic: async.successTopic?.topicArn,
        errorTopic: async.errorTopic?.topicArn,
        includeInferenceResponseIn: async.includeInferenceResponseIn,
      } : undefined,
    },
    clientConfig: async.maxConcurrentInvocationsPerInstance === undefined ? undefined
      : { maxConcurrentInvocationsPerInstance: async.maxConcurrentInvocationsPerInstance },
  };
}

/** A size in whole GiB; a fraction stays a fraction so that the check reports it. */
function sizeInGiB(size: Size): number {
  return size.toGibibytes({ rounding: SizeRoundingBehavior.NONE });
}
