/**
 * The registry workflow handlers (latest approved version, approval, group emptying) run against
 * the SageMaker API of moto in server mode, behind RegistryEmulator, which adds DeleteModelPackage
 * and ModelLifeCycle (moto 5.2 lacks them) and injects faults.
 */
import {
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DescribeModelPackageCommand,
  ListModelPackagesCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { MOTO_ACCOUNT, REGION, XGBOOST_IMAGE } from '../constants';
import { FAST_CALLS, invocation, runToEnd } from './harness';
import { RegistryEmulator } from './registry-emulator';
import { createApprovalHandler as approvalHandler } from '../../src/handlers/approval';
import { AutoDeleteHandlerOptions, createAutoDeleteHandler as autoDeleteHandler } from '../../src/handlers/auto-delete';
import { createLatestApprovedHandler as latestApprovedHandler } from '../../src/handlers/latest-approved';
import { CustomResourceEvent } from '../../src/handlers/shared/handler';
import { HandlerOptions } from '../../src/handlers/shared/sagemaker';

const MARKER = 'cdk-sagemaker-registry:auto-delete-model-packages';

let emulator: RegistryEmulator;
let client: SageMakerClient;

beforeAll(async () => {
  emulator = await RegistryEmulator.start();
  client = emulator.client();
}, 60_000);

afterAll(async () => {
  client?.destroy();
  await emulator?.stop();
});

function event(type: 'Create' | 'Update' | 'Delete', properties: Record<string, any>, physicalId?: string): CustomResourceEvent {
  return {
    RequestType: type,
    RequestId: 'request',
    StackId: `arn:aws:cloudformation:${REGION}:${MOTO_ACCOUNT}:stack/Stack/guid`,
    LogicalResourceId: 'Resource',
    ResourceType: 'Custom::Test',
    PhysicalResourceId: physicalId,
    ResourceProperties: { ServiceToken: `arn:aws:lambda:${REGION}:${MOTO_ACCOUNT}:function:handler`, ...properties },
    OldResourceProperties: type === 'Update' ? properties : undefined,
  };
}

/** Creates a group with versions of the given statuses (version n has statuses[n - 1]); returns their ARNs. */
async function groupWith(name: string, statuses: string[], tags?: { Key: string; Value: string }[]): Promise<string[]> {
  await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: name, Tags: tags }));
  const arns: string[] = [];
  for (const status of statuses) {
    const created = await client.send(new CreateModelPackageCommand({
      ModelPackageGroupName: name,
      ModelApprovalStatus: status as any,
      InferenceSpecification: { Containers: [{ Image: XGBOOST_IMAGE }], SupportedContentTypes: ['text/csv'], SupportedResponseMIMETypes: ['text/csv'] },
    }));
    arns.push(created.ModelPackageArn!);
  }
  return arns;
}

async function statusOf(arn: string) {
  return client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
}

function handlerOptions(): HandlerOptions {
  return { client: emulator.client(), calls: FAST_CALLS };
}

/** The handlers as tests call them: one request, run to its end. */
function createLatestApprovedHandler(options: HandlerOptions) {
  const handle = latestApprovedHandler(options);
  return async (e: CustomResourceEvent) => (await runToEnd(handle, e)).result;
}
function createApprovalHandler(options: HandlerOptions, logs?: string[]) {
  const handle = approvalHandler(options);
  return async (e: CustomResourceEvent) => (await runToEnd(handle, e, { logs })).result;
}
function createAutoDeleteHandler(options: AutoDeleteHandlerOptions, logs?: string[]) {
  const handle = autoDeleteHandler(options);
  return async (e: CustomResourceEvent) => (await runToEnd(handle, e, { logs })).result;
}

