/**
 * Lifecycle stages: the stage a version gets at registration (`ModelPackage`'s `lifeCycle`,
 * `Custom::SageMakerModelPackageLifeCycle`, served by the approval handler), stage-only approvals,
 * and the filtered lookup (`latestModelPackage()`: approval status, stage, stage status, customer
 * metadata), driven with the CloudFormation event sequences of a stack's life against moto's SageMaker
 * behind RegistryEmulator (which remembers ModelLifeCycle, puts it into ListModelPackages summaries
 * like SageMaker's API model, and holds synthetic versions for large groups).
 */
import {
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteModelPackageCommand,
  DescribeModelPackageCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { MOTO_ACCOUNT, REGION, XGBOOST_IMAGE } from '../constants';
import { FAST_CALLS, runToEnd } from './harness';
import { RegistryEmulator } from './registry-emulator';
import { createApprovalHandler as approvalHandler } from '../../src/handlers/approval';
import { createLatestApprovedHandler as latestHandler } from '../../src/handlers/latest-approved';
import { CustomResourceEvent } from '../../src/handlers/shared/handler';


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

beforeEach(() => {
  emulator.clearFaults();
  emulator.lifeCycleInSummaries = true;
});

/** A CloudFormation request; an Update without `old` is one with unchanged properties. */
function event(type: 'Create' | 'Update' | 'Delete', properties: Record<string, any>,
  options: { physicalId?: string; old?: Record<string, any>; resourceType?: string } = {}): CustomResourceEvent {
  return {
    RequestType: type,
    RequestId: 'request',
    StackId: `arn:aws:cloudformation:${REGION}:${MOTO_ACCOUNT}:stack/Stack/guid`,
    LogicalResourceId: 'Resource',
    ResourceType: options.resourceType ?? 'Custom::SageMakerModelPackageLifeCycle',
    PhysicalResourceId: options.physicalId,
    ResourceProperties: { ServiceToken: `arn:aws:lambda:${REGION}:${MOTO_ACCOUNT}:function:handler`, ...properties },
    OldResourceProperties: type === 'Update' ? { ServiceToken: `arn:aws:lambda:${REGION}:${MOTO_ACCOUNT}:function:handler`, ...(options.old ?? properties) } : undefined,
  };
}

async function register(group: string, status: string, metadata?: Record<string, string>): Promise<string> {
  const created = await client.send(new CreateModelPackageCommand({
    ModelPackageGroupName: group,
    ModelApprovalStatus: status as any,
    CustomerMetadataProperties: metadata,
    InferenceSpecification: { Containers: [{ Image: XGBOOST_IMAGE }], SupportedContentTypes: ['text/csv'], SupportedResponseMIMETypes: ['text/csv'] },
  }));
  return created.ModelPackageArn!;
}

/** Creates a group with versions of the given statuses (version n has statuses[n - 1]); returns their ARNs. */
async function groupWith(name: string, statuses: string[]): Promise<string[]> {
  await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: name }));
  const arns: string[] = [];
  for (const status of statuses) {
    arns.push(await register(name, status));
  }
  return arns;
}

async function describe_(arn: string) {
  return client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
}

/** The UpdateModelPackage requests the handlers send, as SageMaker receives them. */
function recordUpdates(): any[] {
  const updates: any[] = [];
  emulator.onCall('UpdateModelPackage', (input) => {
    updates.push(input);
  });
  return updates;
}

function approval(logs?: string[]) {
  const handle = approvalHandler({ client: emulator.client(), calls: FAST_CALLS });
  return async (e: CustomResourceEvent) => (await runToEnd(handle, e, { logs })).result;
}

function lookup(logs?: string[]) {
  const handle = latestHandler({ client: emulator.client(), calls: FAST_CALLS });
  return async (e: CustomResourceEvent) => (await runToEnd(handle, e, { logs })).result;
}

const stage = (arn: string, s: string, status: string, description?: string) => ({
  ModelPackageArn: arn, Stage: s, StageStatus: status, ...(description === undefined ? {} : { StageDescription: description }),
});

