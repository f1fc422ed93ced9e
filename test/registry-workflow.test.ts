import { App, CfnElement, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import {
  LookupRefresh,
  Model,
  ModelApprovalStatus,
  ModelPackage,
  ModelPackageApproval,
  ModelPackageGroup,
} from '../src';
import { ACCOUNT, ENV, OTHER_ACCOUNT, REGION } from './constants';
import { errorOf, logicalIdOf, newStack, partitionArn } from './util';

const FUNCTION = 'AWS::Lambda::Function';
const SHARED_GROUP_ARN = `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package-group/churn`;

/** The statements of the policy of the handler role whose id starts with `prefix`. */
function handlerStatements(stack: Stack, prefix: string): any[] {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  const matching = Object.entries(policies).filter(([id]) => id.startsWith(prefix));
  expect(matching).toHaveLength(1);
  return (matching[0][1] as any).Properties.PolicyDocument.Statement;
}

describe('latestApprovedModelPackage', () => {
  test('an owned group: a custom resource with the group name, after the group, and a lookup function with list rights', () => {
    // GIVEN
    const app = new App({ context: { [ModelPackageGroup.LOOKUP_NONCE_CONTEXT_KEY]: 'fixed' } });
    expect(ModelPackageGroup.LOOKUP_NONCE_CONTEXT_KEY).toBe('cdk-sagemaker-registry:lookupNonce');
    const stack = new Stack(app, 'Stack', { env: ENV });
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });

    // WHEN
    const latest = group.latestApprovedModelPackage(stack, 'Latest');

    // THEN
    const template = Template.fromStack(stack);
    const lookups = template.findResources('Custom::SageMakerLatestApprovedModelPackage');
    expect(Object.values(lookups)).toHaveLength(1);
    const [lookup] = Object.values(lookups) as any[];
    expect(lookup.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^CdkSageMakerRegistryLatestApprovedHandlerFunction/), 'Arn'] },
      // A little above the handler's budget of 100 s in one invocation of at most 2 minutes.
      ServiceTimeout: '240',
      ModelPackageGroupName: 'churn',
      Refresh: 'fixed',
    });
    expect(lookup.DependsOn).toEqual(expect.arrayContaining([logicalIdOf(group)]));
    expect(handlerStatements(stack, 'CdkSageMakerRegistryLatestApprovedHandlerPolicy')).toEqual([
      expect.objectContaining({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'] }),
      {
        Action: 'sagemaker:ListModelPackages',
        Effect: 'Allow',
        Resource: [
          { 'Fn::GetAtt': [logicalIdOf(group), 'ModelPackageGroupArn'] },
          partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/*`),
        ],
      },
    ]);
    const lookupId = Object.keys(lookups)[0];
    expect(Stack.of(stack).resolve(latest.modelPackageArn)).toEqual({ 'Fn::GetAtt': [lookupId, 'ModelPackageArn'] });
    expect(Stack.of(stack).resolve(latest.modelPackageName)).toEqual({ 'Fn::GetAtt': [lookupId, 'ModelPackageName'] });
    template.hasResourceProperties(FUNCTION, { Runtime: 'nodejs24.x', Handler: 'index.handler', Timeout: 120 });
  });

  test('a group shared from another account is looked up by its ARN', () => {
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupArn(stack, 'Shared', SHARED_GROUP_ARN);

    group.latestApprovedModelPackage(stack, 'Latest', { refresh: LookupRefresh.ON_CHANGE });

    Template.fromStack(stack).hasResourceProperties('Custom::SageMakerLatestApprovedModelPackage', {
      ModelPackageGroupName: SHARED_GROUP_ARN,
      Refresh: Match.absent(),
    });
    expect(handlerStatements(stack, 'CdkSageMakerRegistryLatestApprovedHandlerPolicy')[1]).toEqual({
      Action: 'sagemaker:ListModelPackages',
      Effect: 'Allow',
      Resource: [SHARED_GROUP_ARN, `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package/churn/*`],
    });
  });

  test('EVERY_DEPLOYMENT (the default) without a fixed nonce carries the synthesis time; ON_CHANGE carries nothing', () => {
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', 'churn');
    const every = group.latestApprovedModelPackage(stack, 'Every');
    const onChange = group.latestApprovedModelPackage(stack, 'OnChange', { refresh: LookupRefresh.ON_CHANGE });

    const template = Template.fromStack(stack).toJSON();
    expect(template.Resources[logicalIdOf(every.node.findChild('Resource'))].Properties.Refresh)
      .toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(template.Resources[logicalIdOf(onChange.node.findChild('Resource'))].Properties.Refresh).toBeUndefined();
  });

  test('one function per stack serves every lookup, with the rights for each group', () => {
    const { stack } = newStack();
    for (const name of ['churn', 'fraud']) {
      ModelPackageGroup.fromModelPackageGroupName(stack, name, name).latestApprovedModelPackage(stack, `Latest-${name}`);
    }

    const functions = Template.fromStack(stack).findResources(FUNCTION);
    expect(Object.keys(functions)).toHaveLength(1);
    const resources = handlerStatements(stack, 'CdkSageMakerRegistryLatestApprovedHandlerPolicy').slice(1).map((s) => s.Resource);
    expect(resources).toEqual([
      [partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package-group/churn`), partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/*`)],
      [partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package-group/fraud`), partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/fraud/*`)],
    ]);
  });

  test('a Model deploys the version found: its container is the lookup\'s ARN and its role may describe it', () => {
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupArn(stack, 'Shared', SHARED_GROUP_ARN);
    const latest = group.latestApprovedModelPackage(stack, 'Latest');

    new Model(stack, 'Model', { containers: [{ modelPackage: latest }] });

    const template = Template.fromStack(stack);
    const lookupId = logicalIdOf(latest.node.findChild('Resource'));
    template.hasResourceProperties('AWS::SageMaker::Model', {
      PrimaryContainer: { ModelPackageName: { 'Fn::GetAtt': [lookupId, 'ModelPackageArn'] } },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Action: ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage'],
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': [lookupId, 'ModelPackageArn'] },
        }]),
      },
      Roles: [{ Ref: logicalIdOf((Stack.of(stack).node.findChild('Model') as Model).role!.node.defaultChild as CfnElement) }],
    });
  });
});

describe('the deploy-time handlers', () => {
  test('one runtime, a role without managed policies, a log group with retention, and no DependsOn a GetAtt already enforces', () => {
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'all', removalPolicy: RemovalPolicy.DESTROY, autoDeleteModelPackages: true });
    group.latestApprovedModelPackage(stack, 'Latest', { refresh: LookupRefresh.ON_CHANGE });
    new ModelPackageApproval(stack, 'Approve', { modelPackage: ModelPackage.fromModelPackageArn(stack, 'V', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/all/1`), approvalStatus: ModelApprovalStatus.APPROVED });

    const template = Template.fromStack(stack).toJSON();
    const resources = Object.entries(template.Resources) as [string, any][];
    const functions = resources.filter(([, r]) => r.Type === FUNCTION);
    expect(functions).toHaveLength(3);
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Handler: 'index.handler' });
      // The function waits for its policy, not for its role (the Role GetAtt orders that).
      const roleId = fn.Properties.Role['Fn::GetAtt'][0];
      expect(fn.DependsOn).toEqual([expect.stringMatching(/Policy/)]);
      expect(fn.DependsOn).not.toContain(roleId);
      expect(template.Resources[roleId].Properties.ManagedPolicyArns).toBeUndefined();
      const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref;
      expect(template.Resources[logGroupId].Properties.RetentionInDays).toBe(90);
    }
    // Every custom resource sets a ServiceTimeout within CloudFormation's hour and waits only for policies and permissions.
    const custom = resources.filter(([, r]) => r.Type.startsWith('Custom::'));
    expect(custom.map(([, r]) => [r.Type, r.Properties.ServiceTimeout]).sort()).toEqual([
      ['Custom::SageMakerLatestApprovedModelPackage', '240'],
      ['Custom::SageMakerModelPackageApproval', '240'],
      ['Custom::SageMakerModelPackageGroupAutoDelete', '3300'],
    ]);
    for (const [, r] of custom) {
      for (const id of r.DependsOn) {
        expect(['AWS::IAM::Policy', 'AWS::Lambda::Permission', 'AWS::SageMaker::ModelPackageGroup']).toContain(template.Resources[id].Type);
      }
    }
  });
});

describe('autoDeleteModelPackages', () => {
  test('with DESTROY: a cleanup resource after the group, and a function that may list and delete the group\'s versions only', () => {
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', {
      modelPackageGroupName: 'scratch',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteModelPackages: true,
    });

    const template = Template.fromStack(stack);
    const cleanups = Object.values(template.findResources('Custom::SageMakerModelPackageGroupAutoDelete')) as any[];
    expect(cleanups).toHaveLength(1);
    expect(cleanups[0].Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^CdkSageMakerRegistryAutoDeleteHandlerFunction/), 'Arn'] },
      // Above the handler's total budget of 50 minutes, below CloudFormation's hour.
      ServiceTimeout: '3300',
      ModelPackageGroupName: 'scratch',
      MarkerTagKey: 'cdk-sagemaker-registry:auto-delete-model-packages',
    });
    expect(cleanups[0].DependsOn).toEqual(expect.arrayContaining([logicalIdOf(group)]));
    // The opt-in marker is on the group itself, where the handler checks it at Delete time.
    template.hasResourceProperties('AWS::SageMaker::ModelPackageGroup', {
      Tags: [{ Key: 'cdk-sagemaker-registry:auto-delete-model-packages', Value: 'true' }],
    });
    const groupArn = partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package-group/scratch`);
    const versions = partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/scratch/*`);
    expect(handlerStatements(stack, 'CdkSageMakerRegistryAutoDeleteHandlerPolicy').slice(1)).toEqual([
      { Action: 'sagemaker:ListModelPackages', Effect: 'Allow', Resource: [groupArn, versions] },
      { Action: 'sagemaker:DeleteModelPackage', Effect: 'Allow', Resource: versions },
      {
        Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListTags', 'sagemaker:DeleteModelPackageGroup'],
        Effect: 'Allow',
        Resource: groupArn,
      },
    ]);
    template.hasResourceProperties(FUNCTION, { Timeout: 900, Runtime: 'nodejs24.x' });
    // Long emptying continues in new invocations of the same function.
    template.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction' });
    template.hasResource('AWS::SageMaker::ModelPackageGroup', { DeletionPolicy: 'Delete' });
  });

  test.each([
    [undefined, 'RemovalPolicy.RETAIN (the default)'],
    [RemovalPolicy.RETAIN, 'retain'],
    [RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE, 'retain-on-update-or-delete'],
  ])('without DESTROY (%s) it is an error', (removalPolicy, shown) => {
    const { stack } = newStack();
    expect(errorOf(() => new ModelPackageGroup(stack, 'Group', { removalPolicy, autoDeleteModelPackages: true })))
      .toBe('Invalid ModelPackageGroup Stack/Group:\n  - autoDeleteModelPackages requires removalPolicy RemovalPolicy.DESTROY '
        + `(deleting the versions of a group that is kept would lose them), got ${shown}`);
  });

  test('without the option the group carries no marker and there is no cleanup resource', () => {
    const { stack } = newStack();
    new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'kept', removalPolicy: RemovalPolicy.DESTROY });

    const template = Template.fromStack(stack);
    template.resourceCountIs('Custom::SageMakerModelPackageGroupAutoDelete', 0);
    template.hasResourceProperties('AWS::SageMaker::ModelPackageGroup', { Tags: Match.absent() });
  });

  test('two groups share one cleanup function', () => {
    const { stack } = newStack();
    new ModelPackageGroup(stack, 'A', { removalPolicy: RemovalPolicy.DESTROY, autoDeleteModelPackages: true });
    new ModelPackageGroup(stack, 'B', { removalPolicy: RemovalPolicy.DESTROY, autoDeleteModelPackages: true });

    const template = Template.fromStack(stack);
    expect(Object.keys(template.findResources(FUNCTION))).toHaveLength(1);
    expect(Object.keys(template.findResources('Custom::SageMakerModelPackageGroupAutoDelete'))).toHaveLength(2);
  });
});

