/*
 * A second judge beside cfn-lint: the EndpointConfig and Endpoint properties the library renders,
 * sent as the equivalent SageMaker API calls, are accepted.
 *
 * moto 5.2.5 (pinned in requirements-dev.txt) implements CreateModel, CreateEndpointConfig,
 * DescribeEndpointConfig, DeleteEndpointConfig, CreateEndpoint, DescribeEndpoint and DeleteEndpoint
 * (not UpdateEndpoint). The calls go through boto3 (botocore 1.44.8 of the same virtualenv), whose
 * client-side validation checks every parameter against the SageMaker API model (required members,
 * types, minimums) before moto sees the request; moto then checks what it implements (the models a
 * configuration names exist, the configuration an endpoint names exists). CreateEndpoint's
 * DeploymentConfig is validated by botocore and ignored by moto. The update-only properties
 * (RetainAllVariantProperties, ExcludeRetainedVariantProperties, RetainDeploymentConfig) are checked
 * against botocore's model of UpdateEndpoint without sending the call.
 *
 * The template's intrinsic functions are replaced by the values CloudFormation would pass (names
 * and ARNs of the resources), as CloudFormation does before it calls the API.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { Duration, Size, Stack, aws_cloudwatch as cloudwatch, aws_kms as kms, aws_s3 as s3, aws_sns as sns } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { MOTO_ACCOUNT, REGION, XGBOOST_IMAGE } from './constants';
import { MotoServer, startMoto } from './handlers/moto';
import { newStack } from './util';
import {
  AsyncNotificationTopic,
  CapacitySize,
  CaptureMode,
  ContainerImage,
  DeploymentConfig,
  Endpoint,
  EndpointConfig,
  InstanceType,
  Model,
  VariantPropertyType,
} from '../src';

const PYTHON = path.join(__dirname, '..', '.venv', 'bin', 'python');

/** Sends the calls with boto3 to the emulator, in order; returns each call's outcome. */
const SEND_CALLS = `
import json, sys
import boto3
from botocore.exceptions import ClientError, ParamValidationError
from botocore.validate import validate_parameters
request = json.load(sys.stdin)
client = boto3.client('sagemaker', region_name='${REGION}', endpoint_url=request['endpoint'],
                      aws_access_key_id='testing', aws_secret_access_key='testing')
results = []
for call in request['calls']:
    try:
        if call.get('validateOnly'):
            # Only botocore's validation against the API model (for calls the emulator does not implement).
            operation = client.meta.service_model.operation_model(client.meta.method_to_api_mapping[call['op']])
            validate_parameters(call['params'], operation.input_shape)
            results.append({'ok': True, 'response': {}})
            continue
        response = getattr(client, call['op'])(**call['params'])
        response.pop('ResponseMetadata', None)
        results.append({'ok': True, 'response': json.loads(json.dumps(response, default=str))})
    except (ClientError, ParamValidationError) as e:
        results.append({'ok': False, 'error': str(e)})
print(json.dumps(results))
`;

interface Call {
  readonly op: string;
  readonly params: Record<string, unknown>;
  /** Only validate the parameters against botocore's API model, without sending the call. */
  readonly validateOnly?: boolean;
}

interface Outcome {
  readonly ok: boolean;
  readonly error?: string;
  readonly response?: any;
}

let moto: MotoServer;

beforeAll(async () => {
  moto = await startMoto();
}, 60_000);

afterAll(async () => {
  await moto?.stop();
});

function send(calls: Call[]): Outcome[] {
  const output = execFileSync(PYTHON, ['-c', SEND_CALLS], {
    input: JSON.stringify({ endpoint: moto.endpoint, calls }),
    encoding: 'utf8',
    env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' },
  });
  return JSON.parse(output);
}

/**
 * The template with every intrinsic function replaced by the value CloudFormation passes: physical
 * names (generated as `<logical id>-<suffix>` where the template leaves them to CloudFormation) and ARNs.
 */
