/*
 * Unit tests of Endpoint: deployment configurations (blue/green all at once, canary, linear;
 * rolling), automatic rollback with own and created alarms, removal policies of the endpoint and
 * its configuration, autoscaling, grants, metrics, imports, aws-cdk-lib integrations, and every
 * synth-time error.
 */
import {
  Duration,
  RemovalPolicy,
  Stack,
  aws_apigateway as apigateway,
  aws_applicationautoscaling as appscaling,
  aws_cloudwatch as cloudwatch,
  aws_iam as iam,
  aws_sagemaker as sagemaker,
} from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import {
  CapacitySize,
  ContainerImage,
  DeploymentConfig,
  Endpoint,
  EndpointConfig,
  IEndpointConfig,
  InstanceType,
  Model,
  VariantPropertyType,
} from '../src';
import { ACCOUNT, OTHER_ACCOUNT, OTHER_REGION, REGION, XGBOOST_IMAGE } from './constants';
import { errorOf, newStack, partitionArn } from './util';

const ENDPOINT_TYPE = 'AWS::SageMaker::Endpoint';
const CONFIG_ID = 'Config57D1D894';
/** The name generated for `new Endpoint(stack, 'Endpoint')`. */
const ENDPOINT_NAME = 'Stack-Endpoint-7DC50680';

function newConfig(stack: Stack, counts: number[] = [4]): EndpointConfig {
  const model = new Model(stack, 'Model', { containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }] });
  return new EndpointConfig(stack, 'Config', {
    instanceProductionVariants: counts.map((initialInstanceCount, i) => ({
      variantName: i === 0 ? 'main' : `v${i}`,
      model,
      instanceType: InstanceType.M5_XLARGE,
      initialInstanceCount,
    })),
  });
}

function serverlessConfig(stack: Stack): EndpointConfig {
  const model = new Model(stack, 'Model', { containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }] });
  return new EndpointConfig(stack, 'Config', {
    serverlessProductionVariant: { variantName: 'main', model, memorySizeInMB: 2048, maxConcurrency: 10 },
  });
}

function endpointProperties(stack: Stack): any {
  const endpoints = Object.values(Template.fromStack(stack).findResources(ENDPOINT_TYPE));
  expect(endpoints).toHaveLength(1);
  return (endpoints[0] as any).Properties;
}

function alarm(stack: Stack, id: string): cloudwatch.IAlarm {
  return cloudwatch.Alarm.fromAlarmName(stack, id, id);
}

