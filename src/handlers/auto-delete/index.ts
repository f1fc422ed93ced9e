/**
 * Handler of `Custom::SageMakerModelPackageGroupAutoDelete`: empties a model package group, and
 * deletes it, when the stack deletes the group with `autoDeleteModelPackages` on, because SageMaker
 * does not delete a group that still has versions.
 *
 * Ownership and intent are checked at Delete time, from the group itself, never from the event alone:
 *
 * - The group must carry the opt-in marker tag (`MarkerTagKey` = `true`). The library puts it on the
 *   group with the option; when the option is turned off, or when the update that turned it on rolls
 *   back, CloudFormation removes the tag while it updates the group, before the cleanup phase in which
 *   it deletes this custom resource: the Delete then finds no marker and keeps every version.
 * - The Delete that follows a failed Create (physical id `...-not-created`) does nothing, and so does a
 *   Delete whose physical id is not the group named in its properties.
 *
 * Emptying works in bounded batches (one listing page, deleted with a few calls at a time), logs its
 * progress, keeps going past a version it cannot delete, and continues in another invocation when the
 * time of this one runs out. Once the group is empty the handler deletes the group itself, so a version
 * registered meanwhile cannot make CloudFormation's own deletion of the group fail: if the group
 * deletion is refused because a version appeared, the handler empties the group again. At the end it
 * fails, naming the versions left and why, if any could not be deleted.
 *
 * Create and Update call nothing: they answer with the group name as the physical id (an Update with
 * another group name is a replacement; CloudFormation then deletes the old id with the old group).
 */
import {
  DeleteModelPackageCommand,
  DeleteModelPackageGroupCommand,
  DescribeModelPackageGroupCommand,
  ListModelPackagesCommand,
  ListTagsCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { Continue, CustomResourceEvent, HandlerResult, Invocation, deployTimeHandler, isNotCreated, isNotFound, isRetryable, messageOf } from '../shared/handler';
import { HandlerOptions, SageMakerCalls, groupNameOf, sageMakerClient } from '../shared/sagemaker';

/** Page size of the listings, and so the size of a batch. */
const PAGE_SIZE = 100;
/** DeleteModelPackage calls in flight at once. */
const CONCURRENCY = 8;
/** Time a batch needs at least; below it, the handler continues in another invocation. */
const MIN_BATCH_MS = 20_000;
/** Versions whose failure is remembered across invocations (so they are not tried again and again). */
const MAX_REMEMBERED_FAILURES = 500;
/** How often DeleteModelPackageGroup is tried again after a version appeared. */
const MAX_GROUP_DELETE_ATTEMPTS = 5;

/** The total budget of a request, over all invocations: below CloudFormation's hour (ServiceTimeout 55 minutes). */
export const AUTO_DELETE_BUDGET_MS = 50 * 60_000;

/** Options of the handler, for tests. */
export interface AutoDeleteHandlerOptions extends HandlerOptions {
  /** Time a batch needs at least, in milliseconds. @default 20000 */
  readonly minBatchMs?: number;
  /** Delay between checks for versions still being deleted, in milliseconds. @default 2000 */
  readonly pollIntervalMs?: number;
}

/** The progress kept across invocations. */
interface Progress {
  deleted: number;
  /** ARN -> why it could not be deleted. */
  failed: Record<string, string>;
  groupDeleteAttempts: number;
}

/** Creates the handler with its own client and call settings. */
export function createAutoDeleteHandler(options: AutoDeleteHandlerOptions = {}) {
  let client: SageMakerClient | undefined = options.client;
  const minBatchMs = options.minBatchMs ?? MIN_BATCH_MS;
  const pollIntervalMs = options.pollIntervalMs ?? 2_000;
  return async (event: CustomResourceEvent, invocation: Invocation): Promise<HandlerResult | Continue> => {
    const log = invocation.log;
    const group = String(event.ResourceProperties.ModelPackageGroupName ?? '');
    const marker = String(event.ResourceProperties.MarkerTagKey ?? '');
    if (event.RequestType !== 'Delete') {
      if (!group || !marker) {
        throw new Error(`${event.LogicalResourceId}: the properties ModelPackageGroupName and MarkerTagKey are required`);
      }
      return { PhysicalResourceId: group };
    }
    if (isNotCreated(event)) {
      log(`Delete after a failed Create (${event.PhysicalResourceId}): nothing to delete`);
      return { PhysicalResourceId: event.PhysicalResourceId };
    }
    if (event.PhysicalResourceId !== group || !marker) {
      log(`Delete of ${event.PhysicalResourceId}: it is not the group named in the request (${group || 'none'}); nothing to delete`);
      return { PhysicalResourceId: event.PhysicalResourceId };
    }
    client ??= sageMakerClient();
    const calls = new SageMakerCalls(client, invocation.budget, log, options.calls);
    const name = groupNameOf(group);
    const progress: Progress = { deleted: 0, failed: {}, groupDeleteAttempts: 0, ...(invocation.state as Partial<Progress> | undefined) };
    const done = (): HandlerResult => {
      log(`Deleted ${progress.deleted} version(s) of model package group ${name}, and the group`);
      return { PhysicalResourceId: group, Data: { DeletedVersions: String(progress.deleted) } };
    };

    if (invocation.state === undefined) {
      // First invocation: check the opt-in on the group itself.
      let groupArn: string | undefined;
      try {
        const described: any = await calls.send(`DescribeModelPackageGroup ${name}`, new DescribeModelPackageGroupCommand({ ModelPackageGroupName: name }));
        groupArn = described.ModelPackageGroupArn;
      } catch (error) {
        if (isNotFound(error)) {
          log(`Model package group ${name} does not exist: nothing to delete`);
          return { PhysicalResourceId: group, Data: { DeletedVersions: '0' } };
        }
        throw error;
      }
      const tags: any = await calls.send(`ListTags ${groupArn}`, new ListTagsCommand({ ResourceArn: groupArn, MaxResults: 100 }));
      const optedIn = (tags.Tags ?? []).some((t: any) => t.Key === marker && t.Value === 'true');
      if (!optedIn) {
        log(`Model package group ${name} does not carry the tag ${marker}=true (autoDeleteModelPackages was turned off, or the `
          + 'update that turned it on was rolled back): keeping every version');
        return { PhysicalResourceId: group, Data: { DeletedVersions: '0' } };
      }
      log(`Model package group ${name} carries ${marker}=true: emptying it`);
    }

    for (;;) {
      if (invocation.budget.lessThan(minBatchMs)) {
        return new Continue(progress as unknown as Record<string, unknown>,
          `the emptying of model package group ${name} (${progress.deleted} version(s) deleted so far)`, group);
      }
      // One batch: the first page of versions not known to fail.
      const page = await nextBatch(calls, name, progress);
      if (page === undefined) {
        log(`Model package group ${name} no longer exists`);
        return done();
      }
      const { deletable, deleting } = page;
      if (deletable.length > 0) {
        await deleteVersions(calls, deletable, progress);
        log(`Deleted ${progress.deleted} version(s) of model package group ${name} so far`
          + `${Object.keys(progress.failed).length > 0 ? `, ${Object.keys(progress.failed).length} could not be deleted` : ''}`);
        continue;
      }
      if (deleting > 0) {
        log(`${deleting} version(s) of model package group ${name} are still being deleted; waiting`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(pollIntervalMs, invocation.budget.remainingMs())));
        continue;
      }
      const failed = Object.entries(progress.failed);
      if (failed.length > 0) {
        throw new Error(failureReason(name, progress));
      }
      // Empty: delete the group ourselves, so that a version registered from now on cannot fail CloudFormation's delete.
      try {
        await calls.send(`DeleteModelPackageGroup ${name}`, new DeleteModelPackageGroupCommand({ ModelPackageGroupName: name }));
        return done();
      } catch (error) {
        if (isNotFound(error)) {
          return done();
        }
        progress.groupDeleteAttempts++;
        if (isRetryable(error) || progress.groupDeleteAttempts >= MAX_GROUP_DELETE_ATTEMPTS) {
          throw new Error(`Model package group ${name} was emptied (${progress.deleted} version(s) deleted) but could not be deleted: ${messageOf(error)}`);
        }
        log(`DeleteModelPackageGroup ${name}: ${messageOf(error)}; a version may have been registered meanwhile: emptying again`);
      }
    }
  };
}