function resolvedResources(stack: Stack, suffix: string): Record<string, any> {
  const resources = Template.fromStack(stack).toJSON().Resources as Record<string, any>;
  const physical = (id: string) => `${id.slice(0, 40)}-${suffix}`;
  const refs: Record<string, string> = {};
  const attrs: Record<string, Record<string, string>> = {};
  for (const [id, r] of Object.entries(resources)) {
    const props = r.Properties ?? {};
    switch (r.Type) {
      case 'AWS::SageMaker::Model':
        attrs[id] = { ModelName: props.ModelName ?? physical(id) };
        break;
      case 'AWS::SageMaker::EndpointConfig':
        attrs[id] = { EndpointConfigName: props.EndpointConfigName ?? physical(id) };
        break;
      case 'AWS::S3::Bucket':
        refs[id] = physical(id).toLowerCase();
        attrs[id] = { Arn: `arn:aws:s3:::${refs[id]}` };
        break;
      case 'AWS::KMS::Key':
        attrs[id] = { Arn: `arn:aws:kms:${REGION}:${MOTO_ACCOUNT}:key/11111111-2222-3333-4444-555555555555` };
        break;
      case 'AWS::SNS::Topic':
        refs[id] = `arn:aws:sns:${REGION}:${MOTO_ACCOUNT}:${physical(id)}`;
        break;
      case 'AWS::IAM::Role':
        attrs[id] = { Arn: `arn:aws:iam::${MOTO_ACCOUNT}:role/${physical(id)}` };
        break;
      case 'AWS::CloudWatch::Alarm':
        refs[id] = physical(id);
        break;
    }
  }
  const resolve = (value: any): any => {
    if (Array.isArray(value)) {
      return value.map(resolve);
    }
    if (value === null || typeof value !== 'object') {
      return value;
    }
    if ('Ref' in value) {
      if (value.Ref === 'AWS::Partition') {
        return 'aws';
      }
      if (refs[value.Ref] === undefined) {
        throw new Error(`no value for Ref ${value.Ref}`);
      }
      return refs[value.Ref];
    }
    if ('Fn::GetAtt' in value) {
      const [id, attr] = value['Fn::GetAtt'];
      const resolved = attrs[id]?.[attr];
      if (resolved === undefined) {
        throw new Error(`no value for Fn::GetAtt ${id}.${attr}`);
      }
      return resolved;
    }
    if ('Fn::Join' in value) {
      const [separator, parts] = value['Fn::Join'];
      return resolve(parts).join(separator);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  };
  return Object.fromEntries(Object.entries(resources)
    .filter(([, r]) => r.Type.startsWith('AWS::SageMaker::'))
    .map(([id, r]) => [id, { ...r, Properties: resolve(r.Properties ?? {}), name: attrs[id] }]));
}

/** The API calls that create the stack's models, endpoint configurations and endpoints, in that order. */
function apiCalls(stack: Stack, suffix: string): Call[] {
  const resources = Object.values(resolvedResources(stack, suffix));
  const calls: Call[] = [];
  for (const r of resources.filter((x) => x.Type === 'AWS::SageMaker::Model')) {
    calls.push({ op: 'create_model', params: { ...r.Properties, ModelName: r.name.ModelName } });
  }
  for (const r of resources.filter((x) => x.Type === 'AWS::SageMaker::EndpointConfig')) {
    calls.push({ op: 'create_endpoint_config', params: { ...r.Properties, EndpointConfigName: r.name.EndpointConfigName } });
  }
  for (const r of resources.filter((x) => x.Type === 'AWS::SageMaker::Endpoint')) {
    calls.push({ op: 'create_endpoint', params: r.Properties });
  }
  return calls;
}

function newModel(stack: Stack, id = 'Model'): Model {
  return new Model(stack, id, { containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }] });
}

