/**
 * The synth-time rules that disagreed with the SageMaker API model, one test each: what
 * the service accepts now synthesizes (with the exact rendering), what it rejects is a synth-time
 * error naming the property, the received value and the allowed values.
 */
import { Stack, aws_iam as iam, aws_s3 as s3 } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import {
  Algorithm,
  AlgorithmProps,
  AlgorithmValidationProfile,
  AlgorithmValidationSpecification,
  ContainerImage,
  InferenceContainer,
  InstanceType,
  Model,
  ModelData,
  ModelPackage,
  ModelPackageGroup,
  ModelPackageProps,
  TrainingInputDataType,
  TrainingInputMode,
  TrainingJobDefinition,
  TransformInputDataType,
  TransformJobDefinition,
} from '../src';
import { ACCOUNT, REGION, XGBOOST_IMAGE } from './constants';
import { errorOf, newStack } from './util';
import { ValidationError, ruleCode } from '../src/private/validate/error';

const TRAINING_IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/xgboost:1`;
const CONTAINER = 'inferenceSpecification.containers[0]';
const HUB_CONTENT_ARN = `arn:aws:sagemaker:${REGION}:aws:hub-content/SageMakerPublicHub/Model/meta-textgeneration-llama-3-8b/2.0.0`;

function onlyProperties(stack: Stack, type: string): any {
  const resources = Object.values(Template.fromStack(stack).findResources(type));
  expect(resources).toHaveLength(1);
  return (resources[0] as any).Properties;
}

/** The problems of the one error `fn` throws, after checking its first line. */
function problems(intro: string, fn: () => unknown): string[] {
  const [head, ...rest] = errorOf(fn).split('\n  - ');
  expect(head).toBe(intro);
  return rest;
}

// ---------------------------------------------------------------------------------------------
// Model packages

function packageProps(stack: Stack, container: Partial<InferenceContainer> = {}, extra: Partial<ModelPackageProps> = {}): ModelPackageProps {
  return {
    modelPackageGroup: ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', 'churn'),
    inferenceSpecification: {
      containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), ...container }],
      supportedContentTypes: ['text/csv'],
      supportedResponseMimeTypes: ['text/csv'],
    },
    ...extra,
  };
}

function packageProblems(container: Partial<InferenceContainer>, extra: Partial<ModelPackageProps> = {}): string[] {
  const { stack } = newStack();
  return problems('Invalid ModelPackage Stack/Package:', () => new ModelPackage(stack, 'Package', packageProps(stack, container, extra)));
}

function packageContainer(container: Partial<InferenceContainer>, extra: Partial<ModelPackageProps> = {}): any {
  const { stack } = newStack();
  new ModelPackage(stack, 'Package', packageProps(stack, container, extra));
  return onlyProperties(stack, 'AWS::SageMaker::ModelPackage');
}

function transformJob(extra: Partial<TransformJobDefinition> = {}): TransformJobDefinition {
  return {
    input: { s3Uri: 's3://artifacts/validation/input/' },
    output: { s3OutputPath: 's3://artifacts/validation/output/' },
    resources: { instanceType: InstanceType.M5_XLARGE },
    ...extra,
  };
}

describe('frameworkVersion: the API pattern [0-9]\\.[A-Za-z0-9.-]+, 3-10 characters (and CloudFormation\'s, in a model package)', () => {
  test.each(['1.7-1', '0.23-1', '2.1.0', '1.0-1-cpu'])('%s (a real-world version) renders as given', (version) => {
    expect(packageContainer({ frameworkVersion: version }).InferenceSpecification.Containers[0].FrameworkVersion).toBe(version);
  });

  test.each([
    ['-1.7', "'-1.7'"],
    ['1-7', "'1-7'"],
    ['1._7', "'1._7'"],
    // The API accepts it, but CloudFormation's unanchored [0-9]\.[A-Za-z0-9.]+ finds no match in it.
    ['1.-1', "'1.-1'"],
  ])('%s does not match in a model package', (version, shown) => {
    expect(packageProblems({ frameworkVersion: version })).toEqual([
      `${CONTAINER}.frameworkVersion must be a version such as 1.7-1 or 2.1.0 (a digit, a dot, then letters, digits, dots and hyphens) `
      + `(pattern ^[0-9]\\.[A-Za-z0-9.][A-Za-z0-9.-]*$), got ${shown}`,
    ]);
  });

  test('an algorithm, whose schema has the API\'s pattern, takes 1.-1 and rejects 1-7', () => {
    const { stack } = newStack();
    new Algorithm(stack, 'Algorithm', algorithmProps({ inference: { frameworkVersion: '1.-1' } }, stack));
    expect(onlyProperties(stack, 'AWS::SageMaker::Algorithm').InferenceSpecification.Containers[0].FrameworkVersion).toBe('1.-1');
    expect(algorithmProblems({ inference: { frameworkVersion: '1-7' } })).toEqual([
      `${CONTAINER}.frameworkVersion must be a version such as 1.7-1 or 2.1.0 (a digit, a dot, then letters, digits, dots and hyphens) `
      + "(pattern ^[0-9]\\.[A-Za-z0-9.-]+$), got '1-7'",
    ]);
  });

  test('11 characters are too many, also with hyphens', () => {
    expect(packageProblems({ frameworkVersion: '1.7-1-cpu-x' })).toEqual([
      `${CONTAINER}.frameworkVersion must be between 3 and 10 characters long, got 11 characters: '1.7-1-cpu-x'`,
    ]);
  });
});

describe('dataInputConfig: 16384 characters in an algorithm (API), 1024 in a model package (CloudFormation)', () => {
  test('a model package keeps CloudFormation\'s 1024', () => {
    expect(packageContainer({ dataInputConfig: 'x'.repeat(1024) }).InferenceSpecification.Containers[0].ModelInput)
      .toEqual({ DataInputConfig: 'x'.repeat(1024) });
    expect(packageProblems({ dataInputConfig: 'x'.repeat(1025) })).toEqual([
      `${CONTAINER}.dataInputConfig must be between 1 and 1024 characters long, got 1025 characters: '${'x'.repeat(80)}...'`,
    ]);
  });

  test('an algorithm takes 16384 and rejects 16385', () => {
    const { stack } = newStack();
    new Algorithm(stack, 'Algorithm', algorithmProps({ inference: { dataInputConfig: 'x'.repeat(16384) } }, stack));
    expect(onlyProperties(stack, 'AWS::SageMaker::Algorithm').InferenceSpecification.Containers[0].ModelInput)
      .toEqual({ DataInputConfig: 'x'.repeat(16384) });
    expect(algorithmProblems({ inference: { dataInputConfig: 'x'.repeat(16385) } })).toEqual([
      `${CONTAINER}.dataInputConfig must be between 1 and 16384 characters long, got 16385 characters: '${'x'.repeat(80)}...'`,
    ]);
  });
});

describe('inference container environment: 16 entries in a model package (CloudFormation), 100 in an algorithm (API)', () => {
  const environment = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`V${i}`, 'x']));

  test('a model package rejects 17 entries', () => {
    expect(packageProblems({ environment: environment(17) })).toEqual([
      `${CONTAINER}.environment must have at most 16 entries, got 17: ${Object.keys(environment(17)).join(', ')}`,
    ]);
  });

  test('an algorithm renders 100 entries and rejects 101', () => {
    const { stack } = newStack();
    new Algorithm(stack, 'Algorithm', algorithmProps({ inference: { environment: environment(100) } }, stack));
    expect(onlyProperties(stack, 'AWS::SageMaker::Algorithm').InferenceSpecification.Containers[0].Environment).toEqual(environment(100));
    expect(algorithmProblems({ inference: { environment: environment(101) } })).toEqual([
      `${CONTAINER}.environment must have at most 100 entries, got 101: ${Object.keys(environment(101)).join(', ')}`,
    ]);
  });
});

describe('transform jobs: AugmentedManifestFile is not compatible with batch transform', () => {
  test('a model package validation job rejects it, naming the allowed types', () => {
    const { stack } = newStack();
    const role = iam.Role.fromRoleArn(stack, 'Role', `arn:aws:iam::${ACCOUNT}:role/validation`, { mutable: false });
    expect(problems('Invalid ModelPackage Stack/Package:', () => new ModelPackage(stack, 'Package', packageProps(stack, {}, {
      validationSpecification: {
        role,
        profile: {
          profileName: 'smoke',
          transformJob: transformJob({ input: { s3Uri: 's3://artifacts/manifest.json', dataType: TransformInputDataType.AUGMENTED_MANIFEST_FILE } }),
        },
      },
    })))).toEqual([
      'validationSpecification.profile.transformJob.input.dataType must be S3Prefix or ManifestFile (SageMaker: AugmentedManifestFile '
      + "\"is not compatible\" with batch transform), got 'AugmentedManifestFile'",
    ]);
  });

  test('ManifestFile still renders', () => {
    const { stack } = newStack();
    const role = iam.Role.fromRoleArn(stack, 'Role', `arn:aws:iam::${ACCOUNT}:role/validation`, { mutable: false });
    new ModelPackage(stack, 'Package', packageProps(stack, {}, {
      validationSpecification: {
        role,
        profile: {
          profileName: 'smoke',
          transformJob: transformJob({ input: { s3Uri: 's3://artifacts/manifest.json', dataType: TransformInputDataType.MANIFEST_FILE } }),
        },
      },
    }));
    const profile = onlyProperties(stack, 'AWS::SageMaker::ModelPackage').ValidationSpecification.ValidationProfiles[0];
    expect(profile.TransformJobDefinition.TransformInput.DataSource).toEqual({
      S3DataSource: { S3Uri: 's3://artifacts/manifest.json', S3DataType: 'ManifestFile' },
    });
  });

  test('an algorithm validation transform job rejects it too', () => {
    expect(algorithmProblems({
      inference: {},
      transformJob: transformJob({ input: { s3Uri: 's3://artifacts/manifest.json', dataType: TransformInputDataType.AUGMENTED_MANIFEST_FILE } }),
    })).toEqual([
      'validationSpecification.profile.transformJob.input.dataType must be S3Prefix or ManifestFile (SageMaker: AugmentedManifestFile '
      + "\"is not compatible\" with batch transform), got 'AugmentedManifestFile'",
    ]);
  });
});

describe('transform job environment values: 10240 characters in an algorithm validation (API), 1024 in a model package (CloudFormation)', () => {
  test('a model package rejects 1025 characters', () => {
    const { stack } = newStack();
    const role = iam.Role.fromRoleArn(stack, 'Role', `arn:aws:iam::${ACCOUNT}:role/validation`, { mutable: false });
    expect(problems('Invalid ModelPackage Stack/Package:', () => new ModelPackage(stack, 'Package', packageProps(stack, {}, {
      validationSpecification: { role, profile: { profileName: 'smoke', transformJob: transformJob({ environment: { V: 'x'.repeat(1025) } }) } },
    })))).toEqual([
      `validationSpecification.profile.transformJob.environment.V must be between 0 and 1024 characters long, got 1025 characters: '${'x'.repeat(80)}...'`,
    ]);
  });

  test('an algorithm validation job sends 10240 characters to CreateAlgorithm and rejects 10241', () => {
    const { stack } = newStack();
    new Algorithm(stack, 'Algorithm', algorithmProps({ inference: {}, transformJob: transformJob({ environment: { V: 'x'.repeat(10240) } }) }, stack));
    const properties = onlyProperties(stack, 'Custom::SageMakerAlgorithm');
    expect(properties.ValidationSpecification.ValidationProfiles[0].TransformJobDefinition.Environment).toEqual({ V: 'x'.repeat(10240) });
    expect(algorithmProblems({ inference: {}, transformJob: transformJob({ environment: { V: 'x'.repeat(10241) } }) })).toEqual([
      `validationSpecification.profile.transformJob.environment.V must be between 0 and 10240 characters long, got 10241 characters: '${'x'.repeat(80)}...'`,
    ]);
  });
});

describe('isCheckpoint: algorithms render IsCheckpoint, model packages reject it (CloudFormation has no such property)', () => {
  test.each([true, false])('an algorithm renders IsCheckpoint %s', (isCheckpoint) => {
    const { stack } = newStack();
    new Algorithm(stack, 'Algorithm', algorithmProps({ inference: { isCheckpoint } }, stack));
    expect(onlyProperties(stack, 'AWS::SageMaker::Algorithm').InferenceSpecification.Containers[0]).toEqual({
      Image: XGBOOST_IMAGE,
      IsCheckpoint: isCheckpoint,
    });
  });

  test('an algorithm that is validated sends IsCheckpoint to CreateAlgorithm', () => {
    const { stack } = newStack();
    new Algorithm(stack, 'Algorithm', algorithmProps({ inference: { isCheckpoint: true }, transformJob: transformJob() }, stack));
    expect(onlyProperties(stack, 'Custom::SageMakerAlgorithm').InferenceSpecification.Containers[0]).toEqual({ Image: XGBOOST_IMAGE, IsCheckpoint: true });
  });

  test('a model package rejects it', () => {
    expect(packageProblems({ isCheckpoint: true })).toEqual([
      `${CONTAINER}.isCheckpoint is not supported by AWS::SageMaker::ModelPackage (CloudFormation's schema has no IsCheckpoint), got true; remove it`,
    ]);
  });
});