/** The next versions to delete, and how many are being deleted; undefined when the group is gone. */
async function nextBatch(calls: SageMakerCalls, name: string, progress: Progress)
  : Promise<{ deletable: string[]; deleting: number } | undefined> {
  const deletable: string[] = [];
  let deleting = 0;
  let nextToken: string | undefined;
  try {
    do {
      const page: any = await calls.send(`ListModelPackages ${name}`,
        new ListModelPackagesCommand({ ModelPackageGroupName: name, MaxResults: PAGE_SIZE, NextToken: nextToken }));
      for (const summary of page.ModelPackageSummaryList ?? []) {
        if (summary.ModelPackageStatus === 'Deleting') {
          deleting++;
        } else if (!(summary.ModelPackageArn in progress.failed)) {
          deletable.push(summary.ModelPackageArn);
        }
      }
      nextToken = page.NextToken;
      // A batch is one page of work: stop listing as soon as there is some.
    } while (nextToken && deletable.length === 0);
  } catch (error) {
    if (isNotFound(error)) {
      return undefined;
    }
    throw error;
  }
  return { deletable, deleting };
}

/** Deletes the versions, a few at a time; a version that cannot be deleted is remembered with the reason. */
async function deleteVersions(calls: SageMakerCalls, arns: string[], progress: Progress): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < arns.length) {
      const arn = arns[next++];
      try {
        await calls.send(`DeleteModelPackage ${arn}`, new DeleteModelPackageCommand({ ModelPackageName: arn }));
        progress.deleted++;
      } catch (error) {
        if (isNotFound(error)) {
          continue;
        }
        if (isRetryable(error)) {
          // Still throttled or failing after the retries this invocation had time for: not a verdict on
          // the version; the next batch (or invocation) tries it again.
          calls.log(`Could not delete ${arn} yet: ${messageOf(error)}; trying again later`);
          continue;
        }
        if (Object.keys(progress.failed).length >= MAX_REMEMBERED_FAILURES) {
          throw new Error(`${failureReason(groupNameOf(arn.slice(0, arn.lastIndexOf('/'))), progress)}; and more`);
        }
        // Kept short: the progress travels with the request to the next invocation.
        progress.failed[arn] = messageOf(error).slice(0, 300);
        calls.log(`Could not delete ${arn}: ${messageOf(error)}; going on with the others`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, arns.length) }, worker));
}

function failureReason(name: string, progress: Progress): string {
  const failed = Object.entries(progress.failed);
  return `Model package group ${name} was not emptied: ${failed.length} version(s) could not be deleted `
    + `(${progress.deleted} were): ${failed.map(([arn, why]) => `${arn} (${why})`).join('; ')}. The group and these versions are kept; `
    + 'fix the cause and delete the stack again (this resource runs again then)';
}

/** The Lambda entry point. */
export const handler = deployTimeHandler(createAutoDeleteHandler(), { totalBudgetMs: AUTO_DELETE_BUDGET_MS, continuable: true });