describe('Endpoint defaults', () => {
  test('renders a stable generated name and the configuration name; the endpoint and its configuration are kept on stack deletion', () => {
    // GIVEN
    const { stack } = newStack();
    const config = newConfig(stack);

    // WHEN
    const endpoint = new Endpoint(stack, 'Endpoint', { endpointConfig: config });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResource(ENDPOINT_TYPE, {
      Properties: Match.exact({
        EndpointName: ENDPOINT_NAME,
        EndpointConfigName: { 'Fn::GetAtt': [CONFIG_ID, 'EndpointConfigName'] },
      }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    // A replaced configuration is deleted once the endpoint has moved on; on stack deletion it stays with its endpoint.
    template.hasResource('AWS::SageMaker::EndpointConfig', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Delete' });
    expect(endpoint.endpointName).toBe(ENDPOINT_NAME);
    expect(stack.resolve(endpoint.endpointArn)).toEqual({ 'Fn::GetAtt': ['EndpointEEF1FD8F', 'EndpointArn'] });
  });

  test('removalPolicy DESTROY deletes the endpoint and leaves the configuration deletable', () => {
    // GIVEN
    const { stack } = newStack();
    const config = newConfig(stack);

    // WHEN
    new Endpoint(stack, 'Endpoint', { endpointConfig: config, endpointName: 'churn', removalPolicy: RemovalPolicy.DESTROY });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResource(ENDPOINT_TYPE, { Properties: Match.objectLike({ EndpointName: 'churn' }), DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
    template.hasResource('AWS::SageMaker::EndpointConfig', { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
  });

  test('a changed model gives a new configuration (no fixed name), which the endpoint follows by reference', () => {
    // GIVEN two versions of the same app, with different images
    const versions = [XGBOOST_IMAGE, XGBOOST_IMAGE.replace('1.7-1', '1.7-2')].map((uri) => {
      const { stack } = newStack();
      const model = new Model(stack, 'Model', { containers: [{ image: ContainerImage.fromRegistry(uri) }] });
      const config = new EndpointConfig(stack, 'Config', { instanceProductionVariants: [{ variantName: 'main', model }] });
      new Endpoint(stack, 'Endpoint', { endpointConfig: config });
      return Template.fromStack(stack).toJSON();
    });

    // THEN the models differ (so CloudFormation replaces them and the configuration, which has no fixed name) ...
    const [before, after] = versions.map((t) => t.Resources.Model2AD80A05.Properties.PrimaryContainer);
    expect(before).not.toEqual(after);
    expect(versions[0].Resources[CONFIG_ID].Properties.EndpointConfigName).toBeUndefined();
    // ... and the endpoint, with the same name in both, points at whichever configuration CloudFormation named.
    for (const template of versions) {
      expect(template.Resources.EndpointEEF1FD8F.Properties.EndpointConfigName).toEqual({ 'Fn::GetAtt': [CONFIG_ID, 'EndpointConfigName'] });
      expect(template.Resources.EndpointEEF1FD8F.Properties.EndpointName).toBe(ENDPOINT_NAME);
    }
  });
});

describe('Endpoint deployment configurations', () => {
  test('canary with created alarms renders the policy, the alarms and the rollback configuration', () => {
    // GIVEN
    const { stack } = newStack();
    const config = newConfig(stack);

    // WHEN
    const endpoint = new Endpoint(stack, 'Endpoint', {
      endpointConfig: config,
      deploymentConfig: DeploymentConfig.canary({
        canarySize: CapacitySize.instanceCount(1),
        waitInterval: Duration.minutes(10),
        terminationWait: Duration.minutes(5),
        maximumExecutionTimeout: Duration.hours(1),
        autoRollback: { createDefaultAlarms: true, maxInvocation5xxErrors: 3, maxModelLatency: Duration.millis(250), evaluationPeriods: 3 },
      }),
    });

    // THEN
    expect(endpointProperties(stack).DeploymentConfig).toEqual({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'CANARY', WaitIntervalInSeconds: 600, CanarySize: { Type: 'INSTANCE_COUNT', Value: 1 } },
        TerminationWaitInSeconds: 300,
        MaximumExecutionTimeoutInSeconds: 3600,
      },
      AutoRollbackConfiguration: {
        Alarms: [
          { AlarmName: { Ref: 'EndpointRollbackAlarmsmainInvocation5XXErrorsBD137846' } },
          { AlarmName: { Ref: 'EndpointRollbackAlarmsmainModelLatency1E2FAF02' } },
        ],
      },
    });
    const dimensions = [{ Name: 'EndpointName', Value: ENDPOINT_NAME }, { Name: 'VariantName', Value: 'main' }];
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 2);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', Match.exact({
      AlarmDescription: 'Rolls back deployments of endpoint Stack/Endpoint when variant main returns 5xx errors',
      Namespace: 'AWS/SageMaker',
      MetricName: 'Invocation5XXErrors',
      Dimensions: dimensions,
      Statistic: 'Sum',
      Period: 60,
      Threshold: 3,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 3,
      TreatMissingData: 'notBreaching',
    }));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', Match.exact({
      AlarmDescription: 'Rolls back deployments of endpoint Stack/Endpoint when the model latency of variant main is too high',
      Namespace: 'AWS/SageMaker',
      MetricName: 'ModelLatency',
      Dimensions: dimensions,
      Statistic: 'Average',
      Period: 60,
      Threshold: 250000,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 3,
      TreatMissingData: 'notBreaching',
    }));
    expect(endpoint.rollbackAlarms).toHaveLength(2);
  });

  test('created alarms use the defaults: more than 0 errors or 1 second of latency, 2 periods; own alarms come first', () => {
    // GIVEN
    const { stack } = newStack();
    const config = newConfig(stack, [2, 2]);

    // WHEN
    new Endpoint(stack, 'Endpoint', {
      endpointConfig: config,
      deploymentConfig: DeploymentConfig.allAtOnce({ autoRollback: { alarms: [alarm(stack, 'mine')], createDefaultAlarms: true } }),
    });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 4);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', Match.objectLike({ MetricName: 'Invocation5XXErrors', Threshold: 0, EvaluationPeriods: 2 }));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', Match.objectLike({ MetricName: 'ModelLatency', Threshold: 1000000, EvaluationPeriods: 2 }));
    expect(endpointProperties(stack).DeploymentConfig.AutoRollbackConfiguration.Alarms).toEqual([
      { AlarmName: 'mine' },
      { AlarmName: { Ref: 'EndpointRollbackAlarmsmainInvocation5XXErrorsBD137846' } },
      { AlarmName: { Ref: 'EndpointRollbackAlarmsmainModelLatency1E2FAF02' } },
      { AlarmName: { Ref: 'EndpointRollbackAlarmsv1Invocation5XXErrorsC6B827D0' } },
      { AlarmName: { Ref: 'EndpointRollbackAlarmsv1ModelLatencyA6CFBE08' } },
    ]);
  });

  test('all at once without options renders the wait interval SageMaker requires', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Endpoint(stack, 'Endpoint', { endpointConfig: newConfig(stack), deploymentConfig: DeploymentConfig.allAtOnce() });

    // THEN
    expect(endpointProperties(stack).DeploymentConfig).toEqual({
      BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 } },
    });
  });

  test('linear renders LinearStepSize', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Endpoint(stack, 'Endpoint', {
      endpointConfig: newConfig(stack, [10]),
      deploymentConfig: DeploymentConfig.linear({ stepSize: CapacitySize.percent(20), waitInterval: Duration.minutes(2), autoRollback: { alarms: [alarm(stack, 'a')] } }),
    });

    // THEN
    expect(endpointProperties(stack).DeploymentConfig).toEqual({
      BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'LINEAR', WaitIntervalInSeconds: 120, LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 20 } } },
      AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'a' }] },
    });
  });

  test('rolling renders RollingUpdatePolicy', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Endpoint(stack, 'Endpoint', {
      endpointConfig: newConfig(stack, [10]),
      deploymentConfig: DeploymentConfig.rolling({
        maximumBatchSize: CapacitySize.instanceCount(2),
        waitInterval: Duration.minutes(5),
        rollbackMaximumBatchSize: CapacitySize.percent(100),
        maximumExecutionTimeout: Duration.hours(2),
      }),
    });

    // THEN
    expect(endpointProperties(stack).DeploymentConfig).toEqual({
      RollingUpdatePolicy: {
        MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 2 },
        WaitIntervalInSeconds: 300,
        RollbackMaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 100 },
        MaximumExecutionTimeoutInSeconds: 7200,
      },
    });
  });
});