describe('latest approved version', () => {
  test('the newest Approved version among many with mixed statuses', async () => {
    // GIVEN 130 versions: approved ones among pending and rejected, the newest approved is version 127
    const statuses = Array.from({ length: 130 }, (_, i) => (i % 3 === 0 ? 'Approved' : i % 3 === 1 ? 'PendingManualApproval' : 'Rejected'));
    statuses[126] = 'Approved';
    statuses[127] = 'Rejected';
    statuses[128] = 'PendingManualApproval';
    statuses[129] = 'Rejected';
    const arns = await groupWith('mixed', statuses);
    const lookup = createLatestApprovedHandler(handlerOptions());

    // WHEN
    const result = await lookup(event('Create', { ModelPackageGroupName: 'mixed' }));

    // THEN
    expect(result).toEqual({
      PhysicalResourceId: arns[126],
      Data: { ModelPackageArn: arns[126], ModelPackageVersion: '127', ModelPackageName: 'mixed/127' },
    });
    expect(arns[126]).toMatch(/:model-package\/mixed\/127$/);
  }, 60_000);

  test('picks up a newly approved version on the next run (Update), also with the group given by ARN', async () => {
    // GIVEN
    const arns = await groupWith('refresh', ['Approved', 'PendingManualApproval']);
    const lookup = createLatestApprovedHandler(handlerOptions());
    const groupArn = arns[0].replace(':model-package/refresh/1', ':model-package-group/refresh');
    const first = await lookup(event('Create', { ModelPackageGroupName: groupArn, Refresh: 't1' }));
    await createApprovalHandler(handlerOptions())(event('Create', { ModelPackageArn: arns[1], ApprovalStatus: 'Approved' }));

    // WHEN
    const second = await lookup(event('Update', { ModelPackageGroupName: groupArn, Refresh: 't2' }, first.PhysicalResourceId));

    // THEN
    expect(first.PhysicalResourceId).toBe(arns[0]);
    expect(second.PhysicalResourceId).toBe(arns[1]);
    expect(second.Data).toEqual({ ModelPackageArn: arns[1], ModelPackageVersion: '2', ModelPackageName: 'refresh/2' });
  });

  test('a group without versions fails with a message naming the group', async () => {
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'empty' }));
    await expect(createLatestApprovedHandler(handlerOptions())(event('Create', { ModelPackageGroupName: 'empty' })))
      .rejects.toThrow('Model package group empty has no versions yet, so it has no approved version to deploy: register a version and approve it');
  });

  test('a group whose versions (over several pages) are all pending or rejected fails naming the group and the count', async () => {
    const statuses = Array.from({ length: 120 }, (_, i) => (i % 2 ? 'Rejected' : 'PendingManualApproval'));
    await groupWith('unapproved', statuses);
    const before = emulator.count('ListModelPackages');

    await expect(createLatestApprovedHandler(handlerOptions())(event('Create', { ModelPackageGroupName: 'unapproved' })))
      .rejects.toThrow('Model package group unapproved has 120 version(s) but none with approval status Approved: approve a version first');
    // One filtered lookup, then the count over three pages of 50.
    expect(emulator.count('ListModelPackages') - before).toBe(4);
  }, 60_000);

  test('throttling is retried with backoff', async () => {
    const arns = await groupWith('throttled', ['Approved']);
    emulator.failNext('ListModelPackages', 'ThrottlingException');
    const before = emulator.count('ListModelPackages');

    const result = await createLatestApprovedHandler(handlerOptions())(event('Create', { ModelPackageGroupName: 'throttled' }));

    expect(result.PhysicalResourceId).toBe(arns[0]);
    expect(emulator.count('ListModelPackages') - before).toBe(2);
  });

  test('Delete calls nothing', async () => {
    const before = emulator.calls.length;
    const result = await createLatestApprovedHandler(handlerOptions())(event('Delete', { ModelPackageGroupName: 'mixed' }, 'arn:previous'));
    expect(result).toEqual({ PhysicalResourceId: 'arn:previous' });
    expect(emulator.calls.length).toBe(before);
  });
});

