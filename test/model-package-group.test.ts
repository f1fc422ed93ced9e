import {
  App,
  CfnElement,
  CfnParameter,
  RemovalPolicy,
  Stack,
  Tags,
  aws_events_targets as targets,
  aws_iam as iam,
  aws_sns as sns,
} from 'aws-cdk-lib';
import { Annotations, Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { IModelPackageGroup, ModelApprovalStatus, ModelPackageGroup } from '../src';
import { ACCOUNT, ENV, OTHER_ACCOUNT, OTHER_REGION, REGION } from './constants';
import { accountRoot, errorOf, newStack, partitionArn } from './util';

const NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/;
const GROUP_TYPE = 'AWS::SageMaker::ModelPackageGroup';
const SHARED_ARN = `arn:aws:sagemaker:${OTHER_REGION}:${OTHER_ACCOUNT}:model-package-group/shared`;

/** The ARN of group `name` in the test stack, as the group's resource policy renders it. */
function groupArn(name: string) {
  return partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package-group/${name}`);
}

/** The ARN pattern of every version of group `name` in the test stack. */
function versionsArn(name: string) {
  return partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/${name}/*`);
}

function logicalIdOf(group: ModelPackageGroup): string {
  return Stack.of(group).getLogicalId(group.node.defaultChild as CfnElement);
}

/** The only model package group of the template, with its policies. */
function onlyGroup(template: Template): any {
  const groups = Object.values(template.findResources(GROUP_TYPE));
  expect(groups).toHaveLength(1);
  return groups[0];
}

/** Every IAM statement in the template: identity policies and the groups' resource policies. */
function allStatements(template: Template): any[] {
  const identity = Object.values(template.findResources('AWS::IAM::Policy'))
    .flatMap((r: any) => r.Properties.PolicyDocument.Statement);
  const resource = Object.values(template.findResources(GROUP_TYPE))
    .flatMap((r: any) => r.Properties.ModelPackageGroupPolicy?.Statement ?? []);
  return [...identity, ...resource];
}

function newRole(scope: Construct, id = 'Role'): iam.Role {
  return new iam.Role(scope, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
}

/** Asserts that the only identity policy of the template is attached to `role` and has exactly `statements`. */
function expectRolePolicy(stack: Stack, role: iam.Role, statements: any[]) {
  const template = Template.fromStack(stack);
  template.resourceCountIs('AWS::IAM::Policy', 1);
  template.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: Match.exact({ Version: '2012-10-17', Statement: statements }),
    Roles: [{ Ref: stack.getLogicalId(role.node.defaultChild as CfnElement) }],
  });
}

function deepConstruct(scope: Construct, depth: number): Construct {
  let current = scope;
  for (let i = 0; i < depth; i++) {
    current = new Construct(current, `AVeryLongConstructIdentifierAtLevel${i}`);
  }
  return current;
}

describe('ModelPackageGroup defaults', () => {
  test('renders one retained group with a generated name and nothing else', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackageGroup(stack, 'Group');

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs(GROUP_TYPE, 1);
    const name = new Capture();
    template.hasResource(GROUP_TYPE, {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.exact({ ModelPackageGroupName: name }),
    });
    expect(name.asString()).toMatch(/^StackGroup[0-9A-F]{8}$/);
    expect(name.asString()).toMatch(NAME_PATTERN);
  });

  test('renders no resource policy when nothing was added', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // THEN
    Template.fromStack(stack).hasResourceProperties(GROUP_TYPE, {
      ModelPackageGroupName: 'my-group',
      ModelPackageGroupPolicy: Match.absent(),
      ModelPackageGroupDescription: Match.absent(),
    });
  });

  test('renders the name and the description', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn', description: 'Churn models, v2 (2024) – ünïcode ok.' });

    // THEN
    Template.fromStack(stack).hasResource(GROUP_TYPE, {
      Properties: Match.exact({
        ModelPackageGroupName: 'churn',
        ModelPackageGroupDescription: 'Churn models, v2 (2024) – ünïcode ok.',
      }),
    });
  });

  test('removalPolicy DESTROY renders Delete', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackageGroup(stack, 'Group', { removalPolicy: RemovalPolicy.DESTROY });

    // THEN
    Template.fromStack(stack).hasResource(GROUP_TYPE, {
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
    });
  });

  test('a generated name from a very deep and long construct path is valid and at most 63 characters', () => {
    // GIVEN
    const { stack } = newStack();
    const scope = deepConstruct(stack, 12);

    // WHEN
    const group = new ModelPackageGroup(scope, 'Group');

    // THEN
    const name: string = onlyGroup(Template.fromStack(stack)).Properties.ModelPackageGroupName;
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name.length).toBeGreaterThan(50); // truncated, not replaced by something short
    expect(name).toMatch(NAME_PATTERN);
    expect(stack.resolve(group.modelPackageGroupName)).toEqual(name);
  });

  test.each([
    ['my_group.v2', /^Stackmygroupv2[0-9A-F]{8}$/],
    ['-lead', /^Stack-lead[0-9A-F]{8}$/],
    ['trail-', /^Stacktrail-[0-9A-F]{8}$/],
    ['a  b/c\\d:e', /^Stackab--cde[0-9A-F]{8}$/],
    ['__', /^Stack[0-9A-F]{8}$/],
  ])('a generated name for id %j is valid', (id, expected) => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackageGroup(stack, id);

    // THEN
    const name: string = onlyGroup(Template.fromStack(stack)).Properties.ModelPackageGroupName;
    expect(name).toMatch(expected);
    expect(name).toMatch(NAME_PATTERN);
    expect(name.length).toBeLessThanOrEqual(63);
  });

  test('a generated name loses the leading hyphens of a stack id', () => {
    // GIVEN
    const app = new App();
    const stack = new Stack(app, '--odd', { stackName: 'odd', env: ENV });

    // WHEN
    new ModelPackageGroup(stack, 'Group');

    // THEN
    const name: string = onlyGroup(Template.fromStack(stack)).Properties.ModelPackageGroupName;
    expect(name).toMatch(/^oddGroup[0-9A-F]{8}$/);
  });

  test('ids that differ only in removed characters get different generated names', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const a = new ModelPackageGroup(stack, 'a.b');
    const b = new ModelPackageGroup(stack, 'a_b');

    // THEN
    const nameA = stack.resolve(a.modelPackageGroupName);
    const nameB = stack.resolve(b.modelPackageGroupName);
    expect(nameA).toMatch(/^Stackab[0-9A-F]{8}$/);
    expect(nameB).toMatch(/^Stackab[0-9A-F]{8}$/);
    expect(nameA).not.toEqual(nameB);
  });
});

