/**
 * The lifecycle matrix and the fault matrix of the deploy-time handlers (docs/lifecycle.md).
 *
 * Every case replays the event sequence CloudFormation sends for one step of a stack's life against
 * the shipped bundle of a handler (assets/handlers/<kind>/index/index.js, run by LambdaHarness as
 * Lambda would, with its continuations) and the local SageMaker emulators: moto behind
 * RegistryEmulator for the registry handlers, FakeSageMaker for the algorithm handler. Each case
 * asserts the invariants, not only the outcome:
 *
 * - exactly one response per request, sent within the function's time, of at most 4,096 bytes;
 * - no invocation is cut off at its timeout;
 * - nothing is deleted unless the stack deletes the group or algorithm it owns, with the option on;
 * - every rollback Update succeeds;
 * - the physical id stays the same unless a replacement is intended.
 */
import {
  AddTagsCommand,
  CreateAlgorithmCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteTagsCommand,
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  ListModelPackagesCommand,
  SageMakerClient,
  UpdateModelPackageCommand,
} from '@aws-sdk/client-sagemaker';
import { MOTO_ACCOUNT, REGION, XGBOOST_IMAGE } from '../constants';
import { FakeSageMaker } from './fake-sagemaker';
import { LambdaHarness, RequestOutcome } from './lambda-harness';
import { RegistryEmulator } from './registry-emulator';

const MARKER = 'cdk-sagemaker-registry:auto-delete-model-packages';
const STACK_ID = `arn:aws:cloudformation:${REGION}:${MOTO_ACCOUNT}:stack/Lifecycle/0000`;
/** Lambda time per invocation: the functions' real timeouts are 2 minutes (lookup, approval) and 15 minutes. */
const SHORT = 20_000;
const LONG = 60_000;

let emulator: RegistryEmulator;
let fake: FakeSageMaker;
let harness: LambdaHarness;
let client: SageMakerClient;
const logs: string[] = [];
const savedEnv = { ...process.env };

// Handlers wait for real: polls start 1 s apart.
jest.setTimeout(60_000);

beforeAll(async () => {
  [emulator, fake, harness] = await Promise.all([RegistryEmulator.start(), FakeSageMaker.start(), LambdaHarness.start()]);
  client = emulator.client();
  Object.assign(process.env, {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'fake',
    AWS_SECRET_ACCESS_KEY: 'fake',
    AWS_ENDPOINT_URL_LAMBDA: harness.lambdaEndpoint,
  });
  jest.spyOn(console, 'log').mockImplementation((m) => { logs.push(String(m)); });
}, 60_000);

afterAll(async () => {
  process.env = savedEnv;
  client?.destroy();
  await Promise.all([emulator?.stop(), fake?.stop(), harness?.stop()]);
});

beforeEach(() => {
  logs.length = 0;
  emulator.clearFaults();
});

type Kind = 'latest-approved' | 'approval' | 'auto-delete' | 'algorithm';

const RESOURCE_TYPES: Record<Kind, string> = {
  'latest-approved': 'Custom::SageMakerLatestApprovedModelPackage',
  'approval': 'Custom::SageMakerModelPackageApproval',
  'auto-delete': 'Custom::SageMakerModelPackageGroupAutoDelete',
  'algorithm': 'Custom::SageMakerAlgorithm',
};

/** Sends one CloudFormation request to the bundle of `kind`. */
async function send(kind: Kind, request: {
  type: 'Create' | 'Update' | 'Delete';
  logicalId: string;
  properties: Record<string, any>;
  old?: Record<string, any>;
  physicalId?: string;
  timeoutMs?: number;
}): Promise<RequestOutcome> {
  // The bundles create their SageMaker client on first use, from the environment.
  process.env.AWS_ENDPOINT_URL_SAGEMAKER = kind === 'algorithm' ? fake.endpoint : emulator.endpoint;
  return harness.request(kind, {
    RequestType: request.type,
    StackId: STACK_ID,
    LogicalResourceId: request.logicalId,
    ResourceType: RESOURCE_TYPES[kind],
    PhysicalResourceId: request.physicalId,
    // CloudFormation sends the custom resource's own ServiceToken and ServiceTimeout with the properties.
    ResourceProperties: { ServiceToken: `arn:aws:lambda:${REGION}:${MOTO_ACCOUNT}:function:${kind}`, ServiceTimeout: '240', ...request.properties },
    OldResourceProperties: request.type === 'Update' ? { ServiceToken: `arn:aws:lambda:${REGION}:${MOTO_ACCOUNT}:function:${kind}`, ...request.old } : undefined,
  }, request.timeoutMs ?? SHORT);
}