describe('sourceAlgorithm.algorithmName: the name part of ArnOrName is 1-63 characters and does not end with a hyphen', () => {
  const pattern = '^(arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:[a-z-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)$';
  const message = (value: string) => 'sourceAlgorithm.algorithmName must be an algorithm name of 1-63 letters, digits and hyphens, starting '
    + 'with a letter or digit and not ending with a hyphen, optionally after an ARN prefix such as '
    + `arn:aws:sagemaker:us-east-1:123456789012:algorithm/ (pattern ${pattern}), got '${value}'`;

  test.each([
    'a'.repeat(63),
    `arn:aws:sagemaker:${REGION}:${ACCOUNT}:algorithm/${'a'.repeat(63)}`,
    'xgboost-1',
    'a--b',
  ])('%s renders as given', (name) => {
    const { stack } = newStack();
    new ModelPackage(stack, 'Package', { ...packageProps(stack), inferenceSpecification: undefined, sourceAlgorithm: { algorithmName: name } });
    expect(onlyProperties(stack, 'AWS::SageMaker::ModelPackage').SourceAlgorithmSpecification).toEqual({ SourceAlgorithms: [{ AlgorithmName: name }] });
  });

  test.each([
    'a'.repeat(64),
    'xgboost-',
    `arn:aws:sagemaker:${REGION}:${ACCOUNT}:algorithm/xgboost-`,
    `arn:aws:sagemaker:${REGION}:${ACCOUNT}:algorithm/${'a'.repeat(64)}`,
  ])('%s is rejected', (name) => {
    expect(packageProblems({}, { inferenceSpecification: undefined, sourceAlgorithm: { algorithmName: name } })).toEqual([message(name)]);
  });
});