describe('Endpoint deployment validation', () => {
  test('literal limits of waits, timeouts, sizes and rollback are checked in the constructor', () => {
    // GIVEN
    const { stack } = newStack();
    const config = newConfig(stack);

    // THEN
    expect(errorOf(() => new Endpoint(stack, 'Endpoint', {
      endpointConfig: config,
      deploymentConfig: DeploymentConfig.canary({
        canarySize: CapacitySize.percent(60),
        waitInterval: Duration.hours(2),
        terminationWait: Duration.seconds(3601),
        maximumExecutionTimeout: Duration.minutes(5),
        autoRollback: { maxModelLatency: Duration.seconds(1) },
      }),
    }))).toBe('Invalid Endpoint Stack/Endpoint:\n'
      + '  - deploymentConfig.waitInterval (in seconds) must be an integer between 0 and 3600, got 7200\n'
      + '  - deploymentConfig.terminationWait (in seconds) must be an integer between 0 and 3600, got 3601\n'
      + '  - deploymentConfig.maximumExecutionTimeout (in seconds) must be an integer between 600 and 28800, got 300\n'
      + '  - deploymentConfig.maximumExecutionTimeout must be longer than waitInterval and terminationWait together (10801 seconds), got 300 seconds\n'
      + '  - deploymentConfig.canarySize (CapacitySize.percent) must be an integer between 1 and 50, got 60\n'
      + '  - deploymentConfig.autoRollback needs alarms to roll back on: give alarms, or createDefaultAlarms: true, got neither\n'
      + '  - deploymentConfig.autoRollback.maxModelLatency applies only with createDefaultAlarms: true, got maxModelLatency without it');
  });

  test('linear and rolling percentages have their own bounds', () => {
    // GIVEN
    const { stack } = newStack();
    const config = newConfig(stack);

    // THEN
    expect(errorOf(() => new Endpoint(stack, 'Linear', {
      endpointConfig: config,
      deploymentConfig: DeploymentConfig.linear({ stepSize: CapacitySize.percent(5), waitInterval: Duration.minutes(1) }),
    }))).toContain('deploymentConfig.stepSize (CapacitySize.percent) must be an integer between 10 and 50, got 5');
    expect(errorOf(() => new Endpoint(stack, 'Rolling', {
      endpointConfig: config,
      deploymentConfig: DeploymentConfig.rolling({ maximumBatchSize: CapacitySize.percent(4), waitInterval: Duration.minutes(1) }),
    }))).toContain('deploymentConfig.maximumBatchSize (CapacitySize.percent) must be an integer between 5 and 50, got 4');
  });

  test('a canary of instances must be at most half of each variant', () => {
    // GIVEN
    const { app, stack } = newStack();
    new Endpoint(stack, 'Endpoint', {
      endpointConfig: newConfig(stack, [4, 1]),
      deploymentConfig: DeploymentConfig.canary({ canarySize: CapacitySize.instanceCount(2), waitInterval: Duration.minutes(5) }),
    });

    // THEN
    const message = errorOf(() => app.synth());
    expect(message).toContain("deploymentConfig.canarySize must be 1-50% of the instances of each variant; variant 'v1' has initialInstanceCount 1, "
      + 'so no instance count fits (give the variant more instances, or use CapacitySize.percent(1-50)), got CapacitySize.instanceCount(2)');
    expect(message).not.toContain("variant 'main'");
  });

  test('a linear step of instances must be 10-50% of each variant', () => {
    // GIVEN
    const { app, stack } = newStack();
    new Endpoint(stack, 'Endpoint', {
      endpointConfig: newConfig(stack, [30]),
      deploymentConfig: DeploymentConfig.linear({ stepSize: CapacitySize.instanceCount(2), waitInterval: Duration.minutes(5) }),
    });

    // THEN
    expect(() => app.synth()).toThrow("deploymentConfig.stepSize must be 10-50% of the instances of each variant; variant 'main' has "
      + 'initialInstanceCount 30, so between 3 and 15 instances, got CapacitySize.instanceCount(2)');
  });

  test('rolling deployments are not for several variants or serverless endpoints', () => {
    // GIVEN
    const { app, stack } = newStack();
    new Endpoint(stack, 'Endpoint', {
      endpointConfig: newConfig(stack, [4, 4]),
      deploymentConfig: DeploymentConfig.rolling({ maximumBatchSize: CapacitySize.instanceCount(1), waitInterval: Duration.minutes(5) }),
    });
    const other = newStack();
    new Endpoint(other.stack, 'Endpoint', {
      endpointConfig: serverlessConfig(other.stack),
      deploymentConfig: DeploymentConfig.rolling({ maximumBatchSize: CapacitySize.instanceCount(1), waitInterval: Duration.minutes(5) }),
    });

    // THEN
    expect(() => app.synth()).toThrow('deploymentConfig: SageMaker does not support rolling deployments of endpoints with several production variants, '
      + "got 2 ('main', 'v1'); use a blue/green deployment");
    const message = errorOf(() => other.app.synth());
    expect(message).toContain("deploymentConfig: SageMaker does not support rolling deployments of serverless endpoints, got serverless variant 'main'");
    expect(message).toContain("deploymentConfig.maximumBatchSize counts instances, but serverless variant 'main' has none; use CapacitySize.percent(), "
      + 'got CapacitySize.instanceCount(1)');
  });

  test('more than 10 rollback alarms is an error that counts the created ones', () => {
    // GIVEN
    const { app, stack } = newStack();
    new Endpoint(stack, 'Endpoint', {
      endpointConfig: newConfig(stack, [1, 1, 1, 1, 1]),
      deploymentConfig: DeploymentConfig.allAtOnce({ autoRollback: { alarms: [alarm(stack, 'mine')], createDefaultAlarms: true } }),
    });

    // THEN
    expect(() => app.synth()).toThrow('deploymentConfig.autoRollback takes at most 10 alarms, got 11 (10 created by createDefaultAlarms, 2 per production variant)');
  });

  test('created alarms need the variants: an imported configuration is an error, a variant added later too', () => {
    // GIVEN
    const { app, stack } = newStack();
    const imported = EndpointConfig.fromEndpointConfigName(stack, 'Imported', 'churn-v1');
    const config = newConfig(stack);
    new Endpoint(stack, 'Endpoint', {
      endpointConfig: config,
      deploymentConfig: DeploymentConfig.allAtOnce({ autoRollback: { createDefaultAlarms: true } }),
    });
    config.addInstanceProductionVariant({ variantName: 'late', model: config.findInstanceProductionVariant('main').model });

    // THEN
    expect(errorOf(() => new Endpoint(stack, 'Other', {
      endpointConfig: imported,
      deploymentConfig: DeploymentConfig.allAtOnce({ autoRollback: { createDefaultAlarms: true } }),
    }))).toBe('Invalid Endpoint Stack/Other:\n  - deploymentConfig.autoRollback.createDefaultAlarms needs an EndpointConfig of this library '
      + '(the alarms are per production variant), got imported endpoint configuration Stack/Imported; give alarms instead');
    expect(() => app.synth()).toThrow("variant(s) 'late' were added later: add them before creating the endpoint");
  });

  test('a configuration of another account or region is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const config = EndpointConfig.fromEndpointConfigArn(stack, 'Config', `arn:aws:sagemaker:${OTHER_REGION}:${OTHER_ACCOUNT}:endpoint-config/churn`);

    // THEN
    expect(errorOf(() => new Endpoint(stack, 'Endpoint', { endpointConfig: config }))).toBe('Invalid Endpoint Stack/Endpoint:\n'
      + `  - endpointConfig must be in the account of the endpoint (${ACCOUNT}), got endpoint configuration Stack/Config in account ${OTHER_ACCOUNT}\n`
      + `  - endpointConfig must be in the region of the endpoint (${REGION}), got endpoint configuration Stack/Config in region ${OTHER_REGION}`);
  });

  test('endpoint name and removal policy are checked', () => {
    // GIVEN
    const { stack } = newStack();

    // THEN
    expect(errorOf(() => new Endpoint(stack, 'Endpoint', {
      endpointConfig: newConfig(stack),
      endpointName: 'x'.repeat(64),
      removalPolicy: RemovalPolicy.SNAPSHOT,
    }))).toBe('Invalid Endpoint Stack/Endpoint:\n'
      + `  - endpointName must be between 1 and 63 characters long, got 64 characters: '${'x'.repeat(64)}'\n`
      + '  - removalPolicy must be RemovalPolicy.DESTROY, RemovalPolicy.RETAIN or RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE '
      + '(AWS::SageMaker::Endpoint has no snapshots, so CloudFormation rejects DeletionPolicy Snapshot), got RemovalPolicy.SNAPSHOT');
  });
});

