import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CfnElement,
  CfnParameter,
  Stack,
  Token,
  aws_ecr as ecr,
  aws_ecr_assets as ecrAssets,
  aws_iam as iam,
  aws_kms as kms,
  aws_s3 as s3,
  aws_s3_assets as s3Assets,
} from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Construct, IConstruct } from 'constructs';
import { ApprovalTransitions, ContainerImage, InstanceType, ModelApprovalStatus, ModelData } from '../src';
import { ACCOUNT, errorOf, newStack, partitionArn, REGION } from './util';

const { APPROVED, REJECTED, PENDING_MANUAL_APPROVAL: PENDING } = ModelApprovalStatus;
const S3_READ = ['s3:GetObject*', 's3:GetBucket*', 's3:List*'];
const ECR_PULL = ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'];
const AUTH_TOKEN = { Action: 'ecr:GetAuthorizationToken', Effect: 'Allow', Resource: '*' };
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const ARCHIVE_RULE = "must name a single gzip-compressed tar archive ending in '.tar.gz' (SageMaker's ModelDataUrl)";
const PREFIX_HINT = 'for uncompressed model files under a prefix use ModelData.fromBucketPrefix() or ModelData.fromS3Prefix()';
const URL_RULE = 'url must be an s3:// or https:// URL of at most 1024 characters (pattern ^(https|s3):\\/\\/([^/]+)\\/?([^\\n]*)$)';
const ASSETS_BUCKET = `cdk-hnb659fds-assets-${ACCOUNT}-${REGION}`;
const IMAGES_REPOSITORY = `cdk-hnb659fds-container-assets-${ACCOUNT}-${REGION}`;

