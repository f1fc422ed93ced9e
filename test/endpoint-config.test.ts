/*
 * Unit tests of EndpointConfig: rendering of every option, the grants data capture and
 * asynchronous inference make, imports, and every synth-time error.
 */
import { Duration, RemovalPolicy, Size, Stack, aws_kms as kms, aws_s3 as s3, aws_sns as sns } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import {
  AsyncNotificationTopic,
  CaptureMode,
  ContainerImage,
  EndpointConfig,
  InstanceType,
  Model,
} from '../src';
import { ACCOUNT, OTHER_REGION, REGION, XGBOOST_IMAGE } from './constants';
import { errorOf, newStack } from './util';

const CONFIG_TYPE = 'AWS::SageMaker::EndpointConfig';
const MODEL_NAME = { 'Fn::GetAtt': ['Model2AD80A05', 'ModelName'] };
const PUT_ACTIONS = ['s3:PutObject', 's3:PutObjectLegalHold', 's3:PutObjectRetention', 's3:PutObjectTagging', 's3:PutObjectVersionTagging', 's3:Abort*'];
const ENCRYPT_ACTIONS = ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'];

function newModel(stack: Stack, id = 'Model'): Model {
  return new Model(stack, id, { containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }] });
}

/** The properties of the only endpoint configuration of the stack. */
function configProperties(stack: Stack): any {
  const configs = Object.values(Template.fromStack(stack).findResources(CONFIG_TYPE));
  expect(configs).toHaveLength(1);
  return (configs[0] as any).Properties;
}

/** The statements of the model's default policy after the three baseline statements (logs, metrics, ECR token). */
function grantedStatements(stack: Stack): any[] {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  const policy = (policies.ModelRoleDefaultPolicy52564B59 as any).Properties.PolicyDocument.Statement;
  return policy.slice(3);
}

describe('EndpointConfig instance variants', () => {
  test('a variant with only a name and a model renders the defaults; the name is left to CloudFormation', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);

    // WHEN
    new EndpointConfig(stack, 'Config', { instanceProductionVariants: [{ variantName: 'main', model }] });

    // THEN
    Template.fromStack(stack).hasResource(CONFIG_TYPE, {
      Properties: Match.exact({
        ProductionVariants: [{
          VariantName: 'main',
          ModelName: MODEL_NAME,
          InstanceType: 'ml.m5.large',
          InitialInstanceCount: 1,
          InitialVariantWeight: 1,
        }],
      }),
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
    });
  });

  test('every instance option renders', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);

    // WHEN
    new EndpointConfig(stack, 'Config', {
      instanceProductionVariants: [{
        variantName: 'main',
        model,
        instanceType: InstanceType.G5_XLARGE,
        initialInstanceCount: 3,
        initialVariantWeight: 0.5,
        volumeSize: Size.gibibytes(64),
        containerStartupHealthCheckTimeout: Duration.minutes(10),
        modelDataDownloadTimeout: Duration.seconds(900),
        enableSsmAccess: true,
      }],
    });

    // THEN
    expect(configProperties(stack).ProductionVariants).toEqual([{
      VariantName: 'main',
      ModelName: MODEL_NAME,
      InstanceType: 'ml.g5.xlarge',
      InitialInstanceCount: 3,
      InitialVariantWeight: 0.5,
      VolumeSizeInGB: 64,
      ContainerStartupHealthCheckTimeoutInSeconds: 600,
      ModelDataDownloadTimeoutInSeconds: 900,
      EnableSSMAccess: true,
    }]);
  });

  test('variants from the props and from addInstanceProductionVariant() render in order', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);
    const other = newModel(stack, 'Other');
    const config = new EndpointConfig(stack, 'Config', { instanceProductionVariants: [{ variantName: 'a', model }] });

    // WHEN
    config.addInstanceProductionVariant({ variantName: 'b', model: other, initialVariantWeight: 3 });

    // THEN
    expect(configProperties(stack).ProductionVariants.map((v: any) => [v.VariantName, v.InitialVariantWeight])).toEqual([['a', 1], ['b', 3]]);
  });

  test('findInstanceProductionVariant returns the variant with its defaults and names the known variants when missing', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);
    const config = new EndpointConfig(stack, 'Config', { instanceProductionVariants: [{ variantName: 'main', model, initialInstanceCount: 2 }] });

    // WHEN
    const variant = config.findInstanceProductionVariant('main');

    // THEN
    expect(variant.variantName).toBe('main');
    expect(variant.model).toBe(model);
    expect(variant.instanceType.toString()).toBe('ml.m5.large');
    expect(variant.initialInstanceCount).toBe(2);
    expect(variant.initialVariantWeight).toBe(1);
    expect(errorOf(() => config.findInstanceProductionVariant('canary')))
      .toBe('Invalid EndpointConfig Stack/Config:\n  - findInstanceProductionVariant.name must name an instance production variant of the '
        + "configuration (its instance variants are 'main'), got 'canary'");
  });

  test('an explicit name renders EndpointConfigName; removalPolicy RETAIN renders Retain', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);

    // WHEN
    new EndpointConfig(stack, 'Config', {
      endpointConfigName: 'churn-v1',
      removalPolicy: RemovalPolicy.RETAIN,
      instanceProductionVariants: [{ variantName: 'main', model }],
    });

    // THEN
    Template.fromStack(stack).hasResource(CONFIG_TYPE, {
      Properties: Match.objectLike({ EndpointConfigName: 'churn-v1' }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  test('encryptionKey renders the key ARN as KmsKeyId', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);
    const key = new kms.Key(stack, 'Key');

    // WHEN
    new EndpointConfig(stack, 'Config', { encryptionKey: key, instanceProductionVariants: [{ variantName: 'main', model }] });

    // THEN
    expect(configProperties(stack).KmsKeyId).toEqual({ 'Fn::GetAtt': ['Key961B73FD', 'Arn'] });
  });

  test('shadow variants render ShadowProductionVariants', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);
    const challenger = newModel(stack, 'Challenger');

    // WHEN
    new EndpointConfig(stack, 'Config', {
      instanceProductionVariants: [{ variantName: 'champion', model }],
      shadowProductionVariants: [{ variantName: 'challenger', model: challenger, instanceType: InstanceType.C5_XLARGE }],
    });

    // THEN
    expect(configProperties(stack).ShadowProductionVariants).toEqual([{
      VariantName: 'challenger',
      ModelName: { 'Fn::GetAtt': ['ChallengerModelE7944FAF', 'ModelName'] },
      InstanceType: 'ml.c5.xlarge',
      InitialInstanceCount: 1,
      InitialVariantWeight: 1,
    }]);
  });
});

