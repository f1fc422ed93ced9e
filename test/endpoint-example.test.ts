/*
 * The registry loop of the example app ends in a production endpoint: the latest approved version
 * is served with a canary blue/green deployment that rolls back on its alarms, and scales on
 * invocations.
 */
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildRegistryApp } from '../examples/registry-app';
import { ModelPackageGroup } from '../src';

const app = new App({ context: { [ModelPackageGroup.LOOKUP_NONCE_CONTEXT_KEY]: 'snapshot' } });
const [, , production] = buildRegistryApp(app);
const template = Template.fromStack(production);

describe('example app: production endpoint', () => {
  test('the endpoint serves the model of the latest approved version through a configuration CloudFormation names', () => {
    const configs = template.findResources('AWS::SageMaker::EndpointConfig');
    const [configId] = Object.keys(configs);
    expect(Object.keys(configs)).toHaveLength(1);
    expect(configs[configId].Properties).toEqual({
      ProductionVariants: [{
        VariantName: 'churn',
        ModelName: { 'Fn::GetAtt': ['ChurnModel88FC4EDC', 'ModelName'] },
        InstanceType: 'ml.m5.xlarge',
        InitialInstanceCount: 2,
        InitialVariantWeight: 1,
      }],
      // The app's tags reach the configuration (tags are allowed on it, unlike on model package versions).
      Tags: [{ Key: 'project', Value: 'ml-platform-registry' }],
    });
    template.hasResourceProperties('AWS::SageMaker::Endpoint', Match.objectLike({
      EndpointConfigName: { 'Fn::GetAtt': [configId, 'EndpointConfigName'] },
    }));
  });

  test('a canary of 1 of 2 instances for 10 minutes, rolled back on the 5xx and latency alarms', () => {
    const endpoints = template.findResources('AWS::SageMaker::Endpoint');
    const endpoint = Object.values(endpoints)[0] as any;
    expect(endpoint.DeletionPolicy).toBe('Retain');
    expect(endpoint.Properties.DeploymentConfig.BlueGreenUpdatePolicy).toEqual({
      TrafficRoutingConfiguration: { Type: 'CANARY', WaitIntervalInSeconds: 600, CanarySize: { Type: 'INSTANCE_COUNT', Value: 1 } },
    });
    const alarmRefs = endpoint.Properties.DeploymentConfig.AutoRollbackConfiguration.Alarms.map((a: any) => a.AlarmName.Ref);
    const alarms = template.findResources('AWS::CloudWatch::Alarm');
    expect(alarmRefs.map((id: string) => alarms[id].Properties.MetricName)).toEqual(['Invocation5XXErrors', 'ModelLatency']);
  });

  test('the variant scales between 2 and 6 instances on invocations per instance', () => {
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', Match.objectLike({
      MinCapacity: 2,
      MaxCapacity: 6,
      ResourceId: Match.stringLikeRegexp('^endpoint/MlProduction-ChurnEndpoint-[0-9A-F]{8}/variant/churn$'),
    }));
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', Match.objectLike({
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({ TargetValue: 600 }),
    }));
  });
});
