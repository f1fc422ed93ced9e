import {
  Annotations as CoreAnnotations,
  App,
  CfnParameter,
  Lazy,
  RemovalPolicy,
  Size,
  Stack,
  Tags,
  Token,
  aws_ecr as ecr,
  aws_iam as iam,
  aws_kms as kms,
  aws_s3 as s3,
  aws_sagemaker as sagemaker,
} from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { IConstruct } from 'constructs';
import {
  AdditionalInferenceSpecification,
  AssembleWith,
  BatchStrategy,
  CompressionType,
  ContainerImage,
  IModelPackage,
  InferenceContainer,
  InferenceSpecification,
  InstanceType,
  MetricsSource,
  ModelApprovalStatus,
  ModelCardStatus,
  ModelLifeCycle,
  ModelData,
  ModelPackage,
  ModelPackageApproval,
  ModelPackageGroup,
  ModelPackageProps,
  SplitType,
  TransformInputDataType,
  TransformJobDefinition,
} from '../src';
import { ACCOUNT, ENV, OTHER_ACCOUNT, OTHER_REGION, REGION, XGBOOST_IMAGE } from './constants';
import { approvalHandlerStatements, errorOf, logicalIdOf, newStack, partitionArn, resourcesOf } from './util';

const PACKAGE_TYPE = 'AWS::SageMaker::ModelPackage';
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const OTHER_DIGEST = `sha256:${'fedcba9876543210'.repeat(4)}`;
const TAGS_REMOVED = 'cdk-sagemaker-registry:versionTagsRemoved';
const ARN_FORMATS = 'arn:<partition>:sagemaker:<region>:<account-id>:model-package/<group>/<version> for a version or '
  + 'arn:<partition>:sagemaker:<region>:<account-id>:model-package/<name> for an unversioned package';
const NAME_RULE = 'must contain only letters (a-z, A-Z), digits (0-9) and hyphens (-), and start and end with a letter or digit '
  + '(pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$)';
const S3_URI_RULE = 'must be an s3:// or https:// URI (pattern ^(https|s3):\\/\\/([^/]+)\\/?([^\\n]*)$)';
const DIGEST_RULE = "must be 'sha256:' followed by 64 hexadecimal digits (pattern ^[Ss][Hh][Aa]256:[0-9a-fA-F]{64}$)";
const ENV_NAME_RULE = 'names must be 1-1024 letters, digits and underscores not starting with a digit (pattern ^[a-zA-Z_][a-zA-Z0-9_]*$)';
const METADATA_RULE = 'must be letters, spaces, digits and _.:/=+-@ (pattern ^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$)';
const CONTROL_RULE = 'must not contain control characters such as line breaks or tabs (pattern [\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*)';
const CONTAINER = 'inferenceSpecification.containers[0]';
const TRANSFORM = 'validationSpecification.profile.transformJob';

/**
 * The problems reported when `Stack/Package` is defined with the given props; asserts that they
 * come as one error with the construct path.
 */
function problemsOf(props: (stack: Stack) => ModelPackageProps): string[] {
  const { stack } = newStack();
  const message = errorOf(() => new ModelPackage(stack, 'Package', props(stack)));
  const [head, ...problems] = message.split('\n  - ');
  expect(head).toBe('Invalid ModelPackage Stack/Package:');
  return problems;
}

/** A text of `n` characters, and how validateLength() echoes it (cut after 80 characters). */
function text(n: number, c = 'x'): string {
  return c.repeat(n);
}
function echoed(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}...` : value;
}

function container(extra: Partial<InferenceContainer> = {}): InferenceContainer {
  return { image: ContainerImage.fromRegistry(XGBOOST_IMAGE), ...extra };
}

/** One container with content types: the minimal inference specification of a version. */
function minimalSpec(extra: Partial<InferenceSpecification> = {}): InferenceSpecification {
  return {
    containers: [container()],
    supportedContentTypes: ['text/csv'],
    supportedResponseMimeTypes: ['text/csv'],
    ...extra,
  };
}

/** The minimal inference specification of an unversioned package: with instance types. */
function unversionedSpec(extra: Partial<InferenceSpecification> = {}): InferenceSpecification {
  return minimalSpec({
    supportedRealtimeInferenceInstanceTypes: [InstanceType.M5_LARGE],
    supportedTransformInstanceTypes: [InstanceType.M5_XLARGE],
    ...extra,
  });
}

/** Props of a valid version in imported group `churn`, with `extra` applied. */
function versionProps(stack: Stack, extra: Partial<ModelPackageProps> = {}): ModelPackageProps {
  return {
    modelPackageGroup: ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', 'churn'),
    inferenceSpecification: minimalSpec(),
    ...extra,
  };
}

/** Props of a valid unversioned package, with `extra` applied. */
function unversionedProps(extra: Partial<ModelPackageProps> = {}): ModelPackageProps {
  return { modelPackageName: 'churn-marketplace', inferenceSpecification: unversionedSpec(), ...extra };
}

/** A validation transform job with only the required parts. */
function transformJob(extra: Partial<TransformJobDefinition> = {}): TransformJobDefinition {
  return {
    input: { s3Uri: 's3://artifacts/validation/input/' },
    output: { s3OutputPath: 's3://artifacts/validation/output/' },
    resources: { instanceType: InstanceType.M5_XLARGE },
    ...extra,
  };
}

function newRole(scope: IConstruct, id = 'ValidationRole'): iam.Role {
  return new iam.Role(scope, id, { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
}

function newAlgorithm(stack: Stack): sagemaker.CfnAlgorithm {
  return new sagemaker.CfnAlgorithm(stack, 'Algorithm', {
    algorithmName: 'churn-xgboost',
    trainingSpecification: {
      trainingImage: XGBOOST_IMAGE,
      supportedTrainingInstanceTypes: ['ml.m5.xlarge'],
      trainingChannels: [{ name: 'train', supportedContentTypes: ['text/csv'], supportedInputModes: ['File'] }],
    },
  });
}

/** The only model package of the stack's template, with its attributes (DependsOn sorted). */
function onlyPackage(stack: Stack): any {
  const packages = Template.fromStack(stack).findResources(PACKAGE_TYPE);
  expect(Object.keys(packages)).toHaveLength(1);
  const resource = Object.values(packages)[0] as any;
  return resource.DependsOn ? { ...resource, DependsOn: [...resource.DependsOn].sort() } : resource;
}

/** The statements of the only identity policy of the template, asserting it is attached to `role`. */
function policyStatementsOf(stack: Stack, role: iam.Role): any[] {
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
  expect(policies).toHaveLength(1);
  const policy = policies[0] as any;
  expect(policy.Properties.Roles).toEqual([{ Ref: logicalIdOf(role) }]);
  return policy.Properties.PolicyDocument.Statement;
}

function metric(name: string, digest = true): MetricsSource {
  return {
    contentType: 'application/json',
    s3Uri: `s3://artifacts/churn/metrics/${name}.json`,
    contentDigest: digest ? DIGEST : undefined,
  };
}

function renderedMetric(name: string) {
  return { ContentType: 'application/json', S3Uri: `s3://artifacts/churn/metrics/${name}.json`, ContentDigest: DIGEST };
}

const CSV = { SupportedContentTypes: ['text/csv'], SupportedResponseMIMETypes: ['text/csv'] };

describe('ModelPackage: a minimal version', () => {
  test('renders exactly the group name and the inference specification, retained, after the group', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });

    // WHEN
    new ModelPackage(stack, 'Package', { modelPackageGroup: group, inferenceSpecification: minimalSpec() });

    // THEN
    expect(onlyPackage(stack)).toEqual({
      Type: PACKAGE_TYPE,
      Properties: {
        ModelPackageGroupName: 'churn',
        InferenceSpecification: { Containers: [{ Image: XGBOOST_IMAGE }], ...CSV },
      },
      DependsOn: [logicalIdOf(group)],
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  test('a group with a generated name renders that name', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group');

    // WHEN
    new ModelPackage(stack, 'Package', { modelPackageGroup: group, inferenceSpecification: minimalSpec() });

    // THEN
    const template = Template.fromStack(stack);
    const groupName = Object.values(template.findResources('AWS::SageMaker::ModelPackageGroup'))
      .map((g: any) => g.Properties.ModelPackageGroupName)[0];
    expect(groupName).toMatch(/^StackGroup[0-9A-F]{8}$/);
    template.hasResourceProperties(PACKAGE_TYPE, { ModelPackageGroupName: groupName });
  });

  test('removalPolicy DESTROY renders Delete', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack, { removalPolicy: RemovalPolicy.DESTROY }));

    // THEN
    expect(onlyPackage(stack)).toMatchObject({ DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
  });

  test('skipModelValidation false renders None', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack, { skipModelValidation: false }));

    // THEN
    expect(onlyPackage(stack).Properties.SkipModelValidation).toBe('None');
  });
});

