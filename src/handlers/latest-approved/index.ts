/**
 * Handler of `Custom::SageMakerLatestApprovedModelPackage`: finds the newest version of a model
 * package group whose approval status is `Approved`, at deploy time.
 *
 * Create and Update list the group's versions with status Approved, newest first
 * (ListModelPackages sorted by CreationTime, descending), page by page until one is found, and
 * return its ARN as the physical id and as data. A group without versions, or without an approved
 * version, fails the deployment with a message naming the group. Delete does nothing: the lookup
 * owns nothing.
 */
import { ModelPackageSummary } from '@aws-sdk/client-sagemaker';
import { cloudFormationHandler } from '../shared/cfn-response';
import { CustomResourceEvent, OnEventResponse } from '../shared/custom-resource';
import { RegistryContext, RegistryHandlerOptions, forEachModelPackagePage, groupNameOf, isNotFound, registryContext } from '../shared/sagemaker';

/** Page size of the lookups. */
const PAGE_SIZE = 50;

/** Creates the handler with its own client and retry settings. */
export function createLatestApprovedHandler(options: RegistryHandlerOptions = {}) {
  const context = registryContext(options);
  return async (event: CustomResourceEvent): Promise<OnEventResponse> => {
    if (event.RequestType === 'Delete') {
      return { PhysicalResourceId: event.PhysicalResourceId };
    }
    const group = String(event.ResourceProperties.ModelPackageGroupName ?? '');
    if (!group) {
      throw new Error('ModelPackageGroupName is required');
    }
    const latest = await newestApproved(context, group);
    const arn = latest.ModelPackageArn!;
    context.log(`Latest approved version of ${groupNameOf(group)}: ${arn}`);
    return {
      PhysicalResourceId: arn,
      Data: {
        ModelPackageArn: arn,
        ModelPackageVersion: String(latest.ModelPackageVersion ?? arn.slice(arn.lastIndexOf('/') + 1)),
        ModelPackageName: `${groupNameOf(group)}/${latest.ModelPackageVersion ?? arn.slice(arn.lastIndexOf('/') + 1)}`,
      },
    };
  };
}

async function newestApproved(context: RegistryContext, group: string): Promise<ModelPackageSummary> {
  let found: ModelPackageSummary | undefined;
  try {
    await forEachModelPackagePage(context, {
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
  await forEachModelPackagePage(context, { ModelPackageGroupName: group, MaxResults: PAGE_SIZE }, (page) => {
    versions += page.length;
  });
  throw new Error(versions === 0
    ? `Model package group ${groupNameOf(group)} has no versions yet, so it has no approved version to deploy: register a version and approve it`
    : `Model package group ${groupNameOf(group)} has ${versions} version(s) but none with approval status Approved: approve a version first`);
}

/** The Lambda entry point. */
export const handler = cloudFormationHandler(createLatestApprovedHandler());
