/**
 * Handler of `Custom::SageMakerLatestApprovedModelPackage`: finds the newest version of a model
 * package group that matches a filter, at deploy time.
 *
 * The filter (resource properties, all optional):
 *
 * - `ApprovalStatus`: a `ModelApprovalStatus`, or `Any` for every status. Absent means `Approved`:
 *   that is what every lookup meant before the filters existed (`latestApprovedModelPackage()`), and
 *   what its templates still render.
 * - `Stage` and `StageStatus` (only with `Stage`): the version's `ModelLifeCycle`, compared exactly.
 * - `CustomerMetadata`: a map; every pair must be in the version's `CustomerMetadataProperties`.
 *
 * Create and Update list the group's versions, filtered by approval status by SageMaker, newest
 * first (ListModelPackages sorted by CreationTime, descending), page by page, and take the first
 * version that matches the rest of the filter. A version's stage is read from its summary
 * (`ModelLifeCycle`); only when summaries do not carry stages (none seen so far in the lookup), or for
 * customer metadata, is the version described (DescribeModelPackage with IncludedData MetadataOnly,
 * which needs no kms:Decrypt). The answer is the version's ARN as the physical id and as data. A group
 * without versions, or without a matching version, fails the request with a message naming the group
 * and the filter.
 *
 * Lifecycle: the lookup owns nothing, so Delete (also the Delete after a failed Create, or of the old
 * id after a replacement) calls nothing. An Update (such as the rollback of a stack update, which
 * sends the old properties) looks up again; if the group has no matching version any more, it keeps
 * the version of the same group found before (with a warning in the log) instead of failing.
 */
import {
  DescribeModelPackageCommand,
  DescribeModelPackageCommandOutput,
  ListModelPackagesCommand,
  ListModelPackagesCommandOutput,
  ModelLifeCycle,
  ModelPackageSummary,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { ModelApprovalStatus } from '../../approval';
import { CustomResourceEvent, HandlerResult, Invocation, deployTimeHandler, isNotFound } from '../shared/handler';
import { HandlerOptions, SageMakerCalls, groupNameOf, sageMakerClient } from '../shared/sagemaker';

/** Page size of the lookups. */
const PAGE_SIZE = 50;

/** The total budget of a request: one invocation (the function's timeout is 2 minutes). */
export const LATEST_APPROVED_BUDGET_MS = 100_000;

/**
 * The value of `ApprovalStatus` that matches every status (the same as in
 * src/private/deploy-time/latest-model-package-lookup.ts).
 */
export const ANY_APPROVAL_STATUS = 'Any';

const STATUSES = Object.values(ModelApprovalStatus) as string[];

/** What a version must match. */
export interface VersionFilter {
  /** Undefined: any status. */
  readonly approvalStatus?: string;
  readonly stage?: string;
  readonly stageStatus?: string;
  readonly customerMetadata?: Record<string, string>;
}

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
    const filter = filterOf(event);
    client ??= sageMakerClient();
    const calls = new SageMakerCalls(client, invocation.budget, invocation.log, options.calls);
    let arn: string;
    try {
      arn = await newestMatching(calls, group, filter);
    } catch (error) {
      const current = event.PhysicalResourceId;
      if (event.RequestType !== 'Update' || !(error instanceof NoMatchingVersion) || current === undefined
        || !current.includes(`:model-package/${groupNameOf(group)}/`)) {
        throw error;
      }
      // An Update (for example the rollback of a stack update) never fails for want of a matching
      // version: it keeps the version of the same group found before, which is what is deployed.
      invocation.log(`WARNING: ${(error as Error).message}; keeping the version found before, ${current}`);
      arn = current;
    }
    invocation.log(`Newest version of ${groupNameOf(group)} with ${describeFilter(filter)}: ${arn}`);
    const version = arn.slice(arn.lastIndexOf('/') + 1);
    return {
      PhysicalResourceId: arn,
      Data: { ModelPackageArn: arn, ModelPackageVersion: version, ModelPackageName: `${groupNameOf(group)}/${version}` },
    };
  };
}

/** The filter of a request, checked. */
export function filterOf(event: CustomResourceEvent): VersionFilter {
  const props = event.ResourceProperties;
  const status = props.ApprovalStatus === undefined ? ModelApprovalStatus.APPROVED : String(props.ApprovalStatus);
  if (status !== ANY_APPROVAL_STATUS && !STATUSES.includes(status)) {
    throw new Error(`${event.LogicalResourceId}: ApprovalStatus must be one of ${[...STATUSES, ANY_APPROVAL_STATUS].join(', ')}, got '${status}'`);
  }
  const stage = props.Stage === undefined ? undefined : String(props.Stage);
  const stageStatus = props.StageStatus === undefined ? undefined : String(props.StageStatus);
  if (stageStatus !== undefined && stage === undefined) {
    throw new Error(`${event.LogicalResourceId}: StageStatus requires Stage, got StageStatus '${stageStatus}' without Stage`);
  }
  const metadata = props.CustomerMetadata;
  if (metadata !== undefined && (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata))) {
    throw new Error(`${event.LogicalResourceId}: CustomerMetadata must be a map of keys to values, got ${JSON.stringify(metadata)}`);
  }
  const customerMetadata = metadata === undefined || Object.keys(metadata).length === 0
    ? undefined
    : Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, String(v)]));
  return {
    approvalStatus: status === ANY_APPROVAL_STATUS ? undefined : status,
    stage,
    stageStatus,
    customerMetadata,
  };
}

