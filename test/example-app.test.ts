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
const [registry, staging, production] = stacks;

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
    // Only these wildcards are accepted: all versions of one group, SageMaker's log groups, the
    // shared model data prefix and keys (through S3 only), and actions without resource-level permissions.
    expect([...wildcards].sort()).toEqual([
      '*',
      'arn:<AWS::Partition>:logs:us-east-1:333333333333:log-group:/aws/sagemaker/*',
      'arn:<AWS::Partition>:logs:us-east-1:333333333333:log-group:/aws/sagemaker/*:log-stream:*',
      'arn:<AWS::Partition>:s3:::ml-platform-artifacts-111111111111/churn/*',
      'arn:<AWS::Partition>:sagemaker:us-east-1:111111111111:model-package/MlRegistryFraudModels4317FB97/*',
      'arn:<AWS::Partition>:sagemaker:us-east-1:111111111111:model-package/churn-prediction/*',
      'arn:<AWS::Partition>:sagemaker:us-east-1:111111111111:model-package/experiments/*',
      'arn:aws:kms:us-east-1:111111111111:key/*',
      'arn:aws:sagemaker:us-east-1:111111111111:model-package/churn-prediction/*',
    ]);
  });

  test('the registry shares the churn group: staging registers and moves to Staging, production reads and deploys', () => {
    const template = Template.fromStack(registry);
    template.resourceCountIs('AWS::SageMaker::ModelPackageGroup', 3);
    const versions = partitionArn(':sagemaker:us-east-1:111111111111:model-package/churn-prediction/*');
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
              Action: 'sagemaker:CreateModelPackage',
              Effect: 'Allow',
              Principal: { AWS: accountRoot(STAGING_ACCOUNT) },
              Resource: versions,
            },
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
              Resource: versions,
            },
            {
              // Staging may change versions only with the stage Staging in the request.
              Action: 'sagemaker:UpdateModelPackage',
              Condition: { StringEquals: { 'sagemaker:ModelLifeCycle:Stage': ['Staging'] } },
              Effect: 'Allow',
              Principal: { AWS: accountRoot(STAGING_ACCOUNT) },
              Resource: versions,
            },
            {
              Action: 'sagemaker:CreateModel',
              Effect: 'Allow',
              Principal: { AWS: accountRoot(PRODUCTION.account) },
              Resource: versions,
            },
          ],
        },
      }),
    });
  });

  test('the fraud group is only browsed by the other accounts', () => {
    const template = Template.fromStack(registry);
    const groups = template.findResources('AWS::SageMaker::ModelPackageGroup', {
      Properties: { ModelPackageGroupName: 'MlRegistryFraudModels4317FB97' },
    });
    const statements = (Object.values(groups)[0] as any).Properties.ModelPackageGroupPolicy.Statement;
    expect(statements.map((st: any) => st.Action)).toEqual([
      ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
      ['sagemaker:BatchDescribeModelPackage', 'sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages'],
    ]);
  });

  test('production may read the churn model data, decrypt it and pull the image through the registry\'s policies', () => {
    const template = Template.fromStack(registry);
    const productionRoot = accountRoot(PRODUCTION.account);
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: 's3:GetObject',
            Effect: 'Allow',
            Principal: { AWS: productionRoot },
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Artifacts'), 'Arn'] }, '/churn/*']] },
          },
          {
            Action: 's3:ListBucket',
            Condition: { StringLike: { 's3:prefix': ['churn/*'] } },
            Effect: 'Allow',
            Principal: { AWS: productionRoot },
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Artifacts'), 'Arn'] },
          },
        ]),
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      Description: 'Encrypts model artifacts',
      KeyPolicy: {
        Statement: Match.arrayWith([
          { Action: ['kms:Decrypt', 'kms:DescribeKey'], Effect: 'Allow', Principal: { AWS: productionRoot }, Resource: '*' },
        ]),
      },
    });
    template.hasResourceProperties('AWS::ECR::Repository', {
      RepositoryName: 'churn-inference',
      RepositoryPolicyText: {
        Statement: [{
          Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
          Effect: 'Allow',
          Principal: { AWS: productionRoot },
        }],
        Version: '2012-10-17',
      },
    });
  });

  test('only the approvers move churn versions to Production, and the team hears about it', () => {
    const template = Template.fromStack(registry);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^ModelApproverRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Action: 'sagemaker:UpdateModelPackage',
          Condition: { StringEquals: { 'sagemaker:ModelLifeCycle:Stage': ['Production'] } },
          Effect: 'Allow',
          Resource: partitionArn(':sagemaker:us-east-1:111111111111:model-package/churn-prediction/*'),
        }]),
      },
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        'source': ['aws.sagemaker'],
        'detail-type': ['SageMaker Model Package State Change'],
        'detail': { ModelPackageGroupName: ['churn-prediction'], ModelLifeCycle: { Stage: ['Production'] } },
      },
      Targets: [Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('^ApprovalTopic') } })],
    });
  });

  test('the staging promoter may move shared churn versions to Staging and nowhere else', () => {
    const template = Template.fromStack(staging);
    expect(staging.account).toBe(STAGING_ACCOUNT);
    template.resourceCountIs('AWS::SageMaker::ModelPackageGroup', 0);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^PromoterRole') }],
      PolicyDocument: {
        Statement: [
          {
            Action: ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage', 'sagemaker:ListModelPackages'],
            Effect: 'Allow',
            Resource: 'arn:aws:sagemaker:us-east-1:111111111111:model-package/churn-prediction/*',
          },
          {
            Action: 'sagemaker:UpdateModelPackage',
            Condition: { StringEquals: { 'sagemaker:ModelLifeCycle:Stage': ['Staging'] } },
            Effect: 'Allow',
            Resource: 'arn:aws:sagemaker:us-east-1:111111111111:model-package/churn-prediction/*',
          },
        ],
        Version: '2012-10-17',
      },
    });
  });

  test('the production model role may read the shared artifacts', () => {
    Template.fromStack(production).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^ChurnModelRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Action: 's3:GetObject', Effect: 'Allow', Resource: partitionArn(':s3:::ml-platform-artifacts-111111111111/churn/*') },
          {
            Action: 'kms:Decrypt',
            Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
            Effect: 'Allow',
            Resource: 'arn:aws:kms:us-east-1:111111111111:key/*',
          },
          {
            Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
            Effect: 'Allow',
            Resource: 'arn:aws:ecr:us-east-1:111111111111:repository/churn-inference',
          },
        ]),
      },
    });
  });

  test('approval decisions go to the encrypted topic and approvals to production\'s bus', () => {
    const template = Template.fromStack(registry);
    template.resourceCountIs('AWS::Events::Rule', 4);
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

  test('production deploys the newest approved version in stage Production of the shared group, looked up on every deployment', () => {
    const template = Template.fromStack(production);
    const lookups = template.findResources('Custom::SageMakerLatestApprovedModelPackage');
    // No ApprovalStatus property: the lookup's default status, Approved.
    expect(Object.values(lookups).map((r: any) => ({ ...r.Properties, ServiceToken: undefined }))).toEqual([{
      ServiceToken: undefined,
      ServiceTimeout: '240',
      ModelPackageGroupName: 'arn:aws:sagemaker:us-east-1:111111111111:model-package-group/churn-prediction',
      Stage: 'Production',
      Refresh: 'snapshot',
    }]);
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

  test.each(['MlRegistry', 'MlStaging', 'MlProduction'])('template snapshot of %s', (stackName) => {
    const stack = stacks.find((s) => s.stackName === stackName)!;
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
