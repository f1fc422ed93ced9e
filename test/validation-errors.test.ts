/**
 * The one error path of synth-time failures: every construct and factory throws a
 * `ValidationError` that carries the construct path (for a construct's error) and a stable code per
 * rule; constructs check everything before they create, bind or grant anything; and no source file
 * throws a plain `Error` (the guard below keeps it so).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RemovalPolicy, Stack, aws_ecr as ecr, aws_iam as iam, aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import {
  Algorithm,
  ContainerImage,
  ContainerMode,
  DeploymentConfig,
  Endpoint,
  EndpointConfig,
  InstanceType,
  Model,
  ModelApprovalStatus,
  ModelData,
  ModelDataConfig,
  ModelPackage,
  ModelPackageApproval,
  ModelPackageGroup,
  RegistryRule,
  RegistryRules,
  TrainingInputMode,
} from '../src';
import { ACCOUNT, REGION } from './constants';
import { newStack } from './util';
import { ValidationError } from '../src/private/validate/error';

const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/xgboost:1`;
const OTHER_IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/xgboost:2`;
const VERSION = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/1`;

/** The error `fn` throws; fails the test when it throws none. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error, but none was thrown');
}

/** A model with one container. */
function newModel(scope: Construct, id = 'Model'): Model {
  return new Model(scope, id, { containers: [{ image: ContainerImage.fromRegistry(IMAGE) }] });
}

/** An endpoint configuration with one instance variant, `main`. */
function newConfig(stack: Stack): EndpointConfig {
  return new EndpointConfig(stack, 'Config', {
    instanceProductionVariants: [{ variantName: 'main', model: newModel(stack), instanceType: InstanceType.M5_XLARGE }],
  });
}

/** A directory named like an archive. */
function archiveDirectory(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'validation-errors-')), 'model.tar.gz');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'weights.bin'), 'weights');
  return dir;
}

