/**
 * Model package versions: versioned (in a group, approved at registration), unversioned, and
 * validated (SageMaker runs a batch transform job with the package's model before accepting it).
 *
 * After deployment: ListModelPackages lists the group's version; DescribeModelPackage shows the
 * versioned package approved in its group with the container image and model data given, the
 * unversioned package completed, and the validated package completed with a completed validation.
 */
import * as path from 'path';
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3Assets from 'aws-cdk-lib/aws-s3-assets';
import { ASSETS, INTEG_REGIONS, XGBOOST_IMAGE, integApp, integStack, synthIntegApp } from './support';
import {
  ContainerImage,
  InferenceSpecification,
  InstanceType,
  ModelApprovalStatus,
  ModelData,
  ModelPackage,
  ModelPackageGroup,
  TransformInputDataType,
} from '../../src';

const GROUP_NAME = 'integ-registry-versions';
const UNVERSIONED_NAME = 'integ-registry-unversioned';
const VALIDATED_NAME = 'integ-registry-validated';

const app = integApp();
const stack = integStack(app, 'cdk-sagemaker-registry-integ-versions');

// One model (an XGBoost regressor of one feature, test/integ/assets/make_model.py) for every package.
const inferenceSpecification = (): InferenceSpecification => ({
  containers: [{
    image: ContainerImage.fromRegistry(XGBOOST_IMAGE),
    modelData: ModelData.fromAsset(path.join(ASSETS, 'model.tar.gz')),
  }],
  supportedContentTypes: ['text/csv'],
  supportedResponseMimeTypes: ['text/csv'],
  supportedRealtimeInferenceInstanceTypes: [InstanceType.M5_LARGE],
  supportedTransformInstanceTypes: [InstanceType.M5_LARGE],
});

const group = new ModelPackageGroup(stack, 'Group', {
  modelPackageGroupName: GROUP_NAME,
  removalPolicy: RemovalPolicy.DESTROY,
});
const versioned = group.addModelPackage('Versioned', {
  description: 'Integration test: a version registered approved',
  inferenceSpecification: inferenceSpecification(),
  approvalStatus: ModelApprovalStatus.APPROVED,
  approvalDescription: 'approved by the integration test',
  customerMetadata: { suite: 'integ' },
  removalPolicy: RemovalPolicy.DESTROY,
});

new ModelPackage(stack, 'Unversioned', {
  modelPackageName: UNVERSIONED_NAME,
  description: 'Integration test: an unversioned package',
  inferenceSpecification: inferenceSpecification(),
  removalPolicy: RemovalPolicy.DESTROY,
});

// The validation transform job reads the inference data and writes its results to this bucket.
const results = new s3.Bucket(stack, 'ValidationResults', {
  removalPolicy: RemovalPolicy.DESTROY,
  autoDeleteObjects: true,
});
const input = new s3Assets.Asset(stack, 'TransformInput', { path: path.join(ASSETS, 'transform-input.csv') });
const validationRole = new iam.Role(stack, 'ValidationRole', {
  assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
});
input.grantRead(validationRole);
results.grantReadWrite(validationRole);
new ModelPackage(stack, 'Validated', {
  modelPackageName: VALIDATED_NAME,
  description: 'Integration test: a package validated by a batch transform job',
  inferenceSpecification: inferenceSpecification(),
  validationSpecification: {
    role: validationRole,
    profile: {
      profileName: 'transform',
      transformJob: {
        input: { s3Uri: input.s3ObjectUrl, dataType: TransformInputDataType.S3_PREFIX, contentType: 'text/csv' },
        output: { s3OutputPath: results.s3UrlForObject('validation/') },
        resources: { instanceType: InstanceType.M5_LARGE },
      },
    },
  },
  removalPolicy: RemovalPolicy.DESTROY,
});

const integ = new IntegTest(app, 'ModelPackageTest', {
  testCases: [stack],
  regions: INTEG_REGIONS,
  diffAssets: false,
});

integ.assertions
  .awsApiCall('SageMaker', 'listModelPackages', { ModelPackageGroupName: GROUP_NAME })
  .expect(ExpectedResult.objectLike({
    ModelPackageSummaryList: [Match.objectLike({
      ModelPackageGroupName: GROUP_NAME,
      ModelPackageVersion: 1,
      ModelApprovalStatus: 'Approved',
      ModelPackageStatus: 'Completed',
    })],
  }));

integ.assertions
  .awsApiCall('SageMaker', 'describeModelPackage', { ModelPackageName: versioned.modelPackageArn })
  .expect(ExpectedResult.objectLike({
    ModelPackageGroupName: GROUP_NAME,
    ModelPackageVersion: 1,
    ModelApprovalStatus: 'Approved',
    ApprovalDescription: 'approved by the integration test',
    CustomerMetadataProperties: { suite: 'integ' },
    InferenceSpecification: Match.objectLike({
      Containers: [Match.objectLike({ Image: XGBOOST_IMAGE, ModelDataUrl: Match.stringLikeRegexp('^s3://.*\\.tar\\.gz$') })],
      SupportedContentTypes: ['text/csv'],
    }),
  }));

integ.assertions
  .awsApiCall('SageMaker', 'describeModelPackage', { ModelPackageName: UNVERSIONED_NAME })
  .expect(ExpectedResult.objectLike({ ModelPackageName: UNVERSIONED_NAME, ModelPackageStatus: 'Completed' }));

// Validation runs a transform job: poll until it has finished (CloudFormation may return earlier).
integ.assertions
  .awsApiCall('SageMaker', 'describeModelPackage', { ModelPackageName: VALIDATED_NAME })
  .expect(ExpectedResult.objectLike({
    ModelPackageStatus: 'Completed',
    ModelPackageStatusDetails: Match.objectLike({
      ValidationStatuses: [Match.objectLike({ Name: 'transform', Status: 'Completed' })],
    }),
  }))
  .waitForAssertions({ totalTimeout: Duration.minutes(30), interval: Duration.minutes(1) });

synthIntegApp(app);