function newRole(scope: Construct, id = 'Role'): iam.Role {
  return new iam.Role(scope, id, { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
}

function logicalIdOf(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}

/** The statements of the identity policy of `role` (the only policy of the template). */
function statementsOf(role: iam.Role): any[] {
  const stack = Stack.of(role);
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')) as any[];
  expect(policies).toHaveLength(1);
  expect(policies[0].Properties.Roles).toEqual([{ Ref: logicalIdOf(role) }]);
  return policies[0].Properties.PolicyDocument.Statement;
}

/** Asserts that nothing was granted to `role`: any grant would have created its default policy. */
function expectNoPolicy(role: iam.Role): void {
  expect(role.node.tryFindChild('DefaultPolicy')).toBeUndefined();
}

/** A fresh directory under the temporary directory. */
function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A directory with a Dockerfile whose content makes its asset hash unique. */
function dockerDir(label: string): string {
  const dir = tempDir('image-');
  fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM public.ecr.aws/docker/library/busybox:1.36\nLABEL model="${label}"\n`);
  return dir;
}

/** A small file named `name` in a fresh directory. */
function archive(name: string): string {
  const file = path.join(tempDir('model-'), name);
  fs.writeFileSync(file, 'not really a tarball, but assets only copy it');
  return file;
}

describe('ContainerImage.fromEcrRepository', () => {
  test('defaults to the latest tag and grants pull on exactly that repository', () => {
    // GIVEN
    const { stack } = newStack();
    const repository = new ecr.Repository(stack, 'Images');
    const role = newRole(stack);

    // WHEN
    const config = ContainerImage.fromEcrRepository(repository).bind(stack, role);

    // THEN
    expect(stack.resolve(config.imageName)).toEqual(stack.resolve(repository.repositoryUriForTag('latest')));
    expect(JSON.stringify(stack.resolve(config.imageName))).toMatch(/":latest"\]\]\}$/);
    expect(statementsOf(role)).toEqual([
      { Action: ECR_PULL, Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalIdOf(repository), 'Arn'] } },
      AUTH_TOKEN,
    ]);
  });

  test('a tag or a digest', () => {
    // GIVEN
    const { stack } = newStack();
    const repository = ecr.Repository.fromRepositoryName(stack, 'Images', 'churn-inference');

    // WHEN
    const tagged = ContainerImage.fromEcrRepository(repository, '1.7-1').bind(stack);
    const pinned = ContainerImage.fromEcrRepository(repository, DIGEST).bind(stack);

    // THEN
    const uri = (suffix: string) => ({
      'Fn::Join': ['', [`${ACCOUNT}.dkr.ecr.${REGION}.`, { Ref: 'AWS::URLSuffix' }, `/churn-inference${suffix}`]],
    });
    expect(stack.resolve(tagged.imageName)).toEqual(uri(':1.7-1'));
    expect(stack.resolve(pinned.imageName)).toEqual(uri(`@${DIGEST}`));
  });

  test('an imported repository grants pull on its ARN', () => {
    // GIVEN
    const { stack } = newStack();
    const repository = ecr.Repository.fromRepositoryName(stack, 'Images', 'churn-inference');
    const role = newRole(stack);

    // WHEN
    ContainerImage.fromEcrRepository(repository, '2').bind(stack, role);

    // THEN
    expect(statementsOf(role)).toEqual([
      { Action: ECR_PULL, Effect: 'Allow', Resource: partitionArn(`:ecr:${REGION}:${ACCOUNT}:repository/churn-inference`) },
      AUTH_TOKEN,
    ]);
  });
});

describe('ContainerImage.fromRegistry', () => {
  test('returns the URI as given and grants nothing', () => {
    // GIVEN
    const { stack } = newStack();
    const role = newRole(stack);
    const uri = '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1-cpu-py310';

    // WHEN
    const config = ContainerImage.fromRegistry(uri).bind(stack, role);

    // THEN
    expect(config).toEqual({ imageName: uri });
    expectNoPolicy(role);
  });

  test('a URI of exactly 255 characters and a token are accepted', () => {
    // GIVEN
    const { stack } = newStack();
    const long = `registry.example.com/${'r'.repeat(255 - 21)}`;
    const token = new CfnParameter(stack, 'Image').valueAsString;

    // THEN
    expect(long).toHaveLength(255);
    expect(ContainerImage.fromRegistry(long).bind(stack).imageName).toBe(long);
    expect(ContainerImage.fromRegistry(token).bind(stack).imageName).toBe(token);
  });

  test.each([
    ['whitespace', 'my registry/image:1'],
    ['a line break', 'registry/image:1\n'],
    ['nothing', ''],
    ['256 characters', `registry.example.com/${'r'.repeat(256 - 21)}`],
  ])('rejects a URI with %s', (_, uri) => {
    expect(errorOf(() => ContainerImage.fromRegistry(uri))).toBe(
      `Invalid ContainerImage.fromRegistry:\n  - imageUri must be 1-255 characters without whitespace or control characters, got '${uri}' (${uri.length} characters)`);
  });
});

describe('ContainerImage.fromAsset', () => {
  test('creates a Docker image asset in the scope, whose URI is the image, and grants pull on the assets repository', () => {
    // GIVEN
    const { app, stack } = newStack();
    const scope = new Construct(stack, 'Consumer');
    const role = newRole(stack);

    // WHEN
    const config = ContainerImage.fromAsset(dockerDir('churn')).bind(scope, role);

    // THEN
    const asset = scope.node.findChild('ContainerImageAsset') as ecrAssets.DockerImageAsset;
    expect(asset).toBeInstanceOf(ecrAssets.DockerImageAsset);
    expect(stack.resolve(config.imageName)).toEqual({
      'Fn::Sub': `${ACCOUNT}.dkr.ecr.${REGION}.\${AWS::URLSuffix}/${IMAGES_REPOSITORY}:${asset.assetHash}`,
    });
    expect(statementsOf(role)).toEqual([
      { Action: ECR_PULL, Effect: 'Allow', Resource: partitionArn(`:ecr:${REGION}:${ACCOUNT}:repository/${IMAGES_REPOSITORY}`) },
      AUTH_TOKEN,
    ]);
    const assembly = app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'Stack.assets.json'), 'utf-8'));
    expect(Object.keys(manifest.dockerImages)).toEqual([asset.assetHash]);
  });

  test('passes the build options on', () => {
    // GIVEN
    const { stack } = newStack();
    const dir = dockerDir('options');

    // WHEN
    ContainerImage.fromAsset(dir, { buildArgs: { MODEL: 'churn' } }).bind(stack);
    ContainerImage.fromAsset(dir).bind(stack);

    // THEN: the build arguments are part of the asset hash
    const first = stack.node.findChild('ContainerImageAsset') as ecrAssets.DockerImageAsset;
    const second = stack.node.findChild('ContainerImageAsset2') as ecrAssets.DockerImageAsset;
    expect(first.assetHash).not.toBe(second.assetHash);
  });

  test('two images bound in one scope get their own assets; one image bound twice reuses its asset', () => {
    // GIVEN
    const { stack } = newStack();
    const scope = new Construct(stack, 'Consumer');
    const churn = ContainerImage.fromAsset(dockerDir('churn'));
    const fraud = ContainerImage.fromAsset(dockerDir('fraud'));

    // WHEN
    const churnUri = churn.bind(scope).imageName;
    const fraudUri = fraud.bind(scope).imageName;
    const churnAgain = churn.bind(scope).imageName;

    // THEN
    const assets = scope.node.children.filter((c) => c instanceof ecrAssets.DockerImageAsset) as ecrAssets.DockerImageAsset[];
    expect(assets.map((a) => a.node.id)).toEqual(['ContainerImageAsset', 'ContainerImageAsset2']);
    expect(assets[0].assetHash).not.toBe(assets[1].assetHash);
    expect(stack.resolve(churnUri)).toEqual(stack.resolve(assets[0].imageUri));
    expect(stack.resolve(fraudUri)).toEqual(stack.resolve(assets[1].imageUri));
    expect(churnAgain).toBe(churnUri);
  });
});

describe('ContainerImage.fromDockerImageAsset', () => {
  test('uses the asset URI and grants pull on its repository', () => {
    // GIVEN
    const { stack } = newStack();
    const asset = new ecrAssets.DockerImageAsset(stack, 'Image', { directory: dockerDir('existing') });
    const role = newRole(stack);

    // WHEN
    const config = ContainerImage.fromDockerImageAsset(asset).bind(stack, role);

    // THEN
    expect(config.imageName).toBe(asset.imageUri);
    expect(statementsOf(role)).toEqual([
      { Action: ECR_PULL, Effect: 'Allow', Resource: partitionArn(`:ecr:${REGION}:${ACCOUNT}:repository/${IMAGES_REPOSITORY}`) },
      AUTH_TOKEN,
    ]);
  });
});

describe('ModelData.fromBucket', () => {
  test('a compressed archive: its S3 URI, read access to exactly that object', () => {
    // GIVEN
    const { stack } = newStack();
    const bucket = new s3.Bucket(stack, 'Artifacts');
    const role = newRole(stack);

    // WHEN
    const config = ModelData.fromBucket(bucket, 'churn/model.tar.gz').bind(stack, role);

    // THEN
    expect(stack.resolve(config)).toEqual({
      s3Uri: { 'Fn::Join': ['', ['s3://', { Ref: logicalIdOf(bucket) }, '/churn/model.tar.gz']] },
      compressed: true,
      acceptEula: undefined,
    });
    const bucketArn = { 'Fn::GetAtt': [logicalIdOf(bucket), 'Arn'] };
    expect(statementsOf(role)).toEqual([
      { Action: S3_READ, Effect: 'Allow', Resource: [bucketArn, { 'Fn::Join': ['', [bucketArn, '/churn/model.tar.gz']] }] },
    ]);
  });

  test('a bucket encrypted with a KMS key also grants decrypt', () => {
    // GIVEN
    const { stack } = newStack();
    const key = new kms.Key(stack, 'Key');
    const bucket = new s3.Bucket(stack, 'Artifacts', { encryptionKey: key });
    const role = newRole(stack);

    // WHEN
    ModelData.fromBucket(bucket, 'model.tar.gz', { acceptEula: true }).bind(stack, role);

    // THEN
    const statements = statementsOf(role);
    expect(statements).toHaveLength(2);
    expect(statements[1]).toEqual({
      Action: ['kms:Decrypt', 'kms:DescribeKey'],
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [logicalIdOf(key), 'Arn'] },
    });
  });

  test('acceptEula is passed on', () => {
    // GIVEN
    const { stack } = newStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Artifacts', 'artifacts');

    // THEN
    expect(ModelData.fromBucket(bucket, 'model.tar.gz', { acceptEula: false }).bind(stack)).toEqual({
      s3Uri: 's3://artifacts/model.tar.gz', compressed: true, acceptEula: false,
    });
  });

  test.each(['model.zip', 'model.tar', 'model.gz', 'models/'])('rejects the key %j', (key) => {
    // GIVEN
    const { stack } = newStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Artifacts', 'artifacts');

    // THEN
    expect(errorOf(() => ModelData.fromBucket(bucket, key))).toBe(
      `Invalid ModelData.fromBucket:\n  - objectKey ${ARCHIVE_RULE}, got '${key}'; ${PREFIX_HINT}`);
  });
});

describe('ModelData.fromBucketPrefix', () => {
  test('uncompressed files: the prefix URI, read access to the objects under it', () => {
    // GIVEN
    const { stack } = newStack();
    const bucket = new s3.Bucket(stack, 'Artifacts');
    const role = newRole(stack);

    // WHEN
    const config = ModelData.fromBucketPrefix(bucket, 'churn/uncompressed/', { acceptEula: true }).bind(stack, role);

    // THEN
    expect(stack.resolve(config)).toEqual({
      s3Uri: { 'Fn::Join': ['', ['s3://', { Ref: logicalIdOf(bucket) }, '/churn/uncompressed/']] },
      compressed: false,
      acceptEula: true,
    });
    const bucketArn = { 'Fn::GetAtt': [logicalIdOf(bucket), 'Arn'] };
    expect(statementsOf(role)).toEqual([
      { Action: S3_READ, Effect: 'Allow', Resource: [bucketArn, { 'Fn::Join': ['', [bucketArn, '/churn/uncompressed/*']] }] },
    ]);
  });

  test('rejects a prefix that does not end with /', () => {
    // GIVEN
    const { stack } = newStack();
    const bucket = s3.Bucket.fromBucketName(stack, 'Artifacts', 'artifacts');

    // THEN
    expect(errorOf(() => ModelData.fromBucketPrefix(bucket, 'churn/model.tar.gz'))).toBe(
      "Invalid ModelData.fromBucketPrefix:\n  - keyPrefix must end with '/' (SageMaker reads every object under the prefix), "
      + "got 'churn/model.tar.gz'; for a single compressed archive use ModelData.fromBucket()");
  });
});

describe('ModelData.fromS3Url', () => {
  test('an s3:// URL: the URL as given, read access to the object through an imported bucket', () => {
    // GIVEN
    const { stack } = newStack();
    const scope = new Construct(stack, 'Consumer');
    const role = newRole(stack);

    // WHEN
    const first = ModelData.fromS3Url('s3://artifacts/churn/model.tar.gz').bind(scope, role);
    const second = ModelData.fromS3Url('s3://other-artifacts/fraud.tar.gz').bind(scope, role);

    // THEN
    expect(first).toEqual({ s3Uri: 's3://artifacts/churn/model.tar.gz', compressed: true, acceptEula: undefined });
    expect(second.s3Uri).toBe('s3://other-artifacts/fraud.tar.gz');
    expect(scope.node.children.map((c) => c.node.id)).toEqual(['ModelDataBucket', 'ModelDataBucket2']);
    expect(statementsOf(role)).toEqual([
      { Action: S3_READ, Effect: 'Allow', Resource: [partitionArn(':s3:::artifacts'), partitionArn(':s3:::artifacts/churn/model.tar.gz')] },
      { Action: S3_READ, Effect: 'Allow', Resource: [partitionArn(':s3:::other-artifacts'), partitionArn(':s3:::other-artifacts/fraud.tar.gz')] },
    ]);
  });

  test('an https:// URL is used as given and grants nothing', () => {
    // GIVEN
    const { stack } = newStack();
    const role = newRole(stack);
    const url = 'https://artifacts.s3.us-east-1.amazonaws.com/churn/model.tar.gz';

    // WHEN
    const config = ModelData.fromS3Url(url, { acceptEula: true }).bind(stack, role);

    // THEN
    expect(config).toEqual({ s3Uri: url, compressed: true, acceptEula: true });
    expect(stack.node.tryFindChild('ModelDataBucket')).toBeUndefined();
    expectNoPolicy(role);
  });

  test('a token URL is accepted and grants nothing', () => {
    // GIVEN
    const { stack } = newStack();
    const role = newRole(stack);
    const url = new CfnParameter(stack, 'ModelUrl').valueAsString;

    // WHEN
    const config = ModelData.fromS3Url(url).bind(stack, role);

    // THEN
    expect(config.s3Uri).toBe(url);
    expectNoPolicy(role);
  });

  test('rejects an s3:// URL that is not a .tar.gz archive', () => {
    expect(errorOf(() => ModelData.fromS3Url('s3://artifacts/churn/model.zip'))).toBe(
      `Invalid ModelData.fromS3Url:\n  - url ${ARCHIVE_RULE}, got 's3://artifacts/churn/model.zip'; ${PREFIX_HINT}`);
  });

  test.each([
    ['no scheme', 'artifacts/churn/model.tar.gz'],
    ['another scheme', 'gs://artifacts/churn/model.tar.gz'],
    ['no bucket', 's3:///model.tar.gz'],
    ['over 1024 characters', `s3://artifacts/${'k'.repeat(1003)}.tar.gz`],
  ])('rejects a URL with %s', (_, url) => {
    expect(errorOf(() => ModelData.fromS3Url(url))).toBe(`Invalid ModelData.fromS3Url:\n  - ${URL_RULE}, got '${url}'`);
  });

  test('a URL of exactly 1024 characters is accepted', () => {
    const url = `s3://artifacts/${'k'.repeat(1002)}.tar.gz`;
    expect(url).toHaveLength(1024);
    expect(ModelData.fromS3Url(url).bind(newStack().stack).s3Uri).toBe(url);
  });
});

