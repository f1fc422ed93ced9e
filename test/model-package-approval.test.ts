/**
 * ModelPackageApproval (src/model-package-approval.ts): approving, rejecting and staging versions, also
 * versions the stack does not own, through a custom resource; the approval handler's permissions, stage-only
 * approvals (without `approvalStatus`), and the synth-time checks.
 */
import { App, Stack, aws_kms as kms } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  ContainerImage,
  InferenceSpecification,
  LookupRefresh,
  ModelApprovalStatus,
  ModelPackage,
  ModelPackageApproval,
  ModelPackageGroup,
} from '../src';
import { ACCOUNT, ENV, REGION, XGBOOST_IMAGE } from './constants';
import { approvalHandlerStatements, errorOf, logicalIdOf, newStack, resourcesOf } from './util';

const FUNCTION = 'AWS::Lambda::Function';
const APPROVAL = 'Custom::SageMakerModelPackageApproval';
const VERSION = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/7`;
const INFERENCE: InferenceSpecification = {
  containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }],
  supportedContentTypes: ['text/csv'],
  supportedResponseMimeTypes: ['text/csv'],
};

/** The statements of the policy of the handler role whose id starts with `prefix`. */
function handlerStatements(stack: Stack, prefix: string): any[] {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  const matching = Object.entries(policies).filter(([id]) => id.startsWith(prefix));
  expect(matching).toHaveLength(1);
  return (matching[0][1] as any).Properties.PolicyDocument.Statement;
}

describe('ModelPackageApproval', () => {
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
      ServiceTimeout: '240',
      ModelPackageArn: VERSION,
      ApprovalStatus: 'Approved',
      ApprovalDescription: 'Offline metrics above the bar',
      Stage: 'Production',
      StageStatus: 'Approved',
      StageDescription: 'Ready for the canary',
    });
    expect(approvals[0].DeletionPolicy).toBe('Delete');
    expect(handlerStatements(stack, 'CdkSageMakerRegistryApprovalHandlerPolicy')[1]).toEqual({
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
      .toBe("Invalid ModelPackageApproval Stack/Approve:\n  - approvalStatus must be one of Approved, Rejected, PendingManualApproval, got 'Maybe'");
  });

  test('PendingManualApproval is an error: SageMaker documents no transition to it', () => {
    const { stack } = newStack();
    const version = ModelPackage.fromModelPackageArn(stack, 'Version', VERSION);
    expect(errorOf(() => new ModelPackageApproval(stack, 'Approve', { modelPackage: version, approvalStatus: ModelApprovalStatus.PENDING_MANUAL_APPROVAL })))
      .toBe("Invalid ModelPackageApproval Stack/Approve:\n  - approvalStatus must be one of Approved, Rejected, got 'PendingManualApproval': SageMaker "
        + 'documents no transition to PendingManualApproval (a version only starts there), so an approval cannot set it');
  });

  test('two approvals of the same version in one app are an error, also across stacks', () => {
    const app = new App();
    const first = new Stack(app, 'First', { env: ENV });
    const second = new Stack(app, 'Second', { env: ENV });
    new ModelPackageApproval(first, 'Approve', { modelPackage: ModelPackage.fromModelPackageArn(first, 'V', VERSION), approvalStatus: ModelApprovalStatus.APPROVED });
    // Another version is fine.
    new ModelPackageApproval(first, 'Other', { modelPackage: ModelPackage.fromModelPackageArn(first, 'W', `${VERSION}0`), approvalStatus: ModelApprovalStatus.REJECTED });

    expect(errorOf(() => new ModelPackageApproval(second, 'Reject', {
      modelPackage: ModelPackage.fromModelPackageArn(second, 'V', VERSION), approvalStatus: ModelApprovalStatus.REJECTED,
    }))).toBe('Invalid ModelPackageApproval Second/Reject:\n  - modelPackage is already approved by ModelPackageApproval First/Approve; '
      + 'two approvals of the same version would overwrite each other at every deployment: keep one');
  });

  test('a version encrypted with a KMS key: the function may decrypt it (DescribeModelPackage calls KMS Decrypt)', () => {
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
    const key = new kms.Key(stack, 'Key');
    const version = new ModelPackage(stack, 'Version', {
      modelPackageGroup: group,
      inferenceSpecification: {
        containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }],
        supportedContentTypes: ['text/csv'],
        supportedResponseMimeTypes: ['text/csv'],
      },
      encryptionKey: key,
    });
    const imported = kms.Key.fromKeyArn(stack, 'Imported', `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`);

    new ModelPackageApproval(stack, 'Approve', { modelPackage: version, approvalStatus: ModelApprovalStatus.APPROVED });
    new ModelPackageApproval(stack, 'ApproveImported', {
      modelPackage: ModelPackage.fromModelPackageArn(stack, 'V', VERSION), approvalStatus: ModelApprovalStatus.APPROVED, encryptionKey: imported,
    });

    const decrypts = handlerStatements(stack, 'CdkSageMakerRegistryApprovalHandlerPolicy').filter((st) => st.Action === 'kms:Decrypt');
    expect(decrypts).toEqual([
      { Action: 'kms:Decrypt', Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalIdOf(key), 'Arn'] } },
      { Action: 'kms:Decrypt', Effect: 'Allow', Resource: imported.keyArn },
    ]);
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