describe('EndpointConfig serverless variant', () => {
  test('renders ServerlessConfig and no instance properties', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);

    // WHEN
    new EndpointConfig(stack, 'Config', {
      serverlessProductionVariant: { variantName: 'main', model, memorySizeInMB: 2048, maxConcurrency: 20, provisionedConcurrency: 5 },
    });

    // THEN
    expect(configProperties(stack)).toEqual({
      ProductionVariants: [{
        VariantName: 'main',
        ModelName: MODEL_NAME,
        ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 20, ProvisionedConcurrency: 5 },
      }],
    });
  });

  test('serverless and instance variants cannot be mixed, in either order', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);
    const serverless = new EndpointConfig(stack, 'Serverless', {
      serverlessProductionVariant: { variantName: 'sls', model, memorySizeInMB: 1024, maxConcurrency: 1 },
    });

    // THEN
    expect(errorOf(() => serverless.addInstanceProductionVariant({ variantName: 'inst', model }))).toBe(
      'Invalid instanceProductionVariants[0] of EndpointConfig Stack/Serverless:\n'
      + "  - an endpoint configuration cannot mix a serverless variant with instance variants, got instance variant 'inst' and serverless variant 'sls'");
    expect(errorOf(() => new EndpointConfig(stack, 'Mixed', {
      instanceProductionVariants: [{ variantName: 'inst', model }],
      serverlessProductionVariant: { variantName: 'sls', model, memorySizeInMB: 1024, maxConcurrency: 1 },
    }))).toBe('Invalid serverlessProductionVariant of EndpointConfig Stack/Mixed:\n'
      + "  - an endpoint configuration cannot mix a serverless variant with instance variants, got serverless variant 'sls' and instance variant 'inst'");
  });

  test('memory, concurrency and provisioned concurrency are checked against the API limits', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);

    // THEN
    expect(errorOf(() => new EndpointConfig(stack, 'Config', {
      serverlessProductionVariant: { variantName: 'main', model, memorySizeInMB: 1000, maxConcurrency: 201, provisionedConcurrency: 0 },
    }))).toBe('Invalid serverlessProductionVariant of EndpointConfig Stack/Config:\n'
      + '  - serverlessProductionVariant.maxConcurrency must be an integer between 1 and 200, got 201\n'
      + '  - serverlessProductionVariant.provisionedConcurrency must be an integer between 1 and 200, got 0\n'
      + '  - serverlessProductionVariant.memorySizeInMB must be one of 1024, 2048, 3072, 4096, 5120, 6144, got 1000');
    expect(errorOf(() => new EndpointConfig(stack, 'Config2', {
      serverlessProductionVariant: { variantName: 'main', model, memorySizeInMB: 1024, maxConcurrency: 5, provisionedConcurrency: 6 },
    }))).toBe('Invalid serverlessProductionVariant of EndpointConfig Stack/Config2:\n'
      + '  - serverlessProductionVariant.provisionedConcurrency must be at most maxConcurrency (5), got 6');
  });
});

