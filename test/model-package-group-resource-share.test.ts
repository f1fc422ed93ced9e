/*
 * Sharing model package groups through AWS RAM (src/model-package-group-resource-share.ts):
 * `group.shareWithRam(id, options)` and
 * `ModelPackageGroupResourceShare` render an `AWS::RAM::ResourceShare` with the groups' ARNs and the
 * principals, keep the share inside the organization unless told otherwise, and leave the permission to
 * RAM's default unless one is given. Principals, groups and names are checked at synth time.
 */
import { App, CfnElement, Stack, aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ModelPackageGroup, ModelPackageGroupResourceShare, ResourceSharePermission } from '../src';
import { ACCOUNT, OTHER_ACCOUNT, REGION, THIRD_ACCOUNT } from './constants';
import { errorOf, newStack } from './util';

const SHARE_TYPE = 'AWS::RAM::ResourceShare';
const ORGANIZATION = 'arn:aws:organizations::999999999999:organization/o-abcdefghij';
const UNIT = 'arn:aws:organizations::999999999999:ou/o-abcdefghij/ou-ab12-cdefgh34';

function setup() {
  const { app, stack } = newStack();
  const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
  return { app, stack, group };
}

/** The group's ARN as its attribute (`Fn::GetAtt`), which orders the share after the group. */
function arnOf(stack: Stack, construct: { node: { defaultChild?: unknown } }) {
  return { 'Fn::GetAtt': [stack.getLogicalId(construct.node.defaultChild as CfnElement), 'ModelPackageGroupArn'] };
}