describe('ModelPackageGroup name and description validation', () => {
  test.each([
    ['a'],
    ['a'.repeat(63)],
    ['a--b'],
    ['Model-Group-2'],
    ['7'],
  ])('accepts the name %j', (name) => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: name });

    // THEN
    Template.fromStack(stack).hasResourceProperties(GROUP_TYPE, { ModelPackageGroupName: name });
  });

  test.each([
    ['a'.repeat(64), 'between 1 and 63 characters long, got 64 characters'],
    ['', 'between 1 and 63 characters long, got 0 characters'],
    ['-a', 'pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$'],
    ['a-', 'pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$'],
    ['a_b', 'pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$'],
    ['a b', 'pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$'],
    ['grüße', 'pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$'],
  ])('rejects the name %j', (name, allowed) => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: name }));

    // THEN
    expect(message).toContain('Invalid ModelPackageGroup Stack/Group:');
    expect(message).toContain('modelPackageGroupName must ');
    expect(message).toContain(`'${name}'`);
    expect(message).toContain(allowed);
  });

  test('a name of 64 invalid characters reports both the length and the pattern', () => {
    // GIVEN
    const { stack } = newStack();
    const name = '_'.repeat(64);

    // WHEN
    const when = () => new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: name });

    // THEN
    expect(when).toThrow(new RegExp(`between 1 and 63 characters long, got 64 characters: '${name}'\\n.*pattern \\^\\[a-zA-Z0-9\\]`));
  });

  test('a token name skips validation', () => {
    // GIVEN
    const { stack } = newStack();
    const name = new CfnParameter(stack, 'GroupName').valueAsString;

    // WHEN
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: name, description: new CfnParameter(stack, 'Description').valueAsString });

    // THEN
    Template.fromStack(stack).hasResourceProperties(GROUP_TYPE, {
      ModelPackageGroupName: { Ref: 'GroupName' },
      ModelPackageGroupDescription: { Ref: 'Description' },
    });
    expect(stack.resolve(group.modelPackageGroupName)).toEqual({ Ref: 'GroupName' });
  });

  test('a description of exactly 1024 characters is accepted', () => {
    // GIVEN
    const { stack } = newStack();
    const description = 'd'.repeat(1024);

    // WHEN
    new ModelPackageGroup(stack, 'Group', { description });

    // THEN
    Template.fromStack(stack).hasResourceProperties(GROUP_TYPE, { ModelPackageGroupDescription: description });
  });

  test('a description of 1025 characters is rejected', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new ModelPackageGroup(stack, 'Group', { description: 'd'.repeat(1025) }));

    // THEN
    expect(message).toContain('Invalid ModelPackageGroup Stack/Group:');
    expect(message).toContain('description must be at most 1024 characters long, got 1025 characters');
    expect(message).not.toContain('modelPackageGroupName');
  });

  test.each([
    ['a newline', 'first line\nsecond line', '"\\n"'],
    ['a tab', 'a\tb', '"\\t"'],
  ])('a description with %s is rejected', (_what, description, shown) => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new ModelPackageGroup(stack, 'Group', { description }));

    // THEN
    expect(message).toContain('description must not contain control characters such as line breaks or tabs');
    expect(message).toContain(`got ${shown} in ${JSON.stringify(description)}`);
  });

  test('all problems are reported in one error', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const when = () => new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'a_b', description: 'x\ny' });

    // THEN
    expect(when).toThrow(/Invalid ModelPackageGroup Stack\/Group:\n {2}- modelPackageGroupName must .*'a_b'\n {2}- description must not contain/);
  });
});

