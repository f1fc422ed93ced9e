import {
  App,
  CfnElement,
  CfnParameter,
  Duration,
  Fn,
  RemovalPolicy,
  Size,
  Stack,
  Tags,
  aws_ecr as ecr,
  aws_iam as iam,
  aws_kms as kms,
} from 'aws-cdk-lib';
import { Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import {
  Algorithm,
  AlgorithmProps,
  AlgorithmValidationProfile,
  AlgorithmValidationSpecification,
  CompressionType,
  ContainerImage,
  HyperParameterRange,
  HyperParameterSpecification,
  HyperParameterType,
  InstanceType,
  ModelData,
  ModelPackageGroup,
  RecordWrapperType,
  S3DataDistribution,
  TrainingChannel,
  TrainingInputDataType,
  TrainingInputMode,
  TrainingJobDefinition,
  TrainingSpecification,
  TuningObjectiveType,
} from '../src';
import { ACCOUNT, ENV, OTHER_ACCOUNT, OTHER_REGION, REGION } from './constants';
import { validateRequest } from './handlers/sagemaker-model';
import { errorOf, newStack, partitionArn } from './util';
import { ALGORITHM_COERCION, coerceProperties } from '../src/handlers/algorithm';

const ALGORITHM_TYPE = 'AWS::SageMaker::Algorithm';
const CUSTOM_TYPE = 'Custom::SageMakerAlgorithm';
const NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/;
const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/xgboost:1`;
const INFERENCE_IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/xgboost-serve:1`;
const DIGEST = `sha256:${'a'.repeat(64)}`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/validation`;

function channel(overrides: Partial<TrainingChannel> = {}): TrainingChannel {
  return { name: 'train', supportedContentTypes: ['text/csv'], supportedInputModes: [TrainingInputMode.FILE], ...overrides };
}

function training(overrides: Partial<TrainingSpecification> = {}): TrainingSpecification {
  return {
    image: ContainerImage.fromRegistry(IMAGE),
    supportedInstanceTypes: [InstanceType.M5_XLARGE],
    channels: [channel()],
    ...overrides,
  };
}

function trainingJob(overrides: Partial<TrainingJobDefinition> = {}): TrainingJobDefinition {
  return {
    inputMode: TrainingInputMode.FILE,
    inputChannels: [{ channelName: 'train', s3Uri: 's3://data/train/' }],
    output: { s3OutputPath: 's3://data/output/' },
    resources: { instanceType: InstanceType.M5_XLARGE },
    ...overrides,
  };
}

/** A validation specification with an imported role (nothing to grant), its profile overridden. */
function validation(scope: Construct, profile: Partial<AlgorithmValidationProfile> = {}): AlgorithmValidationSpecification {
  const role = (Stack.of(scope).node.tryFindChild('ImportedValidationRole') as iam.IRole | undefined)
    ?? iam.Role.fromRoleArn(Stack.of(scope), 'ImportedValidationRole', ROLE_ARN, { mutable: false });
  return { role, profile: { profileName: 'smoke', trainingJob: trainingJob(), ...profile } };
}

function logicalIdOf(construct: Construct): string {
  const stack = Stack.of(construct);
  const child = construct.node.tryFindChild('Resource') ?? construct.node.findChild('CustomResource').node.defaultChild!;
  return stack.getLogicalId(child as CfnElement);
}

/** The properties of the only resource of `type` in the stack. */
function onlyProperties(stack: Stack, type: string): any {
  const resources = Object.values(Template.fromStack(stack).findResources(type));
  expect(resources).toHaveLength(1);
  return (resources[0] as any).Properties;
}

/** The name the only algorithm of the stack gets. */
function nameOf(stack: Stack): string {
  const resources = { ...Template.fromStack(stack).findResources(ALGORITHM_TYPE), ...Template.fromStack(stack).findResources(CUSTOM_TYPE) };
  const names = Object.values(resources).map((r: any) => r.Properties.AlgorithmName);
  expect(names).toHaveLength(1);
  return names[0];
}

/** The problems listed by the error an algorithm with these props throws. */
function problemsOf(props: (stack: Stack) => AlgorithmProps): string[] {
  const { stack } = newStack();
  const message = errorOf(() => new Algorithm(stack, 'Algorithm', props(stack)));
  const [intro, ...problems] = message.split('\n  - ');
  expect(intro).toEqual('Invalid Algorithm Stack/Algorithm:');
  return problems;
}

/** The problems of an algorithm whose training specification is overridden. */
function trainingProblems(overrides: Partial<TrainingSpecification>): string[] {
  return problemsOf(() => ({ trainingSpecification: training(overrides) }));
}

/** The problems of an algorithm with the given hyperparameters. */
function hyperParameterProblems(...hyperParameters: HyperParameterSpecification[]): string[] {
  return trainingProblems({ hyperParameters });
}

/** The problems of a validated algorithm with the training job overridden. */
function trainingJobProblems(job: Partial<TrainingJobDefinition>, spec: Partial<TrainingSpecification> = {}): string[] {
  return problemsOf((stack) => ({
    trainingSpecification: training(spec),
    validationSpecification: validation(stack, { trainingJob: trainingJob(job) }),
  }));
}

/** What CloudFormation sends a custom resource: every scalar, at any depth, as a string. */
function asCloudFormationSends(value: unknown): any {
  if (Array.isArray(value)) {
    return value.map(asCloudFormationSends);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asCloudFormationSends(v)]));
  }
  return String(value);
}

describe('Algorithm (AWS::SageMaker::Algorithm)', () => {
  test('a minimal algorithm renders the training specification, a generated name and a retain policy', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Algorithm(stack, 'Algorithm', { trainingSpecification: training() });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs(ALGORITHM_TYPE, 1);
    template.resourceCountIs(CUSTOM_TYPE, 0);
    template.resourceCountIs('AWS::Lambda::Function', 0);
    const name = new Capture();
    template.hasResource(ALGORITHM_TYPE, {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.exact({
        AlgorithmName: name,
        TrainingSpecification: {
          TrainingImage: IMAGE,
          SupportedTrainingInstanceTypes: ['ml.m5.xlarge'],
          TrainingChannels: [{ Name: 'train', SupportedContentTypes: ['text/csv'], SupportedInputModes: ['File'] }],
        },
      }),
    });
    expect(name.asString()).toMatch(/^stackalgorithm[0-9a-f]{8}-[0-9a-f]{8}$/);
  });

  test('a maximal algorithm renders every property', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Algorithm(stack, 'Algorithm', {
      algorithmName: 'xgboost-churn',
      description: 'Gradient boosted trees for churn',
      certifyForMarketplace: true,
      removalPolicy: RemovalPolicy.DESTROY,
      trainingSpecification: {
        image: ContainerImage.fromRegistry(IMAGE),
        imageDigest: DIGEST,
        supportedInstanceTypes: [InstanceType.M5_XLARGE, InstanceType.of('ml.c5.2xlarge')],
        supportsDistributedTraining: true,
        channels: [
          {
            name: 'train',
            description: 'Training data',
            required: true,
            supportedContentTypes: ['text/csv', 'application/x-recordio-protobuf'],
            supportedCompressionTypes: [CompressionType.NONE, CompressionType.GZIP],
            supportedInputModes: [TrainingInputMode.FILE, TrainingInputMode.PIPE, TrainingInputMode.FAST_FILE],
          },
          { name: 'validation', supportedContentTypes: ['text/csv'], supportedInputModes: [TrainingInputMode.FILE] },
        ],
        hyperParameters: [
          {
            name: 'num_round',
            description: 'Boosting rounds',
            type: HyperParameterType.INTEGER,
            range: HyperParameterRange.integer(1, 1000),
            required: true,
            tunable: true,
          },
          { name: 'eta', type: HyperParameterType.CONTINUOUS, range: HyperParameterRange.continuous(0.0001, 1), defaultValue: '0.3', tunable: true },
          {
            name: 'objective',
            type: HyperParameterType.CATEGORICAL,
            range: HyperParameterRange.categorical(['binary:logistic', 'reg:squarederror']),
            defaultValue: 'binary:logistic',
            required: false,
            tunable: false,
          },
          { name: 'notes', type: HyperParameterType.FREE_TEXT },
        ],
        metricDefinitions: [
          { name: 'validation:auc', regex: 'validation-auc:([0-9\\.]+)' },
          { name: 'train:logloss', regex: 'train-logloss:([0-9\\.]+)' },
        ],
        tuningObjectives: [
          { metricName: 'validation:auc', type: TuningObjectiveType.MAXIMIZE },
          { metricName: 'train:logloss', type: TuningObjectiveType.MINIMIZE },
        ],
      },
      inferenceSpecification: {
        containers: [{
          image: ContainerImage.fromRegistry(INFERENCE_IMAGE),
          imageDigest: DIGEST,
          containerHostname: 'scorer',
          environment: { SAGEMAKER_PROGRAM: 'serve' },
          framework: 'XGBOOST',
          frameworkVersion: '1.7',
          nearestModelName: 'xgboost',
          dataInputConfig: '{"input":[1,20]}',
        }],
        supportedContentTypes: ['text/csv'],
        supportedResponseMimeTypes: ['text/csv'],
        supportedRealtimeInferenceInstanceTypes: [InstanceType.M5_LARGE],
        supportedTransformInstanceTypes: [InstanceType.M5_XLARGE],
      },
    });

    // THEN
    Template.fromStack(stack).hasResource(ALGORITHM_TYPE, {
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
      Properties: Match.exact({
        AlgorithmName: 'xgboost-churn',
        AlgorithmDescription: 'Gradient boosted trees for churn',
        CertifyForMarketplace: true,
        TrainingSpecification: {
          TrainingImage: IMAGE,
          TrainingImageDigest: DIGEST,
          SupportedTrainingInstanceTypes: ['ml.m5.xlarge', 'ml.c5.2xlarge'],
          SupportsDistributedTraining: true,
          TrainingChannels: [
            {
              Name: 'train',
              Description: 'Training data',
              IsRequired: true,
              SupportedContentTypes: ['text/csv', 'application/x-recordio-protobuf'],
              SupportedCompressionTypes: ['None', 'Gzip'],
              SupportedInputModes: ['File', 'Pipe', 'FastFile'],
            },
            { Name: 'validation', SupportedContentTypes: ['text/csv'], SupportedInputModes: ['File'] },
          ],
          SupportedHyperParameters: [
            {
              Name: 'num_round',
              Description: 'Boosting rounds',
              Type: 'Integer',
              Range: { IntegerParameterRangeSpecification: { MinValue: '1', MaxValue: '1000' } },
              IsRequired: true,
              IsTunable: true,
            },
            {
              Name: 'eta',
              Type: 'Continuous',
              Range: { ContinuousParameterRangeSpecification: { MinValue: '0.0001', MaxValue: '1' } },
              DefaultValue: '0.3',
              IsTunable: true,
            },
            {
              Name: 'objective',
              Type: 'Categorical',
              Range: { CategoricalParameterRangeSpecification: { Values: ['binary:logistic', 'reg:squarederror'] } },
              DefaultValue: 'binary:logistic',
              IsRequired: false,
              IsTunable: false,
            },
            { Name: 'notes', Type: 'FreeText' },
          ],
          MetricDefinitions: [
            { Name: 'validation:auc', Regex: 'validation-auc:([0-9\\.]+)' },
            { Name: 'train:logloss', Regex: 'train-logloss:([0-9\\.]+)' },
          ],
          SupportedTuningJobObjectiveMetrics: [
            { MetricName: 'validation:auc', Type: 'Maximize' },
            { MetricName: 'train:logloss', Type: 'Minimize' },
          ],
        },
        InferenceSpecification: {
          Containers: [{
            Image: INFERENCE_IMAGE,
            ImageDigest: DIGEST,
            ContainerHostname: 'scorer',
            Environment: { SAGEMAKER_PROGRAM: 'serve' },
            Framework: 'XGBOOST',
            FrameworkVersion: '1.7',
            NearestModelName: 'xgboost',
            ModelInput: { DataInputConfig: '{"input":[1,20]}' },
          }],
          SupportedContentTypes: ['text/csv'],
          SupportedResponseMIMETypes: ['text/csv'],
          SupportedRealtimeInferenceInstanceTypes: ['ml.m5.large'],
          SupportedTransformInstanceTypes: ['ml.m5.xlarge'],
        },
      }),
    });
  });

  test('an inference specification without content or instance types renders only its containers', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Algorithm(stack, 'Algorithm', {
      trainingSpecification: training(),
      inferenceSpecification: { containers: [{ image: ContainerImage.fromRegistry(INFERENCE_IMAGE) }] },
    });

    // THEN
    expect(onlyProperties(stack, ALGORITHM_TYPE).InferenceSpecification).toEqual({ Containers: [{ Image: INFERENCE_IMAGE }] });
  });

  test('tags apply to the algorithm (Tags.of on the stack and on the algorithm)', () => {
    // GIVEN
    const { stack } = newStack();
    const algorithm = new Algorithm(stack, 'Algorithm', { trainingSpecification: training() });

    // WHEN
    Tags.of(stack).add('team', 'ml');
    Tags.of(algorithm).add('cost-center', '42');

    // THEN
    expect(onlyProperties(stack, ALGORITHM_TYPE).Tags).toEqual([{ Key: 'cost-center', Value: '42' }, { Key: 'team', Value: 'ml' }]);
  });

  test('attributes: the ARN from CloudFormation, the name as rendered', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const algorithm = new Algorithm(stack, 'Algorithm', { algorithmName: 'churn', trainingSpecification: training() });

    // THEN
    const logicalId = logicalIdOf(algorithm);
    expect(stack.resolve(algorithm.algorithmArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'AlgorithmArn'] });
    expect(stack.resolve(algorithm.algorithmRef.algorithmArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'AlgorithmArn'] });
    expect(stack.resolve(algorithm.algorithmName)).toEqual('churn');
    expect(algorithm.node.defaultChild).toBeInstanceOf(CfnElement);
  });

  test('the validation role is not required, and nothing is granted without one', () => {
    // GIVEN
    const { stack } = newStack();
    const repository = new ecr.Repository(stack, 'Repository');

    // WHEN
    new Algorithm(stack, 'Algorithm', { trainingSpecification: training({ image: ContainerImage.fromEcrRepository(repository, 'v1') }) });

    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
  });
});

describe('generated names', () => {
  function generated(props: Partial<AlgorithmProps> = {}, configure?: (a: Algorithm) => void): string {
    const { stack } = newStack();
    const algorithm = new Algorithm(stack, 'Algorithm', { trainingSpecification: training(), ...props });
    configure?.(algorithm);
    return nameOf(stack);
  }

  test('are valid names of at most 63 characters, also for deep construct paths', () => {
    // GIVEN
    const { stack } = newStack();
    let scope: Construct = stack;
    for (let i = 0; i < 5; i++) {
      scope = new Construct(scope, `AVeryLongConstructIdentifierAtLevel${i}`);
    }

    // WHEN
    new Algorithm(scope, 'Algorithm-With-Hyphens-', { trainingSpecification: training() });

    // THEN
    const name = nameOf(stack);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(NAME_PATTERN);
    expect(name).toMatch(/^[a-z0-9-]+-[0-9a-f]{8}$/);
  });

  test('stay the same when nothing that defines the algorithm changes (tags and removal policy included)', () => {
    const name = generated();
    expect(generated()).toEqual(name);
    expect(generated({ removalPolicy: RemovalPolicy.DESTROY })).toEqual(name);
    expect(generated({}, (a) => Tags.of(a).add('team', 'ml'))).toEqual(name);
  });

  test('change whenever a property changes, so that a replacement never collides with the old algorithm', () => {
    const names = [
      generated(),
      generated({ description: 'changed' }),
      generated({ certifyForMarketplace: false }),
      generated({ trainingSpecification: training({ image: ContainerImage.fromRegistry(`${IMAGE}-2`) }) }),
      generated({ trainingSpecification: training({ supportedInstanceTypes: [InstanceType.M5_2XLARGE] }) }),
      generated({ trainingSpecification: training({ hyperParameters: [{ name: 'eta', type: HyperParameterType.FREE_TEXT }] }) }),
      generated({ trainingSpecification: training({ hyperParameters: [{ name: 'eta', type: HyperParameterType.FREE_TEXT, defaultValue: 'x' }] }) }),
      generated({ inferenceSpecification: { containers: [{ image: ContainerImage.fromRegistry(INFERENCE_IMAGE) }] } }),
      generated({ validationSpecification: undefined, trainingSpecification: training({ channels: [channel({ required: true })] }) }),
    ];
    expect(new Set(names).size).toBe(names.length);
    const prefixes = new Set(names.map((n) => n.slice(0, -9)));
    expect(prefixes.size).toBe(1);
  });

  test('with a validation specification, change with it too', () => {
    const { stack: a } = newStack();
    new Algorithm(a, 'Algorithm', { trainingSpecification: training(), validationSpecification: validation(a) });
    const { stack: b } = newStack();
    new Algorithm(b, 'Algorithm', { trainingSpecification: training(), validationSpecification: validation(b, { profileName: 'other' }) });
    const { stack: c } = newStack();
    new Algorithm(c, 'Algorithm', { trainingSpecification: training() });
    expect(new Set([nameOf(a), nameOf(b), nameOf(c)]).size).toBe(3);
  });

  test('are used when the algorithm is referenced from another environment', () => {
    // GIVEN
    const app = new App();
    const owner = new Stack(app, 'Owner', { env: ENV });
    const consumer = new Stack(app, 'Consumer', { env: { account: OTHER_ACCOUNT, region: REGION } });
    const algorithm = new Algorithm(owner, 'Algorithm', { trainingSpecification: training() });
    const role = new iam.Role(consumer, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });

    // WHEN
    algorithm.grantRead(role);

    // THEN
    const name = nameOf(owner);
    Template.fromStack(consumer).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Action: 'sagemaker:DescribeAlgorithm',
          Effect: 'Allow',
          Resource: partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:algorithm/${name}`),
        }],
      },
    });
  });
});

