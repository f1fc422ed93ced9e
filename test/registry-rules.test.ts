/*
 * RegistryRules: the registry governance rules as an aspect, with cdk-nag-like suppressions.
 */
import { App, Aspects, RemovalPolicy, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import {
  ContainerImage,
  ModelApprovalStatus,
  ModelCardStatus,
  ModelPackageGroup,
  ModelPackageOptions,
  RegistryRule,
  RegistryRules,
  RegistryRulesProps,
} from '../src';
import { ACCOUNT, FOURTH_ACCOUNT, OTHER_ACCOUNT, REGION, THIRD_ACCOUNT } from './constants';
import { errorOf, newStack } from './util';

const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/churn:1`;

/** A version that follows every rule, with `extra` applied. */
function goodVersion(extra: Partial<ModelPackageOptions> = {}): ModelPackageOptions {
  return {
    inferenceSpecification: {
      containers: [{ image: ContainerImage.fromRegistry(IMAGE) }],
      supportedContentTypes: ['text/csv'],
      supportedResponseMimeTypes: ['text/csv'],
    },
    modelCard: { content: '{"model_overview": {"model_creator": "growth-ml"}}', status: ModelCardStatus.DRAFT },
    modelMetrics: { modelQuality: { statistics: { contentType: 'application/json', s3Uri: 's3://artifacts/statistics.json' } } },
    approvalStatus: ModelApprovalStatus.PENDING_MANUAL_APPROVAL,
    ...extra,
  };
}

function findings(app: App, stack: Stack, props?: RegistryRulesProps): string[] {
  Aspects.of(app).add(new RegistryRules(props));
  const annotations = Annotations.fromStack(stack);
  return [...annotations.findError('*', Match.anyValue()), ...annotations.findWarning('*', Match.anyValue())]
    .map((m) => String(m.entry.data).replace(/ \[ack: .*\]$/, ''));
}

test('a registry that follows every rule has no findings', () => {
  const { app, stack } = newStack();
  const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
  group.addModelPackage('V1', goodVersion());
  group.grantRead(new iam.AccountPrincipal(OTHER_ACCOUNT));
  expect(findings(app, stack)).toEqual([]);
});

test('each rule reports its violation as an error on the resource, naming the construct and the fix', () => {
  const { app, stack } = newStack();
  const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn', removalPolicy: RemovalPolicy.DESTROY });
  group.addModelPackage('V1', goodVersion({ approvalStatus: ModelApprovalStatus.APPROVED, modelCard: undefined, modelMetrics: undefined }));
  group.grantRegister(new iam.AccountPrincipal(OTHER_ACCOUNT));
  Aspects.of(app).add(new RegistryRules());
  const errors = Annotations.fromStack(stack).findError('*', Match.anyValue()).map((m) => [m.id, m.entry.data]);
  expect(errors).toEqual([
    ['/Stack/Group/Resource', "[RegistryRule.GroupsRetained] Stack/Group: the group's DeletionPolicy is Delete; keep the default removal policy (RETAIN), "
      + "or suppress the rule for groups that hold no history. To accept it, RegistryRules.suppress(scope, RegistryRule.GROUPS_RETAINED, 'why')"],
    ['/Stack/Group/Resource', `[RegistryRule.CrossAccountWrite] Stack/Group: the group's resource policy gives write actions to ${OTHER_ACCOUNT}, `
      + "which is not in writeAccounts (none). To accept it, RegistryRules.suppress(scope, RegistryRule.CROSS_ACCOUNT_WRITE, 'why')"],
    ['/Stack/Group/V1/Resource', '[RegistryRule.NoApprovalAtRegistration] Stack/Group/V1: the version is registered as Approved; register it as '
      + "PendingManualApproval and approve it after review (ModelPackageApproval, or the approver's own step). "
      + "To accept it, RegistryRules.suppress(scope, RegistryRule.NO_APPROVAL_AT_REGISTRATION, 'why')"],
    ['/Stack/Group/V1/Resource', "[RegistryRule.ModelCard] Stack/Group/V1: the version has no model card; give modelCard. To accept it, RegistryRules.suppress(scope, RegistryRule.MODEL_CARD, 'why')"],
    ['/Stack/Group/V1/Resource', '[RegistryRule.ModelQualityMetrics] Stack/Group/V1: the version has no model-quality metrics; give modelMetrics.modelQuality. '
      + "To accept it, RegistryRules.suppress(scope, RegistryRule.MODEL_QUALITY_METRICS, 'why')"],
  ]);
});