describe('ModelData.fromS3Prefix', () => {
  test('an s3:// prefix: uncompressed, read access to the objects under it', () => {
    // GIVEN
    const { stack } = newStack();
    const role = newRole(stack);

    // WHEN
    const config = ModelData.fromS3Prefix('s3://artifacts/churn/uncompressed/', { acceptEula: false }).bind(stack, role);

    // THEN
    expect(config).toEqual({ s3Uri: 's3://artifacts/churn/uncompressed/', compressed: false, acceptEula: false });
    expect(statementsOf(role)).toEqual([
      { Action: S3_READ, Effect: 'Allow', Resource: [partitionArn(':s3:::artifacts'), partitionArn(':s3:::artifacts/churn/uncompressed/*')] },
    ]);
  });

  test('rejects a prefix that does not end with /', () => {
    expect(errorOf(() => ModelData.fromS3Prefix('s3://artifacts/churn/model.tar.gz'))).toBe(
      "Invalid ModelData.fromS3Prefix:\n  - url must end with '/' (SageMaker reads every object under the prefix), "
      + "got 's3://artifacts/churn/model.tar.gz'; for a single compressed archive use ModelData.fromS3Url()");
  });

  test('rejects a URL that is not s3:// or https://', () => {
    expect(errorOf(() => ModelData.fromS3Prefix('ftp://artifacts/churn/'))).toBe(
      `Invalid ModelData.fromS3Prefix:\n  - ${URL_RULE}, got 'ftp://artifacts/churn/'`);
  });
});

