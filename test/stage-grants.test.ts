/*
 * Stage-scoped grants: `grants.changeStage` and `grants.readInStage` scope UpdateModelPackage and
 * DescribeModelPackage to lifecycle stages through SageMaker's `sagemaker:ModelLifeCycle:*` (request) and
 * `sagemaker:CurrentModelLifeCycleStage*` (resource) condition keys, in the grantee's policy and, for
 * other accounts, in the group's resource policy with the same conditions.
 */
import { CfnElement, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ModelPackageGroup } from '../src';
import { ACCOUNT, OTHER_ACCOUNT, REGION, accountRoot, errorOf, newStack, partitionArn } from './util';

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
