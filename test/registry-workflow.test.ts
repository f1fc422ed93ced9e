import { App, CfnElement, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { IConstruct } from 'constructs';
import {
  LookupRefresh,
  Model,
  ModelApprovalStatus,
  ModelPackage,
  ModelPackageApproval,
  ModelPackageGroup,
} from '../src';
import { ACCOUNT, errorOf, newStack, OTHER_ACCOUNT, partitionArn, REGION } from './util';

const FUNCTION = 'AWS::Lambda::Function';
const SHARED_GROUP_ARN = `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package-group/churn`;

function logicalIdOf(construct: IConstruct): string {
  const element = CfnElement.isCfnElement(construct) ? construct : construct.node.defaultChild as CfnElement;
  return Stack.of(construct).getLogicalId(element);
}

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
    const stack = new Stack(app, 'Stack', { env: { account: ACCOUNT, region: REGION } });
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
      ModelPackageGroupName: 'churn',
      Refresh: 'fixed',
    });
    expect(lookup.DependsOn).toEqual(expect.arrayContaining([logicalIdOf(group)]));
    expect(handlerStatements(stack, 'CdkSageMakerRegistryLatestApprovedHandlerRole')).toEqual([
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
    expect(handlerStatements(stack, 'CdkSageMakerRegistryLatestApprovedHandlerRole')[1]).toEqual({
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
    const resources = handlerStatements(stack, 'CdkSageMakerRegistryLatestApprovedHandlerRole').slice(1).map((s) => s.Resource);
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

describe('ModelPackageApproval', () => {
  const VERSION = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/7`;

  test('renders the version, status, description and stage; the function may describe and update exactly that version', () => {
    const { stack } = newStack();
    const version = ModelPackage.fromModelPackageArn(stack, 'Version', VERSION);

    new ModelPackageApproval(stack, 'Approve', {
      modelPackage: version,
      approvalStatus: ModelApprovalStatus.APPROVED,
      approvalDescription: 'Offline metrics above the bar',
      lifeCycle: { stage: 'Production', stageStatus: 'Approved', stageDescription: 'Ready for the canary' },
    });

    const template = Template.fromStack(stack);
    const approvals = Object.values(template.findResources('Custom::SageMakerModelPackageApproval')) as any[];
    expect(approvals).toHaveLength(1);
    expect(approvals[0].Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^CdkSageMakerRegistryApprovalHandlerFunction/), 'Arn'] },
      ModelPackageArn: VERSION,
      ApprovalStatus: 'Approved',
      ApprovalDescription: 'Offline metrics above the bar',
      Stage: 'Production',
      StageStatus: 'Approved',
      StageDescription: 'Ready for the canary',
    });
    expect(approvals[0].DeletionPolicy).toBe('Delete');
    expect(handlerStatements(stack, 'CdkSageMakerRegistryApprovalHandlerRole')[1]).toEqual({
      Action: ['sagemaker:UpdateModelPackage', 'sagemaker:DescribeModelPackage'],
      Effect: 'Allow',
      Resource: VERSION,
    });
  });

  test('bad stage, stage status and description are reported together', () => {
    const { stack } = newStack();
    const version = ModelPackage.fromModelPackageArn(stack, 'Version', VERSION);
    expect(errorOf(() => new ModelPackageApproval(stack, 'Approve', {
      modelPackage: version,
      approvalStatus: ModelApprovalStatus.REJECTED,
      approvalDescription: 'a\nb',
      lifeCycle: { stage: 'Pro duction', stageStatus: '', stageDescription: 'x'.repeat(1025) },
    }))).toBe('Invalid ModelPackageApproval Stack/Approve:\n'
      + '  - approvalDescription must not contain control characters such as line breaks or tabs (pattern [\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*), got "\\n" in "a\\nb"\n'
      + "  - lifeCycle.stage must be letters, digits and hyphens, starting and ending with a letter or digit (pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$), got 'Pro duction'\n"
      + "  - lifeCycle.stageStatus must be between 1 and 63 characters long, got 0 characters: ''\n"
      + `  - lifeCycle.stageDescription must be between 0 and 1024 characters long, got 1025 characters: '${'x'.repeat(80)}...'`);
  });

  test('an unknown status is an error naming the allowed ones', () => {
    const { stack } = newStack();
    const version = ModelPackage.fromModelPackageArn(stack, 'Version', VERSION);
    expect(errorOf(() => new ModelPackageApproval(stack, 'Approve', { modelPackage: version, approvalStatus: 'Maybe' as ModelApprovalStatus })))
      .toBe("ModelPackageApproval Stack/Approve: approvalStatus must be one of Approved, Rejected, PendingManualApproval, got 'Maybe'");
  });

  test('approving the latest approved version of a group and staging it: one function per kind', () => {
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', 'churn');
    const latest = group.latestApprovedModelPackage(stack, 'Latest', { refresh: LookupRefresh.ON_CHANGE });
    new ModelPackageApproval(stack, 'Stage1', { modelPackage: latest, approvalStatus: ModelApprovalStatus.APPROVED, lifeCycle: { stage: 'Staging', stageStatus: 'Deployed' } });
    new ModelPackageApproval(stack, 'Stage2', { modelPackage: ModelPackage.fromModelPackageArn(stack, 'V', VERSION), approvalStatus: ModelApprovalStatus.REJECTED });

    expect(Object.keys(Template.fromStack(stack).findResources(FUNCTION)).sort()).toEqual([
      expect.stringMatching(/^CdkSageMakerRegistryApprovalHandlerFunction/),
      expect.stringMatching(/^CdkSageMakerRegistryLatestApprovedHandlerFunction/),
    ]);
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
      ModelPackageGroupName: 'scratch',
    });
    expect(cleanups[0].DependsOn).toEqual(expect.arrayContaining([logicalIdOf(group)]));
    const versions = partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/scratch/*`);
    expect(handlerStatements(stack, 'CdkSageMakerRegistryAutoDeleteHandlerRole').slice(1)).toEqual([
      { Action: 'sagemaker:ListModelPackages', Effect: 'Allow', Resource: [partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package-group/scratch`), versions] },
      { Action: 'sagemaker:DeleteModelPackage', Effect: 'Allow', Resource: versions },
    ]);
    template.hasResourceProperties(FUNCTION, { Timeout: 900 });
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

  test('two groups share one cleanup function', () => {
    const { stack } = newStack();
    new ModelPackageGroup(stack, 'A', { removalPolicy: RemovalPolicy.DESTROY, autoDeleteModelPackages: true });
    new ModelPackageGroup(stack, 'B', { removalPolicy: RemovalPolicy.DESTROY, autoDeleteModelPackages: true });

    const template = Template.fromStack(stack);
    expect(Object.keys(template.findResources(FUNCTION))).toHaveLength(1);
    expect(Object.keys(template.findResources('Custom::SageMakerModelPackageGroupAutoDelete'))).toHaveLength(2);
  });
});

