import { Token } from 'aws-cdk-lib';
import { validateInteger } from './values';
import { CapacitySize, CapacitySizeType, DeploymentConfig, DeploymentStrategy } from '../../endpoint-deployment';
import { seconds } from '../units';

/** `WaitIntervalInSeconds` and `TerminationWaitInSeconds` of a deployment: 0-3600 (botocore). */
const MAX_WAIT_SECONDS = 3600;
/** `MaximumExecutionTimeoutInSeconds`: 600-28800 (botocore). */
const MIN_TIMEOUT_SECONDS = 600;
const MAX_TIMEOUT_SECONDS = 28800;

const SIZE_NAMES: Record<DeploymentStrategy, string> = {
  [DeploymentStrategy.ALL_AT_ONCE]: '',
  [DeploymentStrategy.CANARY]: 'canarySize',
  [DeploymentStrategy.LINEAR]: 'stepSize',
  [DeploymentStrategy.ROLLING]: 'maximumBatchSize',
};

/** The property name of a deployment's batch size, as the user wrote it. */
export function batchSizeName(config: DeploymentConfig): string {
  return `deploymentConfig.${SIZE_NAMES[config.strategy]}`;
}

/** Problems with the literal values of a deployment's update policy (alarms come from the endpoint). */
export function deploymentErrors(config: DeploymentConfig): string[] {
  const errors: string[] = [];
  const wait = seconds(config.waitInterval) ?? 0;
  const termination = seconds(config.terminationWait);
  const timeout = seconds(config.options.maximumExecutionTimeout);
  const at = 'deploymentConfig';
  errors.push(...validateInteger(`${at}.waitInterval (in seconds)`, wait, 0, MAX_WAIT_SECONDS));
  errors.push(...validateInteger(`${at}.terminationWait (in seconds)`, termination, 0, MAX_WAIT_SECONDS));
  errors.push(...validateInteger(`${at}.maximumExecutionTimeout (in seconds)`, timeout, MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS));
  if (timeout !== undefined && !Token.isUnresolved(timeout) && !Token.isUnresolved(wait) && !Token.isUnresolved(termination ?? 0)
    && timeout <= wait + (termination ?? 0)) {
    errors.push(`${at}.maximumExecutionTimeout must be longer than waitInterval and terminationWait together (${wait + (termination ?? 0)} seconds), `
      + `got ${timeout} seconds`);
  }
  if (config.strategy !== DeploymentStrategy.ALL_AT_ONCE && config.waitInterval === undefined) {
    errors.push(`${at}.waitInterval is required for a ${config.strategy.toLowerCase()} deployment, got none`);
  }
  const size = config.batchSize;
  if (config.strategy !== DeploymentStrategy.ALL_AT_ONCE) {
    errors.push(...sizeErrors(batchSizeName(config), size, config.strategy));
  }
  if (config.rollbackBatchSize) {
    errors.push(...sizeErrors(`${at}.rollbackMaximumBatchSize`, config.rollbackBatchSize, undefined));
  }
  const autoRollback = config.options.autoRollback;
  if (autoRollback) {
    errors.push(...validateInteger(`${at}.autoRollback.evaluationPeriods`, autoRollback.evaluationPeriods, 1));
    const errorsThreshold = autoRollback.maxInvocation5xxErrors;
    if (errorsThreshold !== undefined && !Token.isUnresolved(errorsThreshold) && !(Number.isFinite(errorsThreshold) && errorsThreshold >= 0)) {
      errors.push(`${at}.autoRollback.maxInvocation5xxErrors must be a number of at least 0, got ${errorsThreshold}`);
    }
    const latency = autoRollback.maxModelLatency?.toMilliseconds({ integral: false });
    if (latency !== undefined && !Token.isUnresolved(latency) && !(latency > 0)) {
      errors.push(`${at}.autoRollback.maxModelLatency must be longer than 0, got ${latency} milliseconds`);
    }
    const noDefault = autoRollback.createDefaultAlarms !== true;
    if ((autoRollback.alarms ?? []).length === 0 && noDefault) {
      errors.push(`${at}.autoRollback needs alarms to roll back on: give alarms, or createDefaultAlarms: true, got neither`);
    }
    if (noDefault) {
      for (const name of ['maxInvocation5xxErrors', 'maxModelLatency', 'evaluationPeriods'] as const) {
        if (autoRollback[name] !== undefined) {
          errors.push(`${at}.autoRollback.${name} applies only with createDefaultAlarms: true, got ${name} without it`);
        }
      }
    }
  }
  return errors;
}

/** The percentage bounds of each strategy's batch size (SageMaker API documentation of each member). */
export const PERCENT_BOUNDS: Record<string, [number, number]> = {
  [DeploymentStrategy.CANARY]: [1, 50],
  [DeploymentStrategy.LINEAR]: [10, 50],
  [DeploymentStrategy.ROLLING]: [5, 50],
};

function sizeErrors(property: string, size: CapacitySize | undefined, strategy: DeploymentStrategy | undefined): string[] {
  if (!size) {
    return [`${property} is required, got none`];
  }
  const errors: string[] = [];
  if (!Object.values(CapacitySizeType).includes(size.type)) {
    errors.push(`${property}.type must be one of ${Object.values(CapacitySizeType).map((v) => `'${v}'`).join(', ')} (CapacitySizeType), got '${size.type}'`);
  }
  if (size.type === CapacitySizeType.CAPACITY_PERCENT) {
    const [min, max] = strategy ? PERCENT_BOUNDS[strategy] : [1, 100];
    errors.push(...validateInteger(`${property} (CapacitySize.percent)`, size.value, min, max));
  } else {
    errors.push(...validateInteger(`${property} (CapacitySize.instanceCount)`, size.value, 1));
  }
  return errors;
}
