import * as path from 'path';
import {
  CreateAlgorithmCommand,
  CreateModelPackageGroupCommand,
  DeleteAlgorithmCommand,
  DescribeAlgorithmCommand,
  DescribeModelPackageGroupCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { MOTO_ACCOUNT, REGION } from '../constants';
import { FakeSageMaker } from './fake-sagemaker';
import { FAST_CALLS, invocation, runToEnd } from './harness';
import { MotoServer, startMoto } from './moto';
import { validateRequest } from './sagemaker-model';
import { OWNER_TAG, createAlgorithmHandler, ownerOf } from '../../src/handlers/algorithm';
import { Continue, CustomResourceEvent, HandlerResult, ResourceError } from '../../src/handlers/shared/handler';

const SERVICE_TOKEN = `arn:aws:lambda:${REGION}:${MOTO_ACCOUNT}:function:provider`;
const ROLE_ARN = `arn:aws:iam::${MOTO_ACCOUNT}:role/validation`;
const IMAGE = `${MOTO_ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/algo:1`;

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
    StackId: `arn:aws:cloudformation:${REGION}:${MOTO_ACCOUNT}:stack/Stack/1`,
    LogicalResourceId: 'Algorithm',
    ResourceType: 'Custom::SageMakerAlgorithm',
    ResourceProperties: asCloudFormationSends(properties),
    ...extra,
  };
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
  let handle: ReturnType<typeof createAlgorithmHandler>;

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
    handle = createAlgorithmHandler({ client, calls: FAST_CALLS, pollIntervalMs: 0, minStepMs: 0 });
  });

  /** Runs the request through its continuations. */
  async function run(e: CustomResourceEvent): Promise<HandlerResult> {
    return (await runToEnd(handle, e, { logs })).result;
  }

  const ARN = (name: string) => `arn:aws:sagemaker:${REGION}:${MOTO_ACCOUNT}:algorithm/${name}`;
  const owner = (e: CustomResourceEvent) => ({ Key: OWNER_TAG, Value: ownerOf(e) });

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
    test('creates the algorithm with typed members and the owner tag, then waits until it is Completed', async () => {
      // GIVEN
      fake.script('algo', { statuses: ['Pending', 'InProgress', 'InProgress', 'Completed'] });
      const create = event('Create', algorithmProperties('algo'));

      // WHEN
      const result = await run(create);

      // THEN
      expect(result).toEqual({ PhysicalResourceId: 'algo', Data: { AlgorithmArn: ARN('algo'), AlgorithmName: 'algo' } });
      // Booleans and numbers are typed again (the fake rejects strings, as SageMaker does).
      const { ServiceToken: _token, Tags, ...expected } = algorithmProperties('algo');
      expect(fake.calls[0]).toEqual({ operation: 'CreateAlgorithm', input: { ...expected, Tags: [...(Tags as any[]), owner(create)] } });
      expect(fake.operations()).toEqual(['CreateAlgorithm', 'DescribeAlgorithm', 'DescribeAlgorithm', 'DescribeAlgorithm', 'DescribeAlgorithm']);
    });

    test('waits over several invocations when the time of one runs out', async () => {
      // GIVEN a wait step needs more time than an invocation has left after 3 polls
      fake.script('slow', { statuses: ['InProgress', 'InProgress', 'InProgress', 'InProgress', 'Completed'] });
      const slow = createAlgorithmHandler({ client, calls: FAST_CALLS, pollIntervalMs: 1, minStepMs: 10_000 });
      const create = event('Create', algorithmProperties('slow'));

      // WHEN the first invocation has no time for a wait step
      const first = await slow(create, invocation({ budgetMs: 5_000 }));

      // THEN it continues, with the algorithm name as the id to fail with (so a rollback deletes it)
      expect(first).toBeInstanceOf(Continue);
      expect(first).toMatchObject({ state: { phase: 'wait', name: 'slow' }, physicalResourceId: 'slow' });
      const next = await handle(create, invocation({ state: (first as Continue).state }));
      expect(next).toEqual({ PhysicalResourceId: 'slow', Data: { AlgorithmArn: ARN('slow'), AlgorithmName: 'slow' } });
      expect(fake.operations().filter((o) => o === 'CreateAlgorithm')).toHaveLength(1);
    });

    test('without tags, only the owner tag is sent', async () => {
      const create = event('Create', algorithmProperties('untagged', { Tags: undefined }));
      await run(create);
      expect(fake.calls[0].input.Tags).toEqual([owner(create)]);
    });

    test('fails with SageMaker\'s reasons when the algorithm fails validation or the image scan, keeping its name as the id', async () => {
      // GIVEN
      fake.script('broken', {
        statuses: ['InProgress', 'Failed'],
        validationFailure: 'ClientError: training job failed: channel train is empty',
        imageScanFailure: 'image has critical vulnerabilities',
      });

      // WHEN
      const failure = run(event('Create', algorithmProperties('broken')));

      // THEN
      await expect(failure).rejects.toThrow(new ResourceError('Algorithm broken failed (DescribeAlgorithm): validation of profile smoke: '
        + 'ClientError: training job failed: channel train is empty; image scan of broken: image has critical vulnerabilities', 'broken'));
      await expect(failure).rejects.toMatchObject({ physicalResourceId: 'broken' });
    });

    test('says so when a failed algorithm has no failure details', async () => {
      fake.script('mystery', { statuses: ['Failed'] });
      await expect(run(event('Create', algorithmProperties('mystery'))))
        .rejects.toThrow('Algorithm mystery failed (DescribeAlgorithm): SageMaker gave no reason (AlgorithmStatusDetails lists no failure)');
    });

    test('a repeated Create adopts the algorithm the first one created (same definition) and waits for it', async () => {
      // GIVEN
      const create = event('Create', algorithmProperties('algo'));
      const first = await run(create);
      fake.calls.length = 0;

      // WHEN the same request arrives again (for example after a Lambda timeout)
      const second = await run(create);

      // THEN
      expect(second).toEqual(first);
      expect(fake.algorithms.size).toBe(1);
      expect(fake.operations()).toEqual(['CreateAlgorithm', 'DescribeAlgorithm', 'AddTags', 'DescribeAlgorithm']);
      expect(logs).toContain('CreateAlgorithm algo: an algorithm of this name and definition exists (Completed); adopting it');
    });

    test('an existing algorithm with another definition is not adopted: Create fails naming it and the difference', async () => {
      // GIVEN someone else's algorithm of the same name
      await fake.client().send(new CreateAlgorithmCommand({
        AlgorithmName: 'taken',
        AlgorithmDescription: 'Someone else\'s',
        TrainingSpecification: { TrainingImage: IMAGE, SupportedTrainingInstanceTypes: ['ml.m5.xlarge'], TrainingChannels: [{ Name: 'train', SupportedContentTypes: ['text/csv'], SupportedInputModes: ['File'] }] },
      }));
      fake.calls.length = 0;

      // WHEN
      const failure = run(event('Create', algorithmProperties('taken')));

      // THEN
      await expect(failure).rejects.toThrow('Algorithm taken already exists (CreateAlgorithm) with another definition, so this stack does '
        + 'not adopt it: AlgorithmDescription is "Someone else\'s", the request has "Gradient boosting". Give another algorithmName, or '
        + 'leave it out to get a generated one');
      await expect(failure).rejects.not.toBeInstanceOf(ResourceError);
      expect(fake.operations()).toEqual(['CreateAlgorithm', 'DescribeAlgorithm']);
      expect(fake.algorithms.get('taken')!.tags).toEqual([]);
    });

    test('retries throttling with backoff: throttled once, then created', async () => {
      fake.failNext('CreateAlgorithm', { code: 'ThrottlingException', message: 'Rate exceeded' });

      const result = await run(event('Create', algorithmProperties('algo')));

      expect(result.PhysicalResourceId).toEqual('algo');
      expect(fake.operations().slice(0, 2)).toEqual(['CreateAlgorithm', 'CreateAlgorithm']);
      expect(logs).toContainEqual(expect.stringMatching(/^CreateAlgorithm algo: ThrottlingException: Rate exceeded; attempt 1 of 4, retrying in \d+ ms$/));
    });

    test('retries transient server errors while waiting', async () => {
      fake.script('algo', { statuses: ['Completed'] });
      fake.failNext('DescribeAlgorithm', { code: 'InternalFailure', message: 'try again', status: 500 }, 2);

      const result = await run(event('Create', algorithmProperties('algo')));

      expect(result.PhysicalResourceId).toEqual('algo');
      expect(fake.operations()).toEqual(['CreateAlgorithm', 'DescribeAlgorithm', 'DescribeAlgorithm', 'DescribeAlgorithm']);
    });

    test('gives up after the last attempt when throttling persists, naming the call and the algorithm', async () => {
      fake.failNext('CreateAlgorithm', { code: 'ThrottlingException', message: 'Rate exceeded' }, 4);

      await expect(run(event('Create', algorithmProperties('algo'))))
        .rejects.toThrow('CreateAlgorithm algo failed after 4 attempts: ThrottlingException: Rate exceeded');
      expect(fake.operations()).toEqual(['CreateAlgorithm', 'CreateAlgorithm', 'CreateAlgorithm', 'CreateAlgorithm']);
    });

    test('reports errors that are not worth a retry at once', async () => {
      const create = event('Create', algorithmProperties('algo', { ValidationSpecification: { ValidationRole: 'not-a-role', ValidationProfiles: [] } }));

      await expect(run(create)).rejects.toThrow(/^CreateAlgorithm algo failed: ValidationException: .*ValidationRole: 'not-a-role' does not match/);
      expect(fake.operations()).toEqual(['CreateAlgorithm']);
    });

    test('fails on properties that are not what the construct renders', async () => {
      await expect(run(event('Create', { ServiceToken: SERVICE_TOKEN }))).rejects.toThrow('The resource properties have no AlgorithmName');
      await expect(run(event('Create', algorithmProperties('algo', { CertifyForMarketplace: 'maybe' }))))
        .rejects.toThrow("CertifyForMarketplace must be true or false, got 'maybe'");
      await expect(run(event('Create', algorithmProperties('algo', {
        ValidationSpecification: { ValidationRole: ROLE_ARN, ValidationProfiles: [{ ProfileName: 'p', TransformJobDefinition: { MaxPayloadInMB: 'six' } }] },
      })))).rejects.toThrow("MaxPayloadInMB must be a number, got 'six'");
      expect(fake.calls).toEqual([]);
    });
  });

  describe('Update', () => {
    async function created(name: string, overrides: Record<string, unknown> = {}) {
      const properties = algorithmProperties(name, overrides);
      await run(event('Create', properties));
      fake.calls.length = 0;
      return properties;
    }

    test('a changed definition under a new (generated) name creates the replacement; CloudFormation deletes the old one', async () => {
      // GIVEN
      const old = await created('algo-1111');

      // WHEN
      const result = await run(event('Update', algorithmProperties('algo-2222', { AlgorithmDescription: 'Better boosting' }), {
        PhysicalResourceId: 'algo-1111',
        OldResourceProperties: asCloudFormationSends(old),
      }));

      // THEN
      expect(result).toEqual({ PhysicalResourceId: 'algo-2222', Data: { AlgorithmArn: ARN('algo-2222'), AlgorithmName: 'algo-2222' } });
      expect([...fake.algorithms.keys()]).toEqual(['algo-1111', 'algo-2222']);
      expect(fake.algorithms.get('algo-2222')!.request.AlgorithmDescription).toEqual('Better boosting');
      expect(fake.operations()).not.toContain('DeleteAlgorithm');
    });

    test('a change of tags only is made in place (AddTags, DeleteTags), keeping the owner tag', async () => {
      // GIVEN
      const old = await created('algo', { Tags: [{ Key: 'team', Value: 'ml' }, { Key: 'stage', Value: 'dev' }] });

      // WHEN
      const update = event('Update', algorithmProperties('algo', { Tags: [{ Key: 'team', Value: 'research' }, { Key: 'cost-center', Value: '42' }] }), {
        PhysicalResourceId: 'algo',
        OldResourceProperties: asCloudFormationSends(old),
      });
      const result = await run(update);

      // THEN
      expect(result).toEqual({ PhysicalResourceId: 'algo', Data: { AlgorithmArn: ARN('algo'), AlgorithmName: 'algo' } });
      expect(fake.calls).toEqual([
        { operation: 'DescribeAlgorithm', input: { AlgorithmName: 'algo' } },
        { operation: 'DeleteTags', input: { ResourceArn: ARN('algo'), TagKeys: ['stage'] } },
        { operation: 'AddTags', input: { ResourceArn: ARN('algo'), Tags: [{ Key: 'team', Value: 'research' }, { Key: 'cost-center', Value: '42' }] } },
      ]);
      expect(fake.algorithms.get('algo')!.tags).toEqual([owner(update), { Key: 'team', Value: 'research' }, { Key: 'cost-center', Value: '42' }]);
    });

    test('an unchanged definition with unchanged tags calls nothing but DescribeAlgorithm', async () => {
      const old = await created('algo');

      const result = await run(event('Update', { ...old, ServiceToken: `${SERVICE_TOKEN}-2` }, {
        PhysicalResourceId: 'algo',
        OldResourceProperties: asCloudFormationSends(old),
      }));

      expect(result.PhysicalResourceId).toEqual('algo');
      expect(fake.operations()).toEqual(['DescribeAlgorithm']);
    });

    test('fails clearly when a fixed name would have to be replaced in place', async () => {
      const old = await created('fixed');

      const update = event('Update', algorithmProperties('fixed', { AlgorithmDescription: 'changed' }), {
        PhysicalResourceId: 'fixed',
        OldResourceProperties: asCloudFormationSends(old),
      });

      await expect(run(update)).rejects.toThrow('Algorithm fixed cannot be changed in place (AlgorithmDescription is "Gradient boosting", '
        + 'the request has "changed"): SageMaker has no UpdateAlgorithm, so every change replaces the algorithm, and the replacement '
        + 'needs another name. Leave algorithmName out to get a generated name that changes with the properties, or give a new '
        + 'algorithmName with the change.');
      expect(fake.operations()).toEqual(['DescribeAlgorithm']);
    });

    test('the rollback of that failed change succeeds: the algorithm already has the old definition', async () => {
      const old = await created('fixed');
      const failed = algorithmProperties('fixed', { AlgorithmDescription: 'changed' });

      const result = await run(event('Update', old, { PhysicalResourceId: 'fixed', OldResourceProperties: asCloudFormationSends(failed) }));

      expect(result.PhysicalResourceId).toEqual('fixed');
      expect(logs).toContain('Update fixed: the algorithm already has the requested definition');
    });

    test('fails when the algorithm was deleted outside CloudFormation', async () => {
      const old = algorithmProperties('gone');
      await expect(run(event('Update', old, { PhysicalResourceId: 'gone', OldResourceProperties: asCloudFormationSends(old) })))
        .rejects.toThrow('Algorithm gone (DescribeAlgorithm) does not exist: it was deleted outside CloudFormation');
    });
  });

  describe('Delete', () => {
    test('deletes an algorithm it owns and waits until it is gone', async () => {
      // GIVEN
      const create = event('Create', algorithmProperties('algo'));
      fake.script('algo', { statuses: ['Completed'], deletingDescribes: 2 });
      await run(create);
      fake.calls.length = 0;

      // WHEN
      const result = await run(event('Delete', algorithmProperties('algo'), { PhysicalResourceId: 'algo' }));

      // THEN
      expect(result).toEqual({ PhysicalResourceId: 'algo' });
      expect(fake.algorithms.has('algo')).toBe(false);
      expect(fake.operations()).toEqual(['DescribeAlgorithm', 'ListTags', 'DeleteAlgorithm', 'DescribeAlgorithm', 'DescribeAlgorithm', 'DescribeAlgorithm']);
    });

    test('keeps an algorithm it does not own (no owner tag, or another resource\'s)', async () => {
      // GIVEN an algorithm created outside this resource, and one owned by another stack
      await fake.client().send(new CreateAlgorithmCommand({
        AlgorithmName: 'foreign',
        TrainingSpecification: { TrainingImage: IMAGE, SupportedTrainingInstanceTypes: ['ml.m5.xlarge'], TrainingChannels: [{ Name: 'train', SupportedContentTypes: ['text/csv'], SupportedInputModes: ['File'] }] },
      }));
      await run(event('Create', algorithmProperties('other'), { StackId: `arn:aws:cloudformation:${REGION}:${MOTO_ACCOUNT}:stack/Other/2` }));

      // WHEN
      await run(event('Delete', algorithmProperties('foreign'), { PhysicalResourceId: 'foreign' }));
      await run(event('Delete', algorithmProperties('other'), { PhysicalResourceId: 'other' }));

      // THEN
      expect(fake.operations()).not.toContain('DeleteAlgorithm');
      expect([...fake.algorithms.keys()]).toEqual(['foreign', 'other']);
      expect(logs).toContain(`Algorithm foreign is not owned by this resource (tag ${OWNER_TAG} is absent): keeping it`);
    });

    test('succeeds when the algorithm does not exist', async () => {
      const result = await run(event('Delete', algorithmProperties('never-created'), { PhysicalResourceId: 'never-created' }));
      expect(result).toEqual({ PhysicalResourceId: 'never-created' });
      expect(fake.operations()).toEqual(['DescribeAlgorithm']);
    });

    test('calls nothing for the id of a failed Create', async () => {
      await run(event('Delete', algorithmProperties('algo'), { PhysicalResourceId: 'Algorithm-not-created' }));
      await run(event('Delete', algorithmProperties('algo'), { PhysicalResourceId: '2026/11/27/[$LATEST]0123456789abcdef' }));
      expect(fake.calls).toEqual([]);
    });

    test('tries again while SageMaker refuses with a conflict (for example during validation)', async () => {
      // GIVEN
      fake.script('busy', { statuses: ['Completed'], deleteConflicts: 1 });
      await run(event('Create', algorithmProperties('busy')));
      fake.calls.length = 0;

      // WHEN
      await run(event('Delete', algorithmProperties('busy'), { PhysicalResourceId: 'busy' }));

      // THEN
      expect(fake.operations()).toEqual(['DescribeAlgorithm', 'ListTags', 'DeleteAlgorithm', 'DescribeAlgorithm', 'DeleteAlgorithm',
        'DescribeAlgorithm', 'DescribeAlgorithm']);
      expect(fake.algorithms.has('busy')).toBe(false);
    });
  });

  test('waiting fails when the algorithm disappears or is being deleted while created', async () => {
    fake.script('algo', { statuses: ['InProgress'] });
    const create = event('Create', algorithmProperties('algo'));
    const waiting = createAlgorithmHandler({ client, calls: FAST_CALLS, pollIntervalMs: 1, minStepMs: 10_000 });
    const first = await waiting(create, invocation({ budgetMs: 5_000 }));
    await client.send(new DeleteAlgorithmCommand({ AlgorithmName: 'algo' }));

    await expect(handle(create, invocation({ state: (first as Continue).state }))).rejects.toThrow('Algorithm algo is being deleted (DescribeAlgorithm)');
    await expect(handle(create, invocation({ state: (first as Continue).state })))
      .rejects.toThrow('Algorithm algo (DescribeAlgorithm) does not exist: it was deleted while CloudFormation waited for it');
  });
});

describe('the shipped bundle (assets/handlers/algorithm/index/index.js)', () => {
  test('leaves the AWS SDK out (the Lambda runtime provides it)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('fs') as typeof import('fs');
    const source = fs.readFileSync(path.join(__dirname, '..', '..', 'assets', 'handlers', 'algorithm', 'index', 'index.js'), 'utf8');
    expect(source).toContain('require("@aws-sdk/client-sagemaker")');
    expect(source).not.toMatch(/@smithy\/|class SageMakerClient/);
  });
});