describe('sourceUri: the character class of ModelPackageSourceUri (no symbols, no control characters)', () => {
  const rule = 'sourceUri must be letters, marks, separators, numbers and punctuation (no symbols such as $ + < = > ^ ` | ~, no control characters) '
    + '(pattern ^[\\p{L}\\p{M}\\p{Z}\\p{N}\\p{P}]*$)';

  test.each([
    `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/churn-v1`,
    's3://bucket/path/model.tar.gz',
    'https://example.com/a_b/c?d#e@f',
    'Modèle « churn »',
  ])('%s renders as given', (uri) => {
    const { stack } = newStack();
    new ModelPackage(stack, 'Package', packageProps(stack, {}, { sourceUri: uri }));
    expect(onlyProperties(stack, 'AWS::SageMaker::ModelPackage').SourceUri).toBe(uri);
  });

  test.each([
    'https://example.com/?a=b',
    'path+plus',
    'tilde~',
    'dollar$',
    'line\nbreak',
  ])('%j is rejected', (uri) => {
    expect(packageProblems({}, { sourceUri: uri })).toEqual([`${rule}, got '${uri}'`]);
  });
});

// ---------------------------------------------------------------------------------------------
// Model data: a single uncompressed object, and hub access

describe('ModelData.fromBucketObject / fromS3Object: a single uncompressed object', () => {
  const source = (s3Uri: any) => ({ S3DataSource: { S3Uri: s3Uri, S3DataType: 'S3Object', CompressionType: 'None' } });

  test('a model package renders S3Object with CompressionType None', () => {
    expect(packageContainer({ modelData: ModelData.fromS3Object('s3://models/churn/model.pt') }).InferenceSpecification.Containers[0])
      .toEqual({ Image: XGBOOST_IMAGE, ModelDataSource: source('s3://models/churn/model.pt') });
  });

  test('a model renders it and its role reads exactly that object', () => {
    const { stack } = newStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'models');
    new Model(stack, 'Model', { containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), modelData: ModelData.fromBucketObject(bucket, 'churn/model.pt') }] });
    const model = onlyProperties(stack, 'AWS::SageMaker::Model');
    expect(model.PrimaryContainer.ModelDataSource).toEqual(source('s3://models/churn/model.pt'));
    const statements = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'))
      .flatMap((p: any) => p.Properties.PolicyDocument.Statement);
    const s3Resources = statements.filter((s: any) => [s.Action].flat().includes('s3:GetObject*')).flatMap((s: any) => s.Resource);
    expect(JSON.stringify(s3Resources)).toContain('/churn/model.pt"');
    expect(JSON.stringify(s3Resources)).not.toContain('model.pt*');
  });

  test('acceptEula is rendered with it', () => {
    expect(packageContainer({ modelData: ModelData.fromS3Object('s3://models/churn/model.pt', { acceptEula: true }) })
      .InferenceSpecification.Containers[0].ModelDataSource.S3DataSource).toEqual({
      S3Uri: 's3://models/churn/model.pt', S3DataType: 'S3Object', CompressionType: 'None', ModelAccessConfig: { AcceptEula: true },
    });
  });

  test.each([
    ['fromS3Object', () => ModelData.fromS3Object('s3://models/churn/'), 'url', 's3://models/churn/'],
    ['fromBucketObject', () => ModelData.fromBucketObject(s3.Bucket.fromBucketName(newStack().stack, 'B', 'models'), 'churn/'), 'objectKey', 'churn/'],
  ])('%s rejects a prefix', (method, fn, property, value) => {
    expect(errorOf(fn)).toBe(`Invalid ModelData.${method}:\n  - ${property} must name a single object (S3DataType S3Object), not a prefix ending in '/', `
      + `got '${value}'; for uncompressed model files under a prefix use ModelData.fromBucketPrefix() or ModelData.fromS3Prefix()`);
  });

  test('a multi-model container rejects a single object', () => {
    const { stack } = newStack();
    const message = errorOf(() => new Model(stack, 'Model', {
      containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), modelData: ModelData.fromS3Object('s3://models/churn/model.pt'), mode: 'MultiModel' as any }],
    }));
    expect(message).toContain("containers[0].modelData of a 'MultiModel' container must be the S3 prefix that holds the models' .tar.gz archives "
      + "(ModelData.fromBucketPrefix() or ModelData.fromS3Prefix()), got the single object 's3://models/churn/model.pt'");
  });
});

