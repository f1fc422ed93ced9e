/**
 * The filtered lookup `latestModelPackage()` (approval status, stage, stage status, customer
 * metadata): the custom resource's properties, the handler's permissions, the synth-time checks, and
 * `latestApprovedModelPackage()` as its short form with an unchanged template.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { IConstruct } from 'constructs';
import {
  LatestModelPackageOptions,
  LookupRefresh,
  Model,
  ModelApprovalStatus,
  ModelPackageGroup,
} from '../src';
import { ACCOUNT, ENV, OTHER_ACCOUNT, REGION } from './constants';
import { errorOf, logicalIdOf, newStack, partitionArn } from './util';

const LOOKUP = 'Custom::SageMakerLatestApprovedModelPackage';
const SHARED_GROUP_ARN = `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package-group/churn`;
const SERVICE_TOKEN = { 'Fn::GetAtt': [expect.stringMatching(/^CdkSageMakerRegistryLatestApprovedHandlerFunction/), 'Arn'] };

/** A stack whose lookups carry a fixed nonce. */
function fixedStack(): Stack {
  const app = new App({ context: { [ModelPackageGroup.LOOKUP_NONCE_CONTEXT_KEY]: 'fixed' } });
  return new Stack(app, 'Stack', { env: ENV });
}

function lookups(stack: Stack): any[] {
  return Object.values(Template.fromStack(stack).findResources(LOOKUP));
}

/** The statements of the lookup handler's policy, after the one for its logs. */
function lookupStatements(stack: Stack): any[] {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  const matching = Object.entries(policies).filter(([id]) => id.startsWith('CdkSageMakerRegistryLatestApprovedHandlerPolicy'));
  expect(matching).toHaveLength(1);
  const statements = (matching[0][1] as any).Properties.PolicyDocument.Statement;
  expect(statements[0].Action).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  return statements.slice(1);
}

