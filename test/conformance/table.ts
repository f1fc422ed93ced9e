/**
 * The conformance table: every synth-time rule of the library, by construct and property, with the
 * botocore shape (and, where the value reaches a template, the CloudFormation schema property) it
 * guards. Each row probes the library itself (it builds the construct with the value and reads the
 * error), so the test checks the rule as the code applies it, not a copy of it.
 *
 * Where a rule is deliberately stricter than both references, the row says why (`stricter`).
 * Constraints of the references that no row checks are listed in `LEFT_TO_SERVICE` with the reason,
 * and members of the API's structures that the library does not render in `NOT_RENDERED`.
 */
import { App, Duration, Size, Stack, aws_iam as iam } from 'aws-cdk-lib';
import {
  Algorithm,
  AlgorithmProps,
  AssembleWith,
  BatchStrategy,
  CompressionType,
  ContainerImage,
  ContainerMode,
  HyperParameterRange,
  HyperParameterSpecification,
  HyperParameterType,
  InferenceContainer,
  InferenceExecutionMode,
  InstanceType,
  Model,
  ModelApprovalStatus,
  ModelCacheSetting,
  ModelCardStatus,
  ModelData,
  ModelDataType,
  ModelPackage,
  ModelPackageGroup,
  ModelPackageProps,
  ModelProps,
  RecordWrapperType,
  RepositoryAccessMode,
  S3DataDistribution,
  SplitType,
  TrainingInputDataType,
  TrainingInputMode,
  TrainingJobChannel,
  TrainingJobDefinition,
  TransformInputDataType,
  TransformJobDefinition,
  TuningObjectiveType,
} from '../../src';
import {
  REALTIME_INFERENCE_INSTANCE_TYPES,
  TRAINING_INSTANCE_TYPES,
  TRANSFORM_INSTANCE_TYPES,
} from '../../src/private/validate/supported-instance-types';
import { ACCOUNT, ENV, REGION, XGBOOST_IMAGE } from '../constants';

export type ConstructName = 'ModelPackageGroup' | 'ModelPackage' | 'Model' | 'Algorithm';

/** Where a value is rendered in a CloudFormation schema: the resource type and a path in its schema. */
export interface CfnRef {
  readonly type: string;
  /** `properties/X` or `definitions/X/properties/Y`; `/items`, `/patternProperties/<p>` as JSON Schema has them. */
  readonly pointer: string;
}

/** A deliberate rule beyond both references, with its reason. */
export interface Stricter {
  readonly reason: string;
  /** Lower bound the library applies (length, count or value). */
  readonly min?: number;
  /** Upper bound the library applies. */
  readonly max?: number;
  /** Values the library rejects although the references accept them. */
  readonly rejects?: (value: string) => boolean;
}

interface RowBase {
  /** A stable code of the rule: what the docs and a failing test call it. */
  readonly code: string;
  readonly construct: ConstructName;
  /** The property as the library's errors name it (problems starting with it belong to this rule). */
  readonly property: string;
  /** The botocore location: `Shape.Member`, then `[]` for list items, `{}` for map values, `{key}` for map keys. */
  readonly api: string;
  /** The CloudFormation schema location, or null when the value goes to the API directly (custom resource). */
  readonly cfn: CfnRef | null;
  readonly stricter?: Stricter;
}

export interface StringRow extends RowBase {
  readonly kind: 'string';
  /** A value of the given length that both references accept (the test checks it does). */
  readonly sample: (length: number) => string;
  /** The problems the library reports for a value (all of them; the test picks this rule's). */
  readonly probe: (value: string) => string[];
  /** Characters not probed into the value, with why (for example a value that must be JSON). */
  readonly noCharacterProbes?: string;
  /** Where the probe characters go in a valid value (negative: from the end). @default [0, -1] */
  readonly probePositions?: number[];
}

export interface CountRow extends RowBase {
  readonly kind: 'count';
  /** The problems for a list or map of `n` valid entries. */
  readonly probe: (n: number) => string[];
}

export interface NumberRow extends RowBase {
  readonly kind: 'number';
  readonly probe: (n: number) => string[];
}

export type Row = StringRow | CountRow | NumberRow;

