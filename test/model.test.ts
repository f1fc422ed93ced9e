/*
 * Unit tests of Model.
 *
 * Scenarios ported from @aws-cdk/aws-sagemaker-alpha's test/model.test.ts (aws/aws-cdk), so that
 * both libraries agree on the cases they share (the code here is our own):
 * - more than 15 containers is an error; no container at all is an error at synthesis
 * - a ContainerImage implementation that creates constructs of its own: they are in the template
 * - the same container definition twice: each file asset (image, model data) is created once
 * - networkIsolation renders EnableNetworkIsolation
 * - VPC: given security groups, no group is created; no security groups, one is created (described
 *   by its path); securityGroups together with allowAllOutbound is an error
 * - no VPC: securityGroups, or allowAllOutbound, is an error
 * - connections of a model without VPC, and of an import without security groups, throw
 * - a security group added to connections after construction is in VpcConfig
 * - an imported model with a security group: connections add egress rules to that group
 * - fromModelArn derives the name; fromModelName builds the ARN
 * - deep learning container images (fromDlc in the alpha) as registry URIs (ContainerImage.fromRegistry)
 * - inferenceExecutionMode (added to the alpha on main): Direct needs a hostname on every container
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  App,
  CfnParameter,
  RemovalPolicy,
  Stack,
  aws_ec2 as ec2,
  aws_ecr as ecr,
  aws_iam as iam,
  aws_kms as kms,
  aws_lambda as lambda,
  aws_s3 as s3,
  aws_sagemaker as sagemaker,
} from 'aws-cdk-lib';
import { Annotations, Capture, Match, Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import {
  ContainerDefinition,
  ContainerImage,
  ContainerImageConfig,
  ContainerMode,
  InferenceExecutionMode,
  Model,
  ModelCacheSetting,
  ModelData,
  ModelPackage,
  ModelPackageGroup,
  RepositoryAccessMode,
} from '../src';
import { ACCOUNT, ENV, OTHER_ACCOUNT, OTHER_REGION, REGION, XGBOOST_IMAGE } from './constants';
import { errorOf, logicalIdOf, newStack, partitionArn } from './util';

const MODEL_TYPE = 'AWS::SageMaker::Model';
const OTHER_IMAGE_URI = '763104351884.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1';
const PACKAGE_ARN = `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package/shared-models/3`;
const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:registry-credentials`;
const MODEL_PATH = 'Stack/Model';
/** The logical id of `new Model(stack, 'Model')`: the same as @aws-cdk/aws-sagemaker-alpha's. */
const MODEL_ID = 'Model2AD80A05';
const ROLE_ID = 'ModelRole3E65CE92';
const POLICY_ID = 'ModelRoleDefaultPolicy52564B59';
const MODEL_NAME_RULE = 'must be letters (a-z, A-Z), digits (0-9) and hyphens (-), starting and ending with a letter or digit '
  + '(pattern ^[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?$)';
const NAME_RULE = 'must contain only letters (a-z, A-Z), digits (0-9) and hyphens (-), and start and end with a letter or digit '
  + '(pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$)';

const LOGS_STATEMENT = {
  Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
  Effect: 'Allow',
  Resource: [
    partitionArn(`:logs:${REGION}:${ACCOUNT}:log-group:/aws/sagemaker/*`),
    partitionArn(`:logs:${REGION}:${ACCOUNT}:log-group:/aws/sagemaker/*:log-stream:*`),
  ],
};
const METRICS_STATEMENT = { Action: 'cloudwatch:PutMetricData', Effect: 'Allow', Resource: '*' };
const ECR_TOKEN_STATEMENT = { Action: 'ecr:GetAuthorizationToken', Effect: 'Allow', Resource: '*' };
/** What the default role always gets. */
const BASELINE = [LOGS_STATEMENT, METRICS_STATEMENT, ECR_TOKEN_STATEMENT];
const VPC_STATEMENT = {
  Action: [
    'ec2:CreateNetworkInterface',
    'ec2:CreateNetworkInterfacePermission',
    'ec2:DeleteNetworkInterface',
    'ec2:DeleteNetworkInterfacePermission',
    'ec2:DescribeNetworkInterfaces',
    'ec2:DescribeVpcs',
    'ec2:DescribeDhcpOptions',
    'ec2:DescribeSubnets',
    'ec2:DescribeSecurityGroups',
  ],
  Effect: 'Allow',
  Resource: '*',
};
const ECR_PULL_ACTIONS = ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'];
const S3_READ_ACTIONS = ['s3:GetObject*', 's3:GetBucket*', 's3:List*'];
const PACKAGE_READ_ACTIONS = ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage'];

function registryImage(uri = XGBOOST_IMAGE): ContainerImage {
  return ContainerImage.fromRegistry(uri);
}

/** A directory with a Dockerfile, under the (test run's) temporary directory. */
function dockerDirectory(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'model-test-image-'));
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM public.ecr.aws/docker/library/python:3.12-slim\nCMD ["serve"]\n');
  return dir;
}

/** A local `.tar.gz` file, under the (test run's) temporary directory. */
function modelArchive(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'model-test-data-')), 'model.tar.gz');
  fs.writeFileSync(file, 'model bytes');
  return file;
}

/** A VPC with two private subnets, imported (no resources of its own). */
function importedVpc(scope: Construct): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(scope, 'Vpc', {
    vpcId: 'vpc-12345678',
    availabilityZones: [`${REGION}a`, `${REGION}b`],
    privateSubnetIds: ['subnet-11111111', 'subnet-22222222'],
    publicSubnetIds: ['subnet-33333333', 'subnet-44444444'],
  });
}

/** A versioned model package in a new group `models`. */
function newPackage(stack: Stack, id = 'Package'): ModelPackage {
  const group = (stack.node.tryFindChild('Group') as ModelPackageGroup | undefined)
    ?? new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'models' });
  return new ModelPackage(stack, id, {
    modelPackageGroup: group,
    inferenceSpecification: {
      containers: [{ image: registryImage() }],
      supportedContentTypes: ['text/csv'],
      supportedResponseMimeTypes: ['text/csv'],
    },
  });
}

/** The properties of the only model of the stack. */
function modelProperties(stack: Stack): any {
  const models = Object.values(Template.fromStack(stack).findResources(MODEL_TYPE));
  expect(models).toHaveLength(1);
  return (models[0] as any).Properties;
}

/** Asserts that the only identity policy of the stack is the default role's and has exactly `statements`. */
function expectDefaultPolicy(stack: Stack, statements: any[]) {
  const template = Template.fromStack(stack);
  template.resourceCountIs('AWS::IAM::Policy', 1);
  template.hasResource('AWS::IAM::Policy', {
    Properties: Match.exact({
      PolicyName: POLICY_ID,
      PolicyDocument: { Version: '2012-10-17', Statement: statements },
      Roles: [{ Ref: ROLE_ID }],
    }),
  });
}

function s3ReadStatement(bucketId: string, keyPattern: string) {
  const bucketArn = { 'Fn::GetAtt': [bucketId, 'Arn'] };
  return {
    Action: S3_READ_ACTIONS,
    Effect: 'Allow',
    Resource: [bucketArn, { 'Fn::Join': ['', [bucketArn, `/${keyPattern}`]] }],
  };
}

