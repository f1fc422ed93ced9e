/*
 * ModelData (src/model-data.ts): model artifacts in buckets, under prefixes, at S3 or HTTPS URLs and in
 * local assets, the read grants each binds, and the checks of keys, prefixes and URLs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CfnParameter,
  aws_kms as kms,
  aws_s3 as s3,
  aws_s3_assets as s3Assets,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ModelData } from '../src';
import { ACCOUNT, REGION } from './constants';
import { errorOf, expectNoPolicy, logicalIdOf, newRole, newStack, partitionArn, roleStatementsOf } from './util';

const S3_READ = ['s3:GetObject*', 's3:GetBucket*', 's3:List*'];
const ARCHIVE_RULE = "must name a single gzip-compressed tar archive ending in '.tar.gz' (SageMaker's ModelDataUrl)";
const PREFIX_HINT = 'for uncompressed model files under a prefix use ModelData.fromBucketPrefix() or ModelData.fromS3Prefix()';
const URL_RULE = 'url must be an s3:// or https:// URL of at most 1024 characters (pattern ^(https|s3):\\/\\/([^/]+)\\/?([^\\n]*)$)';
const ASSETS_BUCKET = `cdk-hnb659fds-assets-${ACCOUNT}-${REGION}`;

/** A fresh directory under the temporary directory. */
function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A small file named `name` in a fresh directory. */
function archive(name: string): string {
  const file = path.join(tempDir('model-'), name);
  fs.writeFileSync(file, 'not really a tarball, but assets only copy it');
  return file;
}

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
    expect(roleStatementsOf(role)).toEqual([
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
    const statements = roleStatementsOf(role);
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
    expect(roleStatementsOf(role)).toEqual([
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
    expect(roleStatementsOf(role)).toEqual([
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
    expect(roleStatementsOf(role)).toEqual([
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
    expect(roleStatementsOf(role)).toEqual([{
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

/** Bucket names in S3 URLs are checked with the rule they break. */
describe('ModelData: bucket names of S3 URLs', () => {
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
