/*
 * Conformance of the EndpointConfig and Endpoint rules with the SageMaker API model (botocore) and
 * CloudFormation's schemas (cfn-lint), both pinned in requirements-dev.txt, read through the shared
 * loaders of test/conformance/models.ts.
 *
 * For each numeric rule and list bound, values at, below and above each bound of the stricter of
 * the two references go through the library: it must accept exactly the values both accept, apart
 * from the rules listed with their reason (`stricter`). The enums of the library must equal the
 * API's (and CloudFormation's, where it has one).
 */
import { Duration, Size, Stack, App, aws_s3 as s3 } from 'aws-cdk-lib';
import {
  AsyncNotificationTopic,
  CapacitySize,
  CapacitySizeType,
  CaptureMode,
  ContainerImage,
  DeploymentConfig,
  DeploymentStrategy,
  Endpoint,
  EndpointConfig,
  EndpointConfigProps,
  InstanceProductionVariantProps,
  Model,
  ServerlessProductionVariantProps,
  VariantPropertyType,
} from '../src';
import { ApiShape, cfnAt, loadApiModel, loadCfnSchemas } from './conformance/models';
import { problemsOf } from './conformance/table';
import { ENV, XGBOOST_IMAGE } from './constants';

const api = loadApiModel();
const cfn = loadCfnSchemas(['AWS::SageMaker::EndpointConfig', 'AWS::SageMaker::Endpoint']);
const CONFIG = 'AWS::SageMaker::EndpointConfig';
const ENDPOINT = 'AWS::SageMaker::Endpoint';

function newStack(): Stack {
  return new Stack(new App(), 'Stack', { env: ENV });
}

function model(stack: Stack): Model {
  return new Model(stack, 'Model', { containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }] });
}

/** The problems found when `build` runs and its app is synthesized (deferred validation included), one per line. */
function synthProblems(build: (stack: Stack) => void): string[] {
  return problemsOf(() => {
    const stack = newStack();
    build(stack);
    (stack.node.root as App).synth();
  }).flatMap((p) => p.split('\n').map((line) => line.replace(/^\s*\[[^\]]*\] /, '')).filter((line) => !line.startsWith('Validation failed')));
}

/** The problems of an endpoint configuration, found when it is built or synthesized. */
function configProblems(props: (stack: Stack) => EndpointConfigProps): string[] {
  return synthProblems((stack) => new EndpointConfig(stack, 'Config', props(stack)));
}

function variantProblems(variant: (stack: Stack) => Partial<InstanceProductionVariantProps>): string[] {
  return configProblems((stack) => ({ instanceProductionVariants: [{ variantName: 'main', model: model(stack), ...variant(stack) }] }));
}

function serverlessProblems(variant: Partial<ServerlessProductionVariantProps>): string[] {
  return configProblems((stack) => ({
    serverlessProductionVariant: { variantName: 'main', model: model(stack), memorySizeInMB: 2048, maxConcurrency: 200, ...variant },
  }));
}

function endpointProblems(deployment: () => DeploymentConfig): string[] {
  return synthProblems((stack) => {
    const config = new EndpointConfig(stack, 'Config', {
      instanceProductionVariants: [{ variantName: 'main', model: model(stack), initialInstanceCount: 100 }],
    });
    new Endpoint(stack, 'Endpoint', { endpointConfig: config, deploymentConfig: deployment() });
  });
}

interface NumberRule {
  /** The property as the library's errors name it (problems starting with it belong to this rule). */
  readonly property: string;
  /** `Shape.Member` in botocore. */
  readonly api: string;
  /** The resource type and the pointer in its schema. */
  readonly cfn: [string, string];
  readonly probe: (n: number) => string[];
  /** A bound beyond both references, with the reason. */
  readonly stricter?: { readonly min?: number; readonly max?: number; readonly reason: string };
}

const bucket = (stack: Stack) => s3.Bucket.fromBucketName(stack, 'Bucket', 'capture');

