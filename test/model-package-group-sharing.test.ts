/*
 * Sharing a group for a purpose (src/model-package-group-sharing.ts: `SharePurpose`, `ShareOptions`,
 * `ShareResult`; rendered by `ModelPackageGroupGrants.share`):
 * `group.shareWith(principal, { purpose, stages, artifacts })` grants on the group as the purpose needs,
 * and read access on the artifacts (S3 objects under a prefix, KMS keys, ECR images): through resource
 * policies for other accounts and organizations, through IAM for roles of the same account, and as
 * statements for the owners of imported artifacts (returned and warned).
 */
import { App, CfnElement, Stack, aws_ecr as ecr, aws_iam as iam, aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ArtifactPolicyType, Model, ModelPackageGroup, SharePurpose } from '../src';
import { ACCOUNT, ENV, OTHER_ACCOUNT, REGION, THIRD_ACCOUNT } from './constants';
import { accountRoot, errorOf, newStack, partitionArn } from './util';

const GROUP_TYPE = 'AWS::SageMaker::ModelPackageGroup';
const GROUP_ARN = partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package-group/churn`);
const VERSIONS = partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/*`);
const WARNING = 'cdk-sagemaker-registry:shareArtifactPolicyNotAdded';
const ORGANIZATION_ID = 'o-abcdefghij';
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];

function setup() {
  const { app, stack } = newStack();
  const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
  const key = new kms.Key(stack, 'Key');
  const bucket = new s3.Bucket(stack, 'Artifacts', { encryptionKey: key });
  const repository = new ecr.Repository(stack, 'Images');
  return { app, stack, group, key, bucket, repository };
}

function logicalId(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnElement);
}

function groupStatements(stack: Stack): unknown[] {
  const groups = Template.fromStack(stack).findResources(GROUP_TYPE);
  return Object.values(groups)[0].Properties.ModelPackageGroupPolicy.Statement;
}

/** The warnings with the sharing id on the construct at `path`, as their messages. */
function warningsOn(stack: Stack, path: string): string[] {
  return Annotations.fromStack(stack).findWarning(path, Match.anyValue())
    .map((w) => String(w.entry.data))
    .filter((message) => message.endsWith(`[ack: ${WARNING}]`));
}