// -------------------------------------------------------------------------------------------------

describe('the stage of a version at registration (Custom::SageMakerModelPackageLifeCycle)', () => {
  let arns: string[];

  beforeAll(async () => {
    arns = await groupWith('stage-reg', ['PendingManualApproval', 'Approved']);
  }, 60_000);

  test('Create sets the stage with UpdateModelPackage carrying only the ARN and ModelLifeCycle; the approval status stays', async () => {
    const updates = recordUpdates();
    const logs: string[] = [];

    const result = await approval(logs)(event('Create', stage(arns[0], 'Development', 'InProgress', 'Registered by CI')));

    expect(result).toEqual({ PhysicalResourceId: arns[0], Data: { PreviousStage: '', Stage: 'Development' } });
    expect(updates).toEqual([{
      ModelPackageArn: arns[0],
      ModelLifeCycle: { Stage: 'Development', StageStatus: 'InProgress', StageDescription: 'Registered by CI' },
    }]);
    const described = await describe_(arns[0]);
    expect(described.ModelLifeCycle).toEqual({ Stage: 'Development', StageStatus: 'InProgress', StageDescription: 'Registered by CI' });
    expect(described.ModelApprovalStatus).toBe('PendingManualApproval');
    expect(logs).toContain(`${arns[0]}: no stage -> stage Development (InProgress) (approval status PendingManualApproval left as it is)`);
  });

  test('an approved version keeps its status when its stage is set', async () => {
    await approval()(event('Create', stage(arns[1], 'Production', 'Deployed')));

    const described = await describe_(arns[1]);
    expect(described.ModelLifeCycle).toEqual({ Stage: 'Production', StageStatus: 'Deployed' });
    expect(described.ModelApprovalStatus).toBe('Approved');
  });

  test('Update with a new stage sets it, same id', async () => {
    const updates = recordUpdates();

    const result = await approval()(event('Update', stage(arns[0], 'Staging', 'InProgress'), {
      physicalId: arns[0], old: stage(arns[0], 'Development', 'InProgress', 'Registered by CI'),
    }));

    expect(result.PhysicalResourceId).toBe(arns[0]);
    expect(updates).toEqual([{ ModelPackageArn: arns[0], ModelLifeCycle: { Stage: 'Staging', StageStatus: 'InProgress' } }]);
    expect((await describe_(arns[0])).ModelLifeCycle).toEqual({ Stage: 'Staging', StageStatus: 'InProgress' });
    expect((await describe_(arns[0])).ModelApprovalStatus).toBe('PendingManualApproval');
  });

  test('the rollback Update (old properties as new) sets the stage from before again', async () => {
    const result = await approval()(event('Update', stage(arns[0], 'Development', 'InProgress', 'Registered by CI'), {
      physicalId: arns[0], old: stage(arns[0], 'Staging', 'InProgress'),
    }));

    expect(result.PhysicalResourceId).toBe(arns[0]);
    expect((await describe_(arns[0])).ModelLifeCycle).toEqual({ Stage: 'Development', StageStatus: 'InProgress', StageDescription: 'Registered by CI' });
    expect((await describe_(arns[0])).ModelApprovalStatus).toBe('PendingManualApproval');
  });

  test('Update after the package was replaced sets the stage on the new version (a new id); the old version keeps its own', async () => {
    const replacement = await register('stage-reg', 'PendingManualApproval');

    const result = await approval()(event('Update', stage(replacement, 'Development', 'InProgress'), {
      physicalId: arns[0], old: stage(arns[0], 'Development', 'InProgress', 'Registered by CI'),
    }));
    // CloudFormation then deletes the old id: nothing is called.
    const before = emulator.calls.length;
    await approval()(event('Delete', stage(arns[0], 'Development', 'InProgress', 'Registered by CI'), { physicalId: arns[0] }));
    const after = emulator.calls.length;

    expect(result.PhysicalResourceId).toBe(replacement);
    expect(after).toBe(before);
    expect((await describe_(replacement)).ModelLifeCycle).toEqual({ Stage: 'Development', StageStatus: 'InProgress' });
    expect((await describe_(arns[0])).ModelLifeCycle).toEqual({ Stage: 'Development', StageStatus: 'InProgress', StageDescription: 'Registered by CI' });
  });

  test('Delete after a failed Create calls nothing', async () => {
    const [arn] = await groupWith('stage-failed', ['PendingManualApproval']);
    emulator.failNext('UpdateModelPackage', 'ValidationException');
    await expect(approval()(event('Create', stage(arn, 'Development', 'InProgress'))))
      .rejects.toThrow(`UpdateModelPackage ${arn} failed: ValidationException: Injected ValidationException`);
    const before = emulator.calls.length;

    const result = await approval()(event('Delete', stage(arn, 'Development', 'InProgress'), { physicalId: 'Resource-not-created' }));

    expect(result).toEqual({ PhysicalResourceId: 'Resource-not-created' });
    expect(emulator.calls.length).toBe(before);
    const described = await describe_(arn);
    expect(described.ModelLifeCycle).toBeUndefined();
    expect(described.ModelApprovalStatus).toBe('PendingManualApproval');
  });

  test('Delete when lifeCycle is removed while the package stays: the version keeps its stage and status', async () => {
    const [arn] = await groupWith('stage-removed', ['Approved']);
    await approval()(event('Create', stage(arn, 'Production', 'Deployed')));
    const before = emulator.calls.length;
    const logs: string[] = [];

    const result = await approval(logs)(event('Delete', stage(arn, 'Production', 'Deployed'), { physicalId: arn }));

    expect(result).toEqual({ PhysicalResourceId: arn });
    expect(emulator.calls.length).toBe(before);
    const described = await describe_(arn);
    expect(described.ModelPackageArn).toBe(arn);
    expect(described.ModelLifeCycle).toEqual({ Stage: 'Production', StageStatus: 'Deployed' });
    expect(described.ModelApprovalStatus).toBe('Approved');
    expect(logs).toEqual([`Delete: leaving ${arn} as it is, with its approval status and stage (decisions and stages are part of the registry's history)`]);
  });

  test('neither a status nor a stage is refused before any call', async () => {
    const before = emulator.calls.length;
    await expect(approval()(event('Create', { ModelPackageArn: 'arn:x' })))
      .rejects.toThrow('Resource: ApprovalStatus or Stage of arn:x is required (the approval status or the stage to set), got neither');
    expect(emulator.calls.length).toBe(before);
  });
});

