/**
 * Handler of `Custom::SageMakerLatestApprovedModelPackage`: finds the newest version of a model
 * package group whose approval status is `Approved`, at deploy time.
 *
 * Create and Update list the group's versions with status Approved, newest first
 * (ListModelPackages sorted by CreationTime, descending), page by page until one is found, and
 * answer with its ARN as the physical id and as data. A group without versions, or without an
 * approved version, fails the request with a message naming the group.
 *
 * Lifecycle: the lookup owns nothing, so Delete (also the Delete after a failed Create, or of the old
 * id after a replacement) calls nothing. An Update (such as the rollback of a stack update, which
 * sends the old properties) looks up again; if the group has no approved version any more, it keeps
 * the version of the same group found before (with a warning in the log) instead of failing.
 */
import { ModelPackageSummary, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { CustomResourceEvent, HandlerResult, Invocation, deployTimeHandler, isNotFound } from '../shared/handler';
import { HandlerOptions, SageMakerCalls, groupNameOf, sageMakerClient } from '../shared/sagemaker';

/** Page size of the lookups. */
const PAGE_SIZE = 50;

/** The total budget of a request: one invocation (the function's timeout is 2 minutes). */
export const LATEST_APPROVED_BUDGET_MS = 100_000;

/** Creates the handler with its own client and call settings. */
export function createLatestApprovedHandler(options: HandlerOptions = {}) {
  let client: SageMakerClient | undefined = options.client;
  return async (event: CustomResourceEvent, invocation: Invocation): Promise<HandlerResult> => {
    if (event.RequestType === 'Delete') {
      invocation.log(`Delete of lookup ${event.PhysicalResourceId}: the lookup owns nothing`);
      return { PhysicalResourceId: event.PhysicalResourceId };
    }
    const group = String(event.ResourceProperties.ModelPackageGroupName ?? '');
    if (!group) {
      throw new Error(`${event.LogicalResourceId}: the property ModelPackageGroupName is required`);
    }
    client ??= sageMakerClient();
    const calls = new SageMakerCalls(client, invocation.budget, invocation.log, options.calls);
    let arn: string;
    try {
      arn = (await newestApproved(calls, group)).ModelPackageArn!;
    } catch (error) {
      const current = event.PhysicalResourceId;
      if (event.RequestType !== 'Update' || !(error instanceof NoApprovedVersion) || current === undefined
        || !current.includes(`:model-package/${groupNameOf(group)}/`)) {
        throw error;
      }
      // An Update (for example the rollback of a stack update) never fails for want of an approved
      // version: it keeps the version of the same group found before, which is what is deployed.
      invocation.log(`WARNING: ${(error as Error).message}; keeping the version found before, ${current}`);
      arn = current;
    }
    invocation.log(`Latest approved version of ${groupNameOf(group)}: ${arn}`);
    const version = arn.slice(arn.lastIndexOf('/') + 1);
    return {
      PhysicalResourceId: arn,
      Data: { ModelPackageArn: arn, ModelPackageVersion: version, ModelPackageName: `${groupNameOf(group)}/${version}` },
    };
  };
}

/** The group has no approved version (or no version at all). */
class NoApprovedVersion extends Error {}

async function newestApproved(calls: SageMakerCalls, group: string): Promise<ModelPackageSummary> {
  let found: ModelPackageSummary | undefined;
  try {
    await calls.forEachModelPackagePage({
      ModelPackageGroupName: group,
      ModelApprovalStatus: 'Approved',
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
      MaxResults: PAGE_SIZE,
    }, (page) => {
      // Sorted newest first: the first approved version of the first non-empty page is the newest.
      found = page.find((p) => p.ModelApprovalStatus === 'Approved');
      return found === undefined;
    });
  } catch (error) {
    if (isNotFound(error)) {
      throw new Error(`Model package group ${groupNameOf(group)} does not exist (or this account may not list it): ${(error as Error).message}`);
    }
    throw error;
  }
  if (found) {
    return found;
  }
  let versions = 0;
  await calls.forEachModelPackagePage({ ModelPackageGroupName: group, MaxResults: PAGE_SIZE }, (page) => {
    versions += page.length;
  });
  throw new NoApprovedVersion(versions === 0
    ? `Model package group ${groupNameOf(group)} has no versions yet, so it has no approved version to deploy: register a version and approve it`
    : `Model package group ${groupNameOf(group)} has ${versions} version(s) but none with approval status Approved: approve a version first`);
}

/** The Lambda entry point. */
export const handler = deployTimeHandler(createLatestApprovedHandler(), { totalBudgetMs: LATEST_APPROVED_BUDGET_MS });