describe('shareWith another account', () => {
  test('READ_AND_DEPLOY: the group policy allows reading and CreateModel; bucket, key and repository policies allow reading', () => {
    // GIVEN
    const { stack, group, bucket, repository } = setup();
    const consumer = new iam.AccountPrincipal(OTHER_ACCOUNT);

    // WHEN
    const result = group.shareWith(consumer, {
      purpose: SharePurpose.READ_AND_DEPLOY,
      artifacts: { buckets: [{ bucket, prefix: 'models/churn/' }], repositories: [repository] },
    });

    // THEN
    expect(result.grant.success).toBe(true);
    expect(result.pendingStatements).toEqual([]);
    const template = Template.fromStack(stack);
    const principal = { AWS: accountRoot(OTHER_ACCOUNT) };
    expect(groupStatements(stack)).toEqual([
      {
        Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Principal: principal,
        Resource: GROUP_ARN,
      },
      {
        Action: ['sagemaker:BatchDescribeModelPackage', 'sagemaker:CreateModel', 'sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Principal: principal,
        Resource: VERSIONS,
      },
    ]);
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId(stack, bucket) },
      PolicyDocument: {
        Statement: [
          {
            Action: 's3:GetObject',
            Effect: 'Allow',
            Principal: principal,
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(stack, bucket), 'Arn'] }, '/models/churn/*']] },
          },
          {
            Action: 's3:ListBucket',
            Condition: { StringLike: { 's3:prefix': ['models/churn/*'] } },
            Effect: 'Allow',
            Principal: principal,
            Resource: { 'Fn::GetAtt': [logicalId(stack, bucket), 'Arn'] },
          },
        ],
        Version: '2012-10-17',
      },
    });
    // The bucket's own key is shared with it.
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: [
          { Action: 'kms:*', Effect: 'Allow', Principal: { AWS: accountRoot(ACCOUNT) }, Resource: '*' },
          { Action: ['kms:Decrypt', 'kms:DescribeKey'], Effect: 'Allow', Principal: principal, Resource: '*' },
        ],
        Version: '2012-10-17',
      },
    });
    template.hasResourceProperties('AWS::ECR::Repository', {
      RepositoryPolicyText: {
        Statement: [{ Action: PULL, Effect: 'Allow', Principal: principal }],
        Version: '2012-10-17',
      },
    });
    // Nothing goes to IAM policies: an account principal has none here.
    template.resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('a bucket without a prefix: every object, and listing without a condition', () => {
    // GIVEN
    const { stack, group } = setup();
    const plain = new s3.Bucket(stack, 'Plain');

    // WHEN
    group.shareWith(new iam.AccountPrincipal(OTHER_ACCOUNT), { purpose: SharePurpose.READ_AND_DEPLOY, artifacts: { buckets: [{ bucket: plain }] } });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId(stack, plain) },
      PolicyDocument: {
        Statement: [
          {
            Action: 's3:GetObject',
            Effect: 'Allow',
            Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(stack, plain), 'Arn'] }, '/*']] },
          },
          {
            Action: 's3:ListBucket',
            Effect: 'Allow',
            Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
            Resource: { 'Fn::GetAtt': [logicalId(stack, plain), 'Arn'] },
          },
        ],
        Version: '2012-10-17',
      },
    });
  });

  test('REGISTER: only CreateModelPackage on the versions', () => {
    // GIVEN
    const { stack, group } = setup();

    // WHEN
    group.shareWith(new iam.AccountPrincipal(OTHER_ACCOUNT), { purpose: SharePurpose.REGISTER });

    // THEN
    expect(groupStatements(stack)).toEqual([{
      Action: 'sagemaker:CreateModelPackage',
      Effect: 'Allow',
      Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
      Resource: VERSIONS,
    }]);
  });

  test('APPROVE: reading the group, reading and updating the versions', () => {
    // GIVEN
    const { stack, group } = setup();

    // WHEN
    group.shareWith(new iam.AccountPrincipal(OTHER_ACCOUNT), { purpose: SharePurpose.APPROVE });

    // THEN
    expect(groupStatements(stack)).toEqual([
      {
        Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
        Resource: GROUP_ARN,
      },
      {
        Action: ['sagemaker:BatchDescribeModelPackage', 'sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages', 'sagemaker:UpdateModelPackage'],
        Effect: 'Allow',
        Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
        Resource: VERSIONS,
      },
    ]);
  });

  test('CHANGE_STAGE: updates only with the stages and statuses, in the group policy', () => {
    // GIVEN
    const { stack, group } = setup();

    // WHEN
    group.shareWith(new iam.AccountPrincipal(OTHER_ACCOUNT), {
      purpose: SharePurpose.CHANGE_STAGE,
      stages: ['Staging', 'Production'],
      stageStatuses: ['PendingApproval'],
    });

    // THEN
    expect(groupStatements(stack)).toEqual([
      {
        Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
        Resource: GROUP_ARN,
      },
      {
        Action: ['sagemaker:BatchDescribeModelPackage', 'sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages'],
        Effect: 'Allow',
        Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
        Resource: VERSIONS,
      },
      {
        Action: 'sagemaker:UpdateModelPackage',
        Condition: {
          StringEquals: {
            'sagemaker:ModelLifeCycle:Stage': ['Staging', 'Production'],
            'sagemaker:ModelLifeCycle:StageStatus': ['PendingApproval'],
          },
        },
        Effect: 'Allow',
        Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
        Resource: VERSIONS,
      },
    ]);
  });

  test('a role of another account by ARN is the principal of every resource statement', () => {
    // GIVEN
    const { stack, group, repository } = setup();
    const roleArn = `arn:aws:iam::${OTHER_ACCOUNT}:role/Deployer`;

    // WHEN
    group.shareWith(new iam.ArnPrincipal(roleArn), { purpose: SharePurpose.READ_AND_DEPLOY, artifacts: { repositories: [repository] } });

    // THEN
    expect(groupStatements(stack)).toEqual([
      expect.objectContaining({ Principal: { AWS: roleArn }, Resource: GROUP_ARN }),
      expect.objectContaining({ Principal: { AWS: roleArn }, Resource: VERSIONS }),
    ]);
    Template.fromStack(stack).hasResourceProperties('AWS::ECR::Repository', {
      RepositoryPolicyText: {
        Statement: [{ Action: PULL, Effect: 'Allow', Principal: { AWS: roleArn } }],
        Version: '2012-10-17',
      },
    });
  });
});