describe('approval of a version the stack does not own', () => {
  const ALLOWED: [string, string][] = [
    ['PendingManualApproval', 'Approved'],
    ['PendingManualApproval', 'Rejected'],
    ['Rejected', 'Approved'],
    ['Approved', 'Rejected'],
    ['Approved', 'Approved'],
  ];
  test.each(ALLOWED)('%s -> %s is applied', async (from, to) => {
    const [arn] = await groupWith(`allowed-${from}-${to}`.toLowerCase(), [from]);

    const result = await createApprovalHandler(handlerOptions())(event('Create', {
      ModelPackageArn: arn, ApprovalStatus: to, ApprovalDescription: `${from} to ${to}`,
    }));

    expect(result).toEqual({ PhysicalResourceId: arn, Data: { PreviousApprovalStatus: from, ApprovalStatus: to } });
    const described = await statusOf(arn);
    expect(described.ModelApprovalStatus).toBe(to);
    expect(described.ApprovalDescription).toBe(`${from} to ${to}`);
  });

  test.each([
    ['Approved', 'PendingManualApproval'],
    ['Rejected', 'PendingManualApproval'],
  ])('%s -> %s is refused on Create, naming both statuses, and nothing changes', async (from, to) => {
    const [arn] = await groupWith(`refused-${from}`.toLowerCase(), [from]);
    const before = emulator.count('UpdateModelPackage');

    await expect(createApprovalHandler(handlerOptions())(event('Create', { ModelPackageArn: arn, ApprovalStatus: to })))
      .rejects.toThrow(`Refusing to change the approval status of ${arn} from ${from} to ${to}: SageMaker documents only these `
        + 'transitions: PendingManualApproval -> Approved, PendingManualApproval -> Rejected, Rejected -> Approved, Approved -> Rejected');
    expect(emulator.count('UpdateModelPackage')).toBe(before);
    expect((await statusOf(arn)).ModelApprovalStatus).toBe(from);
  });

  test('the rollback Update back to PendingManualApproval is applied when SageMaker accepts it', async () => {
    const [arn] = await groupWith('rollback-accepted', ['Approved']);
    const logs: string[] = [];

    const result = await createApprovalHandler(handlerOptions(), logs)({
      ...event('Update', { ModelPackageArn: arn, ApprovalStatus: 'PendingManualApproval' }, arn),
      OldResourceProperties: { ModelPackageArn: arn, ApprovalStatus: 'Approved' },
    });

    expect(result).toEqual({ PhysicalResourceId: arn, Data: { PreviousApprovalStatus: 'Approved', ApprovalStatus: 'PendingManualApproval' } });
    expect((await statusOf(arn)).ModelApprovalStatus).toBe('PendingManualApproval');
    expect(logs).toContain(`${arn}: Approved -> PendingManualApproval (an undocumented transition, asked for by a rollback; SageMaker accepted it)`);
  });

  test('the rollback Update back to PendingManualApproval keeps the status when SageMaker refuses it, and succeeds', async () => {
    const [arn] = await groupWith('rollback-refused', ['Approved']);
    emulator.failNext('UpdateModelPackage', 'ValidationException');
    const logs: string[] = [];

    const result = await createApprovalHandler(handlerOptions(), logs)({
      ...event('Update', { ModelPackageArn: arn, ApprovalStatus: 'PendingManualApproval' }, arn),
      OldResourceProperties: { ModelPackageArn: arn, ApprovalStatus: 'Approved' },
    });

    expect(result).toEqual({ PhysicalResourceId: arn, Data: { PreviousApprovalStatus: 'Approved', ApprovalStatus: 'Approved' } });
    expect((await statusOf(arn)).ModelApprovalStatus).toBe('Approved');
    expect(logs).toContain(`${arn}: kept Approved; SageMaker refused PendingManualApproval, asked for by a rollback `
      + `(UpdateModelPackage ${arn} failed: ValidationException: Injected ValidationException)`);
  });

  test('warns when the status it finds is not the one it set last time', async () => {
    const [arn] = await groupWith('changed-by-someone', ['Rejected']);
    const logs: string[] = [];

    await createApprovalHandler(handlerOptions(), logs)({
      ...event('Update', { ModelPackageArn: arn, ApprovalStatus: 'Approved', ApprovalDescription: 'again' }, arn),
      OldResourceProperties: { ModelPackageArn: arn, ApprovalStatus: 'Approved' },
    });

    expect(logs).toContain(`WARNING: ${arn} is Rejected, but this stack set it to Approved last time: someone else changed it since`);
  });

  test('sets the lifecycle stage with the status', async () => {
    const [arn] = await groupWith('staged', ['PendingManualApproval']);

    await createApprovalHandler(handlerOptions())(event('Create', {
      ModelPackageArn: arn, ApprovalStatus: 'Approved', Stage: 'Production', StageStatus: 'Deployed', StageDescription: 'Canary passed',
    }));

    const described = await statusOf(arn);
    expect(described.ModelApprovalStatus).toBe('Approved');
    expect(described.ModelLifeCycle).toEqual({ Stage: 'Production', StageStatus: 'Deployed', StageDescription: 'Canary passed' });
  });

  test('throttling of UpdateModelPackage is retried', async () => {
    const [arn] = await groupWith('approval-throttled', ['PendingManualApproval']);
    emulator.failNext('UpdateModelPackage', 'ThrottlingException');

    await createApprovalHandler(handlerOptions())(event('Create', { ModelPackageArn: arn, ApprovalStatus: 'Approved' }));

    expect((await statusOf(arn)).ModelApprovalStatus).toBe('Approved');
  });

  test('an unknown status is refused before any call', async () => {
    await expect(createApprovalHandler(handlerOptions())(event('Create', { ModelPackageArn: 'arn:x', ApprovalStatus: 'Maybe' })))
      .rejects.toThrow("Resource: ApprovalStatus of arn:x must be one of Approved, Rejected, PendingManualApproval, got 'Maybe'");
  });

  test('Delete leaves the version as it is', async () => {
    const [arn] = await groupWith('kept', ['Approved']);
    const before = emulator.calls.length;

    const result = await createApprovalHandler(handlerOptions())(event('Delete', { ModelPackageArn: arn, ApprovalStatus: 'Approved' }, arn));

    expect(result).toEqual({ PhysicalResourceId: arn });
    expect(emulator.calls.length).toBe(before);
    expect((await statusOf(arn)).ModelApprovalStatus).toBe('Approved');
  });
});