/** An enum of the library against the API's (and CloudFormation's) enum. */
export interface EnumRow {
  readonly code: string;
  readonly constructs: ConstructName[];
  readonly name: string;
  readonly values: readonly string[];
  readonly api: string;
  readonly cfn?: CfnRef[];
  /** API values the library does not offer, each with the reason. */
  readonly excluded?: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Probes

const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/validation`;

function newStack(): Stack {
  return new Stack(new App(), 'Stack', { env: ENV });
}

/** The problems of the error `build` throws: the listed ones, or the whole message. */
export function problemsOf(build: () => unknown): string[] {
  try {
    build();
    return [];
  } catch (e) {
    const message = (e as Error).message;
    const [header, ...problems] = message.split('\n  - ');
    if (problems.length === 0) {
      return [message];
    }
    // A factory's error (`Invalid ModelData.fromS3Url:`) names no construct: each problem keeps the
    // factory's name, as the rows name factory rules (`ModelData.fromS3Url: url must ...`).
    const factory = /^Invalid ([A-Z]\w*\.\w+):$/.exec(header)?.[1];
    return factory === undefined ? problems : problems.map((p) => `${factory}: ${p}`);
  }
}

function packageProbe(props: (stack: Stack) => Partial<ModelPackageProps>): string[] {
  return problemsOf(() => {
    const stack = newStack();
    new ModelPackage(stack, 'Package', {
      modelPackageGroup: ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', 'churn'),
      inferenceSpecification: {
        containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }],
        supportedContentTypes: ['text/csv'],
        supportedResponseMimeTypes: ['text/csv'],
      },
      ...props(stack),
    });
  });
}

function packageContainerProbe(container: Partial<InferenceContainer>): string[] {
  return packageProbe(() => ({
    inferenceSpecification: {
      containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), ...container }],
      supportedContentTypes: ['text/csv'],
      supportedResponseMimeTypes: ['text/csv'],
    },
  }));
}

function transformJob(extra: Partial<TransformJobDefinition> = {}): TransformJobDefinition {
  return {
    input: { s3Uri: 's3://data/input/' },
    output: { s3OutputPath: 's3://data/output/' },
    resources: { instanceType: InstanceType.M5_XLARGE },
    ...extra,
  };
}

function packageTransformProbe(extra: (job: TransformJobDefinition) => TransformJobDefinition, profileName = 'smoke'): string[] {
  return packageProbe((stack) => ({
    validationSpecification: {
      role: iam.Role.fromRoleArn(stack, 'Role', ROLE_ARN, { mutable: false }),
      profile: { profileName, transformJob: extra(transformJob()) },
    },
  }));
}

function modelProbe(props: Partial<ModelProps>): string[] {
  return problemsOf(() => {
    const stack = newStack();
    new Model(stack, 'Model', { containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }], ...props });
  });
}

function groupProbe(props: { modelPackageGroupName?: string; description?: string }): string[] {
  return problemsOf(() => new ModelPackageGroup(newStack(), 'Group', props));
}

interface AlgorithmCase {
  readonly training?: Partial<AlgorithmProps['trainingSpecification']>;
  readonly inference?: Partial<InferenceContainer>;
  readonly trainingJob?: Partial<TrainingJobDefinition>;
  readonly channel?: Partial<TrainingJobChannel>;
  readonly transformJob?: TransformJobDefinition;
  readonly profileName?: string;
  readonly algorithmName?: string;
  readonly description?: string;
}

function algorithmProbe(c: AlgorithmCase): string[] {
  return problemsOf(() => {
    const stack = newStack();
    const validated = c.trainingJob || c.channel || c.transformJob || c.profileName !== undefined;
    new Algorithm(stack, 'Algorithm', {
      algorithmName: c.algorithmName,
      description: c.description,
      trainingSpecification: {
        image: ContainerImage.fromRegistry(XGBOOST_IMAGE),
        supportedInstanceTypes: [InstanceType.M5_XLARGE],
        channels: [{ name: 'train', supportedContentTypes: ['text/csv'], supportedInputModes: [TrainingInputMode.FILE, TrainingInputMode.PIPE] }],
        supportsDistributedTraining: true,
        ...c.training,
      },
      inferenceSpecification: c.inference || c.transformJob ? {
        containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), ...c.inference }],
        supportedTransformInstanceTypes: [InstanceType.M5_XLARGE],
      } : undefined,
      validationSpecification: validated ? {
        role: iam.Role.fromRoleArn(stack, 'Role', ROLE_ARN, { mutable: false }),
        profile: {
          profileName: c.profileName ?? 'smoke',
          trainingJob: {
            inputMode: TrainingInputMode.FILE,
            inputChannels: [{ channelName: 'train', s3Uri: 's3://data/train/', ...c.channel }],
            output: { s3OutputPath: 's3://data/output/' },
            resources: { instanceType: InstanceType.M5_XLARGE },
            ...c.trainingJob,
          },
          transformJob: c.transformJob,
        },
      } : undefined,
    });
  });
}

function hyperParameterProbe(h: Partial<HyperParameterSpecification>): string[] {
  return algorithmProbe({ training: { hyperParameters: [{ name: 'eta', type: HyperParameterType.FREE_TEXT, ...h }] } });
}

// ---------------------------------------------------------------------------------------------
// Samples: values of a given length that both references accept

/** `fill` repeated, between an optional prefix and suffix, `n` characters in all. */
function fill(c: string, prefix = '', suffix = ''): (n: number) => string {
  return (n) => (n >= prefix.length + suffix.length ? prefix + c.repeat(n - prefix.length - suffix.length) + suffix : c.repeat(n));
}
const letters = fill('a');
const s3Uri = fill('a', 's3://bucket/');
const digest = () => `sha256:${'a'.repeat(64)}`;
const mimeType = fill('a', 'text/');
const frameworkVersion = fill('1', '1.');

/** Whether an s3:// URL names a bucket that S3 cannot have (CDK's bucket name rules: 3-63 of a-z, 0-9, '.', '-'). */
function badBucket(url: string): boolean {
  const bucket = /^s3:\/\/([^/]*)/.exec(url)?.[1];
  return bucket !== undefined && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket);
}

const entries = (n: number, value = 'x') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`V${i}`, value]));
const names = (n: number) => Array.from({ length: n }, (_, i) => `n${i}`);

/** CloudFormation locations in the four schemas. */
const MP = (pointer: string): CfnRef => ({ type: 'AWS::SageMaker::ModelPackage', pointer });
const MPG = (pointer: string): CfnRef => ({ type: 'AWS::SageMaker::ModelPackageGroup', pointer });
const M = (pointer: string): CfnRef => ({ type: 'AWS::SageMaker::Model', pointer });
const A = (pointer: string): CfnRef => ({ type: 'AWS::SageMaker::Algorithm', pointer });

const CONTAINER = 'inferenceSpecification.containers[0]';
const TRANSFORM = 'validationSpecification.profile.transformJob';
const TRAINING_JOB = 'validationSpecification.profile.trainingJob';
const MP_CONTAINER = 'definitions/ModelPackageContainerDefinition/properties';
const A_CONTAINER = 'definitions/ModelPackageContainerDefinition/properties';
const MP_TRANSFORM = 'definitions/TransformJobDefinition/properties';

const NOT_IN_TEMPLATE = null;

const INSTANCE_COUNT_REASON = 'the library offers no InstanceGroups (a heterogeneous cluster, which is what InstanceCount 0 is for), '
  + 'and a job without instances cannot run';

// ---------------------------------------------------------------------------------------------
// The rules

export const ROWS: Row[] = [
  // ModelPackageGroup
  {
    kind: 'string',
    code: 'MPG-NAME',
    construct: 'ModelPackageGroup',
    property: 'modelPackageGroupName',
    api: 'CreateModelPackageGroupInput.ModelPackageGroupName',
    cfn: MPG('properties/ModelPackageGroupName'),
    sample: letters,
    probe: (v) => groupProbe({ modelPackageGroupName: v }),
  },
  {
    kind: 'string',
    code: 'MPG-DESCRIPTION',
    construct: 'ModelPackageGroup',
    property: 'description',
    api: 'CreateModelPackageGroupInput.ModelPackageGroupDescription',
    cfn: MPG('properties/ModelPackageGroupDescription'),
    sample: letters,
    probe: (v) => groupProbe({ description: v }),
  },

  // ModelPackage: top level
  {
    kind: 'string',
    code: 'MP-NAME',
    construct: 'ModelPackage',
    property: 'modelPackageName',
    api: 'CreateModelPackageInput.ModelPackageName',
    cfn: MP('properties/ModelPackageName'),
    sample: letters,
    probe: (v) => packageProbe(() => ({
      modelPackageGroup: undefined,
      modelPackageName: v,
      inferenceSpecification: {
        containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }],
        supportedContentTypes: ['text/csv'],
        supportedResponseMimeTypes: ['text/csv'],
        supportedRealtimeInferenceInstanceTypes: [InstanceType.M5_LARGE],
        supportedTransformInstanceTypes: [InstanceType.M5_LARGE],
      },
    })),
  },
  {
    kind: 'string',
    code: 'MP-DESCRIPTION',
    construct: 'ModelPackage',
    property: 'description',
    api: 'CreateModelPackageInput.ModelPackageDescription',
    cfn: MP('properties/ModelPackageDescription'),
    sample: letters,
    probe: (v) => packageProbe(() => ({ description: v })),
  },
  {
    kind: 'string',
    code: 'MP-APPROVAL-DESCRIPTION',
    construct: 'ModelPackage',
    property: 'approvalDescription',
    api: 'UpdateModelPackageInput.ApprovalDescription',
    cfn: MP('properties/ApprovalDescription'),
    sample: letters,
    probe: (v) => packageProbe(() => ({ approvalStatus: ModelApprovalStatus.APPROVED, approvalDescription: v })),
  },
  {
    kind: 'string',
    code: 'MP-SAMPLE-PAYLOAD-URL',
    construct: 'ModelPackage',
    property: 'samplePayloadUrl',
    api: 'CreateModelPackageInput.SamplePayloadUrl',
    cfn: MP('properties/SamplePayloadUrl'),
    sample: s3Uri,
    probe: (v) => packageProbe(() => ({ samplePayloadUrl: v })),
  },
  {
    kind: 'string',
    code: 'MP-SOURCE-URI',
    construct: 'ModelPackage',
    property: 'sourceUri',
    api: 'CreateModelPackageInput.SourceUri',
    cfn: MP('properties/SourceUri'),
    sample: s3Uri,
    probe: (v) => packageProbe(() => ({ sourceUri: v })),
  },
  {
    kind: 'count',
    code: 'MP-CUSTOMER-METADATA-ENTRIES',
    construct: 'ModelPackage',
    property: 'customerMetadata',
    api: 'CreateModelPackageInput.CustomerMetadataProperties',
    cfn: MP('properties/CustomerMetadataProperties'),
    probe: (n) => packageProbe(() => ({ customerMetadata: entries(n) })),
  },
  {
    kind: 'string',
    code: 'MP-CUSTOMER-METADATA-KEY',
    construct: 'ModelPackage',
    property: 'customerMetadata',
    api: 'CreateModelPackageInput.CustomerMetadataProperties{key}',
    cfn: MP('properties/CustomerMetadataProperties'),
    sample: letters,
    probe: (v) => packageProbe(() => ({ customerMetadata: { [v]: 'x' } })),
  },
  {
    kind: 'string',
    code: 'MP-CUSTOMER-METADATA-VALUE',
    construct: 'ModelPackage',
    property: 'customerMetadata.k',
    api: 'CreateModelPackageInput.CustomerMetadataProperties{}',
    cfn: MP('properties/CustomerMetadataProperties'),
    sample: letters,
    probe: (v) => packageProbe(() => ({ customerMetadata: { k: v } })),
  },
  ...(['commitId', 'repository', 'generatedBy', 'projectId'] as const).map((key): StringRow => ({
    kind: 'string',
    code: `MP-METADATA-${key.toUpperCase()}`,
    construct: 'ModelPackage',
    property: `metadata.${key}`,
    api: `MetadataProperties.${key.charAt(0).toUpperCase()}${key.slice(1)}`,
    cfn: MP(`definitions/MetadataProperties/properties/${key.charAt(0).toUpperCase()}${key.slice(1)}`),
    sample: letters,
    probe: (v) => packageProbe(() => ({ metadata: { [key]: v } })),
  })),
  {
    kind: 'string',
    code: 'MP-MODEL-CARD-CONTENT',
    construct: 'ModelPackage',
    property: 'modelCard.content',
    api: 'ModelPackageModelCard.ModelCardContent',
    cfn: MP('definitions/ModelCard/properties/ModelCardContent'),
    sample: (n) => (n >= 2 ? `"${'a'.repeat(n - 2)}"` : 'a'.repeat(n)),
    probe: (v) => packageProbe(() => ({ modelCard: { content: v, status: ModelCardStatus.DRAFT } })),
    noCharacterProbes: 'the content must be JSON (a model card document), which characters inserted into a sample break',
    stricter: {
      reason: 'the content must be a JSON document (SageMaker parses it as a model card)',
      min: 1,
      rejects: (v) => { try { JSON.parse(v); return false; } catch { return true; } },
    },
  },

  // ModelPackage: inference specification
  {
    kind: 'count',
    code: 'MP-CONTAINERS',
    construct: 'ModelPackage',
    property: 'inferenceSpecification.containers',
    api: 'InferenceSpecification.Containers',
    cfn: MP('definitions/InferenceSpecification/properties/Containers'),
    probe: (n) => packageProbe(() => ({
      inferenceSpecification: {
        containers: Array.from({ length: n }, (_, i) => ({ image: ContainerImage.fromRegistry(`${XGBOOST_IMAGE}-${i}`) })),
        supportedContentTypes: ['text/csv'],
        supportedResponseMimeTypes: ['text/csv'],
      },
    })),
  },
  {
    kind: 'string',
    code: 'MP-CONTENT-TYPE',
    construct: 'ModelPackage',
    property: 'inferenceSpecification.supportedContentTypes[0]',
    api: 'InferenceSpecification.SupportedContentTypes[]',
    cfn: MP('definitions/InferenceSpecification/properties/SupportedContentTypes/items'),
    sample: mimeType,
    probe: (v) => packageProbe(() => ({
      inferenceSpecification: { containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }], supportedContentTypes: [v], supportedResponseMimeTypes: ['text/csv'] },
    })),
  },
  {
    kind: 'string',
    code: 'MP-RESPONSE-MIME-TYPE',
    construct: 'ModelPackage',
    property: 'inferenceSpecification.supportedResponseMimeTypes[0]',
    api: 'InferenceSpecification.SupportedResponseMIMETypes[]',
    cfn: MP('definitions/InferenceSpecification/properties/SupportedResponseMIMETypes/items'),
    sample: mimeType,
    probe: (v) => packageProbe(() => ({
      inferenceSpecification: { containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }], supportedContentTypes: ['text/csv'], supportedResponseMimeTypes: [v] },
    })),
  },
  {
    kind: 'string',
    code: 'MP-CONTAINER-FRAMEWORK-VERSION',
    construct: 'ModelPackage',
    property: `${CONTAINER}.frameworkVersion`,
    api: 'ModelPackageContainerDefinition.FrameworkVersion',
    cfn: MP(`${MP_CONTAINER}/FrameworkVersion`),
    sample: frameworkVersion,
    probePositions: [0, 2, -1],
    probe: (v) => packageContainerProbe({ frameworkVersion: v }),
  },
  {
    kind: 'string',
    code: 'MP-CONTAINER-DATA-INPUT-CONFIG',
    construct: 'ModelPackage',
    property: `${CONTAINER}.dataInputConfig`,
    api: 'ModelInput.DataInputConfig',
    cfn: MP(`${MP_CONTAINER}/ModelInput/properties/DataInputConfig`),
    sample: letters,
    probe: (v) => packageContainerProbe({ dataInputConfig: v }),
  },
  {
    kind: 'string',
    code: 'MP-CONTAINER-HOSTNAME',
    construct: 'ModelPackage',
    property: `${CONTAINER}.containerHostname`,
    api: 'ModelPackageContainerDefinition.ContainerHostname',
    cfn: MP(`${MP_CONTAINER}/ContainerHostname`),
    sample: letters,
    probe: (v) => packageContainerProbe({ containerHostname: v }),
  },
  {
    kind: 'string',
    code: 'MP-CONTAINER-IMAGE-DIGEST',
    construct: 'ModelPackage',
    property: `${CONTAINER}.imageDigest`,
    api: 'ModelPackageContainerDefinition.ImageDigest',
    cfn: MP(`${MP_CONTAINER}/ImageDigest`),
    sample: digest,
    probe: (v) => packageContainerProbe({ imageDigest: v }),
  },
  {
    kind: 'string',
    code: 'MP-CONTAINER-IMAGE',
    construct: 'ModelPackage',
    property: 'ContainerImage.fromRegistry',
    api: 'ModelPackageContainerDefinition.Image',
    cfn: MP(`${MP_CONTAINER}/Image`),
    sample: letters,
    probe: (v) => packageContainerProbe({ image: ContainerImage.fromRegistry(v) }),
    stricter: {
      reason: 'an image reference has no whitespace or control characters (Docker\'s reference grammar); the API\'s [\\S]+ is Java\'s ASCII-only \\S',
      rejects: (v) => /[\s\u0085\p{Cc}]/u.test(v),
    },
  },
  {
    kind: 'count',
    code: 'MP-CONTAINER-ENVIRONMENT-ENTRIES',
    construct: 'ModelPackage',
    property: `${CONTAINER}.environment`,
    api: 'ModelPackageContainerDefinition.Environment',
    cfn: MP('definitions/Environment'),
    probe: (n) => packageContainerProbe({ environment: entries(n) }),
  },
  {
    kind: 'string',
    code: 'MP-CONTAINER-ENVIRONMENT-NAME',
    construct: 'ModelPackage',
    property: `${CONTAINER}.environment`,
    api: 'ModelPackageContainerDefinition.Environment{key}',
    cfn: null,
    sample: letters,
    probe: (v) => packageContainerProbe({ environment: { [v]: 'x' } }),
  },
  {
    kind: 'string',
    code: 'MP-CONTAINER-ENVIRONMENT-VALUE',
    construct: 'ModelPackage',
    property: `${CONTAINER}.environment.V`,
    api: 'ModelPackageContainerDefinition.Environment{}',
    cfn: MP('definitions/Environment/patternProperties/[a-zA-Z_][a-zA-Z0-9_]*'),
    sample: letters,
    probe: (v) => packageContainerProbe({ environment: { V: v } }),
  },
  {
    kind: 'string',
    code: 'MP-CONTAINER-MODEL-DATA-URL',
    construct: 'ModelPackage',
    property: 'ModelData.fromS3Url',
    api: 'ModelPackageContainerDefinition.ModelDataUrl',
    cfn: MP(`${MP_CONTAINER}/ModelDataUrl`),
    sample: fill('a', 's3://bucket/', '.tar.gz'),
    probe: (v) => packageContainerProbe({ modelData: ModelData.fromS3Url(v) }),
    stricter: {
      reason: 'ModelDataUrl "must point to a single gzip compressed tar archive (.tar.gz suffix)" (SageMaker and CloudFormation docs), '
        + 'and an s3:// URL must name a valid bucket (3-63 characters)',
      rejects: (v) => !v.endsWith('.tar.gz') || badBucket(v),
    },
  },
  {
    kind: 'count',
    code: 'MP-ADDITIONAL-SPECIFICATIONS',
    construct: 'ModelPackage',
    property: 'additionalInferenceSpecifications',
    api: 'CreateModelPackageInput.AdditionalInferenceSpecifications',
    cfn: MP('properties/AdditionalInferenceSpecifications'),
    probe: (n) => packageProbe(() => ({
      additionalInferenceSpecifications: Array.from({ length: n }, (_, i) => ({ name: `spec-${i}`, containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }] })),
    })),
  },
  {
    kind: 'string',
    code: 'MP-ADDITIONAL-SPECIFICATION-NAME',
    construct: 'ModelPackage',
    property: 'additionalInferenceSpecifications[0].name',
    api: 'AdditionalInferenceSpecificationDefinition.Name',
    cfn: MP('definitions/AdditionalInferenceSpecificationDefinition/properties/Name'),
    sample: letters,
    probe: (v) => packageProbe(() => ({
      additionalInferenceSpecifications: [{ name: v, containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }] }],
    })),
  },
  {
    kind: 'string',
    code: 'MP-ADDITIONAL-SPECIFICATION-DESCRIPTION',
    construct: 'ModelPackage',
    property: 'additionalInferenceSpecifications[0].description',
    api: 'AdditionalInferenceSpecificationDefinition.Description',
    cfn: MP('definitions/AdditionalInferenceSpecificationDefinition/properties/Description'),
    sample: letters,
    probe: (v) => packageProbe(() => ({
      additionalInferenceSpecifications: [{ name: 'a', description: v, containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }] }],
    })),
  },

  // ModelPackage: validation specification
  {
    kind: 'string',
    code: 'MP-VALIDATION-PROFILE-NAME',
    construct: 'ModelPackage',
    property: 'validationSpecification.profile.profileName',
    api: 'ModelPackageValidationProfile.ProfileName',
    cfn: MP('definitions/ValidationProfile/properties/ProfileName'),
    sample: letters,
    probe: (v) => packageTransformProbe((j) => j, v),
  },
  {
    kind: 'string',
    code: 'MP-TRANSFORM-INPUT-URI',
    construct: 'ModelPackage',
    property: `${TRANSFORM}.input.s3Uri`,
    api: 'TransformS3DataSource.S3Uri',
    cfn: MP('definitions/S3DataSource/properties/S3Uri'),
    sample: s3Uri,
    probe: (v) => packageTransformProbe((j) => ({ ...j, input: { s3Uri: v } })),
  },
  {
    kind: 'string',
    code: 'MP-TRANSFORM-INPUT-CONTENT-TYPE',
    construct: 'ModelPackage',
    property: `${TRANSFORM}.input.contentType`,
    api: 'TransformInput.ContentType',
    cfn: MP('definitions/TransformInput/properties/ContentType'),
    sample: mimeType,
    probe: (v) => packageTransformProbe((j) => ({ ...j, input: { ...j.input, contentType: v } })),
  },
  {
    kind: 'string',
    code: 'MP-TRANSFORM-OUTPUT-PATH',
    construct: 'ModelPackage',
    property: `${TRANSFORM}.output.s3OutputPath`,
    api: 'TransformOutput.S3OutputPath',
    cfn: MP('definitions/TransformOutput/properties/S3OutputPath'),
    sample: s3Uri,
    probe: (v) => packageTransformProbe((j) => ({ ...j, output: { s3OutputPath: v } })),
  },
  {
    kind: 'string',
    code: 'MP-TRANSFORM-OUTPUT-ACCEPT',
    construct: 'ModelPackage',
    property: `${TRANSFORM}.output.accept`,
    api: 'TransformOutput.Accept',
    cfn: MP('definitions/TransformOutput/properties/Accept'),
    sample: mimeType,
    probe: (v) => packageTransformProbe((j) => ({ ...j, output: { ...j.output, accept: v } })),
  },
  {
    kind: 'count',
    code: 'MP-TRANSFORM-ENVIRONMENT-ENTRIES',
    construct: 'ModelPackage',
    property: `${TRANSFORM}.environment`,
    api: 'TransformJobDefinition.Environment',
    cfn: MP(`${MP_TRANSFORM}/Environment`),
    probe: (n) => packageTransformProbe((j) => ({ ...j, environment: entries(n) })),
  },
  {
    kind: 'string',
    code: 'MP-TRANSFORM-ENVIRONMENT-VALUE',
    construct: 'ModelPackage',
    property: `${TRANSFORM}.environment.V`,
    api: 'TransformJobDefinition.Environment{}',
    cfn: MP('definitions/Environment/patternProperties/[a-zA-Z_][a-zA-Z0-9_]*'),
    sample: letters,
    probe: (v) => packageTransformProbe((j) => ({ ...j, environment: { V: v } })),
  },
  {
    kind: 'number',
    code: 'MP-TRANSFORM-INSTANCE-COUNT',
    construct: 'ModelPackage',
    property: `${TRANSFORM}.resources.instanceCount`,
    api: 'TransformResources.InstanceCount',
    cfn: MP('definitions/TransformResources/properties/InstanceCount'),
    probe: (n) => packageTransformProbe((j) => ({ ...j, resources: { ...j.resources, instanceCount: n } })),
    stricter: { reason: 'SageMaker\'s limit on transform job instances ("InstanceCount: Minimum value of 1. Maximum value of 100" in the CloudFormation docs)', max: 100 },
  },
  {
    kind: 'number',
    code: 'MP-TRANSFORM-MAX-CONCURRENT',
    construct: 'ModelPackage',
    property: `${TRANSFORM}.maxConcurrentTransforms`,
    api: 'TransformJobDefinition.MaxConcurrentTransforms',
    cfn: MP(`${MP_TRANSFORM}/MaxConcurrentTransforms`),
    probe: (n) => packageTransformProbe((j) => ({ ...j, maxConcurrentTransforms: n })),
  },
  {
    kind: 'number',
    code: 'MP-TRANSFORM-MAX-PAYLOAD',
    construct: 'ModelPackage',
    property: `${TRANSFORM}.maxPayload`,
    api: 'TransformJobDefinition.MaxPayloadInMB',
    cfn: MP(`${MP_TRANSFORM}/MaxPayloadInMB`),
    probe: (n) => problemsOf(() => Size.mebibytes(n)).length > 0
      ? [`${TRANSFORM}.maxPayload (Size.mebibytes rejects ${n})`]
      : packageTransformProbe((j) => ({ ...j, maxPayload: Size.mebibytes(n) })),
  },

  // ModelPackage: source algorithm, metrics
  {
    kind: 'string',
    code: 'MP-SOURCE-ALGORITHM-NAME',
    construct: 'ModelPackage',
    property: 'sourceAlgorithm.algorithmName',
    api: 'SourceAlgorithm.AlgorithmName',
    cfn: MP('definitions/SourceAlgorithm/properties/AlgorithmName'),
    // A name has at most 63 characters; longer values are ARNs, whose partition part is unbounded.
    sample: (n) => (n <= 63 ? letters(n) : `arn:aws${'-'.repeat(n - 56)}:sagemaker:${REGION}:${ACCOUNT}:algorithm/churn`),
    probe: (v) => packageProbe(() => ({ inferenceSpecification: undefined, sourceAlgorithm: { algorithmName: v } })),
  },
  {
    kind: 'string',
    code: 'MP-METRICS-CONTENT-TYPE',
    construct: 'ModelPackage',
    property: 'modelMetrics.modelQuality.statistics.contentType',
    api: 'MetricsSource.ContentType',
    cfn: MP('definitions/MetricsSource/properties/ContentType'),
    sample: mimeType,
    probe: (v) => packageProbe(() => ({ modelMetrics: { modelQuality: { statistics: { contentType: v, s3Uri: 's3://data/stats.json' } } } })),
  },
  {
    kind: 'string',
    code: 'MP-METRICS-S3-URI',
    construct: 'ModelPackage',
    property: 'modelMetrics.modelQuality.statistics.s3Uri',
    api: 'MetricsSource.S3Uri',
    cfn: MP('definitions/MetricsSource/properties/S3Uri'),
    sample: s3Uri,
    probe: (v) => packageProbe(() => ({ modelMetrics: { modelQuality: { statistics: { contentType: 'application/json', s3Uri: v } } } })),
  },
  {
    kind: 'string',
    code: 'MP-METRICS-DIGEST',
    construct: 'ModelPackage',
    property: 'modelMetrics.modelQuality.statistics.contentDigest',
    api: 'MetricsSource.ContentDigest',
    cfn: MP('definitions/MetricsSource/properties/ContentDigest'),
    sample: digest,
    probe: (v) => packageProbe(() => ({
      modelMetrics: { modelQuality: { statistics: { contentType: 'application/json', s3Uri: 's3://data/stats.json', contentDigest: v } } },
    })),
  },
  {
    kind: 'string',
    code: 'MP-FILE-SOURCE-S3-URI',
    construct: 'ModelPackage',
    property: 'driftCheckBaselines.bias.configFile.s3Uri',
    api: 'FileSource.S3Uri',
    cfn: MP('definitions/FileSource/properties/S3Uri'),
    sample: s3Uri,
    probe: (v) => packageProbe(() => ({ driftCheckBaselines: { bias: { configFile: { s3Uri: v } } } })),
  },
  {
    kind: 'string',
    code: 'MP-FILE-SOURCE-DIGEST',
    construct: 'ModelPackage',
    property: 'driftCheckBaselines.bias.configFile.contentDigest',
    api: 'FileSource.ContentDigest',
    cfn: MP('definitions/FileSource/properties/ContentDigest'),
    sample: digest,
    probe: (v) => packageProbe(() => ({ driftCheckBaselines: { bias: { configFile: { s3Uri: 's3://data/bias.json', contentDigest: v } } } })),
  },
  {
    kind: 'string',
    code: 'MP-FILE-SOURCE-CONTENT-TYPE',
    construct: 'ModelPackage',
    property: 'driftCheckBaselines.bias.configFile.contentType',
    api: 'FileSource.ContentType',
    cfn: MP('definitions/FileSource/properties/ContentType'),
    sample: mimeType,
    probe: (v) => packageProbe(() => ({ driftCheckBaselines: { bias: { configFile: { contentType: v, s3Uri: 's3://data/bias.json' } } } })),
  },

  // Model
  {
    kind: 'string',
    code: 'M-NAME',
    construct: 'Model',
    property: 'modelName',
    api: 'CreateModelInput.ModelName',
    cfn: M('properties/ModelName'),
    sample: letters,
    probe: (v) => modelProbe({ modelName: v }),
  },
  {
    kind: 'count',
    code: 'M-CONTAINERS',
    construct: 'Model',
    property: 'containers',
    api: 'CreateModelInput.Containers',
    cfn: M('properties/Containers'),
    probe: (n) => problemsOf(() => {
      const stack = newStack();
      new Model(stack, 'Model', {
        containers: Array.from({ length: n }, (_, i) => ({ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), containerHostname: `c${i}` })),
      });
      (stack.node.root as App).synth();
    }).map((p) => (p.includes('a model') ? `containers: ${p}` : p)),
    stricter: { reason: 'CreateModel needs PrimaryContainer or Containers: a model without a container cannot be created', min: 1 },
  },
  {
    kind: 'count',
    code: 'M-CONTAINER-ENVIRONMENT-ENTRIES',
    construct: 'Model',
    property: 'containers[0].environment',
    api: 'ContainerDefinition.Environment',
    cfn: NOT_IN_TEMPLATE,
    probe: (n) => modelProbe({ containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), environment: entries(n) }] }),
  },
  {
    kind: 'string',
    code: 'M-CONTAINER-ENVIRONMENT-NAME',
    construct: 'Model',
    property: 'containers[0].environment',
    api: 'ContainerDefinition.Environment{key}',
    cfn: NOT_IN_TEMPLATE,
    sample: letters,
    probe: (v) => modelProbe({ containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), environment: { [v]: 'x' } }] }),
  },
  {
    kind: 'string',
    code: 'M-CONTAINER-ENVIRONMENT-VALUE',
    construct: 'Model',
    property: 'containers[0].environment.V',
    api: 'ContainerDefinition.Environment{}',
    cfn: NOT_IN_TEMPLATE,
    sample: letters,
    probe: (v) => modelProbe({ containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), environment: { V: v } }] }),
  },
  {
    kind: 'string',
    code: 'M-CONTAINER-HOSTNAME',
    construct: 'Model',
    property: 'containers[0].containerHostname',
    api: 'ContainerDefinition.ContainerHostname',
    cfn: M('definitions/ContainerDefinition/properties/ContainerHostname'),
    sample: letters,
    probe: (v) => modelProbe({ containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), containerHostname: v }] }),
  },
  {
    kind: 'string',
    code: 'M-CONTAINER-INFERENCE-SPECIFICATION-NAME',
    construct: 'Model',
    property: 'containers[0].inferenceSpecificationName',
    api: 'ContainerDefinition.InferenceSpecificationName',
    cfn: M('definitions/ContainerDefinition/properties/InferenceSpecificationName'),
    sample: letters,
    probe: (v) => problemsOf(() => {
      const stack = newStack();
      const modelPackage = ModelPackage.fromModelPackageArn(stack, 'Package', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/1`);
      new Model(stack, 'Model', { containers: [{ modelPackage, inferenceSpecificationName: v }] });
    }),
  },
  {
    kind: 'string',
    code: 'M-MODEL-DATA-HUB-CONTENT-ARN',
    construct: 'Model',
    property: 'ModelData.fromS3Prefix: options.hubContentArn',
    api: 'InferenceHubAccessConfig.HubContentArn',
    cfn: M('definitions/HubAccessConfig/properties/HubContentArn'),
    sample: fill('a', 'arn:aws:sagemaker:us-east-1:aws:hub-content/'),
    probe: (v) => modelProbe({
      containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), modelData: ModelData.fromS3Prefix('s3://models/m/', { hubContentArn: v }) }],
    }),
  },
  {
    kind: 'string',
    code: 'M-MODEL-DATA-S3-URI',
    construct: 'Model',
    property: 'ModelData.fromS3Prefix',
    api: 'S3ModelDataSource.S3Uri',
    cfn: M('definitions/S3DataSource/properties/S3Uri'),
    sample: fill('a', 's3://bucket/', '/'),
    probe: (v) => modelProbe({ containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), modelData: ModelData.fromS3Prefix(v) }] }),
    stricter: {
      reason: 'an S3Prefix URI "always ends with a forward slash" (SageMaker API docs of S3ModelDataSource), and an s3:// URL must name a valid bucket',
      rejects: (v) => !v.endsWith('/') || badBucket(v),
    },
  },

  // Algorithm: top level and training specification
  {
    kind: 'string',
    code: 'A-NAME',
    construct: 'Algorithm',
    property: 'algorithmName',
    api: 'CreateAlgorithmInput.AlgorithmName',
    cfn: A('properties/AlgorithmName'),
    sample: letters,
    probe: (v) => algorithmProbe({ algorithmName: v }),
  },
  {
    kind: 'string',
    code: 'A-DESCRIPTION',
    construct: 'Algorithm',
    property: 'description',
    api: 'CreateAlgorithmInput.AlgorithmDescription',
    cfn: A('properties/AlgorithmDescription'),
    sample: letters,
    probe: (v) => algorithmProbe({ description: v }),
  },
  {
    kind: 'string',
    code: 'A-TRAINING-IMAGE-DIGEST',
    construct: 'Algorithm',
    property: 'trainingSpecification.imageDigest',
    api: 'TrainingSpecification.TrainingImageDigest',
    cfn: A('definitions/TrainingSpecification/properties/TrainingImageDigest'),
    sample: digest,
    probe: (v) => algorithmProbe({ training: { imageDigest: v } }),
  },
  {
    kind: 'count',
    code: 'A-CHANNELS',
    construct: 'Algorithm',
    property: 'trainingSpecification.channels',
    api: 'TrainingSpecification.TrainingChannels',
    cfn: A('definitions/TrainingSpecification/properties/TrainingChannels'),
    probe: (n) => algorithmProbe({
      training: { channels: Array.from({ length: n }, (_, i) => ({ name: `c${i}`, supportedContentTypes: [], supportedInputModes: [TrainingInputMode.FILE] })) },
    }),
  },
  {
    kind: 'string',
    code: 'A-CHANNEL-NAME',
    construct: 'Algorithm',
    property: 'trainingSpecification.channels[0].name',
    api: 'ChannelSpecification.Name',
    cfn: A('definitions/ChannelSpecification/properties/Name'),
    sample: letters,
    probe: (v) => algorithmProbe({ training: { channels: [{ name: v, supportedContentTypes: [], supportedInputModes: [TrainingInputMode.FILE] }] } }),
  },
  {
    kind: 'string',
    code: 'A-CHANNEL-DESCRIPTION',
    construct: 'Algorithm',
    property: 'trainingSpecification.channels[0].description',
    api: 'ChannelSpecification.Description',
    cfn: A('definitions/ChannelSpecification/properties/Description'),
    sample: letters,
    probe: (v) => algorithmProbe({
      training: { channels: [{ name: 'train', description: v, supportedContentTypes: [], supportedInputModes: [TrainingInputMode.FILE] }] },
    }),
  },
  {
    kind: 'string',
    code: 'A-CHANNEL-CONTENT-TYPE',
    construct: 'Algorithm',
    property: 'trainingSpecification.channels[0].supportedContentTypes[0]',
    api: 'ChannelSpecification.SupportedContentTypes[]',
    cfn: A('definitions/ChannelSpecification/properties/SupportedContentTypes/items'),
    sample: mimeType,
    probe: (v) => algorithmProbe({ training: { channels: [{ name: 'train', supportedContentTypes: [v], supportedInputModes: [TrainingInputMode.FILE] }] } }),
  },
  {
    kind: 'count',
    code: 'A-CHANNEL-INPUT-MODES',
    construct: 'Algorithm',
    property: 'trainingSpecification.channels[0].supportedInputModes',
    api: 'ChannelSpecification.SupportedInputModes',
    cfn: A('definitions/ChannelSpecification/properties/SupportedInputModes'),
    probe: (n) => algorithmProbe({
      training: { channels: [{ name: 'train', supportedContentTypes: [], supportedInputModes: [TrainingInputMode.FILE, TrainingInputMode.PIPE, TrainingInputMode.FAST_FILE].slice(0, n) }] },
    }),
  },
  {
    kind: 'count',
    code: 'A-HYPERPARAMETERS',
    construct: 'Algorithm',
    property: 'trainingSpecification.hyperParameters',
    api: 'TrainingSpecification.SupportedHyperParameters',
    cfn: A('definitions/TrainingSpecification/properties/SupportedHyperParameters'),
    probe: (n) => algorithmProbe({ training: { hyperParameters: names(n).map((name) => ({ name, type: HyperParameterType.FREE_TEXT })) } }),
  },
  {
    kind: 'string',
    code: 'A-HYPERPARAMETER-NAME',
    construct: 'Algorithm',
    property: 'trainingSpecification.hyperParameters[0].name',
    api: 'HyperParameterSpecification.Name',
    cfn: A('definitions/HyperParameterSpecification/properties/Name'),
    sample: letters,
    probe: (v) => hyperParameterProbe({ name: v }),
  },
  {
    kind: 'string',
    code: 'A-HYPERPARAMETER-DESCRIPTION',
    construct: 'Algorithm',
    property: 'trainingSpecification.hyperParameters[0].description',
    api: 'HyperParameterSpecification.Description',
    cfn: A('definitions/HyperParameterSpecification/properties/Description'),
    sample: letters,
    probe: (v) => hyperParameterProbe({ description: v }),
  },
  {
    kind: 'string',
    code: 'A-HYPERPARAMETER-DEFAULT',
    construct: 'Algorithm',
    property: 'trainingSpecification.hyperParameters[0].defaultValue',
    api: 'HyperParameterSpecification.DefaultValue',
    cfn: A('definitions/HyperParameterSpecification/properties/DefaultValue'),
    sample: letters,
    probe: (v) => hyperParameterProbe({ defaultValue: v }),
  },
  {
    kind: 'count',
    code: 'A-CATEGORICAL-VALUES',
    construct: 'Algorithm',
    property: 'trainingSpecification.hyperParameters[0].range values',
    api: 'CategoricalParameterRangeSpecification.Values',
    cfn: A('definitions/CategoricalParameterRangeSpecification/properties/Values'),
    probe: (n) => hyperParameterProbe({ type: HyperParameterType.CATEGORICAL, range: HyperParameterRange.categorical(names(n)) }),
  },
  {
    kind: 'string',
    code: 'A-CATEGORICAL-VALUE',
    construct: 'Algorithm',
    property: 'trainingSpecification.hyperParameters[0].range values[0]',
    api: 'CategoricalParameterRangeSpecification.Values[]',
    cfn: A('definitions/CategoricalParameterRangeSpecification/properties/Values/items'),
    sample: letters,
    probe: (v) => hyperParameterProbe({ type: HyperParameterType.CATEGORICAL, range: HyperParameterRange.categorical([v]) }),
  },
  {
    kind: 'count',
    code: 'A-METRIC-DEFINITIONS',
    construct: 'Algorithm',
    property: 'trainingSpecification.metricDefinitions',
    api: 'TrainingSpecification.MetricDefinitions',
    cfn: A('definitions/TrainingSpecification/properties/MetricDefinitions'),
    probe: (n) => algorithmProbe({ training: { metricDefinitions: names(n).map((name) => ({ name, regex: 'x' })) } }),
  },
  {
    kind: 'string',
    code: 'A-METRIC-NAME',
    construct: 'Algorithm',
    property: 'trainingSpecification.metricDefinitions[0].name',
    api: 'MetricDefinition.Name',
    cfn: A('definitions/MetricDefinition/properties/Name'),
    sample: letters,
    probe: (v) => algorithmProbe({ training: { metricDefinitions: [{ name: v, regex: 'x' }] } }),
  },
  {
    kind: 'string',
    code: 'A-METRIC-REGEX',
    construct: 'Algorithm',
    property: 'trainingSpecification.metricDefinitions[0].regex',
    api: 'MetricDefinition.Regex',
    cfn: A('definitions/MetricDefinition/properties/Regex'),
    sample: letters,
    probe: (v) => algorithmProbe({ training: { metricDefinitions: [{ name: 'm', regex: v }] } }),
  },
  {
    kind: 'string',
    code: 'A-TUNING-METRIC-NAME',
    construct: 'Algorithm',
    property: 'trainingSpecification.tuningObjectives[0].metricName',
    api: 'HyperParameterTuningJobObjective.MetricName',
    cfn: A('definitions/HyperParameterTuningJobObjective/properties/MetricName'),
    sample: letters,
    probe: (v) => algorithmProbe({
      training: {
        metricDefinitions: [{ name: v, regex: 'x' }],
        hyperParameters: [{ name: 'eta', type: HyperParameterType.FREE_TEXT }],
        tuningObjectives: [{ metricName: v, type: TuningObjectiveType.MAXIMIZE }],
      },
    }).filter((p) => !p.startsWith('trainingSpecification.metricDefinitions')),
  },

  // Algorithm: inference specification
  {
    kind: 'string',
    code: 'A-CONTAINER-FRAMEWORK-VERSION',
    construct: 'Algorithm',
    property: `${CONTAINER}.frameworkVersion`,
    api: 'ModelPackageContainerDefinition.FrameworkVersion',
    cfn: A(`${A_CONTAINER}/FrameworkVersion`),
    sample: frameworkVersion,
    probePositions: [0, 2, -1],
    probe: (v) => algorithmProbe({ inference: { frameworkVersion: v } }),
  },
  {
    kind: 'string',
    code: 'A-CONTAINER-DATA-INPUT-CONFIG',
    construct: 'Algorithm',
    property: `${CONTAINER}.dataInputConfig`,
    api: 'ModelInput.DataInputConfig',
    cfn: A('definitions/ModelInput/properties/DataInputConfig'),
    sample: letters,
    probe: (v) => algorithmProbe({ inference: { dataInputConfig: v } }),
  },
  {
    kind: 'count',
    code: 'A-CONTAINER-ENVIRONMENT-ENTRIES',
    construct: 'Algorithm',
    property: `${CONTAINER}.environment`,
    api: 'ModelPackageContainerDefinition.Environment',
    cfn: A(`${A_CONTAINER}/Environment`),
    probe: (n) => algorithmProbe({ inference: { environment: entries(n) } }),
  },
  {
    kind: 'string',
    code: 'A-CONTAINER-ENVIRONMENT-VALUE',
    construct: 'Algorithm',
    property: `${CONTAINER}.environment.V`,
    api: 'ModelPackageContainerDefinition.Environment{}',
    cfn: A(`${A_CONTAINER}/Environment/patternProperties/^[\\S]+$`),
    sample: letters,
    probe: (v) => algorithmProbe({ inference: { environment: { V: v } } }),
  },
  {
    kind: 'string',
    code: 'A-CONTAINER-HOSTNAME',
    construct: 'Algorithm',
    property: `${CONTAINER}.containerHostname`,
    api: 'ModelPackageContainerDefinition.ContainerHostname',
    cfn: A(`${A_CONTAINER}/ContainerHostname`),
    sample: letters,
    probe: (v) => algorithmProbe({ inference: { containerHostname: v } }),
  },

  // Algorithm: validation specification (sent to CreateAlgorithm by a custom resource)
  {
    kind: 'string',
    code: 'A-VALIDATION-PROFILE-NAME',
    construct: 'Algorithm',
    property: 'validationSpecification.profile.profileName',
    api: 'AlgorithmValidationProfile.ProfileName',
    cfn: NOT_IN_TEMPLATE,
    sample: letters,
    probe: (v) => algorithmProbe({ profileName: v }),
  },
  {
    kind: 'count',
    code: 'A-TRAINING-JOB-CHANNELS',
    construct: 'Algorithm',
    property: `${TRAINING_JOB}.inputChannels`,
    api: 'TrainingJobDefinition.InputDataConfig',
    cfn: NOT_IN_TEMPLATE,
    probe: (n) => algorithmProbe({
      training: { channels: names(8).map((name) => ({ name, supportedContentTypes: [], supportedInputModes: [TrainingInputMode.FILE] })) },
      trainingJob: { inputChannels: names(n).map((name, i) => ({ channelName: i < 8 ? name : `n${i % 8}`, s3Uri: 's3://data/x/' })) },
    }).filter((p) => !p.includes('channel names must be unique')),
  },
  {
    kind: 'string',
    code: 'A-TRAINING-JOB-CHANNEL-URI',
    construct: 'Algorithm',
    property: `${TRAINING_JOB}.inputChannels[0].s3Uri`,
    api: 'S3DataSource.S3Uri',
    cfn: NOT_IN_TEMPLATE,
    sample: s3Uri,
    probe: (v) => algorithmProbe({ channel: { s3Uri: v } }),
  },
  {
    kind: 'string',
    code: 'A-TRAINING-JOB-CHANNEL-CONTENT-TYPE',
    construct: 'Algorithm',
    property: `${TRAINING_JOB}.inputChannels[0].contentType`,
    api: 'Channel.ContentType',
    cfn: NOT_IN_TEMPLATE,
    sample: mimeType,
    probe: (v) => algorithmProbe({ training: { channels: [{ name: 'train', supportedContentTypes: [v], supportedInputModes: [TrainingInputMode.FILE] }] }, channel: { contentType: v } })
      .filter((p) => !p.startsWith('trainingSpecification.')),
  },
  {
    kind: 'count',
    code: 'A-TRAINING-JOB-ATTRIBUTE-NAMES',
    construct: 'Algorithm',
    property: `${TRAINING_JOB}.inputChannels[0].attributeNames`,
    api: 'S3DataSource.AttributeNames',
    cfn: NOT_IN_TEMPLATE,
    probe: (n) => algorithmProbe({
      trainingJob: { inputMode: TrainingInputMode.PIPE },
      channel: { s3Uri: 's3://data/train.manifest', dataType: TrainingInputDataType.AUGMENTED_MANIFEST_FILE, attributeNames: names(n) },
    }),
  },
  {
    kind: 'string',
    code: 'A-TRAINING-JOB-ATTRIBUTE-NAME',
    construct: 'Algorithm',
    property: `${TRAINING_JOB}.inputChannels[0].attributeNames[0]`,
    api: 'S3DataSource.AttributeNames[]',
    cfn: NOT_IN_TEMPLATE,
    sample: letters,
    probe: (v) => algorithmProbe({
      trainingJob: { inputMode: TrainingInputMode.PIPE },
      channel: { s3Uri: 's3://data/train.manifest', dataType: TrainingInputDataType.AUGMENTED_MANIFEST_FILE, attributeNames: [v] },
    }),
  },
  {
    kind: 'count',
    code: 'A-TRAINING-JOB-HYPERPARAMETERS',
    construct: 'Algorithm',
    property: `${TRAINING_JOB}.hyperParameters`,
    api: 'TrainingJobDefinition.HyperParameters',
    cfn: NOT_IN_TEMPLATE,
    probe: (n) => algorithmProbe({
      training: { hyperParameters: names(Math.max(n, 1)).map((name) => ({ name, type: HyperParameterType.FREE_TEXT })) },
      trainingJob: { hyperParameters: Object.fromEntries(names(n).map((name) => [name, 'x'])) },
    }).filter((p) => !p.startsWith('trainingSpecification.')),
  },
  {
    kind: 'string',
    code: 'A-TRAINING-JOB-HYPERPARAMETER-VALUE',
    construct: 'Algorithm',
    property: `${TRAINING_JOB}.hyperParameters.eta`,
    api: 'TrainingJobDefinition.HyperParameters{}',
    cfn: NOT_IN_TEMPLATE,
    sample: letters,
    probe: (v) => algorithmProbe({
      training: { hyperParameters: [{ name: 'eta', type: HyperParameterType.FREE_TEXT }] },
      trainingJob: { hyperParameters: { eta: v } },
    }),
  },
  {
    kind: 'string',
    code: 'A-TRAINING-JOB-OUTPUT-PATH',
    construct: 'Algorithm',
    property: `${TRAINING_JOB}.output.s3OutputPath`,
    api: 'OutputDataConfig.S3OutputPath',
    cfn: NOT_IN_TEMPLATE,
    sample: s3Uri,
    probe: (v) => algorithmProbe({ trainingJob: { output: { s3OutputPath: v } } }),
  },
  {
    kind: 'number',
    code: 'A-TRAINING-JOB-INSTANCE-COUNT',
    construct: 'Algorithm',
    property: `${TRAINING_JOB}.resources.instanceCount`,
    api: 'ResourceConfig.InstanceCount',
    cfn: NOT_IN_TEMPLATE,
    probe: (n) => algorithmProbe({ trainingJob: { resources: { instanceType: InstanceType.M5_XLARGE, instanceCount: n } } }),
    stricter: { reason: INSTANCE_COUNT_REASON, min: 1 },
  },
  {
    kind: 'number',
    code: 'A-TRAINING-JOB-VOLUME-SIZE',
    construct: 'Algorithm',
    property: `${TRAINING_JOB}.resources.volumeSize (in GiB)`,
    api: 'ResourceConfig.VolumeSizeInGB',
    cfn: NOT_IN_TEMPLATE,
    probe: (n) => problemsOf(() => Size.gibibytes(n)).length > 0
      ? [`${TRAINING_JOB}.resources.volumeSize (in GiB) (Size.gibibytes rejects ${n})`]
      : algorithmProbe({ trainingJob: { resources: { instanceType: InstanceType.M5_XLARGE, volumeSize: Size.gibibytes(n) } } }),
    stricter: { reason: 'a training job needs a storage volume of at least 1 GiB (0 is what DescribeTrainingJob reports for instances without EBS, not an input)', min: 1 },
  },
  {
    kind: 'number',
    code: 'A-TRAINING-JOB-MAX-RUNTIME',
    construct: 'Algorithm',
    property: `${TRAINING_JOB}.maxRuntime (in seconds)`,
    api: 'StoppingCondition.MaxRuntimeInSeconds',
    cfn: NOT_IN_TEMPLATE,
    probe: (n) => problemsOf(() => Duration.seconds(n)).length > 0
      ? [`${TRAINING_JOB}.maxRuntime (in seconds) (Duration.seconds rejects ${n})`]
      : algorithmProbe({ trainingJob: { maxRuntime: Duration.seconds(n) } }),
  },
  {
    kind: 'count',
    code: 'A-TRANSFORM-ENVIRONMENT-ENTRIES',
    construct: 'Algorithm',
    property: `${TRANSFORM}.environment`,
    api: 'TransformJobDefinition.Environment',
    cfn: NOT_IN_TEMPLATE,
    probe: (n) => algorithmProbe({ transformJob: transformJob({ environment: entries(n) }) }),
  },
  {
    kind: 'string',
    code: 'A-TRANSFORM-ENVIRONMENT-VALUE',
    construct: 'Algorithm',
    property: `${TRANSFORM}.environment.V`,
    api: 'TransformJobDefinition.Environment{}',
    cfn: NOT_IN_TEMPLATE,
    sample: letters,
    probe: (v) => algorithmProbe({ transformJob: transformJob({ environment: { V: v } }) }),
  },
  {
    kind: 'number',
    code: 'A-TRANSFORM-INSTANCE-COUNT',
    construct: 'Algorithm',
    property: `${TRANSFORM}.resources.instanceCount`,
    api: 'TransformResources.InstanceCount',
    cfn: NOT_IN_TEMPLATE,
    probe: (n) => algorithmProbe({ transformJob: transformJob({ resources: { instanceType: InstanceType.M5_XLARGE, instanceCount: n } }) }),
    stricter: { reason: 'SageMaker\'s limit on transform job instances (the same rule as for model packages, whose CloudFormation docs state it)', max: 100 },
  },
];