describe('ModelData.fromAsset', () => {
  test('publishes a local .tar.gz file as an asset in the scope and grants read on it', () => {
    // GIVEN
    const { stack } = newStack();
    const scope = new Construct(stack, 'Consumer');
    const role = newRole(stack);

    // WHEN
    const data = ModelData.fromAsset(archive('model.tar.gz'));
    const config = data.bind(scope, role);
    const again = data.bind(scope);

    // THEN
    const asset = scope.node.findChild('ModelDataAsset') as s3Assets.Asset;
    expect(asset).toBeInstanceOf(s3Assets.Asset);
    expect(asset.isFile).toBe(true);
    expect(scope.node.children).toHaveLength(1);
    expect(config).toEqual({ s3Uri: asset.s3ObjectUrl, compressed: true });
    expect(again.s3Uri).toBe(config.s3Uri);
    expect(stack.resolve(config.s3Uri)).toMatch(new RegExp(`^s3://${ASSETS_BUCKET}/${asset.assetHash}\\.gz$`));
    expect(statementsOf(role)).toEqual([{
      Action: S3_READ,
      Effect: 'Allow',
      // Exactly the uploaded archive, not the whole assets bucket.
      Resource: [partitionArn(`:s3:::${ASSETS_BUCKET}`), partitionArn(`:s3:::${ASSETS_BUCKET}/${asset.assetHash}.gz`)],
    }]);
  });

  test('two archives bound in one scope get their own assets', () => {
    // GIVEN
    const { stack } = newStack();
    const first = archive('a.tar.gz');
    const second = path.join(path.dirname(first), 'b.tar.gz');
    fs.writeFileSync(second, 'other content');

    // WHEN
    ModelData.fromAsset(first).bind(stack);
    ModelData.fromAsset(second).bind(stack);

    // THEN
    const assets = stack.node.children.filter((c) => c instanceof s3Assets.Asset) as s3Assets.Asset[];
    expect(assets.map((a) => a.node.id)).toEqual(['ModelDataAsset', 'ModelDataAsset2']);
    expect(assets[0].assetHash).not.toBe(assets[1].assetHash);
  });

  test('rejects a path that does not end in .tar.gz', () => {
    const file = archive('model.zip');
    expect(errorOf(() => ModelData.fromAsset(file))).toBe(`Invalid ModelData.fromAsset:\n  - path ${ARCHIVE_RULE}, got '${file}'; ${PREFIX_HINT}`);
  });

  test('rejects a directory named like an archive when it is bound', () => {
    // GIVEN
    const { stack } = newStack();
    const dir = path.join(tempDir('model-'), 'model.tar.gz');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'weights.bin'), 'weights');
    const data = ModelData.fromAsset(dir);

    // THEN
    expect(errorOf(() => data.bind(stack))).toBe(`Invalid ModelData.fromAsset:\n  - path must be a .tar.gz file, got the directory '${dir}'`);
  });
});