describe('emptying a group before it is deleted', () => {
  const FAST = { pollIntervalMs: 1, minBatchMs: 0 };
  const OPTED_IN = [{ Key: MARKER, Value: 'true' }];
  const props = (group: string) => ({ ModelPackageGroupName: group, MarkerTagKey: MARKER });

  async function remaining(group: string): Promise<number> {
    const listed = await client.send(new ListModelPackagesCommand({ ModelPackageGroupName: group, MaxResults: 100 }));
    return listed.ModelPackageSummaryList!.length;
  }

  test('Delete deletes every version over several pages, with a throttled call retried', async () => {
    // GIVEN
    await groupWith('emptied', Array.from({ length: 230 }, (_, i) => (i % 2 ? 'Approved' : 'Rejected')), OPTED_IN);
    await groupWith('neighbour', ['Approved'], OPTED_IN);
    emulator.failNext('DeleteModelPackage', 'ThrottlingException');
    const handler = createAutoDeleteHandler({ ...handlerOptions(), ...FAST });

    // WHEN
    const result = await handler(event('Delete', props('emptied'), 'emptied'));

    // THEN
    expect(result).toEqual({ PhysicalResourceId: 'emptied', Data: { DeletedVersions: '230' } });
    expect(await remaining('emptied')).toBe(0);
    expect(emulator.isGroupDeleted('emptied')).toBe(true);
    expect(await remaining('neighbour')).toBe(1);
  }, 120_000);

  test('a repeated Delete, and a Delete of a group that is gone, succeed', async () => {
    await groupWith('twice', ['Approved', 'Rejected'], OPTED_IN);
    const handler = createAutoDeleteHandler({ ...handlerOptions(), ...FAST });

    const first = await handler(event('Delete', props('twice'), 'twice'));
    const again = await handler(event('Delete', props('twice'), 'twice'));
    const missing = await handler(event('Delete', props('never-created'), 'never-created'));

    expect(first.Data).toEqual({ DeletedVersions: '2' });
    expect(again.Data).toEqual({ DeletedVersions: '0' });
    expect(missing.Data).toEqual({ DeletedVersions: '0' });
  });

  test('a group without the opt-in marker keeps every version', async () => {
    await groupWith('not-opted-in', ['Approved', 'Rejected'], [{ Key: MARKER, Value: 'false' }]);
    const logs: string[] = [];

    const result = await createAutoDeleteHandler({ ...handlerOptions(), ...FAST }, logs)(event('Delete', props('not-opted-in'), 'not-opted-in'));

    expect(result.Data).toEqual({ DeletedVersions: '0' });
    expect(await remaining('not-opted-in')).toBe(2);
    expect(logs).toContain(`Model package group not-opted-in does not carry the tag ${MARKER}=true (autoDeleteModelPackages was turned off, `
      + 'or the update that turned it on was rolled back): keeping every version');
  });

  test('Create and Update do nothing', async () => {
    await groupWith('untouched', ['Approved'], OPTED_IN);
    const handler = createAutoDeleteHandler({ ...handlerOptions(), ...FAST });
    const before = emulator.calls.length;

    expect(await handler(event('Create', props('untouched')))).toEqual({ PhysicalResourceId: 'untouched' });
    expect(await handler(event('Update', props('untouched'), 'untouched'))).toEqual({ PhysicalResourceId: 'untouched' });

    expect(emulator.calls.length).toBe(before);
    expect(await remaining('untouched')).toBe(1);
  });

  test('continues in another invocation when the time of one runs out', async () => {
    await groupWith('continued', ['Approved'], OPTED_IN);
    emulator.addSyntheticVersions('continued', 250);
    const handle = autoDeleteHandler({ ...handlerOptions(), pollIntervalMs: 1, minBatchMs: 30_000 });

    // The first invocation has time for no batch at all after checking the marker.
    const first = await handle(event('Delete', props('continued'), 'continued'), invocation({ budgetMs: 20_000 }));
    const rest = await runToEnd(autoDeleteHandler({ ...handlerOptions(), ...FAST }), event('Delete', props('continued'), 'continued'));

    expect(first).toMatchObject({ state: { deleted: 0 }, physicalResourceId: 'continued' });
    expect(rest.result.Data).toEqual({ DeletedVersions: '251' });
  });
});