describe('ModelPackage: a maximal version', () => {
  test('renders every property', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
    const role = newRole(stack);
    const packageKey = new kms.Key(stack, 'PackageKey');
    const outputKey = new kms.Key(stack, 'OutputKey');
    const volumeKey = new kms.Key(stack, 'VolumeKey');
    const algorithm = newAlgorithm(stack);
    const modelCard = JSON.stringify({ model_overview: { model_creator: 'growth-ml' }, intended_uses: { risk_rating: 'Low' } });

    // WHEN
    new ModelPackage(stack, 'Package', {
      modelPackageGroup: group,
      description: 'XGBoost churn classifier (2026-11 snapshot)',
      inferenceSpecification: {
        containers: [
          container({
            imageDigest: DIGEST,
            modelData: ModelData.fromS3Url('s3://artifacts/churn/model.tar.gz'),
            environment: { SAGEMAKER_PROGRAM: 'inference.py', SAGEMAKER_REGION: REGION },
            containerHostname: 'preprocess',
            framework: 'XGBOOST',
            frameworkVersion: '1.7',
            nearestModelName: 'xgboost-churn',
            dataInputConfig: '{"input_1":[1,24]}',
          }),
          {
            image: ContainerImage.fromRegistry(`${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/postprocess:2`),
            modelData: ModelData.fromS3Prefix('s3://artifacts/churn/uncompressed/', { acceptEula: true }),
            containerHostname: 'postprocess',
          },
        ],
        supportedContentTypes: ['text/csv', 'application/json'],
        supportedResponseMimeTypes: ['text/csv', 'application/json'],
        supportedRealtimeInferenceInstanceTypes: [InstanceType.M5_LARGE, InstanceType.G5_XLARGE],
        supportedTransformInstanceTypes: [InstanceType.M5_XLARGE],
      },
      additionalInferenceSpecifications: [
        {
          name: 'gpu',
          description: 'GPU containers',
          containers: [container({ modelData: ModelData.fromS3Url('s3://artifacts/churn/gpu.tar.gz', { acceptEula: false }) })],
          supportedContentTypes: ['text/csv'],
          supportedResponseMimeTypes: ['text/csv'],
          supportedRealtimeInferenceInstanceTypes: [InstanceType.G4DN_XLARGE],
          supportedTransformInstanceTypes: [InstanceType.G4DN_XLARGE],
        },
        { name: 'cpu-bare', containers: [container()] },
      ],
      validationSpecification: {
        role,
        profile: {
          profileName: 'smoke-test',
          transformJob: {
            input: {
              s3Uri: 's3://artifacts/validation/manifest.json',
              dataType: TransformInputDataType.MANIFEST_FILE,
              contentType: 'text/csv',
              compressionType: CompressionType.GZIP,
              splitType: SplitType.LINE,
            },
            output: {
              s3OutputPath: 's3://artifacts/validation/output/',
              accept: 'text/csv',
              assembleWith: AssembleWith.LINE,
              encryptionKey: outputKey,
            },
            resources: { instanceType: InstanceType.M5_XLARGE, instanceCount: 2, volumeEncryptionKey: volumeKey },
            batchStrategy: BatchStrategy.MULTI_RECORD,
            environment: { MODE: 'validate' },
            maxConcurrentTransforms: 4,
            maxPayload: Size.mebibytes(6),
          },
        },
      },
      sourceAlgorithm: { algorithm, modelData: ModelData.fromS3Url('s3://artifacts/churn/training/model.tar.gz') },
      modelMetrics: {
        modelQuality: { statistics: metric('quality-statistics'), constraints: metric('quality-constraints') },
        modelDataQuality: { statistics: metric('data-statistics'), constraints: metric('data-constraints') },
        bias: { report: metric('bias'), preTrainingReport: metric('bias-pre'), postTrainingReport: metric('bias-post') },
        explainability: { report: metric('explainability') },
      },
      driftCheckBaselines: {
        bias: {
          configFile: { s3Uri: 's3://artifacts/churn/baselines/bias-config.json', contentType: 'application/json', contentDigest: OTHER_DIGEST },
          preTrainingConstraints: metric('baseline-bias-pre'),
          postTrainingConstraints: metric('baseline-bias-post'),
        },
        explainability: {
          configFile: { s3Uri: 's3://artifacts/churn/baselines/shap-config.json' },
          constraints: metric('baseline-explainability'),
        },
        modelQuality: { statistics: metric('baseline-quality-statistics'), constraints: metric('baseline-quality-constraints') },
        modelDataQuality: { statistics: metric('baseline-data-statistics'), constraints: metric('baseline-data-constraints') },
      },
      metadata: {
        commitId: '4f2a9c1',
        repository: 'https://git.example.com/ml/churn',
        generatedBy: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:pipeline/churn/execution/abc`,
        projectId: 'p-abc123',
      },
      customerMetadata: { 'team': 'growth', 'data set': 'customers/2026-11' },
      domain: 'MACHINE_LEARNING',
      task: 'CLASSIFICATION',
      samplePayloadUrl: 's3://artifacts/churn/sample-payload.tar.gz',
      modelCard: { content: modelCard, status: ModelCardStatus.APPROVED },
      encryptionKey: packageKey,
      sourceUri: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/churn-v1`,
      skipModelValidation: true,
      approvalStatus: ModelApprovalStatus.APPROVED,
      approvalDescription: 'Passed the offline evaluation',
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // THEN
    const keyArn = (key: kms.Key) => ({ 'Fn::GetAtt': [logicalIdOf(key), 'Arn'] });
    const policyId = logicalIdOf(role.node.findChild('DefaultPolicy'));
    expect(onlyPackage(stack)).toEqual({
      Type: PACKAGE_TYPE,
      Properties: {
        ModelPackageGroupName: 'churn',
        ModelPackageDescription: 'XGBoost churn classifier (2026-11 snapshot)',
        InferenceSpecification: {
          Containers: [
            {
              Image: XGBOOST_IMAGE,
              ImageDigest: DIGEST,
              ModelDataUrl: 's3://artifacts/churn/model.tar.gz',
              Environment: { SAGEMAKER_PROGRAM: 'inference.py', SAGEMAKER_REGION: REGION },
              ContainerHostname: 'preprocess',
              Framework: 'XGBOOST',
              FrameworkVersion: '1.7',
              NearestModelName: 'xgboost-churn',
              ModelInput: { DataInputConfig: '{"input_1":[1,24]}' },
            },
            {
              Image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/postprocess:2`,
              ContainerHostname: 'postprocess',
              ModelDataSource: {
                S3DataSource: {
                  S3Uri: 's3://artifacts/churn/uncompressed/',
                  S3DataType: 'S3Prefix',
                  CompressionType: 'None',
                  ModelAccessConfig: { AcceptEula: true },
                },
              },
            },
          ],
          SupportedContentTypes: ['text/csv', 'application/json'],
          SupportedResponseMIMETypes: ['text/csv', 'application/json'],
          SupportedRealtimeInferenceInstanceTypes: ['ml.m5.large', 'ml.g5.xlarge'],
          SupportedTransformInstanceTypes: ['ml.m5.xlarge'],
        },
        AdditionalInferenceSpecifications: [
          {
            Name: 'gpu',
            Description: 'GPU containers',
            Containers: [{
              Image: XGBOOST_IMAGE,
              ModelDataSource: {
                S3DataSource: {
                  S3Uri: 's3://artifacts/churn/gpu.tar.gz',
                  S3DataType: 'S3Object',
                  CompressionType: 'Gzip',
                  ModelAccessConfig: { AcceptEula: false },
                },
              },
            }],
            ...CSV,
            SupportedRealtimeInferenceInstanceTypes: ['ml.g4dn.xlarge'],
            SupportedTransformInstanceTypes: ['ml.g4dn.xlarge'],
          },
          { Name: 'cpu-bare', Containers: [{ Image: XGBOOST_IMAGE }] },
        ],
        ValidationSpecification: {
          ValidationRole: { 'Fn::GetAtt': [logicalIdOf(role), 'Arn'] },
          ValidationProfiles: [{
            ProfileName: 'smoke-test',
            TransformJobDefinition: {
              TransformInput: {
                DataSource: { S3DataSource: { S3Uri: 's3://artifacts/validation/manifest.json', S3DataType: 'ManifestFile' } },
                ContentType: 'text/csv',
                CompressionType: 'Gzip',
                SplitType: 'Line',
              },
              TransformOutput: {
                S3OutputPath: 's3://artifacts/validation/output/',
                Accept: 'text/csv',
                AssembleWith: 'Line',
                KmsKeyId: keyArn(outputKey),
              },
              TransformResources: { InstanceType: 'ml.m5.xlarge', InstanceCount: 2, VolumeKmsKeyId: keyArn(volumeKey) },
              BatchStrategy: 'MultiRecord',
              Environment: { MODE: 'validate' },
              MaxConcurrentTransforms: 4,
              MaxPayloadInMB: 6,
            },
          }],
        },
        SourceAlgorithmSpecification: {
          SourceAlgorithms: [{ AlgorithmName: { Ref: logicalIdOf(algorithm) }, ModelDataUrl: 's3://artifacts/churn/training/model.tar.gz' }],
        },
        ModelMetrics: {
          ModelQuality: { Statistics: renderedMetric('quality-statistics'), Constraints: renderedMetric('quality-constraints') },
          ModelDataQuality: { Statistics: renderedMetric('data-statistics'), Constraints: renderedMetric('data-constraints') },
          Bias: { Report: renderedMetric('bias'), PreTrainingReport: renderedMetric('bias-pre'), PostTrainingReport: renderedMetric('bias-post') },
          Explainability: { Report: renderedMetric('explainability') },
        },
        DriftCheckBaselines: {
          Bias: {
            ConfigFile: { S3Uri: 's3://artifacts/churn/baselines/bias-config.json', ContentType: 'application/json', ContentDigest: OTHER_DIGEST },
            PreTrainingConstraints: renderedMetric('baseline-bias-pre'),
            PostTrainingConstraints: renderedMetric('baseline-bias-post'),
          },
          Explainability: {
            ConfigFile: { S3Uri: 's3://artifacts/churn/baselines/shap-config.json' },
            Constraints: renderedMetric('baseline-explainability'),
          },
          ModelQuality: {
            Statistics: renderedMetric('baseline-quality-statistics'),
            Constraints: renderedMetric('baseline-quality-constraints'),
          },
          ModelDataQuality: {
            Statistics: renderedMetric('baseline-data-statistics'),
            Constraints: renderedMetric('baseline-data-constraints'),
          },
        },
        MetadataProperties: {
          CommitId: '4f2a9c1',
          Repository: 'https://git.example.com/ml/churn',
          GeneratedBy: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:pipeline/churn/execution/abc`,
          ProjectId: 'p-abc123',
        },
        CustomerMetadataProperties: { 'team': 'growth', 'data set': 'customers/2026-11' },
        Domain: 'MACHINE_LEARNING',
        Task: 'CLASSIFICATION',
        SamplePayloadUrl: 's3://artifacts/churn/sample-payload.tar.gz',
        ModelCard: { ModelCardContent: modelCard, ModelCardStatus: 'Approved' },
        SecurityConfig: { KmsKeyId: keyArn(packageKey) },
        SourceUri: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/churn-v1`,
        SkipModelValidation: 'All',
        ModelApprovalStatus: 'Approved',
        ApprovalDescription: 'Passed the offline evaluation',
      },
      // The validation role's policy, not the role (its GetAtt orders that already: cfn-lint W3005).
      DependsOn: [logicalIdOf(group), policyId].sort(),
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
    });
  });

  test('sourceAlgorithm by name renders the name and the model data URL', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack, {
      inferenceSpecification: undefined,
      sourceAlgorithm: {
        algorithmName: 'arn:aws:sagemaker:us-east-1:865070037744:algorithm/xgboost-marketplace',
        modelData: ModelData.fromS3Url('s3://artifacts/churn/training/model.tar.gz'),
      },
    }));

    // THEN
    expect(onlyPackage(stack).Properties).toEqual({
      ModelPackageGroupName: 'churn',
      SourceAlgorithmSpecification: {
        SourceAlgorithms: [{
          AlgorithmName: 'arn:aws:sagemaker:us-east-1:865070037744:algorithm/xgboost-marketplace',
          ModelDataUrl: 's3://artifacts/churn/training/model.tar.gz',
        }],
      },
    });
  });

  test('sourceAlgorithm without model data renders only the algorithm name', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack, {
      inferenceSpecification: undefined,
      sourceAlgorithm: { algorithmName: 'churn-xgboost' },
    }));

    // THEN
    expect(onlyPackage(stack).Properties).toEqual({
      ModelPackageGroupName: 'churn',
      SourceAlgorithmSpecification: { SourceAlgorithms: [{ AlgorithmName: 'churn-xgboost' }] },
    });
  });

  test('a validation job with only the required parts renders S3Prefix input and one instance', () => {
    // GIVEN
    const { stack } = newStack();
    const role = newRole(stack);

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack, {
      validationSpecification: { role, profile: { profileName: 'smoke', transformJob: transformJob() } },
    }));

    // THEN
    expect(onlyPackage(stack).Properties.ValidationSpecification).toEqual({
      ValidationRole: { 'Fn::GetAtt': [logicalIdOf(role), 'Arn'] },
      ValidationProfiles: [{
        ProfileName: 'smoke',
        TransformJobDefinition: {
          TransformInput: { DataSource: { S3DataSource: { S3Uri: 's3://artifacts/validation/input/', S3DataType: 'S3Prefix' } } },
          TransformOutput: { S3OutputPath: 's3://artifacts/validation/output/' },
          TransformResources: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1 },
        },
      }],
    });
  });

  test('maxPayload in another unit is converted to whole mebibytes', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack, {
      validationSpecification: {
        role: newRole(stack),
        profile: { profileName: 'smoke', transformJob: transformJob({ maxPayload: Size.kibibytes(2048) }) },
      },
    }));

    // THEN
    expect(onlyPackage(stack).Properties.ValidationSpecification.ValidationProfiles[0].TransformJobDefinition.MaxPayloadInMB).toBe(2);
  });
});

describe('ModelPackage: an unversioned package', () => {
  test('renders exactly the name, marketplace certification and instance types, deleted by default, and takes tags', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const pkg = new ModelPackage(stack, 'Package', {
      modelPackageName: 'churn-marketplace',
      certifyForMarketplace: true,
      inferenceSpecification: unversionedSpec({
        supportedRealtimeInferenceInstanceTypes: [InstanceType.M5_LARGE, InstanceType.C5_XLARGE],
      }),
    });
    Tags.of(stack).add('team', 'growth');

    // THEN
    expect(onlyPackage(stack)).toEqual({
      Type: PACKAGE_TYPE,
      Properties: {
        ModelPackageName: 'churn-marketplace',
        CertifyForMarketplace: true,
        InferenceSpecification: {
          Containers: [{ Image: XGBOOST_IMAGE }],
          ...CSV,
          SupportedRealtimeInferenceInstanceTypes: ['ml.m5.large', 'ml.c5.xlarge'],
          SupportedTransformInstanceTypes: ['ml.m5.xlarge'],
        },
        Tags: [{ Key: 'team', Value: 'growth' }],
      },
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
    });
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    expect(pkg.modelPackageGroup).toBeUndefined();
  });

  test('removalPolicy RETAIN renders Retain', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackage(stack, 'Package', unversionedProps({ removalPolicy: RemovalPolicy.RETAIN }));

    // THEN
    expect(onlyPackage(stack)).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('an unversioned package with an empty supportedTransformInstanceTypes gets one message', () => {
    expect(problemsOf(() => ({
      modelPackageName: 'listing',
      inferenceSpecification: unversionedSpec({ supportedTransformInstanceTypes: [] }),
    }))).toEqual([
      'inferenceSpecification.supportedTransformInstanceTypes is required for an unversioned model package (modelPackageName given), got an empty list',
    ]);
  });
});

describe('ModelPackage: versions carry no tags', () => {
  const SAGEMAKER_RULE = 'SageMaker rejects tags on versions ("Tags are not supported in Model Package versions")';

  /** An app with stack `Stack`, an owned group `Stack/Group` and versions `Stack/Group/V1`.. `Vn`. */
  function ownedGroup(versions: number) {
    const { app, stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
    const packages = Array.from({ length: versions }, (_, i) =>
      group.addModelPackage(`V${i + 1}`, { inferenceSpecification: minimalSpec() }));
    return { app, stack, group, packages };
  }

  function warningsOf(stack: Stack): [string, unknown][] {
    return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => [w.id, w.entry.data]);
  }

  test('Tags.of(stack) tags the group, not the versions; the group carries the tags, so it is an info, not a warning', () => {
    // GIVEN
    const { stack } = ownedGroup(2);

    // WHEN
    Tags.of(stack).add('team', 'growth');
    Tags.of(stack).add('cost-center', '42');

    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SageMaker::ModelPackageGroup', {
      Tags: [{ Key: 'cost-center', Value: '42' }, { Key: 'team', Value: 'growth' }],
    });
    expect(Object.values(template.findResources('AWS::SageMaker::ModelPackage')).map((r) => r.Properties)).toEqual([
      { ModelPackageGroupName: 'churn', InferenceSpecification: { Containers: [{ Image: XGBOOST_IMAGE }], ...CSV } },
      { ModelPackageGroupName: 'churn', InferenceSpecification: { Containers: [{ Image: XGBOOST_IMAGE }], ...CSV } },
    ]);
    expect(warningsOf(stack)).toEqual([]);
    expect(Annotations.fromStack(stack).findInfo('*', Match.anyValue()).map((i) => [i.id, i.entry.data])).toEqual([[
      '/Stack/Group/Resource',
      `Tags cost-center, team were not applied to 2 versions of model package group Stack/Group (Stack/Group/V1, Stack/Group/V2): ${SAGEMAKER_RULE}. `
      + `The group carries these tags, so nothing is lost. [ack: ${TAGS_REMOVED}]`,
    ]]);
  });

  test('tags the group lacks: one warning for the group, naming how many versions it concerns', () => {
    // GIVEN
    const { stack, packages } = ownedGroup(5);

    // WHEN
    packages.forEach((pkg) => Tags.of(pkg).add('stage', 'dev'));

    // THEN
    expect(Template.fromStack(stack).toJSON().Resources).not.toHaveProperty('Tags');
    for (const resource of Object.values(Template.fromStack(stack).findResources('AWS::SageMaker::ModelPackage'))) {
      expect(resource.Properties.Tags).toBeUndefined();
    }
    expect(warningsOf(stack)).toEqual([[
      '/Stack/Group/Resource',
      `Tags stage were not applied to 5 versions of model package group Stack/Group (Stack/Group/V1, Stack/Group/V2, Stack/Group/V3, ...): ${SAGEMAKER_RULE}; `
      + 'tag the group instead, which versions belong to. Silence this once with '
      + `Annotations.of(scope).acknowledgeWarning('${TAGS_REMOVED}') at the app, a stack or the group. [ack: ${TAGS_REMOVED}]`,
    ]]);
  });

  test('a tag the group carries with another value is a warning', () => {
    // GIVEN
    const { stack, group, packages } = ownedGroup(1);

    // WHEN
    Tags.of(group).add('team', 'growth');
    Tags.of(packages[0]).add('team', 'fraud');

    // THEN
    expect(warningsOf(stack).map(([id, data]) => [id, String(data).split(':')[0]])).toEqual([
      ['/Stack/Group/Resource', 'Tags team were not applied to 1 version of model package group Stack/Group (Stack/Group/V1)'],
    ]);
  });

  test('a version of an imported group: the warning is on the import', () => {
    // GIVEN
    const { stack } = newStack();
    new ModelPackage(stack, 'Package', versionProps(stack));

    // WHEN
    Tags.of(stack).add('team', 'growth');

    // THEN
    expect(onlyPackage(stack).Properties.Tags).toBeUndefined();
    Annotations.fromStack(stack).hasWarning('/Stack/Group', Match.stringLikeRegexp(
      `^Tags team were not applied to 1 version of model package group Stack/Group \\(Stack/Package\\): .*\\[ack: ${TAGS_REMOVED}\\]$`));
  });

  test('no warning when nothing is tagged', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack));

    // THEN
    expect(onlyPackage(stack).Properties.Tags).toBeUndefined();
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test.each([
    ['the app', (c: { app: IConstruct }) => c.app],
    ['the stack', (c: { stack: IConstruct }) => c.stack],
    ['the group', (c: { group: IConstruct }) => c.group],
  ])('one acknowledgement at %s silences the warning for every version', (_, scopeOf) => {
    // GIVEN
    const context = ownedGroup(3);
    context.packages.forEach((pkg) => Tags.of(pkg).add('stage', 'dev'));

    // WHEN
    CoreAnnotations.of(scopeOf(context as any)).acknowledgeWarning(TAGS_REMOVED, 'versions are never tagged');

    // THEN
    expect(warningsOf(context.stack)).toEqual([]);
    expect(Annotations.fromStack(context.stack).findInfo('*', Match.anyValue())).toEqual([]);
  });

  test('an acknowledgement at a version silences that version only', () => {
    // GIVEN
    const { stack, packages } = ownedGroup(2);
    packages.forEach((pkg) => Tags.of(pkg).add('stage', 'dev'));

    // WHEN
    CoreAnnotations.of(packages[0]).acknowledgeWarning(TAGS_REMOVED, 'V1 is known');

    // THEN
    expect(warningsOf(stack).map(([, data]) => String(data).split(':')[0])).toEqual([
      'Tags stage were not applied to 1 version of model package group Stack/Group (Stack/Group/V2)',
    ]);
  });
});

describe('ModelPackage: versioned or unversioned', () => {
  test('both modelPackageGroup and modelPackageName', () => {
    expect(problemsOf((stack) => versionProps(stack, { modelPackageName: 'churn-v1' }))).toEqual([
      'give either modelPackageGroup (a versioned package) or modelPackageName (an unversioned package), not both; '
      + "got modelPackageGroup Stack/Group and modelPackageName 'churn-v1'",
    ]);
  });

  test('neither modelPackageGroup nor modelPackageName', () => {
    expect(problemsOf(() => ({ inferenceSpecification: unversionedSpec() }))).toEqual([
      'give modelPackageGroup (to register a version in a group) or modelPackageName (for an unversioned package), got neither',
    ]);
  });

  test('approvalStatus on an unversioned package', () => {
    expect(problemsOf(() => unversionedProps({ approvalStatus: ModelApprovalStatus.APPROVED }))).toEqual([
      "approvalStatus applies only to versioned packages (give modelPackageGroup), got 'Approved' for an unversioned package",
    ]);
  });

  test('approvalDescription on an unversioned package', () => {
    expect(problemsOf(() => unversionedProps({ approvalDescription: 'ok' }))).toEqual([
      'approvalDescription applies only to versioned packages (give modelPackageGroup), got it for an unversioned package',
    ]);
  });

  test('certifyForMarketplace on a version (also false)', () => {
    expect(problemsOf((stack) => versionProps(stack, { certifyForMarketplace: true }))).toEqual([
      'certifyForMarketplace applies only to unversioned packages (give modelPackageName), got true for a version',
    ]);
    expect(problemsOf((stack) => versionProps(stack, { certifyForMarketplace: false }))).toEqual([
      'certifyForMarketplace applies only to unversioned packages (give modelPackageName), got false for a version',
    ]);
  });

  test('neither inferenceSpecification nor sourceAlgorithm', () => {
    expect(problemsOf((stack) => versionProps(stack, { inferenceSpecification: undefined }))).toEqual([
      'give inferenceSpecification (containers) or sourceAlgorithm (the algorithm that trained the model), got neither',
    ]);
  });

  test('an unversioned package without realtime and transform instance types', () => {
    expect(problemsOf(() => unversionedProps({ inferenceSpecification: minimalSpec() }))).toEqual([
      'inferenceSpecification.supportedRealtimeInferenceInstanceTypes is required for an unversioned model package (modelPackageName given), got undefined',
      'inferenceSpecification.supportedTransformInstanceTypes is required for an unversioned model package (modelPackageName given), got undefined',
    ]);
    expect(problemsOf(() => unversionedProps({
      inferenceSpecification: minimalSpec({ supportedRealtimeInferenceInstanceTypes: [], supportedTransformInstanceTypes: [InstanceType.M5_XLARGE] }),
    }))).toEqual([
      'inferenceSpecification.supportedRealtimeInferenceInstanceTypes is required for an unversioned model package (modelPackageName given), got an empty list',
    ]);
  });
});

describe('ModelPackage: names and descriptions', () => {
  test.each([
    ['churn_v1', [`modelPackageName ${NAME_RULE}, got 'churn_v1'`]],
    ['-churn', [`modelPackageName ${NAME_RULE}, got '-churn'`]],
    ['churn-', [`modelPackageName ${NAME_RULE}, got 'churn-'`]],
    ['churn v1', [`modelPackageName ${NAME_RULE}, got 'churn v1'`]],
    ['', ["modelPackageName must be between 1 and 63 characters long, got 0 characters: ''"]],
    [text(64, 'a'), [`modelPackageName must be between 1 and 63 characters long, got 64 characters: '${text(64, 'a')}'`]],
    [`${text(63, 'a')}_`, [
      `modelPackageName must be between 1 and 63 characters long, got 64 characters: '${text(63, 'a')}_'`,
      `modelPackageName ${NAME_RULE}, got '${text(63, 'a')}_'`,
    ]],
  ])('modelPackageName %j is rejected', (name, expected) => {
    expect(problemsOf(() => unversionedProps({ modelPackageName: name }))).toEqual(expected);
  });

  test('a 63-character modelPackageName with inner hyphens is valid', () => {
    // GIVEN
    const { stack } = newStack();
    const name = `a--${text(58, 'b')}-c`;

    // WHEN
    new ModelPackage(stack, 'Package', unversionedProps({ modelPackageName: name }));

    // THEN
    expect(name).toHaveLength(63);
    expect(onlyPackage(stack).Properties.ModelPackageName).toBe(name);
  });

  test('description over 1024 characters', () => {
    expect(problemsOf((stack) => versionProps(stack, { description: text(1025) }))).toEqual([
      'description must be at most 1024 characters long, got 1025 characters',
    ]);
  });

  test('description with a line break', () => {
    expect(problemsOf((stack) => versionProps(stack, { description: 'line one\nline two' }))).toEqual([
      `description ${CONTROL_RULE}, got "\\n" in "line one\\nline two"`,
    ]);
  });

  test('approvalDescription over 1024 characters', () => {
    expect(problemsOf((stack) => versionProps(stack, { approvalDescription: text(1025) }))).toEqual([
      `approvalDescription must be between 0 and 1024 characters long, got 1025 characters: '${echoed(text(1025))}'`,
    ]);
  });

  test('descriptions of exactly 1024 characters are valid', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack, { description: text(1024), approvalDescription: text(1024, 'y') }));

    // THEN
    expect(onlyPackage(stack).Properties).toMatchObject({ ModelPackageDescription: text(1024), ApprovalDescription: text(1024, 'y') });
  });

  test('every problem is reported in one error', () => {
    expect(problemsOf(() => unversionedProps({
      modelPackageName: 'churn_v1',
      description: 'tab\there',
      approvalStatus: ModelApprovalStatus.REJECTED,
    }))).toEqual([
      `modelPackageName ${NAME_RULE}, got 'churn_v1'`,
      `description ${CONTROL_RULE}, got "\\t" in "tab\\there"`,
      "approvalStatus applies only to versioned packages (give modelPackageGroup), got 'Rejected' for an unversioned package",
    ]);
  });
});

describe('ModelPackage: inference specification rules', () => {
  test('0 and 16 containers', () => {
    expect(problemsOf((stack) => versionProps(stack, { inferenceSpecification: minimalSpec({ containers: [] }) }))).toEqual([
      'inferenceSpecification.containers must have between 1 and 15 entries, got 0',
    ]);
    const sixteen = Array.from({ length: 16 }, () => container());
    expect(problemsOf((stack) => versionProps(stack, { inferenceSpecification: minimalSpec({ containers: sixteen }) }))).toEqual([
      'inferenceSpecification.containers must have between 1 and 15 entries, got 16',
    ]);
  });

  test('15 containers are valid', () => {
    // GIVEN
    const { stack } = newStack();
    const containers = Array.from({ length: 15 }, (_, i) => container({ containerHostname: `step-${i}` }));

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack, { inferenceSpecification: minimalSpec({ containers }) }));

    // THEN
    expect(onlyPackage(stack).Properties.InferenceSpecification.Containers).toHaveLength(15);
  });

  test('environment with 17 entries', () => {
    const environment = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`VAR_${i}`, 'v']));
    const names = Object.keys(environment).join(', ');
    expect(problemsOf((stack) => versionProps(stack, {
      inferenceSpecification: minimalSpec({ containers: [container({ environment })] }),
    }))).toEqual([`${CONTAINER}.environment must have at most 16 entries, got 17: ${names}`]);
  });

  test('environment with a bad variable name and an over-long value', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      inferenceSpecification: minimalSpec({ containers: [container({ environment: { '1ST': 'a', 'LONG': text(1025), 'OK_1': text(1024) } })] }),
    }))).toEqual([
      `${CONTAINER}.environment ${ENV_NAME_RULE}, got '1ST'`,
      `${CONTAINER}.environment.LONG must be between 0 and 1024 characters long, got 1025 characters: '${echoed(text(1025))}'`,
    ]);
    expect(problemsOf((stack) => versionProps(stack, {
      inferenceSpecification: minimalSpec({ containers: [container({ environment: { 'MY-VAR': 'a' } })] }),
    }))).toEqual([`${CONTAINER}.environment ${ENV_NAME_RULE}, got 'MY-VAR'`]);
  });

  test('bad container hostname', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      inferenceSpecification: minimalSpec({ containers: [container(), container({ containerHostname: 'post_process' })] }),
    }))).toEqual([`inferenceSpecification.containers[1].containerHostname ${NAME_RULE}, got 'post_process'`]);
  });

  test('bad frameworkVersion', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      inferenceSpecification: minimalSpec({ containers: [container({ frameworkVersion: 'v1.7' })] }),
    }))).toEqual([
      `${CONTAINER}.frameworkVersion must be a version such as 1.7-1 or 2.1.0 (a digit, a dot, then letters, digits, dots and hyphens) `
      + "(pattern ^[0-9]\\.[A-Za-z0-9.][A-Za-z0-9.-]*$), got 'v1.7'",
    ]);
    expect(problemsOf((stack) => versionProps(stack, {
      inferenceSpecification: minimalSpec({ containers: [container({ frameworkVersion: '1.7.0.0.0.1' })] }),
    }))).toEqual([`${CONTAINER}.frameworkVersion must be between 3 and 10 characters long, got 11 characters: '1.7.0.0.0.1'`]);
  });

  test('bad imageDigest', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      inferenceSpecification: minimalSpec({ containers: [container({ imageDigest: 'sha256:abc' })] }),
    }))).toEqual([`${CONTAINER}.imageDigest ${DIGEST_RULE}, got 'sha256:abc'`]);
  });

  test('dataInputConfig empty or over 1024 characters', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      inferenceSpecification: minimalSpec({ containers: [container({ dataInputConfig: text(1025) })] }),
    }))).toEqual([`${CONTAINER}.dataInputConfig must be between 1 and 1024 characters long, got 1025 characters: '${echoed(text(1025))}'`]);
    expect(problemsOf((stack) => versionProps(stack, {
      inferenceSpecification: minimalSpec({ containers: [container({ dataInputConfig: '' })] }),
    }))).toEqual([`${CONTAINER}.dataInputConfig must be between 1 and 1024 characters long, got 0 characters: ''`]);
  });

  test('identical containers fail synthesis (CloudFormation requires unique containers), also when they hold tokens', () => {
    // GIVEN
    const { app, stack } = newStack();
    const repository = new ecr.Repository(stack, 'Images');
    const fromRepository = () => ({ image: ContainerImage.fromEcrRepository(repository, '1'), environment: { MODE: 'a' } });

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack, {
      inferenceSpecification: minimalSpec({ containers: [container(), fromRepository(), container(), fromRepository(), container()] }),
    }));

    // THEN
    const unique = '(CloudFormation requires the containers of an inference specification to be unique), got the same definition twice';
    expect(errorOf(() => app.synth())).toBe('Validation failed with the following errors:\n'
      + `  [Stack/Package] inferenceSpecification.containers[2] must differ from inferenceSpecification.containers[0] ${unique}\n`
      + `  [Stack/Package] inferenceSpecification.containers[3] must differ from inferenceSpecification.containers[1] ${unique}\n`
      + `  [Stack/Package] inferenceSpecification.containers[4] must differ from inferenceSpecification.containers[0] ${unique}`);
  });

  test('containers of one image that differ in any property are valid', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack, {
      inferenceSpecification: minimalSpec({ containers: [container(), container({ environment: { STEP: '2' } })] }),
      additionalInferenceSpecifications: [{ name: 'twice', containers: [container(), container()] }],
    }));

    // THEN
    const props = onlyPackage(stack).Properties;
    expect(props.InferenceSpecification.Containers).toEqual([{ Image: XGBOOST_IMAGE }, { Image: XGBOOST_IMAGE, Environment: { STEP: '2' } }]);
    expect(props.AdditionalInferenceSpecifications[0].Containers).toEqual([{ Image: XGBOOST_IMAGE }, { Image: XGBOOST_IMAGE }]);
  });

  test('missing supportedContentTypes and supportedResponseMimeTypes', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      inferenceSpecification: { containers: [container()] },
    }))).toEqual([
      "inferenceSpecification.supportedContentTypes is required for a model package (CloudFormation's AWS::SageMaker::ModelPackage requires it), got undefined; for example ['text/csv']",
      "inferenceSpecification.supportedResponseMimeTypes is required for a model package (CloudFormation's AWS::SageMaker::ModelPackage requires it), got undefined; for example ['text/csv']",
    ]);
  });

  test('bad response MIME type and over-long content type', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      inferenceSpecification: minimalSpec({ supportedContentTypes: ['text/csv', text(257)], supportedResponseMimeTypes: ['text/csv', 'csv'] }),
    }))).toEqual([
      `inferenceSpecification.supportedContentTypes[1] must be between 0 and 256 characters long, got 257 characters: '${echoed(text(257))}'`,
      "inferenceSpecification.supportedResponseMimeTypes[1] must be a MIME type such as text/csv (pattern ^[-\\w]+\\/[^\\n]+$), got 'csv'",
    ]);
  });

  test('an empty supportedTransformInstanceTypes', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      inferenceSpecification: minimalSpec({ supportedTransformInstanceTypes: [] }),
    }))).toEqual([
      'inferenceSpecification.supportedTransformInstanceTypes must not be empty when given (CloudFormation requires at least 1 entry); omit it instead',
    ]);
  });
});

describe('ModelPackage: additional inference specifications', () => {
  function additional(name: string, extra: Partial<AdditionalInferenceSpecification> = {}): AdditionalInferenceSpecification {
    return { name, containers: [container()], ...extra };
  }

  test('duplicate names', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      additionalInferenceSpecifications: [additional('gpu'), additional('cpu'), additional('gpu')],
    }))).toEqual(["additionalInferenceSpecifications[2].name must be unique within additionalInferenceSpecifications, got 'gpu' again"]);
  });

  test('16 and 0 specifications', () => {
    const sixteen = Array.from({ length: 16 }, (_, i) => additional(`spec-${i}`));
    expect(problemsOf((stack) => versionProps(stack, { additionalInferenceSpecifications: sixteen }))).toEqual([
      'additionalInferenceSpecifications must have between 1 and 15 entries, got 16',
    ]);
    expect(problemsOf((stack) => versionProps(stack, { additionalInferenceSpecifications: [] }))).toEqual([
      'additionalInferenceSpecifications must have between 1 and 15 entries, got 0',
    ]);
  });

  test('bad name, long description and container problems are located', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      additionalInferenceSpecifications: [
        additional('gpu'),
        additional('gpu_2', { description: text(1025), containers: [container({ imageDigest: 'md5:1' })], supportedResponseMimeTypes: ['json'] }),
      ],
    }))).toEqual([
      `additionalInferenceSpecifications[1].name ${NAME_RULE}, got 'gpu_2'`,
      'additionalInferenceSpecifications[1].description must be at most 1024 characters long, got 1025 characters',
      "additionalInferenceSpecifications[1].supportedResponseMimeTypes[0] must be a MIME type such as text/csv (pattern ^[-\\w]+\\/[^\\n]+$), got 'json'",
      `additionalInferenceSpecifications[1].containers[0].imageDigest ${DIGEST_RULE}, got 'md5:1'`,
    ]);
  });
});

describe('ModelPackage: metadata, model card and URIs', () => {
  test('customerMetadata with 0 and 51 entries', () => {
    expect(problemsOf((stack) => versionProps(stack, { customerMetadata: {} }))).toEqual([
      'customerMetadata must have between 1 and 50 entries, got 0',
    ]);
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`key${i}`, 'v']));
    expect(problemsOf((stack) => versionProps(stack, { customerMetadata: many }))).toEqual([
      'customerMetadata must have between 1 and 50 entries, got 51',
    ]);
  });

  test('customerMetadata with long keys and values, empty values and bad characters', () => {
    const longKey = text(129, 'k');
    expect(problemsOf((stack) => versionProps(stack, {
      customerMetadata: { [longKey]: 'v', 'long': text(257), 'empty': '', 'a#b': 'v', 'bang': 'x!' },
    }))).toEqual([
      `customerMetadata keys must be between 1 and 128 characters long, got 129 characters: '${echoed(longKey)}'`,
      `customerMetadata.long must be between 1 and 256 characters long, got 257 characters: '${echoed(text(257))}'`,
      "customerMetadata.empty must be between 1 and 256 characters long, got 0 characters: ''",
      `customerMetadata keys ${METADATA_RULE}, got 'a#b'`,
      `customerMetadata.bang ${METADATA_RULE}, got 'x!'`,
    ]);
  });

  test('samplePayloadUrl that is not s3:// or https://', () => {
    expect(problemsOf((stack) => versionProps(stack, { samplePayloadUrl: 'ftp://artifacts/sample.tar.gz' }))).toEqual([
      `samplePayloadUrl ${S3_URI_RULE}, got 'ftp://artifacts/sample.tar.gz'`,
    ]);
  });

  test('sourceUri over 1024 characters', () => {
    const uri = `s3://${text(1020)}`;
    expect(problemsOf((stack) => versionProps(stack, { sourceUri: uri }))).toEqual([
      `sourceUri must be between 0 and 1024 characters long, got 1025 characters: '${echoed(uri)}'`,
    ]);
  });

  test('metadata fields over 1024 characters', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      metadata: { commitId: text(1025), repository: 'ok', generatedBy: text(1025, 'g'), projectId: text(1025, 'p') },
    }))).toEqual([
      `metadata.commitId must be between 0 and 1024 characters long, got 1025 characters: '${echoed(text(1025))}'`,
      `metadata.generatedBy must be between 0 and 1024 characters long, got 1025 characters: '${echoed(text(1025, 'g'))}'`,
      `metadata.projectId must be between 0 and 1024 characters long, got 1025 characters: '${echoed(text(1025, 'p'))}'`,
    ]);
    expect(problemsOf((stack) => versionProps(stack, { metadata: { repository: text(1025, 'r') } }))).toEqual([
      `metadata.repository must be between 0 and 1024 characters long, got 1025 characters: '${echoed(text(1025, 'r'))}'`,
    ]);
  });

  test('model card content that is not JSON', () => {
    const problems = problemsOf((stack) => versionProps(stack, { modelCard: { content: 'not json', status: ModelCardStatus.DRAFT } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^modelCard\.content must be a JSON document, got 'not json' \(.+\)$/);
  });

  test('model card content over 100000 characters', () => {
    const content = JSON.stringify({ text: text(99990) });
    expect(content).toHaveLength(100001);
    expect(problemsOf((stack) => versionProps(stack, { modelCard: { content, status: ModelCardStatus.DRAFT } }))).toEqual([
      `modelCard.content must be between 0 and 100000 characters long, got 100001 characters: '${echoed(content)}'`,
    ]);
  });
});

describe('ModelPackage: environments', () => {
  test('encryptionKey of a stack in another region', () => {
    expect(problemsOf((stack) => {
      const other = new Stack(stack.node.root as App, 'KeyStack', { env: { account: ACCOUNT, region: OTHER_REGION } });
      return versionProps(stack, { encryptionKey: new kms.Key(other, 'Key') });
    })).toEqual([`encryptionKey must be in the package's region ${REGION}, got a key in region ${OTHER_REGION}`]);
  });

  test('encryptionKey imported by an ARN of another region', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      encryptionKey: kms.Key.fromKeyArn(stack, 'Key', `arn:aws:kms:${OTHER_REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`),
    }))).toEqual([`encryptionKey must be in the package's region ${REGION}, got a key in region ${OTHER_REGION}`]);
  });

  test('a group in another region', () => {
    expect(problemsOf((stack) => ({
      modelPackageGroup: ModelPackageGroup.fromModelPackageGroupArn(stack, 'Group',
        `arn:aws:sagemaker:${OTHER_REGION}:${ACCOUNT}:model-package-group/churn`),
      inferenceSpecification: minimalSpec(),
    }))).toEqual([
      `modelPackageGroup must be in the package's region ${REGION}, got group churn in region ${OTHER_REGION} `
      + '(SageMaker registers versions only into groups of its own region)',
    ]);
  });

  test('an encryption key of the same region imported by ARN is valid and renders its ARN', () => {
    // GIVEN
    const { stack } = newStack();
    const keyArn = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack, { encryptionKey: kms.Key.fromKeyArn(stack, 'Key', keyArn) }));

    // THEN
    expect(onlyPackage(stack).Properties.SecurityConfig).toEqual({ KmsKeyId: keyArn });
  });

  test('validation job keys of another region', () => {
    expect(problemsOf((stack) => {
      const key = kms.Key.fromKeyArn(stack, 'Key', `arn:aws:kms:${OTHER_REGION}:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`);
      return versionProps(stack, {
        validationSpecification: {
          role: newRole(stack),
          profile: {
            profileName: 'smoke',
            transformJob: {
              input: { s3Uri: 's3://artifacts/in/' },
              output: { s3OutputPath: 's3://artifacts/out/', encryptionKey: key },
              resources: { instanceType: InstanceType.M5_LARGE, volumeEncryptionKey: key },
            },
          },
        },
      });
    })).toEqual([
      `${TRANSFORM}.output.encryptionKey must be in the package's region ${REGION}, got a key in region ${OTHER_REGION}`,
      `${TRANSFORM}.resources.volumeEncryptionKey must be in the package's region ${REGION}, got a key in region ${OTHER_REGION}`,
    ]);
  });
});

