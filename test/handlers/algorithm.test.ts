import * as path from 'path';
import {
  CreateAlgorithmCommand,
  CreateModelPackageGroupCommand,
  DeleteAlgorithmCommand,
  DescribeAlgorithmCommand,
  DescribeModelPackageGroupCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { ACCOUNT, FakeSageMaker, REGION } from './fake-sagemaker';
import { MotoServer, startMoto } from './moto';
import { validateRequest } from './sagemaker-model';
import { AlgorithmHandlers, createAlgorithmHandlers } from '../../src/handlers/algorithm';
import { CustomResourceEvent, IsCompleteEvent } from '../../src/handlers/shared/custom-resource';

const SERVICE_TOKEN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:provider`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/validation`;
const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/algo:1`;

/** What CloudFormation sends: every scalar, at any depth, as a string. */
function asCloudFormationSends(value: unknown): any {
  if (Array.isArray(value)) {
    return value.map(asCloudFormationSends);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, asCloudFormationSends(v)]));
  }
  return String(value);
}

/** CreateAlgorithm's input (plus Tags) for an algorithm named `name`, with every kind of member. */
function algorithmProperties(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ServiceToken: SERVICE_TOKEN,
    AlgorithmName: name,
    AlgorithmDescription: 'Gradient boosting',
    CertifyForMarketplace: false,
    TrainingSpecification: {
      TrainingImage: IMAGE,
      SupportedTrainingInstanceTypes: ['ml.m5.xlarge', 'ml.m5.2xlarge'],
      SupportsDistributedTraining: true,
      TrainingChannels: [{
        Name: 'train',
        IsRequired: true,
        SupportedContentTypes: ['text/csv'],
        SupportedCompressionTypes: ['None', 'Gzip'],
        SupportedInputModes: ['File', 'Pipe'],
      }],
      SupportedHyperParameters: [
        { Name: 'num_round', Type: 'Integer', IsRequired: true, IsTunable: true, Range: { IntegerParameterRangeSpecification: { MinValue: '1', MaxValue: '1000' } } },
        { Name: 'eta', Type: 'Continuous', IsTunable: true, DefaultValue: '0.3', Range: { ContinuousParameterRangeSpecification: { MinValue: '0', MaxValue: '1' } } },
      ],
      MetricDefinitions: [{ Name: 'validation:rmse', Regex: 'rmse=([0-9.]+)' }],
      SupportedTuningJobObjectiveMetrics: [{ Type: 'Minimize', MetricName: 'validation:rmse' }],
    },
    InferenceSpecification: {
      Containers: [{ Image: IMAGE, Environment: { LOG_LEVEL: 'true', THREADS: '4' }, IsCheckpoint: false }],
      SupportedContentTypes: ['text/csv'],
      SupportedResponseMIMETypes: ['text/csv'],
      SupportedTransformInstanceTypes: ['ml.m5.xlarge'],
    },
    ValidationSpecification: {
      ValidationRole: ROLE_ARN,
      ValidationProfiles: [{
        ProfileName: 'smoke',
        TrainingJobDefinition: {
          TrainingInputMode: 'File',
          HyperParameters: { num_round: '10' },
          InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train/' } } }],
          OutputDataConfig: { S3OutputPath: 's3://bucket/output/' },
          ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
        TransformJobDefinition: {
          TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/batch/' } } },
          TransformOutput: { S3OutputPath: 's3://bucket/batch-output/' },
          TransformResources: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1 },
          MaxConcurrentTransforms: 2,
          MaxPayloadInMB: 6,
        },
      }],
    },
    Tags: [{ Key: 'team', Value: 'ml' }],
    ...overrides,
  };
}

function event(requestType: 'Create' | 'Update' | 'Delete', properties: Record<string, unknown>, extra: Partial<CustomResourceEvent> = {}): CustomResourceEvent {
  return {
    RequestType: requestType,
    RequestId: 'c0ffee00-0000-4000-8000-000000000000',
    StackId: `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/Stack/1`,
    LogicalResourceId: 'Algorithm',
    ResourceType: 'Custom::SageMakerAlgorithm',
    ResourceProperties: asCloudFormationSends(properties),
    ...extra,
  };
}

/** The request `isComplete` gets: the request plus what `onEvent` returned. */
function completeEvent(request: CustomResourceEvent, response: { PhysicalResourceId?: string; Data?: Record<string, any> }): IsCompleteEvent {
  return { ...request, PhysicalResourceId: response.PhysicalResourceId!, Data: response.Data };
}

/** Calls isComplete until it reports completion (at most `limit` times). */
async function waitUntilComplete(handlers: AlgorithmHandlers, e: IsCompleteEvent, limit = 10) {
  for (let i = 1; i <= limit; i++) {
    const result = await handlers.isComplete(e);
    if (result.IsComplete) {
      return { result, polls: i };
    }
  }
  throw new Error(`not complete after ${limit} polls`);
}

describe('the SageMaker emulator (moto server)', () => {
  let moto: MotoServer;
  let client: SageMakerClient;

  beforeAll(async () => {
    moto = await startMoto();
    client = new SageMakerClient({
      endpoint: moto.endpoint,
      region: REGION,
      credentials: { accessKeyId: 'fake', secretAccessKey: 'fake' },
      maxAttempts: 1,
    });
  }, 60_000);

  afterAll(async () => {
    client?.destroy();
    await moto?.stop();
  });

  test('serves the SageMaker API on 127.0.0.1 (a model package group round trip)', async () => {
    // WHEN
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'emulated' }));
    const group = await client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'emulated' }));

    // THEN
    expect(group.ModelPackageGroupName).toEqual('emulated');
    expect(group.ModelPackageGroupArn).toMatch(/:model-package-group\/emulated$/);
  });

  test('does not implement the algorithm operations, so the handler is tested against FakeSageMaker', async () => {
    // If this fails, moto has learned the algorithm API: point the handler tests at moto instead.
    const calls = [
      () => client.send(new CreateAlgorithmCommand({
        AlgorithmName: 'emulated',
        TrainingSpecification: {
          TrainingImage: IMAGE,
          SupportedTrainingInstanceTypes: ['ml.m5.xlarge'],
          TrainingChannels: [{ Name: 'train', SupportedContentTypes: ['text/csv'], SupportedInputModes: ['File'] }],
        },
      })),
      () => client.send(new DescribeAlgorithmCommand({ AlgorithmName: 'emulated' })),
      () => client.send(new DeleteAlgorithmCommand({ AlgorithmName: 'emulated' })),
    ];
    for (const call of calls) {
      await expect(call()).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
    }
  });
});

describe('algorithm handler', () => {
  let fake: FakeSageMaker;
  let client: SageMakerClient;
  let logs: string[];
  let handlers: AlgorithmHandlers;

  beforeAll(async () => {
    fake = await FakeSageMaker.start();
    client = fake.client();
  });

  afterAll(async () => {
    client.destroy();
    await fake.stop();
  });

  beforeEach(() => {
    fake.reset();
    logs = [];
    handlers = createAlgorithmHandlers({
      client,
      retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} },
      log: (m) => logs.push(m),
    });
  });

  test('the test properties are a valid CreateAlgorithm request once coerced (checked against botocore\'s model)', () => {
    const { ServiceToken: _token, ...request } = algorithmProperties('algo');
    expect(validateRequest('CreateAlgorithm', request)).toEqual([]);
    // and the check catches what CloudFormation would send without coercion
    expect(validateRequest('CreateAlgorithm', asCloudFormationSends(request))).toEqual(expect.arrayContaining([
      'CreateAlgorithm.CertifyForMarketplace: expected a boolean (CertifyForMarketplace), got "false"',
      'CreateAlgorithm.TrainingSpecification.SupportsDistributedTraining: expected a boolean (Boolean), got "true"',
    ]));
  });

  describe('Create', () => {
    test('creates the algorithm with typed members, then waits until it is Completed', async () => {
      // GIVEN
      fake.script('algo', { statuses: ['Pending', 'InProgress', 'InProgress', 'Completed'] });
      const create = event('Create', algorithmProperties('algo'));

      // WHEN
      const response = await handlers.onEvent(create);
      const { result, polls } = await waitUntilComplete(handlers, completeEvent(create, response));

      // THEN
      const arn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:algorithm/algo`;
      expect(response).toEqual({ PhysicalResourceId: 'algo', Data: { AlgorithmArn: arn, AlgorithmName: 'algo' } });
      expect(result).toEqual({ IsComplete: true, Data: { AlgorithmArn: arn, AlgorithmName: 'algo' } });
      expect(polls).toBe(4);
      // Booleans and numbers are typed again (the fake rejects strings, as SageMaker does).
      const { ServiceToken: _token, ...expected } = algorithmProperties('algo');
      expect(fake.calls[0]).toEqual({ operation: 'CreateAlgorithm', input: expected });
      expect(fake.operations()).toEqual(['CreateAlgorithm', 'DescribeAlgorithm', 'DescribeAlgorithm', 'DescribeAlgorithm', 'DescribeAlgorithm']);
    });

    test('omits Tags when there are none', async () => {
      // WHEN
      await handlers.onEvent(event('Create', algorithmProperties('untagged', { Tags: undefined })));

      // THEN
      expect(fake.calls[0].input.Tags).toBeUndefined();
      expect(fake.algorithms.get('untagged')!.tags).toEqual([]);
    });

    test('fails with SageMaker\'s reasons when the algorithm fails validation or the image scan', async () => {
      // GIVEN
      fake.script('broken', {
        statuses: ['InProgress', 'Failed'],
        validationFailure: 'ClientError: training job failed: channel train is empty',
        imageScanFailure: 'image has critical vulnerabilities',
      });
      const create = event('Create', algorithmProperties('broken'));
      const response = await handlers.onEvent(create);
      expect(await handlers.isComplete(completeEvent(create, response))).toEqual({ IsComplete: false });

      // WHEN
      const second = handlers.isComplete(completeEvent(create, response));

      // THEN
      await expect(second).rejects.toThrow('Algorithm broken failed: validation of profile smoke: ClientError: training job failed: '
        + 'channel train is empty; image scan of broken: image has critical vulnerabilities');
    });

    test('says so when a failed algorithm has no failure details', async () => {
      // GIVEN
      fake.script('mystery', { statuses: ['Failed'] });
      const create = event('Create', algorithmProperties('mystery'));
      const response = await handlers.onEvent(create);

      // THEN
      await expect(handlers.isComplete(completeEvent(create, response)))
        .rejects.toThrow('Algorithm mystery failed: SageMaker gave no reason (AlgorithmStatusDetails lists no failure)');
    });

    test('a repeated Create finds the algorithm the first one created and waits for it (idempotent)', async () => {
      // GIVEN
      const create = event('Create', algorithmProperties('algo'));
      const first = await handlers.onEvent(create);

      // WHEN the same request arrives again (for example after a Lambda timeout)
      const second = await handlers.onEvent(create);
      const { result } = await waitUntilComplete(handlers, completeEvent(create, second));

      // THEN
      expect(second).toEqual(first);
      expect(result.IsComplete).toBe(true);
      expect(fake.algorithms.size).toBe(1);
      expect(fake.operations()).toEqual(['CreateAlgorithm', 'CreateAlgorithm', 'DescribeAlgorithm', 'DescribeAlgorithm']);
      expect(logs).toContain('CreateAlgorithm algo: the algorithm already exists (InProgress); waiting for it');
    });

    test('retries throttling with backoff: throttled once, then created', async () => {
      // GIVEN
      fake.failNext('CreateAlgorithm', { code: 'ThrottlingException', message: 'Rate exceeded' });

      // WHEN
      const response = await handlers.onEvent(event('Create', algorithmProperties('algo')));

      // THEN
      expect(response.PhysicalResourceId).toEqual('algo');
      expect(fake.operations()).toEqual(['CreateAlgorithm', 'CreateAlgorithm']);
      expect(logs[1]).toMatch(/^CreateAlgorithm algo: ThrottlingException \(Rate exceeded\); attempt 1 of 4, retrying in \d+ ms$/);
    });

    test('retries transient server errors while waiting', async () => {
      // GIVEN
      const create = event('Create', algorithmProperties('algo'));
      const response = await handlers.onEvent(create);
      fake.failNext('DescribeAlgorithm', { code: 'InternalFailure', message: 'try again', status: 500 }, 2);

      // WHEN
      const result = await handlers.isComplete(completeEvent(create, response));

      // THEN
      expect(result).toEqual({ IsComplete: false });
      expect(fake.operations()).toEqual(['CreateAlgorithm', 'DescribeAlgorithm', 'DescribeAlgorithm', 'DescribeAlgorithm']);
    });

    test('gives up after the last attempt when throttling persists', async () => {
      // GIVEN
      fake.failNext('CreateAlgorithm', { code: 'ThrottlingException', message: 'Rate exceeded' }, 4);

      // THEN
      await expect(handlers.onEvent(event('Create', algorithmProperties('algo')))).rejects.toThrow('Rate exceeded');
      expect(fake.operations()).toEqual(['CreateAlgorithm', 'CreateAlgorithm', 'CreateAlgorithm', 'CreateAlgorithm']);
    });

    test('reports errors that are not worth a retry at once', async () => {
      // GIVEN a request SageMaker rejects
      const create = event('Create', algorithmProperties('algo', { ValidationSpecification: { ValidationRole: 'not-a-role', ValidationProfiles: [] } }));

      // THEN
      await expect(handlers.onEvent(create)).rejects.toThrow(/ValidationRole: 'not-a-role' does not match/);
      expect(fake.operations()).toEqual(['CreateAlgorithm']);
    });

    test('fails on properties that are not what the construct renders', async () => {
      await expect(handlers.onEvent(event('Create', { ServiceToken: SERVICE_TOKEN }))).rejects.toThrow('The resource properties have no AlgorithmName');
      await expect(handlers.onEvent(event('Create', algorithmProperties('algo', { CertifyForMarketplace: 'maybe' }))))
        .rejects.toThrow("CertifyForMarketplace must be true or false, got 'maybe'");
      await expect(handlers.onEvent(event('Create', algorithmProperties('algo', {
        ValidationSpecification: { ValidationRole: ROLE_ARN, ValidationProfiles: [{ ProfileName: 'p', TransformJobDefinition: { MaxPayloadInMB: 'six' } }] },
      })))).rejects.toThrow("MaxPayloadInMB must be a number, got 'six'");
      expect(fake.calls).toEqual([]);
    });
  });

  describe('Update', () => {
    async function created(name: string, overrides: Record<string, unknown> = {}) {
      const properties = algorithmProperties(name, overrides);
      const create = event('Create', properties);
      await waitUntilComplete(handlers, completeEvent(create, await handlers.onEvent(create)));
      fake.calls.length = 0;
      return properties;
    }

    test('a changed definition under a new (generated) name creates the replacement; CloudFormation deletes the old one', async () => {
      // GIVEN
      const old = await created('algo-1111');

      // WHEN
      const update = event('Update', algorithmProperties('algo-2222', { AlgorithmDescription: 'Better boosting' }), {
        PhysicalResourceId: 'algo-1111',
        OldResourceProperties: asCloudFormationSends(old),
      });
      const response = await handlers.onEvent(update);
      const { result } = await waitUntilComplete(handlers, completeEvent(update, response));

      // THEN
      expect(response.PhysicalResourceId).toEqual('algo-2222');
      expect(result.Data).toEqual({ AlgorithmArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:algorithm/algo-2222`, AlgorithmName: 'algo-2222' });
      expect([...fake.algorithms.keys()]).toEqual(['algo-1111', 'algo-2222']);
      expect(fake.algorithms.get('algo-2222')!.request.AlgorithmDescription).toEqual('Better boosting');
      expect(fake.operations()).not.toContain('DeleteAlgorithm');
    });

    test('a change of tags only is made in place (AddTags, DeleteTags)', async () => {
      // GIVEN
      const old = await created('algo', { Tags: [{ Key: 'team', Value: 'ml' }, { Key: 'stage', Value: 'dev' }] });

      // WHEN
      const update = event('Update', algorithmProperties('algo', { Tags: [{ Key: 'team', Value: 'research' }, { Key: 'cost-center', Value: '42' }] }), {
        PhysicalResourceId: 'algo',
        OldResourceProperties: asCloudFormationSends(old),
      });
      const response = await handlers.onEvent(update);

      // THEN
      const arn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:algorithm/algo`;
      expect(response).toEqual({ PhysicalResourceId: 'algo', Data: { AlgorithmArn: arn, AlgorithmName: 'algo' } });
      expect(fake.calls).toEqual([
        { operation: 'DescribeAlgorithm', input: { AlgorithmName: 'algo' } },
        { operation: 'DeleteTags', input: { ResourceArn: arn, TagKeys: ['stage'] } },
        { operation: 'AddTags', input: { ResourceArn: arn, Tags: [{ Key: 'team', Value: 'research' }, { Key: 'cost-center', Value: '42' }] } },
      ]);
      expect(fake.algorithms.get('algo')!.tags).toEqual([{ Key: 'team', Value: 'research' }, { Key: 'cost-center', Value: '42' }]);
      expect(await handlers.isComplete(completeEvent(update, response))).toEqual({ IsComplete: true, Data: response.Data });
    });

    test('an unchanged definition with unchanged tags calls nothing but DescribeAlgorithm', async () => {
      // GIVEN
      const old = await created('algo');

      // WHEN (for example, only the provider's service token changed)
      const response = await handlers.onEvent(event('Update', { ...old, ServiceToken: `${SERVICE_TOKEN}-2` }, {
        PhysicalResourceId: 'algo',
        OldResourceProperties: asCloudFormationSends(old),
      }));

      // THEN
      expect(response.PhysicalResourceId).toEqual('algo');
      expect(fake.operations()).toEqual(['DescribeAlgorithm']);
    });

    test('fails clearly when a fixed name would have to be replaced in place', async () => {
      // GIVEN
      const old = await created('fixed');

      // WHEN
      const update = event('Update', algorithmProperties('fixed', { AlgorithmDescription: 'changed' }), {
        PhysicalResourceId: 'fixed',
        OldResourceProperties: asCloudFormationSends(old),
      });

      // THEN
      await expect(handlers.onEvent(update)).rejects.toThrow('Algorithm fixed cannot be changed in place: SageMaker has no '
        + 'UpdateAlgorithm, so every change replaces the algorithm, and the replacement needs another name. Leave algorithmName '
        + 'out to get a generated name that changes with the properties, or give a new algorithmName with the change.');
      expect(fake.operations()).toEqual(['DescribeAlgorithm']);
    });

    test('the rollback of that failed change succeeds: the algorithm already has the old definition', async () => {
      // GIVEN
      const old = await created('fixed');
      const failed = algorithmProperties('fixed', { AlgorithmDescription: 'changed' });

      // WHEN CloudFormation rolls back with old and new properties swapped
      const response = await handlers.onEvent(event('Update', old, {
        PhysicalResourceId: 'fixed',
        OldResourceProperties: asCloudFormationSends(failed),
      }));

      // THEN
      expect(response.PhysicalResourceId).toEqual('fixed');
      expect(logs).toContain('Update fixed: the algorithm already has the requested definition');
    });

    test('fails when the algorithm was deleted outside CloudFormation', async () => {
      const old = algorithmProperties('gone');
      await expect(handlers.onEvent(event('Update', old, { PhysicalResourceId: 'gone', OldResourceProperties: asCloudFormationSends(old) })))
        .rejects.toThrow('Algorithm gone does not exist: it was deleted outside CloudFormation');
    });
  });

  describe('Delete', () => {
    test('deletes the algorithm and waits until it is gone', async () => {
      // GIVEN
      const create = event('Create', algorithmProperties('algo'));
      await waitUntilComplete(handlers, completeEvent(create, await handlers.onEvent(create)));
      fake.script('algo', { statuses: ['Completed'], deletingDescribes: 2 });
      fake.calls.length = 0;

      // WHEN
      const remove = event('Delete', algorithmProperties('algo'), { PhysicalResourceId: 'algo' });
      const response = await handlers.onEvent(remove);
      const { polls } = await waitUntilComplete(handlers, completeEvent(remove, response));

      // THEN
      expect(response).toEqual({ PhysicalResourceId: 'algo' });
      expect(fake.algorithms.has('algo')).toBe(false);
      expect(fake.calls[0]).toEqual({ operation: 'DeleteAlgorithm', input: { AlgorithmName: 'algo' } });
      expect(polls).toBe(2);
    });

    test('succeeds when the algorithm does not exist', async () => {
      // WHEN
      const remove = event('Delete', algorithmProperties('never-created'), { PhysicalResourceId: 'never-created' });
      const response = await handlers.onEvent(remove);
      const result = await handlers.isComplete(completeEvent(remove, response));

      // THEN
      expect(response).toEqual({ PhysicalResourceId: 'never-created' });
      expect(result).toEqual({ IsComplete: true });
      expect(fake.operations()).toEqual(['DeleteAlgorithm', 'DescribeAlgorithm']);
      expect(logs).toContain('DeleteAlgorithm never-created: it does not exist; nothing to delete');
    });

    test('calls nothing for an id that is no algorithm name (left by a failed Create)', async () => {
      // WHEN
      const remove = event('Delete', algorithmProperties('algo'), { PhysicalResourceId: '2026/11/27/[$LATEST]0123456789abcdef' });
      const response = await handlers.onEvent(remove);
      const result = await handlers.isComplete(completeEvent(remove, response));

      // THEN
      expect(result).toEqual({ IsComplete: true });
      expect(fake.calls).toEqual([]);
    });

    test('tries again while SageMaker refuses with a conflict (for example during validation)', async () => {
      // GIVEN
      fake.script('busy', { statuses: ['Completed'], deleteConflicts: 1 });
      const create = event('Create', algorithmProperties('busy'));
      await handlers.onEvent(create);
      fake.calls.length = 0;

      // WHEN
      const remove = event('Delete', algorithmProperties('busy'), { PhysicalResourceId: 'busy' });
      const response = await handlers.onEvent(remove);
      const { polls } = await waitUntilComplete(handlers, completeEvent(remove, response));

      // THEN
      expect(fake.operations()).toEqual(['DeleteAlgorithm', 'DescribeAlgorithm', 'DeleteAlgorithm', 'DescribeAlgorithm', 'DescribeAlgorithm']);
      expect(polls).toBe(3);
      expect(fake.algorithms.has('busy')).toBe(false);
    });
  });

  test('isComplete fails when the algorithm disappears or is being deleted while created', async () => {
    // GIVEN
    const create = event('Create', algorithmProperties('algo'));
    const response = await handlers.onEvent(create);
    await client.send(new DeleteAlgorithmCommand({ AlgorithmName: 'algo' }));

    // THEN
    await expect(handlers.isComplete(completeEvent(create, response))).rejects.toThrow('Algorithm algo is being deleted');
    await expect(handlers.isComplete(completeEvent(create, response)))
      .rejects.toThrow('Algorithm algo does not exist: it was deleted while CloudFormation waited for it');
  });
});