describe('Model defaults', () => {
  test('one container renders PrimaryContainer, the default role, DependsOn on its policy (not the role: the GetAtt orders that, cfn-lint W3005), and Delete', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', { containers: [{ image: registryImage() }] });

    // THEN
    Template.fromStack(stack).hasResource(MODEL_TYPE, {
      Properties: Match.exact({
        ExecutionRoleArn: { 'Fn::GetAtt': [ROLE_ID, 'Arn'] },
        PrimaryContainer: { Image: XGBOOST_IMAGE },
      }),
      DependsOn: [POLICY_ID],
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
    });
  });

  test('the default role trusts SageMaker only and has no managed policy', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', { containers: [{ image: registryImage() }] });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResource('AWS::IAM::Role', {
      Properties: Match.exact({
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' } }],
        },
      }),
    });
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
  });

  test('the default role gets exactly logs on /aws/sagemaker/*, PutMetricData and the ECR token, and no VPC permissions', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', { containers: [{ image: registryImage() }] });

    // THEN
    expectDefaultPolicy(stack, BASELINE);
  });

  test('keeps the construct ids of @aws-cdk/aws-sagemaker-alpha, and defaultChild is the CfnModel', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const model = new Model(stack, 'Model', { containers: [{ image: registryImage() }] });

    // THEN
    expect(model.node.defaultChild).toBeInstanceOf(sagemaker.CfnModel);
    expect(logicalIdOf(model)).toBe(MODEL_ID);
    expect(logicalIdOf(model.role!)).toBe(ROLE_ID);
    Template.fromStack(stack).templateMatches({ Resources: { [MODEL_ID]: { Type: MODEL_TYPE } } });
  });

  test('renders the name; modelName is GetAtt ModelName and modelArn is the Ref that CloudFormation returns', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const model = new Model(stack, 'Model', { modelName: 'churn-model', containers: [{ image: registryImage() }] });

    // THEN
    expect(modelProperties(stack).ModelName).toBe('churn-model');
    expect(stack.resolve(model.modelName)).toEqual({ 'Fn::GetAtt': [MODEL_ID, 'ModelName'] });
    expect(stack.resolve(model.modelArn)).toEqual({ Ref: MODEL_ID });
    expect(stack.resolve(model.modelRef.modelArn)).toEqual({ Ref: MODEL_ID });
    expect(stack.resolve(sagemaker.CfnModel.arnForModel(model))).toEqual({ Ref: MODEL_ID });
  });

  test('removalPolicy RETAIN renders Retain', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', { removalPolicy: RemovalPolicy.RETAIN, containers: [{ image: registryImage() }] });

    // THEN
    Template.fromStack(stack).hasResource(MODEL_TYPE, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('networkIsolation renders EnableNetworkIsolation', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', { networkIsolation: true, containers: [{ image: registryImage() }] });

    // THEN
    expect(modelProperties(stack).EnableNetworkIsolation).toBe(true);
  });

  test('environment and hostname are rendered', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', {
      containers: [{ image: registryImage(), containerHostname: 'scorer', environment: { SAGEMAKER_PROGRAM: 'serve.py', LOG_LEVEL: 'info' } }],
    });

    // THEN
    expect(modelProperties(stack).PrimaryContainer).toEqual({
      Image: XGBOOST_IMAGE,
      ContainerHostname: 'scorer',
      Environment: { SAGEMAKER_PROGRAM: 'serve.py', LOG_LEVEL: 'info' },
    });
  });
});

describe('Model containers from images', () => {
  test('an ECR repository image: the role may pull from exactly that repository', () => {
    // GIVEN
    const { stack } = newStack();
    const repository = new ecr.Repository(stack, 'Repo');

    // WHEN
    new Model(stack, 'Model', { containers: [{ image: ContainerImage.fromEcrRepository(repository, 'v3') }] });

    // THEN
    const repositoryArn = { 'Fn::GetAtt': ['Repo02AC86CF', 'Arn'] };
    expect(modelProperties(stack).PrimaryContainer).toEqual({
      Image: {
        'Fn::Join': ['', [
          { 'Fn::Select': [4, { 'Fn::Split': [':', repositoryArn] }] },
          '.dkr.ecr.',
          { 'Fn::Select': [3, { 'Fn::Split': [':', repositoryArn] }] },
          '.',
          { Ref: 'AWS::URLSuffix' },
          '/',
          { Ref: 'Repo02AC86CF' },
          ':v3',
        ]],
      },
    });
    expectDefaultPolicy(stack, [...BASELINE, { Action: ECR_PULL_ACTIONS, Effect: 'Allow', Resource: repositoryArn }]);
  });

  test('an imported ECR repository image: pull from its ARN', () => {
    // GIVEN
    const { stack } = newStack();
    const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'team/scorer');

    // WHEN
    new Model(stack, 'Model', { containers: [{ image: ContainerImage.fromEcrRepository(repository, 'sha256:' + 'a'.repeat(64)) }] });

    // THEN
    expect(modelProperties(stack).PrimaryContainer.Image).toEqual({
      'Fn::Join': ['', [`${ACCOUNT}.dkr.ecr.${REGION}.`, { Ref: 'AWS::URLSuffix' }, `/team/scorer@sha256:${'a'.repeat(64)}`]],
    });
    expectDefaultPolicy(stack, [
      ...BASELINE,
      { Action: ECR_PULL_ACTIONS, Effect: 'Allow', Resource: partitionArn(`:ecr:${REGION}:${ACCOUNT}:repository/team/scorer`) },
    ]);
  });

  test('an image built from a local directory: a Docker asset, and pull from the assets repository', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', { containers: [{ image: ContainerImage.fromAsset(dockerDirectory()) }] });

    // THEN
    const image = new Capture();
    Template.fromStack(stack).hasResourceProperties(MODEL_TYPE, { PrimaryContainer: { Image: { 'Fn::Sub': image } } });
    expect(image.asString()).toMatch(new RegExp(
      `^${ACCOUNT}\\.dkr\\.ecr\\.${REGION}\\.\\$\\{AWS::URLSuffix\\}/cdk-hnb659fds-container-assets-${ACCOUNT}-${REGION}:[0-9a-f]{64}$`));
    expectDefaultPolicy(stack, [
      ...BASELINE,
      {
        Action: ECR_PULL_ACTIONS,
        Effect: 'Allow',
        Resource: partitionArn(`:ecr:${REGION}:${ACCOUNT}:repository/cdk-hnb659fds-container-assets-${ACCOUNT}-${REGION}`),
      },
    ]);
  });

  test('a registry URI (such as a deep learning container image): rendered as is, nothing granted', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', { containers: [{ image: registryImage() }] });

    // THEN
    expect(modelProperties(stack).PrimaryContainer).toEqual({ Image: XGBOOST_IMAGE });
    expectDefaultPolicy(stack, BASELINE);
  });

  test('a ContainerImage implementation that creates constructs: they are in the template', () => {
    // GIVEN
    const { stack } = newStack();
    class ConstructCreatingImage extends ContainerImage {
      public bind(scope: Construct): ContainerImageConfig {
        new iam.User(scope, 'User', { userName: 'ExtraConstructUserName' });
        return { imageName: 'registry.example.com/anything:1' };
      }
    }

    // WHEN
    new Model(stack, 'Model', { containers: [{ image: new ConstructCreatingImage() }] });

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties(MODEL_TYPE, { PrimaryContainer: { Image: 'registry.example.com/anything:1' } });
    template.hasResourceProperties('AWS::IAM::User', { UserName: 'ExtraConstructUserName' });
  });

  test('the same container definition twice: one Docker image asset and one model data asset', () => {
    // GIVEN
    const { app, stack } = newStack();
    const container: ContainerDefinition = {
      image: ContainerImage.fromAsset(dockerDirectory()),
      modelData: ModelData.fromAsset(modelArchive()),
    };

    // WHEN
    new Model(stack, 'Model', { containers: [container, container] });
    const assembly = app.synth();

    // THEN
    const manifest = JSON.parse(fs.readFileSync(path.join(assembly.directory, `${stack.artifactId}.assets.json`), 'utf-8'));
    // The files are the model data and the template.
    expect(Object.keys(manifest.files)).toHaveLength(2);
    expect(Object.keys(manifest.dockerImages)).toHaveLength(1);
    expect(modelProperties(stack).Containers).toHaveLength(2);
  });

  test('private registry: ImageConfig with Vpc access and a credentials provider, which the role may invoke', () => {
    // GIVEN
    const { stack } = newStack();
    const provider = lambda.Function.fromFunctionArn(stack, 'Credentials', FUNCTION_ARN);

    // WHEN
    new Model(stack, 'Model', {
      vpc: importedVpc(stack),
      containers: [{
        image: registryImage('registry.example.com/team/scorer:2'),
        imageConfig: { repositoryAccessMode: RepositoryAccessMode.VPC, repositoryCredentialsProvider: provider },
      }],
    });

    // THEN
    expect(modelProperties(stack).PrimaryContainer).toEqual({
      Image: 'registry.example.com/team/scorer:2',
      ImageConfig: {
        RepositoryAccessMode: 'Vpc',
        RepositoryAuthConfig: { RepositoryCredentialsProviderArn: FUNCTION_ARN },
      },
    });
    expectDefaultPolicy(stack, [
      ...BASELINE,
      VPC_STATEMENT,
      { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: [FUNCTION_ARN, `${FUNCTION_ARN}:*`] },
    ]);
  });

  test('ImageConfig with Platform access renders no RepositoryAuthConfig', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', {
      containers: [{ image: registryImage(), imageConfig: { repositoryAccessMode: RepositoryAccessMode.PLATFORM } }],
    });

    // THEN
    expect(modelProperties(stack).PrimaryContainer).toEqual({ Image: XGBOOST_IMAGE, ImageConfig: { RepositoryAccessMode: 'Platform' } });
  });
});