describe('ModelData hubContentArn: Model S3DataSource.HubAccessConfig', () => {
  test('a model renders HubAccessConfig (with ModelDataSource, also for an archive)', () => {
    const { stack } = newStack();
    new Model(stack, 'Model', {
      containers: [{
        image: ContainerImage.fromRegistry(XGBOOST_IMAGE),
        modelData: ModelData.fromS3Prefix('s3://jumpstart-private-cache/llama/', { acceptEula: true, hubContentArn: HUB_CONTENT_ARN }),
      }],
    });
    expect(onlyProperties(stack, 'AWS::SageMaker::Model').PrimaryContainer.ModelDataSource).toEqual({
      S3DataSource: {
        S3Uri: 's3://jumpstart-private-cache/llama/',
        S3DataType: 'S3Prefix',
        CompressionType: 'None',
        ModelAccessConfig: { AcceptEula: true },
        HubAccessConfig: { HubContentArn: HUB_CONTENT_ARN },
      },
    });
    const { stack: other } = newStack();
    new Model(other, 'Model', {
      containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), modelData: ModelData.fromS3Url('s3://models/model.tar.gz', { hubContentArn: HUB_CONTENT_ARN }) }],
    });
    expect(onlyProperties(other, 'AWS::SageMaker::Model').PrimaryContainer).toEqual({
      Image: XGBOOST_IMAGE,
      ModelDataSource: {
        S3DataSource: { S3Uri: 's3://models/model.tar.gz', S3DataType: 'S3Object', CompressionType: 'Gzip', HubAccessConfig: { HubContentArn: HUB_CONTENT_ARN } },
      },
    });
  });

  test('a model package rejects it (CloudFormation\'s S3ModelDataSource there has no HubAccessConfig)', () => {
    expect(packageProblems({ modelData: ModelData.fromS3Url('s3://models/model.tar.gz', { hubContentArn: HUB_CONTENT_ARN }) })).toEqual([
      `${CONTAINER}.modelData hubContentArn is not supported by AWS::SageMaker::ModelPackage (CloudFormation's S3ModelDataSource there has `
      + `no HubAccessConfig; only AWS::SageMaker::Model has it), got '${HUB_CONTENT_ARN}'; remove it`,
    ]);
  });

  test('at most 255 characters', () => {
    expect(errorOf(() => ModelData.fromS3Url('s3://models/model.tar.gz', { hubContentArn: 'a'.repeat(256) }))).toBe(
      'Invalid ModelData.fromS3Url:\n  - options.hubContentArn must be at most 255 characters long (HubAccessConfig.HubContentArn), got 256 characters: '
      + `'${'a'.repeat(80)}...'`);
  });

  test('a multi-model container rejects it', () => {
    const { stack } = newStack();
    expect(errorOf(() => new Model(stack, 'Model', {
      containers: [{
        image: ContainerImage.fromRegistry(XGBOOST_IMAGE),
        modelData: ModelData.fromS3Prefix('s3://models/all/', { hubContentArn: HUB_CONTENT_ARN }),
        mode: 'MultiModel' as any,
      }],
    }))).toContain('containers[0].modelData of a \'MultiModel\' container cannot have a hubContentArn (SageMaker does not support '
      + `ModelDataSource on multi-model endpoints), got '${HUB_CONTENT_ARN}'`);
  });
});

