/**
 * Handler of `Custom::SageMakerModelPackageApproval`: sets the approval status (and, optionally,
 * the lifecycle stage) of a model package version that the stack does not own.
 *
 * Create and Update read the version's current status (DescribeModelPackage) and refuse a change
 * that SageMaker does not document, naming both statuses; otherwise they call UpdateModelPackage.
 * Delete leaves the version as it is: the approval decision belongs to the registry's history.
 */
import { DescribeModelPackageCommand, UpdateModelPackageCommand } from '@aws-sdk/client-sagemaker';
import { ApprovalTransitions, ModelApprovalStatus } from '../../approval';
import { cloudFormationHandler } from '../shared/cfn-response';
import { CustomResourceEvent, OnEventResponse } from '../shared/custom-resource';
import { RegistryHandlerOptions, registryContext } from '../shared/sagemaker';

const STATUSES = Object.values(ModelApprovalStatus) as string[];

/** Creates the handler with its own client and retry settings. */
export function createApprovalHandler(options: RegistryHandlerOptions = {}) {
  const context = registryContext(options);
  return async (event: CustomResourceEvent): Promise<OnEventResponse> => {
    if (event.RequestType === 'Delete') {
      context.log(`Leaving ${event.PhysicalResourceId} as it is`);
      return { PhysicalResourceId: event.PhysicalResourceId };
    }
    const props = event.ResourceProperties;
    const arn = String(props.ModelPackageArn ?? '');
    const desired = String(props.ApprovalStatus ?? '');
    if (!arn) {
      throw new Error('ModelPackageArn is required');
    }
    if (!STATUSES.includes(desired)) {
      throw new Error(`ApprovalStatus must be one of ${STATUSES.join(', ')}, got '${desired}'`);
    }
    const described = await context.call(`DescribeModelPackage ${arn}`,
      () => context.client.send(new DescribeModelPackageCommand({ ModelPackageName: arn })));
    if (described.ModelPackageGroupName === undefined) {
      throw new Error(`${arn} is an unversioned model package: approval applies only to versions in a model package group`);
    }
    const current = (described.ModelApprovalStatus ?? ModelApprovalStatus.PENDING_MANUAL_APPROVAL) as ModelApprovalStatus;
    if (!ApprovalTransitions.canTransition(current, desired as ModelApprovalStatus)) {
      const documented = ApprovalTransitions.DOCUMENTED.map((t) => `${t.from} -> ${t.to}`).join(', ');
      throw new Error(`Refusing to change the approval status of ${arn} from ${current} to ${desired}: SageMaker documents only `
        + `these transitions: ${documented}`);
    }
    const stage = props.Stage === undefined ? undefined : {
      Stage: String(props.Stage),
      StageStatus: String(props.StageStatus),
      StageDescription: props.StageDescription === undefined ? undefined : String(props.StageDescription),
    };
    await context.call(`UpdateModelPackage ${arn}`, () => context.client.send(new UpdateModelPackageCommand({
      ModelPackageArn: arn,
      ModelApprovalStatus: desired as ModelApprovalStatus,
      ApprovalDescription: props.ApprovalDescription === undefined ? undefined : String(props.ApprovalDescription),
      ModelLifeCycle: stage,
    })));
    context.log(`${arn}: ${current} -> ${desired}${stage ? `, stage ${stage.Stage} (${stage.StageStatus})` : ''}`);
    return { PhysicalResourceId: arn, Data: { PreviousApprovalStatus: current, ApprovalStatus: desired } };
  };
}

/** The Lambda entry point. */
export const handler = cloudFormationHandler(createApprovalHandler());