describe('ModelPackageGroup attributes', () => {
  test('modelPackageGroupArn is the ModelPackageGroupArn attribute', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // THEN
    expect(logicalIdOf(group)).toMatch(/^Group[0-9A-F]{8}$/);
    expect(stack.resolve(group.modelPackageGroupArn)).toEqual({ 'Fn::GetAtt': [logicalIdOf(group), 'ModelPackageGroupArn'] });
    expect(stack.resolve(group.modelPackageGroupRef.modelPackageGroupArn)).toEqual({ 'Fn::GetAtt': [logicalIdOf(group), 'ModelPackageGroupArn'] });
  });

  test('modelPackageGroupName is the literal name', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // THEN
    expect(stack.resolve(group.modelPackageGroupName)).toEqual('my-group');
  });

  test('modelPackageGroupName of a generated name is the rendered name', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const group = new ModelPackageGroup(stack, 'Group');

    // THEN
    const rendered = onlyGroup(Template.fromStack(stack)).Properties.ModelPackageGroupName;
    expect(stack.resolve(group.modelPackageGroupName)).toEqual(rendered);
  });

  test('arnForModelPackageVersion builds the version ARN with the partition pseudo parameter', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // THEN
    expect(stack.resolve(group.arnForModelPackageVersion('*'))).toEqual(versionsArn('my-group'));
    expect(stack.resolve(group.arnForModelPackageVersion('12')))
      .toEqual(partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/my-group/12`));
    expect(JSON.stringify(stack.resolve(group.arnForModelPackageVersion('*')))).not.toContain('arn:aws:');
  });

  test('arnForModelPackageVersion of a generated name uses the rendered name', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const group = new ModelPackageGroup(stack, 'Group');

    // THEN
    const rendered = onlyGroup(Template.fromStack(stack)).Properties.ModelPackageGroupName;
    expect(stack.resolve(group.arnForModelPackageVersion('*'))).toEqual(versionsArn(rendered));
  });
});

describe('ModelPackageGroup imports', () => {
  test('fromModelPackageGroupArn takes name, account and region from a literal ARN', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const group = ModelPackageGroup.fromModelPackageGroupArn(stack, 'Shared', SHARED_ARN);

    // THEN
    expect(group.modelPackageGroupArn).toEqual(SHARED_ARN);
    expect(group.modelPackageGroupRef.modelPackageGroupArn).toEqual(SHARED_ARN);
    expect(group.modelPackageGroupName).toEqual('shared');
    expect(group.env.account).toEqual(OTHER_ACCOUNT);
    expect(group.env.region).toEqual(OTHER_REGION);
    expect(stack.resolve(group.arnForModelPackageVersion('3'))).toEqual(`arn:aws:sagemaker:${OTHER_REGION}:${OTHER_ACCOUNT}:model-package/shared/3`);
    expect(stack.resolve(group.arnForModelPackageVersion('*'))).toEqual(`arn:aws:sagemaker:${OTHER_REGION}:${OTHER_ACCOUNT}:model-package/shared/*`);
    // An import creates no group; a grant on it only writes the principal's policy.
    group.grantRead(new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() }));
    const template = Template.fromStack(stack);
    template.resourceCountIs(GROUP_TYPE, 0);
    template.resourceCountIs('AWS::IAM::Policy', 1);
  });

  test.each([
    ['aws-cn', 'cn-north-1'],
    ['aws-us-gov', 'us-gov-west-1'],
    ['aws-iso-b', 'us-isob-east-1'],
  ])('fromModelPackageGroupArn keeps the %s partition', (partition, region) => {
    // GIVEN
    const { stack } = newStack();
    const arn = `arn:${partition}:sagemaker:${region}:${OTHER_ACCOUNT}:model-package-group/models`;

    // WHEN
    const group = ModelPackageGroup.fromModelPackageGroupArn(stack, 'Shared', arn);

    // THEN
    expect(group.modelPackageGroupName).toEqual('models');
    expect(group.env.region).toEqual(region);
    expect(stack.resolve(group.arnForModelPackageVersion('1'))).toEqual(`arn:${partition}:sagemaker:${region}:${OTHER_ACCOUNT}:model-package/models/1`);
  });

  test.each([
    ['arn:aws:s3:::my-bucket'],
    ['arn:aws:ecr:us-east-1:111111111111:model-package-group/g'],
    ['arn:aws:sagemaker:us-east-1:111111111111:model-package/x/1'],
    ['arn:aws:sagemaker:us-east-1:111111111111:model/g'],
    ['arn:aws:sagemaker:us-east-1:111111111111:model-package-group/'],
    ['arn:aws:sagemaker:us-east-1:111111111111:model-package-group'],
    ['arn:aws:sagemaker:us-east-1:11111111111:model-package-group/g'],
    ['arn:aws:sagemaker:us-east-1:abcdefghijkl:model-package-group/g'],
    ['arn:aws:sagemaker::111111111111:model-package-group/g'],
    ['arn:foo:sagemaker:us-east-1:111111111111:model-package-group/g'],
    ['arn:aws:sagemaker:us-east-1:111111111111:model-package-group/bad_name'],
    ['arn:aws:sagemaker:us-east-1:111111111111:model-package-group/-g'],
    ['arn:aws:sagemaker:us-east-1:111111111111:model-package-group/a/b'],
    [`arn:aws:sagemaker:us-east-1:111111111111:model-package-group/${'g'.repeat(64)}`],
    ['model-package-group/g'],
    [''],
  ])('fromModelPackageGroupArn rejects %j', (arn) => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => ModelPackageGroup.fromModelPackageGroupArn(stack, 'Shared', arn));

    // THEN
    expect(message).toMatch(/^Invalid ModelPackageGroup\.fromModelPackageGroupArn:\n {2}- modelPackageGroupArn must /);
    expect(message).toContain(`'${arn}'`);
    expect(message).toContain(' arn:<partition>:sagemaker:<region>:<account-id>:model-package-group/<name>');
  });

  test('fromModelPackageGroupArn with a token ARN splits it with CloudFormation functions', () => {
    // GIVEN
    const { stack } = newStack();
    const arn = new CfnParameter(stack, 'GroupArn').valueAsString;
    const field = (i: number) => ({ 'Fn::Select': [i, { 'Fn::Split': [':', { Ref: 'GroupArn' }] }] });
    const name = { 'Fn::Select': [1, { 'Fn::Split': ['/', field(5)] }] };

    // WHEN
    const group = ModelPackageGroup.fromModelPackageGroupArn(stack, 'Shared', arn);

    // THEN
    expect(stack.resolve(group.modelPackageGroupArn)).toEqual({ Ref: 'GroupArn' });
    expect(stack.resolve(group.modelPackageGroupName)).toEqual(name);
    expect(stack.resolve(group.env.account)).toEqual(field(4));
    expect(stack.resolve(group.env.region)).toEqual(field(3));
    expect(stack.resolve(group.arnForModelPackageVersion('*'))).toEqual({
      'Fn::Join': ['', ['arn:', field(1), ':sagemaker:', field(3), ':', field(4), ':model-package/', name, '/*']],
    });
  });

  test('fromModelPackageGroupName builds the ARN in the stack\'s account and region', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const group = ModelPackageGroup.fromModelPackageGroupName(stack, 'Existing', 'existing-models');

    // THEN
    expect(group.modelPackageGroupName).toEqual('existing-models');
    expect(stack.resolve(group.modelPackageGroupArn)).toEqual(groupArn('existing-models'));
    expect(stack.resolve(group.arnForModelPackageVersion('*'))).toEqual(versionsArn('existing-models'));
    expect(group.env.account).toEqual(ACCOUNT);
    expect(group.env.region).toEqual(REGION);
  });

  test.each([['a_b'], [''], ['x'.repeat(64)], ['-a']])('fromModelPackageGroupName rejects %j', (name) => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => ModelPackageGroup.fromModelPackageGroupName(stack, 'Existing', name));

    // THEN
    expect(message).toContain('Invalid model package group import:');
    expect(message).toContain('modelPackageGroupName must ');
    expect(message).toContain(`'${name}'`);
  });

  test('fromModelPackageGroupName accepts a token name', () => {
    // GIVEN
    const { stack } = newStack();
    const name = new CfnParameter(stack, 'GroupName').valueAsString;

    // WHEN
    const group = ModelPackageGroup.fromModelPackageGroupName(stack, 'Existing', name);

    // THEN
    expect(stack.resolve(group.modelPackageGroupArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:sagemaker:${REGION}:${ACCOUNT}:model-package-group/`, { Ref: 'GroupName' }]],
    });
  });
});

describe('ModelPackageGroup grants to a same-account role', () => {
  test('grantRead', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });
    const role = newRole(stack);

    // WHEN
    const grant = group.grantRead(role);

    // THEN
    expect(grant.success).toBe(true);
    expectRolePolicy(stack, role, [
      {
        Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logicalIdOf(group), 'ModelPackageGroupArn'] },
      },
      {
        Action: ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Resource: versionsArn('my-group'),
      },
    ]);
    Template.fromStack(stack).hasResourceProperties(GROUP_TYPE, { ModelPackageGroupPolicy: Match.absent() });
  });

  test('grantRegister', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });
    const role = newRole(stack);

    // WHEN
    group.grantRegister(role);

    // THEN
    expectRolePolicy(stack, role, [
      { Action: 'sagemaker:CreateModelPackage', Effect: 'Allow', Resource: versionsArn('my-group') },
    ]);
    Template.fromStack(stack).hasResourceProperties(GROUP_TYPE, { ModelPackageGroupPolicy: Match.absent() });
  });

  test('grantApprove', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });
    const role = newRole(stack);

    // WHEN
    group.grantApprove(role);

    // THEN
    expectRolePolicy(stack, role, [
      {
        Action: [
          'sagemaker:UpdateModelPackage',
          'sagemaker:DescribeModelPackage',
          'sagemaker:BatchDescribeModelPackage',
          'sagemaker:ListModelPackages',
        ],
        Effect: 'Allow',
        Resource: versionsArn('my-group'),
      },
    ]);
  });

  test('grant with custom actions covers the group and its versions', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });
    const role = newRole(stack);

    // WHEN
    group.grant(role, 'sagemaker:AddTags', 'sagemaker:ListTags');

    // THEN
    expectRolePolicy(stack, role, [
      {
        Action: ['sagemaker:AddTags', 'sagemaker:ListTags'],
        Effect: 'Allow',
        Resource: [{ 'Fn::GetAtt': [logicalIdOf(group), 'ModelPackageGroupArn'] }, versionsArn('my-group')],
      },
    ]);
  });

  test('grants on a generated name use the rendered name', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group');
    const role = newRole(stack);

    // WHEN
    group.grantRegister(role);

    // THEN
    const name = onlyGroup(Template.fromStack(stack)).Properties.ModelPackageGroupName;
    expectRolePolicy(stack, role, [
      { Action: 'sagemaker:CreateModelPackage', Effect: 'Allow', Resource: versionsArn(name) },
    ]);
  });

  test('no grant uses Resource "*" or the ListModelPackageGroups action', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });
    const role = newRole(stack);
    const partner = new iam.AccountPrincipal(OTHER_ACCOUNT);

    // WHEN
    for (const grantee of [role, partner]) {
      group.grantRead(grantee);
      group.grantRegister(grantee);
      group.grantApprove(grantee);
      group.grant(grantee, 'sagemaker:DeleteModelPackage');
    }

    // THEN
    const statements = allStatements(Template.fromStack(stack));
    expect(statements.length).toBeGreaterThanOrEqual(6);
    for (const statement of statements) {
      expect([statement.Resource].flat()).not.toContain('*');
      expect([statement.Action].flat()).not.toContain('sagemaker:ListModelPackageGroups');
      expect([statement.Action].flat().every((a: string) => /^sagemaker:[A-Za-z]+$/.test(a))).toBe(true);
    }
  });

  test('grantRead on a group imported by name uses the formatted ARN', () => {
    // GIVEN
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupName(stack, 'Existing', 'existing');
    const role = newRole(stack);

    // WHEN
    group.grantRead(role);

    // THEN
    expectRolePolicy(stack, role, [
      {
        Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Resource: groupArn('existing'),
      },
      {
        Action: ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Resource: versionsArn('existing'),
      },
    ]);
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('grantRead on a group imported from another account grants the role and warns that its policy is unchanged', () => {
    // GIVEN
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupArn(stack, 'Shared', SHARED_ARN);
    const role = newRole(stack);

    // WHEN
    group.grantRead(role);

    // THEN
    expectRolePolicy(stack, role, [
      {
        Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Resource: SHARED_ARN,
      },
      {
        Action: ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Resource: `arn:aws:sagemaker:${OTHER_REGION}:${OTHER_ACCOUNT}:model-package/shared/*`,
      },
    ]);
    Annotations.fromStack(stack).hasWarning('/Stack/Shared',
      Match.stringLikeRegexp('resource policy of imported model package group shared cannot be changed'));
  });
});

describe('ModelPackageGroup cross-account grants', () => {
  test('grantRead to another account goes into the resource policy', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // WHEN
    const grant = group.grantRead(new iam.AccountPrincipal(OTHER_ACCOUNT));

    // THEN
    expect(grant.success).toBe(true);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.hasResourceProperties(GROUP_TYPE, {
      ModelPackageGroupPolicy: Match.exact({
        Version: '2012-10-17',
        Statement: [
          {
            Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
            Effect: 'Allow',
            Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
            Resource: groupArn('my-group'),
          },
          {
            Action: ['sagemaker:BatchDescribeModelPackage', 'sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages'],
            Effect: 'Allow',
            Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
            Resource: versionsArn('my-group'),
          },
        ],
      }),
    });
  });

  /** The group policy holds exactly one statement: role ci of account OTHER_ACCOUNT may register versions. */
  function expectOnlyRegisterStatementForCiRole(template: Template) {
    template.hasResourceProperties(GROUP_TYPE, {
      ModelPackageGroupPolicy: Match.exact({
        Version: '2012-10-17',
        Statement: [{
          Action: 'sagemaker:CreateModelPackage',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:role/ci` },
          Resource: versionsArn('my-group'),
        }],
      }),
    });
  }

  test('grantRegister to an ArnPrincipal in another account', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // WHEN
    group.grantRegister(new iam.ArnPrincipal(`arn:aws:iam::${OTHER_ACCOUNT}:role/ci`));

    // THEN
    expectOnlyRegisterStatementForCiRole(Template.fromStack(stack));
  });

  test('grantRegister to a role imported from another account', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });
    const ci = iam.Role.fromRoleArn(stack, 'R', `arn:aws:iam::${OTHER_ACCOUNT}:role/ci`);

    // WHEN
    group.grantRegister(ci);

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    expectOnlyRegisterStatementForCiRole(template);
  });

  test('grantApprove and grant to another account', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });
    const partner = new iam.AccountPrincipal(OTHER_ACCOUNT);

    // WHEN
    group.grantApprove(partner);
    group.grant(partner, 'sagemaker:AddTags');

    // THEN
    Template.fromStack(stack).hasResourceProperties(GROUP_TYPE, {
      ModelPackageGroupPolicy: Match.exact({
        Version: '2012-10-17',
        Statement: [
          {
            Action: [
              'sagemaker:BatchDescribeModelPackage',
              'sagemaker:DescribeModelPackage',
              'sagemaker:ListModelPackages',
              'sagemaker:UpdateModelPackage',
            ],
            Effect: 'Allow',
            Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
            Resource: versionsArn('my-group'),
          },
          {
            Action: 'sagemaker:AddTags',
            Effect: 'Allow',
            Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
            Resource: [groupArn('my-group'), versionsArn('my-group')],
          },
        ],
      }),
    });
  });

  test('the resource policy of a group with a generated name never refers to the group itself', () => {
    // GIVEN
    const { app, stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group');
    const partner = new iam.AccountPrincipal(OTHER_ACCOUNT);

    // WHEN
    group.grantRead(partner);
    group.grantRegister(partner);
    group.grantApprove(partner);
    group.grant(partner, 'sagemaker:AddTags');

    // THEN
    expect(() => app.synth()).not.toThrow();
    const resource = onlyGroup(Template.fromStack(stack));
    const name = resource.Properties.ModelPackageGroupName;
    const policy = JSON.stringify(resource.Properties.ModelPackageGroupPolicy);
    expect(policy).not.toContain(logicalIdOf(group));
    expect(policy).not.toContain('Fn::GetAtt');
    expect(policy).toContain(JSON.stringify(groupArn(name)));
    expect(policy).toContain(JSON.stringify(versionsArn(name)));
  });

  test('a role in another account\'s stack can be granted on an explicitly named group', () => {
    // GIVEN
    const { app, stack } = newStack();
    const consumer = new Stack(app, 'Consumer', { env: { account: OTHER_ACCOUNT, region: REGION } });
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });
    const role = new iam.Role(consumer, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      roleName: 'consumer-role',
    });

    // WHEN
    group.grantRegister(role);

    // THEN
    expectRolePolicy(consumer, role, [{
      Action: 'sagemaker:CreateModelPackage',
      Effect: 'Allow',
      Resource: partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/my-group/*`),
    }]);
    Template.fromStack(stack).hasResourceProperties(GROUP_TYPE, {
      ModelPackageGroupPolicy: Match.exact({
        Version: '2012-10-17',
        Statement: [{
          Action: 'sagemaker:CreateModelPackage',
          Effect: 'Allow',
          Principal: { AWS: partitionArn(`:iam::${OTHER_ACCOUNT}:role/consumer-role`) },
          Resource: versionsArn('my-group'),
        }],
      }),
    });
  });

  test('a role in another account\'s stack can be granted on a group with a generated name', () => {
    // GIVEN
    const { app, stack } = newStack();
    const consumer = new Stack(app, 'Consumer', { env: { account: OTHER_ACCOUNT, region: REGION } });
    const group = new ModelPackageGroup(stack, 'Group');
    const role = new iam.Role(consumer, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      roleName: 'consumer-role',
    });

    // WHEN
    group.grantRead(role);

    // THEN
    const name = onlyGroup(Template.fromStack(stack)).Properties.ModelPackageGroupName;
    expect(name).toMatch(/^StackGroup[0-9A-F]{8}$/);
    expectRolePolicy(consumer, role, [
      {
        Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Resource: partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package-group/${name}`),
      },
      {
        Action: ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Resource: partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/${name}/*`),
      },
    ]);
    Template.fromStack(stack).hasResourceProperties(GROUP_TYPE, {
      ModelPackageGroupPolicy: Match.exact({
        Version: '2012-10-17',
        Statement: [
          {
            Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
            Effect: 'Allow',
            Principal: { AWS: partitionArn(`:iam::${OTHER_ACCOUNT}:role/consumer-role`) },
            Resource: groupArn(name),
          },
          {
            Action: ['sagemaker:BatchDescribeModelPackage', 'sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages'],
            Effect: 'Allow',
            Principal: { AWS: partitionArn(`:iam::${OTHER_ACCOUNT}:role/consumer-role`) },
            Resource: versionsArn(name),
          },
        ],
      }),
    });
  });
});