describe('InstanceType', () => {
  test.each([
    ['T2_MEDIUM', 'ml.t2.medium'],
    ['M5_LARGE', 'ml.m5.large'],
    ['M5_XLARGE', 'ml.m5.xlarge'],
    ['M5_2XLARGE', 'ml.m5.2xlarge'],
    ['M5_4XLARGE', 'ml.m5.4xlarge'],
    ['M5_12XLARGE', 'ml.m5.12xlarge'],
    ['M5_24XLARGE', 'ml.m5.24xlarge'],
    ['C5_LARGE', 'ml.c5.large'],
    ['C5_XLARGE', 'ml.c5.xlarge'],
    ['C5_2XLARGE', 'ml.c5.2xlarge'],
    ['C5_4XLARGE', 'ml.c5.4xlarge'],
    ['C5_9XLARGE', 'ml.c5.9xlarge'],
    ['R5_LARGE', 'ml.r5.large'],
    ['R5_XLARGE', 'ml.r5.xlarge'],
    ['G4DN_XLARGE', 'ml.g4dn.xlarge'],
    ['G4DN_2XLARGE', 'ml.g4dn.2xlarge'],
    ['G5_XLARGE', 'ml.g5.xlarge'],
    ['G5_2XLARGE', 'ml.g5.2xlarge'],
    ['G5_12XLARGE', 'ml.g5.12xlarge'],
    ['P3_2XLARGE', 'ml.p3.2xlarge'],
    ['P4D_24XLARGE', 'ml.p4d.24xlarge'],
    ['INF2_XLARGE', 'ml.inf2.xlarge'],
  ])('InstanceType.%s is %s', (constant, name) => {
    expect((InstanceType as any)[constant].toString()).toBe(name);
  });

  test('every constant is listed above', () => {
    const constants = Object.keys(InstanceType).filter((k) => (InstanceType as any)[k] instanceof InstanceType);
    expect(constants).toHaveLength(22);
  });

  test.each(['ml.p4de.24xlarge', 'ml.trn1n.32xlarge', 'ml.c7i.48xlarge', 'ml.inf2-x.xlarge'])('of(%j) is accepted as is', (name) => {
    expect(InstanceType.of(name).toString()).toBe(name);
  });

  test.each(['m5.xlarge', 'ml.m5', 'ML.M5.XLARGE', 'ml.m5.xlarge ', 'ml..xlarge', 'ml.m5.x.large', '', 'db.m5.large'])(
    'of(%j) is rejected', (name) => {
      expect(errorOf(() => InstanceType.of(name))).toBe('Invalid InstanceType.of:\n  - instanceType must be a SageMaker ML instance type of '
        + `the form ml.<family>.<size> (for example ml.m5.xlarge), got '${name}'`);
    });

  test('of() accepts a token and renders it', () => {
    // GIVEN
    const { stack } = newStack();
    const param = new CfnParameter(stack, 'InstanceType');

    // WHEN
    const type = InstanceType.of(param.valueAsString);

    // THEN
    expect(Token.isUnresolved(type.toString())).toBe(true);
    expect(stack.resolve(type.toString())).toEqual({ Ref: 'InstanceType' });
  });
});

