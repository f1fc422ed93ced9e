import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildRegistryApp, PRODUCTION, STAGING_ACCOUNT } from '../examples/registry-app';
import { ModelPackageGroup } from '../src';

/** The example app, synthesized once for all tests (with cdk-nag's AwsSolutions checks). */
function synthExample(): { stacks: Stack[]; app: App } {
  // A fixed nonce keeps the deploy-time lookup (refreshed on every deployment) deterministic.
  const app = new App({ context: { [ModelPackageGroup.LOOKUP_NONCE_CONTEXT_KEY]: 'snapshot' } });
  const stacks = buildRegistryApp(app);
  app.synth();
  return { app, stacks };
}

const { app, stacks } = synthExample();

function partitionArn(rest: string) {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, rest]] };
}
function accountRoot(account: string) {
  return partitionArn(`:iam::${account}:root`);
}
const [registry, production] = stacks;

describe('example registry app', () => {
  test('cdk-nag AwsSolutions reports no errors and no unsuppressed warnings', () => {
    // GIVEN the synthesized example app with AwsSolutionsChecks
    const assembly = app.synth();
    // THEN
    const findings = assembly.stacks.flatMap((s) => s.messages)
      .filter((m) => /AwsSolutions-/.test(String(m.entry.data)) && m.level !== 'info')
      .map((m) => `${m.level} ${m.id}: ${String(m.entry.data)}`);
    expect(findings).toEqual([]);
  });

  test('every cdk-nag suppression in the example gives a reason', () => {
    const suppressed = app.synth().stacks.flatMap((s) => s.messages)
      .filter((m) => m.level === 'info' && /AwsSolutions-/.test(String(m.entry.data)));
    expect(suppressed.length).toBeGreaterThan(0);
    const wildcards = new Set<string>();
    for (const m of suppressed) {
      const match = /AwsSolutions-IAM5 was triggered but suppressed\. Provided reason: "\[Resource::(.+?)\] (.{20,})"/.exec(String(m.entry.data));
      expect(match).not.toBeNull();
      wildcards.add(match![1]);
    }
    // Only these wildcards are accepted: all versions of one group, SageMaker's log groups, and
    // actions without resource-level permissions.
    expect([...wildcards].sort()).toEqual([
      '*',
      'arn:<AWS::Partition>:logs:us-east-1:333333333333:log-group:/aws/sagemaker/*',
      'arn:<AWS::Partition>:logs:us-east-1:333333333333:log-group:/aws/sagemaker/*:log-stream:*',
      'arn:<AWS::Partition>:sagemaker:us-east-1:111111111111:model-package/MlRegistryFraudModels4317FB97/*',
      'arn:<AWS::Partition>:sagemaker:us-east-1:111111111111:model-package/churn-prediction/*',
      'arn:<AWS::Partition>:sagemaker:us-east-1:111111111111:model-package/experiments/*',
      'arn:aws:sagemaker:us-east-1:111111111111:model-package/churn-prediction/*',
    ]);
  });

  test('the registry shares its groups with the production and staging accounts', () => {
    const template = Template.fromStack(registry);
    template.resourceCountIs('AWS::SageMaker::ModelPackageGroup', 3);
    template.hasResource('AWS::SageMaker::ModelPackageGroup', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        ModelPackageGroupName: 'churn-prediction',
        ModelPackageGroupPolicy: {
          Version: '2012-10-17',
          // Grants to several accounts are merged into compact statements.
          Statement: [
            {
              Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
              Effect: 'Allow',
              Principal: { AWS: [accountRoot(STAGING_ACCOUNT), accountRoot(PRODUCTION.account)] },
              Resource: partitionArn(':sagemaker:us-east-1:111111111111:model-package-group/churn-prediction'),
            },
            {
              Action: ['sagemaker:BatchDescribeModelPackage', 'sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages'],
              Effect: 'Allow',
              Principal: { AWS: [accountRoot(STAGING_ACCOUNT), accountRoot(PRODUCTION.account)] },
              Resource: partitionArn(':sagemaker:us-east-1:111111111111:model-package/churn-prediction/*'),
            },
            {
              Action: 'sagemaker:CreateModelPackage',
              Effect: 'Allow',
              Principal: { AWS: accountRoot(STAGING_ACCOUNT) },
              Resource: partitionArn(':sagemaker:us-east-1:111111111111:model-package/churn-prediction/*'),
            },
          ],
        },
      }),
    });
  });

  test('approval decisions go to the encrypted topic and approvals to production\'s bus', () => {
    const template = Template.fromStack(registry);
    template.resourceCountIs('AWS::Events::Rule', 3);
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        'source': ['aws.sagemaker'],
        'detail-type': ['SageMaker Model Package State Change'],
        'detail': { ModelPackageGroupName: ['churn-prediction'], ModelApprovalStatus: ['Approved'] },
      },
      Targets: [Match.objectLike({
        Arn: partitionArn(`:events:us-east-1:${PRODUCTION.account}:event-bus/default`),
      })],
    });
  });

  test('the production stack reads the shared group across accounts', () => {
    const template = Template.fromStack(production);
    template.resourceCountIs('AWS::SageMaker::ModelPackageGroup', 0);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
            Resource: 'arn:aws:sagemaker:us-east-1:111111111111:model-package-group/churn-prediction',
          }),
        ]),
      },
    });
  });

  test('the registry registers version 1 of the churn model with metrics and a model card, retained and untagged', () => {
    const versions = Template.fromStack(registry).findResources('AWS::SageMaker::ModelPackage');
    expect(Object.keys(versions)).toHaveLength(1);
    const version = Object.values(versions)[0] as any;
    expect(version.DeletionPolicy).toBe('Retain');
    expect(version.Properties.Tags).toBeUndefined();
    expect(version.Properties.ModelPackageGroupName).toBe('churn-prediction');
    expect(Object.keys(version.Properties.ModelMetrics).sort()).toEqual(['Bias', 'Explainability', 'ModelQuality']);
    expect(version.Properties.ModelCard.ModelCardStatus).toBe('PendingReview');
    expect(JSON.parse(version.Properties.ModelCard.ModelCardContent).model_overview.model_creator).toBe('growth-ml');
    expect(version.Properties.ModelApprovalStatus).toBe('PendingManualApproval');
  });

  test('production deploys the latest approved version of the shared group as a model, looked up on every deployment', () => {
    const template = Template.fromStack(production);
    const lookups = template.findResources('Custom::SageMakerLatestApprovedModelPackage');
    expect(Object.values(lookups).map((r: any) => r.Properties.ModelPackageGroupName))
      .toEqual(['arn:aws:sagemaker:us-east-1:111111111111:model-package-group/churn-prediction']);
    expect((Object.values(lookups)[0] as any).Properties.Refresh).toBe('snapshot');
    template.hasResourceProperties('AWS::SageMaker::Model', {
      PrimaryContainer: { ModelPackageName: { 'Fn::GetAtt': [Object.keys(lookups)[0], 'ModelPackageArn'] } },
      EnableNetworkIsolation: true,
    });
  });

  test('the experiments group is emptied before it is deleted', () => {
    const template = Template.fromStack(registry);
    template.hasResource('AWS::SageMaker::ModelPackageGroup', {
      Properties: Match.objectLike({ ModelPackageGroupName: 'experiments' }),
      DeletionPolicy: 'Delete',
    });
    template.hasResourceProperties('Custom::SageMakerModelPackageGroupAutoDelete', { ModelPackageGroupName: 'experiments' });
  });

  test.each(['MlRegistry', 'MlProduction'])('template snapshot of %s', (stackName) => {
    const stack = stacks.find((s) => s.stackName === stackName)!;
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