describe('Model data', () => {
  test('a .tar.gz object renders ModelDataUrl, and the role may read exactly that object', () => {
    // GIVEN
    const { stack } = newStack();
    const bucket = new s3.Bucket(stack, 'Bucket');

    // WHEN
    new Model(stack, 'Model', { containers: [{ image: registryImage(), modelData: ModelData.fromBucket(bucket, 'churn/model.tar.gz') }] });

    // THEN
    expect(modelProperties(stack).PrimaryContainer).toEqual({
      Image: XGBOOST_IMAGE,
      ModelDataUrl: { 'Fn::Join': ['', ['s3://', { Ref: 'Bucket83908E77' }, '/churn/model.tar.gz']] },
    });
    expectDefaultPolicy(stack, [...BASELINE, s3ReadStatement('Bucket83908E77', 'churn/model.tar.gz')]);
  });

  test('an uncompressed prefix renders ModelDataSource (S3Prefix, None), and the role may read the objects under it', () => {
    // GIVEN
    const { stack } = newStack();
    const bucket = new s3.Bucket(stack, 'Bucket');

    // WHEN
    new Model(stack, 'Model', { containers: [{ image: registryImage(), modelData: ModelData.fromBucketPrefix(bucket, 'llm/weights/') }] });

    // THEN
    expect(modelProperties(stack).PrimaryContainer).toEqual({
      Image: XGBOOST_IMAGE,
      ModelDataSource: {
        S3DataSource: {
          S3Uri: { 'Fn::Join': ['', ['s3://', { Ref: 'Bucket83908E77' }, '/llm/weights/']] },
          S3DataType: 'S3Prefix',
          CompressionType: 'None',
        },
      },
    });
    expectDefaultPolicy(stack, [...BASELINE, s3ReadStatement('Bucket83908E77', 'llm/weights/*')]);
  });

  test('an archive with an accepted EULA renders ModelDataSource (S3Object, Gzip) with ModelAccessConfig', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', {
      containers: [{ image: registryImage(), modelData: ModelData.fromS3Url('s3://jumpstart-cache/llama/model.tar.gz', { acceptEula: true }) }],
    });

    // THEN
    expect(modelProperties(stack).PrimaryContainer).toEqual({
      Image: XGBOOST_IMAGE,
      ModelDataSource: {
        S3DataSource: {
          S3Uri: 's3://jumpstart-cache/llama/model.tar.gz',
          S3DataType: 'S3Object',
          CompressionType: 'Gzip',
          ModelAccessConfig: { AcceptEula: true },
        },
      },
    });
    expectDefaultPolicy(stack, [
      ...BASELINE,
      {
        Action: S3_READ_ACTIONS,
        Effect: 'Allow',
        Resource: [partitionArn(':s3:::jumpstart-cache'), partitionArn(':s3:::jumpstart-cache/llama/model.tar.gz')],
      },
    ]);
  });

  test('a local archive becomes a file asset rendered as ModelDataUrl, readable by the role', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', { containers: [{ image: registryImage(), modelData: ModelData.fromAsset(modelArchive()) }] });

    // THEN
    const url = new Capture();
    Template.fromStack(stack).hasResourceProperties(MODEL_TYPE, { PrimaryContainer: { Image: XGBOOST_IMAGE, ModelDataUrl: url } });
    expect(url.asString()).toMatch(new RegExp(`^s3://cdk-hnb659fds-assets-${ACCOUNT}-${REGION}/[0-9a-f]{64}\\.gz$`));
    const assets = `cdk-hnb659fds-assets-${ACCOUNT}-${REGION}`;
    expectDefaultPolicy(stack, [
      ...BASELINE,
      // Exactly the uploaded archive, not the whole assets bucket.
      { Action: S3_READ_ACTIONS, Effect: 'Allow', Resource: [partitionArn(`:s3:::${assets}`), partitionArn(`:s3:::${url.asString().slice(5)}`)] },
    ]);
  });

  test('model data in a KMS-encrypted bucket: the role may decrypt with the bucket key', () => {
    // GIVEN
    const { stack } = newStack();
    const bucket = new s3.Bucket(stack, 'Bucket', { encryptionKey: new kms.Key(stack, 'Key') });

    // WHEN
    new Model(stack, 'Model', { containers: [{ image: registryImage(), modelData: ModelData.fromBucket(bucket, 'model.tar.gz') }] });

    // THEN
    expectDefaultPolicy(stack, [
      ...BASELINE,
      s3ReadStatement('Bucket83908E77', 'model.tar.gz'),
      { Action: ['kms:Decrypt', 'kms:DescribeKey'], Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Key961B73FD', 'Arn'] } },
    ]);
  });
});

describe('Model containers from model packages', () => {
  test('an owned model package version renders ModelPackageName with its ARN, and the role may describe it', () => {
    // GIVEN
    const { stack } = newStack();
    const modelPackage = newPackage(stack);

    // WHEN
    new Model(stack, 'Model', { containers: [{ modelPackage }] });

    // THEN
    const packageArn = { 'Fn::GetAtt': [logicalIdOf(modelPackage), 'ModelPackageArn'] };
    expect(modelProperties(stack).PrimaryContainer).toEqual({ ModelPackageName: packageArn });
    expectDefaultPolicy(stack, [...BASELINE, { Action: PACKAGE_READ_ACTIONS, Effect: 'Allow', Resource: packageArn }]);
  });

  test('an owned version with ECR images and model data: the role may also pull those images and read that model data', () => {
    // GIVEN
    const { stack } = newStack();
    const repository = new ecr.Repository(stack, 'Repo');
    const bucket = new s3.Bucket(stack, 'Bucket');
    const modelPackage = new ModelPackage(stack, 'Package', {
      modelPackageGroup: new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'models' }),
      inferenceSpecification: {
        containers: [{ image: ContainerImage.fromEcrRepository(repository), modelData: ModelData.fromBucket(bucket, 'v1/model.tar.gz') }],
        supportedContentTypes: ['text/csv'],
        supportedResponseMimeTypes: ['text/csv'],
      },
    });

    // WHEN
    new Model(stack, 'Model', { containers: [{ modelPackage }] });

    // THEN
    const packageArn = { 'Fn::GetAtt': [logicalIdOf(modelPackage), 'ModelPackageArn'] };
    const bucketArn = { 'Fn::GetAtt': [logicalIdOf(bucket), 'Arn'] };
    expectDefaultPolicy(stack, [
      ...BASELINE,
      { Action: PACKAGE_READ_ACTIONS, Effect: 'Allow', Resource: packageArn },
      { Action: ECR_PULL_ACTIONS, Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalIdOf(repository), 'Arn'] } },
      { Action: S3_READ_ACTIONS, Effect: 'Allow', Resource: [bucketArn, { 'Fn::Join': ['', [bucketArn, '/v1/model.tar.gz']] }] },
    ]);
  });

  test('an imported model package (another account) with an inference specification name and environment', () => {
    // GIVEN
    const { stack } = newStack();
    const modelPackage = ModelPackage.fromModelPackageArn(stack, 'Package', PACKAGE_ARN);

    // WHEN
    new Model(stack, 'Model', {
      containers: [{ modelPackage, inferenceSpecificationName: 'gpu-inference', environment: { BATCH_SIZE: '8' } }],
    });

    // THEN
    expect(modelProperties(stack).PrimaryContainer).toEqual({
      ModelPackageName: PACKAGE_ARN,
      InferenceSpecificationName: 'gpu-inference',
      Environment: { BATCH_SIZE: '8' },
    });
    expectDefaultPolicy(stack, [...BASELINE, { Action: PACKAGE_READ_ACTIONS, Effect: 'Allow', Resource: PACKAGE_ARN }]);
  });

  test('a model package encrypted with a KMS key: the role may decrypt with it', () => {
    // GIVEN
    const { stack } = newStack();
    const key = new kms.Key(stack, 'Key');
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'models' });
    const modelPackage = new ModelPackage(stack, 'Package', {
      modelPackageGroup: group,
      encryptionKey: key,
      inferenceSpecification: {
        containers: [{ image: registryImage() }],
        supportedContentTypes: ['text/csv'],
        supportedResponseMimeTypes: ['text/csv'],
      },
    });

    // WHEN
    new Model(stack, 'Model', { containers: [{ modelPackage }] });

    // THEN
    expectDefaultPolicy(stack, [
      ...BASELINE,
      { Action: PACKAGE_READ_ACTIONS, Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalIdOf(modelPackage), 'ModelPackageArn'] } },
      { Action: 'kms:Decrypt', Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Key961B73FD', 'Arn'] } },
    ]);
  });
});