describe('stage-only approvals (ModelPackageApproval without approvalStatus)', () => {
  test('a stage without a status never sends ModelApprovalStatus and skips the transition checks', async () => {
    // Rejected -> (nothing): a status-only approval could not move it back to PendingManualApproval, a stage-only one never tries.
    const [arn] = await groupWith('stage-only', ['Rejected']);
    const updates = recordUpdates();

    await approval()(event('Create', stage(arn, 'Archived', 'Retired'), { resourceType: 'Custom::SageMakerModelPackageApproval' }));

    expect(updates).toEqual([{ ModelPackageArn: arn, ModelLifeCycle: { Stage: 'Archived', StageStatus: 'Retired' } }]);
    expect((await describe_(arn)).ModelApprovalStatus).toBe('Rejected');
  });

  test('a rollback refused for the status still sets the stage from before', async () => {
    const [arn] = await groupWith('stage-rollback-refused', ['Approved']);
    emulator.failNext('UpdateModelPackage', 'ValidationException');
    const logs: string[] = [];

    const result = await approval(logs)(event('Update',
      { ...stage(arn, 'Development', 'InProgress'), ApprovalStatus: 'PendingManualApproval' },
      { physicalId: arn, old: { ...stage(arn, 'Production', 'Deployed'), ApprovalStatus: 'Approved' }, resourceType: 'Custom::SageMakerModelPackageApproval' }));

    expect(result.Data).toEqual({ PreviousApprovalStatus: 'Approved', ApprovalStatus: 'Approved' });
    const described = await describe_(arn);
    expect(described.ModelApprovalStatus).toBe('Approved');
    expect(described.ModelLifeCycle).toEqual({ Stage: 'Development', StageStatus: 'InProgress' });
    expect(logs).toContain(`${arn}: no stage -> stage Development (InProgress)`);
  });
});