describe('ModelPackage: source algorithm rules', () => {
  test('both algorithm and algorithmName', () => {
    expect(problemsOf((stack) => {
      return versionProps(stack, { sourceAlgorithm: { algorithm: newAlgorithm(stack), algorithmName: 'churn' } });
    })).toEqual(['sourceAlgorithm must give exactly one of algorithm and algorithmName, got both']);
  });

  test('neither algorithm nor algorithmName', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      sourceAlgorithm: { modelData: ModelData.fromS3Url('s3://artifacts/model.tar.gz') },
    }))).toEqual(['sourceAlgorithm must give exactly one of algorithm and algorithmName, got neither']);
  });

  test('bad algorithmName', () => {
    const pattern = '^(arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:[a-z-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)$';
    expect(problemsOf((stack) => versionProps(stack, { sourceAlgorithm: { algorithmName: 'churn_xgboost' } }))).toEqual([
      'sourceAlgorithm.algorithmName must be an algorithm name of 1-63 letters, digits and hyphens, starting with a letter or digit and not '
      + 'ending with a hyphen, optionally after an ARN prefix such as arn:aws:sagemaker:us-east-1:123456789012:algorithm/ '
      + `(pattern ${pattern}), got 'churn_xgboost'`,
    ]);
    // An ARN that matches the pattern (the partition part is unbounded) but is one character too long.
    const arn = (n: number) => `arn:aws${'-'.repeat(n - 56)}:sagemaker:${REGION}:${ACCOUNT}:algorithm/churn`;
    expect(arn(171)).toHaveLength(171);
    expect(problemsOf((stack) => versionProps(stack, { sourceAlgorithm: { algorithmName: arn(171) } }))).toEqual([
      `sourceAlgorithm.algorithmName must be between 1 and 170 characters long, got 171 characters: '${echoed(arn(171))}'`,
    ]);
  });

  test('model data that is an uncompressed prefix or accepts a EULA', () => {
    const message = "sourceAlgorithm.modelData must be a single .tar.gz archive without EULA acceptance (CloudFormation's "
      + 'SourceAlgorithm takes only ModelDataUrl), got an uncompressed prefix or an archive with acceptEula';
    expect(problemsOf((stack) => versionProps(stack, {
      sourceAlgorithm: { algorithmName: 'churn', modelData: ModelData.fromS3Prefix('s3://artifacts/model/') },
    }))).toEqual([message]);
    expect(problemsOf((stack) => versionProps(stack, {
      sourceAlgorithm: { algorithmName: 'churn', modelData: ModelData.fromS3Url('s3://artifacts/model.tar.gz', { acceptEula: true }) },
    }))).toEqual([message]);
  });
});