describe('Model with several containers', () => {
  test('two containers render Containers in order, without PrimaryContainer or InferenceExecutionConfig', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', {
      containers: [{ image: registryImage(OTHER_IMAGE_URI) }, { image: registryImage() }],
    });

    // THEN
    expect(modelProperties(stack)).toEqual({
      ExecutionRoleArn: { 'Fn::GetAtt': [ROLE_ID, 'Arn'] },
      Containers: [{ Image: OTHER_IMAGE_URI }, { Image: XGBOOST_IMAGE }],
    });
  });

  test('Direct mode with a hostname on every container renders InferenceExecutionConfig', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', {
      inferenceExecutionMode: InferenceExecutionMode.DIRECT,
      containers: [
        { image: registryImage(OTHER_IMAGE_URI), containerHostname: 'sklearn' },
        { image: registryImage(), containerHostname: 'xgboost' },
      ],
    });

    // THEN
    const properties = modelProperties(stack);
    expect(properties.InferenceExecutionConfig).toEqual({ Mode: 'Direct' });
    expect(properties.Containers).toEqual([
      { Image: OTHER_IMAGE_URI, ContainerHostname: 'sklearn' },
      { Image: XGBOOST_IMAGE, ContainerHostname: 'xgboost' },
    ]);
  });

  test('Serial mode is rendered when given', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', {
      inferenceExecutionMode: InferenceExecutionMode.SERIAL,
      containers: [{ image: registryImage(OTHER_IMAGE_URI) }, { image: registryImage() }],
    });

    // THEN
    expect(modelProperties(stack).InferenceExecutionConfig).toEqual({ Mode: 'Serial' });
  });

  test('addContainer after construction turns PrimaryContainer into Containers and grants the new container', () => {
    // GIVEN
    const { stack } = newStack();
    const repository = new ecr.Repository(stack, 'Repo');
    const model = new Model(stack, 'Model', { containers: [{ image: registryImage() }] });

    // WHEN
    model.addContainer({ image: ContainerImage.fromEcrRepository(repository) });

    // THEN
    const properties = modelProperties(stack);
    expect(properties.PrimaryContainer).toBeUndefined();
    expect(properties.Containers).toHaveLength(2);
    expect(properties.Containers[0]).toEqual({ Image: XGBOOST_IMAGE });
    expectDefaultPolicy(stack, [
      ...BASELINE,
      { Action: ECR_PULL_ACTIONS, Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Repo02AC86CF', 'Arn'] } },
    ]);
  });

  test('a model package and an image in one pipeline', () => {
    // GIVEN
    const { stack } = newStack();
    const modelPackage = ModelPackage.fromModelPackageArn(stack, 'Package', PACKAGE_ARN);

    // WHEN
    new Model(stack, 'Model', {
      containers: [
        { image: registryImage(OTHER_IMAGE_URI), containerHostname: 'preprocess' },
        { modelPackage, containerHostname: 'predict' },
      ],
    });

    // THEN
    expect(modelProperties(stack).Containers).toEqual([
      { Image: OTHER_IMAGE_URI, ContainerHostname: 'preprocess' },
      { ModelPackageName: PACKAGE_ARN, ContainerHostname: 'predict' },
    ]);
  });

  test('an inference execution mode on a one-container model is not rendered, with a warning', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', { inferenceExecutionMode: InferenceExecutionMode.DIRECT, containers: [{ image: registryImage() }] });

    // THEN
    expect(modelProperties(stack).InferenceExecutionConfig).toBeUndefined();
    Annotations.fromStack(stack).hasWarning(`/${MODEL_PATH}`,
      "inferenceExecutionMode 'Direct' applies only to a model with several containers; model Stack/Model has one, so it is not rendered. "
      + '[ack: cdk-sagemaker-registry:inferenceExecutionModeIgnored]');
  });

  test('15 containers are accepted', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', { containers: Array.from({ length: 15 }, () => ({ image: registryImage() })) });

    // THEN
    expect(modelProperties(stack).Containers).toHaveLength(15);
  });

  test('a 16th container is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const containers = Array.from({ length: 16 }, () => ({ image: registryImage() }));

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { containers }));

    // THEN
    expect(message).toBe(`Invalid containers[15] of Model ${MODEL_PATH}:\n`
      + '  - a model has at most 15 containers (an inference pipeline), got container number 16');
  });

  test('a model without containers fails at synthesis', () => {
    // GIVEN
    const { app, stack } = newStack();
    new Model(stack, 'Model');

    // WHEN
    const message = errorOf(() => app.synth());

    // THEN
    expect(message).toContain(`[${MODEL_PATH}] a model needs at least 1 container: give containers or call addContainer(), `
      + `got none for Model ${MODEL_PATH}`);
  });

  test('Direct mode without a hostname on every container fails at synthesis', () => {
    // GIVEN
    const { app, stack } = newStack();
    new Model(stack, 'Model', {
      inferenceExecutionMode: InferenceExecutionMode.DIRECT,
      containers: [{ image: registryImage(), containerHostname: 'first' }, { image: registryImage() }, { image: registryImage() }],
    });

    // WHEN
    const message = errorOf(() => app.synth());

    // THEN
    expect(message).toContain(`[${MODEL_PATH}] inferenceExecutionMode 'Direct' invokes each container by its containerHostname: `
      + 'every container needs one, got none for containers[1], containers[2]');
  });

  test('Direct mode without any hostname fails at synthesis', () => {
    // GIVEN
    const { app, stack } = newStack();
    new Model(stack, 'Model', {
      inferenceExecutionMode: InferenceExecutionMode.DIRECT,
      containers: [{ image: registryImage() }, { image: registryImage() }],
    });

    // WHEN
    const message = errorOf(() => app.synth());

    // THEN
    expect(message).toContain('every container needs one, got none for containers[0], containers[1]');
  });

  test('duplicate hostnames fail at synthesis', () => {
    // GIVEN
    const { app, stack } = newStack();
    const model = new Model(stack, 'Model', {
      inferenceExecutionMode: InferenceExecutionMode.DIRECT,
      containers: [{ image: registryImage(), containerHostname: 'scorer' }],
    });
    model.addContainer({ image: registryImage(), containerHostname: 'scorer' });

    // WHEN
    const message = errorOf(() => app.synth());

    // THEN
    expect(message).toContain(`[${MODEL_PATH}] containerHostname must be unique, got duplicates: 'scorer'`);
  });

  test('a pipeline where only some containers have a hostname fails at synthesis', () => {
    // GIVEN
    const { app, stack } = newStack();
    new Model(stack, 'Model', {
      containers: [{ image: registryImage() }, { image: registryImage(), containerHostname: 'second' }],
    });

    // WHEN
    const message = errorOf(() => app.synth());

    // THEN
    expect(message).toContain(`[${MODEL_PATH}] containerHostname must be given for every container of a model with several `
      + 'containers once any has one, got none for containers[0]');
  });
});