// -------------------------------------------------------------------------------------------------

describe('the newest version matching a filter (latestModelPackage)', () => {
  const lookupProps = (group: string, filter: Record<string, any>) => ({ ModelPackageGroupName: group, ...filter });
  const approvedInProduction = { Stage: 'Production', StageStatus: 'Approved' };

  test('pages past more versions than a page holds to the newest in the stage, reading stages from summaries only', async () => {
    // GIVEN 1 version in Production (the oldest), then 120 newer ones in Staging, all approved
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'paged-stage' }));
    const [production] = emulator.addSyntheticVersions('paged-stage', 1, 'Approved', { lifeCycle: { Stage: 'Production', StageStatus: 'Approved' } });
    emulator.addSyntheticVersions('paged-stage', 120, 'Approved', { lifeCycle: { Stage: 'Staging', StageStatus: 'Approved' } });
    const lists = emulator.count('ListModelPackages');
    const describes = emulator.count('DescribeModelPackage');

    // WHEN
    const result = await lookup()(event('Create', lookupProps('paged-stage', { ApprovalStatus: 'Approved', ...approvedInProduction })));

    // THEN
    expect(result).toEqual({
      PhysicalResourceId: production,
      Data: { ModelPackageArn: production, ModelPackageVersion: '100001', ModelPackageName: 'paged-stage/100001' },
    });
    // Pages of 50: the match is the 121st version, on the third page; no version was described.
    expect(emulator.count('ListModelPackages') - lists).toBe(3);
    expect(emulator.count('DescribeModelPackage') - describes).toBe(0);
  });

  test('when summaries carry no stages, each version is described until the match', async () => {
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'paged-described' }));
    const [production] = emulator.addSyntheticVersions('paged-described', 1, 'Approved', { lifeCycle: { Stage: 'Production', StageStatus: 'Approved' } });
    emulator.addSyntheticVersions('paged-described', 60, 'Approved', { lifeCycle: { Stage: 'Staging', StageStatus: 'Approved' } });
    emulator.lifeCycleInSummaries = false;
    const describes = emulator.count('DescribeModelPackage');
    const logs: string[] = [];

    const result = await lookup(logs)(event('Create', lookupProps('paged-described', { ...approvedInProduction })));

    expect(result.PhysicalResourceId).toBe(production);
    expect(emulator.count('DescribeModelPackage') - describes).toBe(61);
    expect(logs).toContain('Described 61 version(s) of paged-described to match approval status Approved, stage Production and stage status Approved');
  });

  test('once a summary carries a stage, summaries without one are versions without a stage: no more describing', async () => {
    // Newest first: 5 versions without a stage, 1 in Staging, 10 more without a stage, then the match.
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'mixed-stages' }));
    const [production] = emulator.addSyntheticVersions('mixed-stages', 1, 'Approved', { lifeCycle: { Stage: 'Production', StageStatus: 'Approved' } });
    emulator.addSyntheticVersions('mixed-stages', 10, 'Approved');
    emulator.addSyntheticVersions('mixed-stages', 1, 'Approved', { lifeCycle: { Stage: 'Staging', StageStatus: 'Approved' } });
    emulator.addSyntheticVersions('mixed-stages', 5, 'Approved');
    const describes = emulator.count('DescribeModelPackage');

    const result = await lookup()(event('Create', lookupProps('mixed-stages', { ...approvedInProduction })));

    expect(result.PhysicalResourceId).toBe(production);
    expect(emulator.count('DescribeModelPackage') - describes).toBe(5);
  });

  test('the approval status filter comes first: a newer version in the stage but Rejected does not count', async () => {
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'stage-and-status' }));
    const [approved] = emulator.addSyntheticVersions('stage-and-status', 1, 'Approved', { lifeCycle: { Stage: 'Production', StageStatus: 'Approved' } });
    const [rejected] = emulator.addSyntheticVersions('stage-and-status', 1, 'Rejected', { lifeCycle: { Stage: 'Production', StageStatus: 'Approved' } });

    const approvedOnly = await lookup()(event('Create', lookupProps('stage-and-status', { ...approvedInProduction })));
    const anyStatus = await lookup()(event('Create', lookupProps('stage-and-status', { ApprovalStatus: 'Any', ...approvedInProduction })));
    const rejectedOnly = await lookup()(event('Create', lookupProps('stage-and-status', { ApprovalStatus: 'Rejected', Stage: 'Production' })));

    expect(approvedOnly.PhysicalResourceId).toBe(approved);
    expect(anyStatus.PhysicalResourceId).toBe(rejected);
    expect(rejectedOnly.PhysicalResourceId).toBe(rejected);
  });

  test('a stage without a stage status matches any status within the stage', async () => {
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'stage-any-status' }));
    emulator.addSyntheticVersions('stage-any-status', 1, 'Approved', { lifeCycle: { Stage: 'Production', StageStatus: 'Approved' } });
    const [deployed] = emulator.addSyntheticVersions('stage-any-status', 1, 'Approved', { lifeCycle: { Stage: 'Production', StageStatus: 'Deployed' } });

    const result = await lookup()(event('Create', lookupProps('stage-any-status', { Stage: 'Production' })));

    expect(result.PhysicalResourceId).toBe(deployed);
  });

  test('customer metadata: every pair must match (moto versions, described)', async () => {
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'by-metadata' }));
    const wanted = await register('by-metadata', 'Approved', { team: 'fraud', tier: 'gold', extra: 'ignored' });
    await register('by-metadata', 'Approved', { team: 'fraud' });
    await register('by-metadata', 'Approved', { team: 'growth', tier: 'gold' });
    await register('by-metadata', 'Approved');
    const described: any[] = [];
    emulator.onCall('DescribeModelPackage', (input) => {
      described.push(input);
    });

    const result = await lookup()(event('Create', lookupProps('by-metadata', { CustomerMetadata: { team: 'fraud', tier: 'gold' } })));

    expect(result.PhysicalResourceId).toBe(wanted);
    // Newest first, until the match; metadata only, so that no version needs kms:Decrypt.
    expect(described).toHaveLength(4);
    expect(described.every((input) => input.IncludedData === 'MetadataOnly')).toBe(true);
  });

  test('a stage set with the approval handler is found by the lookup (moto versions)', async () => {
    const arns = await groupWith('staged-then-found', ['Approved', 'Approved', 'PendingManualApproval']);
    await approval()(event('Create', stage(arns[0], 'Production', 'Approved')));
    await approval()(event('Create', stage(arns[2], 'Production', 'Approved')));

    const result = await lookup()(event('Create', lookupProps('staged-then-found', { ...approvedInProduction })));

    // Version 3 is newer and in Production, but not approved.
    expect(result.PhysicalResourceId).toBe(arns[0]);
  });

  test('no match: the error names the group, its version count and the whole filter', async () => {
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'no-match' }));
    emulator.addSyntheticVersions('no-match', 12, 'Approved', { lifeCycle: { Stage: 'Staging', StageStatus: 'Approved' } });

    await expect(lookup()(event('Create', lookupProps('no-match', { ...approvedInProduction }))))
      .rejects.toThrow('Model package group no-match has 12 version(s) but none with approval status Approved, stage Production and stage status Approved');
    await expect(lookup()(event('Create', lookupProps('no-match', { ApprovalStatus: 'Any', Stage: 'Staging', CustomerMetadata: { team: 'fraud' } }))))
      .rejects.toThrow('Model package group no-match has 12 version(s) but none with stage Staging and customer metadata {team: fraud}');
  });

  test('the stage matches but the stage status does not: no match, naming the stage status', async () => {
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'status-mismatch' }));
    emulator.addSyntheticVersions('status-mismatch', 3, 'Approved', { lifeCycle: { Stage: 'Production', StageStatus: 'PendingReview' } });

    await expect(lookup()(event('Create', lookupProps('status-mismatch', { ...approvedInProduction }))))
      .rejects.toThrow('Model package group status-mismatch has 3 version(s) but none with approval status Approved, stage Production and stage status Approved');
  });

  test('a group without versions: the error names the group and the filter', async () => {
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'no-versions' }));

    await expect(lookup()(event('Create', lookupProps('no-versions', { Stage: 'Production' }))))
      .rejects.toThrow('Model package group no-versions has no versions yet, so it has no version with approval status Approved and stage Production '
        + 'to deploy: register one first');
  });

  test('a rollback Update that finds no match any more keeps the version found before, with a warning', async () => {
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'stage-revoked' }));
    const [arn] = emulator.addSyntheticVersions('stage-revoked', 1, 'Approved', { lifeCycle: { Stage: 'Production', StageStatus: 'Approved' } });
    const props = lookupProps('stage-revoked', { ...approvedInProduction, Refresh: 't1' });
    const first = await lookup()(event('Create', props));
    await approval()(event('Create', stage(arn, 'Archived', 'Retired')));
    const logs: string[] = [];

    const result = await lookup(logs)(event('Update', props, { physicalId: first.PhysicalResourceId, old: { ...props, Refresh: 't2' } }));

    expect(result.PhysicalResourceId).toBe(arn);
    expect(logs).toContain('WARNING: Model package group stage-revoked has 1 version(s) but none with approval status Approved, stage Production and '
      + `stage status Approved; keeping the version found before, ${arn}`);
    // A Create (not a rollback) fails.
    await expect(lookup()(event('Create', props))).rejects.toThrow('none with approval status Approved, stage Production and stage status Approved');
  });

  test('a version described after it was listed but deleted since is skipped', async () => {
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'listed-then-gone' }));
    const [older] = emulator.addSyntheticVersions('listed-then-gone', 1, 'Approved', { customerMetadata: { team: 'fraud' } });
    const [newer] = emulator.addSyntheticVersions('listed-then-gone', 1, 'Approved', { customerMetadata: { team: 'fraud' } });
    // The newer version is deleted between the listing and its description.
    emulator.onCall('DescribeModelPackage', async (input) => {
      if (input.ModelPackageName === newer) {
        await client.send(new DeleteModelPackageCommand({ ModelPackageName: newer }));
      }
    });
    const logs: string[] = [];

    const result = await lookup(logs)(event('Create', lookupProps('listed-then-gone', { CustomerMetadata: { team: 'fraud' } })));

    expect(result.PhysicalResourceId).toBe(older);
    expect(logs).toContain(`${newer} was listed but is gone: skipping it`);
  });

  test('a bad filter is refused before any call', async () => {
    const before = emulator.calls.length;
    await expect(lookup()(event('Create', lookupProps('any', { StageStatus: 'Approved' }))))
      .rejects.toThrow("Resource: StageStatus requires Stage, got StageStatus 'Approved' without Stage");
    await expect(lookup()(event('Create', lookupProps('any', { ApprovalStatus: 'Maybe' }))))
      .rejects.toThrow("Resource: ApprovalStatus must be one of Approved, Rejected, PendingManualApproval, Any, got 'Maybe'");
    expect(emulator.calls.length).toBe(before);
  });

  test('without ApprovalStatus a lookup means Approved (the templates of latestApprovedModelPackage)', async () => {
    const arns = await groupWith('legacy-approved', ['Approved', 'Rejected']);

    const legacy = await lookup()(event('Create', lookupProps('legacy-approved', {})));
    const any = await lookup()(event('Create', lookupProps('legacy-approved', { ApprovalStatus: 'Any' })));

    expect(legacy.PhysicalResourceId).toBe(arns[0]);
    expect(any.PhysicalResourceId).toBe(arns[1]);
  });
});