describe('Model: a container with both modelPackage and environment is accepted (SageMaker accepts it since January 2023)', () => {
  test('renders ModelPackageName and Environment', () => {
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', 'churn');
    const pkg = new ModelPackage(stack, 'Package', {
      modelPackageGroup: group,
      inferenceSpecification: {
        containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), environment: { SAGEMAKER_PROGRAM: 'inference.py' } }],
        supportedContentTypes: ['text/csv'],
        supportedResponseMimeTypes: ['text/csv'],
      },
    });
    new Model(stack, 'Model', { containers: [{ modelPackage: pkg, environment: { ENDPOINT_NAME: 'churn' } }] });
    const container = onlyProperties(stack, 'AWS::SageMaker::Model').PrimaryContainer;
    expect(container.Environment).toEqual({ ENDPOINT_NAME: 'churn' });
    expect(container.ModelPackageName).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Package/), 'ModelPackageArn'] });
  });
});

// ---------------------------------------------------------------------------------------------
// Algorithm validation training channels: augmented manifest files

interface AlgorithmCase {
  readonly inference?: Partial<InferenceContainer>;
  readonly trainingJob?: Partial<TrainingJobDefinition>;
  readonly transformJob?: TransformJobDefinition;
  readonly inputModes?: TrainingInputMode[];
}