describe('Model multi-model containers', () => {
  test('MultiModel mode renders the S3 prefix as ModelDataUrl, Mode and MultiModelConfig', () => {
    // GIVEN
    const { stack } = newStack();
    const bucket = new s3.Bucket(stack, 'Bucket');

    // WHEN
    new Model(stack, 'Model', {
      containers: [{
        image: registryImage(),
        modelData: ModelData.fromBucketPrefix(bucket, 'tenants/'),
        mode: ContainerMode.MULTI_MODEL,
        modelCacheSetting: ModelCacheSetting.DISABLED,
      }],
    });

    // THEN
    expect(modelProperties(stack).PrimaryContainer).toEqual({
      Image: XGBOOST_IMAGE,
      ModelDataUrl: { 'Fn::Join': ['', ['s3://', { Ref: 'Bucket83908E77' }, '/tenants/']] },
      Mode: 'MultiModel',
      MultiModelConfig: { ModelCacheSetting: 'Disabled' },
    });
    expectDefaultPolicy(stack, [...BASELINE, s3ReadStatement('Bucket83908E77', 'tenants/*')]);
  });

  test('SingleModel mode is rendered when given', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', { containers: [{ image: registryImage(), mode: ContainerMode.SINGLE_MODEL }] });

    // THEN
    expect(modelProperties(stack).PrimaryContainer).toEqual({ Image: XGBOOST_IMAGE, Mode: 'SingleModel' });
  });

  test('MultiModel mode with a single archive is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const container = {
      image: registryImage(),
      modelData: ModelData.fromS3Url('s3://models/one/model.tar.gz'),
      mode: ContainerMode.MULTI_MODEL,
    };

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { containers: [container] }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n`
      + "  - containers[0].modelData of a 'MultiModel' container must be the S3 prefix that holds the models' .tar.gz archives "
      + "(ModelData.fromBucketPrefix() or ModelData.fromS3Prefix()), got the single archive 's3://models/one/model.tar.gz'");
  });

  test('MultiModel mode with an accepted EULA is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const container = {
      image: registryImage(),
      modelData: ModelData.fromS3Prefix('s3://models/tenants/', { acceptEula: true }),
      mode: ContainerMode.MULTI_MODEL,
    };

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { containers: [container] }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n`
      + "  - containers[0].modelData of a 'MultiModel' container cannot accept a EULA (SageMaker does not support ModelDataSource "
      + 'on multi-model endpoints), got acceptEula true');
  });

  test('MultiModel mode without model data is an error', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { containers: [{ image: registryImage(), mode: ContainerMode.MULTI_MODEL }] }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n`
      + "  - mode 'MultiModel' needs image and modelData (the S3 prefix that holds the models), got image and no modelData");
  });

  test('MultiModel mode on a model package container is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const modelPackage = ModelPackage.fromModelPackageArn(stack, 'Package', PACKAGE_ARN);

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { containers: [{ modelPackage, mode: ContainerMode.MULTI_MODEL }] }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n`
      + "  - mode 'MultiModel' needs image and modelData (the S3 prefix that holds the models), got no image and no modelData");
  });

  test('modelCacheSetting without MultiModel mode is an error', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', {
      containers: [{ image: registryImage(), modelCacheSetting: ModelCacheSetting.ENABLED }],
    }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n`
      + "  - modelCacheSetting applies only with mode 'MultiModel', got modelCacheSetting 'Enabled' with mode 'SingleModel'");
  });

  test('a MultiModel container in a serial pipeline fails at synthesis', () => {
    // GIVEN
    const { app, stack } = newStack();
    new Model(stack, 'Model', {
      containers: [
        { image: registryImage() },
        { image: registryImage(), modelData: ModelData.fromS3Prefix('s3://models/tenants/'), mode: ContainerMode.MULTI_MODEL },
      ],
    });

    // WHEN
    const message = errorOf(() => app.synth());

    // THEN
    expect(message).toContain(`[${MODEL_PATH}] containers[1] has mode 'MultiModel', which SageMaker does not support in an inference `
      + "pipeline of several containers (inferenceExecutionMode 'Serial'); use one container per multi-model model");
  });
});

describe('Model validation', () => {
  test('a model name longer than 63 characters is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const modelName = 'a'.repeat(64);

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { modelName, containers: [{ image: registryImage() }] }));

    // THEN
    expect(message).toBe(`Invalid Model ${MODEL_PATH}:\n  - modelName must be between 1 and 63 characters long, got 64 characters: '${modelName}'`);
  });

  test.each(['my_model', '-model', 'model-', 'model.v2', ''])('model name %j is an error that names the pattern', (modelName) => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { modelName, containers: [{ image: registryImage() }] }));

    // THEN
    expect(message).toContain(`  - modelName ${MODEL_NAME_RULE}, got '${modelName}'`);
  });

  test.each(['a', 'My-Model-2', 'x--y', 'a'.repeat(63)])('model name %j is valid', (modelName) => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', { modelName, containers: [{ image: registryImage() }] });

    // THEN
    expect(modelProperties(stack).ModelName).toBe(modelName);
  });

  test('a model name that is a token is not checked', () => {
    // GIVEN
    const { stack } = newStack();
    const name = new CfnParameter(stack, 'ModelName', { type: 'String' });

    // WHEN
    new Model(stack, 'Model', { modelName: name.valueAsString, containers: [{ image: registryImage() }] });

    // THEN
    expect(modelProperties(stack).ModelName).toEqual({ Ref: 'ModelName' });
  });

  test('a container with both image and modelPackage is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const modelPackage = ModelPackage.fromModelPackageArn(stack, 'Package', PACKAGE_ARN);

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { containers: [{ image: registryImage(), modelPackage }] }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n`
      + '  - give either image or modelPackage, not both; got image and modelPackage Stack/Package');
  });

  test('a container with neither image nor modelPackage is an error', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { containers: [{ environment: { A: 'b' } }] }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n`
      + '  - give image (with optional modelData) or modelPackage (a registered model), got neither');
  });

  test('modelData and imageConfig with a model package are errors, reported together', () => {
    // GIVEN
    const { stack } = newStack();
    const modelPackage = ModelPackage.fromModelPackageArn(stack, 'Package', PACKAGE_ARN);

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', {
      containers: [{
        modelPackage,
        modelData: ModelData.fromS3Url('s3://models/model.tar.gz'),
        imageConfig: { repositoryAccessMode: RepositoryAccessMode.PLATFORM },
      }],
    }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n`
      + '  - modelData applies only to image containers: a model package brings its own model data; remove modelData\n'
      + '  - imageConfig applies only to image containers: a model package brings its own images; remove imageConfig');
  });

  test('a model package in another region is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const modelPackage = ModelPackage.fromModelPackageArn(stack, 'Package',
      `arn:aws:sagemaker:${OTHER_REGION}:${OTHER_ACCOUNT}:model-package/shared-models/3`);

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { containers: [{ modelPackage }] }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n`
      + `  - modelPackage must be in the model's region ${REGION}, got model package shared-models/3 in region ${OTHER_REGION}`);
  });

  test('inferenceSpecificationName without a model package, and an invalid one, are errors', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', {
      containers: [{ image: registryImage(), inferenceSpecificationName: 'gpu_spec' }],
    }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n`
      + "  - inferenceSpecificationName applies only with modelPackage, got 'gpu_spec' without one\n"
      + `  - containers[0].inferenceSpecificationName ${NAME_RULE}, got 'gpu_spec'`);
  });

  test('an invalid container hostname is an error', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { containers: [{ image: registryImage(), containerHostname: 'pre_process' }] }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n  - containers[0].containerHostname ${NAME_RULE}, got 'pre_process'`);
  });

  test('more than 100 environment variables is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const names = Array.from({ length: 101 }, (_, i) => `V${i}`);
    const environment = Object.fromEntries(names.map((n) => [n, 'x']));

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { containers: [{ image: registryImage(), environment }] }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n`
      + `  - containers[0].environment must have at most 100 entries, got 101: ${names.join(', ')}`);
  });

  test('an invalid environment variable name and a too long value are errors', () => {
    // GIVEN
    const { stack } = newStack();
    const long = 'x'.repeat(1025);

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', {
      containers: [{ image: registryImage(), environment: { '1BAD': 'v', 'GOOD': long } }],
    }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n`
      + "  - containers[0].environment names must be 1-1024 letters, digits and underscores not starting with a digit (pattern ^[a-zA-Z_][a-zA-Z0-9_]*$), got '1BAD'\n"
      + `  - containers[0].environment.GOOD must be between 0 and 1024 characters long, got 1025 characters: '${'x'.repeat(80)}...'`);
  });

  test('environment variables of all containers together above 32 KB are an error', () => {
    // GIVEN
    const { stack } = newStack();
    // 20 values of 1024 bytes and 50 bytes of names (V0..V19): 20530 bytes per container.
    const environment = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`V${i}`, 'x'.repeat(1024)]));
    const model = new Model(stack, 'Model', { containers: [{ image: registryImage(), environment }] });

    // WHEN
    const message = errorOf(() => model.addContainer({ image: registryImage(), environment }));

    // THEN
    expect(message).toBe(`Invalid containers[1] of Model ${MODEL_PATH}:\n`
      + '  - the environment variables of all containers of a model together must be at most 32768 bytes (keys and values), '
      + 'got 41060 bytes with containers[1].environment (20530 bytes)');
  });

  test('environment values that are tokens are rendered and not counted', () => {
    // GIVEN
    const { stack } = newStack();
    const bucket = new s3.Bucket(stack, 'Bucket');

    // WHEN
    new Model(stack, 'Model', { containers: [{ image: registryImage(), environment: { BUCKET: bucket.bucketName } }] });

    // THEN
    expect(modelProperties(stack).PrimaryContainer.Environment).toEqual({ BUCKET: { Ref: 'Bucket83908E77' } });
  });

  test('a rejected container is not counted: the environment budget and the index stay', () => {
    // GIVEN
    const { stack } = newStack();
    const environment = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`V${i}`, 'x'.repeat(1024)]));
    const model = new Model(stack, 'Model', { containers: [{ image: registryImage(), containerHostname: 'first' }] });
    errorOf(() => model.addContainer({ image: registryImage(), environment, containerHostname: 'bad_name' }));

    // WHEN
    model.addContainer({ image: registryImage(), environment, containerHostname: 'second' });

    // THEN
    const containers = modelProperties(stack).Containers;
    expect(containers).toHaveLength(2);
    expect(containers[1].ContainerHostname).toBe('second');
  });

  test('a credentials provider with Platform access is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const provider = lambda.Function.fromFunctionArn(stack, 'Credentials', FUNCTION_ARN);

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', {
      containers: [{
        image: registryImage(),
        imageConfig: { repositoryAccessMode: RepositoryAccessMode.PLATFORM, repositoryCredentialsProvider: provider },
      }],
    }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n`
      + "  - imageConfig.repositoryCredentialsProvider applies only with repositoryAccessMode Vpc (a private registry), got repositoryAccessMode 'Platform'");
  });

  test('Vpc repository access without a VPC is an error', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', {
      containers: [{ image: registryImage('registry.example.com/m:1'), imageConfig: { repositoryAccessMode: RepositoryAccessMode.VPC } }],
    }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n`
      + "  - imageConfig.repositoryAccessMode 'Vpc' pulls the image from a private registry through the model's VPC: give the model a vpc, "
      + 'or use repositoryAccessMode Platform for images in Amazon ECR');
  });
});