test('writeAccounts allows write grants to the listed accounts only', () => {
  const { app, stack } = newStack();
  const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
  group.grantRegister(new iam.AccountPrincipal(OTHER_ACCOUNT));
  group.grantApprove(new iam.AccountPrincipal(THIRD_ACCOUNT));
  group.grantRead(new iam.AccountPrincipal(FOURTH_ACCOUNT));
  expect(findings(app, stack, { writeAccounts: [OTHER_ACCOUNT] })).toEqual([
    `[RegistryRule.CrossAccountWrite] Stack/Group: the group's resource policy gives write actions to ${THIRD_ACCOUNT}, which is not in writeAccounts `
    + `(${OTHER_ACCOUNT}). To accept it, RegistryRules.suppress(scope, RegistryRule.CROSS_ACCOUNT_WRITE, 'why')`,
  ]);
});

test('suppressions at the construct or any scope around it turn a rule off there only', () => {
  const { app, stack } = newStack();
  const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
  const v1 = group.addModelPackage('V1', goodVersion({ modelCard: undefined }));
  group.addModelPackage('V2', goodVersion({ modelCard: undefined }));
  const other = new ModelPackageGroup(stack, 'Other', { modelPackageGroupName: 'other' });
  other.addModelPackage('V1', goodVersion({ approvalStatus: ModelApprovalStatus.APPROVED }));
  RegistryRules.suppress(v1, RegistryRule.MODEL_CARD, 'Model card written in the wiki for V1');
  RegistryRules.suppress(stack, RegistryRule.NO_APPROVAL_AT_REGISTRATION, 'Sandbox stack: versions are approved at once');
  expect(findings(app, stack).map((f) => f.split(':')[0])).toEqual(['[RegistryRule.ModelCard] Stack/Group/V2']);
});

test('failOnViolation: false makes violations acknowledgeable warnings', () => {
  const { app, stack } = newStack();
  const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
  group.addModelPackage('V1', goodVersion({ modelCard: undefined }));
  Aspects.of(app).add(new RegistryRules({ failOnViolation: false }));
  const annotations = Annotations.fromStack(stack);
  expect(annotations.findError('*', Match.anyValue())).toEqual([]);
  expect(annotations.findWarning('*', Match.anyValue()).map((m) => m.entry.data)).toEqual([
    "[RegistryRule.ModelCard] Stack/Group/V1: the version has no model card; give modelCard. To accept it, RegistryRules.suppress(scope, RegistryRule.MODEL_CARD, 'why') "
    + '[ack: cdk-sagemaker-registry:RegistryRule.ModelCard]',
  ]);
});

test('bad suppressions and props are errors', () => {
  const { stack } = newStack();
  expect(errorOf(() => RegistryRules.suppress(stack, RegistryRule.MODEL_CARD, 'ok')))
    .toEqual("Invalid RegistryRules.suppress:\n  - reason must say why ModelCard does not apply to Stack (at least 10 characters), got 'ok'");
  expect(errorOf(() => RegistryRules.suppress(stack, 'Nope' as RegistryRule, 'a good long reason')))
    .toContain("rule must be one of NoApprovalAtRegistration, ModelCard, ModelQualityMetrics, GroupsRetained, CrossAccountWrite, got 'Nope'");
  expect(errorOf(() => new RegistryRules({ writeAccounts: ['12345'] })))
    .toEqual("Invalid RegistryRules:\n  - writeAccounts must be 12-digit AWS account ids, got '12345'");
  expect(errorOf(() => new RegistryRules({ writeAcounts: [OTHER_ACCOUNT] } as any)))
    .toContain("'writeAcounts' is not a property of RegistryRulesProps; did you mean 'writeAccounts'?");
});
