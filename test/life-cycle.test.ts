/**
 * Lifecycle stages at registration (`lifeCycle` of `ModelPackage` and `addModelPackage()`) and
 * stage-only approvals (`ModelPackageApproval` without `approvalStatus`): the custom resource, the
 * handler's permissions, and the synth-time checks.
 */
import { CfnElement, Stack, aws_kms as kms } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { IConstruct } from 'constructs';
import {
  ContainerImage,
  InferenceSpecification,
  ModelApprovalStatus,
  ModelLifeCycle,
  ModelPackage,
  ModelPackageApproval,
  ModelPackageGroup,
} from '../src';
import { ACCOUNT, errorOf, newStack, REGION } from './util';

const LIFE_CYCLE = 'Custom::SageMakerModelPackageLifeCycle';
const APPROVAL = 'Custom::SageMakerModelPackageApproval';
const VERSION = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/7`;
const INFERENCE: InferenceSpecification = {
  containers: [{ image: ContainerImage.fromRegistry('763104351884.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1') }],
  supportedContentTypes: ['text/csv'],
  supportedResponseMimeTypes: ['text/csv'],
};

function logicalIdOf(construct: IConstruct): string {
  const element = CfnElement.isCfnElement(construct) ? construct : construct.node.defaultChild as CfnElement;
  return Stack.of(construct).getLogicalId(element);
}

/** The statements of the approval handler's policy, after the one for its logs. */
function approvalHandlerStatements(stack: Stack): any[] {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  const matching = Object.entries(policies).filter(([id]) => id.startsWith('CdkSageMakerRegistryApprovalHandlerPolicy'));
  expect(matching).toHaveLength(1);
  const statements = (matching[0][1] as any).Properties.PolicyDocument.Statement;
  expect(statements[0].Action).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  return statements.slice(1);
}

function resourcesOf(stack: Stack, type: string): [string, any][] {
  return Object.entries(Template.fromStack(stack).findResources(type));
}

describe('lifeCycle at registration', () => {
  test('addModelPackage: a custom resource sets the stage on the new version; the handler may describe and update exactly it', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });

    // WHEN
    const version = group.addModelPackage('V1', {
      inferenceSpecification: INFERENCE,
      approvalStatus: ModelApprovalStatus.PENDING_MANUAL_APPROVAL,
      lifeCycle: { stage: 'Development', stageStatus: 'InProgress', stageDescription: 'Registered by CI' },
    });

    // THEN
    const packageId = logicalIdOf(version);
    const stages = resourcesOf(stack, LIFE_CYCLE);
    expect(stages).toHaveLength(1);
    const [id, resource] = stages[0];
    expect(id).toBe(logicalIdOf(version.node.findChild('LifeCycle')));
    expect(resource.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^CdkSageMakerRegistryApprovalHandlerFunction/), 'Arn'] },
      ServiceTimeout: '240',
      ModelPackageArn: { 'Fn::GetAtt': [packageId, 'ModelPackageArn'] },
      Stage: 'Development',
      StageStatus: 'InProgress',
      StageDescription: 'Registered by CI',
    });
    // Removing lifeCycle (or the version) deletes the custom resource, which leaves the stage as it is.
    expect(resource.DeletionPolicy).toBe('Delete');
    expect(resource.DependsOn).toEqual([expect.stringMatching(/^CdkSageMakerRegistryApprovalHandlerPolicy/)]);
    expect(approvalHandlerStatements(stack)).toEqual([{
      Action: ['sagemaker:UpdateModelPackage', 'sagemaker:DescribeModelPackage'],
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [packageId, 'ModelPackageArn'] },
    }]);
    // CloudFormation knows no ModelLifeCycle: the package itself renders none; its approval status stays CloudFormation's.
    const [, cfnPackage] = resourcesOf(stack, 'AWS::SageMaker::ModelPackage')[0];
    expect(cfnPackage.Properties.ModelLifeCycle).toBeUndefined();
    expect(cfnPackage.Properties.ModelApprovalStatus).toBe('PendingManualApproval');
  });

  test('a ModelPackage encrypted with a KMS key: the handler may decrypt it (DescribeModelPackage calls KMS Decrypt)', () => {
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
    const key = new kms.Key(stack, 'Key');

    const version = new ModelPackage(stack, 'Version', {
      modelPackageGroup: group,
      inferenceSpecification: INFERENCE,
      encryptionKey: key,
      lifeCycle: { stage: 'Staging', stageStatus: 'PendingReview' },
    });

    const [, resource] = resourcesOf(stack, LIFE_CYCLE)[0];
    expect(resource.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^CdkSageMakerRegistryApprovalHandlerFunction/), 'Arn'] },
      ServiceTimeout: '240',
      ModelPackageArn: { 'Fn::GetAtt': [logicalIdOf(version), 'ModelPackageArn'] },
      Stage: 'Staging',
      StageStatus: 'PendingReview',
    });
    expect(approvalHandlerStatements(stack)).toEqual([
      {
        Action: ['sagemaker:UpdateModelPackage', 'sagemaker:DescribeModelPackage'],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logicalIdOf(version), 'ModelPackageArn'] },
      },
      { Action: 'kms:Decrypt', Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalIdOf(key), 'Arn'] } },
    ]);
  });

  test('without lifeCycle there is no custom resource and no handler', () => {
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });

    group.addModelPackage('V1', { inferenceSpecification: INFERENCE });

    const template = Template.fromStack(stack);
    template.resourceCountIs(LIFE_CYCLE, 0);
    template.resourceCountIs('AWS::Lambda::Function', 0);
  });

  test('versions of one stack share the one approval function, each allowed on its own version', () => {
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });

    const v1 = group.addModelPackage('V1', { inferenceSpecification: INFERENCE, lifeCycle: { stage: 'Development', stageStatus: 'InProgress' } });
    const v2 = group.addModelPackage('V2', { inferenceSpecification: INFERENCE, lifeCycle: { stage: 'Development', stageStatus: 'InProgress' } });
    new ModelPackageApproval(stack, 'Approve', { modelPackage: ModelPackage.fromModelPackageArn(stack, 'Imported', VERSION), approvalStatus: ModelApprovalStatus.APPROVED });

    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.resourceCountIs(LIFE_CYCLE, 2);
    template.resourceCountIs(APPROVAL, 1);
    expect(approvalHandlerStatements(stack).map((s) => s.Resource)).toEqual([
      { 'Fn::GetAtt': [logicalIdOf(v1), 'ModelPackageArn'] },
      { 'Fn::GetAtt': [logicalIdOf(v2), 'ModelPackageArn'] },
      VERSION,
    ]);
  });

  test('bad stage, stage status and description are reported together, naming the property and the value', () => {
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });

    expect(errorOf(() => group.addModelPackage('V1', {
      inferenceSpecification: INFERENCE,
      lifeCycle: { stage: '-Production', stageStatus: 'x'.repeat(64), stageDescription: 'd'.repeat(1025) },
    }))).toBe('Invalid ModelPackage Stack/Group/V1:\n'
      + "  - lifeCycle.stage must be letters, digits and hyphens, starting and ending with a letter or digit (pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$), got '-Production'\n"
      + `  - lifeCycle.stageStatus must be between 1 and 63 characters long, got 64 characters: '${'x'.repeat(64)}'\n`
      + `  - lifeCycle.stageDescription must be between 0 and 1024 characters long, got 1025 characters: '${'d'.repeat(80)}...'`);
  });

  test('an unversioned package cannot have a stage', () => {
    const { stack } = newStack();
    expect(errorOf(() => new ModelPackage(stack, 'Unversioned', {
      modelPackageName: 'listing',
      inferenceSpecification: {
        ...INFERENCE,
        supportedRealtimeInferenceInstanceTypes: [],
        supportedTransformInstanceTypes: [],
      },
      lifeCycle: { stage: 'Production', stageStatus: 'Approved' },
    }))).toContain("  - lifeCycle applies only to versioned packages (give modelPackageGroup), got stage 'Production' for an unversioned package");
  });

  test('an unknown key of lifeCycle is an error with a suggestion', () => {
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
    expect(errorOf(() => group.addModelPackage('V1', {
      inferenceSpecification: INFERENCE,
      lifeCycle: { stage: 'Production', stage_status: 'Approved' } as unknown as ModelLifeCycle,
    }))).toBe('Invalid ModelPackage Stack/Group/V1:\n'
      + "  - lifeCycle: 'stage_status' is not a property of ModelLifeCycle; did you mean 'stageStatus'? In Python, use the struct class, "
      + 'registry.ModelLifeCycle(stage_status=...), or camelCase keys in dicts: jsii passes dict keys to the library as they are.');
  });
});

describe('ModelPackageApproval without approvalStatus (stage only)', () => {
  test('renders the stage and no approval status', () => {
    const { stack } = newStack();

    new ModelPackageApproval(stack, 'Stage', {
      modelPackage: ModelPackage.fromModelPackageArn(stack, 'Version', VERSION),
      lifeCycle: { stage: 'Production', stageStatus: 'Deployed' },
    });

    const approvals = resourcesOf(stack, APPROVAL);
    expect(approvals).toHaveLength(1);
    expect(approvals[0][1].Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^CdkSageMakerRegistryApprovalHandlerFunction/), 'Arn'] },
      ServiceTimeout: '240',
      ModelPackageArn: VERSION,
      Stage: 'Production',
      StageStatus: 'Deployed',
    });
    expect(approvalHandlerStatements(stack)).toEqual([
      { Action: ['sagemaker:UpdateModelPackage', 'sagemaker:DescribeModelPackage'], Effect: 'Allow', Resource: VERSION },
    ]);
  });

  test('neither approvalStatus nor lifeCycle is an error', () => {
    const { stack } = newStack();
    expect(errorOf(() => new ModelPackageApproval(stack, 'Nothing', { modelPackage: ModelPackage.fromModelPackageArn(stack, 'Version', VERSION) })))
      .toBe('Invalid ModelPackageApproval Stack/Nothing:\n'
        + '  - approvalStatus or lifeCycle must be given (the approval status to set, the lifecycle stage to set, or both), got neither');
  });

  test('approvalDescription without approvalStatus is an error', () => {
    const { stack } = newStack();
    expect(errorOf(() => new ModelPackageApproval(stack, 'Described', {
      modelPackage: ModelPackage.fromModelPackageArn(stack, 'Version', VERSION),
      approvalDescription: 'Looks good',
      lifeCycle: { stage: 'Production', stageStatus: 'Deployed' },
    }))).toBe('Invalid ModelPackageApproval Stack/Described:\n'
      + "  - approvalDescription describes an approval decision and requires approvalStatus, got approvalDescription 'Looks good' without approvalStatus");
  });

  test('a status-only and a stage-only approval of one version may coexist; two stage settings may not', () => {
    const { stack } = newStack();
    const version = ModelPackage.fromModelPackageArn(stack, 'Version', VERSION);
    new ModelPackageApproval(stack, 'Approve', { modelPackage: version, approvalStatus: ModelApprovalStatus.APPROVED });
    new ModelPackageApproval(stack, 'Stage', { modelPackage: version, lifeCycle: { stage: 'Staging', stageStatus: 'Deployed' } });

    expect(errorOf(() => new ModelPackageApproval(stack, 'Restage', { modelPackage: version, lifeCycle: { stage: 'Production', stageStatus: 'Deployed' } })))
      .toBe('Invalid ModelPackageApproval Stack/Restage:\n'
        + "  - lifeCycle: the stage of modelPackage is already set by ModelPackageApproval Stack/Stage; two settings of the same version's stage "
        + 'overwrite each other (whichever runs last wins): keep one');
  });

  test('a stage set at registration conflicts with a stage set by an approval of the same version; a status does not', () => {
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
    const version = group.addModelPackage('V1', { inferenceSpecification: INFERENCE, lifeCycle: { stage: 'Development', stageStatus: 'InProgress' } });

    new ModelPackageApproval(stack, 'Approve', { modelPackage: version, approvalStatus: ModelApprovalStatus.APPROVED });

    expect(errorOf(() => new ModelPackageApproval(stack, 'Promote', { modelPackage: version, lifeCycle: { stage: 'Production', stageStatus: 'Deployed' } })))
      .toBe('Invalid ModelPackageApproval Stack/Promote:\n'
        + "  - lifeCycle: the stage of modelPackage is already set by ModelPackage Stack/Group/V1; two settings of the same version's stage "
        + 'overwrite each other (whichever runs last wins): keep one');
  });
});