describe('Endpoint updates: retained variant properties and deployment configuration', () => {
  test('an autoscaled variant keeps its instance count on updates, with the weights of the new configuration', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const endpoint = new Endpoint(stack, 'Endpoint', {
      endpointConfig: newConfig(stack, [2]),
      deploymentConfig: DeploymentConfig.canary({ canarySize: CapacitySize.instanceCount(1), waitInterval: Duration.minutes(5) }),
      retainAllVariantProperties: true,
      excludeRetainedVariantProperties: [VariantPropertyType.DESIRED_WEIGHT],
    });
    endpoint.findInstanceProductionVariant('main').autoScaleInstanceCount({ minCapacity: 2, maxCapacity: 6 });

    // THEN
    Template.fromStack(stack).hasResource(ENDPOINT_TYPE, {
      Properties: Match.exact({
        EndpointName: ENDPOINT_NAME,
        EndpointConfigName: { 'Fn::GetAtt': [CONFIG_ID, 'EndpointConfigName'] },
        DeploymentConfig: {
          BlueGreenUpdatePolicy: {
            TrafficRoutingConfiguration: { Type: 'CANARY', CanarySize: { Type: 'INSTANCE_COUNT', Value: 1 }, WaitIntervalInSeconds: 300 },
          },
        },
        RetainAllVariantProperties: true,
        ExcludeRetainedVariantProperties: [{ VariantPropertyType: 'DesiredWeight' }],
      }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  test('every variant property can be excluded; retainAllVariantProperties false and retainDeploymentConfig render as given', () => {
    // GIVEN
    const { stack } = newStack();
    const config = newConfig(stack);

    // WHEN
    new Endpoint(stack, 'Endpoint', {
      endpointConfig: config,
      retainAllVariantProperties: true,
      excludeRetainedVariantProperties: [
        VariantPropertyType.DESIRED_INSTANCE_COUNT, VariantPropertyType.DESIRED_WEIGHT, VariantPropertyType.DATA_CAPTURE_CONFIG,
      ],
      retainDeploymentConfig: true,
    });
    new Endpoint(stack, 'Other', { endpointConfig: config, endpointName: 'other', retainAllVariantProperties: false, retainDeploymentConfig: false });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties(ENDPOINT_TYPE, Match.exact({
      EndpointName: ENDPOINT_NAME,
      EndpointConfigName: { 'Fn::GetAtt': [CONFIG_ID, 'EndpointConfigName'] },
      RetainAllVariantProperties: true,
      ExcludeRetainedVariantProperties: [
        { VariantPropertyType: 'DesiredInstanceCount' }, { VariantPropertyType: 'DesiredWeight' }, { VariantPropertyType: 'DataCaptureConfig' },
      ],
      RetainDeploymentConfig: true,
    }));
    template.hasResourceProperties(ENDPOINT_TYPE, Match.exact({
      EndpointName: 'other',
      EndpointConfigName: { 'Fn::GetAtt': [CONFIG_ID, 'EndpointConfigName'] },
      RetainAllVariantProperties: false,
      RetainDeploymentConfig: false,
    }));
  });

  test('exclusions need retainAllVariantProperties true, known and unique types; retainDeploymentConfig is not with a deploymentConfig', () => {
    // GIVEN
    const { stack } = newStack();
    const config = newConfig(stack);

    // THEN
    expect(errorOf(() => new Endpoint(stack, 'Endpoint', {
      endpointConfig: config,
      excludeRetainedVariantProperties: [VariantPropertyType.DESIRED_WEIGHT],
    }))).toBe('Invalid Endpoint Stack/Endpoint:\n'
      + '  - excludeRetainedVariantProperties applies only with retainAllVariantProperties: true (it lists the exceptions to what is kept), '
      + 'got retainAllVariantProperties undefined');
    expect(errorOf(() => new Endpoint(stack, 'False', {
      endpointConfig: config,
      retainAllVariantProperties: false,
      excludeRetainedVariantProperties: [],
    }))).toBe('Invalid Endpoint Stack/False:\n'
      + '  - excludeRetainedVariantProperties applies only with retainAllVariantProperties: true (it lists the exceptions to what is kept), '
      + 'got retainAllVariantProperties false');
    expect(errorOf(() => new Endpoint(stack, 'Types', {
      endpointConfig: config,
      retainAllVariantProperties: true,
      excludeRetainedVariantProperties: [VariantPropertyType.DESIRED_WEIGHT, 'InstanceCount' as VariantPropertyType, VariantPropertyType.DESIRED_WEIGHT],
    }))).toBe('Invalid Endpoint Stack/Types:\n'
      + "  - excludeRetainedVariantProperties[1] must be one of 'DesiredInstanceCount', 'DesiredWeight', 'DataCaptureConfig' (VariantPropertyType), "
      + "got 'InstanceCount'\n"
      + "  - excludeRetainedVariantProperties must be unique, got duplicates: 'DesiredWeight'");
    expect(errorOf(() => new Endpoint(stack, 'Deployment', {
      endpointConfig: config,
      deploymentConfig: DeploymentConfig.allAtOnce(),
      retainDeploymentConfig: true,
    }))).toBe('Invalid Endpoint Stack/Deployment:\n'
      + '  - retainDeploymentConfig reuses the deployment configuration of the previous deployment, but deploymentConfig gives one for every update: '
      + 'give one or the other, got retainDeploymentConfig true and deploymentConfig (ALL_AT_ONCE)');
  });
});

describe('Endpoint unknown keys', () => {
  test('a misspelled key of the props or of a deployment option is an error naming it', () => {
    // GIVEN
    const { stack } = newStack();
    const config = newConfig(stack);

    // THEN
    expect(errorOf(() => new Endpoint(stack, 'Endpoint', { endpointConfig: config, deployment_config: DeploymentConfig.allAtOnce() } as any))).toContain('deployment_config');
    const options = { canarySize: CapacitySize.percent(10), waitInterval: Duration.minutes(1), autoRollback: { alarm: [] } };
    expect(errorOf(() => DeploymentConfig.canary(options as any)))
      .toContain('alarm');
  });
});

describe('Endpoint autoscaling', () => {
  test('registers the variant after the endpoint, with the SageMaker service-linked role, and tracks invocations per instance', () => {
    // GIVEN
    const { stack } = newStack();
    const endpoint = new Endpoint(stack, 'Endpoint', { endpointConfig: newConfig(stack) });

    // WHEN
    const scaling = endpoint.findInstanceProductionVariant('main').autoScaleInstanceCount({ minCapacity: 2, maxCapacity: 8 });
    scaling.scaleOnInvocations('Invocations', { invocationsPerInstance: 100, scaleInCooldown: Duration.minutes(5) });
    scaling.scaleOnSchedule('Night', { schedule: appscaling.Schedule.expression('cron(0 20 * * ? *)'), maxCapacity: 2 });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResource('AWS::ApplicationAutoScaling::ScalableTarget', {
      Properties: Match.exact({
        ServiceNamespace: 'sagemaker',
        ResourceId: `endpoint/${ENDPOINT_NAME}/variant/main`,
        ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
        MinCapacity: 2,
        MaxCapacity: 8,
        RoleARN: partitionArn(`:iam::${ACCOUNT}:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint`),
        ScheduledActions: [{ ScheduledActionName: 'Night', Schedule: 'cron(0 20 * * ? *)', ScalableTargetAction: { MaxCapacity: 2 } }],
      }),
      DependsOn: ['EndpointEEF1FD8F'],
    });
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', Match.objectLike({
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
        TargetValue: 100,
        ScaleInCooldown: 300,
      },
    }));
  });

  test('step scaling on a metric of the variant creates a step policy and its alarms', () => {
    // GIVEN
    const { stack } = newStack();
    const endpoint = new Endpoint(stack, 'Endpoint', { endpointConfig: newConfig(stack) });
    const variant = endpoint.findInstanceProductionVariant('main');

    // WHEN
    variant.autoScaleInstanceCount({ maxCapacity: 8 }).scaleOnMetric('Latency', {
      metric: variant.metricModelLatency({ period: Duration.minutes(1) }),
      scalingSteps: [{ upper: 100000, change: -1 }, { lower: 500000, change: +2 }],
      adjustmentType: appscaling.AdjustmentType.CHANGE_IN_CAPACITY,
    });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::ApplicationAutoScaling::ScalingPolicy', 2);
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', Match.objectLike({
      PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: Match.objectLike({ AdjustmentType: 'ChangeInCapacity' }),
    }));
    template.hasResourceProperties('AWS::CloudWatch::Alarm', Match.objectLike({
      MetricName: 'ModelLatency',
      Dimensions: [{ Name: 'EndpointName', Value: ENDPOINT_NAME }, { Name: 'VariantName', Value: 'main' }],
      Threshold: 500000,
    }));
  });

  test('scaleOnInvocations takes the load of one instance as alpha users give it, and checks its options', () => {
    // GIVEN
    const { stack } = newStack();
    const endpoint = new Endpoint(stack, 'Endpoint', { endpointConfig: newConfig(stack) });
    const scaling = endpoint.findInstanceProductionVariant('main').autoScaleInstanceCount({ maxCapacity: 4 });

    // WHEN
    scaling.scaleOnInvocations('Rps', { maxRequestsPerSecond: 30, safetyFactor: 0.4 });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', Match.objectLike({
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({ TargetValue: 720 }),
    }));
    expect(errorOf(() => scaling.scaleOnInvocations('Both', { invocationsPerInstance: 10, maxRequestsPerSecond: 1 })))
      .toBe('Invalid scaleOnInvocations Both:\n  - give either invocationsPerInstance or maxRequestsPerSecond, got both');
    expect(errorOf(() => scaling.scaleOnInvocations('Bad', { invocationsPerInstance: 0, safetyFactor: 2 })))
      .toBe('Invalid scaleOnInvocations Bad:\n  - invocationsPerInstance must be a number above 0, got 0\n'
        + '  - safetyFactor must be above 0 and at most 1, got 2\n  - safetyFactor applies only with maxRequestsPerSecond, got safetyFactor 2 without it');
  });

  test('capacities are checked, once per variant, and only for instance variants of a known configuration', () => {
    // GIVEN
    const { stack } = newStack();
    const endpoint = new Endpoint(stack, 'Endpoint', { endpointConfig: newConfig(stack) });
    const variant = endpoint.findInstanceProductionVariant('main');
    const imported = new Endpoint(stack, 'Imported', { endpointConfig: EndpointConfig.fromEndpointConfigName(stack, 'ImportedConfig', 'c') });

    // THEN
    expect(errorOf(() => variant.autoScaleInstanceCount({ minCapacity: 5, maxCapacity: 2 })))
      .toBe('Invalid Endpoint Stack/Endpoint:\n  - autoScaleInstanceCount.minCapacity must be at most maxCapacity (2), got 5');
    variant.autoScaleInstanceCount({ maxCapacity: 2 });
    expect(errorOf(() => variant.autoScaleInstanceCount({ maxCapacity: 3 })))
      .toContain("autoScaleInstanceCount can be called once per variant, got a second call for variant 'main'");
    expect(errorOf(() => variant.autoScaleInstanceCount({ maxCapacity: 3 }))).toContain('Invalid Endpoint');
    expect(errorOf(() => endpoint.findInstanceProductionVariant('missing')))
      .toBe('Invalid EndpointConfig Stack/Config:\n  - findInstanceProductionVariant.name must name an instance production variant of the '
        + "configuration (its instance variants are 'main'), got 'missing'");
    expect(errorOf(() => imported.findInstanceProductionVariant('main')))
      .toBe('Invalid Endpoint Stack/Imported:\n  - findInstanceProductionVariant needs an EndpointConfig of this library (whose variants are '
        + "known), got imported endpoint configuration Stack/ImportedConfig; use metric(metricName, 'main') instead");
  });
});

