/**
 * Handler of `Custom::SageMakerModelPackageApproval`: sets the approval status (and, optionally,
 * the lifecycle stage) of a model package version that the stack does not own.
 *
 * - Create reads the version's current status (DescribeModelPackage) and refuses a change that
 *   SageMaker does not document, naming both statuses; otherwise it calls UpdateModelPackage.
 * - Update does the same, except that it never fails on a transition SageMaker does not document:
 *   such an Update is the rollback of a stack update (CloudFormation sends the old properties as new
 *   ones), so the handler asks SageMaker for it and, if SageMaker refuses, keeps the current status
 *   and says so in its log. It also warns when the status it finds is not the one it set last time
 *   (someone else changed it since).
 * - Delete, also the Delete after a failed Create and of the old id after a replacement, leaves the
 *   version as it is: the approval decision belongs to the registry's history.
 */
import { DescribeModelPackageCommand, DescribeModelPackageCommandOutput, SageMakerClient, UpdateModelPackageCommand } from '@aws-sdk/client-sagemaker';
import { ApprovalTransitions, ModelApprovalStatus } from '../../approval';
import { CustomResourceEvent, HandlerResult, Invocation, deployTimeHandler, isRetryable, messageOf } from '../shared/handler';
import { HandlerOptions, SageMakerCalls, sageMakerClient } from '../shared/sagemaker';

const STATUSES = Object.values(ModelApprovalStatus) as string[];

/** The total budget of a request: one invocation (the function's timeout is 2 minutes). */
export const APPROVAL_BUDGET_MS = 100_000;

/** Creates the handler with its own client and call settings. */
export function createApprovalHandler(options: HandlerOptions = {}) {
  let client: SageMakerClient | undefined = options.client;
  return async (event: CustomResourceEvent, invocation: Invocation): Promise<HandlerResult> => {
    const log = invocation.log;
    if (event.RequestType === 'Delete') {
      log(`Delete: leaving ${event.PhysicalResourceId} as it is (an approval decision is part of the registry's history)`);
      return { PhysicalResourceId: event.PhysicalResourceId };
    }
    const props = event.ResourceProperties;
    const arn = String(props.ModelPackageArn ?? '');
    const desired = String(props.ApprovalStatus ?? '');
    if (!arn) {
      throw new Error(`${event.LogicalResourceId}: the property ModelPackageArn is required`);
    }
    if (!STATUSES.includes(desired)) {
      throw new Error(`${event.LogicalResourceId}: ApprovalStatus of ${arn} must be one of ${STATUSES.join(', ')}, got '${desired}'`);
    }
    client ??= sageMakerClient();
    const calls = new SageMakerCalls(client, invocation.budget, log, options.calls);
    const described: DescribeModelPackageCommandOutput = await calls.send(`DescribeModelPackage ${arn}`,
      new DescribeModelPackageCommand({ ModelPackageName: arn }));
    if (described.ModelPackageGroupName === undefined) {
      throw new Error(`${arn} is an unversioned model package: approval applies only to versions in a model package group`);
    }
    const current = (described.ModelApprovalStatus ?? ModelApprovalStatus.PENDING_MANUAL_APPROVAL) as ModelApprovalStatus;
    const setLastTime = event.RequestType === 'Update' ? event.OldResourceProperties?.ApprovalStatus : undefined;
    if (setLastTime !== undefined && event.OldResourceProperties?.ModelPackageArn === arn && setLastTime !== current) {
      log(`WARNING: ${arn} is ${current}, but this stack set it to ${setLastTime} last time: someone else changed it since`);
    }
    const documented = ApprovalTransitions.canTransition(current, desired as ModelApprovalStatus);
    if (!documented && event.RequestType === 'Create') {
      const transitions = ApprovalTransitions.DOCUMENTED.map((t) => `${t.from} -> ${t.to}`).join(', ');
      throw new Error(`Refusing to change the approval status of ${arn} from ${current} to ${desired}: SageMaker documents only `
        + `these transitions: ${transitions}`);
    }
    const stage = props.Stage === undefined ? undefined : {
      Stage: String(props.Stage),
      StageStatus: String(props.StageStatus),
      StageDescription: props.StageDescription === undefined ? undefined : String(props.StageDescription),
    };
    const update = new UpdateModelPackageCommand({
      ModelPackageArn: arn,
      ModelApprovalStatus: desired as ModelApprovalStatus,
      ApprovalDescription: props.ApprovalDescription === undefined ? undefined : String(props.ApprovalDescription),
      ModelLifeCycle: stage,
    });
    if (!documented) {
      // An Update asking for a transition SageMaker does not document is a rollback: try, never fail.
      try {
        await calls.send(`UpdateModelPackage ${arn}`, update);
        log(`${arn}: ${current} -> ${desired} (an undocumented transition, asked for by a rollback; SageMaker accepted it)`);
        return { PhysicalResourceId: arn, Data: { PreviousApprovalStatus: current, ApprovalStatus: desired } };
      } catch (error) {
        if (isRetryable(error)) {
          throw error;
        }
        log(`${arn}: kept ${current}; SageMaker refused ${desired}, asked for by a rollback (${messageOf(error)})`);
        return { PhysicalResourceId: arn, Data: { PreviousApprovalStatus: current, ApprovalStatus: current } };
      }
    }
    await calls.send(`UpdateModelPackage ${arn}`, update);
    log(`${arn}: ${current} -> ${desired}${stage ? `, stage ${stage.Stage} (${stage.StageStatus})` : ''}`);
    return { PhysicalResourceId: arn, Data: { PreviousApprovalStatus: current, ApprovalStatus: desired } };
  };
}

/** The Lambda entry point. */
export const handler = deployTimeHandler(createApprovalHandler(), { totalBudgetMs: APPROVAL_BUDGET_MS });