/** Enums of the library against the API's. */
export const ENUMS: EnumRow[] = [
  {
    code: 'ENUM-APPROVAL-STATUS',
    constructs: ['ModelPackage'],
    name: 'ModelApprovalStatus',
    values: Object.values(ModelApprovalStatus),
    api: 'ModelApprovalStatus',
    cfn: [MP('properties/ModelApprovalStatus')],
  },
  {
    code: 'ENUM-MODEL-CARD-STATUS',
    constructs: ['ModelPackage'],
    name: 'ModelCardStatus',
    values: Object.values(ModelCardStatus),
    api: 'ModelCardStatus',
    cfn: [MP('definitions/ModelCard/properties/ModelCardStatus')],
  },
  {
    code: 'ENUM-TRANSFORM-DATA-TYPE',
    constructs: ['ModelPackage', 'Algorithm'],
    name: 'TransformInputDataType',
    values: Object.values(TransformInputDataType),
    api: 'S3DataType',
    cfn: [MP('definitions/S3DataSource/properties/S3DataType')],
    excluded: {
      Converse: 'training data of foundation models; the API model says only ManifestFile and S3Prefix are compatible with batch transform',
    },
  },
  {
    code: 'ENUM-TRAINING-DATA-TYPE',
    constructs: ['Algorithm'],
    name: 'TrainingInputDataType',
    values: Object.values(TrainingInputDataType),
    api: 'S3DataType',
  },
  {
    code: 'ENUM-COMPRESSION',
    constructs: ['ModelPackage', 'Algorithm'],
    name: 'CompressionType',
    values: Object.values(CompressionType),
    api: 'CompressionType',
    cfn: [MP('definitions/TransformInput/properties/CompressionType')],
  },
  {
    code: 'ENUM-SPLIT',
    constructs: ['ModelPackage', 'Algorithm'],
    name: 'SplitType',
    values: Object.values(SplitType),
    api: 'SplitType',
    cfn: [MP('definitions/TransformInput/properties/SplitType')],
  },
  {
    code: 'ENUM-ASSEMBLE-WITH',
    constructs: ['ModelPackage', 'Algorithm'],
    name: 'AssembleWith',
    values: Object.values(AssembleWith),
    api: 'AssemblyType',
    cfn: [MP('definitions/TransformOutput/properties/AssembleWith')],
  },
  {
    code: 'ENUM-BATCH-STRATEGY',
    constructs: ['ModelPackage', 'Algorithm'],
    name: 'BatchStrategy',
    values: Object.values(BatchStrategy),
    api: 'BatchStrategy',
    cfn: [MP(`${MP_TRANSFORM}/BatchStrategy`)],
  },
  {
    code: 'ENUM-MODEL-DATA-TYPE',
    constructs: ['ModelPackage', 'Model'],
    name: 'ModelDataType',
    values: Object.values(ModelDataType),
    api: 'S3ModelDataType',
    cfn: [MP('definitions/S3ModelDataSource/properties/S3DataType'), M('definitions/S3DataSource/properties/S3DataType')],
  },
  {
    code: 'ENUM-CONTAINER-MODE',
    constructs: ['Model'],
    name: 'ContainerMode',
    values: Object.values(ContainerMode),
    api: 'ContainerMode',
    cfn: [M('definitions/ContainerDefinition/properties/Mode')],
  },
  {
    code: 'ENUM-MODEL-CACHE',
    constructs: ['Model'],
    name: 'ModelCacheSetting',
    values: Object.values(ModelCacheSetting),
    api: 'ModelCacheSetting',
    cfn: [M('definitions/MultiModelConfig/properties/ModelCacheSetting')],
  },
  {
    code: 'ENUM-REPOSITORY-ACCESS',
    constructs: ['Model'],
    name: 'RepositoryAccessMode',
    values: Object.values(RepositoryAccessMode),
    api: 'RepositoryAccessMode',
    cfn: [M('definitions/ImageConfig/properties/RepositoryAccessMode')],
  },
  {
    code: 'ENUM-INFERENCE-EXECUTION',
    constructs: ['Model'],
    name: 'InferenceExecutionMode',
    values: Object.values(InferenceExecutionMode),
    api: 'InferenceExecutionMode',
    cfn: [M('definitions/InferenceExecutionConfig/properties/Mode')],
  },
  {
    code: 'ENUM-HYPERPARAMETER-TYPE',
    constructs: ['Algorithm'],
    name: 'HyperParameterType',
    values: Object.values(HyperParameterType),
    api: 'ParameterType',
    cfn: [A('definitions/HyperParameterSpecification/properties/Type')],
  },
  {
    code: 'ENUM-TUNING-OBJECTIVE',
    constructs: ['Algorithm'],
    name: 'TuningObjectiveType',
    values: Object.values(TuningObjectiveType),
    api: 'HyperParameterTuningJobObjectiveType',
    cfn: [A('definitions/HyperParameterTuningJobObjective/properties/Type')],
  },
  {
    code: 'ENUM-TRAINING-INPUT-MODE',
    constructs: ['Algorithm'],
    name: 'TrainingInputMode',
    values: Object.values(TrainingInputMode),
    api: 'TrainingInputMode',
    cfn: [A('definitions/ChannelSpecification/properties/SupportedInputModes/items')],
  },
  {
    code: 'ENUM-S3-DISTRIBUTION',
    constructs: ['Algorithm'],
    name: 'S3DataDistribution',
    values: Object.values(S3DataDistribution),
    api: 'S3DataDistribution',
  },
  {
    code: 'ENUM-RECORD-WRAPPER',
    constructs: ['Algorithm'],
    name: 'RecordWrapperType',
    values: Object.values(RecordWrapperType),
    api: 'RecordWrapper',
  },
  {
    code: 'ENUM-REALTIME-INSTANCE-TYPES',
    constructs: ['ModelPackage', 'Algorithm'],
    name: 'REALTIME_INFERENCE_INSTANCE_TYPES',
    values: [...REALTIME_INFERENCE_INSTANCE_TYPES],
    api: 'ProductionVariantInstanceType',
    cfn: [A('definitions/InferenceSpecification/properties/SupportedRealtimeInferenceInstanceTypes/items')],
  },
  {
    code: 'ENUM-TRANSFORM-INSTANCE-TYPES',
    constructs: ['ModelPackage', 'Algorithm'],
    name: 'TRANSFORM_INSTANCE_TYPES',
    values: [...TRANSFORM_INSTANCE_TYPES],
    api: 'TransformInstanceType',
    cfn: [A('definitions/InferenceSpecification/properties/SupportedTransformInstanceTypes/items')],
  },
  {
    code: 'ENUM-TRAINING-INSTANCE-TYPES',
    constructs: ['Algorithm'],
    name: 'TRAINING_INSTANCE_TYPES',
    values: [...TRAINING_INSTANCE_TYPES],
    api: 'TrainingInstanceType',
    cfn: [A('definitions/TrainingSpecification/properties/SupportedTrainingInstanceTypes/items')],
  },
];