describe('EndpointConfig data capture', () => {
  test('renders DataCaptureConfig with the defaults and grants the model role to write under the prefix', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);
    const bucket = new s3.Bucket(stack, 'Bucket');

    // WHEN
    new EndpointConfig(stack, 'Config', {
      instanceProductionVariants: [{ variantName: 'main', model }],
      dataCapture: { destinationBucket: bucket, destinationPrefix: 'capture/churn' },
    });

    // THEN
    expect(configProperties(stack).DataCaptureConfig).toEqual({
      DestinationS3Uri: { 'Fn::Join': ['', ['s3://', { Ref: 'Bucket83908E77' }, '/capture/churn']] },
      InitialSamplingPercentage: 100,
      CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
      EnableCapture: true,
    });
    expect(grantedStatements(stack)).toEqual([{
      Action: PUT_ACTIONS,
      Effect: 'Allow',
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket83908E77', 'Arn'] }, '/capture/churn/*']] },
    }]);
  });

  test('every option renders, and the KMS key is granted for encryption', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);
    const bucket = new s3.Bucket(stack, 'Bucket');
    const key = new kms.Key(stack, 'Key');

    // WHEN
    new EndpointConfig(stack, 'Config', {
      instanceProductionVariants: [{ variantName: 'main', model }],
      dataCapture: {
        destinationBucket: bucket,
        samplingPercentage: 25,
        captureModes: [CaptureMode.INPUT_AND_OUTPUT],
        csvContentTypes: ['text/csv'],
        jsonContentTypes: ['application/json', 'application/jsonlines'],
        encryptionKey: key,
        enableCapture: false,
      },
    });

    // THEN
    expect(configProperties(stack).DataCaptureConfig).toEqual({
      DestinationS3Uri: { 'Fn::Join': ['', ['s3://', { Ref: 'Bucket83908E77' }, '/']] },
      InitialSamplingPercentage: 25,
      CaptureOptions: [{ CaptureMode: 'InputAndOutput' }],
      CaptureContentTypeHeader: { CsvContentTypes: ['text/csv'], JsonContentTypes: ['application/json', 'application/jsonlines'] },
      KmsKeyId: { 'Fn::GetAtt': ['Key961B73FD', 'Arn'] },
      EnableCapture: false,
    });
    expect(grantedStatements(stack)).toEqual([
      { Action: PUT_ACTIONS, Effect: 'Allow', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket83908E77', 'Arn'] }, '/*']] } },
      { Action: ENCRYPT_ACTIONS, Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Key961B73FD', 'Arn'] } },
    ]);
  });

  test('percentages, capture modes, content types and prefixes are checked', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);
    const bucket = new s3.Bucket(stack, 'Bucket');

    // THEN
    expect(errorOf(() => new EndpointConfig(stack, 'Config', {
      instanceProductionVariants: [{ variantName: 'main', model }],
      dataCapture: {
        destinationBucket: bucket,
        destinationPrefix: '/capture/',
        samplingPercentage: 101,
        captureModes: ['Both' as CaptureMode],
        csvContentTypes: ['csv'],
        jsonContentTypes: [],
      },
    }))).toBe('Invalid EndpointConfig Stack/Config:\n'
      + '  - dataCapture.destinationPrefix must not start or end with a slash (it is joined to the bucket as s3://<bucket>/<prefix>), got "/capture/"\n'
      + '  - dataCapture.samplingPercentage must be an integer between 0 and 100, got 101\n'
      + '  - dataCapture.csvContentTypes[0] must be a MIME type such as text/csv or application/json '
      + "(pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9])*\\/[a-zA-Z0-9](-*[a-zA-Z0-9.])*$), got 'csv'\n"
      + '  - dataCapture.jsonContentTypes must have between 1 and 10 entries, got 0\n'
      + "  - dataCapture.captureModes[0] must be one of 'Input', 'Output', 'InputAndOutput' (CaptureMode), got 'Both'");
  });
});

describe('EndpointConfig asynchronous inference', () => {
  test('renders AsyncInferenceConfig and grants writing the outputs, encrypting and publishing', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);
    const output = new s3.Bucket(stack, 'Output');
    const failures = new s3.Bucket(stack, 'Failures');
    const key = new kms.Key(stack, 'Key');
    const success = new sns.Topic(stack, 'Success');
    const error = new sns.Topic(stack, 'Error');

    // WHEN
    new EndpointConfig(stack, 'Config', {
      instanceProductionVariants: [{ variantName: 'main', model }],
      asyncInference: {
        outputBucket: output,
        outputPrefix: 'responses',
        failureBucket: failures,
        failurePrefix: 'failed',
        encryptionKey: key,
        successTopic: success,
        errorTopic: error,
        includeInferenceResponseIn: [AsyncNotificationTopic.SUCCESS_NOTIFICATION_TOPIC],
        maxConcurrentInvocationsPerInstance: 4,
      },
    });

    // THEN
    expect(configProperties(stack).AsyncInferenceConfig).toEqual({
      OutputConfig: {
        S3OutputPath: { 'Fn::Join': ['', ['s3://', { Ref: 'OutputAB65CDDE' }, '/responses']] },
        S3FailurePath: { 'Fn::Join': ['', ['s3://', { Ref: 'Failures8A3E1A2F' }, '/failed']] },
        KmsKeyId: { 'Fn::GetAtt': ['Key961B73FD', 'Arn'] },
        NotificationConfig: {
          SuccessTopic: { Ref: 'SuccessE4B75D12' },
          ErrorTopic: { Ref: 'ErrorD9F0B79D' },
          IncludeInferenceResponseIn: ['SUCCESS_NOTIFICATION_TOPIC'],
        },
      },
      ClientConfig: { MaxConcurrentInvocationsPerInstance: 4 },
    });
    expect(grantedStatements(stack)).toEqual([
      { Action: PUT_ACTIONS, Effect: 'Allow', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['OutputAB65CDDE', 'Arn'] }, '/responses/*']] } },
      { Action: PUT_ACTIONS, Effect: 'Allow', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Failures8A3E1A2F', 'Arn'] }, '/failed/*']] } },
      { Action: ENCRYPT_ACTIONS, Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Key961B73FD', 'Arn'] } },
      { Action: 'sns:Publish', Effect: 'Allow', Resource: { Ref: 'SuccessE4B75D12' } },
      { Action: 'sns:Publish', Effect: 'Allow', Resource: { Ref: 'ErrorD9F0B79D' } },
    ]);
  });

  test('is only for instance variants, and each included topic needs its topic', () => {
    // GIVEN
    const { app, stack } = newStack();
    const model = newModel(stack);
    const output = new s3.Bucket(stack, 'Output');

    // THEN
    expect(errorOf(() => new EndpointConfig(stack, 'Topics', {
      instanceProductionVariants: [{ variantName: 'main', model }],
      asyncInference: {
        outputBucket: output,
        failurePrefix: 'failed',
        includeInferenceResponseIn: [AsyncNotificationTopic.ERROR_NOTIFICATION_TOPIC],
        maxConcurrentInvocationsPerInstance: 1001,
      },
    }))).toBe('Invalid EndpointConfig Stack/Topics:\n'
      + '  - asyncInference.maxConcurrentInvocationsPerInstance must be an integer between 1 and 1000, got 1001\n'
      + '  - asyncInference.failurePrefix applies only with failureBucket, got failurePrefix "failed" without one\n'
      + "  - asyncInference.includeInferenceResponseIn has 'ERROR_NOTIFICATION_TOPIC', which needs errorTopic; got none");

    new EndpointConfig(stack, 'Serverless', {
      serverlessProductionVariant: { variantName: 'main', model, memorySizeInMB: 1024, maxConcurrency: 1 },
      asyncInference: { outputBucket: output },
    });
    expect(() => app.synth()).toThrow("asyncInference needs instance variants, got serverless variant 'main'");
  });
});

describe('EndpointConfig validation', () => {
  test('variant names, counts, weights, volume sizes, timeouts and instance types are checked when the variant is added', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);

    // THEN
    expect(errorOf(() => new EndpointConfig(stack, 'Config', {
      instanceProductionVariants: [{
        variantName: 'main_variant',
        model,
        instanceType: InstanceType.of('ml.t3.nano'),
        initialInstanceCount: 0,
        initialVariantWeight: -1,
        volumeSize: Size.gibibytes(600),
        containerStartupHealthCheckTimeout: Duration.seconds(30),
        modelDataDownloadTimeout: Duration.hours(2),
      }],
    }))).toBe('Invalid instanceProductionVariants[0] of EndpointConfig Stack/Config:\n'
      + '  - instanceProductionVariants[0].variantName must contain only letters (a-z, A-Z), digits (0-9) and hyphens (-), and start and end '
      + "with a letter or digit (pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$), got 'main_variant'\n"
      + "  - instanceProductionVariants[0].instanceType must be an instance type SageMaker supports for real-time inference, got 'ml.t3.nano' "
      + '(SageMaker has no ml.t3 instance types for real-time inference; for example ml.m5.xlarge or ml.c5.xlarge)\n'
      + '  - instanceProductionVariants[0].initialInstanceCount must be an integer at least 1, got 0\n'
      + '  - instanceProductionVariants[0].initialVariantWeight must be a number of at least 0, got -1\n'
      + '  - instanceProductionVariants[0].volumeSize (in GiB) must be an integer between 1 and 512, got 600\n'
      + '  - instanceProductionVariants[0].containerStartupHealthCheckTimeout (in seconds) must be an integer between 60 and 3600, got 30\n'
      + '  - instanceProductionVariants[0].modelDataDownloadTimeout (in seconds) must be an integer between 60 and 3600, got 7200');
  });

  test('duplicate variant names, more than 10 variants, no variant and all-zero weights are synth-time errors', () => {
    // GIVEN
    const { app, stack } = newStack();
    const model = newModel(stack);
    const config = new EndpointConfig(stack, 'Config', {
      instanceProductionVariants: Array.from({ length: 11 }, (_, i) => ({ variantName: i === 10 ? 'v0' : `v${i}`, model, initialVariantWeight: 0 })),
    });
    new EndpointConfig(stack, 'Empty');

    // THEN
    const message = errorOf(() => app.synth());
    expect(message).toContain(`[${config.node.path}] an endpoint configuration has at most 10 production variants, got 11`);
    expect(message).toContain("[Stack/Config] variantName (of production and shadow variants) must be unique, got duplicates: 'v0'");
    expect(message).toContain('[Stack/Config] at least one production variant needs an initialVariantWeight above 0 (the traffic is shared by weight), '
      + 'got 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0');
    expect(message).toContain('[Stack/Empty] an endpoint configuration needs at least 1 production variant: give instanceProductionVariants or '
      + 'serverlessProductionVariant, or call addInstanceProductionVariant(), got none for EndpointConfig Stack/Empty');
  });

  test('shadow variants need exactly one production and one shadow variant, with unique names', () => {
    // GIVEN
    const { app, stack } = newStack();
    const model = newModel(stack);
    new EndpointConfig(stack, 'Config', {
      instanceProductionVariants: [{ variantName: 'a', model }, { variantName: 'b', model }],
      shadowProductionVariants: [{ variantName: 'a', model }],
    });

    // THEN
    const message = errorOf(() => app.synth());
    expect(message).toContain("variantName (of production and shadow variants) must be unique, got duplicates: 'a'");
    expect(message).toContain('with shadowProductionVariants, an endpoint configuration has exactly 1 production variant and 1 shadow variant, '
      + 'got 2 production variant(s) and 1 shadow variant(s)');
  });

  test('a KMS key with an instance type that has local storage is an error', () => {
    // GIVEN
    const { app, stack } = newStack();
    const model = newModel(stack);
    new EndpointConfig(stack, 'Config', {
      encryptionKey: new kms.Key(stack, 'Key'),
      instanceProductionVariants: [{ variantName: 'main', model, instanceType: InstanceType.G5_XLARGE }],
    });

    // THEN
    expect(() => app.synth()).toThrow('encryptionKey cannot be used with instance types that have local (instance store) volumes, which '
      + "SageMaker encrypts itself; got encryptionKey and instance type(s) 'ml.g5.xlarge'");
  });

  test('a model of another region is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const model = Model.fromModelArn(stack, 'Imported', `arn:aws:sagemaker:${OTHER_REGION}:${ACCOUNT}:model/churn`);

    // THEN
    expect(errorOf(() => new EndpointConfig(stack, 'Config', { instanceProductionVariants: [{ variantName: 'main', model }] })))
      .toBe('Invalid instanceProductionVariants[0] of EndpointConfig Stack/Config:\n'
        + `  - instanceProductionVariants[0].model must be in the region of the endpoint configuration (${REGION}), got model Stack/Imported in region ${OTHER_REGION}`);
  });

  test('name, removal policy and shadow variant count are checked', () => {
    // GIVEN
    const { stack } = newStack();

    // THEN
    expect(errorOf(() => new EndpointConfig(stack, 'Config', {
      endpointConfigName: '-bad',
      removalPolicy: RemovalPolicy.SNAPSHOT,
      shadowProductionVariants: [],
    }))).toBe('Invalid EndpointConfig Stack/Config:\n'
      + "  - endpointConfigName must be letters (a-z, A-Z), digits (0-9) and hyphens (-), starting and ending with a letter or digit (pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$), got '-bad'\n"
      + '  - removalPolicy must be RemovalPolicy.DESTROY, RemovalPolicy.RETAIN or RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE '
      + '(AWS::SageMaker::EndpointConfig has no snapshots, so CloudFormation rejects DeletionPolicy Snapshot), got RemovalPolicy.SNAPSHOT\n'
      + '  - shadowProductionVariants must have between 1 and 10 entries, got 0');
  });

  test('data capture on a serverless variant is an error (SageMaker Serverless Inference does not support data capture)', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);

    // THEN: given together, or the serverless variant added later
    expect(errorOf(() => new EndpointConfig(stack, 'Config', {
      serverlessProductionVariant: { variantName: 'main', model, memorySizeInMB: 1024, maxConcurrency: 1 },
      dataCapture: { destinationBucket: new s3.Bucket(stack, 'Bucket'), enableCapture: false },
    }))).toBe('Invalid serverlessProductionVariant of EndpointConfig Stack/Config:\n'
      + "  - dataCapture is not supported with a serverless variant (SageMaker Serverless Inference does not capture data), got serverless variant 'main' with dataCapture");
    const config = new EndpointConfig(stack, 'Later', { dataCapture: { destinationBucket: s3.Bucket.fromBucketName(stack, 'Capture', 'capture') } });
    expect(errorOf(() => config.addServerlessProductionVariant({ variantName: 'later', model, memorySizeInMB: 1024, maxConcurrency: 1 })))
      .toBe('Invalid serverlessProductionVariant of EndpointConfig Stack/Later:\n'
        + "  - dataCapture is not supported with a serverless variant (SageMaker Serverless Inference does not capture data), got serverless variant 'later' with dataCapture");
  });
});

describe('EndpointConfig unknown keys', () => {
  test('a misspelled or Python-style key of the props or of a variant is an error naming it', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);

    // THEN
    expect(errorOf(() => new EndpointConfig(stack, 'Config', {
      instanceProductionVariants: [{ variantName: 'main', model, initial_instance_count: 2 } as any],
    }))).toContain('initial_instance_count');
    const config = new EndpointConfig(stack, 'Other', { instanceProductionVariants: [{ variantName: 'main', model }] });
    expect(errorOf(() => config.addInstanceProductionVariant({ variantName: 'b', model, instanceTypes: 'ml.m5.large' } as any)))
      .toContain('instanceTypes');
  });
});

describe('EndpointConfig imports', () => {
  test('fromEndpointConfigName builds the ARN with the name in lower case', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const config = EndpointConfig.fromEndpointConfigName(stack, 'Imported', 'Churn-V1');

    // THEN
    expect(config.endpointConfigName).toBe('Churn-V1');
    expect(stack.resolve(config.endpointConfigArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:sagemaker:${REGION}:${ACCOUNT}:endpoint-config/churn-v1`]],
    });
    expect(errorOf(() => EndpointConfig.fromEndpointConfigName(stack, 'Bad', 'a_b'))).toContain('endpointConfigName must be letters');
  });

  test('fromEndpointConfigArn takes the name from the ARN and the environment from the ARN', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const config = EndpointConfig.fromEndpointConfigArn(stack, 'Imported', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint-config/churn-v1`);

    // THEN
    expect(config.endpointConfigName).toBe('churn-v1');
    expect(config.env.account).toBe(ACCOUNT);
    expect(errorOf(() => EndpointConfig.fromEndpointConfigArn(stack, 'Bad', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/churn`)))
      .toBe('Invalid EndpointConfig.fromEndpointConfigArn:\n  - endpointConfigArn must be a SageMaker endpoint-config ARN '
        + `arn:<partition>:sagemaker:<region>:<account-id>:endpoint-config/<name>, got 'arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/churn'`);
  });
});