describe('Endpoint grants, metrics and integrations', () => {
  test('grantInvoke allows InvokeEndpoint and InvokeEndpointAsync on the endpoint', () => {
    // GIVEN
    const { stack } = newStack();
    const endpoint = new Endpoint(stack, 'Endpoint', { endpointConfig: newConfig(stack) });
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });

    // WHEN
    endpoint.grantInvoke(role);

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: 'CallerBA8D1D35' }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Action: ['sagemaker:InvokeEndpoint', 'sagemaker:InvokeEndpointAsync'],
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': ['EndpointEEF1FD8F', 'EndpointArn'] },
        }],
      },
    });
  });

  test('metrics have the endpoint and variant dimensions and the statistic of each metric', () => {
    // GIVEN
    const { stack } = newStack();
    const endpoint = new Endpoint(stack, 'Endpoint', { endpointConfig: newConfig(stack) });
    const variant = endpoint.findInstanceProductionVariant('main');

    // THEN
    const dims = { EndpointName: ENDPOINT_NAME, VariantName: 'main' };
    for (const [metric, name, statistic] of [
      [endpoint.metricInvocations('main'), 'Invocations', 'Sum'],
      [endpoint.metricInvocationsPerInstance('main'), 'InvocationsPerInstance', 'Sum'],
      [endpoint.metricInvocation4xxErrors('main'), 'Invocation4XXErrors', 'Sum'],
      [endpoint.metricInvocation5xxErrors('main'), 'Invocation5XXErrors', 'Sum'],
      [endpoint.metricModelLatency('main'), 'ModelLatency', 'Average'],
      [endpoint.metricOverheadLatency('main'), 'OverheadLatency', 'Average'],
      [variant.metricModelLatency(), 'ModelLatency', 'Average'],
      [variant.metricInvocations(), 'Invocations', 'Sum'],
      [variant.metric('CPUUtilization', { statistic: 'Maximum' }), 'CPUUtilization', 'Maximum'],
    ] as Array<[cloudwatch.Metric, string, string]>) {
      expect([metric.namespace, metric.metricName, metric.statistic, metric.dimensions]).toEqual(['AWS/SageMaker', name, statistic, dims]);
    }
  });

  test('is an aws-cdk-lib IEndpoint: API Gateway SagemakerIntegration invokes it', () => {
    // GIVEN
    const { stack } = newStack();
    const endpoint = new Endpoint(stack, 'Endpoint', { endpointConfig: newConfig(stack) });
    const api = new apigateway.RestApi(stack, 'Api');
    const asCdkEndpoint: sagemaker.IEndpoint = endpoint;

    // WHEN
    api.root.addMethod('POST', new apigateway.SagemakerIntegration(asCdkEndpoint));

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::ApiGateway::Method', Match.objectLike({
      HttpMethod: 'POST',
      Integration: Match.objectLike({
        Type: 'AWS',
        IntegrationHttpMethod: 'POST',
        Uri: partitionArn(`:apigateway:${REGION}:runtime.sagemaker:path/endpoints/${ENDPOINT_NAME}/invocations`),
      }),
    }));
    template.hasResourceProperties('AWS::IAM::Policy', Match.objectLike({
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Action: ['sagemaker:InvokeEndpoint', 'sagemaker:InvokeEndpointAsync'],
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': ['EndpointEEF1FD8F', 'EndpointArn'] },
        }],
      },
    }));
  });
});