describe('Model in a VPC', () => {
  test('without security groups: one is created, and VpcConfig names it and the private subnets; the role may manage ENIs', () => {
    // GIVEN
    const { stack } = newStack();
    const vpc = importedVpc(stack);

    // WHEN
    const model = new Model(stack, 'Model', { vpc, containers: [{ image: registryImage() }] });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::SecurityGroup', 1);
    template.hasResource('AWS::EC2::SecurityGroup', {
      Properties: Match.exact({
        GroupDescription: `${MODEL_PATH}/SecurityGroup`,
        SecurityGroupEgress: [{ CidrIp: '0.0.0.0/0', Description: 'Allow all outbound traffic by default', IpProtocol: '-1' }],
        VpcId: 'vpc-12345678',
      }),
    });
    expect(modelProperties(stack).VpcConfig).toEqual({
      SecurityGroupIds: [{ 'Fn::GetAtt': ['ModelSecurityGroup2A7C9E10', 'GroupId'] }],
      Subnets: ['subnet-11111111', 'subnet-22222222'],
    });
    expect(model.connections.securityGroups.map((sg) => stack.resolve(sg.securityGroupId)))
      .toEqual([{ 'Fn::GetAtt': ['ModelSecurityGroup2A7C9E10', 'GroupId'] }]);
    expectDefaultPolicy(stack, [...BASELINE, VPC_STATEMENT]);
  });

  test('with security groups: none is created and VpcConfig uses them', () => {
    // GIVEN
    const { stack } = newStack();
    const vpc = importedVpc(stack);
    const securityGroup = ec2.SecurityGroup.fromSecurityGroupId(stack, 'SG', 'sg-0123456789abcdef0');

    // WHEN
    new Model(stack, 'Model', { vpc, securityGroups: [securityGroup], containers: [{ image: registryImage() }] });

    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::EC2::SecurityGroup', 0);
    expect(modelProperties(stack).VpcConfig).toEqual({
      SecurityGroupIds: ['sg-0123456789abcdef0'],
      Subnets: ['subnet-11111111', 'subnet-22222222'],
    });
  });

  test('an empty security group list creates one, as when none is given', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', { vpc: importedVpc(stack), securityGroups: [], containers: [{ image: registryImage() }] });

    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::EC2::SecurityGroup', 1);
  });

  test('allowAllOutbound false creates a security group without outbound access', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', { vpc: importedVpc(stack), allowAllOutbound: false, containers: [{ image: registryImage() }] });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupEgress: [{ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic', FromPort: 252, IpProtocol: 'icmp', ToPort: 86 }],
    });
  });

  test('vpcSubnets selects the subnets', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Model(stack, 'Model', {
      vpc: importedVpc(stack),
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      containers: [{ image: registryImage() }],
    });

    // THEN
    expect(modelProperties(stack).VpcConfig.Subnets).toEqual(['subnet-33333333', 'subnet-44444444']);
  });

  test('a security group added to connections after construction is in VpcConfig', () => {
    // GIVEN
    const { stack } = newStack();
    const vpc = importedVpc(stack);
    const model = new Model(stack, 'Model', { vpc, containers: [{ image: registryImage() }] });

    // WHEN
    model.connections.addSecurityGroup(new ec2.SecurityGroup(stack, 'AdditionalGroup', { vpc }));

    // THEN
    expect(modelProperties(stack).VpcConfig.SecurityGroupIds).toEqual([
      { 'Fn::GetAtt': ['ModelSecurityGroup2A7C9E10', 'GroupId'] },
      { 'Fn::GetAtt': ['AdditionalGroup4973CFAA', 'GroupId'] },
    ]);
  });

  test('connections allow traffic to and from the model', () => {
    // GIVEN
    const { stack } = newStack();
    const vpc = importedVpc(stack);
    const model = new Model(stack, 'Model', { vpc, containers: [{ image: registryImage() }] });
    const database = new ec2.SecurityGroup(stack, 'Database', { vpc });

    // WHEN
    model.connections.allowTo(database, ec2.Port.tcp(5432));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      GroupId: { 'Fn::GetAtt': ['DatabaseB269D8BB', 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': ['ModelSecurityGroup2A7C9E10', 'GroupId'] },
      FromPort: 5432,
      ToPort: 5432,
      IpProtocol: 'tcp',
    });
  });

  test('securityGroups together with allowAllOutbound is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const vpc = importedVpc(stack);

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', {
      vpc,
      securityGroups: [new ec2.SecurityGroup(stack, 'SG', { vpc })],
      allowAllOutbound: false,
      containers: [{ image: registryImage() }],
    }));

    // THEN
    expect(message).toBe(`Invalid Model ${MODEL_PATH}:\n`
      + '  - give either securityGroups or allowAllOutbound, not both: allowAllOutbound configures only the security group the model '
      + 'creates, so configure outbound rules directly on the supplied security groups; got 1 security group(s) and allowAllOutbound false');
  });

  test('securityGroups, allowAllOutbound and vpcSubnets without a VPC are errors, reported together', () => {
    // GIVEN
    const { stack } = newStack();
    const securityGroup = ec2.SecurityGroup.fromSecurityGroupId(stack, 'SG', 'sg-0123456789abcdef0');

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', {
      securityGroups: [securityGroup],
      allowAllOutbound: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      containers: [{ image: registryImage() }],
    }));

    // THEN
    expect(message).toBe(`Invalid Model ${MODEL_PATH}:\n`
      + "  - securityGroups requires vpc (they apply to the model's network interfaces in a VPC), got 1 security group(s) and no vpc\n"
      + '  - allowAllOutbound requires vpc (it configures the security group the model creates in a VPC), got allowAllOutbound true and no vpc\n'
      + '  - vpcSubnets requires vpc (they select subnets of it), got vpcSubnets and no vpc');
  });

  test('allowAllOutbound alone without a VPC is an error', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { allowAllOutbound: false, containers: [{ image: registryImage() }] }));

    // THEN
    expect(message).toBe(`Invalid Model ${MODEL_PATH}:\n`
      + '  - allowAllOutbound requires vpc (it configures the security group the model creates in a VPC), got allowAllOutbound false and no vpc');
  });

  test('connections of a model without a VPC throw', () => {
    // GIVEN
    const { stack } = newStack();
    const model = new Model(stack, 'Model', { containers: [{ image: registryImage() }] });

    // WHEN
    const message = errorOf(() => model.connections);

    // THEN
    expect(message).toBe(`Invalid Model ${MODEL_PATH}:\n  - connections needs a VPC to manage network access (give vpc to a Model, `
      + 'or securityGroups to Model.fromModelAttributes), got a model without security groups');
  });

  test('more than 5 security groups fail at synthesis', () => {
    // GIVEN
    const { app, stack } = newStack();
    const securityGroups = Array.from({ length: 6 }, (_, i) =>
      ec2.SecurityGroup.fromSecurityGroupId(stack, `SG${i}`, `sg-0000000000000000${i}`));

    // WHEN
    new Model(stack, 'Model', { vpc: importedVpc(stack), securityGroups, containers: [{ image: registryImage() }] });
    const message = errorOf(() => app.synth());

    // THEN
    expect(message).toContain(`[${MODEL_PATH}] a model has at most 5 security groups, got 6`);
  });

  test('a subnet selection with no subnets fails at synthesis', () => {
    // GIVEN
    const { app, stack } = newStack();

    // WHEN
    new Model(stack, 'Model', {
      vpc: importedVpc(stack),
      vpcSubnets: { subnets: [] },
      containers: [{ image: registryImage() }],
    });
    const message = errorOf(() => app.synth());

    // THEN
    expect(message).toContain(`[${MODEL_PATH}] vpcSubnets must select between 1 and 16 subnets, got 0`);
  });
});