describe('synth-time validation', () => {
  test('collects every problem into one error naming the construct', () => {
    expect(problemsOf(() => ({
      algorithmName: '-bad-',
      description: 'line\nbreak',
      trainingSpecification: training({ imageDigest: 'md5:abc', supportedInstanceTypes: [] }),
    }))).toEqual([
      "algorithmName must contain only letters (a-z, A-Z), digits (0-9) and hyphens (-), and start and end with a letter or digit (pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$), got '-bad-'",
      'description must not contain control characters such as line breaks or tabs (pattern [\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*), got "\\n" in "line\\nbreak"',
      "trainingSpecification.imageDigest must be 'sha256:' followed by 64 hexadecimal digits (pattern ^[Ss][Hh][Aa]256:[0-9a-fA-F]{64}$), got 'md5:abc'",
      'trainingSpecification.supportedInstanceTypes must name at least one training instance type, got an empty list',
    ]);
  });

  test('name length and description length', () => {
    expect(problemsOf(() => ({ algorithmName: 'a'.repeat(64), description: 'd'.repeat(1025), trainingSpecification: training() }))).toEqual([
      `algorithmName must be between 1 and 63 characters long, got 64 characters: '${'a'.repeat(64)}'`,
      'description must be at most 1024 characters long, got 1025 characters',
    ]);
  });

  describe('channels', () => {
    test('1-8 channels', () => {
      expect(trainingProblems({ channels: [] })).toEqual(['trainingSpecification.channels must have between 1 and 8 entries, got 0']);
      const nine = Array.from({ length: 9 }, (_, i) => channel({ name: `c${i}` }));
      expect(trainingProblems({ channels: nine })).toEqual(['trainingSpecification.channels must have between 1 and 8 entries, got 9']);
    });

    test('unique names', () => {
      expect(trainingProblems({ channels: [channel(), channel({ name: 'test' }), channel()] }))
        .toEqual(["trainingSpecification.channels names must be unique, got duplicates: 'train'"]);
    });

    test('names, input modes, content types and descriptions', () => {
      expect(trainingProblems({
        channels: [
          channel({ name: 'train data', supportedInputModes: [] }),
          channel({ name: 'x'.repeat(65), supportedContentTypes: ['t'.repeat(257)], description: 'tab\there' }),
        ],
      })).toEqual([
        "trainingSpecification.channels[0].name must be letters, digits, dots, hyphens and underscores (pattern ^[A-Za-z0-9.\\-_]+$), got 'train data'",
        'trainingSpecification.channels[0].supportedInputModes must name at least one input mode (File, Pipe or FastFile), got an empty list',
        `trainingSpecification.channels[1].name must be between 1 and 64 characters long, got 65 characters: '${'x'.repeat(65)}'`,
        'trainingSpecification.channels[1].description must not contain control characters such as line breaks or tabs (pattern [\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*), got "\\t" in "tab\\there"',
        `trainingSpecification.channels[1].supportedContentTypes[0] must be between 0 and 256 characters long, got 257 characters: '${'t'.repeat(80)}...'`,
      ]);
    });
  });

  describe('hyperparameters', () => {
    const free = (name: string): HyperParameterSpecification => ({ name, type: HyperParameterType.FREE_TEXT });

    test('at most 100, names unique and at most 256 characters', () => {
      const many = Array.from({ length: 101 }, (_, i) => free(`p${i}`));
      expect(hyperParameterProblems(...many)).toEqual(['trainingSpecification.hyperParameters must have between 0 and 100 entries, got 101']);
      expect(hyperParameterProblems(free('eta'), free('gamma'), free('eta'))).toEqual([
        "trainingSpecification.hyperParameters names must be unique, got duplicates: 'eta'",
      ]);
      expect(hyperParameterProblems(free(''), free('n'.repeat(257)))).toEqual([
        `trainingSpecification.hyperParameters[1].name must be between 0 and 256 characters long, got 257 characters: '${'n'.repeat(80)}...'`,
      ]);
    });

    test('the range must be of the hyperparameter\'s type', () => {
      expect(hyperParameterProblems(
        { name: 'a', type: HyperParameterType.INTEGER, range: HyperParameterRange.continuous(0, 1) },
        { name: 'b', type: HyperParameterType.CONTINUOUS, range: HyperParameterRange.categorical(['x']) },
        { name: 'c', type: HyperParameterType.CATEGORICAL, range: HyperParameterRange.integer(0, 1) },
        { name: 'd', type: HyperParameterType.FREE_TEXT, range: HyperParameterRange.categorical(['x']) },
      )).toEqual([
        'trainingSpecification.hyperParameters[0].range must be HyperParameterRange.integer() for a hyperparameter of type Integer, got a Continuous range (HyperParameterRange.continuous())',
        'trainingSpecification.hyperParameters[1].range must be HyperParameterRange.continuous() for a hyperparameter of type Continuous, got a Categorical range (HyperParameterRange.categorical())',
        'trainingSpecification.hyperParameters[2].range must be HyperParameterRange.categorical() for a hyperparameter of type Categorical, got an Integer range (HyperParameterRange.integer())',
        'trainingSpecification.hyperParameters[3].range must not be given for a hyperparameter of type FreeText (free text has no range), got a Categorical range',
      ]);
    });

    test('ranges are consistent: minimum <= maximum, whole numbers for integers, finite numbers', () => {
      expect(hyperParameterProblems(
        { name: 'a', type: HyperParameterType.INTEGER, range: HyperParameterRange.integer(10, 1) },
        { name: 'b', type: HyperParameterType.INTEGER, range: HyperParameterRange.integer(0.5, 2) },
        { name: 'c', type: HyperParameterType.CONTINUOUS, range: HyperParameterRange.continuous(0, Infinity) },
        { name: 'd', type: HyperParameterType.CONTINUOUS, range: HyperParameterRange.continuous(1, 0.5) },
      )).toEqual([
        'trainingSpecification.hyperParameters[0].range minimum must not be greater than its maximum, got minimum 10 and maximum 1',
        'trainingSpecification.hyperParameters[1].range minimum must be a whole number, got 0.5',
        'trainingSpecification.hyperParameters[2].range maximum must be a finite number, got Infinity',
        'trainingSpecification.hyperParameters[3].range minimum must not be greater than its maximum, got minimum 1 and maximum 0.5',
      ]);
    });

    test('categorical ranges have 1-30 values of at most 256 characters', () => {
      const many = Array.from({ length: 31 }, (_, i) => `v${i}`);
      expect(hyperParameterProblems(
        { name: 'a', type: HyperParameterType.CATEGORICAL, range: HyperParameterRange.categorical([]) },
        { name: 'b', type: HyperParameterType.CATEGORICAL, range: HyperParameterRange.categorical(many) },
        { name: 'c', type: HyperParameterType.CATEGORICAL, range: HyperParameterRange.categorical(['v'.repeat(257)]) },
      )).toEqual([
        'trainingSpecification.hyperParameters[0].range values must have between 1 and 30 entries, got 0',
        'trainingSpecification.hyperParameters[1].range values must have between 1 and 30 entries, got 31',
        `trainingSpecification.hyperParameters[2].range values[0] must be between 0 and 256 characters long, got 257 characters: '${'v'.repeat(80)}...'`,
      ]);
    });

    test('default values are of the type and inside the range', () => {
      expect(hyperParameterProblems(
        { name: 'rounds', type: HyperParameterType.INTEGER, range: HyperParameterRange.integer(1, 10), defaultValue: '11' },
        { name: 'depth', type: HyperParameterType.INTEGER, defaultValue: '2.5' },
        { name: 'eta', type: HyperParameterType.CONTINUOUS, range: HyperParameterRange.continuous(0, 1), defaultValue: '-0.1' },
        { name: 'alpha', type: HyperParameterType.CONTINUOUS, defaultValue: 'high' },
        { name: 'objective', type: HyperParameterType.CATEGORICAL, range: HyperParameterRange.categorical(['a', 'b']), defaultValue: 'c' },
        { name: 'notes', type: HyperParameterType.FREE_TEXT, defaultValue: 'x'.repeat(2501) },
      )).toEqual([
        "trainingSpecification.hyperParameters[0].defaultValue of hyperparameter 'rounds' must be within its range [1, 10], got '11'",
        "trainingSpecification.hyperParameters[1].defaultValue of Integer hyperparameter 'depth' must be a whole number, got '2.5'",
        "trainingSpecification.hyperParameters[2].defaultValue of hyperparameter 'eta' must be within its range [0, 1], got '-0.1'",
        "trainingSpecification.hyperParameters[3].defaultValue of Continuous hyperparameter 'alpha' must be a number, got 'high'",
        "trainingSpecification.hyperParameters[4].defaultValue of hyperparameter 'objective' must be one of its values ('a', 'b'), got 'c'",
        `trainingSpecification.hyperParameters[5].defaultValue must be between 0 and 2500 characters long, got 2501 characters: '${'x'.repeat(80)}...'`,
      ]);
    });

    test('a hyperparameter with a default value cannot be required', () => {
      expect(hyperParameterProblems({ name: 'eta', type: HyperParameterType.CONTINUOUS, required: true, defaultValue: '0.3' })).toEqual([
        "trainingSpecification.hyperParameters[0] ('eta') cannot be required and have a defaultValue (SageMaker: \"If a default value "
        + "is specified, a hyperparameter cannot be required\"), got required: true and defaultValue '0.3'",
      ]);
    });

    test('descriptions', () => {
      expect(hyperParameterProblems({ name: 'eta', type: HyperParameterType.FREE_TEXT, description: 'd'.repeat(1025) })).toEqual([
        'trainingSpecification.hyperParameters[0].description must be at most 1024 characters long, got 1025 characters',
      ]);
    });
  });

  describe('metrics and tuning objectives', () => {
    test('at most 40 metric definitions, names unique, names 1-255 and regexes 1-500 characters', () => {
      const many = Array.from({ length: 41 }, (_, i) => ({ name: `m${i}`, regex: 'x' }));
      expect(trainingProblems({ metricDefinitions: many })).toEqual(['trainingSpecification.metricDefinitions must have between 0 and 40 entries, got 41']);
      expect(trainingProblems({ metricDefinitions: [{ name: 'auc', regex: 'a' }, { name: 'auc', regex: 'b' }] }))
        .toEqual(["trainingSpecification.metricDefinitions names must be unique, got duplicates: 'auc'"]);
      expect(trainingProblems({ metricDefinitions: [{ name: '', regex: 'r'.repeat(501) }] })).toEqual([
        "trainingSpecification.metricDefinitions[0].name must be between 1 and 255 characters long, got 0 characters: ''",
        `trainingSpecification.metricDefinitions[0].regex must be between 1 and 500 characters long, got 501 characters: '${'r'.repeat(80)}...'`,
      ]);
    });

    test('tuning objectives name a defined metric, and need hyperparameters', () => {
      expect(trainingProblems({
        metricDefinitions: [{ name: 'validation:auc', regex: 'auc=(.*)' }],
        tuningObjectives: [{ metricName: 'validation:accuracy', type: TuningObjectiveType.MAXIMIZE }],
      })).toEqual([
        "trainingSpecification.tuningObjectives[0].metricName must name one of the metricDefinitions ('validation:auc'), got 'validation:accuracy'",
        'trainingSpecification.hyperParameters are required when the algorithm supports hyperparameter tuning (tuningObjectives given), got none',
      ]);
      expect(trainingProblems({
        hyperParameters: [{ name: 'eta', type: HyperParameterType.CONTINUOUS, tunable: true }],
        tuningObjectives: [{ metricName: 'loss', type: TuningObjectiveType.MINIMIZE }],
      })).toEqual(["trainingSpecification.tuningObjectives[0].metricName must name one of the metricDefinitions (none defined), got 'loss'"]);
    });
  });

  describe('inference specification', () => {
    test('shares the checks of model packages, but takes no model data', () => {
      expect(problemsOf(() => ({
        trainingSpecification: training(),
        inferenceSpecification: {
          containers: [{ image: ContainerImage.fromRegistry(INFERENCE_IMAGE), modelData: ModelData.fromS3Url('s3://models/model.tar.gz'), frameworkVersion: 'latest' }],
        },
      }))).toEqual([
        "inferenceSpecification.containers[0].frameworkVersion must be a version such as 1.7-1 or 2.1.0 (a digit, a dot, then letters, digits, dots and hyphens) (pattern ^[0-9]\\.[A-Za-z0-9.-]+$), got 'latest'",
        'inferenceSpecification.containers[0].modelData is not supported here: an algorithm\'s inference containers take no model data (models come from its training jobs); remove it',
      ]);
      expect(problemsOf(() => ({ trainingSpecification: training(), inferenceSpecification: { containers: [] } })))
        .toEqual(['inferenceSpecification.containers must have between 1 and 15 entries, got 0']);
    });
  });

  describe('validation specification', () => {
    test('the profile name', () => {
      expect(problemsOf((stack) => ({ trainingSpecification: training(), validationSpecification: validation(stack, { profileName: 'bad_name' }) })))
        .toEqual(["validationSpecification.profile.profileName must contain only letters (a-z, A-Z), digits (0-9) and hyphens (-), and start and end with a letter or digit (pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$), got 'bad_name'"]);
    });

    test('the training job\'s channels are the algorithm\'s, in supported modes and content types, required ones included', () => {
      const spec = { channels: [channel({ required: true }), channel({ name: 'validation', supportedInputModes: [TrainingInputMode.PIPE] })] };
      expect(trainingJobProblems({
        inputChannels: [
          { channelName: 'test', s3Uri: 's3://data/test/' },
          { channelName: 'validation', s3Uri: 's3://data/validation/', contentType: 'application/json' },
          { channelName: 'validation', s3Uri: 's3://data/validation/', inputMode: TrainingInputMode.PIPE },
        ],
      }, spec)).toEqual([
        "validationSpecification.profile.trainingJob.inputChannels channel names must be unique, got duplicates: 'validation'",
        "validationSpecification.profile.trainingJob.inputChannels[0].channelName must be one of the algorithm's training channels ('train', 'validation'), got 'test'",
        "validationSpecification.profile.trainingJob.inputChannels[1] reads channel 'validation' in input mode File, which the channel does not support (supportedInputModes: Pipe)",
        "validationSpecification.profile.trainingJob.inputChannels[1].contentType must be one the channel 'validation' supports (text/csv), got 'application/json'",
        "validationSpecification.profile.trainingJob.inputChannels must give the required training channel 'train', got 'test', 'validation', 'validation'",
      ]);
      expect(trainingJobProblems({ inputChannels: [] })).toEqual([
        'validationSpecification.profile.trainingJob.inputChannels must have between 1 and 20 entries, got 0',
      ]);
    });

    test('the training job\'s instances: a supported type, several only with distributed training', () => {
      expect(trainingJobProblems({ resources: { instanceType: InstanceType.P3_2XLARGE, instanceCount: 2 } })).toEqual([
        "validationSpecification.profile.trainingJob.resources.instanceType must be one of trainingSpecification.supportedInstanceTypes (ml.m5.xlarge), got 'ml.p3.2xlarge'",
        'validationSpecification.profile.trainingJob.resources.instanceCount must be 1 unless trainingSpecification.supportsDistributedTraining is true, got 2',
      ]);
      expect(trainingJobProblems({ resources: { instanceType: InstanceType.M5_XLARGE, instanceCount: 0 } })).toEqual([
        'validationSpecification.profile.trainingJob.resources.instanceCount must be an integer at least 1, got 0',
      ]);
    });

    test('the training job\'s hyperparameters are the algorithm\'s, in range, required ones included', () => {
      const hyperParameters: HyperParameterSpecification[] = [
        { name: 'num_round', type: HyperParameterType.INTEGER, range: HyperParameterRange.integer(1, 100), required: true },
        { name: 'objective', type: HyperParameterType.CATEGORICAL, range: HyperParameterRange.categorical(['a', 'b']) },
      ];
      expect(trainingJobProblems({ hyperParameters: { objective: 'c', max_depth: '3' } }, { hyperParameters })).toEqual([
        "validationSpecification.profile.trainingJob.hyperParameters.objective of hyperparameter 'objective' must be one of its values ('a', 'b'), got 'c'",
        "validationSpecification.profile.trainingJob.hyperParameters.max_depth is not one of the algorithm's hyperParameters ('num_round', 'objective')",
        "validationSpecification.profile.trainingJob.hyperParameters must give the required hyperparameter 'num_round'",
      ]);
      expect(trainingJobProblems({ hyperParameters: { eta: '1' } })).toEqual([
        "validationSpecification.profile.trainingJob.hyperParameters.eta is not one of the algorithm's hyperParameters (none defined)",
      ]);
    });

    test('the training job\'s S3 URIs, volume size and run time', () => {
      expect(trainingJobProblems({
        inputChannels: [{ channelName: 'train', s3Uri: 'data/train' }],
        output: { s3OutputPath: 'ftp://data/output' },
        resources: { instanceType: InstanceType.M5_XLARGE, volumeSize: Size.mebibytes(1536) },
        maxRuntime: Duration.millis(1500),
      })).toEqual([
        "validationSpecification.profile.trainingJob.output.s3OutputPath must be an s3:// or https:// URI (pattern ^(https|s3):\\/\\/([^/]+)\\/?(.*)$), got 'ftp://data/output'",
        'validationSpecification.profile.trainingJob.resources.volumeSize (in GiB) must be an integer at least 1, got 1.5',
        'validationSpecification.profile.trainingJob.maxRuntime (in seconds) must be an integer at least 1, got 1.5',
        "validationSpecification.profile.trainingJob.inputChannels[0].s3Uri must be an s3:// or https:// URI (pattern ^(https|s3):\\/\\/([^/]+)\\/?(.*)$), got 'data/train'",
      ]);
    });

    test('a transform job needs the inference specification, and one of its transform instance types', () => {
      const transformJob = {
        input: { s3Uri: 's3://data/batch/' },
        output: { s3OutputPath: 's3://data/batch-output/' },
        resources: { instanceType: InstanceType.C5_XLARGE },
      };
      expect(problemsOf((stack) => ({ trainingSpecification: training(), validationSpecification: validation(stack, { transformJob }) }))).toEqual([
        "validationSpecification.profile.transformJob needs the algorithm's inferenceSpecification (the transform job runs the trained model with its inference containers), got no inferenceSpecification",
      ]);
      expect(problemsOf((stack) => ({
        trainingSpecification: training(),
        inferenceSpecification: {
          containers: [{ image: ContainerImage.fromRegistry(INFERENCE_IMAGE) }],
          supportedTransformInstanceTypes: [InstanceType.M5_XLARGE],
        },
        validationSpecification: validation(stack, { transformJob: { ...transformJob, maxConcurrentTransforms: -1 } }),
      }))).toEqual([
        "validationSpecification.profile.transformJob.resources.instanceType must be one of inferenceSpecification.supportedTransformInstanceTypes (ml.m5.xlarge), got 'ml.c5.xlarge'",
        'validationSpecification.profile.transformJob.maxConcurrentTransforms must be an integer at least 0, got -1',
      ]);
    });
  });

  test('values known only at deploy time (tokens) skip the checks', () => {
    // GIVEN
    const { stack } = newStack();
    const text = (id: string) => new CfnParameter(stack, id).valueAsString;
    const minimum = new CfnParameter(stack, 'Minimum', { type: 'Number' }).valueAsNumber;
    const values = new CfnParameter(stack, 'Values', { type: 'CommaDelimitedList' }).valueAsList;

    // WHEN
    const algorithm = new Algorithm(stack, 'Algorithm', {
      algorithmName: text('Name'),
      description: text('Description'),
      trainingSpecification: training({
        imageDigest: text('Digest'),
        channels: [channel({ name: text('Channel') }), channel({ name: text('OtherChannel') })],
        hyperParameters: [
          { name: 'rounds', type: HyperParameterType.INTEGER, range: HyperParameterRange.integer(minimum, 1), defaultValue: text('DefaultValue') },
          { name: 'objective', type: HyperParameterType.CATEGORICAL, range: HyperParameterRange.categorical(values), defaultValue: 'anything' },
        ],
        metricDefinitions: [{ name: text('Metric'), regex: 'm=(.*)' }],
        tuningObjectives: [{ metricName: 'not-yet-known', type: TuningObjectiveType.MAXIMIZE }],
      }),
    });

    // THEN
    const properties = onlyProperties(stack, ALGORITHM_TYPE);
    expect(properties.AlgorithmName).toEqual({ Ref: 'Name' });
    expect(properties.TrainingSpecification.SupportedHyperParameters).toEqual([
      {
        Name: 'rounds',
        Type: 'Integer',
        DefaultValue: { Ref: 'DefaultValue' },
        Range: { IntegerParameterRangeSpecification: { MinValue: { Ref: 'Minimum' }, MaxValue: '1' } },
      },
      { Name: 'objective', Type: 'Categorical', DefaultValue: 'anything', Range: { CategoricalParameterRangeSpecification: { Values: { Ref: 'Values' } } } },
    ]);
    expect(stack.resolve(algorithm.algorithmName)).toEqual({ Ref: 'Name' });
  });
});