describe('ModelPackage: validation specification rules', () => {
  function withJob(stack: Stack, job: TransformJobDefinition, profileName = 'smoke'): ModelPackageProps {
    return versionProps(stack, { validationSpecification: { role: newRole(stack), profile: { profileName, transformJob: job } } });
  }

  test('bad profile name', () => {
    expect(problemsOf((stack) => withJob(stack, transformJob(), 'smoke test'))).toEqual([
      `validationSpecification.profile.profileName ${NAME_RULE}, got 'smoke test'`,
    ]);
  });

  test('instanceCount 0, 101 and 1.5', () => {
    for (const count of [0, 101, 1.5]) {
      expect(problemsOf((stack) => withJob(stack, transformJob({
        resources: { instanceType: InstanceType.M5_XLARGE, instanceCount: count },
      })))).toEqual([`${TRANSFORM}.resources.instanceCount must be an integer between 1 and 100, got ${count}`]);
    }
  });

  test('maxPayload that is not a whole number of mebibytes', () => {
    expect(problemsOf((stack) => withJob(stack, transformJob({ maxPayload: Size.mebibytes(1.5) })))).toEqual([
      `${TRANSFORM}.maxPayload must be a whole number of mebibytes, got 1.5 MiB`,
    ]);
    expect(problemsOf((stack) => withJob(stack, transformJob({ maxPayload: Size.kibibytes(1536) })))).toEqual([
      `${TRANSFORM}.maxPayload must be a whole number of mebibytes, got 1.5 MiB`,
    ]);
  });

  test('negative maxConcurrentTransforms', () => {
    expect(problemsOf((stack) => withJob(stack, transformJob({ maxConcurrentTransforms: -1 })))).toEqual([
      `${TRANSFORM}.maxConcurrentTransforms must be an integer at least 0, got -1`,
    ]);
  });

  test('transform environment with more than 16 entries and an over-long value', () => {
    const environment = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`VAR_${i}`, 'v']));
    expect(problemsOf((stack) => withJob(stack, transformJob({ environment })))).toEqual([
      `${TRANSFORM}.environment must have at most 16 entries, got 17: ${Object.keys(environment).join(', ')}`,
    ]);
    // CloudFormation's schema limits values to 1024 characters (the API would take 10240).
    expect(problemsOf((stack) => withJob(stack, transformJob({ environment: { LONG: text(1025) } })))).toEqual([
      `${TRANSFORM}.environment.LONG must be between 0 and 1024 characters long, got 1025 characters: '${echoed(text(1025))}'`,
    ]);
  });

  test('bad input and output URIs and over-long MIME types', () => {
    expect(problemsOf((stack) => withJob(stack, {
      input: { s3Uri: 'artifacts/input/', contentType: text(257) },
      output: { s3OutputPath: '', accept: text(257, 'a') },
      resources: { instanceType: InstanceType.M5_XLARGE },
    }))).toEqual([
      `${TRANSFORM}.input.s3Uri ${S3_URI_RULE}, got 'artifacts/input/'`,
      `${TRANSFORM}.input.contentType must be between 0 and 256 characters long, got 257 characters: '${echoed(text(257))}'`,
      `${TRANSFORM}.output.s3OutputPath must be between 1 and 1024 characters long, got 0 characters: ''`,
      `${TRANSFORM}.output.s3OutputPath ${S3_URI_RULE}, got ''`,
      `${TRANSFORM}.output.accept must be between 0 and 256 characters long, got 257 characters: '${echoed(text(257, 'a'))}'`,
    ]);
  });
});

