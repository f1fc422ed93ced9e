import { Duration, RemovalPolicy, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { ACCOUNT, XGBOOST_IMAGE } from '../constants';
import { Gen, enumValue, removalPolicy, sageMakerName, withWildness } from './arbitraries';
import { CaseContext, GenStr, propertyTest } from './harness';
import {
  AutoRollbackOptions,
  CapacitySize,
  CapacitySizeType,
  ContainerImage,
  DeploymentConfig,
  Endpoint,
  EndpointConfig,
  IEndpointConfig,
  InstanceType,
  Model,
} from '../../src';

type Strategy = 'allAtOnce' | 'canary' | 'linear' | 'rolling';

interface SizeSpec {
  readonly type: string;
  readonly value: number;
}

interface DeploymentSpec {
  readonly strategy: Strategy;
  readonly size: SizeSpec;
  readonly waitSeconds?: number;
  readonly terminationWaitSeconds?: number;
  readonly timeoutSeconds?: number;
  readonly rollbackSize?: SizeSpec;
  readonly autoRollback?: {
    readonly ownAlarms: number;
    readonly createDefaultAlarms?: boolean;
    readonly maxInvocation5xxErrors?: number;
    readonly maxModelLatencyMillis?: number;
    readonly evaluationPeriods?: number;
  };
}

interface EndpointSpec {
  /** Instance counts of the configuration's variants; empty for a serverless configuration. */
  readonly counts: number[];
  readonly importedConfig: boolean;
  readonly endpointName?: GenStr;
  readonly deployment?: DeploymentSpec;
  readonly removalPolicy?: string;
  readonly autoscale?: { readonly min?: number; readonly max: number; readonly invocations: number };
}

const int = (min: number, max: number) => fc.integer({ min, max });

function size(g: Gen): fc.Arbitrary<SizeSpec> {
  return fc.record({
    type: enumValue(g, Object.values(CapacitySizeType), ['PERCENT', 'instance_count']),
    value: g.pick(int(1, 10), fc.constantFrom(0, 5, 49, 50, 51, 100, 101, 2.5)),
  });
}

const spec = withWildness((g): fc.Arbitrary<EndpointSpec> => fc.record({
  counts: fc.oneof(
    { weight: 6, arbitrary: fc.array(int(1, 20), { minLength: 1, maxLength: g.wildness > 0 ? 6 : 2 }) },
    { weight: 1, arbitrary: fc.constant<number[]>([]) },
  ),
  importedConfig: g.pick(fc.constant(false), fc.boolean()),
  endpointName: g.opt(sageMakerName(g), 3),
  deployment: g.opt(fc.record({
    strategy: fc.constantFrom<Strategy>('allAtOnce', 'canary', 'linear', 'rolling'),
    size: size(g),
    waitSeconds: g.opt(g.pick(int(0, 3600), fc.constantFrom(3601, 7200, 1.5)), 4),
    terminationWaitSeconds: g.opt(g.pick(int(0, 3600), fc.constantFrom(3601, 0.5)), 3),
    timeoutSeconds: g.opt(g.pick(int(600, 28800), fc.constantFrom(0, 599, 28801, 600.5)), 3),
    rollbackSize: g.opt(size(g), 3),
    autoRollback: g.opt(fc.record({
      ownAlarms: g.pick(int(0, 2), int(0, 11)),
      createDefaultAlarms: g.opt(fc.boolean(), 3),
      maxInvocation5xxErrors: g.opt(g.pick(int(0, 10), fc.constantFrom(-1, -0.5)), 3),
      maxModelLatencyMillis: g.opt(g.pick(int(1, 5000), fc.constantFrom(0)), 3),
      evaluationPeriods: g.opt(g.pick(int(1, 5), fc.constantFrom(0, 1.5)), 3),
    }), 2),
  }), 5),
  removalPolicy: g.opt(removalPolicy(g), 3),
  autoscale: g.opt(fc.record({
    min: g.opt(g.pick(int(1, 3), fc.constantFrom(-1, 10, 1.5)), 2),
    max: g.pick(int(3, 10), fc.constantFrom(0, 2.5)),
    invocations: g.pick(int(1, 1000), fc.constantFrom(0, -10)),
  }), 3),
}) as unknown as fc.Arbitrary<EndpointSpec>);

/** What a careful user does: sizes and alarms that fit the configuration, options only where they apply. */
function makeConsistent(s: EndpointSpec & { wildness: number }): EndpointSpec {
  if (s.wildness > 0 || !s.deployment) {
    return s;
  }
  const d = s.deployment;
  const serverless = s.counts.length === 0;
  const strategy: Strategy = d.strategy === 'rolling' && (serverless || s.counts.length > 1) ? 'canary' : d.strategy;
  const [min, max] = strategy === 'linear' ? [10, 50] : strategy === 'rolling' ? [5, 50] : [1, 50];
  const percent = Math.min(max, Math.max(min, d.size.value * 5));
  const counts = s.counts.map((c) => Math.max(c, 10));
  const wait = d.waitSeconds ?? 60;
  const timeout = d.timeoutSeconds === undefined ? undefined : Math.max(d.timeoutSeconds, wait + (d.terminationWaitSeconds ?? 0) + 1, 600);
  const rollback = d.autoRollback && {
    ...d.autoRollback,
    createDefaultAlarms: d.autoRollback.createDefaultAlarms || d.autoRollback.ownAlarms === 0 ? true : d.autoRollback.createDefaultAlarms,
  };
  const defaults = rollback?.createDefaultAlarms === true;
  return {
    ...s,
    counts,
    importedConfig: defaults ? false : s.importedConfig,
    deployment: {
      ...d,
      strategy,
      size: serverless || s.importedConfig || d.size.type === CapacitySizeType.CAPACITY_PERCENT
        ? { type: CapacitySizeType.CAPACITY_PERCENT, value: percent }
        : { type: CapacitySizeType.INSTANCE_COUNT, value: Math.max(1, Math.floor((Math.min(...counts) * max) / 100)) },
      timeoutSeconds: timeout,
      rollbackSize: strategy === 'rolling' ? d.rollbackSize && { type: CapacitySizeType.CAPACITY_PERCENT, value: Math.min(100, Math.max(1, d.rollbackSize.value)) } : undefined,
      autoRollback: rollback && (defaults ? rollback : { ownAlarms: rollback.ownAlarms }),
    },
  };
}

function capacity(s: SizeSpec): CapacitySize {
  return s.type === CapacitySizeType.CAPACITY_PERCENT ? CapacitySize.percent(s.value)
    : s.type === CapacitySizeType.INSTANCE_COUNT ? CapacitySize.instanceCount(s.value)
      : ({ type: s.type, value: s.value } as unknown as CapacitySize);
}

function render(s: SizeSpec): string[] {
  return [`CapacitySize.instanceCount(${s.value})`, `got ${s.value}`, `'${s.type}'`];
}

function buildDeployment(ctx: CaseContext, d: DeploymentSpec): DeploymentConfig {
  const sizeName = {
    allAtOnce: 'deploymentConfig',
    canary: 'deploymentConfig.canarySize',
    linear: 'deploymentConfig.stepSize',
    rolling: 'deploymentConfig.maximumBatchSize',
  }[d.strategy];
  ctx.mark(sizeName, ...render(d.size));
  ctx.mark('deploymentConfig.waitInterval', d.waitSeconds ?? 'undefined');
  ctx.mark('deploymentConfig.terminationWait', d.terminationWaitSeconds ?? 'undefined');
  ctx.mark('deploymentConfig.maximumExecutionTimeout', d.timeoutSeconds ?? 'undefined');
  ctx.mark('deploymentConfig', 'got serverless variant', 'several production variants');
  if (d.rollbackSize) {
    ctx.mark('deploymentConfig.rollbackMaximumBatchSize', ...render(d.rollbackSize));
  }
  let autoRollback: AutoRollbackOptions | undefined;
  if (d.autoRollback) {
    const a = d.autoRollback;
    ctx.mark('deploymentConfig.autoRollback', 'got neither', 'without it', a.ownAlarms + (a.createDefaultAlarms ? 2 : 0));
    ctx.mark('autoRollback', 'alarms');
    ctx.mark('deploymentConfig.autoRollback.evaluationPeriods', a.evaluationPeriods ?? 'undefined');
    ctx.mark('deploymentConfig.autoRollback.maxInvocation5xxErrors', a.maxInvocation5xxErrors ?? 'undefined');
    ctx.mark('deploymentConfig.autoRollback.maxModelLatency', a.maxModelLatencyMillis ?? 'undefined');
    ctx.mark('createDefaultAlarms', 'imported endpoint configuration');
    autoRollback = {
      alarms: Array.from({ length: a.ownAlarms }, (_, i) => cloudwatch.Alarm.fromAlarmName(ctx.stack, `Alarm${i}`, `own-alarm-${i}`)),
      createDefaultAlarms: a.createDefaultAlarms,
      maxInvocation5xxErrors: a.maxInvocation5xxErrors,
      maxModelLatency: a.maxModelLatencyMillis === undefined ? undefined : Duration.millis(a.maxModelLatencyMillis),
      evaluationPeriods: a.evaluationPeriods,
    };
  }
  const common = {
    autoRollback,
    maximumExecutionTimeout: d.timeoutSeconds === undefined ? undefined : Duration.seconds(d.timeoutSeconds),
  };
  const wait = Duration.seconds(d.waitSeconds ?? 60);
  const terminationWait = d.terminationWaitSeconds === undefined ? undefined : Duration.seconds(d.terminationWaitSeconds);
  switch (d.strategy) {
    case 'allAtOnce':
      return DeploymentConfig.allAtOnce({ ...common, terminationWait, waitInterval: d.waitSeconds === undefined ? undefined : wait });
    case 'canary':
      return DeploymentConfig.canary({ ...common, terminationWait, waitInterval: wait, canarySize: capacity(d.size) });
    case 'linear':
      return DeploymentConfig.linear({ ...common, terminationWait, waitInterval: wait, stepSize: capacity(d.size) });
    default:
      return DeploymentConfig.rolling({
        ...common,
        waitInterval: wait,
        maximumBatchSize: capacity(d.size),
        rollbackMaximumBatchSize: d.rollbackSize && capacity(d.rollbackSize),
      });
  }
}

function buildConfig(ctx: CaseContext, s: EndpointSpec): IEndpointConfig {
  if (s.importedConfig) {
    return EndpointConfig.fromEndpointConfigName(ctx.stack, 'Config', 'churn-config');
  }
  const model = new Model(ctx.stack, 'Model', {
    containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }],
  });
  if (s.counts.length === 0) {
    return new EndpointConfig(ctx.stack, 'Config', { serverlessProductionVariant: { variantName: 'main', model, memorySizeInMB: 2048, maxConcurrency: 10 } });
  }
  return new EndpointConfig(ctx.stack, 'Config', {
    instanceProductionVariants: s.counts.map((count, i) => ({
      variantName: i === 0 ? 'main' : `variant-${i}`,
      model,
      instanceType: InstanceType.M5_XLARGE,
      initialInstanceCount: count,
    })),
  });
}

