import { CapacitySize, DeploymentConfig, DeploymentStrategy } from '../../endpoint-deployment';
import { seconds } from '../units';

/** The rendered update policy of a deployment (alarms come from the endpoint). */
export interface RenderedDeployment {
  readonly blueGreenUpdatePolicy?: any;
  readonly rollingUpdatePolicy?: any;
}

/** Renders the update policy of a deployment (camelCase, as the L1 takes it), checked with `deploymentErrors()` first. */
export function renderDeployment(config: DeploymentConfig): RenderedDeployment {
  const wait = seconds(config.waitInterval) ?? 0;
  const termination = seconds(config.terminationWait);
  const timeout = seconds(config.options.maximumExecutionTimeout);
  const size = config.batchSize;
  const capacity = (s: CapacitySize | undefined) => s && { type: s.type, value: s.value };
  if (config.strategy === DeploymentStrategy.ROLLING) {
    return {
      rollingUpdatePolicy: {
        maximumBatchSize: capacity(size),
        waitIntervalInSeconds: wait,
        maximumExecutionTimeoutInSeconds: timeout,
        rollbackMaximumBatchSize: capacity(config.rollbackBatchSize),
      },
    };
  }
  return {
    blueGreenUpdatePolicy: {
      trafficRoutingConfiguration: {
        type: config.strategy,
        waitIntervalInSeconds: wait,
        canarySize: config.strategy === DeploymentStrategy.CANARY ? capacity(size) : undefined,
        linearStepSize: config.strategy === DeploymentStrategy.LINEAR ? capacity(size) : undefined,
      },
      terminationWaitInSeconds: termination,
      maximumExecutionTimeoutInSeconds: timeout,
    },
  };
}
