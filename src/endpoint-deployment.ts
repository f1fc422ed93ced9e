import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { checkStructKeys } from './private/validate/struct-keys';

/**
 * How a capacity size counts: instances, or a percentage of the variant's instances.
 */
export enum CapacitySizeType {
  /** A number of instances. */
  INSTANCE_COUNT = 'INSTANCE_COUNT',
  /** A percentage of the variant's instances. */
  CAPACITY_PERCENT = 'CAPACITY_PERCENT',
}

/**
 * A batch of an endpoint deployment: a number of instances or a percentage of the variant's capacity.
 */
export class CapacitySize {
  /**
   * A number of instances (at least 1).
   */
  public static instanceCount(count: number): CapacitySize {
    return new CapacitySize(CapacitySizeType.INSTANCE_COUNT, count);
  }

  /**
   * A percentage of the capacity of each variant (an integer of at least 1).
   */
  public static percent(percentage: number): CapacitySize {
    return new CapacitySize(CapacitySizeType.CAPACITY_PERCENT, percentage);
  }

  private constructor(
    /** How the value counts. */
    public readonly type: CapacitySizeType,
    /** The number of instances, or the percentage. */
    public readonly value: number) {}
}

/**
 * Automatic rollback of a deployment when alarms go off while it runs.
 *
 * Give your own alarms, or let the endpoint create the usual ones (`createDefaultAlarms`), or both:
 * at most 10 alarms in all.
 */
export interface AutoRollbackOptions {
  /**
   * Alarms of your own; SageMaker rolls back the deployment when any of them goes off.
   *
   * `cloudwatch.IAlarm`s rather than references: the deployment needs their names.
   *
   * [disable-awslint:prefer-ref-interface]
   *
   * @default - none
   */
  readonly alarms?: cloudwatch.IAlarm[];

  /**
   * Create, for every production variant, an alarm on its 5xx errors (`Invocation5XXErrors`) and
   * one on its model latency (`ModelLatency`), and roll back when any goes off. Missing data (no
   * traffic) does not set them off.
   *
   * @default false
   */
  readonly createDefaultAlarms?: boolean;

  /**
   * With `createDefaultAlarms`: the 5xx alarm goes off when a variant returns more than this many
   * 5xx errors in one minute, during `evaluationPeriods` consecutive minutes.
   *
   * @default 0
   */
  readonly maxInvocation5xxErrors?: number;

  /**
   * With `createDefaultAlarms`: the latency alarm goes off when the average model latency of a
   * variant over one minute is above this, during `evaluationPeriods` consecutive minutes (whole
   * microseconds at least).
   *
   * @default Duration.seconds(1)
   */
  readonly maxModelLatency?: Duration;

  /**
   * With `createDefaultAlarms`: how many consecutive one-minute periods must breach.
   *
   * @default 2
   */
  readonly evaluationPeriods?: number;
}

/**
 * Options of every deployment strategy.
 */
export interface DeploymentOptions {
  /**
   * Roll the deployment back automatically when alarms go off. With `autoRollback`, give `alarms`,
   * `createDefaultAlarms`, or both.
   *
   * @default - no automatic rollback on alarms
   */
  readonly autoRollback?: AutoRollbackOptions;

  /**
   * The longest the whole deployment may take: 600-28800 seconds, longer than the wait interval
   * and the termination wait together.
   *
   * @default - SageMaker's default
   */
  readonly maximumExecutionTimeout?: Duration;
}

/**
 * Options of blue/green deployments.
 */
export interface BlueGreenDeploymentOptions extends DeploymentOptions {
  /**
   * How long the old (blue) fleet is kept after all traffic has moved, before it is terminated:
   * 0-3600 seconds.
   *
   * @default Duration.seconds(0)
   */
  readonly terminationWait?: Duration;
}

/**
 * Options of a blue/green deployment that moves all traffic at once.
 */
export interface AllAtOnceDeploymentOptions extends BlueGreenDeploymentOptions {
  /**
   * The baking period after the traffic has moved, while SageMaker watches the alarms: 0-3600 seconds.
   *
   * @default Duration.seconds(0)
   */
  readonly waitInterval?: Duration;
}

/**
 * Options of a canary blue/green deployment: first a canary, then the rest of the traffic.
 */
export interface CanaryDeploymentOptions extends BlueGreenDeploymentOptions {
  /**
   * The size of the canary: at most 50% of the instances of each variant (for instance counts, at
   * most half of the variant's initial instance count).
   */
  readonly canarySize: CapacitySize;