describe('shareWith an organization', () => {
  test('every statement allows any principal of the organization (aws:PrincipalOrgID), with the prefix condition beside it', () => {
    // GIVEN
    const { stack, group, bucket } = setup();

    // WHEN
    group.shareWith(new iam.OrganizationPrincipal(ORGANIZATION_ID), {
      purpose: SharePurpose.READ_AND_DEPLOY,
      artifacts: { buckets: [{ bucket, prefix: 'models/' }] },
    });

    // THEN
    const inOrganization = { StringEquals: { 'aws:PrincipalOrgID': ORGANIZATION_ID } };
    expect(groupStatements(stack)).toEqual([
      {
        Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
        Condition: inOrganization,
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Resource: GROUP_ARN,
      },
      {
        Action: ['sagemaker:BatchDescribeModelPackage', 'sagemaker:CreateModel', 'sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages'],
        Condition: inOrganization,
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Resource: VERSIONS,
      },
    ]);
    Template.fromStack(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: [
          {
            Action: 's3:GetObject',
            Condition: inOrganization,
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(stack, bucket), 'Arn'] }, '/models/*']] },
          },
          {
            Action: 's3:ListBucket',
            Condition: { ...inOrganization, StringLike: { 's3:prefix': ['models/*'] } },
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Resource: { 'Fn::GetAtt': [logicalId(stack, bucket), 'Arn'] },
          },
        ],
        Version: '2012-10-17',
      },
    });
  });
});

describe('shareWith a role of the same account', () => {
  test('everything goes to the role policy; no resource policy changes', () => {
    // GIVEN
    const { stack, group, key, bucket, repository } = setup();
    const role = new iam.Role(stack, 'Deployer', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });

    // WHEN
    const result = group.shareWith(role, {
      purpose: SharePurpose.READ_AND_DEPLOY,
      artifacts: { buckets: [{ bucket, prefix: 'models/' }], repositories: [repository] },
    });

    // THEN
    expect(result.grant.success).toBe(true);
    expect(result.grant.resourceStatements).toEqual([]);
    const template = Template.fromStack(stack);
    template.hasResourceProperties(GROUP_TYPE, { ModelPackageGroupPolicy: Match.absent() });
    template.resourceCountIs('AWS::S3::BucketPolicy', 0);
    template.hasResourceProperties('AWS::ECR::Repository', { RepositoryPolicyText: Match.absent() });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: logicalId(stack, role) }],
      PolicyDocument: {
        Statement: [
          // An IAM policy refers to the group by its attribute (a resource policy cannot).
          {
            Action: ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [logicalId(stack, group), 'ModelPackageGroupArn'] },
          },
          {
            Action: ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage', 'sagemaker:ListModelPackages', 'sagemaker:CreateModel'],
            Effect: 'Allow',
            Resource: VERSIONS,
          },
          {
            Action: 's3:GetObject',
            Effect: 'Allow',
            Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(stack, bucket), 'Arn'] }, '/models/*']] },
          },
          {
            Action: 's3:ListBucket',
            Condition: { StringLike: { 's3:prefix': ['models/*'] } },
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [logicalId(stack, bucket), 'Arn'] },
          },
          { Action: ['kms:Decrypt', 'kms:DescribeKey'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalId(stack, key), 'Arn'] } },
          { Action: PULL, Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalId(stack, repository), 'Arn'] } },
          { Action: 'ecr:GetAuthorizationToken', Effect: 'Allow', Resource: '*' },
        ],
        Version: '2012-10-17',
      },
    });
  });

  test('an imported bucket of the same account needs no bucket policy: no warning', () => {
    // GIVEN
    const { stack, group } = setup();
    const role = new iam.Role(stack, 'Deployer', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    const imported = s3.Bucket.fromBucketName(stack, 'Imported', 'models');

    // WHEN
    const result = group.shareWith(role, { purpose: SharePurpose.READ_AND_DEPLOY, artifacts: { buckets: [{ bucket: imported }] } });

    // THEN
    expect(result.pendingStatements).toEqual([]);
    expect(warningsOn(stack, '/Stack/Imported')).toEqual([]);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Action: 's3:GetObject', Effect: 'Allow', Resource: partitionArn(':s3:::models/*') },
          { Action: 's3:ListBucket', Effect: 'Allow', Resource: partitionArn(':s3:::models') },
        ]),
      },
    });
  });
});

