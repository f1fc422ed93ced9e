/*
 * ModelPackageGroupGrants (src/model-package-group-grants.ts): the grants of `group.grants` and of any
 * reference to a group (read, register, approve, actions), and stage-scoped grants.
 *
 * Stage-scoped grants: `grants.changeStage` and `grants.readInStage` scope UpdateModelPackage and
 * DescribeModelPackage to lifecycle stages through SageMaker's `sagemaker:ModelLifeCycle:*` (request) and
 * `sagemaker:CurrentModelLifeCycleStage*` (resource) condition keys, in the grantee's policy and, for
 * other accounts, in the group's resource policy with the same conditions.
 */
import { CfnElement, Stack, aws_iam as iam, aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IModelPackageGroup, ModelPackageGroup, ModelPackageGroupGrants, SharePurpose } from '../src';
import { ACCOUNT, OTHER_ACCOUNT, REGION } from './constants';
import { accountRoot, errorOf, newRole, newStack, partitionArn, policyStatementsOf } from './util';

const GROUP_TYPE = 'AWS::SageMaker::ModelPackageGroup';
const VERSIONS = partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/*`);
const READ = ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage', 'sagemaker:ListModelPackages'];

function setup() {
  const { stack } = newStack();
  const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
  return { stack, group, role };
}

function rolePolicy(stack: Stack, role: iam.Role): unknown[] {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: stack.getLogicalId(role.node.defaultChild as CfnElement) }] },
  });
  return Object.values(policies).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
}

/** A reference to a model package group that is nothing but the reference interface. */
function groupReference(scope: Construct, modelPackageGroupArn: string): sagemakerRefs.IModelPackageGroupRef {
  const construct = new Construct(scope, 'Reference');
  return Object.assign(construct, {
    env: { account: Stack.of(scope).account, region: Stack.of(scope).region },
    modelPackageGroupRef: { modelPackageGroupArn },
  });
}

