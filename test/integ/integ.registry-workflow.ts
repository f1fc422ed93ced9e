/**
 * The approval workflow: a version registered pending and approved at deploy time (with a lifecycle
 * stage), the latest approved version looked up at deploy time and deployed as a model, and a group
 * that deletes its versions, including one registered outside CloudFormation, when it is destroyed.
 *
 * The group's name is in mixed case. The lookup's function may call ListModelPackages only on the
 * group's ARN and its versions' ARNs as the library writes them (name as given), so a successful
 * lookup settles two open questions at once: whether a resource-scoped grant authorizes
 * ListModelPackages, and whether IAM evaluates group ARNs with their letter case kept.
 *
 * After deployment: DescribeModelPackage shows version 2 approved, with its description and stage;
 * DescribeModel shows the model built from the lookup deploying version 2 (the newest approved one);
 * CreateModelPackage registers version 3 outside CloudFormation, which the group's auto-delete must
 * remove when the stack is destroyed (the destroy fails otherwise).
 */
import * as path from 'path';
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as s3Assets from 'aws-cdk-lib/aws-s3-assets';
import { ASSETS, INTEG_REGIONS, XGBOOST_IMAGE, integApp, integStack, synthIntegApp } from './support';
import {
  ContainerImage,
  InferenceSpecification,
  InstanceType,
  LookupRefresh,
  Model,
  ModelApprovalStatus,
  ModelData,
  ModelPackageApproval,
  ModelPackageGroup,
} from '../../src';

const GROUP_NAME = 'IntegRegistry-Workflow';

const app = integApp();
const stack = integStack(app, 'cdk-sagemaker-registry-integ-workflow');

const model = new s3Assets.Asset(stack, 'ModelArchive', { path: path.join(ASSETS, 'model.tar.gz') });
const inferenceSpecification: InferenceSpecification = {
  containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), modelData: ModelData.fromS3Url(model.s3ObjectUrl) }],
  supportedContentTypes: ['text/csv'],
  supportedResponseMimeTypes: ['text/csv'],
  supportedRealtimeInferenceInstanceTypes: [InstanceType.M5_LARGE],
};

const group = new ModelPackageGroup(stack, 'Group', {
  modelPackageGroupName: GROUP_NAME,
  removalPolicy: RemovalPolicy.DESTROY,
  autoDeleteModelPackages: true,
});
const v1 = group.addModelPackage('V1', {
  inferenceSpecification,
  approvalStatus: ModelApprovalStatus.APPROVED,
  removalPolicy: RemovalPolicy.DESTROY,
});
const v2 = group.addModelPackage('V2', {
  inferenceSpecification,
  approvalStatus: ModelApprovalStatus.PENDING_MANUAL_APPROVAL,
  removalPolicy: RemovalPolicy.DESTROY,
});
v2.node.addDependency(v1); // version 2 is registered after version 1

const approval = new ModelPackageApproval(stack, 'ApproveV2', {
  modelPackage: v2,
  approvalStatus: ModelApprovalStatus.APPROVED,
  approvalDescription: 'approved at deploy time by the integration test',
  lifeCycle: { stage: 'Staging', stageStatus: 'Approved', stageDescription: 'integration test' },
});

const latest = group.latestApprovedModelPackage(stack, 'Latest', { refresh: LookupRefresh.EVERY_DEPLOYMENT });
latest.node.addDependency(approval); // look up after version 2 is approved
const latestModel = new Model(stack, 'LatestModel', {
  modelName: 'integ-registry-latest-approved',
  containers: [{ modelPackage: latest }],
  removalPolicy: RemovalPolicy.DESTROY,
});

const integ = new IntegTest(app, 'RegistryWorkflowTest', {
  testCases: [stack],
  regions: INTEG_REGIONS,
  diffAssets: false,
});

integ.assertions
  .awsApiCall('SageMaker', 'describeModelPackage', { ModelPackageName: v2.modelPackageArn })
  .expect(ExpectedResult.objectLike({
    ModelPackageGroupName: GROUP_NAME,
    ModelPackageVersion: 2,
    ModelApprovalStatus: 'Approved',
    ApprovalDescription: 'approved at deploy time by the integration test',
    ModelLifeCycle: { Stage: 'Staging', StageStatus: 'Approved', StageDescription: 'integration test' },
  }));

integ.assertions
  .awsApiCall('SageMaker', 'describeModel', { ModelName: latestModel.modelName })
  .expect(ExpectedResult.objectLike({
    PrimaryContainer: Match.objectLike({ ModelPackageName: v2.modelPackageArn }),
  }));

// A version that CloudFormation does not know: the group's auto-delete must remove it on destroy.
const register = integ.assertions
  .awsApiCall('SageMaker', 'createModelPackage', {
    ModelPackageGroupName: GROUP_NAME,
    ModelPackageDescription: 'registered outside CloudFormation by the integration test',
    InferenceSpecification: {
      Containers: [{ Image: XGBOOST_IMAGE, ModelDataUrl: model.s3ObjectUrl }],
      SupportedContentTypes: ['text/csv'],
      SupportedResponseMIMETypes: ['text/csv'],
    },
  });
register.expect(ExpectedResult.objectLike({
  ModelPackageArn: Match.stringLikeRegexp(`:model-package/${GROUP_NAME}/3$`),
}));
// In case SageMaker reads the model data with the caller's rights when it registers the version.
register.provider.addToRolePolicy({
  Effect: 'Allow',
  Action: ['s3:GetObject'],
  Resource: [model.bucket.arnForObjects(model.s3ObjectKey)],
});

synthIntegApp(app);