function build(ctx: CaseContext, raw: EndpointSpec & { wildness: number }): void {
  const s = makeConsistent(raw);
  const config = buildConfig(ctx, s);
  ctx.mark('removalPolicy', s.removalPolicy ?? 'undefined');
  const endpoint = new Endpoint(ctx.stack, 'Endpoint', {
    endpointConfig: config,
    endpointName: ctx.optStr('endpointName', s.endpointName),
    deploymentConfig: s.deployment && buildDeployment(ctx, s.deployment),
    removalPolicy: s.removalPolicy as RemovalPolicy | undefined,
  });
  if (s.autoscale && !s.importedConfig && s.counts.length > 0) {
    const a = s.autoscale;
    ctx.mark('autoScaleInstanceCount.minCapacity', a.min ?? 'undefined');
    ctx.mark('autoScaleInstanceCount.maxCapacity', a.max);
    ctx.mark('invocationsPerInstance', a.invocations);
    endpoint.findInstanceProductionVariant('main')
      .autoScaleInstanceCount({ minCapacity: a.min, maxCapacity: a.max })
      .scaleOnInvocations('Invocations', { invocationsPerInstance: a.invocations });
  }
  // The account the case's alarms and configuration live in.
  void ACCOUNT;
}

propertyTest('Endpoint', spec, build);