/** What each site that used to throw a plain `Error` throws now: [site, failure, construct path, code of the first problem]. */
const SITES: Array<[string, (stack: Stack) => unknown, string | undefined, string]> = [
  ['ModelPackageApproval: an unknown approvalStatus',
    (stack) => new ModelPackageApproval(stack, 'Approve', {
      modelPackage: ModelPackage.fromModelPackageArn(stack, 'Version', VERSION),
      approvalStatus: 'Maybe' as ModelApprovalStatus,
    }),
    'Stack/Approve', 'approvalStatus'],
  ['ModelPackageApproval: PendingManualApproval',
    (stack) => new ModelPackageApproval(stack, 'Approve', {
      modelPackage: ModelPackage.fromModelPackageArn(stack, 'Version', VERSION),
      approvalStatus: ModelApprovalStatus.PENDING_MANUAL_APPROVAL,
    }),
    'Stack/Approve', 'approvalStatus'],
  ['ModelPackageApproval: a second approval of the same version',
    (stack) => {
      const modelPackage = ModelPackage.fromModelPackageArn(stack, 'Version', VERSION);
      new ModelPackageApproval(stack, 'Approve', { modelPackage, approvalStatus: ModelApprovalStatus.APPROVED });
      return new ModelPackageApproval(stack, 'Reject', { modelPackage, approvalStatus: ModelApprovalStatus.REJECTED });
    },
    'Stack/Reject', 'modelPackage'],
  ['InstanceType.of', () => InstanceType.of('m5.xlarge'), undefined, 'instanceType'],
  ['ModelData.fromBucket', (stack) => ModelData.fromBucket(s3.Bucket.fromBucketName(stack, 'B', 'artifacts'), 'model.zip'), undefined, 'objectKey'],
  ['ModelData.fromBucketObject', (stack) => ModelData.fromBucketObject(s3.Bucket.fromBucketName(stack, 'B', 'artifacts'), 'models/'),
    undefined, 'objectKey'],
  ['ModelData.fromBucketPrefix', (stack) => ModelData.fromBucketPrefix(s3.Bucket.fromBucketName(stack, 'B', 'artifacts'), 'models'),
    undefined, 'keyPrefix'],
  ['ModelData.fromS3Url: not a URL', () => ModelData.fromS3Url('artifacts/model.tar.gz'), undefined, 'url'],
  ['ModelData.fromS3Url: an invalid bucket', () => ModelData.fromS3Url('s3://My_Bucket/model.tar.gz'), undefined, 'url'],
  ['ModelData.fromS3Prefix', () => ModelData.fromS3Prefix('s3://artifacts/model.tar.gz'), undefined, 'url'],
  ['ModelData options', () => ModelData.fromS3Url('s3://artifacts/model.tar.gz', { hubContentArn: 'x'.repeat(256) }),
    undefined, 'options.hubContentArn'],
  ['ModelData.fromAsset: a directory', (stack) => ModelData.fromAsset(archiveDirectory()).bind(stack), undefined, 'path'],
  ['ModelPackage.fromModelPackageArn', (stack) => ModelPackage.fromModelPackageArn(stack, 'P', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/churn`),
    undefined, 'modelPackageArn'],
  ['ModelPackage.fromModelPackageName', (stack) => ModelPackage.fromModelPackageName(stack, 'P', 'churn/v1'), undefined, 'modelPackageName'],
  ['EndpointConfig.findInstanceProductionVariant', (stack) => newConfig(stack).findInstanceProductionVariant('canary'),
    'Stack/Config', 'findInstanceProductionVariant.name'],
  ['ContainerImage.fromEcrRepository', (stack) => ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'R', 'images'), 'my tag'),
    undefined, 'tagOrDigest'],
  ['ContainerImage.fromRegistry', () => ContainerImage.fromRegistry('registry.example.com/model latest'), undefined, 'imageUri'],
  ['Endpoint.findInstanceProductionVariant of an imported configuration',
    (stack) => new Endpoint(stack, 'Endpoint', { endpointConfig: EndpointConfig.fromEndpointConfigName(stack, 'Imported', 'c') })
      .findInstanceProductionVariant('main'),
    'Stack/Endpoint', 'findInstanceProductionVariant'],
  ['Endpoint: default rollback alarms of an imported configuration',
    (stack) => new Endpoint(stack, 'Endpoint', {
      endpointConfig: EndpointConfig.fromEndpointConfigName(stack, 'Imported', 'c'),
      deploymentConfig: DeploymentConfig.allAtOnce({ autoRollback: { createDefaultAlarms: true } }),
    }),
    'Stack/Endpoint', 'deploymentConfig.autoRollback.createDefaultAlarms'],
  ['Model.connections without a VPC', (stack) => newModel(stack).connections, 'Stack/Model', 'connections'],
  ['an ARN of another resource type (src/private/refs/arn.ts)', (stack) => Model.fromModelArn(stack, 'M', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/m`),
    undefined, 'modelArn'],
  ['an invalid name in an ARN (src/private/refs/arn.ts)',
    (stack) => Algorithm.fromAlgorithmArn(stack, 'A', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:algorithm/bad_name`), undefined, 'algorithmArn'],
  ['ModelPackageGroup: autoDeleteModelPackages without DESTROY',
    (stack) => new ModelPackageGroup(stack, 'Group', { autoDeleteModelPackages: true, removalPolicy: RemovalPolicy.RETAIN }),
    'Stack/Group', 'autoDeleteModelPackages'],
  ['ModelPackage grants: approving an unversioned package',
    (stack) => ModelPackage.fromModelPackageName(stack, 'Package', 'churn-marketplace')
      .grantApprove(new iam.Role(stack, 'Approver', { assumedBy: new iam.AccountRootPrincipal() })),
    'Stack/Package', 'grantApprove'],
  ['RegistryRules.suppress: an unknown rule', (stack) => RegistryRules.suppress(stack, 'Nope' as RegistryRule, 'reviewed: not applicable here'),
    undefined, 'rule'],
  ['RegistryRules.suppress: no reason', (stack) => RegistryRules.suppress(stack, RegistryRule.MODEL_CARD, 'ok'), undefined, 'reason'],
];

describe('every synth-time failure is a ValidationError', () => {
  test.each(SITES)('%s', (_, fail, constructPath, code) => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const error = thrownBy(() => fail(stack));

    // THEN
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.name).toBe('ValidationError');
    expect(v.constructPath).toBe(constructPath);
    expect(v.problems[0].code).toBe(code);
    expect(v.message).toMatch(/^Invalid [^\n]+:\n {2}- /);
    expect(v.message.endsWith(v.problems.map((p) => p.message).join('\n  - '))).toBe(true);
  });
});

describe('the single path stays single', () => {
  /** The TypeScript files under `dir`, recursively. */
  function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      return entry.isDirectory() ? sources(file) : entry.name.endsWith('.ts') ? [file] : [];
    });
  }

  test('no source file throws a plain Error (the deploy-time handlers and the handler bundle lookup excepted)', () => {
    const src = path.join(__dirname, '..', 'src');
    // The handlers run at deploy time, in Lambda; a missing handler bundle is a broken build, not a problem with the app's input.
    const exempt = [path.join(src, 'handlers') + path.sep, path.join(src, 'private', 'deploy-time', 'handler-bundle.ts')];
    const files = sources(src).filter((file) => !exempt.some((e) => file.startsWith(e)));
    expect(files.length).toBeGreaterThan(30);
    const offenders = files.flatMap((file) => fs.readFileSync(file, 'utf-8').split('\n')
      .flatMap((line, i) => (/\bthrow\s+(new\s+)?Error\s*\(/.test(line) ? [`${path.relative(src, file)}:${i + 1}: ${line.trim()}`] : [])));
    expect(offenders).toEqual([]);
  });
});

describe('constructs check everything before they create, bind or grant anything', () => {
  test('a rejected addContainer leaves no grant, no container and no environment bytes behind', () => {
    // GIVEN
    const { stack } = newStack();
    const repository = ecr.Repository.fromRepositoryName(stack, 'Images', 'rejected-images');
    const bucket = s3.Bucket.fromBucketName(stack, 'Artifacts', 'rejected-artifacts');
    const model = newModel(stack);
    // 20 values of 1000 characters: 20090 bytes.
    const environment = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`V${i}`, 'x'.repeat(1000)]));

    // WHEN: a multi-model container needs a prefix, and the archive given is only known from its model data
    const error = thrownBy(() => model.addContainer({
      image: ContainerImage.fromEcrRepository(repository, 'v1'),
      modelData: ModelData.fromBucket(bucket, 'model.tar.gz'),
      mode: ContainerMode.MULTI_MODEL,
      environment,
    }));
    // The rejected container's bytes do not count against the model's 32 KB.
    model.addContainer({ image: ContainerImage.fromRegistry(OTHER_IMAGE), environment });

    // THEN
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).constructPath).toBe('Stack/Model');
    expect((error as ValidationError).problems.map((p) => p.code)).toEqual(['containers[].modelData']);
    const template = Template.fromStack(stack);
    const rendered = JSON.stringify(template.toJSON());
    expect(rendered).not.toContain('rejected-images');
    expect(rendered).not.toContain('rejected-artifacts');
    const model0 = Object.values(template.findResources('AWS::SageMaker::Model'))[0] as any;
    expect(model0.Properties.Containers.map((c: any) => c.Image)).toEqual([IMAGE, OTHER_IMAGE]);
    expect(model0.Properties.Containers[1].Environment).toEqual(environment);
  });

  test('a model whose second container is rejected creates nothing: no role, no security group, no model', () => {
    // GIVEN
    const { stack } = newStack();
    const repository = ecr.Repository.fromRepositoryName(stack, 'Images', 'images');

    // WHEN
    const error = thrownBy(() => new Model(stack, 'Model', {
      containers: [
        { image: ContainerImage.fromEcrRepository(repository, 'v1') },
        { image: ContainerImage.fromRegistry(IMAGE), containerHostname: 'bad_name' },
      ],
    }));

    // THEN
    expect((error as ValidationError).problems.map((p) => p.code)).toEqual(['containers[].containerHostname']);
    expect((error as ValidationError).message).toMatch(/^Invalid containers\[1\] of Model Stack\/Model:/);
    expect(stack.node.findChild('Model').node.children).toEqual([]);
  });

  test('model data implemented outside this library is checked once bound', () => {
    // GIVEN
    const { stack } = newStack();
    class LongUrl extends ModelData {
      public bind(): ModelDataConfig {
        return { s3Uri: `s3://artifacts/${'k'.repeat(1010)}.tar.gz`, compressed: true };
      }
    }

    // WHEN
    const error = thrownBy(() => newModel(stack).addContainer({ image: ContainerImage.fromRegistry(OTHER_IMAGE), modelData: new LongUrl() }));

    // THEN
    expect((error as ValidationError).problems.map((p) => p.code)).toEqual(['containers[].modelData']);
  });

  test('a rejected model package grants its validation role nothing', () => {
    // GIVEN
    const { stack } = newStack();
    const role = new iam.Role(stack, 'ValidationRole', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    const key = new kms.Key(stack, 'Key');

    // WHEN
    const error = thrownBy(() => new ModelPackage(stack, 'Package', {
      modelPackageGroup: ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', 'churn'),
      description: 'x'.repeat(1025),
      inferenceSpecification: {
        containers: [{
          image: ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Images', 'images'), 'v1'),
          modelData: ModelData.fromBucket(s3.Bucket.fromBucketName(stack, 'Artifacts', 'artifacts'), 'model.tar.gz'),
        }],
        supportedContentTypes: ['text/csv'],
        supportedResponseMimeTypes: ['text/csv'],
      },
      validationSpecification: {
        role,
        profile: {
          profileName: 'smoke',
          transformJob: {
            input: { s3Uri: 's3://artifacts/validation/input/' },
            output: { s3OutputPath: 's3://artifacts/validation/output/', encryptionKey: key },
            resources: { instanceType: InstanceType.M5_XLARGE },
          },
        },
      },
    }));

    // THEN
    expect((error as ValidationError).problems.map((p) => p.code)).toEqual(['description']);
    expect(role.node.tryFindChild('DefaultPolicy')).toBeUndefined();
    expect(stack.node.findChild('Package').node.children).toEqual([]);
  });

  test('a rejected algorithm grants its validation role nothing', () => {
    // GIVEN
    const { stack } = newStack();
    const role = new iam.Role(stack, 'ValidationRole', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    const key = new kms.Key(stack, 'Key');

    // WHEN
    const error = thrownBy(() => new Algorithm(stack, 'Algorithm', {
      algorithmName: 'bad_name',
      trainingSpecification: {
        image: ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Images', 'images'), 'v1'),
        supportedInstanceTypes: [InstanceType.M5_XLARGE],
        channels: [{ name: 'train', supportedContentTypes: ['text/csv'], supportedInputModes: [TrainingInputMode.FILE] }],
      },
      validationSpecification: {
        role,
        profile: {
          profileName: 'smoke',
          trainingJob: {
            inputMode: TrainingInputMode.FILE,
            inputChannels: [{ channelName: 'train', s3Uri: 's3://data/train/' }],
            output: { s3OutputPath: 's3://data/output/', encryptionKey: key },
            resources: { instanceType: InstanceType.M5_XLARGE },
          },
        },
      },
    }));

    // THEN
    expect((error as ValidationError).problems.map((p) => p.code)).toEqual(['algorithmName']);
    expect(role.node.tryFindChild('DefaultPolicy')).toBeUndefined();
    expect(stack.node.findChild('Algorithm').node.children).toEqual([]);
  });
});