describe('imported artifacts', () => {
  test('the statements their owners must add are returned and reported as warnings on the artifacts', () => {
    // GIVEN
    const { stack, group } = setup();
    const bucket = s3.Bucket.fromBucketName(stack, 'SharedBucket', 'ml-artifacts');
    const key = kms.Key.fromKeyArn(stack, 'SharedKey', `arn:aws:kms:${REGION}:${THIRD_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`);
    const repository = ecr.Repository.fromRepositoryArn(stack, 'SharedImages', `arn:aws:ecr:${REGION}:${THIRD_ACCOUNT}:repository/churn`);

    // WHEN
    const result = group.shareWith(new iam.AccountPrincipal(OTHER_ACCOUNT), {
      purpose: SharePurpose.READ_AND_DEPLOY,
      artifacts: { buckets: [{ bucket, prefix: 'churn/' }], keys: [key], repositories: [repository] },
    });

    // THEN
    expect(result.pendingStatements.map((p) => [p.artifact.node.path, p.policyType, stack.resolve(p.statement.toStatementJson())])).toEqual([
      ['Stack/SharedBucket', ArtifactPolicyType.BUCKET_POLICY, {
        Action: 's3:GetObject',
        Effect: 'Allow',
        Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
        Resource: partitionArn(':s3:::ml-artifacts/churn/*'),
      }],
      ['Stack/SharedBucket', ArtifactPolicyType.BUCKET_POLICY, {
        Action: 's3:ListBucket',
        Condition: { StringLike: { 's3:prefix': ['churn/*'] } },
        Effect: 'Allow',
        Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
        Resource: partitionArn(':s3:::ml-artifacts'),
      }],
      ['Stack/SharedKey', ArtifactPolicyType.KEY_POLICY, {
        Action: ['kms:Decrypt', 'kms:DescribeKey'],
        Effect: 'Allow',
        Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
        Resource: '*',
      }],
      ['Stack/SharedImages', ArtifactPolicyType.REPOSITORY_POLICY, {
        Action: PULL,
        Effect: 'Allow',
        Principal: { AWS: accountRoot(OTHER_ACCOUNT) },
      }],
    ]);
    const root = `arn:\${AWS::Partition}:iam::${OTHER_ACCOUNT}:root`;
    const intro = (what: string) => `The ${what} cannot be changed from this app, so sharing model package group churn `
      + `(purpose READ_AND_DEPLOY) with AccountPrincipal(${OTHER_ACCOUNT}) does not reach it.`;
    expect(warningsOn(stack, '/Stack/SharedBucket')).toEqual([
      `${intro('bucket policy of imported bucket ml-artifacts')} Its owner must add these statements to the bucket policy: `
      + `{"Action":"s3:GetObject","Effect":"Allow","Principal":{"AWS":"${root}"},"Resource":"arn:\${AWS::Partition}:s3:::ml-artifacts/churn/*"} `
      + `{"Action":"s3:ListBucket","Condition":{"StringLike":{"s3:prefix":["churn/*"]}},"Effect":"Allow","Principal":{"AWS":"${root}"},`
      + `"Resource":"arn:\${AWS::Partition}:s3:::ml-artifacts"} [ack: ${WARNING}]`,
    ]);
    expect(warningsOn(stack, '/Stack/SharedKey')).toEqual([
      `${intro(`key policy of imported key arn:aws:kms:${REGION}:${THIRD_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`)} `
      + 'Its owner must add this statement to the key policy: '
      + `{"Action":["kms:Decrypt","kms:DescribeKey"],"Effect":"Allow","Principal":{"AWS":"${root}"},"Resource":"*"} [ack: ${WARNING}]`,
    ]);
    expect(warningsOn(stack, '/Stack/SharedImages')).toEqual([
      `${intro('repository policy of imported repository churn')} Its owner must add this statement to the repository policy: `
      + '{"Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer","ecr:BatchCheckLayerAvailability"],"Effect":"Allow",'
      + `"Principal":{"AWS":"${root}"}} [ack: ${WARNING}]`,
    ]);
    // The group itself is shared as usual.
    expect(groupStatements(stack)).toHaveLength(2);
  });

  test('an artifact defined in the app is granted without a warning', () => {
    // GIVEN
    const { stack, group, bucket } = setup();

    // WHEN
    group.shareWith(new iam.AccountPrincipal(OTHER_ACCOUNT), { purpose: SharePurpose.READ_AND_DEPLOY, artifacts: { buckets: [{ bucket }] } });

    // THEN
    expect(warningsOn(stack, '*')).toEqual([]);
  });
});

describe('shareWith on an imported group', () => {
  test('the group policy cannot change (warned as before); owned artifacts are still granted', () => {
    // GIVEN
    const { stack, bucket } = setup();
    const shared = ModelPackageGroup.fromModelPackageGroupName(stack, 'Shared', 'fraud');

    // WHEN
    const result = shared.shareWith(new iam.AccountPrincipal(OTHER_ACCOUNT), {
      purpose: SharePurpose.READ_AND_DEPLOY,
      artifacts: { buckets: [{ bucket }] },
    });

    // THEN
    expect(result.pendingStatements).toEqual([]);
    Annotations.fromStack(stack).hasWarning('/Stack/Shared', Match.stringLikeRegexp('cdk-sagemaker-registry:importedGroupPolicyUnchanged'));
    Template.fromStack(stack).resourceCountIs('AWS::S3::BucketPolicy', 1);
  });
});

describe('validation', () => {
  test('stages only with CHANGE_STAGE, and required there', () => {
    const { group } = setup();
    const consumer = new iam.AccountPrincipal(OTHER_ACCOUNT);
    expect(errorOf(() => group.shareWith(consumer, { purpose: SharePurpose.READ_AND_DEPLOY, stages: ['Production'], stageStatuses: ['Approved'] })))
      .toEqual('Invalid share of model package group Stack/Group:\n'
        + '  - stages can only be given with purpose CHANGE_STAGE, got stages ["Production"] with purpose READ_AND_DEPLOY\n'
        + '  - stageStatuses can only be given with purpose CHANGE_STAGE, got stageStatuses ["Approved"] with purpose READ_AND_DEPLOY');
    expect(errorOf(() => group.shareWith(consumer, { purpose: SharePurpose.CHANGE_STAGE })))
      .toEqual('Invalid share of model package group Stack/Group:\n'
        + '  - stages is required with purpose CHANGE_STAGE (the stages the principal may move versions to), got none');
  });

  test('stage values, empty lists, the purpose and the prefix are checked together', () => {
    const { group, bucket } = setup();
    expect(errorOf(() => group.shareWith(new iam.AccountPrincipal(OTHER_ACCOUNT), {
      purpose: SharePurpose.CHANGE_STAGE,
      stages: ['pre prod'],
      stageStatuses: [],
      artifacts: { buckets: [{ bucket, prefix: 'models/*' }] },
    }))).toEqual('Invalid share of model package group Stack/Group:\n'
      + "  - stages[0] must be 1-63 letters, digits and hyphens, starting and ending with a letter or digit (pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$), got 'pre prod'\n"
      + '  - stageStatuses must name at least one status when given, got an empty list (leave it out for any status)\n'
      + "  - artifacts.buckets[0].prefix must not contain the IAM wildcards * or ? (the prefix is literal; objects under it are matched), got 'models/*'");
    expect(errorOf(() => group.shareWith(new iam.AccountPrincipal(OTHER_ACCOUNT), { purpose: SharePurpose.CHANGE_STAGE, stages: [] })))
      .toEqual('Invalid share of model package group Stack/Group:\n  - stages must name at least one stage, got an empty list');
    expect(errorOf(() => group.shareWith(new iam.AccountPrincipal(OTHER_ACCOUNT), { purpose: 'READ' as SharePurpose })))
      .toEqual('Invalid share of model package group Stack/Group:\n'
        + '  - purpose must be one of READ_AND_DEPLOY, REGISTER, APPROVE, CHANGE_STAGE, got "READ"');
  });

  test('principals that are no account, organization, role or user are rejected', () => {
    const { group } = setup();
    const option = { purpose: SharePurpose.READ_AND_DEPLOY };
    expect(errorOf(() => group.shareWith(new iam.ServicePrincipal('lambda.amazonaws.com'), option)))
      .toEqual('Invalid share of model package group Stack/Group:\n'
        + '  - principal must be an account (iam.AccountPrincipal), an organization (iam.OrganizationPrincipal), or an IAM role or user '
        + '(a Role, a User or an iam.ArnPrincipal), got ServicePrincipal(lambda.amazonaws.com) ({"Service":["lambda.amazonaws.com"]})');
    expect(errorOf(() => group.shareWith(new iam.AnyPrincipal(), option)))
      .toEqual('Invalid share of model package group Stack/Group:\n'
        + '  - principal must be an account (iam.AccountPrincipal), an organization (iam.OrganizationPrincipal), or an IAM role or user '
        + '(a Role, a User or an iam.ArnPrincipal), got AnyPrincipal() ({"AWS":["*"]})');
  });

  test("the group's own account is rejected: share with its roles instead", () => {
    const { group } = setup();
    const message = 'Invalid share of model package group Stack/Group:\n'
      + `  - principal must not be the group's own account "${ACCOUNT}": its roles and users get access through their own IAM policies, `
      + 'so share with them (for example a Role) instead';
    expect(errorOf(() => group.shareWith(new iam.AccountPrincipal(ACCOUNT), { purpose: SharePurpose.READ_AND_DEPLOY }))).toEqual(message);
    expect(errorOf(() => group.shareWith(new iam.AccountRootPrincipal(), { purpose: SharePurpose.READ_AND_DEPLOY }))).toEqual(message);
  });

  test('Python-style keys are errors that name the camelCase property', () => {
    const { group } = setup();
    expect(errorOf(() => group.shareWith(new iam.AccountPrincipal(OTHER_ACCOUNT), {
      purpose: SharePurpose.CHANGE_STAGE, stages: ['Staging'], stage_statuses: ['Approved'],
    } as any))).toEqual('Invalid share of model package group Stack/Group:\n'
      + "  - 'stage_statuses' is not a property of ShareOptions; did you mean 'stageStatuses'? In Python, use the struct class, "
      + 'registry.ShareOptions(stage_statuses=...), or camelCase keys in dicts: jsii passes dict keys to the library as they are.');
  });
});

describe('shareWith from a registry account to a serving account that deploys the shared version', () => {
  test('a registry account shares a group and its artifacts; a serving account deploys from it', () => {
    // GIVEN (the README's "Sharing a group with other accounts" example)
    const app = new App({ context: { [ModelPackageGroup.LOOKUP_NONCE_CONTEXT_KEY]: 'test' } });
    const registryStack = new Stack(app, 'Registry', { env: ENV });
    const group = new ModelPackageGroup(registryStack, 'Churn', { modelPackageGroupName: 'churn-prediction' });
    const artifactsKey = new kms.Key(registryStack, 'ArtifactsKey');
    const artifacts = new s3.Bucket(registryStack, 'Artifacts', { bucketName: 'registry-churn-artifacts', encryptionKey: artifactsKey });
    const images = new ecr.Repository(registryStack, 'Images', { repositoryName: 'churn-inference' });
    const result = group.shareWith(new iam.AccountPrincipal(THIRD_ACCOUNT), {
      purpose: SharePurpose.READ_AND_DEPLOY,
      artifacts: { buckets: [{ bucket: artifacts, prefix: 'churn/' }], repositories: [images] },
    });
    const servingStack = new Stack(app, 'Serving', { env: { account: THIRD_ACCOUNT, region: REGION } });
    const shared = ModelPackageGroup.fromModelPackageGroupArn(servingStack, 'Churn',
      `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package-group/churn-prediction`);
    const model = new Model(servingStack, 'ChurnModel', {
      containers: [{ modelPackage: shared.latestApprovedModelPackage(servingStack, 'Latest') }],
    });
    s3.Bucket.fromBucketName(servingStack, 'SharedArtifacts', 'registry-churn-artifacts').grantRead(model, 'churn/*');
    kms.Key.fromKeyArn(servingStack, 'SharedKey', `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`).grantDecrypt(model);
    ecr.Repository.fromRepositoryArn(servingStack, 'SharedImages', `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/churn-inference`).grantPull(model);

    // THEN: the registry side changed every policy in its account, and nothing is left for others
    expect(result.pendingStatements).toEqual([]);
    const registry = Template.fromStack(registryStack);
    registry.resourceCountIs('AWS::S3::BucketPolicy', 1);
    registry.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { AWS: accountRoot(THIRD_ACCOUNT) } })]) },
    });
    registry.hasResourceProperties('AWS::ECR::Repository', {
      RepositoryPolicyText: { Statement: [Match.objectLike({ Principal: { AWS: accountRoot(THIRD_ACCOUNT) } })] },
    });
    // The serving side synthesizes without warnings from the share.
    expect(Annotations.fromStack(servingStack).findWarning('*', Match.stringLikeRegexp(WARNING))).toEqual([]);
    Template.fromStack(servingStack).resourceCountIs('AWS::SageMaker::Model', 1);
  });
});