// ---------------------------------------------------------------------------------------------
// What the library renders, by API structure, and what it leaves to the service

const REFERENCE = 'rendered from a construct reference (an ARN or name CDK resolves), not from a literal the user writes';
const TAGS = 'tags come from Tags.of(), which CDK renders and CloudFormation validates (versions take none)';

/**
 * The API structures whose members the library renders, with the members it does not render (and
 * why). A member that is neither rendered nor listed here (a new one in a newer botocore) fails the
 * test, so that every addition to the API gets a decision.
 */
export const STRUCTURES: Record<string, Record<string, string>> = {
  Tag: {},
  CreateModelPackageGroupInput: { ManagedConfiguration: 'not in CloudFormation\'s AWS::SageMaker::ModelPackageGroup' },
  CreateModelPackageInput: {
    ModelPackageRegistrationType: 'not in CloudFormation\'s AWS::SageMaker::ModelPackage',
    ClientToken: 'CloudFormation sets it',
    SecurityConfig: 'rendered from encryptionKey (a kms.IKeyRef)',
    ModelLifeCycle: 'not in CloudFormation\'s AWS::SageMaker::ModelPackage (lifecycle stages are set through the registry handler)',
    ManagedStorageType: 'not in CloudFormation\'s AWS::SageMaker::ModelPackage',
  },
  InferenceSpecification: {},
  AdditionalInferenceSpecificationDefinition: {},
  ModelPackageContainerDefinition: {
    ProductId: 'set by AWS Marketplace for listed packages, not by the package\'s author',
    AdditionalModelDataSources: 'not in CloudFormation\'s AWS::SageMaker::ModelPackage',
    AdditionalS3DataSource: 'not in CloudFormation\'s AWS::SageMaker::ModelPackage',
    ModelDataETag: 'not in CloudFormation\'s AWS::SageMaker::ModelPackage',
    BaseModel: 'not in CloudFormation\'s AWS::SageMaker::ModelPackage',
  },
  ModelInput: {},
  ModelDataSource: {},
  S3ModelDataSource: {
    ManifestS3Uri: 'not in CloudFormation\'s S3ModelDataSource',
    ETag: 'not in CloudFormation\'s S3ModelDataSource',
    ManifestEtag: 'not in CloudFormation\'s S3ModelDataSource',
  },
  ModelAccessConfig: {},
  InferenceHubAccessConfig: {},
  ModelPackageValidationSpecification: {},
  ModelPackageValidationProfile: {},
  TransformJobDefinition: {},
  TransformInput: {},
  TransformDataSource: {},
  TransformS3DataSource: {},
  TransformOutput: {},
  TransformResources: { TransformAmiVersion: 'not in CloudFormation\'s TransformResources' },
  SourceAlgorithmSpecification: {},
  SourceAlgorithm: {
    ModelDataSource: 'not in CloudFormation\'s SourceAlgorithm (only ModelDataUrl)',
    ModelDataETag: 'not in CloudFormation\'s SourceAlgorithm',
  },
  ModelMetrics: {},
  ModelQuality: {},
  ModelDataQuality: {},
  Bias: {},
  Explainability: {},
  MetricsSource: {},
  DriftCheckBaselines: {},
  DriftCheckBias: {},
  DriftCheckExplainability: {},
  DriftCheckModelQuality: {},
  DriftCheckModelDataQuality: {},
  FileSource: {},
  MetadataProperties: {},
  ModelPackageModelCard: {},
  CreateModelInput: {},
  ContainerDefinition: {
    AdditionalModelDataSources: 'not offered yet (speculative decoding drafts); CloudFormation has it',
    ContainerMetricsConfig: 'not in CloudFormation\'s AWS::SageMaker::Model',
  },
  ImageConfig: {},
  RepositoryAuthConfig: {},
  MultiModelConfig: {},
  VpcConfig: {},
  InferenceExecutionConfig: {},
  CreateAlgorithmInput: {},
  TrainingSpecification: {
    AdditionalS3DataSource: 'not in CloudFormation\'s AWS::SageMaker::Algorithm',
  },
  HyperParameterSpecification: {},
  ParameterRange: {},
  IntegerParameterRangeSpecification: {},
  ContinuousParameterRangeSpecification: {},
  CategoricalParameterRangeSpecification: {},
  ChannelSpecification: {},
  MetricDefinition: {},
  HyperParameterTuningJobObjective: {},
  AlgorithmValidationSpecification: {},
  AlgorithmValidationProfile: {},
  TrainingJobDefinition: {},
  Channel: { ShuffleConfig: 'not offered for validation training jobs' },
  DataSource: {
    FileSystemDataSource: 'validation jobs read S3 (the library offers S3 channels only)',
    DatasetSource: 'validation jobs read S3 (the library offers S3 channels only)',
  },
  S3DataSource: {
    InstanceGroupNames: 'the library offers no InstanceGroups',
    ModelAccessConfig: 'not offered for validation training channels',
    HubAccessConfig: 'not offered for validation training channels',
  },
  OutputDataConfig: { CompressionType: 'not offered: SageMaker\'s default (Gzip) applies' },
  ResourceConfig: {
    KeepAlivePeriodInSeconds: 'warm pools are not offered for validation jobs',
    InstanceGroups: 'not offered (heterogeneous clusters)',
    TrainingPlanArn: 'not offered',
    InstancePlacementConfig: 'not offered',
    InstancePreferences: 'not offered',
    SelectedInstanceType: 'not offered',
    SelectedInstanceCount: 'not offered',
  },
  StoppingCondition: {
    MaxWaitTimeInSeconds: 'managed spot training is not offered for validation jobs',
    MaxPendingTimeInSeconds: 'not offered',
  },
};