/** The invariants of every request; returns its one response body. */
function answered(outcome: RequestOutcome): any {
  expect(outcome.responses).toHaveLength(1);
  expect(outcome.cutOff).toBe(0);
  const [response] = outcome.responses;
  expect(response.bytes).toBeLessThanOrEqual(4096);
  // Answered within the time of the invocation that answered.
  expect(response.afterMs).toBeLessThanOrEqual(outcome.invocations * outcome.timeoutMs);
  return response.body;
}

function succeeded(outcome: RequestOutcome): any {
  const body = answered(outcome);
  if (body.Status !== 'SUCCESS') {
    process.stderr.write(`UNEXPECTED ${JSON.stringify(body)}\n${logs.slice(-15).join('\n')}\n`);
  }
  expect(body).toMatchObject({ Status: 'SUCCESS' });
  return body;
}

function failed(outcome: RequestOutcome): any {
  const body = answered(outcome);
  expect(body).toMatchObject({ Status: 'FAILED' });
  return body;
}

/** Creates a group with versions of the given statuses; returns their ARNs. */
async function groupWith(name: string, statuses: string[], tags?: { Key: string; Value: string }[]): Promise<string[]> {
  await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: name, Tags: tags }));
  const arns: string[] = [];
  for (const status of statuses) {
    arns.push(await register(name, status));
  }
  return arns;
}

async function register(group: string, status = 'PendingManualApproval'): Promise<string> {
  const created = await client.send(new CreateModelPackageCommand({
    ModelPackageGroupName: group,
    ModelApprovalStatus: status as any,
    InferenceSpecification: { Containers: [{ Image: XGBOOST_IMAGE }], SupportedContentTypes: ['text/csv'], SupportedResponseMIMETypes: ['text/csv'] },
  }));
  return created.ModelPackageArn!;
}

async function versionCount(group: string): Promise<number> {
  let count = 0;
  let token: string | undefined;
  do {
    const page = await client.send(new ListModelPackagesCommand({ ModelPackageGroupName: group, MaxResults: 100, NextToken: token }));
    count += page.ModelPackageSummaryList!.length;
    token = page.NextToken;
  } while (token);
  return count;
}

async function statusOf(arn: string): Promise<string | undefined> {
  return (await client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }))).ModelApprovalStatus;
}

async function groupArn(name: string): Promise<string> {
  return (await client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: name }))).ModelPackageGroupArn!;
}

// -------------------------------------------------------------------------------------------------
// The lifecycle matrix

describe('lifecycle: latest approved version (Custom::SageMakerLatestApprovedModelPackage)', () => {
  const kind = 'latest-approved';
  let arns: string[];
  let other: string[];
  const props = (group: string, refresh: string) => ({ ModelPackageGroupName: group, Refresh: refresh });

  beforeAll(async () => {
    arns = await groupWith('lc-latest', ['Approved', 'PendingManualApproval']);
    other = await groupWith('lc-latest-other', ['Approved']);
  }, 60_000);

  test('Create finds the newest approved version', async () => {
    const body = succeeded(await send(kind, { type: 'Create', logicalId: 'Latest', properties: props('lc-latest', 't1') }));
    expect(body.PhysicalResourceId).toBe(arns[0]);
    expect(body.Data).toEqual({ ModelPackageArn: arns[0], ModelPackageVersion: '1', ModelPackageName: 'lc-latest/1' });
  });

  test('Update with equal properties keeps the physical id', async () => {
    const body = succeeded(await send(kind, { type: 'Update', logicalId: 'Latest', properties: props('lc-latest', 't1'), old: props('lc-latest', 't1'), physicalId: arns[0] }));
    expect(body.PhysicalResourceId).toBe(arns[0]);
  });

  test('Update with changed properties (the refresh nonce) finds a newly approved version: a new id, as intended', async () => {
    const body = succeeded(await send(kind, { type: 'Update', logicalId: 'Latest', properties: props('lc-latest', 't2'), old: props('lc-latest', 't1'), physicalId: arns[0] }));
    // No version was approved meanwhile: the same version, the same id.
    expect(body.PhysicalResourceId).toBe(arns[0]);
  });

  test('Update with a replaced group answers with the other group\'s version (a replacement)', async () => {
    const body = succeeded(await send(kind, { type: 'Update', logicalId: 'Latest', properties: props('lc-latest-other', 't3'), old: props('lc-latest', 't2'), physicalId: arns[0] }));
    expect(body.PhysicalResourceId).toBe(other[0]);
  });

  test('the rollback Update (old properties as new) succeeds', async () => {
    const body = succeeded(await send(kind, { type: 'Update', logicalId: 'Latest', properties: props('lc-latest', 't2'), old: props('lc-latest-other', 't3'), physicalId: other[0] }));
    expect(body.PhysicalResourceId).toBe(arns[0]);
  });

  test('Delete after a failed Create, Delete of the old id after a replacement, and the stack delete change nothing', async () => {
    const calls = emulator.calls.length;
    succeeded(await send(kind, { type: 'Delete', logicalId: 'Latest', properties: props('lc-latest', 't1'), physicalId: 'Latest-not-created' }));
    succeeded(await send(kind, { type: 'Delete', logicalId: 'Latest', properties: props('lc-latest', 't2'), physicalId: arns[0] }));
    succeeded(await send(kind, { type: 'Delete', logicalId: 'Latest', properties: props('lc-latest-other', 't3'), physicalId: other[0] }));
    expect(emulator.calls.length).toBe(calls);
    expect(await versionCount('lc-latest')).toBe(2);
  });

  test('a rollback Update when the group has no approved version any more keeps the version found before, and succeeds', async () => {
    const [arn] = await groupWith('lc-latest-revoked', ['Approved']);
    succeeded(await send(kind, { type: 'Create', logicalId: 'Latest', properties: props('lc-latest-revoked', 't1') }));
    await client.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: 'Rejected' }));

    const body = succeeded(await send(kind, { type: 'Update', logicalId: 'Latest', properties: props('lc-latest-revoked', 't1'), old: props('lc-latest-revoked', 't2'), physicalId: arn }));

    expect(body).toMatchObject({ PhysicalResourceId: arn, Data: { ModelPackageArn: arn, ModelPackageVersion: '1', ModelPackageName: 'lc-latest-revoked/1' } });
    expect(logs).toContain('WARNING: Model package group lc-latest-revoked has 1 version(s) but none with approval status Approved: approve a '
      + `version first; keeping the version found before, ${arn}`);
  });

  test('a failed Create (no approved version) answers FAILED naming the group, with an id whose Delete is harmless', async () => {
    await groupWith('lc-latest-none', ['PendingManualApproval']);
    const body = failed(await send(kind, { type: 'Create', logicalId: 'Latest', properties: props('lc-latest-none', 't1') }));
    expect(body.Reason).toBe('Model package group lc-latest-none has 1 version(s) but none with approval status Approved: approve a version first');
    expect(body.PhysicalResourceId).toBe('Latest-not-created');
  });
});