describe('shareWithRam', () => {
  test('shares the group with accounts, organizations and units, within the organization, with RAM\'s default permission', () => {
    // GIVEN
    const { stack, group } = setup();

    // WHEN
    const share = group.shareWithRam('Share', {
      accounts: [OTHER_ACCOUNT],
      organizationArns: [ORGANIZATION],
      organizationalUnitArns: [UNIT],
    });

    // THEN
    expect(share.node.path).toEqual('Stack/Group/Share');
    Template.fromStack(stack).templateMatches({
      Resources: {
        [stack.getLogicalId(share.node.defaultChild as CfnElement)]: {
          Type: SHARE_TYPE,
          Properties: Match.exact({
            AllowExternalPrincipals: false,
            Name: 'Stack-Group-Share-F0B02D8E',
            Principals: [OTHER_ACCOUNT, ORGANIZATION, UNIT],
            ResourceArns: [arnOf(stack, group)],
          }),
        },
      },
    });
    expect(stack.resolve(share.resourceShareArn)).toEqual({
      'Fn::GetAtt': [stack.getLogicalId(share.node.defaultChild as CfnElement), 'Arn'],
    });
    expect(share.resourceShareName).toEqual('Stack-Group-Share-F0B02D8E');
  });

  test('a name, external principals and a permission are rendered as given; repeated principals once', () => {
    // GIVEN
    const { stack, group } = setup();
    const permission = `arn:aws:ram:${REGION}:${ACCOUNT}:permission/ChurnReadOnly`;

    // WHEN
    group.shareWithRam('Share', {
      resourceShareName: 'churn-models',
      accounts: [OTHER_ACCOUNT, THIRD_ACCOUNT, OTHER_ACCOUNT],
      allowExternalPrincipals: true,
      permission: ResourceSharePermission.fromPermissionArn(permission),
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties(SHARE_TYPE, Match.exact({
      AllowExternalPrincipals: true,
      Name: 'churn-models',
      PermissionArns: [permission],
      Principals: [OTHER_ACCOUNT, THIRD_ACCOUNT],
      ResourceArns: [arnOf(stack, group)],
    }));
  });

  test('the construct shares several groups in one share', () => {
    // GIVEN
    const { stack, group } = setup();
    const fraud = new ModelPackageGroup(stack, 'Fraud', { modelPackageGroupName: 'fraud' });

    // WHEN
    new ModelPackageGroupResourceShare(stack, 'Share', {
      modelPackageGroups: [group, fraud],
      organizationArns: [ORGANIZATION],
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties(SHARE_TYPE, {
      ResourceArns: [arnOf(stack, group), arnOf(stack, fraud)],
      Principals: [ORGANIZATION],
    });
  });

  test('a CfnModelPackageGroup can be shared by its reference', () => {
    // GIVEN
    const { stack } = setup();
    const l1 = new sagemaker.CfnModelPackageGroup(stack, 'L1', { modelPackageGroupName: 'raw' });

    // WHEN
    new ModelPackageGroupResourceShare(stack, 'Share', { modelPackageGroups: [l1], accounts: [OTHER_ACCOUNT] });

    // THEN
    Template.fromStack(stack).hasResourceProperties(SHARE_TYPE, { ResourceArns: [{ Ref: stack.getLogicalId(l1) }] });
  });

  test('a group imported by name in the stack\'s account can be shared', () => {
    // GIVEN
    const { stack } = setup();
    const imported = ModelPackageGroup.fromModelPackageGroupName(stack, 'Imported', 'legacy');

    // WHEN
    imported.shareWithRam('Share', { accounts: [OTHER_ACCOUNT] });

    // THEN
    Template.fromStack(stack).hasResourceProperties(SHARE_TYPE, {
      ResourceArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:sagemaker:${REGION}:${ACCOUNT}:model-package-group/legacy`]] }],
    });
  });
});

describe('validation', () => {
  test('a share needs at least one principal', () => {
    const { group } = setup();
    expect(errorOf(() => group.shareWithRam('Share', {}))).toEqual('Invalid ModelPackageGroupResourceShare Stack/Group/Share:\n'
      + '  - a resource share needs at least one principal: set accounts, organizationArns or organizationalUnitArns '
      + '(a share without principals shares the groups with no one)');
  });

  test('principals must be account IDs, organization ARNs and organizational unit ARNs', () => {
    const { group } = setup();
    expect(errorOf(() => group.shareWithRam('Share', {
      accounts: ['2222'],
      organizationArns: ['o-abcdefghij'],
      organizationalUnitArns: [ORGANIZATION],
      resourceShareName: '',
    }))).toEqual('Invalid ModelPackageGroupResourceShare Stack/Group/Share:\n'
      + "  - accounts[0] must be an AWS account ID of 12 digits (pattern ^\\d{12}$), got '2222'\n"
      + '  - organizationArns[0] must be an organization ARN, arn:<partition>:organizations::<12-digit account>:organization/o-<10-32 lowercase '
      + "letters or digits> (pattern ^arn:aws(-[a-z]+)*:organizations::\\d{12}:organization\\/o-[a-z0-9]{10,32}$), got 'o-abcdefghij'\n"
      + '  - organizationalUnitArns[0] must be an organizational unit ARN, arn:<partition>:organizations::<12-digit account>:ou/o-<organization id>/'
      + 'ou-<root id>-<unit id> (pattern ^arn:aws(-[a-z]+)*:organizations::\\d{12}:ou\\/o-[a-z0-9]{10,32}\\/ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$), '
      + `got '${ORGANIZATION}'\n`
      + '  - resourceShareName must not be empty');
  });

  test('other partitions are accepted', () => {
    const { stack, group } = setup();
    group.shareWithRam('Share', { organizationArns: ['arn:aws-us-gov:organizations::999999999999:organization/o-abcdefghij'] });
    Template.fromStack(stack).resourceCountIs(SHARE_TYPE, 1);
  });

  test('only the owner of a group can share it', () => {
    const { stack } = setup();
    const other = ModelPackageGroup.fromModelPackageGroupArn(stack, 'Other',
      `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package-group/theirs`);
    expect(errorOf(() => new ModelPackageGroupResourceShare(stack, 'Share', { modelPackageGroups: [other], accounts: [THIRD_ACCOUNT] })))
      .toEqual('Invalid ModelPackageGroupResourceShare Stack/Share:\n'
        + `  - modelPackageGroups[0] (arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package-group/theirs) is in account ${OTHER_ACCOUNT}, `
        + `but the resource share is in account ${ACCOUNT}: only the account that owns a group can share it`);
    expect(errorOf(() => new ModelPackageGroupResourceShare(stack, 'Empty', { modelPackageGroups: [], accounts: [THIRD_ACCOUNT] })))
      .toEqual('Invalid ModelPackageGroupResourceShare Stack/Empty:\n'
        + '  - modelPackageGroups must name at least one model package group, got an empty list');
  });

  test('a group of an environment-agnostic stack can be shared from it', () => {
    const app = new App();
    const stack = new Stack(app, 'Agnostic');
    const group = new ModelPackageGroup(stack, 'Group');
    group.shareWithRam('Share', { accounts: [OTHER_ACCOUNT] });
    Template.fromStack(stack).resourceCountIs(SHARE_TYPE, 1);
  });

  test('permission ARNs are checked', () => {
    expect(errorOf(() => ResourceSharePermission.fromPermissionArn('AWSRAMDefaultPermissionSageMakerModelPackageGroup')))
      .toEqual('Invalid ResourceSharePermission.fromPermissionArn:\n'
        + '  - permissionArn must be the ARN of an AWS RAM permission, arn:<partition>:ram:<region or empty>:<account or aws>:permission/<name> '
        + "(pattern ^arn:aws(-[a-z]+)*:ram:[a-z0-9-]*:(aws|\\d{12}):permission\\/\\S+$), got 'AWSRAMDefaultPermissionSageMakerModelPackageGroup'");
    expect(ResourceSharePermission.fromPermissionArn('arn:aws:ram::aws:permission/SomeManagedPermission').permissionArn)
      .toEqual('arn:aws:ram::aws:permission/SomeManagedPermission');
  });

  test('Python-style keys are errors that name the camelCase property', () => {
    const { group } = setup();
    expect(errorOf(() => group.shareWithRam('Share', { allow_external_principals: true, accounts: [OTHER_ACCOUNT] } as any)))
      .toEqual('Invalid shareWithRam of Stack/Group:\n'
        + "  - 'allow_external_principals' is not a property of ModelPackageGroupResourceShareOptions; did you mean 'allowExternalPrincipals'? "
        + 'In Python, use the struct class, registry.ModelPackageGroupResourceShareOptions(allow_external_principals=...), or camelCase keys '
        + 'in dicts: jsii passes dict keys to the library as they are.');
  });
});