const RULES: NumberRule[] = [
  {
    property: 'instanceProductionVariants[0].initialInstanceCount',
    api: 'ProductionVariant.InitialInstanceCount',
    cfn: [CONFIG, 'definitions/ProductionVariant/properties/InitialInstanceCount'],
    probe: (n) => variantProblems(() => ({ initialInstanceCount: n })),
  },
  {
    property: 'instanceProductionVariants[0].initialVariantWeight',
    api: 'ProductionVariant.InitialVariantWeight',
    cfn: [CONFIG, 'definitions/ProductionVariant/properties/InitialVariantWeight'],
    probe: (n) => variantProblems(() => ({ initialVariantWeight: n })).filter((p) => !p.startsWith('at least one production variant')),
  },
  {
    property: 'instanceProductionVariants[0].volumeSize',
    api: 'ProductionVariant.VolumeSizeInGB',
    cfn: [CONFIG, 'definitions/ProductionVariant/properties/VolumeSizeInGB'],
    probe: (n) => variantProblems(() => ({ volumeSize: Size.gibibytes(n) })),
  },
  {
    property: 'instanceProductionVariants[0].containerStartupHealthCheckTimeout',
    api: 'ProductionVariant.ContainerStartupHealthCheckTimeoutInSeconds',
    cfn: [CONFIG, 'definitions/ProductionVariant/properties/ContainerStartupHealthCheckTimeoutInSeconds'],
    probe: (n) => (n < 0 ? ['instanceProductionVariants[0].containerStartupHealthCheckTimeout: negative'] : variantProblems(() => ({ containerStartupHealthCheckTimeout: Duration.seconds(n) }))),
  },
  {
    property: 'instanceProductionVariants[0].modelDataDownloadTimeout',
    api: 'ProductionVariant.ModelDataDownloadTimeoutInSeconds',
    cfn: [CONFIG, 'definitions/ProductionVariant/properties/ModelDataDownloadTimeoutInSeconds'],
    probe: (n) => variantProblems(() => ({ modelDataDownloadTimeout: Duration.seconds(n) })),
  },
  {
    property: 'serverlessProductionVariant.memorySizeInMB',
    api: 'ProductionVariantServerlessConfig.MemorySizeInMB',
    cfn: [CONFIG, 'definitions/ServerlessConfig/properties/MemorySizeInMB'],
    probe: (n) => serverlessProblems({ memorySizeInMB: n }),
    stricter: { reason: 'the API documents 1 GB steps (1024, 2048, ... 6144); the bounds are the first and the last step' },
  },
  {
    property: 'serverlessProductionVariant.maxConcurrency',
    api: 'ProductionVariantServerlessConfig.MaxConcurrency',
    cfn: [CONFIG, 'definitions/ServerlessConfig/properties/MaxConcurrency'],
    probe: (n) => serverlessProblems({ maxConcurrency: n }),
  },
  {
    property: 'serverlessProductionVariant.provisionedConcurrency',
    api: 'ProductionVariantServerlessConfig.ProvisionedConcurrency',
    cfn: [CONFIG, 'definitions/ServerlessConfig/properties/ProvisionedConcurrency'],
    probe: (n) => serverlessProblems({ provisionedConcurrency: n }),
  },
  {
    property: 'dataCapture.samplingPercentage',
    api: 'DataCaptureConfig.InitialSamplingPercentage',
    cfn: [CONFIG, 'definitions/DataCaptureConfig/properties/InitialSamplingPercentage'],
    probe: (n) => configProblems((stack) => ({
      instanceProductionVariants: [{ variantName: 'main', model: model(stack) }],
      dataCapture: { destinationBucket: bucket(stack), samplingPercentage: n },
    })),
  },
  {
    property: 'asyncInference.maxConcurrentInvocationsPerInstance',
    api: 'AsyncInferenceClientConfig.MaxConcurrentInvocationsPerInstance',
    cfn: [CONFIG, 'definitions/AsyncInferenceClientConfig/properties/MaxConcurrentInvocationsPerInstance'],
    probe: (n) => configProblems((stack) => ({
      instanceProductionVariants: [{ variantName: 'main', model: model(stack) }],
      asyncInference: { outputBucket: bucket(stack), maxConcurrentInvocationsPerInstance: n },
    })),
  },
  {
    property: 'deploymentConfig.waitInterval',
    api: 'TrafficRoutingConfig.WaitIntervalInSeconds',
    cfn: [ENDPOINT, 'definitions/TrafficRoutingConfig/properties/WaitIntervalInSeconds'],
    probe: (n) => (n < 0 ? ['deploymentConfig.waitInterval: a Duration cannot be negative']
      : endpointProblems(() => DeploymentConfig.canary({ canarySize: CapacitySize.percent(10), waitInterval: Duration.seconds(n) }))),
  },
  {
    property: 'deploymentConfig.terminationWait',
    api: 'BlueGreenUpdatePolicy.TerminationWaitInSeconds',
    cfn: [ENDPOINT, 'definitions/BlueGreenUpdatePolicy/properties/TerminationWaitInSeconds'],
    probe: (n) => (n < 0 ? ['deploymentConfig.terminationWait: a Duration cannot be negative']
      : endpointProblems(() => DeploymentConfig.allAtOnce({ terminationWait: Duration.seconds(n) }))),
  },
  {
    property: 'deploymentConfig.maximumExecutionTimeout',
    api: 'BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds',
    cfn: [ENDPOINT, 'definitions/BlueGreenUpdatePolicy/properties/MaximumExecutionTimeoutInSeconds'],
    probe: (n) => endpointProblems(() => DeploymentConfig.allAtOnce({ maximumExecutionTimeout: Duration.seconds(n) })),
  },
  {
    property: 'deploymentConfig.maximumExecutionTimeout',
    api: 'RollingUpdatePolicy.MaximumExecutionTimeoutInSeconds',
    cfn: [ENDPOINT, 'definitions/RollingUpdatePolicy/properties/MaximumExecutionTimeoutInSeconds'],
    probe: (n) => endpointProblems(() => DeploymentConfig.rolling({
      maximumBatchSize: CapacitySize.percent(10),
      waitInterval: Duration.seconds(0),
      maximumExecutionTimeout: Duration.seconds(n),
    })),
  },
  {
    property: 'deploymentConfig.rollbackMaximumBatchSize',
    api: 'CapacitySize.Value',
    cfn: [ENDPOINT, 'definitions/CapacitySize/properties/Value'],
    probe: (n) => endpointProblems(() => DeploymentConfig.rolling({
      maximumBatchSize: CapacitySize.percent(10),
      waitInterval: Duration.seconds(0),
      rollbackMaximumBatchSize: CapacitySize.instanceCount(n),
    })),
    stricter: { max: 100, reason: 'a rollback batch of instances is at most the instances of the variant (100 in the probe)' },
  },
  {
    property: 'deploymentConfig.autoRollback',
    api: 'AutoRollbackConfig.Alarms',
    cfn: [ENDPOINT, 'definitions/AutoRollbackConfig/properties/Alarms'],
    probe: (n) => endpointProblems(() => DeploymentConfig.allAtOnce({
      autoRollback: { alarms: Array.from({ length: n }, (_, i) => ({ alarmName: `alarm-${i}` }) as any) },
    })),
  },
];