const GROUP_ARN = (group: IConstruct) => ({ 'Fn::GetAtt': [logicalIdOf(group), 'ModelPackageGroupArn'] });
const VERSIONS = partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/*`);

describe('latestModelPackage', () => {
  test('a stage filter: every filter property, and the right to describe the group\'s versions', () => {
    // GIVEN
    const stack = fixedStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });

    // WHEN
    const latest = group.latestModelPackage(stack, 'InProduction', {
      approvalStatus: ModelApprovalStatus.APPROVED,
      stage: 'Production',
      stageStatus: 'Approved',
    });

    // THEN
    const [lookup] = lookups(stack);
    expect(lookup.Properties).toEqual({
      ServiceToken: SERVICE_TOKEN,
      ServiceTimeout: '240',
      ModelPackageGroupName: 'churn',
      Stage: 'Production',
      StageStatus: 'Approved',
      Refresh: 'fixed',
    });
    expect(lookup.DependsOn).toEqual(expect.arrayContaining([logicalIdOf(group)]));
    expect(lookupStatements(stack)).toEqual([
      { Action: 'sagemaker:ListModelPackages', Effect: 'Allow', Resource: [GROUP_ARN(group), VERSIONS] },
      { Action: 'sagemaker:DescribeModelPackage', Effect: 'Allow', Resource: VERSIONS },
    ]);
    const lookupId = logicalIdOf(latest.node.findChild('Resource'));
    expect(stack.resolve(latest.modelPackageArn)).toEqual({ 'Fn::GetAtt': [lookupId, 'ModelPackageArn'] });
  });

  test('without approvalStatus any status counts (ApprovalStatus Any); customer metadata is rendered as a map', () => {
    const stack = fixedStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });

    group.latestModelPackage(stack, 'ByTeam', { customerMetadata: { team: 'fraud', tier: 'gold' }, refresh: LookupRefresh.ON_CHANGE });

    expect(lookups(stack)[0].Properties).toEqual({
      ServiceToken: SERVICE_TOKEN,
      ServiceTimeout: '240',
      ModelPackageGroupName: 'churn',
      ApprovalStatus: 'Any',
      CustomerMetadata: { team: 'fraud', tier: 'gold' },
    });
    expect(lookupStatements(stack)).toEqual([
      { Action: 'sagemaker:ListModelPackages', Effect: 'Allow', Resource: [GROUP_ARN(group), VERSIONS] },
      { Action: 'sagemaker:DescribeModelPackage', Effect: 'Allow', Resource: VERSIONS },
    ]);
  });

  test('a status filter alone needs no describing', () => {
    const stack = fixedStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });

    group.latestModelPackage(stack, 'Rejected', { approvalStatus: ModelApprovalStatus.REJECTED });
    group.latestModelPackage(stack, 'Newest');

    expect(lookups(stack).map((l) => l.Properties)).toEqual([
      { ServiceToken: SERVICE_TOKEN, ServiceTimeout: '240', ModelPackageGroupName: 'churn', ApprovalStatus: 'Rejected', Refresh: 'fixed' },
      { ServiceToken: SERVICE_TOKEN, ServiceTimeout: '240', ModelPackageGroupName: 'churn', ApprovalStatus: 'Any', Refresh: 'fixed' },
    ]);
    // The same statement for both lookups, once.
    expect(lookupStatements(stack)).toEqual([
      { Action: 'sagemaker:ListModelPackages', Effect: 'Allow', Resource: [GROUP_ARN(group), VERSIONS] },
    ]);
  });

  test('a group shared from another account is looked up by its ARN, and its versions may be described there', () => {
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupArn(stack, 'Shared', SHARED_GROUP_ARN);

    group.latestModelPackage(stack, 'Latest', { stage: 'Production', refresh: LookupRefresh.ON_CHANGE });

    expect(lookups(stack)[0].Properties).toEqual({
      ServiceToken: SERVICE_TOKEN,
      ServiceTimeout: '240',
      ModelPackageGroupName: SHARED_GROUP_ARN,
      ApprovalStatus: 'Any',
      Stage: 'Production',
    });
    const versions = `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package/churn/*`;
    expect(lookupStatements(stack)).toEqual([
      { Action: 'sagemaker:ListModelPackages', Effect: 'Allow', Resource: [SHARED_GROUP_ARN, versions] },
      { Action: 'sagemaker:DescribeModelPackage', Effect: 'Allow', Resource: versions },
    ]);
  });

  test('a Model deploys the version found', () => {
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', 'churn');
    const latest = group.latestModelPackage(stack, 'Latest', { stage: 'Production', stageStatus: 'Approved', refresh: LookupRefresh.ON_CHANGE });

    new Model(stack, 'Model', { containers: [{ modelPackage: latest }] });

    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::Model', {
      PrimaryContainer: { ModelPackageName: { 'Fn::GetAtt': [logicalIdOf(latest.node.findChild('Resource')), 'ModelPackageArn'] } },
    });
  });

  test('stageStatus without stage is an error', () => {
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', 'churn');
    expect(errorOf(() => group.latestModelPackage(stack, 'Latest', { stageStatus: 'Approved' })))
      .toBe("Invalid latestModelPackage Stack/Latest:\n  - stageStatus is a status within a stage and requires stage, got stageStatus 'Approved' without stage");
  });

  test('bad filters are reported together, naming the property, the value and what is allowed', () => {
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', 'churn');
    expect(errorOf(() => group.latestModelPackage(stack, 'Latest', {
      approvalStatus: 'APPROVED' as ModelApprovalStatus,
      stage: 'In Production',
      stageStatus: '',
      customerMetadata: { 'team': '', '': 'x', 'Fn::Sub': 'y' },
    }))).toBe('Invalid latestModelPackage Stack/Latest:\n'
      + "  - approvalStatus must be one of 'Approved', 'Rejected', 'PendingManualApproval' (ModelApprovalStatus), got 'APPROVED'\n"
      + "  - stage must be letters, digits and hyphens, starting and ending with a letter or digit (pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$), got 'In Production'\n"
      + "  - stageStatus must be between 1 and 63 characters long, got 0 characters: ''\n"
      + "  - customerMetadata.team must be between 1 and 256 characters long, got 0 characters: ''\n"
      + "  - customerMetadata keys must be between 1 and 128 characters long, got 0 characters: ''");
  });

  test('an unknown option is an error with a suggestion', () => {
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', 'churn');
    expect(errorOf(() => group.latestModelPackage(stack, 'Latest', { stage: 'Production', stage_status: 'Approved' } as LatestModelPackageOptions)))
      .toBe('Invalid latestModelPackage of Stack/Group:\n'
        + "  - 'stage_status' is not a property of LatestModelPackageOptions; did you mean 'stageStatus'? In Python, use the struct class, "
        + 'registry.LatestModelPackageOptions(stage_status=...), or camelCase keys in dicts: jsii passes dict keys to the library as they are.');
  });
});

describe('latestApprovedModelPackage is the short form of approvalStatus APPROVED', () => {
  test('its template is unchanged: only the group and the refresh nonce, and only the right to list', () => {
    const stack = fixedStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });

    group.latestApprovedModelPackage(stack, 'Latest');

    expect(lookups(stack)[0].Properties).toEqual({
      ServiceToken: SERVICE_TOKEN,
      ServiceTimeout: '240',
      ModelPackageGroupName: 'churn',
      Refresh: 'fixed',
    });
    expect(lookupStatements(stack)).toEqual([
      { Action: 'sagemaker:ListModelPackages', Effect: 'Allow', Resource: [GROUP_ARN(group), VERSIONS] },
    ]);
  });

  test('latestModelPackage with approvalStatus APPROVED alone renders the same template', () => {
    const short = fixedStack();
    new ModelPackageGroup(short, 'Group', { modelPackageGroupName: 'churn' }).latestApprovedModelPackage(short, 'Latest');
    const long = fixedStack();
    new ModelPackageGroup(long, 'Group', { modelPackageGroupName: 'churn' })
      .latestModelPackage(long, 'Latest', { approvalStatus: ModelApprovalStatus.APPROVED });

    expect(Template.fromStack(long).toJSON()).toEqual(Template.fromStack(short).toJSON());
  });
});