describe('ModelPackageGroup.addToResourcePolicy', () => {
  test('renders the statement into ModelPackageGroupPolicy', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // WHEN
    const result = group.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'Deploy',
      actions: ['sagemaker:DescribeModelPackage', 'sagemaker:CreateModel'],
      resources: [group.arnForModelPackageVersion('*')],
      principals: [new iam.AccountPrincipal(OTHER_ACCOUNT)],
    }));

    // THEN
    expect(result.statementAdded).toBe(true);
    expect(result.policyDependable).toBe(group.node.defaultChild);
    Template.fromStack(stack).hasResourceProperties(GROUP_TYPE, {
      ModelPackageGroupPolicy: Match.exact({
        Version: '2012-10-17',
        Statement: [{
          Sid: 'Deploy',
          Action: ['sagemaker:CreateModel', 'sagemaker:DescribeModelPackage'],
          Effect: 'Allow',
          Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
          Resource: versionsArn('my-group'),
        }],
      }),
    });
  });

  test('a statement allowing Action "*" is rejected', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // WHEN
    const message = errorOf(() => group.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['*'],
      resources: [group.arnForModelPackageVersion('*')],
      principals: [new iam.AccountPrincipal(OTHER_ACCOUNT)],
    })));

    // THEN
    expect(message).toContain('Invalid resource policy statement for ModelPackageGroup Stack/Group:');
    expect(message).toContain('must not allow Action "*"');
    expect(message).toContain('AWS RAM');
    Template.fromStack(stack).hasResourceProperties(GROUP_TYPE, { ModelPackageGroupPolicy: Match.absent() });
  });

  test('a statement without resources is rejected', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // WHEN
    const when = () => group.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['sagemaker:DescribeModelPackage'],
      principals: [new iam.AccountPrincipal(OTHER_ACCOUNT)],
    }));

    // THEN
    expect(when).toThrow(/must name its resources/);
  });

  test('a statement without principals fails at synth', () => {
    // GIVEN
    const { app, stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // WHEN
    const result = group.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['sagemaker:DescribeModelPackage'],
      resources: [group.arnForModelPackageVersion('*')],
    }));

    // THEN
    expect(result.statementAdded).toBe(true);
    expect(() => app.synth()).toThrow(/\[Stack\/Group\] A PolicyStatement used in a resource-based policy must specify at least one IAM principal/);
  });

  test.each([
    ['modelPackageGroupArn', (g: ModelPackageGroup) => g.modelPackageGroupArn],
    ['modelPackageGroupRef', (g: ModelPackageGroup) => g.modelPackageGroupRef.modelPackageGroupArn],
  ])('a statement whose resources use %s fails at synth as a circular reference', (_what, arnOf) => {
    // GIVEN
    const { app, stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // WHEN
    group.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['sagemaker:DescribeModelPackageGroup'],
      resources: [arnOf(group)],
      principals: [new iam.AccountPrincipal(OTHER_ACCOUNT)],
    }));

    // THEN
    expect(() => app.synth()).toThrow(/\[Stack\/Group\] the resource policy refers to the group itself .*circular dependency/);
  });

  test('a statement changed to Action "*" after it was added fails at synth', () => {
    // GIVEN
    const { app, stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });
    const statement = new iam.PolicyStatement({
      actions: ['sagemaker:DescribeModelPackage'],
      resources: [group.arnForModelPackageVersion('*')],
      principals: [new iam.AccountPrincipal(OTHER_ACCOUNT)],
    });
    group.addToResourcePolicy(statement);

    // WHEN
    statement.addActions('*');

    // THEN
    expect(() => app.synth()).toThrow(/\[Stack\/Group\] a model package group resource policy must not allow Action "\*"/);
  });

  test('a resource policy longer than 20480 characters fails at synth', () => {
    // GIVEN
    const { app, stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // WHEN
    for (let i = 0; i < 100; i++) {
      group.addToResourcePolicy(new iam.PolicyStatement({
        actions: ['sagemaker:DescribeModelPackage'],
        resources: [group.arnForModelPackageVersion('*')],
        principals: [new iam.AccountPrincipal(OTHER_ACCOUNT)],
        conditions: { StringEquals: { 'aws:PrincipalTag/team': `team-number-${i}-with-a-long-name` } },
      }));
    }

    // THEN
    expect(() => app.synth()).toThrow(/\[Stack\/Group\] the resource policy must be at most 20480 characters long, got about \d{5}/);
  });

  test('a valid resource policy synthesizes without errors', () => {
    // GIVEN
    const { app, stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // WHEN
    group.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['sagemaker:DescribeModelPackageGroup'],
      resources: [Stack.of(group).formatArn({ service: 'sagemaker', resource: 'model-package-group', resourceName: 'my-group' })],
      principals: [new iam.AccountPrincipal(OTHER_ACCOUNT)],
    }));

    // THEN
    expect(() => app.synth()).not.toThrow();
  });

  test('an imported group does not add the statement and warns', () => {
    // GIVEN
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupArn(stack, 'Shared', SHARED_ARN);
    new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() }); // keeps the template valid for cfn-lint

    // WHEN
    const result = group.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['sagemaker:DescribeModelPackage'],
      resources: [group.arnForModelPackageVersion('*')],
      principals: [new iam.AccountPrincipal(ACCOUNT)],
    }));

    // THEN
    expect(result.statementAdded).toBe(false);
    expect(result.policyDependable).toBeUndefined();
    Annotations.fromStack(stack).hasWarning('/Stack/Shared', Match.stringLikeRegexp(
      'The resource policy of imported model package group shared cannot be changed from this stack: the statement was not added\\..*'
      + '\\[ack: cdk-sagemaker-registry:importedGroupPolicyUnchanged\\]'));
    Template.fromStack(stack).resourceCountIs(GROUP_TYPE, 0);
  });
});