function algorithmProps(c: AlgorithmCase, scope?: Construct): AlgorithmProps {
  const inputModes = c.inputModes ?? [TrainingInputMode.FILE, TrainingInputMode.PIPE];
  return {
    trainingSpecification: {
      image: ContainerImage.fromRegistry(TRAINING_IMAGE),
      supportedInstanceTypes: [InstanceType.M5_XLARGE],
      channels: [{ name: 'train', supportedContentTypes: ['application/x-recordio'], supportedInputModes: inputModes }],
    },
    inferenceSpecification: c.inference && {
      containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), ...c.inference }],
      supportedTransformInstanceTypes: c.transformJob ? [InstanceType.M5_XLARGE] : undefined,
    },
    validationSpecification: scope && (c.trainingJob || c.transformJob) ? validation(scope, c) : undefined,
  };
}

/** A validation specification with an imported role (nothing to grant). */
function validation(scope: Construct, c: AlgorithmCase): AlgorithmValidationSpecification {
  const profile: AlgorithmValidationProfile = {
    profileName: 'smoke',
    trainingJob: {
      inputMode: TrainingInputMode.FILE,
      inputChannels: [{ channelName: 'train', s3Uri: 's3://data/train/' }],
      output: { s3OutputPath: 's3://data/output/' },
      resources: { instanceType: InstanceType.M5_XLARGE },
      ...c.trainingJob,
    },
    transformJob: c.transformJob,
  };
  const role = iam.Role.fromRoleArn(scope, 'ValidationRole', `arn:aws:iam::${ACCOUNT}:role/validation`, { mutable: false });
  return { role, profile };
}

