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
import { RegistryEmulator } from './registry-emulator';
import { createApprovalHandler } from '../../src/handlers/approval';
import { createAutoDeleteHandler } from '../../src/handlers/auto-delete';
import { createLatestApprovedHandler } from '../../src/handlers/latest-approved';
import { cloudFormationHandler } from '../../src/handlers/shared/cfn-response';
import { CustomResourceEvent } from '../../src/handlers/shared/custom-resource';

const IMAGE = '763104351884.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const QUIET = { retry: { sleep: async () => {}, log: () => {} }, log: () => {} };

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
    StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/Stack/guid',
    LogicalResourceId: 'Resource',
    ResourceType: 'Custom::Test',
    PhysicalResourceId: physicalId,
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:handler', ...properties },
    OldResourceProperties: type === 'Update' ? properties : undefined,
  };
}

/** Creates a group with versions of the given statuses (version n has statuses[n - 1]); returns their ARNs. */
async function groupWith(name: string, statuses: string[]): Promise<string[]> {
  await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: name }));
  const arns: string[] = [];
  for (const status of statuses) {
    const created = await client.send(new CreateModelPackageCommand({
      ModelPackageGroupName: name,
      ModelApprovalStatus: status as any,
      InferenceSpecification: { Containers: [{ Image: IMAGE }], SupportedContentTypes: ['text/csv'], SupportedResponseMIMETypes: ['text/csv'] },
    }));
    arns.push(created.ModelPackageArn!);
  }
  return arns;
}

async function statusOf(arn: string) {
  return client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
}

function handlerOptions() {
  return { ...QUIET, client: emulator.client() };
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
  ])('%s -> %s is refused on Update, naming both statuses, and nothing changes', async (from, to) => {
    const [arn] = await groupWith(`refused-${from}`.toLowerCase(), [from]);
    const before = emulator.count('UpdateModelPackage');

    await expect(createApprovalHandler(handlerOptions())(event('Update', { ModelPackageArn: arn, ApprovalStatus: to }, arn)))
      .rejects.toThrow(`Refusing to change the approval status of ${arn} from ${from} to ${to}: SageMaker documents only these `
        + 'transitions: PendingManualApproval -> Approved, PendingManualApproval -> Rejected, Rejected -> Approved, Approved -> Rejected');
    expect(emulator.count('UpdateModelPackage')).toBe(before);
    expect((await statusOf(arn)).ModelApprovalStatus).toBe(from);
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
      .rejects.toThrow("ApprovalStatus must be one of Approved, Rejected, PendingManualApproval, got 'Maybe'");
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
  const FAST = { waitTimeoutMs: 10_000, pollIntervalMs: 1 };

  async function remaining(group: string): Promise<number> {
    const listed = await client.send(new ListModelPackagesCommand({ ModelPackageGroupName: group, MaxResults: 100 }));
    return listed.ModelPackageSummaryList!.length;
  }

  test('Delete deletes every version over several pages, with a throttled call retried', async () => {
    // GIVEN
    await groupWith('emptied', Array.from({ length: 230 }, (_, i) => (i % 2 ? 'Approved' : 'Rejected')));
    await groupWith('neighbour', ['Approved']);
    emulator.failNext('DeleteModelPackage', 'ThrottlingException');
    const handler = createAutoDeleteHandler({ ...handlerOptions(), ...FAST });

    // WHEN
    const result = await handler(event('Delete', { ModelPackageGroupName: 'emptied' }, 'emptied'));

    // THEN
    expect(result).toEqual({ PhysicalResourceId: 'emptied', Data: { DeletedVersions: '230' } });
    expect(await remaining('emptied')).toBe(0);
    expect(await remaining('neighbour')).toBe(1);
  }, 120_000);

  test('a repeated Delete, and a Delete of a group that is gone, succeed', async () => {
    await groupWith('twice', ['Approved', 'Rejected']);
    const handler = createAutoDeleteHandler({ ...handlerOptions(), ...FAST });

    await handler(event('Delete', { ModelPackageGroupName: 'twice' }, 'twice'));
    const again = await handler(event('Delete', { ModelPackageGroupName: 'twice' }, 'twice'));
    const missing = await handler(event('Delete', { ModelPackageGroupName: 'never-created' }, 'never-created'));

    expect(again.Data).toEqual({ DeletedVersions: '0' });
    expect(missing.Data).toEqual({ DeletedVersions: '0' });
  });

  test('Create and Update do nothing', async () => {
    await groupWith('untouched', ['Approved']);
    const handler = createAutoDeleteHandler({ ...handlerOptions(), ...FAST });
    const before = emulator.calls.length;

    expect(await handler(event('Create', { ModelPackageGroupName: 'untouched' }))).toEqual({ PhysicalResourceId: 'untouched' });
    expect(await handler(event('Update', { ModelPackageGroupName: 'untouched' }, 'untouched'))).toEqual({ PhysicalResourceId: 'untouched' });

    expect(emulator.calls.length).toBe(before);
    expect(await remaining('untouched')).toBe(1);
  });
});

describe('the CloudFormation response', () => {
  const request = { ...event('Create', {}), ResponseURL: 'https://cloudformation-custom-resource-response.example/response?sig=1' };

  test('SUCCESS with the physical id and data', async () => {
    const sent: { url: string; body: any }[] = [];
    const handler = cloudFormationHandler(async () => ({ PhysicalResourceId: 'id', Data: { A: '1' } }),
      async (url, body) => { sent.push({ url, body: JSON.parse(body) }); }, () => {});

    await handler(request);

    expect(sent).toEqual([{
      url: request.ResponseURL,
      body: { Status: 'SUCCESS', PhysicalResourceId: 'id', Data: { A: '1' }, StackId: request.StackId, RequestId: 'request', LogicalResourceId: 'Resource' },
    }]);
  });

  test('FAILED with the reason, cut to 2000 characters, and an id for the rollback', async () => {
    const sent: any[] = [];
    const handler = cloudFormationHandler(async () => { throw new Error('x'.repeat(3000)); },
      async (_url, body) => { sent.push(JSON.parse(body)); }, () => {});

    await handler(request);

    expect(sent).toHaveLength(1);
    expect(sent[0].Status).toBe('FAILED');
    expect(sent[0].Reason).toBe(`${'x'.repeat(2000)}...`);
    expect(sent[0].PhysicalResourceId).toBe('Resource-not-created');
  });
});