  /**
   * How long the canary takes traffic, while SageMaker watches the alarms, before the rest of the
   * traffic moves: 0-3600 seconds.
   */
  readonly waitInterval: Duration;
}

/**
 * Options of a linear blue/green deployment: the traffic moves in equal steps.
 */
export interface LinearDeploymentOptions extends BlueGreenDeploymentOptions {
  /**
   * The size of each step: 10-50% of the instances of each variant.
   */
  readonly stepSize: CapacitySize;

  /**
   * How long each step takes traffic, while SageMaker watches the alarms, before the next: 0-3600 seconds.
   */
  readonly waitInterval: Duration;
}

/**
 * Options of a rolling deployment: the fleet is replaced in batches. Only for endpoints with one
 * instance variant.
 */
export interface RollingDeploymentOptions extends DeploymentOptions {
  /**
   * The size of each batch: 5-50% of the variant's instances.
   */
  readonly maximumBatchSize: CapacitySize;

  /**
   * The baking period of each batch, while SageMaker watches the alarms: 0-3600 seconds.
   */
  readonly waitInterval: Duration;

  /**
   * The size of each batch of a rollback.
   *
   * @default - the whole old fleet comes back at once
   */
  readonly rollbackMaximumBatchSize?: CapacitySize;
}

/**
 * The strategies a deployment can use.
 */
export enum DeploymentStrategy {
  /** Blue/green, all traffic at once. */
  ALL_AT_ONCE = 'ALL_AT_ONCE',
  /** Blue/green, a canary first. */
  CANARY = 'CANARY',
  /** Blue/green, in equal steps. */
  LINEAR = 'LINEAR',
  /** Rolling, in batches. */
  ROLLING = 'ROLLING',
}

/**
 * How an endpoint moves to a new endpoint configuration (SageMaker deployment guardrails):
 * blue/green (all at once, canary or linear) or rolling, with optional automatic rollback on alarms.
 *
 * @see https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails.html
 */
export class DeploymentConfig {
  /**
   * Blue/green: a new fleet takes all traffic at once, after an optional baking period the old
   * fleet is terminated. This is what SageMaker does without a deployment configuration.
   */
  public static allAtOnce(options: AllAtOnceDeploymentOptions = {}): DeploymentConfig {
    checkStructKeys('DeploymentConfig.allAtOnce', 'AllAtOnceDeploymentOptions', options);
    return new DeploymentConfig(DeploymentStrategy.ALL_AT_ONCE, options, options.waitInterval, undefined, options.terminationWait);
  }

  /**
   * Blue/green with a canary: a part of the new fleet takes traffic first; after `waitInterval`
   * without alarms, the rest follows.
   */
  public static canary(options: CanaryDeploymentOptions): DeploymentConfig {
    checkStructKeys('DeploymentConfig.canary', 'CanaryDeploymentOptions', options);
    return new DeploymentConfig(DeploymentStrategy.CANARY, options, options.waitInterval, options.canarySize, options.terminationWait);
  }

  /**
   * Blue/green in linear steps: the traffic moves in steps of `stepSize`, `waitInterval` apart.
   */
  public static linear(options: LinearDeploymentOptions): DeploymentConfig {
    checkStructKeys('DeploymentConfig.linear', 'LinearDeploymentOptions', options);
    return new DeploymentConfig(DeploymentStrategy.LINEAR, options, options.waitInterval, options.stepSize, options.terminationWait);
  }

  /**
   * Rolling: the fleet is replaced in batches of `maximumBatchSize`; not for serverless or
   * multi-variant endpoints.
   */
  public static rolling(options: RollingDeploymentOptions): DeploymentConfig {
    checkStructKeys('DeploymentConfig.rolling', 'RollingDeploymentOptions', options);
    return new DeploymentConfig(DeploymentStrategy.ROLLING, options, options.waitInterval, options.maximumBatchSize, undefined,
      options.rollbackMaximumBatchSize);
  }

  private constructor(
    /** The strategy. */
    public readonly strategy: DeploymentStrategy,
    /** The options shared by all strategies. */
    public readonly options: DeploymentOptions,
    /** The wait interval (baking period). */
    public readonly waitInterval?: Duration,
    /** The canary size, linear step size or rolling batch size. */
    public readonly batchSize?: CapacitySize,
    /** The termination wait of a blue/green deployment. */
    public readonly terminationWait?: Duration,
    /** The rollback batch size of a rolling deployment. */
    public readonly rollbackBatchSize?: CapacitySize) {}
}