describe('ModelPackage: metrics rules', () => {
  test('bad s3Uri, contentDigest and contentType in model metrics', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      modelMetrics: {
        modelQuality: { statistics: { contentType: 'application/json', s3Uri: 'artifacts/statistics.json' } },
        bias: { report: { contentType: text(257), s3Uri: 's3://artifacts/bias.json', contentDigest: 'sha256:xyz' } },
      },
    }))).toEqual([
      `modelMetrics.modelQuality.statistics.s3Uri ${S3_URI_RULE}, got 'artifacts/statistics.json'`,
      `modelMetrics.bias.report.contentType must be between 0 and 256 characters long, got 257 characters: '${echoed(text(257))}'`,
      `modelMetrics.bias.report.contentDigest ${DIGEST_RULE}, got 'sha256:xyz'`,
    ]);
  });

  test('problems in drift-check baselines are located, including file sources', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      driftCheckBaselines: {
        bias: { configFile: { s3Uri: 'gs://bucket/config.json', contentType: text(257) } },
        explainability: { configFile: { s3Uri: 's3://artifacts/shap.json', contentDigest: 'abc' }, constraints: metric('c', false) },
        modelDataQuality: { constraints: { contentType: 'application/json', s3Uri: `s3://${text(1020)}` } },
      },
    }))).toEqual([
      `driftCheckBaselines.modelDataQuality.constraints.s3Uri must be between 1 and 1024 characters long, got 1025 characters: '${echoed(`s3://${text(1020)}`)}'`,
      `driftCheckBaselines.bias.configFile.contentType must be between 0 and 256 characters long, got 257 characters: '${echoed(text(257))}'`,
      `driftCheckBaselines.bias.configFile.s3Uri ${S3_URI_RULE}, got 'gs://bucket/config.json'`,
      `driftCheckBaselines.explainability.configFile.contentDigest ${DIGEST_RULE}, got 'abc'`,
    ]);
  });
});

describe('ModelPackage: partial metrics and baselines', () => {
  test('render only the leaves given', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack, {
      modelMetrics: { modelQuality: { statistics: metric('statistics', false) }, bias: { postTrainingReport: metric('bias-post') } },
      driftCheckBaselines: {
        bias: { preTrainingConstraints: metric('bias-pre') },
        explainability: { constraints: metric('explainability') },
        modelDataQuality: {},
      },
    }));

    // THEN
    const props = onlyPackage(stack).Properties;
    expect(props.ModelMetrics).toEqual({
      ModelQuality: { Statistics: { ContentType: 'application/json', S3Uri: 's3://artifacts/churn/metrics/statistics.json' } },
      Bias: { PostTrainingReport: renderedMetric('bias-post') },
    });
    expect(props.DriftCheckBaselines).toEqual({
      Bias: { PreTrainingConstraints: renderedMetric('bias-pre') },
      Explainability: { Constraints: renderedMetric('explainability') },
      ModelDataQuality: {},
    });
  });
});