function algorithmProblems(c: AlgorithmCase): string[] {
  const { stack } = newStack();
  return problems('Invalid Algorithm Stack/Algorithm:', () => new Algorithm(stack, 'Algorithm', algorithmProps(c, stack)));
}

function newAlgorithm(c: AlgorithmCase): Stack {
  const { stack } = newStack();
  new Algorithm(stack, 'Algorithm', algorithmProps(c, stack));
  return stack;
}

describe('validation training channels with an augmented manifest file', () => {
  const manifestChannel = { channelName: 'train', s3Uri: 's3://data/train.manifest', dataType: TrainingInputDataType.AUGMENTED_MANIFEST_FILE };

  test('in Pipe mode, with attributeNames, renders them in S3DataSource', () => {
    const stack = newAlgorithm({
      trainingJob: { inputMode: TrainingInputMode.PIPE, inputChannels: [{ ...manifestChannel, attributeNames: ['source-ref', 'label'] }] },
    });
    const job = onlyProperties(stack, 'Custom::SageMakerAlgorithm').ValidationSpecification.ValidationProfiles[0].TrainingJobDefinition;
    expect(job.InputDataConfig).toEqual([{
      ChannelName: 'train',
      DataSource: { S3DataSource: { S3DataType: 'AugmentedManifestFile', S3Uri: 's3://data/train.manifest', AttributeNames: ['source-ref', 'label'] } },
    }]);
  });

  test('the channel\'s own input mode counts', () => {
    const stack = newAlgorithm({ trainingJob: { inputChannels: [{ ...manifestChannel, inputMode: TrainingInputMode.PIPE }] } });
    const job = onlyProperties(stack, 'Custom::SageMakerAlgorithm').ValidationSpecification.ValidationProfiles[0].TrainingJobDefinition;
    expect(job.InputDataConfig[0].InputMode).toBe('Pipe');
  });

  test('in File mode it is rejected', () => {
    expect(algorithmProblems({ trainingJob: { inputChannels: [manifestChannel] } })).toEqual([
      'validationSpecification.profile.trainingJob.inputChannels[0] reads an AugmentedManifestFile in input mode File, but SageMaker reads '
      + 'augmented manifest files only in input mode Pipe ("AugmentedManifestFile can only be used if the Channel\'s input mode is Pipe"); '
      + 'set inputMode: TrainingInputMode.PIPE on the channel or the job',
    ]);
  });

  test('attributeNames without an augmented manifest file, too many, empty or too long', () => {
    const at = 'validationSpecification.profile.trainingJob.inputChannels[0]';
    expect(algorithmProblems({
      trainingJob: { inputChannels: [{ channelName: 'train', s3Uri: 's3://data/train/', attributeNames: ['label'] }] },
    })).toEqual([
      `${at}.attributeNames applies only to dataType AugmentedManifestFile (the attributes of each line of the manifest), got dataType 'S3Prefix'`,
    ]);
    const names = Array.from({ length: 17 }, (_, i) => `a${i}`);
    expect(algorithmProblems({
      trainingJob: { inputMode: TrainingInputMode.PIPE, inputChannels: [{ ...manifestChannel, attributeNames: names }] },
    })).toEqual([`${at}.attributeNames must have between 0 and 16 entries, got 17`]);
    expect(algorithmProblems({
      trainingJob: { inputMode: TrainingInputMode.PIPE, inputChannels: [{ ...manifestChannel, attributeNames: ['', 'x'.repeat(256), 'x'.repeat(257)] }] },
    })).toEqual([
      `${at}.attributeNames[0] must be between 1 and 256 characters long, got 0 characters: ''`,
      `${at}.attributeNames[2] must be between 1 and 256 characters long, got 257 characters: '${'x'.repeat(80)}...'`,
    ]);
  });

  test('Converse is a training data type of the API, rendered as given', () => {
    const stack = newAlgorithm({ trainingJob: { inputChannels: [{ channelName: 'train', s3Uri: 's3://data/chat/', dataType: TrainingInputDataType.CONVERSE }] } });
    const job = onlyProperties(stack, 'Custom::SageMakerAlgorithm').ValidationSpecification.ValidationProfiles[0].TrainingJobDefinition;
    expect(job.InputDataConfig[0].DataSource.S3DataSource.S3DataType).toBe('Converse');
  });
});