describe('rendered endpoint configurations and endpoints are accepted by the SageMaker API (boto3 validation + moto)', () => {
  test('an instance configuration with every option, data capture, asynchronous inference and a KMS key', () => {
    // GIVEN
    const { stack } = newStack();
    const model = newModel(stack);
    const challenger = newModel(stack, 'Challenger');
    new EndpointConfig(stack, 'Config', {
      instanceProductionVariants: [
        {
          variantName: 'main',
          model,
          instanceType: InstanceType.M5_XLARGE,
          initialInstanceCount: 3,
          initialVariantWeight: 0.9,
          volumeSize: Size.gibibytes(64),
          containerStartupHealthCheckTimeout: Duration.minutes(10),
          modelDataDownloadTimeout: Duration.minutes(15),
          enableSsmAccess: true,
        },
        { variantName: 'challenger', model: challenger, initialVariantWeight: 0.1 },
      ],
      dataCapture: {
        destinationBucket: new s3.Bucket(stack, 'Capture'),
        destinationPrefix: 'capture',
        samplingPercentage: 20,
        captureModes: [CaptureMode.INPUT_AND_OUTPUT],
        csvContentTypes: ['text/csv'],
        jsonContentTypes: ['application/json'],
        encryptionKey: new kms.Key(stack, 'CaptureKey'),
      },
      asyncInference: {
        outputBucket: new s3.Bucket(stack, 'Output'),
        outputPrefix: 'responses',
        failureBucket: new s3.Bucket(stack, 'Failures'),
        successTopic: new sns.Topic(stack, 'Success'),
        errorTopic: new sns.Topic(stack, 'Error'),
        includeInferenceResponseIn: [AsyncNotificationTopic.SUCCESS_NOTIFICATION_TOPIC, AsyncNotificationTopic.ERROR_NOTIFICATION_TOPIC],
        maxConcurrentInvocationsPerInstance: 8,
      },
      encryptionKey: new kms.Key(stack, 'VolumeKey'),
    });
    const calls = apiCalls(stack, 'all');

    // WHEN
    const outcomes = send([...calls, { op: 'describe_endpoint_config', params: { EndpointConfigName: calls[2].params.EndpointConfigName } }]);

    // THEN
    expect(outcomes.map((o) => o.error)).toEqual([undefined, undefined, undefined, undefined]);
    const described = outcomes[3].response;
    expect(described.ProductionVariants).toEqual(calls[2].params.ProductionVariants);
    expect(described.DataCaptureConfig).toEqual(calls[2].params.DataCaptureConfig);
    expect(described.AsyncInferenceConfig).toEqual(calls[2].params.AsyncInferenceConfig);
    expect(described.KmsKeyId).toEqual(calls[2].params.KmsKeyId);
  });

  test('a serverless configuration and its endpoint', () => {
    // GIVEN
    const { stack } = newStack();
    const config = new EndpointConfig(stack, 'Config', {
      serverlessProductionVariant: { variantName: 'main', model: newModel(stack), memorySizeInMB: 3072, maxConcurrency: 20, provisionedConcurrency: 2 },
    });
    new Endpoint(stack, 'Endpoint', { endpointConfig: config, endpointName: 'serverless-endpoint' });

    // WHEN
    const outcomes = send([...apiCalls(stack, 'sls'), { op: 'describe_endpoint', params: { EndpointName: 'serverless-endpoint' } }]);

    // THEN
    expect(outcomes.map((o) => o.error)).toEqual([undefined, undefined, undefined, undefined]);
    expect(outcomes[3].response.EndpointConfigName).toBe('Config57D1D894-sls');
  });

  test.each([
    ['all at once', DeploymentConfig.allAtOnce({ terminationWait: Duration.minutes(5), maximumExecutionTimeout: Duration.hours(1) })],
    ['canary with created alarms', DeploymentConfig.canary({
      canarySize: CapacitySize.instanceCount(1),
      waitInterval: Duration.minutes(10),
      autoRollback: { createDefaultAlarms: true },
    })],
    ['linear', DeploymentConfig.linear({ stepSize: CapacitySize.percent(25), waitInterval: Duration.minutes(5) })],
    ['rolling', DeploymentConfig.rolling({
      maximumBatchSize: CapacitySize.percent(25),
      waitInterval: Duration.minutes(5),
      rollbackMaximumBatchSize: CapacitySize.instanceCount(2),
      maximumExecutionTimeout: Duration.hours(2),
    })],
  ])('an endpoint with deployment: %s', (name, deploymentConfig) => {
    // GIVEN
    const { stack } = newStack();
    const config = new EndpointConfig(stack, 'Config', {
      instanceProductionVariants: [{ variantName: 'main', model: newModel(stack), initialInstanceCount: 4 }],
    });
    const endpointName = `ep-${name.replace(/[^a-z]/g, '')}`;
    new Endpoint(stack, 'Endpoint', { endpointConfig: config, endpointName, deploymentConfig });
    const calls = apiCalls(stack, endpointName);

    // WHEN
    const outcomes = send([...calls, { op: 'describe_endpoint', params: { EndpointName: endpointName } }]);

    // THEN
    expect(calls[2].params.DeploymentConfig).toBeDefined();
    expect(outcomes.map((o) => o.error)).toEqual([undefined, undefined, undefined, undefined]);
    expect(outcomes[3].response.EndpointName).toBe(endpointName);
  });

  test('the update-only properties (retained variant properties) pass botocore\'s model of UpdateEndpoint (which moto does not implement)', () => {
    // GIVEN
    const { stack } = newStack();
    const config = new EndpointConfig(stack, 'Config', {
      instanceProductionVariants: [{ variantName: 'main', model: newModel(stack), initialInstanceCount: 2 }],
    });
    new Endpoint(stack, 'Endpoint', {
      endpointConfig: config,
      endpointName: 'retained',
      retainAllVariantProperties: true,
      excludeRetainedVariantProperties: [VariantPropertyType.DESIRED_WEIGHT],
      retainDeploymentConfig: true,
    });
    const [createModel, createConfig, createEndpoint] = apiCalls(stack, 'retained');
    const { RetainAllVariantProperties, ExcludeRetainedVariantProperties, RetainDeploymentConfig, ...createParams } = createEndpoint.params;
    const update = { op: 'update_endpoint', params: createEndpoint.params, validateOnly: true };

    // WHEN: CloudFormation creates the endpoint without them (CreateEndpoint has no such parameters) and
    // sends them with UpdateEndpoint
    const outcomes = send([
      createModel,
      createConfig,
      createEndpoint,
      { op: 'create_endpoint', params: createParams },
      update,
      { ...update, params: { ...update.params, ExcludeRetainedVariantProperties: [{}] } },
    ]);

    // THEN
    expect(RetainAllVariantProperties).toBe(true);
    expect(ExcludeRetainedVariantProperties).toEqual([{ VariantPropertyType: 'DesiredWeight' }]);
    expect(RetainDeploymentConfig).toBe(true);
    expect(outcomes.slice(0, 2).map((o) => o.error)).toEqual([undefined, undefined]);
    expect(outcomes[2].error).toContain('Unknown parameter in input: "RetainAllVariantProperties"');
    expect(outcomes[3].error).toBeUndefined();
    expect(outcomes[4].error).toBeUndefined();
    // The judge can fail: an entry without its type does not pass.
    expect(outcomes[5].error).toContain('Missing required parameter in ExcludeRetainedVariantProperties[0]: "VariantPropertyType"');
  });

  test('the judge can fail: a deployment without the wait interval SageMaker requires, or an unknown model, is rejected', () => {
    // GIVEN
    const { stack } = newStack();
    const config = new EndpointConfig(stack, 'Config', { instanceProductionVariants: [{ variantName: 'main', model: newModel(stack) }] });
    new Endpoint(stack, 'Endpoint', {
      endpointConfig: config,
      endpointName: 'judged',
      deploymentConfig: DeploymentConfig.allAtOnce({ autoRollback: { alarms: [cloudwatch.Alarm.fromAlarmName(stack, 'Alarm', 'my-alarm')] } }),
    });
    const [createModel, createConfig, createEndpoint] = apiCalls(stack, 'judge');
    const withoutWait = JSON.parse(JSON.stringify(createEndpoint.params));
    delete withoutWait.DeploymentConfig.BlueGreenUpdatePolicy.TrafficRoutingConfiguration.WaitIntervalInSeconds;

    // WHEN
    const outcomes = send([
      { op: 'create_endpoint_config', params: { ...createConfig.params, EndpointConfigName: 'no-model-yet' } },
      createModel,
      createConfig,
      { op: 'create_endpoint', params: withoutWait },
      createEndpoint,
    ]);

    // THEN
    expect(outcomes[0].error).toContain('Could not find model');
    expect(outcomes[1].error).toBeUndefined();
    expect(outcomes[2].error).toBeUndefined();
    expect(outcomes[3].error).toContain('Missing required parameter in DeploymentConfig.BlueGreenUpdatePolicy.TrafficRoutingConfiguration: "WaitIntervalInSeconds"');
    expect(outcomes[4].error).toBeUndefined();
  });
});