describe('ModelPackageGroupGrants', () => {
  test('group.grants.read/register/approve/actions render what the grantXxx methods render', () => {
    const render = (use: (group: ModelPackageGroup, role: iam.Role) => void) => {
      const { stack } = newStack();
      const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
      use(group, newRole(stack));
      return policyStatementsOf(stack);
    };
    expect(render((g, r) => g.grants.read(r))).toEqual(render((g, r) => g.grantRead(r)));
    expect(render((g, r) => g.grants.register(r))).toEqual(render((g, r) => g.grantRegister(r)));
    expect(render((g, r) => g.grants.approve(r))).toEqual(render((g, r) => g.grantApprove(r)));
    expect(render((g, r) => ModelPackageGroupGrants.fromModelPackageGroup(g).actions(r, 'sagemaker:DeleteModelPackage')))
      .toEqual(render((g, r) => g.grant(r, 'sagemaker:DeleteModelPackage')));
    expect(render((g, r) => g.grants.register(r))).toEqual([
      { Action: 'sagemaker:CreateModelPackage', Effect: 'Allow', Resource: VERSIONS },
    ]);
  });

  test('an imported group has grants too', () => {
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', 'churn');
    group.grants.approve(newRole(stack));
    expect(policyStatementsOf(stack)).toEqual([{
      Action: ['sagemaker:UpdateModelPackage', 'sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage', 'sagemaker:ListModelPackages'],
      Effect: 'Allow',
      Resource: VERSIONS,
    }]);
  });

  test('a bare reference gets grants in the principal\'s IAM policy, on its ARN and its versions\' ARNs', () => {
    const { stack } = newStack();
    const reference = groupReference(stack, `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package-group/churn`);
    const role = newRole(stack);
    const grants = ModelPackageGroupGrants.fromModelPackageGroup(reference);

    grants.read(role);
    grants.register(role);

    expect(policyStatementsOf(stack)).toEqual([
      {
        Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Resource: `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package-group/churn`,
      },
      {
        Action: ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Resource: `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package/churn/*`,
      },
      {
        Action: 'sagemaker:CreateModelPackage',
        Effect: 'Allow',
        Resource: `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package/churn/*`,
      },
    ]);
  });

  test('a bare reference to a CfnModelPackageGroup grants on the ARNs built from its ARN', () => {
    const { stack } = newStack();
    const cfn = new sagemaker.CfnModelPackageGroup(stack, 'Cfn', { modelPackageGroupName: 'churn' });
    ModelPackageGroupGrants.fromModelPackageGroup(cfn).register(newRole(stack));
    // The Ref of an AWS::SageMaker::ModelPackageGroup is its ARN.
    const arnPart = (i: number) => ({ 'Fn::Select': [i, { 'Fn::Split': [':', { Ref: 'Cfn' }] }] });
    const name = { 'Fn::Select': [1, { 'Fn::Split': ['/', arnPart(5)] }] };
    expect(policyStatementsOf(stack)).toEqual([{
      Action: 'sagemaker:CreateModelPackage',
      Effect: 'Allow',
      Resource: { 'Fn::Join': ['', ['arn:', arnPart(1), ':sagemaker:', arnPart(3), ':', arnPart(4), ':model-package/', name, '/*']] },
    }]);
  });

  test('a bare reference has no resource policy: stage grants stay in the IAM policy, and sharing with another account is an error', () => {
    const { stack } = newStack();
    const reference = groupReference(stack, `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package-group/churn`);
    const grants = ModelPackageGroupGrants.fromModelPackageGroup(reference);
    grants.changeStage(newRole(stack), { stages: ['Staging'] });
    expect(policyStatementsOf(stack)).toContainEqual({
      Action: 'sagemaker:UpdateModelPackage',
      Condition: { StringEquals: { 'sagemaker:ModelLifeCycle:Stage': ['Staging'] } },
      Effect: 'Allow',
      Resource: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/*`,
    });

    expect(errorOf(() => grants.share(new iam.AccountPrincipal(OTHER_ACCOUNT), { purpose: SharePurpose.READ_AND_DEPLOY })))
      .toContain(`principal must be an IAM role or user of the group's account "${ACCOUNT}": the group is a reference without a resource policy`);
  });

  test('another implementation of IModelPackageGroup gets grants on its own ARNs, through addToPrincipalOrResource', () => {
    const { stack } = newStack();
    const imported = ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', 'churn');
    // Everything of IModelPackageGroup, but not the library's contract (no _grantOn).
    const other: IModelPackageGroup = Object.assign(Object.create(imported), { _grantOn: undefined });
    ModelPackageGroupGrants.fromModelPackageGroup(other).read(newRole(stack));
    expect(policyStatementsOf(stack)).toEqual([
      {
        Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Resource: partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package-group/churn`),
      },
      {
        Action: ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Resource: VERSIONS,
      },
    ]);
  });

  test('a malformed literal ARN in a bare reference is an error', () => {
    const { stack } = newStack();
    expect(errorOf(() => ModelPackageGroupGrants.fromModelPackageGroup(groupReference(stack, 'arn:aws:s3:::bucket'))))
      .toContain('modelPackageGroupArn must be a SageMaker model-package-group ARN');
  });
});

describe('changeStage', () => {
  test('a role of the account may update versions only to the given stages, and read them', () => {
    // GIVEN
    const { stack, group, role } = setup();

    // WHEN
    const grant = group.grants.changeStage(role, { stages: ['Staging'] });

    // THEN
    expect(grant.success).toBe(true);
    expect(rolePolicy(stack, role)).toEqual([
      { Action: READ, Effect: 'Allow', Resource: VERSIONS },
      {
        Action: 'sagemaker:UpdateModelPackage',
        Condition: { StringEquals: { 'sagemaker:ModelLifeCycle:Stage': ['Staging'] } },
        Effect: 'Allow',
        Resource: VERSIONS,
      },
    ]);
    Template.fromStack(stack).hasResourceProperties(GROUP_TYPE, { ModelPackageGroupPolicy: Match.absent() });
  });

  test('stage statuses add their own condition; repeated values are given once', () => {
    // GIVEN
    const { stack, group, role } = setup();

    // WHEN
    group.grants.changeStage(role, { stages: ['Staging', 'Production', 'Staging'], stageStatuses: ['Approved'] });

    // THEN
    expect(rolePolicy(stack, role)[1]).toEqual({
      Action: 'sagemaker:UpdateModelPackage',
      Condition: {
        StringEquals: {
          'sagemaker:ModelLifeCycle:Stage': ['Staging', 'Production'],
          'sagemaker:ModelLifeCycle:StageStatus': ['Approved'],
        },
      },
      Effect: 'Allow',
      Resource: VERSIONS,
    });
  });

  test('another account gets the same conditions in the group resource policy', () => {
    // GIVEN
    const { stack, group } = setup();

    // WHEN
    const grant = group.grants.changeStage(new iam.AccountPrincipal(OTHER_ACCOUNT), { stages: ['Staging'] });

    // THEN
    expect(grant.success).toBe(true);
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
    const statements = Template.fromStack(stack).findResources(GROUP_TYPE)[Object.keys(Template.fromStack(stack).findResources(GROUP_TYPE))[0]]
      .Properties.ModelPackageGroupPolicy.Statement;
    expect(statements).toEqual(expect.arrayContaining([{
      Action: 'sagemaker:UpdateModelPackage',
      Condition: { StringEquals: { 'sagemaker:ModelLifeCycle:Stage': ['Staging'] } },
      Effect: 'Allow',
      Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
      Resource: VERSIONS,
    }]));
    // No statement lets the other account update versions without the stage condition.
    const unconditionedUpdates = statements.filter((s: any) => [s.Action].flat().includes('sagemaker:UpdateModelPackage') && !s.Condition);
    expect(unconditionedUpdates).toEqual([]);
  });

  test('invalid stages are errors naming the value and the rule', () => {
    const { group, role } = setup();
    expect(errorOf(() => group.grants.changeStage(role, { stages: [] })))
      .toEqual('Invalid changeStage on model package group Stack/Group:\n  - stages must name at least one stage, got an empty list');
    expect(errorOf(() => group.grants.changeStage(role, { stages: ['pre prod'], stageStatuses: [] }))).toEqual(
      'Invalid changeStage on model package group Stack/Group:\n'
      + '  - stageStatuses must name at least one status when given, got an empty list (leave it out for any status)\n'
      + "  - stages[0] must be 1-63 letters, digits and hyphens, starting and ending with a letter or digit (pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$), got 'pre prod'");
  });
});

describe('readInStage', () => {
  test('describing versions is limited to those currently in the stages; the group and the list are not', () => {
    // GIVEN
    const { stack, group, role } = setup();

    // WHEN
    group.grants.readInStage(role, { stages: ['Production'], stageStatuses: ['Approved'] });

    // THEN
    expect(rolePolicy(stack, role)).toEqual([
      {
        Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [stack.getLogicalId(group.node.defaultChild as CfnElement), 'ModelPackageGroupArn'] },
      },
      {
        Action: ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage'],
        Condition: {
          StringEquals: {
            'sagemaker:CurrentModelLifeCycleStage': ['Production'],
            'sagemaker:CurrentModelLifeCycleStageStatus': ['Approved'],
          },
        },
        Effect: 'Allow',
        Resource: VERSIONS,
      },
    ]);
  });

  test('a dict with an unknown key is an error', () => {
    const { group, role } = setup();
    expect(errorOf(() => group.grants.readInStage(role, { stages: ['Production'], stage_statuses: ['Approved'] } as any)))
      .toContain("'stage_statuses' is not a property of StageGrantOptions; did you mean 'stageStatuses'?");
  });
});