describe('imports', () => {
  test('fromAlgorithmArn takes the name and the environment from the ARN', () => {
    // GIVEN
    const { stack } = newStack();
    const arn = `arn:aws:sagemaker:${OTHER_REGION}:${OTHER_ACCOUNT}:algorithm/shared-xgboost`;

    // WHEN
    const algorithm = Algorithm.fromAlgorithmArn(stack, 'Imported', arn);

    // THEN
    expect(algorithm.algorithmArn).toEqual(arn);
    expect(algorithm.algorithmName).toEqual('shared-xgboost');
    expect(algorithm.algorithmRef.algorithmArn).toEqual(arn);
    expect(algorithm.env).toMatchObject({ account: OTHER_ACCOUNT, region: OTHER_REGION });
  });

  test('fromAlgorithmArn rejects other ARNs, and accepts tokens', () => {
    // GIVEN
    const { stack } = newStack();

    // THEN
    expect(errorOf(() => Algorithm.fromAlgorithmArn(stack, 'Model', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/x`))).toEqual(
      'Invalid Algorithm.fromAlgorithmArn:\n  - algorithmArn must be a SageMaker algorithm ARN arn:<partition>:sagemaker:<region>:<account-id>:algorithm/<name>, '
      + `got 'arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/x'`);
    const token = Algorithm.fromAlgorithmArn(stack, 'Token', Fn.importValue('AlgorithmArn'));
    expect(stack.resolve(token.algorithmArn)).toEqual({ 'Fn::ImportValue': 'AlgorithmArn' });
  });

  test('fromAlgorithmName builds the ARN in the stack\'s account and region, and checks the name', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const algorithm = Algorithm.fromAlgorithmName(stack, 'Imported', 'xgboost');

    // THEN
    expect(algorithm.algorithmName).toEqual('xgboost');
    expect(stack.resolve(algorithm.algorithmArn)).toEqual(partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:algorithm/xgboost`));
    expect(errorOf(() => Algorithm.fromAlgorithmName(stack, 'Bad', 'xg_boost'))).toEqual('Invalid algorithm import:\n  - algorithmName must '
      + "contain only letters (a-z, A-Z), digits (0-9) and hyphens (-), and start and end with a letter or digit (pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$), got 'xg_boost'");
  });
});

describe('grants', () => {
  test('grantRead allows DescribeAlgorithm on the algorithm', () => {
    // GIVEN
    const { stack } = newStack();
    const algorithm = new Algorithm(stack, 'Algorithm', { trainingSpecification: training() });
    const imported = Algorithm.fromAlgorithmName(stack, 'Imported', 'xgboost');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });

    // WHEN
    algorithm.grantRead(role);
    imported.grantRead(role);

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: [
          { Action: 'sagemaker:DescribeAlgorithm', Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalIdOf(algorithm), 'AlgorithmArn'] } },
          { Action: 'sagemaker:DescribeAlgorithm', Effect: 'Allow', Resource: partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:algorithm/xgboost`) },
        ],
      }),
    });
  });
});

describe('as a model package\'s source algorithm', () => {
  test('a version registered with sourceAlgorithm: { algorithm } names the algorithm by its ARN', () => {
    // GIVEN
    const { stack } = newStack();
    const algorithm = new Algorithm(stack, 'Algorithm', { trainingSpecification: training() });
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });

    // WHEN
    group.addModelPackage('Version', {
      sourceAlgorithm: { algorithm, modelData: ModelData.fromS3Url('s3://models/churn/model.tar.gz') },
    });

    // THEN
    const properties = onlyProperties(stack, 'AWS::SageMaker::ModelPackage');
    expect(properties.SourceAlgorithmSpecification.SourceAlgorithms[0].AlgorithmName).toEqual({ 'Fn::GetAtt': [logicalIdOf(algorithm), 'AlgorithmArn'] });
  });
});

describe('with a validation specification (Custom::SageMakerAlgorithm)', () => {
  function validatedStack() {
    const { app, stack } = newStack();
    const repository = new ecr.Repository(stack, 'Repository');
    const role = new iam.Role(stack, 'ValidationRole', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    const key = new kms.Key(stack, 'Key');
    const spec = (profileName: string): AlgorithmValidationSpecification => ({
      role,
      profile: {
        profileName,
        trainingJob: trainingJob({ output: { s3OutputPath: 's3://data/output/', encryptionKey: key } }),
      },
    });
    const first = new Algorithm(stack, 'First', {
      trainingSpecification: training({ image: ContainerImage.fromEcrRepository(repository, 'v1') }),
      validationSpecification: spec('first'),
    });
    const second = new Algorithm(stack, 'Second', {
      algorithmName: 'Second-Algorithm',
      trainingSpecification: training(),
      validationSpecification: spec('second'),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    return { app, stack, repository, role, key, first, second };
  }

  test('one handler per stack serves every algorithm, in the one runtime, with a ServiceTimeout within CloudFormation\'s hour', () => {
    // GIVEN
    const { stack } = validatedStack();

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs(ALGORITHM_TYPE, 0);
    template.resourceCountIs(CUSTOM_TYPE, 2);
    // One function, no provider framework (no Step Functions, no framework functions).
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 0);
    const resources = Object.values(template.findResources(CUSTOM_TYPE)) as any[];
    expect(resources[0].Properties.ServiceToken).toEqual(resources[1].Properties.ServiceToken);
    expect(resources.map((r) => r.Properties.ServiceTimeout)).toEqual(['3600', '3600']);
    template.hasResourceProperties('AWS::Lambda::Function', { Handler: 'index.handler', Runtime: 'nodejs24.x', Timeout: 900 });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    // It continues long waits in new invocations of itself.
    const handler = stack.node.findChild('CdkSageMakerRegistryAlgorithmHandler');
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [stack.getLogicalId(handler.node.findChild('Function').node.defaultChild as CfnElement), 'Arn'] },
      Principal: { 'Fn::GetAtt': [stack.getLogicalId(handler.node.findChild('Role').node.defaultChild as CfnElement), 'Arn'] },
    });
  });

  test('the handler may manage exactly these algorithms and pass exactly the validation role', () => {
    // GIVEN
    const { stack, role } = validatedStack();

    // THEN
    const template = Template.fromStack(stack);
    const provider = stack.node.findChild('CdkSageMakerRegistryAlgorithmHandler');
    const providerRole = provider.node.findChild('Role');
    const roleArn = { 'Fn::GetAtt': [stack.getLogicalId(role.node.defaultChild as CfnElement), 'Arn'] };
    const manage = ['sagemaker:CreateAlgorithm', 'sagemaker:DescribeAlgorithm', 'sagemaker:DeleteAlgorithm', 'sagemaker:AddTags',
      'sagemaker:DeleteTags', 'sagemaker:ListTags'];
    const passRole = {
      Action: 'iam:PassRole',
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
      Effect: 'Allow',
      Resource: roleArn,
    };
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: stack.getLogicalId(providerRole.node.defaultChild as CfnElement) }],
      PolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: [
          {
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [stack.getLogicalId(provider.node.findChild('Logs').node.defaultChild as CfnElement), 'Arn'] },
          },
          // every name the first algorithm generates, so that CloudFormation can delete a replaced one
          { Action: manage, Effect: 'Allow', Resource: partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:algorithm/${generatedPrefix(stack, 'First')}-*`) },
          passRole,
          // a fixed name, also in lower case
          {
            Action: manage,
            Effect: 'Allow',
            Resource: [
              partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:algorithm/Second-Algorithm`),
              partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:algorithm/second-algorithm`),
            ],
          },
        ],
      }),
    });
  });

  test('the custom resource gets CreateAlgorithm\'s input, waits for the permissions and keeps the removal policy', () => {
    // GIVEN
    const { stack, role, key, first, second } = validatedStack();

    // THEN
    const template = Template.fromStack(stack);
    const id = (c: Construct) => stack.getLogicalId(c.node.defaultChild as CfnElement);
    const resources = template.findResources(CUSTOM_TYPE);
    const firstResource = resources[logicalIdOf(first)];
    expect(firstResource.DeletionPolicy).toEqual('Retain');
    expect(resources[logicalIdOf(second)].DeletionPolicy).toEqual('Delete');
    expect(firstResource.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^CdkSageMakerRegistryAlgorithmHandlerFunction/), 'Arn'] },
      ServiceTimeout: '3600',
      AlgorithmName: expect.stringMatching(/^stackfirst[0-9a-f]{8}-[0-9a-f]{8}$/),
      TrainingSpecification: {
        TrainingImage: expect.objectContaining({ 'Fn::Join': expect.anything() }),
        SupportedTrainingInstanceTypes: ['ml.m5.xlarge'],
        TrainingChannels: [{ Name: 'train', SupportedContentTypes: ['text/csv'], SupportedInputModes: ['File'] }],
      },
      ValidationSpecification: {
        ValidationRole: { 'Fn::GetAtt': [id(role), 'Arn'] },
        ValidationProfiles: [{
          ProfileName: 'first',
          TrainingJobDefinition: {
            TrainingInputMode: 'File',
            InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://data/train/' } } }],
            OutputDataConfig: { S3OutputPath: 's3://data/output/', KmsKeyId: { 'Fn::GetAtt': [id(key), 'Arn'] } },
            ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1 },
            StoppingCondition: { MaxRuntimeInSeconds: 86400 },
          },
        }],
      },
    });
    const provider = stack.node.findChild('CdkSageMakerRegistryAlgorithmHandler');
    // The handler's policy, its permission to invoke itself and the validation role's policy; not the
    // roles themselves, which the GetAtts already wait for (cfn-lint W3005).
    expect(firstResource.DependsOn).toEqual([
      stack.getLogicalId(provider.node.findChild('InvokeItself') as CfnElement),
      stack.getLogicalId(provider.node.findChild('Policy').node.defaultChild as CfnElement),
      stack.getLogicalId(role.node.findChild('DefaultPolicy').node.defaultChild as CfnElement),
    ].sort());
    expect(stack.resolve(first.algorithmArn)).toEqual({ 'Fn::GetAtt': [logicalIdOf(first), 'AlgorithmArn'] });
    expect(stack.resolve(second.algorithmName)).toEqual('Second-Algorithm');
  });

  test('the validation role may pull the images and use the jobs\' keys', () => {
    // GIVEN
    const { stack, repository, role, key } = validatedStack();

    // THEN
    const repositoryArn = { 'Fn::GetAtt': [stack.getLogicalId(repository.node.defaultChild as CfnElement), 'Arn'] };
    const keyArn = { 'Fn::GetAtt': [stack.getLogicalId(key.node.defaultChild as CfnElement), 'Arn'] };
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: stack.getLogicalId(role.node.defaultChild as CfnElement) }],
      PolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: [
          { Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], Effect: 'Allow', Resource: repositoryArn },
          { Action: 'ecr:GetAuthorizationToken', Effect: 'Allow', Resource: '*' },
          { Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'], Effect: 'Allow', Resource: keyArn },
        ],
      }),
    });
  });

  test('tags reach the custom resource', () => {
    // GIVEN
    const { stack, first } = validatedStack();

    // WHEN
    Tags.of(first).add('team', 'ml');

    // THEN
    expect(Template.fromStack(stack).findResources(CUSTOM_TYPE)[logicalIdOf(first)].Properties.Tags).toEqual([{ Key: 'team', Value: 'ml' }]);
  });

  test('every member becomes a valid CreateAlgorithm request once the handler has typed it (botocore\'s model)', () => {
    // GIVEN literal values everywhere, so that the template holds the request as SageMaker gets it
    const { stack } = newStack();
    const role = iam.Role.fromRoleArn(stack, 'Role', ROLE_ARN, { mutable: false });
    const key = kms.Key.fromKeyArn(stack, 'Key', `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`);
    const algorithm = new Algorithm(stack, 'Algorithm', {
      description: 'Validated boosting',
      certifyForMarketplace: true,
      trainingSpecification: training({
        imageDigest: DIGEST,
        supportsDistributedTraining: true,
        channels: [channel({ required: true, description: 'Training data', supportedCompressionTypes: [CompressionType.GZIP] }), channel({ name: 'validation' })],
        hyperParameters: [
          { name: 'num_round', type: HyperParameterType.INTEGER, range: HyperParameterRange.integer(1, 100), required: true, tunable: true },
          { name: 'eta', type: HyperParameterType.CONTINUOUS, range: HyperParameterRange.continuous(0, 1), defaultValue: '0.3' },
        ],
        metricDefinitions: [{ name: 'validation:rmse', regex: 'rmse=(.*)' }],
        tuningObjectives: [{ metricName: 'validation:rmse', type: TuningObjectiveType.MINIMIZE }],
      }),
      inferenceSpecification: {
        containers: [{ image: ContainerImage.fromRegistry(INFERENCE_IMAGE), environment: { THREADS: '4' }, frameworkVersion: '1.7', dataInputConfig: '{}' }],
        supportedContentTypes: ['text/csv'],
        supportedResponseMimeTypes: ['text/csv'],
        supportedTransformInstanceTypes: [InstanceType.M5_XLARGE],
      },
      validationSpecification: {
        role,
        profile: {
          profileName: 'full',
          trainingJob: trainingJob({
            hyperParameters: { num_round: '10', eta: '0.5' },
            inputChannels: [
              {
                channelName: 'train',
                s3Uri: 's3://data/train/',
                dataType: TrainingInputDataType.MANIFEST_FILE,
                distribution: S3DataDistribution.SHARDED_BY_S3_KEY,
                contentType: 'text/csv',
                compressionType: CompressionType.GZIP,
                recordWrapperType: RecordWrapperType.RECORD_IO,
                inputMode: TrainingInputMode.FILE,
              },
              { channelName: 'validation', s3Uri: 's3://data/validation/' },
            ],
            output: { s3OutputPath: 's3://data/output/', encryptionKey: key },
            resources: { instanceType: InstanceType.M5_XLARGE, instanceCount: 2, volumeSize: Size.gibibytes(50), volumeEncryptionKey: key },
            maxRuntime: Duration.hours(1),
          }),
          transformJob: {
            input: { s3Uri: 's3://data/batch/', contentType: 'text/csv' },
            output: { s3OutputPath: 's3://data/batch-output/', encryptionKey: key },
            resources: { instanceType: InstanceType.M5_XLARGE, instanceCount: 1, volumeEncryptionKey: key },
            maxConcurrentTransforms: 2,
            maxPayload: Size.mebibytes(6),
            environment: { MODE: 'batch' },
          },
        },
      },
    });
    Tags.of(algorithm).add('team', 'ml');

    // WHEN CloudFormation sends the properties (scalars as strings) and the handler types them
    const { ServiceToken: _token, ServiceTimeout: _timeout, ...properties } = onlyProperties(stack, CUSTOM_TYPE);
    const request = coerceProperties(asCloudFormationSends(properties), ALGORITHM_COERCION);

    // THEN
    expect(validateRequest('CreateAlgorithm', request)).toEqual([]);
    expect(request.ValidationSpecification.ValidationProfiles[0].TrainingJobDefinition.ResourceConfig).toEqual({
      InstanceType: 'ml.m5.xlarge',
      InstanceCount: 2,
      VolumeSizeInGB: 50,
      VolumeKmsKeyId: key.keyArn,
    });
    expect(request.ValidationSpecification.ValidationProfiles[0].TransformJobDefinition.MaxPayloadInMB).toBe(6);
    expect(request.InferenceSpecification.SupportedResponseMIMETypes).toEqual(['text/csv']);
  });
});

