/**
 * Models: from an image alone, from an image with model data (an uploaded archive), and from a
 * registered model package version.
 *
 * After deployment: DescribeModel shows each model's primary container (image, model data URL, or
 * the version's ARN) and the execution role the construct created. CreateModel itself checks that
 * the role can read the model data, so a successful deployment also proves the role's grants.
 */
import * as path from 'path';
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { RemovalPolicy } from 'aws-cdk-lib';
import { ASSETS, INTEG_REGIONS, XGBOOST_IMAGE, integApp, integStack, synthIntegApp } from './support';
import {
  ContainerImage,
  InstanceType,
  Model,
  ModelApprovalStatus,
  ModelData,
  ModelPackageGroup,
} from '../../src';

const app = integApp();
const stack = integStack(app, 'cdk-sagemaker-registry-integ-models');

const fromImage = new Model(stack, 'FromImage', {
  modelName: 'integ-registry-model-image',
  containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), environment: { SAGEMAKER_PROGRAM: 'none' } }],
  removalPolicy: RemovalPolicy.DESTROY,
});

const fromData = new Model(stack, 'FromData', {
  modelName: 'integ-registry-model-data',
  containers: [{
    image: ContainerImage.fromRegistry(XGBOOST_IMAGE),
    modelData: ModelData.fromAsset(path.join(ASSETS, 'model.tar.gz')),
  }],
  removalPolicy: RemovalPolicy.DESTROY,
});

const group = new ModelPackageGroup(stack, 'Group', {
  modelPackageGroupName: 'integ-registry-models',
  removalPolicy: RemovalPolicy.DESTROY,
});
const version = group.addModelPackage('Version', {
  inferenceSpecification: {
    containers: [{
      image: ContainerImage.fromRegistry(XGBOOST_IMAGE),
      modelData: ModelData.fromAsset(path.join(ASSETS, 'model.tar.gz')),
    }],
    supportedContentTypes: ['text/csv'],
    supportedResponseMimeTypes: ['text/csv'],
    supportedRealtimeInferenceInstanceTypes: [InstanceType.M5_LARGE],
  },
  approvalStatus: ModelApprovalStatus.APPROVED,
  removalPolicy: RemovalPolicy.DESTROY,
});
const fromPackage = new Model(stack, 'FromPackage', {
  modelName: 'integ-registry-model-package',
  containers: [{ modelPackage: version }],
  removalPolicy: RemovalPolicy.DESTROY,
});

const integ = new IntegTest(app, 'ModelTest', {
  testCases: [stack],
  regions: INTEG_REGIONS,
  diffAssets: false,
});

integ.assertions
  .awsApiCall('SageMaker', 'describeModel', { ModelName: fromImage.modelName })
  .expect(ExpectedResult.objectLike({
    ModelName: 'integ-registry-model-image',
    PrimaryContainer: Match.objectLike({ Image: XGBOOST_IMAGE, Environment: { SAGEMAKER_PROGRAM: 'none' } }),
    ExecutionRoleArn: fromImage.role!.roleArn,
  }));

integ.assertions
  .awsApiCall('SageMaker', 'describeModel', { ModelName: fromData.modelName })
  .expect(ExpectedResult.objectLike({
    PrimaryContainer: Match.objectLike({ Image: XGBOOST_IMAGE, ModelDataUrl: Match.stringLikeRegexp('^s3://.*\\.tar\\.gz$') }),
    ExecutionRoleArn: fromData.role!.roleArn,
  }));

integ.assertions
  .awsApiCall('SageMaker', 'describeModel', { ModelName: fromPackage.modelName })
  .expect(ExpectedResult.objectLike({
    PrimaryContainer: Match.objectLike({ ModelPackageName: version.modelPackageArn }),
    ExecutionRoleArn: fromPackage.role!.roleArn,
  }));

synthIntegApp(app);
