/**
 * Handler of `Custom::SageMakerModelPackageApproval` (`ModelPackageApproval`) and of
 * `Custom::SageMakerModelPackageLifeCycle` (`ModelPackage`'s `lifeCycle`): sets the approval status
 * and/or the lifecycle stage of a model package version.
 *
 * - Create reads the version (DescribeModelPackage). With an `ApprovalStatus`, it refuses a change
 *   that SageMaker does not document, naming both statuses; otherwise it calls UpdateModelPackage.
 * - Update does the same, except that it never fails on a transition SageMaker does not document:
 *   such an Update is the rollback of a stack update (CloudFormation sends the old properties as new
 *   ones), so the handler asks SageMaker for it and, if SageMaker refuses, keeps the current status
 *   and says so in its log. It also warns when the status it finds is not the one it set last time
 *   (someone else changed it since).
 * - A stage (`Stage`, `StageStatus`, `StageDescription`) is sent with the status, or alone when there
 *   is no `ApprovalStatus`: UpdateModelPackage then carries only the ARN and the `ModelLifeCycle`, so
 *   the approval status is never touched. Create sets it, and so does every Update (a changed stage,
 *   the rollback's stage from before, the stage of a replacing version); SageMaker has no rules for
 *   stage changes.
 * - Delete, also the Delete after a failed Create, of the old id after a replacement, and of a
 *   removed `lifeCycle`, leaves the version as it is: the approval decision and the stage history
 *   belong to the registry.
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
      log(`Delete: leaving ${event.PhysicalResourceId} as it is, with its approval status and stage (decisions and stages are part of the `
        + 'registry\'s history)');
      return { PhysicalResourceId: event.PhysicalResourceId };
    }
    const props = event.ResourceProperties;
    const arn = String(props.ModelPackageArn ?? '');
    const desired = props.ApprovalStatus === undefined ? undefined : String(props.ApprovalStatus);
    const stage = props.Stage === undefined ? undefined : {
      Stage: String(props.Stage),
      StageStatus: String(props.StageStatus ?? ''),
      StageDescription: props.StageDescription === undefined ? undefined : String(props.StageDescription),
    };
    if (!arn) {
      throw new Error(`${event.LogicalResourceId}: the property ModelPackageArn is required`);
    }
    if (desired === undefined && stage === undefined) {
      throw new Error(`${event.LogicalResourceId}: ApprovalStatus or Stage of ${arn} is required (the approval status or the stage to set), got neither`);
    }
    if (desired !== undefined && !STATUSES.includes(desired)) {
      throw new Error(`${event.LogicalResourceId}: ApprovalStatus of ${arn} must be one of ${STATUSES.join(', ')}, got '${desired}'`);
    }
    client ??= sageMakerClient();
    const calls = new SageMakerCalls(client, invocation.budget, log, options.calls);
    const described: DescribeModelPackageCommandOutput = await calls.send(`DescribeModelPackage ${arn}`,
      new DescribeModelPackageCommand({ ModelPackageName: arn }));
    if (described.ModelPackageGroupName === undefined) {
      throw new Error(`${arn} is an unversioned model package: approval and stages apply only to versions in a model package group`);
    }
    const stageText = stage ? `stage ${stage.Stage} (${stage.StageStatus})` : '';
    const previousStage = described.ModelLifeCycle
      ? `${described.ModelLifeCycle.Stage} (${described.ModelLifeCycle.StageStatus})`
      : 'no stage';
    if (desired === undefined) {
      // The stage alone: UpdateModelPackage without ModelApprovalStatus leaves the approval status as it is.
      await calls.send(`UpdateModelPackage ${arn}`, new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelLifeCycle: stage }));
      log(`${arn}: ${previousStage} -> ${stageText} (approval status ${described.ModelApprovalStatus ?? 'unknown'} left as it is)`);
      return { PhysicalResourceId: arn, Data: { PreviousStage: described.ModelLifeCycle?.Stage ?? '', Stage: stage!.Stage } };
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
        if (stage) {
          // The stage of the rollback is still set: it has no transition rules of its own.
          await calls.send(`UpdateModelPackage ${arn}`, new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelLifeCycle: stage }));
          log(`${arn}: ${previousStage} -> ${stageText}`);
        }
        return { PhysicalResourceId: arn, Data: { PreviousApprovalStatus: current, ApprovalStatus: current } };
      }
    }
    await calls.send(`UpdateModelPackage ${arn}`, update);
    log(`${arn}: ${current} -> ${desired}${stage ? `, ${previousStage} -> ${stageText}` : ''}`);
    return { PhysicalResourceId: arn, Data: { PreviousApprovalStatus: current, ApprovalStatus: desired } };
  };
}

/** The Lambda entry point. */
export const handler = deployTimeHandler(createApprovalHandler(), { totalBudgetMs: APPROVAL_BUDGET_MS });