/** The generated-name prefix of the algorithm `id` of the stack (its name without the fingerprint). */
function generatedPrefix(stack: Stack, id: string): string {
  const algorithm = stack.node.findChild(id) as Algorithm;
  return (stack.resolve(algorithm.algorithmName) as string).slice(0, -9);
}

describe('synth-time validation of values CloudFormation and SageMaker reject: snapshots, training instance types, line breaks', () => {
  test('a removal policy of SNAPSHOT (CloudFormation has no snapshots of algorithms)', () => {
    expect(problemsOf(() => ({ trainingSpecification: training(), removalPolicy: RemovalPolicy.SNAPSHOT }))).toEqual([
      'removalPolicy must be RemovalPolicy.DESTROY, RemovalPolicy.RETAIN or RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE '
        + '(AWS::SageMaker::Algorithm has no snapshots, so CloudFormation rejects DeletionPolicy Snapshot), got RemovalPolicy.SNAPSHOT',
    ]);
  });

  test('a training instance type SageMaker does not support for training', () => {
    const problems = trainingProblems({ supportedInstanceTypes: [InstanceType.of('ml.m5.huge')] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^trainingSpecification\.supportedInstanceTypes\[0\] must be an instance type SageMaker supports for training, got 'ml\.m5\.huge' \(/);
  });

  test('metric names, regexes and objective metric names with a line break', () => {
    expect(trainingProblems({
      hyperParameters: [{ name: 'eta', type: HyperParameterType.CONTINUOUS, range: HyperParameterRange.continuous(0, 1), tunable: true }],
      metricDefinitions: [{ name: 'a\nb', regex: '\n' }],
      tuningObjectives: [{ metricName: 'a\nb', type: TuningObjectiveType.MAXIMIZE }],
    })).toEqual([
      "trainingSpecification.metricDefinitions[0].name must be a single line (pattern ^[^\\n]*$), got 'a\nb'",
      "trainingSpecification.metricDefinitions[0].regex must be a single line (pattern ^[^\\n]*$), got '\n'",
      "trainingSpecification.tuningObjectives[0].metricName must be a single line (pattern ^[^\\n]*$), got 'a\nb'",
    ]);
  });
});

describe('enum values given as other strings (from JavaScript or a cast)', () => {
  test('are rejected, naming the property and the value', () => {
    expect(trainingProblems({
      channels: [{
        name: 'train',
        supportedContentTypes: ['text/csv'],
        supportedInputModes: ['file' as TrainingInputMode],
        supportedCompressionTypes: ['gzip' as CompressionType],
      }],
      hyperParameters: [{ name: 'eta', type: 'Float' as HyperParameterType, tunable: true }],
      metricDefinitions: [{ name: 'auc', regex: 'auc=(.*)' }],
      tuningObjectives: [{ metricName: 'auc', type: 'maximize' as TuningObjectiveType }],
    })).toEqual(expect.arrayContaining([
      "trainingSpecification.channels[0].supportedInputModes[0] must be one of 'File', 'Pipe', 'FastFile' (TrainingInputMode), got 'file'",
      "trainingSpecification.channels[0].supportedCompressionTypes[0] must be one of 'None', 'Gzip' (CompressionType), got 'gzip'",
      "trainingSpecification.hyperParameters[0].type must be one of 'Integer', 'Continuous', 'Categorical', 'FreeText' (HyperParameterType), got 'Float'",
      "trainingSpecification.tuningObjectives[0].type must be one of 'Maximize', 'Minimize' (TuningObjectiveType), got 'maximize'",
    ]));
  });
});