describe('lifecycle: approval (Custom::SageMakerModelPackageApproval)', () => {
  const kind = 'approval';
  let arns: string[];
  const props = (arn: string, status: string) => ({ ModelPackageArn: arn, ApprovalStatus: status });

  beforeAll(async () => {
    arns = await groupWith('lc-approval', ['PendingManualApproval', 'PendingManualApproval']);
  }, 60_000);

  test('Create approves the version', async () => {
    const body = succeeded(await send(kind, { type: 'Create', logicalId: 'Approval', properties: props(arns[0], 'Approved') }));
    expect(body).toMatchObject({ PhysicalResourceId: arns[0], Data: { PreviousApprovalStatus: 'PendingManualApproval', ApprovalStatus: 'Approved' } });
    expect(await statusOf(arns[0])).toBe('Approved');
  });

  test('Update with equal properties keeps the status and the id', async () => {
    const body = succeeded(await send(kind, { type: 'Update', logicalId: 'Approval', properties: props(arns[0], 'Approved'), old: props(arns[0], 'Approved'), physicalId: arns[0] }));
    expect(body.PhysicalResourceId).toBe(arns[0]);
    expect(await statusOf(arns[0])).toBe('Approved');
  });

  test('Update with a changed status applies it (Approved -> Rejected), same id', async () => {
    const body = succeeded(await send(kind, { type: 'Update', logicalId: 'Approval', properties: props(arns[0], 'Rejected'), old: props(arns[0], 'Approved'), physicalId: arns[0] }));
    expect(body.PhysicalResourceId).toBe(arns[0]);
    expect(await statusOf(arns[0])).toBe('Rejected');
  });

  test('the rollback Update of that change succeeds (Rejected -> Approved)', async () => {
    succeeded(await send(kind, { type: 'Update', logicalId: 'Approval', properties: props(arns[0], 'Approved'), old: props(arns[0], 'Rejected'), physicalId: arns[0] }));
    expect(await statusOf(arns[0])).toBe('Approved');
  });

  test('the rollback Update back to PendingManualApproval (a template of an older version) succeeds', async () => {
    const body = succeeded(await send(kind, { type: 'Update', logicalId: 'Approval', properties: props(arns[0], 'PendingManualApproval'), old: props(arns[0], 'Approved'), physicalId: arns[0] }));
    expect(body.PhysicalResourceId).toBe(arns[0]);
  });

  test('the rollback Update succeeds even when SageMaker refuses the backward transition (kept, and logged)', async () => {
    await send(kind, { type: 'Update', logicalId: 'Approval', properties: props(arns[0], 'Approved'), old: props(arns[0], 'PendingManualApproval'), physicalId: arns[0] });
    emulator.failNext('UpdateModelPackage', 'ValidationException');
    const body = succeeded(await send(kind, { type: 'Update', logicalId: 'Approval', properties: props(arns[0], 'PendingManualApproval'), old: props(arns[0], 'Approved'), physicalId: arns[0] }));
    expect(body.Data).toEqual({ PreviousApprovalStatus: 'Approved', ApprovalStatus: 'Approved' });
    expect(await statusOf(arns[0])).toBe('Approved');
    expect(logs).toContainEqual(expect.stringContaining(`${arns[0]}: kept Approved; SageMaker refused PendingManualApproval, asked for by a rollback`));
  });

  test('Update with a replaced version answers with the new version\'s id (a replacement)', async () => {
    const body = succeeded(await send(kind, { type: 'Update', logicalId: 'Approval', properties: props(arns[1], 'Approved'), old: props(arns[0], 'Approved'), physicalId: arns[0] }));
    expect(body.PhysicalResourceId).toBe(arns[1]);
    expect(await statusOf(arns[1])).toBe('Approved');
  });

  test('Delete of the old id, Delete after a failed Create, removal and the stack delete leave every version as it is', async () => {
    const calls = emulator.count('UpdateModelPackage') + emulator.count('DeleteModelPackage');
    succeeded(await send(kind, { type: 'Delete', logicalId: 'Approval', properties: props(arns[0], 'Approved'), physicalId: arns[0] }));
    succeeded(await send(kind, { type: 'Delete', logicalId: 'Approval', properties: props(arns[0], 'Approved'), physicalId: 'Approval-not-created' }));
    succeeded(await send(kind, { type: 'Delete', logicalId: 'Approval', properties: props(arns[1], 'Approved'), physicalId: arns[1] }));
    expect(emulator.count('UpdateModelPackage') + emulator.count('DeleteModelPackage')).toBe(calls);
    expect([await statusOf(arns[0]), await statusOf(arns[1])]).toEqual(['Approved', 'Approved']);
  });

  test('a Create asking for an undocumented transition fails naming both statuses, in a response under 4,096 bytes', async () => {
    const body = failed(await send(kind, { type: 'Create', logicalId: 'Approval', properties: props(arns[1], 'PendingManualApproval') }));
    expect(body.Reason).toContain(`Refusing to change the approval status of ${arns[1]} from Approved to PendingManualApproval`);
    expect(body.PhysicalResourceId).toBe('Approval-not-created');
  });
});