/** The filter in words: `approval status Approved, stage Production and stage status Approved`. */
export function describeFilter(filter: VersionFilter): string {
  const parts: string[] = [];
  if (filter.approvalStatus !== undefined) {
    parts.push(`approval status ${filter.approvalStatus}`);
  }
  if (filter.stage !== undefined) {
    parts.push(`stage ${filter.stage}`);
  }
  if (filter.stageStatus !== undefined) {
    parts.push(`stage status ${filter.stageStatus}`);
  }
  if (filter.customerMetadata !== undefined) {
    parts.push(`customer metadata {${Object.entries(filter.customerMetadata).map(([k, v]) => `${k}: ${v}`).join(', ')}}`);
  }
  if (parts.length === 0) {
    return 'any approval status';
  }
  return parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The group has no matching version (or no version at all). */
class NoMatchingVersion extends Error {}

/** Whether the filter is that of `latestApprovedModelPackage()`: approved, nothing else. */
function isApprovedOnly(filter: VersionFilter): boolean {
  return filter.approvalStatus === ModelApprovalStatus.APPROVED && filter.stage === undefined && filter.customerMetadata === undefined;
}

/** The ARN of the newest version of `group` that matches `filter`. */
async function newestMatching(calls: SageMakerCalls, group: string, filter: VersionFilter): Promise<string> {
  const matcher = new Matcher(calls, filter);
  let nextToken: string | undefined;
  do {
    const page = await listPage(calls, group, filter, nextToken);
    // Sorted newest first: the first match is the newest.
    for (const summary of page.ModelPackageSummaryList ?? []) {
      if (await matcher.matches(summary)) {
        if (matcher.described > 0) {
          calls.log(`Described ${matcher.described} version(s) of ${groupNameOf(group)} to match ${describeFilter(filter)}`);
        }
        return summary.ModelPackageArn!;
      }
    }
    nextToken = page.NextToken;
  } while (nextToken);
  let versions = 0;
  await calls.forEachModelPackagePage({ ModelPackageGroupName: group, MaxResults: PAGE_SIZE }, (page) => {
    versions += page.length;
  });
  const name = groupNameOf(group);
  if (isApprovedOnly(filter)) {
    throw new NoMatchingVersion(versions === 0
      ? `Model package group ${name} has no versions yet, so it has no approved version to deploy: register a version and approve it`
      : `Model package group ${name} has ${versions} version(s) but none with approval status Approved: approve a version first`);
  }
  throw new NoMatchingVersion(versions === 0
    ? `Model package group ${name} has no versions yet, so it has no version with ${describeFilter(filter)} to deploy: register one first`
    : `Model package group ${name} has ${versions} version(s) but none with ${describeFilter(filter)}`);
}

/** One page of the group's versions with the filter's approval status, newest first. */
async function listPage(calls: SageMakerCalls, group: string, filter: VersionFilter,
  nextToken: string | undefined): Promise<ListModelPackagesCommandOutput> {
  try {
    return await calls.send(`ListModelPackages ${group}`, new ListModelPackagesCommand({
      ModelPackageGroupName: group,
      ModelApprovalStatus: filter.approvalStatus as ModelApprovalStatus | undefined,
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
      MaxResults: PAGE_SIZE,
      NextToken: nextToken,
    }));
  } catch (error) {
    if (isNotFound(error)) {
      throw new Error(`Model package group ${groupNameOf(group)} does not exist (or this account may not list it): ${(error as Error).message}`);
    }
    throw error;
  }
}

/** Matches version summaries against a filter, describing versions only when their summaries cannot tell. */
class Matcher {
  /** How many versions were described. */
  public described = 0;
  /**
   * Whether a summary carried a `ModelLifeCycle` in this lookup: then SageMaker puts stages into
   * summaries, and a summary without one is a version without a stage.
   */
  private summariesCarryStages = false;

  constructor(private readonly calls: SageMakerCalls, private readonly filter: VersionFilter) {}

  public async matches(summary: ModelPackageSummary): Promise<boolean> {
    const filter = this.filter;
    if (filter.approvalStatus !== undefined && summary.ModelApprovalStatus !== filter.approvalStatus) {
      return false;
    }
    if (summary.ModelLifeCycle !== undefined) {
      this.summariesCarryStages = true;
    }
    const stageKnown = summary.ModelLifeCycle !== undefined || this.summariesCarryStages;
    if (filter.stage !== undefined && stageKnown && !stageMatches(filter, summary.ModelLifeCycle)) {
      return false;
    }
    if ((filter.stage === undefined || stageKnown) && filter.customerMetadata === undefined) {
      return true;
    }
    const described = await this.describe(summary.ModelPackageArn!);
    if (described === undefined) {
      return false;
    }
    if (filter.stage !== undefined && !stageMatches(filter, described.ModelLifeCycle)) {
      return false;
    }
    const metadata = described.CustomerMetadataProperties ?? {};
    return Object.entries(filter.customerMetadata ?? {}).every(([key, value]) => metadata[key] === value);
  }

  /** The version, described for its metadata only; undefined when it was deleted since it was listed. */
  private async describe(arn: string): Promise<DescribeModelPackageCommandOutput | undefined> {
    this.described++;
    try {
      return await this.calls.send(`DescribeModelPackage ${arn}`,
        new DescribeModelPackageCommand({ ModelPackageName: arn, IncludedData: 'MetadataOnly' }));
    } catch (error) {
      if (isNotFound(error)) {
        this.calls.log(`${arn} was listed but is gone: skipping it`);
        return undefined;
      }
      throw error;
    }
  }
}

function stageMatches(filter: VersionFilter, lifeCycle: ModelLifeCycle | undefined): boolean {
  return lifeCycle !== undefined && lifeCycle.Stage === filter.stage
    && (filter.stageStatus === undefined || lifeCycle.StageStatus === filter.stageStatus);
}

/** The Lambda entry point. */
export const handler = deployTimeHandler(createLatestApprovedHandler(), { totalBudgetMs: LATEST_APPROVED_BUDGET_MS });