describe('ModelPackage: tokens skip the value checks', () => {
  test('names, descriptions, URIs and numbers from parameters', () => {
    // GIVEN
    const { stack } = newStack();
    const param = (id: string, type = 'String') => new CfnParameter(stack, id, { type });
    const name = param('Name').valueAsString;
    const description = param('Description').valueAsString;
    const payload = param('Payload').valueAsString;
    const input = param('Input').valueAsString;
    const count = param('Count', 'Number').valueAsNumber;
    const mib = param('MaxPayload', 'Number').valueAsNumber;
    const digest = param('Digest').valueAsString;
    const lazyName = Lazy.string({ produce: () => 'LAZY_NAME' });

    // WHEN
    new ModelPackage(stack, 'Package', {
      modelPackageName: name,
      description,
      samplePayloadUrl: payload,
      sourceUri: description,
      inferenceSpecification: unversionedSpec({
        containers: [container({ imageDigest: digest, frameworkVersion: description, environment: { [lazyName]: description, MODE: payload } })],
      }),
      validationSpecification: {
        role: newRole(stack),
        profile: {
          profileName: name,
          transformJob: transformJob({
            input: { s3Uri: input },
            resources: { instanceType: InstanceType.of(param('Type').valueAsString), instanceCount: count },
            maxPayload: Size.mebibytes(mib),
          }),
        },
      },
      modelMetrics: { bias: { report: { contentType: description, s3Uri: input, contentDigest: digest } } },
    });

    // THEN
    const props = onlyPackage(stack).Properties;
    expect(props).toMatchObject({
      ModelPackageName: { Ref: 'Name' },
      ModelPackageDescription: { Ref: 'Description' },
      SamplePayloadUrl: { Ref: 'Payload' },
      InferenceSpecification: {
        Containers: [{
          Image: XGBOOST_IMAGE,
          ImageDigest: { Ref: 'Digest' },
          FrameworkVersion: { Ref: 'Description' },
          Environment: { LAZY_NAME: { Ref: 'Description' }, MODE: { Ref: 'Payload' } },
        }],
      },
      ModelMetrics: { Bias: { Report: { ContentType: { Ref: 'Description' }, S3Uri: { Ref: 'Input' }, ContentDigest: { Ref: 'Digest' } } } },
    });
    const job = props.ValidationSpecification.ValidationProfiles[0];
    expect(job.ProfileName).toEqual({ Ref: 'Name' });
    expect(job.TransformJobDefinition).toMatchObject({
      TransformInput: { DataSource: { S3DataSource: { S3Uri: { Ref: 'Input' } } } },
      TransformResources: { InstanceType: { Ref: 'Type' }, InstanceCount: { Ref: 'Count' } },
      MaxPayloadInMB: { Ref: 'MaxPayload' },
    });
  });
});