describe('lifecycle: auto-delete (Custom::SageMakerModelPackageGroupAutoDelete)', () => {
  const kind = 'auto-delete';
  const OPTED_IN = [{ Key: MARKER, Value: 'true' }];
  const props = (group: string) => ({ ModelPackageGroupName: group, MarkerTagKey: MARKER });

  test('Create, Update with equal and changed properties, and the rollback Update delete nothing and keep the id', async () => {
    await groupWith('lc-auto', ['Approved', 'Rejected', 'PendingManualApproval'], OPTED_IN);
    const deletes = emulator.count('DeleteModelPackage');

    expect(succeeded(await send(kind, { type: 'Create', logicalId: 'AutoDelete', properties: props('lc-auto') })).PhysicalResourceId).toBe('lc-auto');
    expect(succeeded(await send(kind, { type: 'Update', logicalId: 'AutoDelete', properties: props('lc-auto'), old: props('lc-auto'), physicalId: 'lc-auto' }))
      .PhysicalResourceId).toBe('lc-auto');
    // Changed: the service token (a new handler function).
    expect(succeeded(await send(kind, { type: 'Update', logicalId: 'AutoDelete', properties: { ...props('lc-auto'), ServiceToken: 'arn:new' }, old: props('lc-auto'), physicalId: 'lc-auto' }))
      .PhysicalResourceId).toBe('lc-auto');
    expect(succeeded(await send(kind, { type: 'Update', logicalId: 'AutoDelete', properties: props('lc-auto'), old: { ...props('lc-auto'), ServiceToken: 'arn:new' }, physicalId: 'lc-auto' }))
      .PhysicalResourceId).toBe('lc-auto');

    expect(emulator.count('DeleteModelPackage')).toBe(deletes);
    expect(await versionCount('lc-auto')).toBe(3);
  });

  test('Delete after a failed Create deletes nothing', async () => {
    await groupWith('lc-auto-failed', ['Approved', 'Approved'], OPTED_IN);
    succeeded(await send(kind, { type: 'Delete', logicalId: 'AutoDelete', properties: props('lc-auto-failed'), physicalId: 'AutoDelete-not-created' }));
    expect(await versionCount('lc-auto-failed')).toBe(2);
  });

  test('a Delete for another group than the one in its properties deletes nothing', async () => {
    await groupWith('lc-auto-mismatch', ['Approved'], OPTED_IN);
    succeeded(await send(kind, { type: 'Delete', logicalId: 'AutoDelete', properties: props('lc-auto-mismatch'), physicalId: 'some-other-group' }));
    expect(await versionCount('lc-auto-mismatch')).toBe(1);
  });

  test('turning autoDeleteModelPackages off (the tag goes first, then the Delete) keeps every version', async () => {
    await groupWith('lc-auto-off', ['Approved', 'Rejected'], OPTED_IN);
    // CloudFormation updates the group (removing the tag), then deletes the custom resource in the cleanup phase.
    await client.send(new DeleteTagsCommand({ ResourceArn: await groupArn('lc-auto-off'), TagKeys: [MARKER] }));
    succeeded(await send(kind, { type: 'Delete', logicalId: 'AutoDelete', properties: props('lc-auto-off'), physicalId: 'lc-auto-off' }));
    expect(await versionCount('lc-auto-off')).toBe(2);
  });

  test('the rollback of the update that turned it on for an existing group keeps every version', async () => {
    // The update tagged the group and created the resource; the rollback removes the tag, then deletes the resource.
    await groupWith('lc-auto-rollback', ['Approved', 'Approved', 'Approved']);
    await client.send(new AddTagsCommand({ ResourceArn: await groupArn('lc-auto-rollback'), Tags: OPTED_IN }));
    succeeded(await send(kind, { type: 'Create', logicalId: 'AutoDelete', properties: props('lc-auto-rollback') }));
    await client.send(new DeleteTagsCommand({ ResourceArn: await groupArn('lc-auto-rollback'), TagKeys: [MARKER] }));
    succeeded(await send(kind, { type: 'Delete', logicalId: 'AutoDelete', properties: props('lc-auto-rollback'), physicalId: 'lc-auto-rollback' }));
    expect(await versionCount('lc-auto-rollback')).toBe(3);
  });

  test('Update with a replaced group answers with the new id; the Delete of the old id empties the old group (which the stack deletes)', async () => {
    await groupWith('lc-auto-old', ['Approved', 'Rejected'], OPTED_IN);
    await groupWith('lc-auto-new', ['Approved'], OPTED_IN);
    const body = succeeded(await send(kind, { type: 'Update', logicalId: 'AutoDelete', properties: props('lc-auto-new'), old: props('lc-auto-old'), physicalId: 'lc-auto-old' }));
    expect(body.PhysicalResourceId).toBe('lc-auto-new');
    expect(await versionCount('lc-auto-old')).toBe(2);

    // Cleanup phase: the old resource, then the old group.
    const deleted = succeeded(await send(kind, { type: 'Delete', logicalId: 'AutoDelete', properties: props('lc-auto-old'), physicalId: 'lc-auto-old', timeoutMs: LONG }));
    expect(deleted.Data).toEqual({ DeletedVersions: '2' });
    expect(emulator.isGroupDeleted('lc-auto-old')).toBe(true);
    expect(await versionCount('lc-auto-new')).toBe(1);
  });

  test('the stack delete empties the group it owns and deletes it', async () => {
    await groupWith('lc-auto-stack', ['Approved', 'Rejected', 'PendingManualApproval', 'Approved'], OPTED_IN);
    const body = succeeded(await send(kind, { type: 'Delete', logicalId: 'AutoDelete', properties: props('lc-auto-stack'), physicalId: 'lc-auto-stack', timeoutMs: LONG }));
    expect(body.Data).toEqual({ DeletedVersions: '4' });
    expect(await versionCount('lc-auto-stack')).toBe(0);
    expect(emulator.isGroupDeleted('lc-auto-stack')).toBe(true);
  });
});

