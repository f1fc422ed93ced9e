/**
 * Handler of `Custom::SageMakerModelPackageGroupAutoDelete`: empties a model package group before
 * CloudFormation deletes it, because SageMaker does not delete a group that still has versions.
 *
 * Delete lists the group's versions page by page and deletes each one (a version already gone is
 * fine), repeating until the group is empty, then waits until no version is left (deletion is
 * asynchronous). A group that no longer exists is fine. Create and Update do nothing.
 */
import { DeleteModelPackageCommand } from '@aws-sdk/client-sagemaker';
import { cloudFormationHandler } from '../shared/cfn-response';
import { CustomResourceEvent, OnEventResponse } from '../shared/custom-resource';
import { RegistryContext, RegistryHandlerOptions, forEachModelPackagePage, groupNameOf, isNotFound, registryContext } from '../shared/sagemaker';

/** Page size of the listings. */
const PAGE_SIZE = 100;

/** Options of the handler, for tests. */
export interface AutoDeleteHandlerOptions extends RegistryHandlerOptions {
  /** How long to wait for deletions to finish, in milliseconds. @default 600000 */
  readonly waitTimeoutMs?: number;
  /** Delay between checks, in milliseconds. @default 5000 */
  readonly pollIntervalMs?: number;
}

/** Creates the handler with its own client and retry settings. */
export function createAutoDeleteHandler(options: AutoDeleteHandlerOptions = {}) {
  const context = registryContext(options);
  const waitTimeoutMs = options.waitTimeoutMs ?? 600_000;
  const pollIntervalMs = options.pollIntervalMs ?? 5_000;
  return async (event: CustomResourceEvent): Promise<OnEventResponse> => {
    const group = String(event.ResourceProperties.ModelPackageGroupName ?? '');
    if (event.RequestType !== 'Delete') {
      return { PhysicalResourceId: group };
    }
    const name = groupNameOf(group);
    const deadline = Date.now() + waitTimeoutMs;
    let deleted = 0;
    for (;;) {
      const versions = await versionsOf(context, group);
      if (versions === undefined) {
        context.log(`Model package group ${name} does not exist: nothing to delete`);
        break;
      }
      if (versions.length === 0) {
        break;
      }
      for (const version of versions.filter((v) => v.status !== 'Deleting')) {
        try {
          await context.call(`DeleteModelPackage ${version.arn}`,
            () => context.client.send(new DeleteModelPackageCommand({ ModelPackageName: version.arn })));
          deleted++;
        } catch (error) {
          if (!isNotFound(error)) {
            throw error;
          }
        }
      }
      if (Date.now() > deadline) {
        throw new Error(`Model package group ${name} still has ${versions.length} version(s) after ${Math.round(waitTimeoutMs / 1000)} s of deleting`);
      }
      // Deletion is asynchronous: look again until the group is empty.
      await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
    }
    context.log(`Deleted ${deleted} version(s) of model package group ${name}`);
    return { PhysicalResourceId: event.PhysicalResourceId ?? group, Data: { DeletedVersions: String(deleted) } };
  };
}

/** The group's versions (ARN and status), or undefined if the group does not exist. */
async function versionsOf(context: RegistryContext, group: string): Promise<{ arn: string; status?: string }[] | undefined> {
  const versions: { arn: string; status?: string }[] = [];
  try {
    await forEachModelPackagePage(context, { ModelPackageGroupName: group, MaxResults: PAGE_SIZE }, (page) => {
      versions.push(...page.map((p) => ({ arn: p.ModelPackageArn!, status: p.ModelPackageStatus })));
    });
  } catch (error) {
    if (isNotFound(error)) {
      return undefined;
    }
    throw error;
  }
  return versions;
}

/** The Lambda entry point. */
export const handler = cloudFormationHandler(createAutoDeleteHandler());