describe('Model execution role', () => {
  test('a given role gets the container grants but no baseline, and the model depends on its policy', () => {
    // GIVEN
    const { stack } = newStack();
    const role = new iam.Role(stack, 'ExecutionRole', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    const bucket = new s3.Bucket(stack, 'Bucket');

    // WHEN
    const model = new Model(stack, 'Model', {
      role,
      containers: [{ image: registryImage(), modelData: ModelData.fromBucket(bucket, 'model.tar.gz') }],
    });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.exact({ Version: '2012-10-17', Statement: [s3ReadStatement('Bucket83908E77', 'model.tar.gz')] }),
      Roles: [{ Ref: logicalIdOf(role) }],
    });
    template.hasResource(MODEL_TYPE, {
      Properties: { ExecutionRoleArn: { 'Fn::GetAtt': [logicalIdOf(role), 'Arn'] } },
      DependsOn: [logicalIdOf(role.node.findChild('DefaultPolicy'))],
    });
    expect(model.role).toBe(role);
    expect(model.grantPrincipal).toBe(role);
  });

  test('an imported role: grants and addToRolePolicy go to a policy attached to it, which the model waits for', () => {
    // GIVEN
    const { stack } = newStack();
    const role = iam.Role.fromRoleArn(stack, 'ImportedRole', `arn:aws:iam::${ACCOUNT}:role/MySageMakerRole`);
    const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'team/scorer');
    const model = new Model(stack, 'Model', { role, containers: [{ image: ContainerImage.fromEcrRepository(repository) }] });

    // WHEN
    model.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::captures/*'] }));

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 0);
    template.resourceCountIs('AWS::IAM::Policy', 1);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: [
          { Action: ECR_PULL_ACTIONS, Effect: 'Allow', Resource: partitionArn(`:ecr:${REGION}:${ACCOUNT}:repository/team/scorer`) },
          ECR_TOKEN_STATEMENT,
          { Action: 's3:PutObject', Effect: 'Allow', Resource: 'arn:aws:s3:::captures/*' },
        ],
      }),
      Roles: ['MySageMakerRole'],
    });
    template.hasResource(MODEL_TYPE, {
      Properties: { ExecutionRoleArn: `arn:aws:iam::${ACCOUNT}:role/MySageMakerRole` },
      DependsOn: [logicalIdOf(role.node.findChild('Policy'))],
    });
  });

  test('addToRolePolicy on the default role appends to its policy', () => {
    // GIVEN
    const { stack } = newStack();
    const model = new Model(stack, 'Model', { containers: [{ image: registryImage() }] });

    // WHEN
    model.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::captures/*'] }));

    // THEN
    expectDefaultPolicy(stack, [...BASELINE, { Action: 's3:PutObject', Effect: 'Allow', Resource: 'arn:aws:s3:::captures/*' }]);
  });

  test('the model is a grantee: grants to it go to its role', () => {
    // GIVEN
    const { stack } = newStack();
    const model = new Model(stack, 'Model', { containers: [{ image: registryImage() }] });
    const bucket = new s3.Bucket(stack, 'Captures');

    // WHEN
    bucket.grantPut(model);

    // THEN
    expectDefaultPolicy(stack, [
      ...BASELINE,
      {
        Action: ['s3:PutObject', 's3:PutObjectLegalHold', 's3:PutObjectRetention', 's3:PutObjectTagging', 's3:PutObjectVersionTagging', 's3:Abort*'],
        Effect: 'Allow',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalIdOf(bucket), 'Arn'] }, '/*']] },
      },
    ]);
  });
});

describe('Model imports', () => {
  test('fromModelArn derives the name and keeps a lower-case ARN as is', () => {
    // GIVEN
    const { stack } = newStack();
    const arn = `arn:aws:sagemaker:${OTHER_REGION}:${OTHER_ACCOUNT}:model/churn-model`;

    // WHEN
    const model = Model.fromModelArn(stack, 'Model', arn);

    // THEN
    expect(model.modelName).toBe('churn-model');
    expect(model.modelArn).toBe(arn);
    expect(model.modelRef.modelArn).toBe(arn);
    expect(model.env).toEqual({ account: OTHER_ACCOUNT, region: OTHER_REGION });
    expect(model.role).toBeUndefined();
  });

  test('fromModelArn with a mixed-case name keeps the name and lower-cases it in the ARN, as SageMaker does', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const model = Model.fromModelArn(stack, 'Model', 'arn:aws:sagemaker:us-west-2:123456789012:model/MyModel');

    // THEN
    expect(model.modelName).toBe('MyModel');
    expect(model.modelArn).toBe('arn:aws:sagemaker:us-west-2:123456789012:model/mymodel');
  });

  test('fromModelArn with a token ARN splits the name out of it', () => {
    // GIVEN
    const { stack } = newStack();
    const arn = new CfnParameter(stack, 'ModelArn', { type: 'String' }).valueAsString;

    // WHEN
    const model = Model.fromModelArn(stack, 'Model', arn);

    // THEN
    expect(stack.resolve(model.modelArn)).toEqual({ Ref: 'ModelArn' });
    expect(stack.resolve(model.modelName)).toEqual({
      'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::Select': [5, { 'Fn::Split': [':', { Ref: 'ModelArn' }] }] }] }],
    });
  });

  test('fromModelArn with something else than a model ARN is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const arn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/churn`;

    // WHEN
    const message = errorOf(() => Model.fromModelArn(stack, 'Model', arn));

    // THEN
    expect(message).toBe('Invalid Model.fromModelArn:\n  - modelArn must be a SageMaker model ARN '
      + `arn:<partition>:sagemaker:<region>:<account-id>:model/<name>, got '${arn}'`);
  });

  test('fromModelAttributes with an invalid name in the ARN is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const modelArn = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/my_model`;

    // WHEN
    const message = errorOf(() => Model.fromModelAttributes(stack, 'Model', { modelArn }));

    // THEN
    expect(message).toBe('Invalid Model.fromModelAttributes:\n  - modelArn must name a valid model (1-63 characters matching '
      + `^[a-zA-Z0-9](-*[a-zA-Z0-9])*$) in arn:<partition>:sagemaker:<region>:<account-id>:model/<name>, got the name 'my_model' in '${modelArn}'`);
  });

  test('fromModelName builds the ARN in the stack\'s account and region', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const model = Model.fromModelName(stack, 'Model', 'my-name');

    // THEN
    expect(model.modelName).toBe('my-name');
    expect(stack.resolve(model.modelArn)).toEqual(partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model/my-name`));
  });

  test('fromModelName with a mixed-case name lower-cases it in the ARN', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const model = Model.fromModelName(stack, 'Model', 'MyModel');

    // THEN
    expect(model.modelName).toBe('MyModel');
    expect(stack.resolve(model.modelArn)).toEqual(partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model/mymodel`));
  });

  test('fromModelName with a token name uses it as is (it cannot be lower-cased at synth time)', () => {
    // GIVEN
    const { stack } = newStack();
    const name = new CfnParameter(stack, 'ModelName', { type: 'String' }).valueAsString;

    // WHEN
    const model = Model.fromModelName(stack, 'Model', name);

    // THEN
    expect(stack.resolve(model.modelArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:sagemaker:${REGION}:${ACCOUNT}:model/`, { Ref: 'ModelName' }]],
    });
  });

  test('fromModelName with an invalid name is an error', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => Model.fromModelName(stack, 'Model', 'my_model'));

    // THEN
    expect(message).toBe(`Invalid model import:\n  - modelName ${MODEL_NAME_RULE}, got 'my_model'`);
  });

  test('fromModelAttributes with a role: addToRolePolicy and grants go to the role', () => {
    // GIVEN
    const { stack } = newStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    const model = Model.fromModelAttributes(stack, 'Model', { modelArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/churn`, role });

    // WHEN
    model.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::features/*'] }));

    // THEN
    expect(model.grantPrincipal).toBe(role);
    expect(model.role).toBe(role);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: [{ Action: 's3:GetObject', Effect: 'Allow', Resource: 'arn:aws:s3:::features/*' }],
      }),
      Roles: [{ Ref: logicalIdOf(role) }],
    });
  });

  test('an import without a role: addToRolePolicy adds nothing and warns; grants go to an unknown principal', () => {
    // GIVEN
    const { stack } = newStack();
    const model = Model.fromModelArn(stack, 'Model', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/churn`);
    new s3.Bucket(stack, 'Bucket');

    // WHEN
    model.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::features/*'] }));

    // THEN
    expect(model.grantPrincipal).toBeInstanceOf(iam.UnknownPrincipal);
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
    Annotations.fromStack(stack).hasWarning(`/${MODEL_PATH}`,
      `The statement was not added: the execution role of imported model ${MODEL_PATH} is unknown; give role to `
      + 'Model.fromModelAttributes, or add the statement to the role itself. [ack: cdk-sagemaker-registry:modelRoleUnknown]');
  });

  test('an import with security groups: connections add rules to them', () => {
    // GIVEN
    const { stack } = newStack();
    const model = Model.fromModelAttributes(stack, 'Model', {
      modelArn: 'arn:aws:sagemaker:us-west-2:123456789012:model/MyModel',
      securityGroups: [ec2.SecurityGroup.fromSecurityGroupId(stack, 'SG', 'sg-12345678', { allowAllOutbound: false })],
    });

    // WHEN
    model.connections.allowToAnyIpv4(ec2.Port.tcp(443));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: 'sg-12345678',
      CidrIp: '0.0.0.0/0',
      FromPort: 443,
      ToPort: 443,
      IpProtocol: 'tcp',
    });
  });

  test('connections of an import without security groups throw', () => {
    // GIVEN
    const { stack } = newStack();
    const model = Model.fromModelAttributes(stack, 'Model', { modelArn: 'arn:aws:sagemaker:us-west-2:123456789012:model/MyModel' });

    // WHEN
    const message = errorOf(() => model.connections);

    // THEN
    expect(message).toBe('Invalid Model Stack/Model:\n  - connections needs a VPC to manage network access (give vpc to a Model, '
      + 'or securityGroups to Model.fromModelAttributes), got a model without security groups');
  });
});

describe('Model names in ARNs (SageMaker lower-cases them)', () => {
  test('an owned model with a mixed-case name: other environments get the lower-case ARN and the name as given', () => {
    // GIVEN
    const app = new App();
    const stack = new Stack(app, 'Stack', { env: ENV });
    const consumer = new Stack(app, 'Consumer', { env: { account: OTHER_ACCOUNT, region: REGION } });
    const model = new Model(stack, 'Model', { modelName: 'ChurnModel', containers: [{ image: registryImage() }] });

    // WHEN
    const role = new iam.Role(consumer, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sagemaker:DescribeModel'], resources: [model.modelArn] }));
    new iam.CfnRole(consumer, 'Tagged', {
      assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      tags: [{ key: 'model', value: model.modelName }],
    });

    // THEN
    const template = Template.fromStack(consumer);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.exact({
        Version: '2012-10-17',
        Statement: [{
          Action: 'sagemaker:DescribeModel',
          Effect: 'Allow',
          Resource: partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model/churnmodel`),
        }],
      }),
    });
    template.hasResourceProperties('AWS::IAM::Role', { Tags: [{ Key: 'model', Value: 'ChurnModel' }] });
    // In its own stack, the ARN is the one CloudFormation returns (Ref), which SageMaker lower-cases.
    expect(stack.resolve(model.modelArn)).toEqual({ Ref: MODEL_ID });
    expect(modelProperties(stack).ModelName).toBe('ChurnModel');
  });
});

/**
 * Values that would synthesize into a template CloudFormation rejects (or that YAML-based tools cannot
 * read) are reported at synth time.
 */
describe('Model: values CloudFormation rejects (snapshots, enum values, URI lengths, control characters)', () => {
  test('RemovalPolicy.SNAPSHOT is an error (models have no snapshots)', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { containers: [{ image: registryImage() }], removalPolicy: RemovalPolicy.SNAPSHOT }));

    // THEN
    expect(message).toBe(`Invalid Model ${MODEL_PATH}:\n  - removalPolicy must be RemovalPolicy.DESTROY, RemovalPolicy.RETAIN or `
      + 'RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE (AWS::SageMaker::Model has no snapshots, so CloudFormation rejects DeletionPolicy Snapshot), '
      + 'got RemovalPolicy.SNAPSHOT');
  });

  test('an inference execution mode that is not an InferenceExecutionMode value is an error', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', {
      containers: [{ image: registryImage() }],
      inferenceExecutionMode: 'serial' as InferenceExecutionMode,
    }));

    // THEN
    expect(message).toBe(`Invalid Model ${MODEL_PATH}:\n  - inferenceExecutionMode must be one of 'Serial', 'Direct' (InferenceExecutionMode), got 'serial'`);
  });

  test('container settings that are not values of their enums are errors', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', {
      containers: [{
        image: registryImage(),
        mode: 'multi' as ContainerMode,
        modelCacheSetting: 'On' as ModelCacheSetting,
        imageConfig: { repositoryAccessMode: 'ECR' as RepositoryAccessMode },
      }],
    }));

    // THEN
    expect(message.split('\n  - ')).toEqual(expect.arrayContaining([
      "containers[0].mode must be one of 'SingleModel', 'MultiModel' (ContainerMode), got 'multi'",
      "containers[0].modelCacheSetting must be one of 'Enabled', 'Disabled' (ModelCacheSetting), got 'On'",
      "containers[0].imageConfig.repositoryAccessMode must be one of 'Platform', 'Vpc' (RepositoryAccessMode), got 'ECR'",
    ]));
  });

  test('model data in a bucket whose S3 URI is longer than 1024 characters is an error', () => {
    // GIVEN
    const { stack } = newStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'model-artifacts');
    const key = `${'k'.repeat(1010)}.tar.gz`;
    const uri = `s3://model-artifacts/${key}`;

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { containers: [{ image: registryImage(), modelData: ModelData.fromBucket(bucket, key) }] }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n`
      + `  - containers[0].modelData must be between 1 and 1024 characters long, got ${uri.length} characters: '${uri.slice(0, 80)}...'`);
  });

  test('an environment value with DEL, which no template can carry, is an error', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { containers: [{ image: registryImage(), environment: { MODE: 'a\u007f' } }] }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n  - containers[0].environment.MODE must not contain U+007F `
      + '(a control character, non-character or unpaired surrogate), which a CloudFormation template cannot carry (YAML-based tools such as '
      + 'cfn-lint cannot read the template), got "a\\u007f"');
  });
});

describe('Model: maps that read as intrinsic functions', () => {
  test('an environment whose only variable is Ref is an error (CloudFormation would read it as a Ref)', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const message = errorOf(() => new Model(stack, 'Model', { containers: [{ image: registryImage(), environment: { Ref: 'AWS::Region' } }] }));

    // THEN
    expect(message).toBe(`Invalid containers[0] of Model ${MODEL_PATH}:\n  - containers[0].environment must not have 'Ref' as its only key: `
      + 'CloudFormation reads an object whose only key is Ref or Fn::<name> as an intrinsic function, not as data; rename the entry or add '
      + 'another, got {"Ref": "AWS::Region"}');
  });
});