describe('lifecycle: algorithm (Custom::SageMakerAlgorithm)', () => {
  const kind = 'algorithm';
  const definition = (name: string, description = 'Gradient boosting', tags = [{ Key: 'team', Value: 'ml' }]) => ({
    AlgorithmName: name,
    AlgorithmDescription: description,
    TrainingSpecification: {
      TrainingImage: `${MOTO_ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/algo:1`,
      SupportedTrainingInstanceTypes: ['ml.m5.xlarge'],
      TrainingChannels: [{ Name: 'train', SupportedContentTypes: ['text/csv'], SupportedInputModes: ['File'] }],
    },
    ValidationSpecification: {
      ValidationRole: `arn:aws:iam::${MOTO_ACCOUNT}:role/validation`,
      ValidationProfiles: [{
        ProfileName: 'smoke',
        TrainingJobDefinition: {
          TrainingInputMode: 'File',
          InputDataConfig: [{ ChannelName: 'train', DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/train/' } } }],
          OutputDataConfig: { S3OutputPath: 's3://bucket/output/' },
          ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: '1', VolumeSizeInGB: '30' },
          StoppingCondition: { MaxRuntimeInSeconds: '3600' },
        },
      }],
    },
    Tags: tags,
  });

  beforeAll(() => fake.reset());

  test('Create creates the algorithm and waits until it is Completed', async () => {
    fake.script('lc-algo', { statuses: ['InProgress', 'Completed'] });
    const body = succeeded(await send(kind, { type: 'Create', logicalId: 'Algorithm', properties: definition('lc-algo'), timeoutMs: LONG }));
    expect(body).toMatchObject({ PhysicalResourceId: 'lc-algo', Data: { AlgorithmName: 'lc-algo' } });
  });

  test('Update with equal properties, and with changed tags, keeps the id', async () => {
    expect(succeeded(await send(kind, { type: 'Update', logicalId: 'Algorithm', properties: definition('lc-algo'), old: definition('lc-algo'), physicalId: 'lc-algo' }))
      .PhysicalResourceId).toBe('lc-algo');
    const tagged = definition('lc-algo', 'Gradient boosting', [{ Key: 'team', Value: 'research' }]);
    expect(succeeded(await send(kind, { type: 'Update', logicalId: 'Algorithm', properties: tagged, old: definition('lc-algo'), physicalId: 'lc-algo' }))
      .PhysicalResourceId).toBe('lc-algo');
    expect(fake.algorithms.get('lc-algo')!.tags).toContainEqual({ Key: 'team', Value: 'research' });
  });

  test('a failed in-place change, then its rollback Update, which succeeds', async () => {
    const changed = definition('lc-algo', 'Changed in place');
    const body = failed(await send(kind, { type: 'Update', logicalId: 'Algorithm', properties: changed, old: definition('lc-algo'), physicalId: 'lc-algo' }));
    expect(body.Reason).toContain('Algorithm lc-algo cannot be changed in place (AlgorithmDescription is "Gradient boosting", the request has "Changed in place")');
    expect(body.PhysicalResourceId).toBe('lc-algo');
    expect(succeeded(await send(kind, { type: 'Update', logicalId: 'Algorithm', properties: definition('lc-algo'), old: changed, physicalId: 'lc-algo' }))
      .PhysicalResourceId).toBe('lc-algo');
  });

  test('Update with a new name creates the replacement; the Delete of the old id deletes the old algorithm (it owns it)', async () => {
    fake.script('lc-algo-2', { statuses: ['Completed'] });
    const body = succeeded(await send(kind, { type: 'Update', logicalId: 'Algorithm', properties: definition('lc-algo-2', 'Better'), old: definition('lc-algo'), physicalId: 'lc-algo', timeoutMs: LONG }));
    expect(body.PhysicalResourceId).toBe('lc-algo-2');
    expect(fake.algorithms.has('lc-algo')).toBe(true);

    succeeded(await send(kind, { type: 'Delete', logicalId: 'Algorithm', properties: definition('lc-algo'), physicalId: 'lc-algo', timeoutMs: LONG }));
    expect(fake.algorithms.has('lc-algo')).toBe(false);
    expect(fake.algorithms.has('lc-algo-2')).toBe(true);
  });

  test('someone else\'s algorithm of the same name: Create fails naming the difference, and the Delete after it deletes nothing', async () => {
    await fake.client().send(new CreateAlgorithmCommand({
      AlgorithmName: 'lc-taken',
      TrainingSpecification: { TrainingImage: XGBOOST_IMAGE, SupportedTrainingInstanceTypes: ['ml.m5.xlarge'], TrainingChannels: [{ Name: 'train', SupportedContentTypes: ['text/csv'], SupportedInputModes: ['File'] }] },
    }));
    const body = failed(await send(kind, { type: 'Create', logicalId: 'Taken', properties: definition('lc-taken') }));
    expect(body.Reason).toMatch(/^Algorithm lc-taken already exists \(CreateAlgorithm\) with another definition, so this stack does not adopt it: /);
    expect(body.PhysicalResourceId).toBe('Taken-not-created');

    succeeded(await send(kind, { type: 'Delete', logicalId: 'Taken', properties: definition('lc-taken'), physicalId: body.PhysicalResourceId }));
    // Even a Delete naming it does not delete what the stack does not own.
    succeeded(await send(kind, { type: 'Delete', logicalId: 'Taken', properties: definition('lc-taken'), physicalId: 'lc-taken' }));
    expect(fake.algorithms.has('lc-taken')).toBe(true);
  });

  test('a validation that fails: Create FAILED with the algorithm\'s name as id, so that the rollback Delete deletes it', async () => {
    fake.script('lc-broken', { statuses: ['InProgress', 'Failed'], validationFailure: 'ClientError: no data' });
    const body = failed(await send(kind, { type: 'Create', logicalId: 'Broken', properties: definition('lc-broken'), timeoutMs: LONG }));
    expect(body).toMatchObject({ PhysicalResourceId: 'lc-broken', Reason: 'Algorithm lc-broken failed (DescribeAlgorithm): validation of profile smoke: ClientError: no data' });
    succeeded(await send(kind, { type: 'Delete', logicalId: 'Broken', properties: definition('lc-broken'), physicalId: 'lc-broken', timeoutMs: LONG }));
    expect(fake.algorithms.has('lc-broken')).toBe(false);
  });

  test('the stack delete deletes the algorithm it owns', async () => {
    succeeded(await send(kind, { type: 'Delete', logicalId: 'Algorithm', properties: definition('lc-algo-2', 'Better'), physicalId: 'lc-algo-2', timeoutMs: LONG }));
    expect(fake.algorithms.has('lc-algo-2')).toBe(false);
  });
});

// -------------------------------------------------------------------------------------------------
// The fault matrix

describe('faults', () => {
  const OPTED_IN = [{ Key: MARKER, Value: 'true' }];
  const autoDelete = (group: string) => ({ ModelPackageGroupName: group, MarkerTagKey: MARKER });

  test('a throttling storm (6 throttled calls in a row) is retried with backoff within the budget', async () => {
    const [arn] = await groupWith('fault-throttled', ['Approved']);
    emulator.failNext('ListModelPackages', 'ThrottlingException', 400, 6);
    const body = succeeded(await send('latest-approved', { type: 'Create', logicalId: 'Latest', properties: { ModelPackageGroupName: 'fault-throttled' } }));
    expect(body.PhysicalResourceId).toBe(arn);
  }, 60_000);

  test('a 5xx burst while deleting versions is retried, and every version goes', async () => {
    await groupWith('fault-5xx', ['Approved', 'Approved', 'Approved'], OPTED_IN);
    emulator.failNext('DeleteModelPackage', 'InternalFailure', 500, 4);
    const body = succeeded(await send('auto-delete', { type: 'Delete', logicalId: 'AutoDelete', properties: autoDelete('fault-5xx'), physicalId: 'fault-5xx', timeoutMs: LONG }));
    expect(body.Data).toEqual({ DeletedVersions: '3' });
  }, 60_000);

  test('an endpoint that never answers: FAILED naming the call, within the time of the invocation', async () => {
    const [arn] = await groupWith('fault-silent', ['PendingManualApproval']);
    emulator.hangNext('DescribeModelPackage', 1);
    const outcome = await send('approval', { type: 'Create', logicalId: 'Approval', properties: { ModelPackageArn: arn, ApprovalStatus: 'Approved' }, timeoutMs: 5_000 });
    const body = failed(outcome);
    expect(body.Reason).toMatch(new RegExp(`^DescribeModelPackage ${arn} failed: TimeoutError: DescribeModelPackage ${arn} got no answer within \\d+ ms$`));
    expect(outcome.responses[0].afterMs).toBeLessThan(5_000);
    expect(await statusOf(arn)).toBe('PendingManualApproval');
  }, 30_000);

  test('a ConflictException on one version out of many: the others go, and the failure names the version and the group', async () => {
    const arns = await groupWith('fault-conflict', Array.from({ length: 12 }, () => 'Approved'), OPTED_IN);
    emulator.failWhere('DeleteModelPackage', `"${arns[4]}"`, 'ConflictException');
    const body = failed(await send('auto-delete', { type: 'Delete', logicalId: 'AutoDelete', properties: autoDelete('fault-conflict'), physicalId: 'fault-conflict', timeoutMs: LONG }));
    expect(body.Reason).toBe(`Model package group fault-conflict was not emptied: 1 version(s) could not be deleted (11 were): ${arns[4]} `
      + `(DeleteModelPackage ${arns[4]} failed: ConflictException: Injected ConflictException). The group and these versions are kept; `
      + 'fix the cause and delete the stack again (this resource runs again then)');
    expect(body.PhysicalResourceId).toBe('fault-conflict');
    expect(await versionCount('fault-conflict')).toBe(1);

    // The retried stack delete runs the resource's Delete again, and now succeeds.
    emulator.clearFaults();
    const retried = succeeded(await send('auto-delete', { type: 'Delete', logicalId: 'AutoDelete', properties: autoDelete('fault-conflict'), physicalId: 'fault-conflict', timeoutMs: LONG }));
    expect(retried.Data).toEqual({ DeletedVersions: '1' });
    expect(emulator.isGroupDeleted('fault-conflict')).toBe(true);
  }, 60_000);

  test('many failing versions: the reason is cut by bytes to fit, and says so', async () => {
    const arns = emulator.addSyntheticVersions('fault-many', 80);
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'fault-many', Tags: OPTED_IN }));
    emulator.failWhere('DeleteModelPackage', 'fault-many/', 'ConflictException');
    const body = failed(await send('auto-delete', { type: 'Delete', logicalId: 'AutoDelete', properties: autoDelete('fault-many'), physicalId: 'fault-many', timeoutMs: LONG }));
    expect(body.Reason).toMatch(/^Model package group fault-many was not emptied: 80 version\(s\) could not be deleted \(0 were\): /);
    expect(body.Reason).toContain(arns[0]);
    expect(body.Reason).toMatch(/ \[cut: the whole reason is in the log\]$/);
  }, 60_000);

  test('a non-ASCII reason is cut by bytes, on a character boundary: the body stays under 4,096 bytes', async () => {
    const status = 'Genehmigt-ü€𝄞'.repeat(300);
    const body = failed(await send('approval', { type: 'Create', logicalId: 'Approval', properties: { ModelPackageArn: 'arn:x', ApprovalStatus: status } }));
    expect(body.Reason).toMatch(/^Approval: ApprovalStatus of arn:x must be one of Approved, Rejected, PendingManualApproval, got 'Genehmigt-ü€𝄞/);
    expect(body.Reason).not.toMatch(/\uFFFD/);
  });

  test('a version registered while the group is being emptied does not make the delete fail: it goes too, and the group with it', async () => {
    await groupWith('fault-race', Array.from({ length: 6 }, () => 'Approved'), OPTED_IN);
    let registered = false;
    emulator.onCall('DeleteModelPackageGroup', () => {
      if (!registered) {
        registered = true;
        emulator.addSyntheticVersions('fault-race', 1);
      }
    });
    const body = succeeded(await send('auto-delete', { type: 'Delete', logicalId: 'AutoDelete', properties: autoDelete('fault-race'), physicalId: 'fault-race', timeoutMs: LONG }));
    expect(registered).toBe(true);
    expect(body.Data).toEqual({ DeletedVersions: '7' });
    expect(emulator.isGroupDeleted('fault-race')).toBe(true);
    expect(logs).toContainEqual(expect.stringMatching(/^DeleteModelPackageGroup fault-race: .*a version may have been registered meanwhile: emptying again$/));
  }, 60_000);

  test('3,000 versions are deleted within one invocation\'s budget, with progress in the log', async () => {
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'fault-3000', Tags: OPTED_IN }));
    emulator.addSyntheticVersions('fault-3000', 3000);
    const outcome = await send('auto-delete', { type: 'Delete', logicalId: 'AutoDelete', properties: autoDelete('fault-3000'), physicalId: 'fault-3000', timeoutMs: 120_000 });
    const body = succeeded(outcome);
    expect(body.Data).toEqual({ DeletedVersions: '3000' });
    expect(outcome.invocations).toBe(1);
    expect(logs).toContain('Deleted 1500 version(s) of model package group fault-3000 so far');
  }, 180_000);

  test('a Lambda about to be cut off at its timeout continues in a new invocation instead, and answers once', async () => {
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'fault-timeout', Tags: OPTED_IN }));
    emulator.addSyntheticVersions('fault-timeout', 1000);
    // 22.4 s of Lambda time: after the response reserve (2.24 s), a batch starts only while 20 s are left,
    // so an invocation has time for about one batch, and the rest continues in new invocations.
    const outcome = await send('auto-delete', { type: 'Delete', logicalId: 'AutoDelete', properties: autoDelete('fault-timeout'), physicalId: 'fault-timeout', timeoutMs: 22_400 });
    const body = succeeded(outcome);
    expect(body.Data).toEqual({ DeletedVersions: '1000' });
    expect(outcome.invocations).toBeGreaterThan(1);
    expect(logs).toContainEqual(expect.stringMatching(/^Continuing in invocation 2: waiting for the emptying of model package group fault-timeout/));
  }, 120_000);

  test('a handler whose work outlives its invocation (a call that hangs longer than the time left) answers FAILED before the timeout', async () => {
    await groupWith('fault-cut', ['Approved'], OPTED_IN);
    emulator.hangNext('ListTags', 1);
    const outcome = await send('auto-delete', { type: 'Delete', logicalId: 'AutoDelete', properties: autoDelete('fault-cut'), physicalId: 'fault-cut', timeoutMs: 4_000 });
    const body = failed(outcome);
    expect(body.Reason).toMatch(new RegExp(`^ListTags arn:aws:sagemaker:${REGION}:${MOTO_ACCOUNT}:model-package-group/fault-cut failed: TimeoutError: `));
    expect(await versionCount('fault-cut')).toBe(1);
  }, 30_000);
});