describe('Endpoint imports', () => {
  test('fromEndpointName builds the ARN with the name in lower case and keeps the name for metrics', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const endpoint = Endpoint.fromEndpointName(stack, 'Imported', 'Churn-Prod');

    // THEN
    expect(endpoint.endpointName).toBe('Churn-Prod');
    expect(stack.resolve(endpoint.endpointArn)).toEqual(partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:endpoint/churn-prod`));
    expect(endpoint.metricInvocations('main').dimensions).toEqual({ EndpointName: 'Churn-Prod', VariantName: 'main' });
    expect(errorOf(() => Endpoint.fromEndpointName(stack, 'Bad', 'churn prod'))).toContain('endpointName must be letters');
  });

  test('fromEndpointArn takes the name and environment from the ARN; grants go to the ARN', () => {
    // GIVEN
    const { stack } = newStack();
    const arn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/churn-prod`;
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });

    // WHEN
    const endpoint = Endpoint.fromEndpointArn(stack, 'Imported', arn);
    endpoint.grantInvoke(role);

    // THEN
    expect(endpoint.endpointName).toBe('churn-prod');
    expect(endpoint.env.region).toBe(REGION);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', Match.objectLike({
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Action: ['sagemaker:InvokeEndpoint', 'sagemaker:InvokeEndpointAsync'], Effect: 'Allow', Resource: arn }] },
    }));
    expect(errorOf(() => Endpoint.fromEndpointArn(stack, 'Bad', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/churn`)))
      .toBe('Invalid Endpoint.fromEndpointArn:\n  - endpointArn must be a SageMaker endpoint ARN arn:<partition>:sagemaker:<region>:<account-id>:endpoint/<name>, '
        + `got 'arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/churn'`);
  });

  test('an imported configuration is served without checks of its variants', () => {
    // GIVEN
    const { stack } = newStack();
    const config: IEndpointConfig = EndpointConfig.fromEndpointConfigArn(stack, 'Config', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint-config/churn-v3`);

    // WHEN
    new Endpoint(stack, 'Endpoint', {
      endpointConfig: config,
      deploymentConfig: DeploymentConfig.canary({ canarySize: CapacitySize.instanceCount(5), waitInterval: Duration.minutes(5) }),
    });

    // THEN
    expect(endpointProperties(stack).EndpointConfigName).toBe('churn-v3');
  });
});
