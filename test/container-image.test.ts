/*
 * ContainerImage (src/container-image.ts): images from ECR repositories, registries and Docker assets,
 * the pull grants each binds, and the checks of URIs, tags and digests.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CfnParameter,
  aws_ecr as ecr,
  aws_ecr_assets as ecrAssets,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ContainerImage } from '../src';
import { ACCOUNT, REGION } from './constants';
import { errorOf, expectNoPolicy, logicalIdOf, newRole, newStack, partitionArn, roleStatementsOf } from './util';

const ECR_PULL = ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'];
const AUTH_TOKEN = { Action: 'ecr:GetAuthorizationToken', Effect: 'Allow', Resource: '*' };
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const IMAGES_REPOSITORY = `cdk-hnb659fds-container-assets-${ACCOUNT}-${REGION}`;

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
    expect(roleStatementsOf(role)).toEqual([
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
    expect(roleStatementsOf(role)).toEqual([
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
    expect(roleStatementsOf(role)).toEqual([
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
    expect(roleStatementsOf(role)).toEqual([
      { Action: ECR_PULL, Effect: 'Allow', Resource: partitionArn(`:ecr:${REGION}:${ACCOUNT}:repository/${IMAGES_REPOSITORY}`) },
      AUTH_TOKEN,
    ]);
  });
});

/** Characters that no template can carry, or that the API rejects, are reported where the image is given. */
describe('ContainerImage: characters of image URIs, tags and digests', () => {
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
});