describe('ModelPackageGroup events', () => {
  test('onEvent matches the state changes of the group\'s versions', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // WHEN
    const rule = group.onEvent('Changed', { description: 'my rule', ruleName: 'my-rule' });

    // THEN
    expect(rule.node.path).toEqual('Stack/Group/Changed');
    Template.fromStack(stack).resourceCountIs('AWS::Events::Rule', 1);
    Template.fromStack(stack).hasResource('AWS::Events::Rule', {
      Properties: Match.exact({
        Description: 'my rule',
        Name: 'my-rule',
        State: 'ENABLED',
        EventPattern: {
          'source': ['aws.sagemaker'],
          'detail-type': ['SageMaker Model Package State Change'],
          'detail': { ModelPackageGroupName: ['my-group'] },
        },
      }),
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('onEvent attaches the target', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });
    const topic = new sns.Topic(stack, 'Topic');

    // WHEN
    group.onEvent('Changed', { target: new targets.SnsTopic(topic) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      Targets: Match.exact([{ Arn: { Ref: stack.getLogicalId(topic.node.defaultChild as CfnElement) }, Id: 'Target0' }]),
    });
  });

  test('onEvent of a generated name matches the rendered name', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group');

    // WHEN
    group.onEvent('Changed');

    // THEN
    const name = onlyGroup(Template.fromStack(stack)).Properties.ModelPackageGroupName;
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.exact({
        'source': ['aws.sagemaker'],
        'detail-type': ['SageMaker Model Package State Change'],
        'detail': { ModelPackageGroupName: [name] },
      }),
    });
  });

  test('onApprovalStatusChange with statuses matches them once each', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });
    const topic = new sns.Topic(stack, 'Topic');

    // WHEN
    group.onApprovalStatusChange('Decided', {
      statuses: [ModelApprovalStatus.APPROVED, ModelApprovalStatus.REJECTED, ModelApprovalStatus.APPROVED],
      target: new targets.SnsTopic(topic),
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.exact({
        'source': ['aws.sagemaker'],
        'detail-type': ['SageMaker Model Package State Change'],
        'detail': { ModelPackageGroupName: ['my-group'], ModelApprovalStatus: ['Approved', 'Rejected'] },
      }),
      Targets: Match.exact([{ Arn: { Ref: stack.getLogicalId(topic.node.defaultChild as CfnElement) }, Id: 'Target0' }]),
    });
  });

  test.each([
    ['without statuses', undefined],
    ['with an empty list of statuses', []],
  ])('onApprovalStatusChange %s matches any approval status', (_what, statuses) => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // WHEN
    group.onApprovalStatusChange('Decided', { statuses });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.exact({
        'source': ['aws.sagemaker'],
        'detail-type': ['SageMaker Model Package State Change'],
        'detail': { ModelPackageGroupName: ['my-group'], ModelApprovalStatus: [{ exists: true }] },
      }),
    });
  });

  test('onApprovalStatusChange uses the PendingManualApproval value', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // WHEN
    group.onApprovalStatusChange('Pending', { statuses: [ModelApprovalStatus.PENDING_MANUAL_APPROVAL] });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { detail: { ModelApprovalStatus: ['PendingManualApproval'] } },
    });
  });

  test('a rule for a group imported from another account warns that the events do not arrive', () => {
    // GIVEN
    const { stack } = newStack();
    const group: IModelPackageGroup = ModelPackageGroup.fromModelPackageGroupArn(stack, 'Shared', SHARED_ARN);

    // WHEN
    group.onApprovalStatusChange('Approved', { statuses: [ModelApprovalStatus.APPROVED] });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.exact({
        'source': ['aws.sagemaker'],
        'detail-type': ['SageMaker Model Package State Change'],
        'detail': { ModelPackageGroupName: ['shared'], ModelApprovalStatus: ['Approved'] },
      }),
    });
    Annotations.fromStack(stack).hasWarning('/Stack/Shared', Match.stringLikeRegexp(
      `Model package group shared is in account ${OTHER_ACCOUNT} and region ${OTHER_REGION}, but the rule is created in account `
      + `${ACCOUNT} and region ${REGION}\\..*default event bus.*\\[ack: cdk-sagemaker-registry:eventsFromOtherEnvironment\\]`));
  });

  test('a rule for a group imported from the same account in another region warns', () => {
    // GIVEN
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupArn(stack, 'Shared',
      `arn:aws:sagemaker:${OTHER_REGION}:${ACCOUNT}:model-package-group/shared`);

    // WHEN
    group.onEvent('Changed');

    // THEN
    Annotations.fromStack(stack).hasWarning('/Stack/Shared', Match.stringLikeRegexp(`in account ${ACCOUNT} and region ${OTHER_REGION}`));
  });

  test('a rule for a group imported by name does not warn', () => {
    // GIVEN
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupName(stack, 'Existing', 'existing');

    // WHEN
    group.onEvent('Changed');

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { detail: { ModelPackageGroupName: ['existing'] } },
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

/*
 * Stage events: `group.onLifeCycleChange(id, { stages, stageStatuses })` matches the group's
 * `SageMaker Model Package State Change` events by the version's lifecycle stage
 * (`detail.ModelLifeCycle.Stage` / `StageStatus`, the shape of the API's `ModelLifeCycle`).
 */
const SOURCE = ['aws.sagemaker'];
const DETAIL_TYPE = ['SageMaker Model Package State Change'];

function setup() {
  const { stack } = newStack();
  const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
  return { stack, group };
}

describe('ModelPackageGroup.onLifeCycleChange', () => {
  test('stages and statuses filter the group\'s events, each value once; the target is added', () => {
    // GIVEN
    const { stack, group } = setup();
    const topic = new sns.Topic(stack, 'Topic');

    // WHEN
    const rule = group.onLifeCycleChange('InProduction', {
      stages: ['Production', 'Staging', 'Production'],
      stageStatuses: ['Approved'],
      target: new targets.SnsTopic(topic),
    });

    // THEN
    expect(rule.node.path).toEqual('Stack/Group/InProduction');
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', Match.exact({
      EventPattern: {
        'source': SOURCE,
        'detail-type': DETAIL_TYPE,
        'detail': {
          ModelPackageGroupName: ['churn'],
          ModelLifeCycle: { Stage: ['Production', 'Staging'], StageStatus: ['Approved'] },
        },
      },
      State: 'ENABLED',
      Targets: [{ Arn: { Ref: stack.getLogicalId(topic.node.defaultChild as CfnElement) }, Id: 'Target0' }],
    }));
  });

  test('without stages, every event of a version that has a stage', () => {
    // GIVEN
    const { stack, group } = setup();

    // WHEN
    group.onLifeCycleChange('AnyStage');

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', Match.exact({
      EventPattern: {
        'source': SOURCE,
        'detail-type': DETAIL_TYPE,
        'detail': { ModelPackageGroupName: ['churn'], ModelLifeCycle: { Stage: [{ exists: true }] } },
      },
      State: 'ENABLED',
    }));
  });

  test('stage statuses alone match them in any stage', () => {
    // GIVEN
    const { stack, group } = setup();

    // WHEN
    group.onLifeCycleChange('Rejected', { stageStatuses: ['Rejected'], description: 'Rejected in any stage' });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', Match.exact({
      Description: 'Rejected in any stage',
      EventPattern: {
        'source': SOURCE,
        'detail-type': DETAIL_TYPE,
        'detail': { ModelPackageGroupName: ['churn'], ModelLifeCycle: { Stage: [{ exists: true }], StageStatus: ['Rejected'] } },
      },
      State: 'ENABLED',
    }));
  });

  test('a group of another account warns that its events only arrive if forwarded', () => {
    // GIVEN
    const { stack } = setup();
    const shared = ModelPackageGroup.fromModelPackageGroupArn(stack, 'Shared',
      `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package-group/theirs`);

    // WHEN
    shared.onLifeCycleChange('Promoted', { stages: ['Production'] });

    // THEN
    Annotations.fromStack(stack).hasWarning('/Stack/Shared', Match.stringLikeRegexp(`in account ${OTHER_ACCOUNT} and region ${REGION}`));
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { detail: { ModelPackageGroupName: ['theirs'], ModelLifeCycle: { Stage: ['Production'] } } },
    });
  });

  test('empty lists and invalid values are errors that name them', () => {
    const { group } = setup();
    expect(errorOf(() => group.onLifeCycleChange('Bad', { stages: [], stageStatuses: ['pending approval'] })))
      .toEqual('Invalid onLifeCycleChange of Stack/Group:\n'
        + '  - stages must name at least one stage when given, got an empty list (leave it out for any stage)\n'
        + '  - stageStatuses[0] must be 1-63 letters, digits and hyphens, starting and ending with a letter or digit '
        + "(pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$), got 'pending approval'");
  });

  test('Python-style keys are errors that name the camelCase property', () => {
    const { group } = setup();
    expect(errorOf(() => group.onLifeCycleChange('Bad', { stage_statuses: ['Approved'] } as any)))
      .toEqual('Invalid onLifeCycleChange of Stack/Group:\n'
        + "  - 'stage_statuses' is not a property of OnLifeCycleChangeOptions; did you mean 'stageStatuses'? In Python, use the struct "
        + 'class, registry.OnLifeCycleChangeOptions(stage_statuses=...), or camelCase keys in dicts: jsii passes dict keys to the library as they are.');
  });
});