// ---------------------------------------------------------------------------------------------
// One error path

describe('synth-time failures are ValidationErrors with the construct path and a code per rule', () => {
  test('a model package with two problems', () => {
    const { stack } = newStack();
    let error: unknown;
    try {
      new ModelPackage(stack, 'Package', packageProps(stack, { frameworkVersion: '1-7' }, { sourceUri: 'a+b', description: 'x'.repeat(1025) }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.name).toBe('ValidationError');
    expect(v.constructPath).toBe('Stack/Package');
    expect(v.problems.map((p) => p.code)).toEqual(['description', 'sourceUri', 'inferenceSpecification.containers[].frameworkVersion']);
    expect(v.message).toBe(`Invalid ModelPackage Stack/Package:\n  - ${v.problems.map((p) => p.message).join('\n  - ')}`);
  });

  test('a container added to a model names the model\'s path', () => {
    const { stack } = newStack();
    const model = new Model(stack, 'Model', { containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }] });
    let error: unknown;
    try {
      model.addContainer({ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), containerHostname: 'bad_name' });
    } catch (e) {
      error = e;
    }
    expect((error as ValidationError).constructPath).toBe('Stack/Model');
    expect((error as ValidationError).problems.map((p) => p.code)).toEqual(['containers[].containerHostname']);
  });

  test('ruleCode generalizes positions and keeps map keys', () => {
    expect(ruleCode("validationSpecification.profile.transformJob.environment.V must be between 0 and 1024 characters long, got 1025 characters: 'x'"))
      .toBe('validationSpecification.profile.transformJob.environment.V');
    expect(ruleCode('additionalInferenceSpecifications[1].containers[0].imageDigest must be ...')).toBe('additionalInferenceSpecifications[].containers[].imageDigest');
  });
});