describe('the shipped bundle (assets/handlers/algorithm/index/index.js)', () => {
  let fake: FakeSageMaker;
  const saved = { ...process.env };

  beforeAll(async () => {
    fake = await FakeSageMaker.start();
    Object.assign(process.env, {
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: 'fake',
      AWS_SECRET_ACCESS_KEY: 'fake',
      AWS_ENDPOINT_URL_SAGEMAKER: fake.endpoint,
    });
  });

  afterAll(async () => {
    process.env = saved;
    await fake.stop();
  });

  test('leaves the AWS SDK out (the Lambda runtime provides it)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('fs') as typeof import('fs');
    const source = fs.readFileSync(path.join(__dirname, '..', '..', 'assets', 'handlers', 'algorithm', 'index', 'index.js'), 'utf8');
    expect(source).toContain('require("@aws-sdk/client-sagemaker")');
    expect(source).not.toMatch(/@smithy\/|class SageMakerClient/);
  });

  test('runs a Create to completion with its default client (region and endpoint from the environment)', async () => {
    // GIVEN
    const log = jest.spyOn(console, 'log').mockImplementation(() => {});
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundle = require(path.join(__dirname, '..', '..', 'assets', 'handlers', 'algorithm', 'index', 'index.js'));
    const create = event('Create', algorithmProperties('bundled'));

    // WHEN
    const response = await bundle.onEvent(create);
    let result = await bundle.isComplete(completeEvent(create, response));
    result = result.IsComplete ? result : await bundle.isComplete(completeEvent(create, response));

    // THEN
    expect(response.PhysicalResourceId).toEqual('bundled');
    expect(result).toEqual({ IsComplete: true, Data: { AlgorithmArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:algorithm/bundled`, AlgorithmName: 'bundled' } });
    expect(log).toHaveBeenCalledWith('Algorithm bundled is Completed');
    log.mockRestore();
  });
});