describe('ModelPackageGroup tags', () => {
  test('stack tags reach the group', () => {
    // GIVEN
    const { stack } = newStack();
    new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'my-group' });

    // WHEN
    Tags.of(stack).add('team', 'ml');

    // THEN
    Template.fromStack(stack).hasResourceProperties(GROUP_TYPE, {
      Tags: Match.exact([{ Key: 'team', Value: 'ml' }]),
    });
  });
});

/** Removal policies and approval statuses CloudFormation rejects are reported at synth time. */
describe('ModelPackageGroup: removal policies and approval statuses', () => {
  test('RemovalPolicy.SNAPSHOT is an error (groups have no snapshots)', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const create = () => new ModelPackageGroup(stack, 'Group', { removalPolicy: RemovalPolicy.SNAPSHOT });

    // THEN
    expect(create).toThrow('Invalid ModelPackageGroup Stack/Group:\n  - removalPolicy must be RemovalPolicy.DESTROY, RemovalPolicy.RETAIN or '
      + 'RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE (AWS::SageMaker::ModelPackageGroup has no snapshots, so CloudFormation rejects '
      + 'DeletionPolicy Snapshot), got RemovalPolicy.SNAPSHOT');
  });

  test.each([RemovalPolicy.DESTROY, RemovalPolicy.RETAIN, RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE])('removal policy %s is fine', (removalPolicy) => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackageGroup(stack, 'Group', { removalPolicy });

    // THEN
    Template.fromStack(stack).resourceCountIs(GROUP_TYPE, 1);
  });

  test('a version added with an approval status that is not a ModelApprovalStatus value is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group');

    // WHEN
    const add = () => group.addModelPackage('Version', {
      sourceAlgorithm: { algorithmName: 'xgboost' },
      approvalStatus: 'APPROVED' as ModelApprovalStatus,
    });

    // THEN
    expect(add).toThrow('Invalid ModelPackage Stack/Group/Version:\n'
      + "  - approvalStatus must be one of 'Approved', 'Rejected', 'PendingManualApproval' (ModelApprovalStatus), got 'APPROVED'");
  });
});