function bounds(rule: NumberRule): { min: number; max: number } {
  const [structure, member] = rule.api.split('.');
  const shape: ApiShape = api.shapes[api.shapes[structure].members![member].shape];
  const node = cfnAt(cfn.schemas[rule.cfn[0]], rule.cfn[1]);
  if (!node) {
    throw new Error(`no CloudFormation schema node ${rule.cfn.join(' ')}`);
  }
  const min = Math.max(shape.min ?? -Infinity, node.minimum ?? node.minItems ?? -Infinity, rule.stricter?.min ?? -Infinity);
  const max = Math.min(shape.max ?? Infinity, node.maximum ?? node.maxItems ?? Infinity, rule.stricter?.max ?? Infinity);
  return { min, max };
}

describe('EndpointConfig and Endpoint rules agree with botocore and CloudFormation', () => {
  test.each(RULES.map((r) => [`${r.property} (${r.api})`, r] as const))('%s', (_name, rule) => {
    const { min, max } = bounds(rule);
    expect(Number.isFinite(min)).toBe(true);
    const values = [min - 1, min, ...(Number.isFinite(max) ? [max, max + 1] : [min + 100000])];
    const verdicts = values.map((n) => {
      const own = rule.probe(n).filter((p) => p.startsWith(rule.property));
      return { n, accepted: own.length === 0, expected: n >= min && n <= max, own };
    });
    expect(verdicts.filter((v) => v.accepted !== v.expected)).toEqual([]);
  });

  test('the enums are the API\'s (and CloudFormation\'s) enums', () => {
    const apiEnum = (name: string) => [...api.shapes[name].enum!].sort();
    const cfnEnum = (type: string, pointer: string) => [...cfnAt(cfn.schemas[type], pointer).enum].sort();
    expect(Object.values(CaptureMode).sort()).toEqual(apiEnum('CaptureMode'));
    expect(Object.values(CaptureMode).sort()).toEqual(cfnEnum(CONFIG, 'definitions/CaptureOption/properties/CaptureMode'));
    expect(Object.values(AsyncNotificationTopic).sort()).toEqual(apiEnum('AsyncNotificationTopicTypes'));
    expect(Object.values(AsyncNotificationTopic).sort())
      .toEqual(cfnEnum(CONFIG, 'definitions/AsyncInferenceNotificationConfig/properties/IncludeInferenceResponseIn/items'));
    expect(Object.values(CapacitySizeType).sort()).toEqual(apiEnum('CapacitySizeType'));
    expect(Object.values(CapacitySizeType).sort()).toEqual(cfnEnum(ENDPOINT, 'definitions/CapacitySize/properties/Type'));
    // The blue/green strategies are the traffic routing types; ROLLING is the RollingUpdatePolicy.
    const blueGreen = Object.values(DeploymentStrategy).filter((s) => s !== DeploymentStrategy.ROLLING).sort();
    expect(blueGreen).toEqual(apiEnum('TrafficRoutingConfigType'));
    expect(blueGreen).toEqual(cfnEnum(ENDPOINT, 'definitions/TrafficRoutingConfig/properties/Type'));
    // CloudFormation's schema types VariantPropertyType as any string; the API has the enum (and at most 3 entries, so each once).
    expect(Object.values(VariantPropertyType).sort()).toEqual(apiEnum('VariantPropertyType'));
    expect(cfnAt(cfn.schemas[ENDPOINT], 'definitions/VariantProperty/properties/VariantPropertyType').enum).toBeUndefined();
    expect(api.shapes.VariantPropertyList.max).toBe(Object.values(VariantPropertyType).length);
  });

  test('names: variant and endpoint names of 63 characters pass, 64 do not (API max 63; CloudFormation pattern {0,62})', () => {
    const name = (n: number) => 'a'.repeat(n);
    expect(api.shapes.VariantName.max).toBe(63);
    expect(api.shapes.EndpointName.max).toBe(63);
    expect(variantProblemsNamed(name(63))).toEqual([]);
    expect(variantProblemsNamed(name(64))[0]).toMatch(/^instanceProductionVariants\[0\]\.variantName must be between 1 and 63 characters long, got 64/);
    expect(problemsOf(() => Endpoint.fromEndpointName(newStack(), 'E', name(63)))).toEqual([]);
    expect(problemsOf(() => Endpoint.fromEndpointName(newStack(), 'E', name(64)))[0]).toMatch(/^Endpoint\.fromEndpointName: endpointName must be between 1 and 63 characters long, got 64/);
  });
});

function variantProblemsNamed(variantName: string): string[] {
  return problemsOf(() => {
    const stack = newStack();
    new EndpointConfig(stack, 'Config', { instanceProductionVariants: [{ variantName, model: model(stack) }] });
  });
}