describe('ApprovalTransitions', () => {
  test.each([
    [PENDING, APPROVED, true],
    [PENDING, REJECTED, true],
    [REJECTED, APPROVED, true],
    [APPROVED, REJECTED, true],
    [PENDING, PENDING, true],
    [APPROVED, APPROVED, true],
    [REJECTED, REJECTED, true],
    [APPROVED, PENDING, false],
    [REJECTED, PENDING, false],
  ])('canTransition(%s, %s) is %s', (from, to, expected) => {
    expect(ApprovalTransitions.canTransition(from, to)).toBe(expected);
  });

  test('targetsFrom lists the documented targets', () => {
    expect(ApprovalTransitions.targetsFrom(PENDING)).toEqual([APPROVED, REJECTED]);
    expect(ApprovalTransitions.targetsFrom(REJECTED)).toEqual([APPROVED]);
    expect(ApprovalTransitions.targetsFrom(APPROVED)).toEqual([REJECTED]);
  });

  test('DOCUMENTED holds the four transitions of the Developer Guide, in its order', () => {
    expect(ApprovalTransitions.DOCUMENTED).toEqual([
      { from: PENDING, to: APPROVED },
      { from: PENDING, to: REJECTED },
      { from: REJECTED, to: APPROVED },
      { from: APPROVED, to: REJECTED },
    ]);
  });

  test('the statuses are the API strings', () => {
    expect([APPROVED, REJECTED, PENDING]).toEqual(['Approved', 'Rejected', 'PendingManualApproval']);
  });
});