describe('ModelPackage: the group reference', () => {
  test('an owned group renders its name and the version depends on it', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });

    // WHEN
    const pkg = new ModelPackage(stack, 'Package', { modelPackageGroup: group, inferenceSpecification: minimalSpec() });

    // THEN
    expect(onlyPackage(stack)).toMatchObject({ Properties: { ModelPackageGroupName: 'churn' }, DependsOn: [logicalIdOf(group)] });
    expect(pkg.modelPackageGroup).toBe(group);
  });

  test('a group of the same account imported by name renders the name, without dependencies', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack));

    // THEN
    const pkg = onlyPackage(stack);
    expect(pkg.Properties.ModelPackageGroupName).toBe('churn');
    expect(pkg.DependsOn).toBeUndefined();
  });

  test('a group of the same account imported by ARN renders the name', () => {
    // GIVEN
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupArn(stack, 'Group', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package-group/churn`);

    // WHEN
    new ModelPackage(stack, 'Package', { modelPackageGroup: group, inferenceSpecification: minimalSpec() });

    // THEN
    expect(onlyPackage(stack).Properties.ModelPackageGroupName).toBe('churn');
  });

  test('a group of another account renders the group ARN', () => {
    // GIVEN
    const { stack } = newStack();
    const arn = `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package-group/shared`;
    const group = ModelPackageGroup.fromModelPackageGroupArn(stack, 'Group', arn);

    // WHEN
    new ModelPackage(stack, 'Package', { modelPackageGroup: group, inferenceSpecification: minimalSpec() });

    // THEN
    const pkg = onlyPackage(stack);
    expect(pkg.Properties.ModelPackageGroupName).toBe(arn);
    expect(pkg.DependsOn).toBeUndefined();
  });

  test('a group owned by a stack of another account renders its ARN, and the stacks are ordered', () => {
    // GIVEN
    const app = new App();
    const registry = new Stack(app, 'Registry', { env: { account: OTHER_ACCOUNT, region: REGION } });
    const stack = new Stack(app, 'Stack', { env: ENV });
    const group = new ModelPackageGroup(registry, 'Group', { modelPackageGroupName: 'shared' });

    // WHEN
    new ModelPackage(stack, 'Package', { modelPackageGroup: group, inferenceSpecification: minimalSpec() });

    // THEN
    const pkg = onlyPackage(stack);
    expect(pkg.Properties.ModelPackageGroupName).toEqual(partitionArn(`:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package-group/shared`));
    expect(pkg.DependsOn).toBeUndefined();
    expect(stack.dependencies).toEqual([registry]);
  });

  test('a token group ARN renders the ARN', () => {
    // GIVEN
    const { stack } = newStack();
    const arn = new CfnParameter(stack, 'GroupArn').valueAsString;

    // WHEN
    new ModelPackage(stack, 'Package', {
      modelPackageGroup: ModelPackageGroup.fromModelPackageGroupArn(stack, 'Group', arn),
      inferenceSpecification: minimalSpec(),
    });

    // THEN
    expect(onlyPackage(stack).Properties.ModelPackageGroupName).toEqual({ Ref: 'GroupArn' });
  });
});

describe('ModelPackage: group.addModelPackage()', () => {
  test('defines the version as a child of the group, in that group', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });

    // WHEN
    const pkg = group.addModelPackage('V1', { inferenceSpecification: minimalSpec(), approvalStatus: ModelApprovalStatus.APPROVED });

    // THEN
    expect(pkg.node.path).toBe('Stack/Group/V1');
    expect(pkg.node.scope).toBe(group);
    expect(pkg.modelPackageGroup).toBe(group);
    expect(onlyPackage(stack)).toEqual({
      Type: PACKAGE_TYPE,
      Properties: {
        ModelPackageGroupName: 'churn',
        InferenceSpecification: { Containers: [{ Image: XGBOOST_IMAGE }], ...CSV },
        ModelApprovalStatus: 'Approved',
      },
      DependsOn: [logicalIdOf(group)],
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  test('several versions of one group depend on the group only, not on each other', () => {
    // GIVEN
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
    group.onApprovalStatusChange('OnApproved', { statuses: [ModelApprovalStatus.APPROVED] });

    // WHEN
    const v1 = group.addModelPackage('V1', { inferenceSpecification: minimalSpec() });
    const v2 = group.addModelPackage('V2', { inferenceSpecification: minimalSpec() });

    // THEN
    const resources = Template.fromStack(stack).findResources(PACKAGE_TYPE);
    expect(resources[logicalIdOf(v1)].DependsOn).toEqual([logicalIdOf(group)]);
    expect(resources[logicalIdOf(v2)].DependsOn).toEqual([logicalIdOf(group)]);
  });

  test('an imported group registers with its name', () => {
    // GIVEN
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', 'churn');

    // WHEN
    const pkg = group.addModelPackage('V1', { inferenceSpecification: minimalSpec() });

    // THEN
    expect(pkg.node.path).toBe('Stack/Group/V1');
    expect(onlyPackage(stack).Properties.ModelPackageGroupName).toBe('churn');
  });
});

/*
 * Lifecycle stages at registration (`lifeCycle` of `ModelPackage` and `addModelPackage()`): a custom
 * resource sets the stage after the version is created, through the approval handler.
 */
const LIFE_CYCLE = 'Custom::SageMakerModelPackageLifeCycle';
const APPROVAL = 'Custom::SageMakerModelPackageApproval';
const VERSION = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/7`;
const INFERENCE: InferenceSpecification = {
  containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }],
  supportedContentTypes: ['text/csv'],
  supportedResponseMimeTypes: ['text/csv'],
};

describe('ModelPackage: lifeCycle at registration', () => {
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
describe('ModelPackage: attributes', () => {
  test('of a version: the ARN from GetAtt, name and version split from it', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const pkg = new ModelPackage(stack, 'Package', versionProps(stack));

    // THEN
    const arn = { 'Fn::GetAtt': [logicalIdOf(pkg), 'ModelPackageArn'] };
    expect(stack.resolve(pkg.modelPackageArn)).toEqual(arn);
    expect(stack.resolve(pkg.modelPackageRef.modelPackageArn)).toEqual(arn);
    expect(stack.resolve(pkg.modelPackageName)).toEqual({ 'Fn::Select': [1, { 'Fn::Split': [':model-package/', arn] }] });
    expect(stack.resolve(pkg.modelPackageVersion)).toEqual({ 'Fn::Select': [2, { 'Fn::Split': ['/', arn] }] });
    expect(pkg.encryptionKey).toBeUndefined();
    // The template must be valid too.
    onlyPackage(stack);
  });

  test('of an unversioned package: the literal name and no version', () => {
    // GIVEN
    const { stack } = newStack();
    const key = new kms.Key(stack, 'Key');

    // WHEN
    const pkg = new ModelPackage(stack, 'Package', unversionedProps({ encryptionKey: key }));

    // THEN
    expect(stack.resolve(pkg.modelPackageArn)).toEqual({ 'Fn::GetAtt': [logicalIdOf(pkg), 'ModelPackageArn'] });
    expect(pkg.modelPackageName).toBe('churn-marketplace');
    expect(pkg.modelPackageVersion).toBeUndefined();
    expect(pkg.modelPackageGroup).toBeUndefined();
    expect(pkg.encryptionKey).toBe(key);
    onlyPackage(stack);
  });
});

describe('ModelPackage imports', () => {
  test('fromModelPackageArn of a version: name group/version, environment from the ARN', () => {
    // GIVEN
    const { stack } = newStack();
    const arn = `arn:aws:sagemaker:${OTHER_REGION}:${OTHER_ACCOUNT}:model-package/churn/3`;

    // WHEN
    const pkg = ModelPackage.fromModelPackageArn(stack, 'Imported', arn);

    // THEN
    expect(pkg.modelPackageArn).toBe(arn);
    expect(pkg.modelPackageRef.modelPackageArn).toBe(arn);
    expect(pkg.modelPackageName).toBe('churn/3');
    expect(pkg.env).toEqual({ account: OTHER_ACCOUNT, region: OTHER_REGION });
  });

  test('fromModelPackageArn of an unversioned package', () => {
    // GIVEN
    const { stack } = newStack();
    const arn = `arn:aws-cn:sagemaker:cn-north-1:${ACCOUNT}:model-package/churn-marketplace`;

    // WHEN
    const pkg = ModelPackage.fromModelPackageArn(stack, 'Imported', arn);

    // THEN
    expect(pkg.modelPackageName).toBe('churn-marketplace');
    expect(pkg.env).toEqual({ account: ACCOUNT, region: 'cn-north-1' });
  });

  test.each([
    ['wrong service', `arn:aws:s3:${REGION}:${ACCOUNT}:model-package/churn/3`],
    ['wrong resource type', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package-group/churn`],
    ['model type', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/churn`],
    ['bad version', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/v3`],
    ['empty version', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/`],
    ['too many parts', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/3/4`],
    ['bad name', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn_v1/3`],
    ['name too long', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/${text(64, 'a')}`],
    ['short account', `arn:aws:sagemaker:${REGION}:1234:model-package/churn/3`],
    ['not an ARN', 'churn/3'],
  ])('fromModelPackageArn rejects an ARN with %s', (_, arn) => {
    // GIVEN
    const { stack } = newStack();

    // THEN
    expect(errorOf(() => ModelPackage.fromModelPackageArn(stack, 'Imported', arn))).toBe(
      `Invalid ModelPackage.fromModelPackageArn:\n  - modelPackageArn must be a SageMaker model package ARN: ${ARN_FORMATS}, got '${arn}'`);
  });

  test('fromModelPackageArn with a token: the name is selected from the ARN', () => {
    // GIVEN
    const { stack } = newStack();
    const arn = new CfnParameter(stack, 'PackageArn').valueAsString;

    // WHEN
    const pkg = ModelPackage.fromModelPackageArn(stack, 'Imported', arn);

    // THEN
    expect(stack.resolve(pkg.modelPackageArn)).toEqual({ Ref: 'PackageArn' });
    expect(stack.resolve(pkg.modelPackageName)).toEqual({ 'Fn::Select': [1, { 'Fn::Split': [':model-package/', { Ref: 'PackageArn' }] }] });
    expect(stack.resolve(pkg.env.account)).toEqual({ 'Fn::Select': [4, { 'Fn::Split': [':', { Ref: 'PackageArn' }] }] });
  });

  test('fromModelPackageName of a version builds the ARN in the stack environment', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const pkg = ModelPackage.fromModelPackageName(stack, 'Imported', 'churn/3');

    // THEN
    expect(pkg.modelPackageName).toBe('churn/3');
    expect(stack.resolve(pkg.modelPackageArn)).toEqual(partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/3`));
    expect(pkg.env).toEqual({ account: ACCOUNT, region: REGION });
  });

  test('fromModelPackageName of an unversioned package', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const pkg = ModelPackage.fromModelPackageName(stack, 'Imported', 'churn-marketplace');

    // THEN
    expect(pkg.modelPackageName).toBe('churn-marketplace');
    expect(stack.resolve(pkg.modelPackageArn)).toEqual(partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/churn-marketplace`));
  });

  test.each(['churn/v3', 'churn/', 'churn/3/4', 'churn_v1', '', '/3', text(64, 'a'), 'churn/1234567890'])(
    'fromModelPackageName rejects %j', (name) => {
      // GIVEN
      const { stack } = newStack();

      // THEN
      expect(errorOf(() => ModelPackage.fromModelPackageName(stack, 'Imported', name))).toBe(
        "Invalid ModelPackage.fromModelPackageName:\n  - modelPackageName must be '<group>/<version>' for a version or the name of an "
        + `unversioned package (1-63 letters, digits and hyphens), got '${name}'`);
    });

  test('fromModelPackageName with a token', () => {
    // GIVEN
    const { stack } = newStack();
    const name = new CfnParameter(stack, 'PackageName').valueAsString;

    // WHEN
    const pkg = ModelPackage.fromModelPackageName(stack, 'Imported', name);

    // THEN
    expect(pkg.modelPackageName).toBe(name);
    expect(stack.resolve(pkg.modelPackageArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:sagemaker:${REGION}:${ACCOUNT}:model-package/`, { Ref: 'PackageName' }]],
    });
  });

  test('version 0 is not a version ARN or name (versions start at 1)', () => {
    const { stack } = newStack();
    expect(errorOf(() => ModelPackage.fromModelPackageArn(stack, 'A', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/0`)))
      .toBe(`Invalid ModelPackage.fromModelPackageArn:\n  - modelPackageArn must be a SageMaker model package ARN: ${ARN_FORMATS}, `
        + `got 'arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/0'`);
    expect(errorOf(() => ModelPackage.fromModelPackageName(stack, 'B', 'churn/0'))).toMatch(/got 'churn\/0'$/);
  });
});

describe('ModelPackage grants', () => {
  const READ = ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage'];

  test('grantRead on a version: describe actions on the package ARN', () => {
    // GIVEN
    const { stack } = newStack();
    const pkg = new ModelPackage(stack, 'Package', versionProps(stack));
    const reader = newRole(stack, 'Reader');

    // WHEN
    const grant = pkg.grantRead(reader);

    // THEN
    expect(grant.success).toBe(true);
    expect(policyStatementsOf(stack, reader)).toEqual([
      { Action: READ, Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalIdOf(pkg), 'ModelPackageArn'] } },
    ]);
  });

  test('grantRead on an encrypted package also allows decrypting with its key', () => {
    // GIVEN
    const { stack } = newStack();
    const key = new kms.Key(stack, 'Key');
    const pkg = new ModelPackage(stack, 'Package', versionProps(stack, { encryptionKey: key }));
    const reader = newRole(stack, 'Reader');

    // WHEN
    const grant = pkg.grantRead(reader);

    // THEN
    expect(grant.success).toBe(true);
    expect(grant.principalStatements).toHaveLength(2);
    expect(policyStatementsOf(stack, reader)).toEqual([
      { Action: READ, Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalIdOf(pkg), 'ModelPackageArn'] } },
      { Action: 'kms:Decrypt', Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalIdOf(key), 'Arn'] } },
    ]);
  });

  test('grantApprove on a version: UpdateModelPackage plus the read actions (and decrypt)', () => {
    // GIVEN
    const { stack } = newStack();
    const key = new kms.Key(stack, 'Key');
    const pkg = new ModelPackage(stack, 'Package', versionProps(stack, { encryptionKey: key }));
    const approver = newRole(stack, 'Approver');

    // WHEN
    pkg.grantApprove(approver);

    // THEN
    expect(policyStatementsOf(stack, approver)).toEqual([
      {
        Action: ['sagemaker:UpdateModelPackage', ...READ],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logicalIdOf(pkg), 'ModelPackageArn'] },
      },
      { Action: 'kms:Decrypt', Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalIdOf(key), 'Arn'] } },
    ]);
  });

  test('grantApprove on an owned unversioned package throws', () => {
    // GIVEN
    const { stack } = newStack();
    const pkg = new ModelPackage(stack, 'Package', unversionedProps());

    // THEN
    expect(errorOf(() => pkg.grantApprove(newRole(stack, 'Approver')))).toBe(
      'Invalid ModelPackage Stack/Package:\n  - grantApprove applies only to versions (packages in a model package group), got an unversioned model package');
  });

  test('grantApprove on an unversioned package imported by name or ARN throws', () => {
    // GIVEN
    const { stack } = newStack();
    const byName = ModelPackage.fromModelPackageName(stack, 'ByName', 'churn-marketplace');
    const byArn = ModelPackage.fromModelPackageArn(stack, 'ByArn', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn-marketplace`);
    const approver = newRole(stack, 'Approver');

    // THEN
    expect(errorOf(() => byName.grantApprove(approver))).toBe(
      'Invalid ModelPackage Stack/ByName:\n  - grantApprove applies only to versions (packages in a model package group), got an unversioned model package');
    expect(errorOf(() => byArn.grantApprove(approver))).toBe(
      'Invalid ModelPackage Stack/ByArn:\n  - grantApprove applies only to versions (packages in a model package group), got an unversioned model package');
  });

  test('grantApprove and grantRead on imported versions (by ARN, by name, by token)', () => {
    // GIVEN
    const { stack } = newStack();
    const arn = `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package/churn/3`;
    const byArn = ModelPackage.fromModelPackageArn(stack, 'ByArn', arn);
    const byName = ModelPackage.fromModelPackageName(stack, 'ByName', 'churn/4');
    const byToken = ModelPackage.fromModelPackageArn(stack, 'ByToken', new CfnParameter(stack, 'PackageArn').valueAsString);
    const approver = newRole(stack, 'Approver');

    // WHEN
    byArn.grantApprove(approver);
    byName.grantApprove(approver);
    byToken.grantApprove(approver);
    byArn.grantRead(approver);

    // THEN
    const approve = ['sagemaker:UpdateModelPackage', ...READ];
    expect(policyStatementsOf(stack, approver)).toEqual([
      { Action: approve, Effect: 'Allow', Resource: arn },
      { Action: approve, Effect: 'Allow', Resource: partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/4`) },
      { Action: approve, Effect: 'Allow', Resource: { Ref: 'PackageArn' } },
      { Action: READ, Effect: 'Allow', Resource: arn },
    ]);
  });

  test('the validation role may pull the images, read the model data and use the job keys, before the package is created', () => {
    // GIVEN
    const { stack } = newStack();
    const repository = new ecr.Repository(stack, 'Images');
    const bucket = new s3.Bucket(stack, 'Artifacts');
    const outputKey = new kms.Key(stack, 'OutputKey');
    const volumeKey = new kms.Key(stack, 'VolumeKey');
    const role = newRole(stack);

    // WHEN
    const pkg = new ModelPackage(stack, 'Package', versionProps(stack, {
      inferenceSpecification: minimalSpec({
        containers: [
          { image: ContainerImage.fromEcrRepository(repository, '1.7-1'), modelData: ModelData.fromBucket(bucket, 'churn/model.tar.gz') },
          { image: ContainerImage.fromRegistry(XGBOOST_IMAGE), modelData: ModelData.fromBucketPrefix(bucket, 'churn/uncompressed/') },
        ],
      }),
      validationSpecification: {
        role,
        profile: {
          profileName: 'smoke',
          transformJob: transformJob({
            output: { s3OutputPath: 's3://artifacts/validation/output/', encryptionKey: outputKey },
            resources: { instanceType: InstanceType.M5_XLARGE, volumeEncryptionKey: volumeKey },
          }),
        },
      },
    }));

    // THEN
    const bucketArn = { 'Fn::GetAtt': [logicalIdOf(bucket), 'Arn'] };
    const objects = (suffix: string) => ({ 'Fn::Join': ['', [bucketArn, suffix]] });
    const s3Read = ['s3:GetObject*', 's3:GetBucket*', 's3:List*'];
    expect(policyStatementsOf(stack, role)).toEqual([
      {
        Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logicalIdOf(repository), 'Arn'] },
      },
      { Action: 'ecr:GetAuthorizationToken', Effect: 'Allow', Resource: '*' },
      { Action: s3Read, Effect: 'Allow', Resource: [bucketArn, objects('/churn/model.tar.gz')] },
      { Action: s3Read, Effect: 'Allow', Resource: [bucketArn, objects('/churn/uncompressed/*')] },
      {
        Action: ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logicalIdOf(outputKey), 'Arn'] },
      },
      {
        Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [logicalIdOf(volumeKey), 'Arn'] },
      },
    ]);
    const resource = Template.fromStack(stack).findResources(PACKAGE_TYPE)[logicalIdOf(pkg)];
    expect([...resource.DependsOn].sort()).toEqual([logicalIdOf(role.node.findChild('DefaultPolicy'))]);
  });

  test('the validation role may read model data given by s3:// URL, but not https:// URLs', () => {
    // GIVEN
    const { stack } = newStack();
    const role = newRole(stack);

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack, {
      inferenceSpecification: minimalSpec({
        containers: [
          container({ modelData: ModelData.fromS3Url('s3://artifacts/churn/model.tar.gz') }),
          container({ modelData: ModelData.fromS3Prefix('s3://artifacts/churn/uncompressed/') }),
          container({ modelData: ModelData.fromS3Url('https://artifacts.s3.amazonaws.com/churn/model.tar.gz') }),
        ],
      }),
      validationSpecification: { role, profile: { profileName: 'smoke', transformJob: transformJob() } },
    }));

    // THEN
    const s3Read = ['s3:GetObject*', 's3:GetBucket*', 's3:List*'];
    expect(policyStatementsOf(stack, role)).toEqual([
      { Action: s3Read, Effect: 'Allow', Resource: [partitionArn(':s3:::artifacts'), partitionArn(':s3:::artifacts/churn/model.tar.gz')] },
      { Action: s3Read, Effect: 'Allow', Resource: [partitionArn(':s3:::artifacts'), partitionArn(':s3:::artifacts/churn/uncompressed/*')] },
    ]);
  });

  test('without a validation specification nothing is granted', () => {
    // GIVEN
    const { stack } = newStack();
    const repository = new ecr.Repository(stack, 'Images');
    const bucket = new s3.Bucket(stack, 'Artifacts');

    // WHEN
    new ModelPackage(stack, 'Package', versionProps(stack, {
      inferenceSpecification: minimalSpec({
        containers: [{ image: ContainerImage.fromEcrRepository(repository), modelData: ModelData.fromBucket(bucket, 'model.tar.gz') }],
      }),
    }));

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    expect(onlyPackage(stack).Properties.InferenceSpecification.Containers[0].Image).toEqual({
      'Fn::Join': ['', [
        { 'Fn::Select': [4, { 'Fn::Split': [':', { 'Fn::GetAtt': [logicalIdOf(repository), 'Arn'] }] }] },
        '.dkr.ecr.',
        { 'Fn::Select': [3, { 'Fn::Split': [':', { 'Fn::GetAtt': [logicalIdOf(repository), 'Arn'] }] }] },
        '.',
        { Ref: 'AWS::URLSuffix' },
        '/',
        { Ref: logicalIdOf(repository) },
        ':latest',
      ]],
    });
  });
});

describe('ModelPackage: the IModelPackage interface', () => {
  test('owned and imported packages are accepted wherever an IModelPackage is', () => {
    // GIVEN
    const { stack } = newStack();
    const packages: IModelPackage[] = [
      new ModelPackage(stack, 'Package', versionProps(stack)),
      ModelPackage.fromModelPackageName(stack, 'Imported', 'churn/1'),
    ];
    const reader = newRole(stack, 'Reader');

    // WHEN
    packages.forEach((p) => p.grantRead(reader));

    // THEN
    expect(policyStatementsOf(stack, reader).map((s) => s.Action)).toEqual([
      ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage'],
      ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage'],
    ]);
    expect(Token.isUnresolved(packages[0].modelPackageArn)).toBe(true);
  });
});

describe('ModelPackage: grantDeploy', () => {
  const READ = ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage'];
  const PULL = ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'];
  const S3_GET = ['s3:GetObject*', 's3:GetBucket*', 's3:List*'];

  test('an owned version: describe, pull its images and read its model data (archive and prefix, additional specs, source algorithm)', () => {
    // GIVEN
    const { stack } = newStack();
    const repository = new ecr.Repository(stack, 'Images');
    const bucket = new s3.Bucket(stack, 'Artifacts');
    const pkg = new ModelPackage(stack, 'Package', versionProps(stack, {
      inferenceSpecification: minimalSpec({
        containers: [{ image: ContainerImage.fromEcrRepository(repository, 'v1'), modelData: ModelData.fromBucket(bucket, 'm/model.tar.gz') }],
      }),
      additionalInferenceSpecifications: [{
        name: 'gpu',
        containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), modelData: ModelData.fromBucketPrefix(bucket, 'gpu/') }],
      }],
      sourceAlgorithm: { algorithmName: 'churn-xgboost', modelData: ModelData.fromBucket(bucket, 'train/output/model.tar.gz') },
    }));
    const deployer = newRole(stack, 'ModelRole');

    // WHEN
    const grant = pkg.grantDeploy(deployer);

    // THEN
    expect(grant.success).toBe(true);
    const bucketArn = { 'Fn::GetAtt': [logicalIdOf(bucket), 'Arn'] };
    const objectArn = (key: string) => ({ 'Fn::Join': ['', [bucketArn, `/${key}`]] });
    expect(policyStatementsOf(stack, deployer)).toEqual([
      { Action: READ, Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalIdOf(pkg), 'ModelPackageArn'] } },
      { Action: PULL, Effect: 'Allow', Resource: { 'Fn::GetAtt': [logicalIdOf(repository), 'Arn'] } },
      { Action: 'ecr:GetAuthorizationToken', Effect: 'Allow', Resource: '*' },
      { Action: S3_GET, Effect: 'Allow', Resource: [bucketArn, objectArn('m/model.tar.gz')] },
      { Action: S3_GET, Effect: 'Allow', Resource: [bucketArn, objectArn('gpu/*')] },
      { Action: S3_GET, Effect: 'Allow', Resource: [bucketArn, objectArn('train/output/model.tar.gz')] },
    ]);
  });

  test('an imported version: describe only (its owner shares images and model data)', () => {
    // GIVEN
    const { stack } = newStack();
    const pkg = ModelPackage.fromModelPackageArn(stack, 'Imported', `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package/churn/3`);
    const deployer = newRole(stack, 'ModelRole');

    // WHEN
    pkg.grantDeploy(deployer);

    // THEN
    expect(policyStatementsOf(stack, deployer)).toEqual([
      { Action: READ, Effect: 'Allow', Resource: `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package/churn/3` },
    ]);
  });
});

/**
 * Values that would synthesize into a template CloudFormation rejects (or that YAML-based tools cannot
 * read) are reported at synth time.
 */
describe('ModelPackage: values CloudFormation rejects (snapshots, enum values, unsupported instance types, characters, URI lengths)', () => {
  test('RemovalPolicy.SNAPSHOT is an error (model packages have no snapshots)', () => {
    expect(problemsOf((stack) => versionProps(stack, { removalPolicy: RemovalPolicy.SNAPSHOT }))).toEqual([
      'removalPolicy must be RemovalPolicy.DESTROY, RemovalPolicy.RETAIN or RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE '
      + '(AWS::SageMaker::ModelPackage has no snapshots, so CloudFormation rejects DeletionPolicy Snapshot), got RemovalPolicy.SNAPSHOT',
    ]);
  });

  test.each(['approved', 'Pending', 'Approved '])('approval status %j, not a ModelApprovalStatus value, is an error', (status) => {
    expect(problemsOf((stack) => versionProps(stack, { approvalStatus: status as ModelApprovalStatus }))).toEqual([
      `approvalStatus must be one of 'Approved', 'Rejected', 'PendingManualApproval' (ModelApprovalStatus), got '${status}'`,
    ]);
  });

  test('a model card status that is not a ModelCardStatus value is an error', () => {
    expect(problemsOf((stack) => versionProps(stack, { modelCard: { content: '{}', status: 'draft' as ModelCardStatus } }))).toEqual([
      "modelCard.status must be one of 'Draft', 'PendingReview', 'Approved', 'Archived' (ModelCardStatus), got 'draft'",
    ]);
  });

  test('transform job settings that are not values of their enums are errors', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      validationSpecification: {
        role: newRole(stack),
        profile: {
          profileName: 'smoke',
          transformJob: transformJob({
            input: {
              s3Uri: 's3://artifacts/in/',
              dataType: 's3prefix' as TransformInputDataType,
              compressionType: 'gzip' as CompressionType,
              splitType: 'Lines' as SplitType,
            },
            output: { s3OutputPath: 's3://artifacts/out/', assembleWith: 'line' as AssembleWith },
            batchStrategy: 'single' as BatchStrategy,
          }),
        },
      },
    }))).toEqual([
      `${TRANSFORM}.input.dataType must be one of 'S3Prefix', 'ManifestFile', 'AugmentedManifestFile' (TransformInputDataType), got 's3prefix'`,
      `${TRANSFORM}.input.compressionType must be one of 'None', 'Gzip' (CompressionType), got 'gzip'`,
      `${TRANSFORM}.input.splitType must be one of 'None', 'Line', 'RecordIO', 'TFRecord' (SplitType), got 'Lines'`,
      `${TRANSFORM}.output.assembleWith must be one of 'None', 'Line' (AssembleWith), got 'line'`,
      `${TRANSFORM}.batchStrategy must be one of 'MultiRecord', 'SingleRecord' (BatchStrategy), got 'single'`,
    ]);
  });

  test('instance types SageMaker does not support for the use are errors, with the sizes of the family it does support', () => {
    const message = errorOf(() => {
      const { stack } = newStack();
      new ModelPackage(stack, 'Package', unversionedProps({
        inferenceSpecification: unversionedSpec({
          supportedRealtimeInferenceInstanceTypes: [InstanceType.of('ml.m5.huge')],
          supportedTransformInstanceTypes: [InstanceType.T2_MEDIUM],
        }),
      }));
    });
    expect(message.split('\n  - ').slice(1)).toEqual([
      "inferenceSpecification.supportedRealtimeInferenceInstanceTypes[0] must be an instance type SageMaker supports for real-time inference, got 'ml.m5.huge' "
      + '(the ml.m5 types SageMaker supports for real-time inference are ml.m5.large, ml.m5.xlarge, ml.m5.2xlarge, ml.m5.4xlarge, ml.m5.12xlarge, ml.m5.24xlarge)',
      "inferenceSpecification.supportedTransformInstanceTypes[0] must be an instance type SageMaker supports for batch transform, got 'ml.t2.medium' "
      + '(SageMaker has no ml.t2 instance types for batch transform; for example ml.m5.xlarge or ml.c5.xlarge)',
    ]);
  });

  test('the instance type of the validation transform job must be one SageMaker supports for batch transform', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      validationSpecification: {
        role: newRole(stack),
        profile: { profileName: 'smoke', transformJob: transformJob({ resources: { instanceType: InstanceType.C5_LARGE } }) },
      },
    }))).toEqual([
      `${TRANSFORM}.resources.instanceType must be an instance type SageMaker supports for batch transform, got 'ml.c5.large' `
      + '(the ml.c5 types SageMaker supports for batch transform are ml.c5.xlarge, ml.c5.2xlarge, ml.c5.4xlarge, ml.c5.9xlarge, ml.c5.18xlarge)',
    ]);
  });

  test('instance types given as tokens are not checked', () => {
    const { stack } = newStack();
    const type = InstanceType.of(new CfnParameter(stack, 'Type').valueAsString);
    new ModelPackage(stack, 'Package', unversionedProps({
      inferenceSpecification: unversionedSpec({ supportedRealtimeInferenceInstanceTypes: [type], supportedTransformInstanceTypes: [type] }),
    }));
    Template.fromStack(stack).resourceCountIs(PACKAGE_TYPE, 1);
  });

  test.each([
    ['DEL', 'a\u007fb', 'U+007F', '"a\\u007fb"'],
    ['a C1 control character', 'a\u0090b', 'U+0090', '"a\\u0090b"'],
    ['an unpaired surrogate', 'a\ud800b', 'U+D800', '"a\\ud800b"'],
    ['the non-character U+FFFF', 'a\uffffb', 'U+FFFF', '"a\\uffffb"'],
  ])('free text with %s, which no template can carry, is an error', (_, value, code, shown) => {
    expect(problemsOf((stack) => versionProps(stack, {
      inferenceSpecification: minimalSpec({ containers: [container({ environment: { MODE: value } })] }),
      metadata: { commitId: value },
    }))).toEqual([
      `metadata.commitId must not contain ${code} (a control character, non-character or unpaired surrogate), which a CloudFormation `
      + `template cannot carry (YAML-based tools such as cfn-lint cannot read the template), got ${shown}`,
      `${CONTAINER}.environment.MODE must not contain ${code} (a control character, non-character or unpaired surrogate), which a CloudFormation `
      + `template cannot carry (YAML-based tools such as cfn-lint cannot read the template), got ${shown}`,
    ]);
  });

  test('line breaks, tabs, U+0085 and emoji in free text are fine', () => {
    const { stack } = newStack();
    new ModelPackage(stack, 'Package', versionProps(stack, {
      inferenceSpecification: minimalSpec({ containers: [container({ environment: { MODE: 'a\nb\tc\u0085d 😀' } })] }),
    }));
    Template.fromStack(stack).hasResourceProperties(PACKAGE_TYPE, {
      InferenceSpecification: { Containers: [Match.objectLike({ Environment: { MODE: 'a\nb\tc\u0085d 😀' } })] },
    });
  });

  test('model data in a bucket whose S3 URI is longer than 1024 characters is an error', () => {
    const key = `${'k'.repeat(1010)}.tar.gz`;
    const uri = `s3://model-artifacts/${key}`;
    expect(problemsOf((stack) => {
      const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'model-artifacts');
      return versionProps(stack, {
        inferenceSpecification: minimalSpec({ containers: [container({ modelData: ModelData.fromBucket(bucket, key) })] }),
        sourceAlgorithm: { algorithmName: 'xgboost', modelData: ModelData.fromBucket(bucket, key) },
      });
    })).toEqual([
      `${CONTAINER}.modelData must be between 1 and 1024 characters long, got ${uri.length} characters: '${uri.slice(0, 80)}...'`,
      `sourceAlgorithm.modelData must be between 1 and 1024 characters long, got ${uri.length} characters: '${uri.slice(0, 80)}...'`,
    ]);
  });
});

describe('ModelPackage: maps that read as intrinsic functions', () => {
  test.each([
    ['Ref', 'customerMetadata'],
    ['Fn::Join', 'customerMetadata'],
  ])('customer metadata whose only key is %s is an error', (key) => {
    expect(problemsOf((stack) => versionProps(stack, { customerMetadata: { [key]: 'team' } }))).toEqual([
      `customerMetadata must not have '${key}' as its only key: CloudFormation reads an object whose only key is Ref or Fn::<name> `
      + `as an intrinsic function, not as data; rename the entry or add another, got {"${key}": "team"}`,
    ]);
  });

  test('a container environment whose only variable is Ref is an error; with another variable it is data', () => {
    expect(problemsOf((stack) => versionProps(stack, {
      inferenceSpecification: minimalSpec({ containers: [container({ environment: { Ref: 'main' } })] }),
    }))).toEqual([
      `${CONTAINER}.environment must not have 'Ref' as its only key: CloudFormation reads an object whose only key is Ref or Fn::<name> `
      + 'as an intrinsic function, not as data; rename the entry or add another, got {"Ref": "main"}',
    ]);
    const { stack } = newStack();
    new ModelPackage(stack, 'Package', versionProps(stack, {
      inferenceSpecification: minimalSpec({ containers: [container({ environment: { Ref: 'main', MODE: 'a' } })] }),
      customerMetadata: { Ref: 'main', team: 'churn' },
    }));
    Template.fromStack(stack).hasResourceProperties(PACKAGE_TYPE, { CustomerMetadataProperties: { Ref: 'main', team: 'churn' } });
  });
});