/**
 * Constraints of the references that no rule checks at synth time, each with the reason. Keys are
 * API locations (`Shape.Member`, `[]`, `{}`, `{key}`) or, for enums and shared shapes, shape names.
 */
export const LEFT_TO_SERVICE: Record<string, string> = {
  'Tag.Key': TAGS,
  'Tag.Value': TAGS,
  'CreateModelPackageGroupInput.Tags': TAGS,
  'CreateModelPackageInput.Tags': TAGS,
  'CreateModelInput.Tags': TAGS,
  'CreateAlgorithmInput.Tags': TAGS,
  'CreateModelPackageInput.ModelPackageGroupName': REFERENCE,
  'ModelPackageValidationSpecification.ValidationRole': REFERENCE,
  'AlgorithmValidationSpecification.ValidationRole': REFERENCE,
  'CreateModelInput.ExecutionRoleArn': REFERENCE,
  'ContainerDefinition.ModelPackageName': REFERENCE,
  'RepositoryAuthConfig.RepositoryCredentialsProviderArn': REFERENCE,
  'TransformOutput.KmsKeyId': REFERENCE,
  'TransformResources.VolumeKmsKeyId': REFERENCE,
  'OutputDataConfig.KmsKeyId': REFERENCE,
  'ResourceConfig.VolumeKmsKeyId': REFERENCE,
  'VpcConfig.SecurityGroupIds': 'from ec2.ISecurityGroup references; their count (at most 5) is checked at synth (test/model.test.ts)',
  'VpcConfig.SecurityGroupIds[]': REFERENCE,
  'VpcConfig.Subnets': 'from the VPC\'s subnet selection; their count (1-16) is checked at synth (test/model.test.ts)',
  'VpcConfig.Subnets[]': REFERENCE,
  'ModelPackageValidationSpecification.ValidationProfiles': 'the library takes exactly one profile (SageMaker accepts one)',
  'AlgorithmValidationSpecification.ValidationProfiles': 'the library takes exactly one profile (SageMaker accepts one)',
  'SourceAlgorithmSpecification.SourceAlgorithms': 'the library takes exactly one source algorithm (SageMaker accepts one)',
  'ContainerDefinition.Image': 'the image URI comes from ContainerImage (the same rule as MP-CONTAINER-IMAGE)',
  'TrainingSpecification.TrainingImage': 'the image URI comes from ContainerImage (the same rule as MP-CONTAINER-IMAGE)',
  'ContainerDefinition.ModelDataUrl': 'model data URLs come from ModelData (the same rules as MP-CONTAINER-MODEL-DATA-URL and M-MODEL-DATA-S3-URI)',
  'SourceAlgorithm.ModelDataUrl': 'model data URLs come from ModelData (the same rules as MP-CONTAINER-MODEL-DATA-URL)',
  'TransformJobDefinition.Environment{key}': 'the same rule as container environment names (MP-CONTAINER-ENVIRONMENT-NAME)',
  'TrainingJobDefinition.HyperParameters{key}': 'a name must be one of the algorithm\'s hyperparameters, whose names are checked (A-HYPERPARAMETER-NAME)',
  'IntegerParameterRangeSpecification.MinValue': 'rendered from a number (a finite number renders far below 256 characters)',
  'IntegerParameterRangeSpecification.MaxValue': 'rendered from a number (a finite number renders far below 256 characters)',
  'ContinuousParameterRangeSpecification.MinValue': 'rendered from a number (a finite number renders far below 256 characters)',
  'ContinuousParameterRangeSpecification.MaxValue': 'rendered from a number (a finite number renders far below 256 characters)',
  'InferenceSpecification.SupportedTransformInstanceTypes': 'at least 1 when given: checked at synth (test/model-package.test.ts)',
  'AdditionalInferenceSpecificationDefinition.SupportedTransformInstanceTypes': 'at least 1 when given: checked at synth (test/model-package.test.ts)',
  'AdditionalInferenceSpecificationDefinition.SupportedContentTypes[]': 'the same rule as MP-CONTENT-TYPE',
  'AdditionalInferenceSpecificationDefinition.SupportedResponseMIMETypes[]': 'the same rule as MP-RESPONSE-MIME-TYPE',
  'AdditionalInferenceSpecificationDefinition.Containers': 'the same rule as MP-CONTAINERS',
  'Channel.ChannelName': 'a name must be one of the algorithm\'s channels, whose names are checked (A-CHANNEL-NAME)',
  // Enums: typed in the library; values outside them are rejected (validateEnumValue, unit-tested).
  'ModelCompressionType': 'rendered from ModelData (Gzip for archives, None otherwise)',
  'SkipModelValidation': 'a typed boolean renders All or None',
};