/**
 * Mistakes that the property tests (test/property) found synthesizing into templates that cfn-lint
 * rejects (or failing with an error that does not name the property); each is now reported where
 * the value is given.
 */
describe('Shared types: mistakes the property tests found', () => {
  test.each([
    ['U+0085 (whitespace to CloudFormation)', 'registry/image:1\u0085x'],
    ['a control character', 'registry/image:1\u001cx'],
    ['DEL', 'registry/image:1\u007f'],
    ['an unpaired surrogate', 'registry/image:\ud800'],
  ])('ContainerImage.fromRegistry rejects a URI with %s', (_, uri) => {
    expect(errorOf(() => ContainerImage.fromRegistry(uri))).toBe(
      `Invalid ContainerImage.fromRegistry:\n  - imageUri must be 1-255 characters without whitespace or control characters, got '${uri}' (${uri.length} characters)`);
  });

  test.each(['', 'my tag', '-leading', '.hidden', 'a/b', 'sha256:abc', 'v1\u0085', 'x'.repeat(129)])(
    'ContainerImage.fromEcrRepository rejects the tag or digest %j', (tag) => {
      // GIVEN
      const { stack } = newStack();
      const repository = ecr.Repository.fromRepositoryName(stack, 'Images', 'churn-inference');

      // THEN
      expect(errorOf(() => ContainerImage.fromEcrRepository(repository, tag))).toBe('Invalid ContainerImage.fromEcrRepository:\n  - tagOrDigest must be an '
        + 'image tag (1-128 letters, digits, underscores, dots and hyphens, not starting with a dot or hyphen; pattern ^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$) '
        + `or a digest 'sha256:' followed by 64 hexadecimal digits, got ${JSON.stringify(tag)} (${tag.length} characters)`);
    });

  test.each(['latest', '1.7-1', '_build.2', 'x'.repeat(128), DIGEST])('ContainerImage.fromEcrRepository accepts the tag or digest %j', (tag) => {
    // GIVEN
    const { stack } = newStack();
    const repository = ecr.Repository.fromRepositoryName(stack, 'Images', 'churn-inference');

    // THEN
    expect(() => ContainerImage.fromEcrRepository(repository, tag)).not.toThrow();
    expect(() => ContainerImage.fromEcrRepository(repository, new CfnParameter(stack, 'Tag').valueAsString)).not.toThrow();
  });

  test.each([
    ['b1', 'Bucket name must be at least 3 and no more than 63 characters'],
    ['My_Bucket', 'Bucket name must only contain lowercase characters and the symbols, period (.) and dash (-) (offset: 0); '
      + 'Bucket name must start with a lowercase character or number (offset: 0)'],
  ])('ModelData.fromS3Url and fromS3Prefix reject the bucket %j with the rule it breaks', (bucket, reason) => {
    expect(errorOf(() => ModelData.fromS3Url(`s3://${bucket}/model.tar.gz`))).toBe(
      `Invalid ModelData.fromS3Url:\n  - url must name a valid S3 bucket (${reason}), got bucket '${bucket}' in 's3://${bucket}/model.tar.gz'`);
    expect(errorOf(() => ModelData.fromS3Prefix(`s3://${bucket}/models/`))).toBe(
      `Invalid ModelData.fromS3Prefix:\n  - url must name a valid S3 bucket (${reason}), got bucket '${bucket}' in 's3://${bucket}/models/'`);
  });
});
