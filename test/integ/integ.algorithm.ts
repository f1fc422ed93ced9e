/**
 * Algorithms: one without validation, and one that SageMaker validates by running a training job (and
 * a batch transform job with the trained model) before accepting it. The algorithm's image is
 * SageMaker's XGBoost image; the validation trains on test/integ/assets/train.csv.
 *
 * After deployment: DescribeAlgorithm shows both algorithms completed, with the training image,
 * channel and hyperparameters given, and the validated one with a completed validation; the first
 * one's ARN keeps the letter case of its name as written.
 */
import * as path from 'path';
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3Assets from 'aws-cdk-lib/aws-s3-assets';
import { ASSETS, INTEG_REGIONS, XGBOOST_IMAGE, integApp, integStack, synthIntegApp } from './support';
import {
  Algorithm,
  ContainerImage,
  HyperParameterRange,
  HyperParameterType,
  InstanceType,
  TrainingInputDataType,
  TrainingInputMode,
  TrainingSpecification,
} from '../../src';

// Mixed case: the first assertion settles whether SageMaker keeps the letter case in algorithm ARNs.
const ALGORITHM_NAME = 'IntegRegistry-Algorithm';

const app = integApp();
const stack = integStack(app, 'cdk-sagemaker-registry-integ-algorithms');

const trainingSpecification = (): TrainingSpecification => ({
  image: ContainerImage.fromRegistry(XGBOOST_IMAGE),
  supportedInstanceTypes: [InstanceType.M5_LARGE],
  channels: [{ name: 'train', supportedContentTypes: ['text/csv'], supportedInputModes: [TrainingInputMode.FILE] }],
  hyperParameters: [
    { name: 'num_round', type: HyperParameterType.INTEGER, range: HyperParameterRange.integer(1, 100), required: true },
    { name: 'objective', type: HyperParameterType.FREE_TEXT, defaultValue: 'reg:squarederror' },
  ],
  metricDefinitions: [{ name: 'train:rmse', regex: '.*\\[[0-9]+\\].*#011train-rmse:([-+]?[0-9]*\\.?[0-9]+).*' }],
});

const plain = new Algorithm(stack, 'Plain', {
  algorithmName: ALGORITHM_NAME,
  description: 'Integration test: an algorithm without validation',
  trainingSpecification: trainingSpecification(),
  removalPolicy: RemovalPolicy.DESTROY,
});

const output = new s3.Bucket(stack, 'ValidationOutput', {
  removalPolicy: RemovalPolicy.DESTROY,
  autoDeleteObjects: true,
});
const train = new s3Assets.Asset(stack, 'TrainingData', { path: path.join(ASSETS, 'train.csv') });
const role = new iam.Role(stack, 'ValidationRole', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
train.grantRead(role);
output.grantReadWrite(role);
const validated = new Algorithm(stack, 'Validated', {
  algorithmName: 'integ-registry-algorithm-validated',
  description: 'Integration test: an algorithm validated by a training job',
  trainingSpecification: trainingSpecification(),
  validationSpecification: {
    role,
    profile: {
      profileName: 'train',
      trainingJob: {
        inputMode: TrainingInputMode.FILE,
        inputChannels: [{
          channelName: 'train',
          s3Uri: train.s3ObjectUrl,
          dataType: TrainingInputDataType.S3_PREFIX,
          contentType: 'text/csv',
        }],
        output: { s3OutputPath: output.s3UrlForObject('training/') },
        resources: { instanceType: InstanceType.M5_LARGE },
        hyperParameters: { num_round: '5', objective: 'reg:squarederror' },
        maxRuntime: Duration.minutes(30),
      },
    },
  },
  removalPolicy: RemovalPolicy.DESTROY,
});

const integ = new IntegTest(app, 'AlgorithmTest', {
  testCases: [stack],
  regions: INTEG_REGIONS,
  diffAssets: false,
});

integ.assertions
  .awsApiCall('SageMaker', 'describeAlgorithm', { AlgorithmName: plain.algorithmName })
  .expect(ExpectedResult.objectLike({
    AlgorithmName: ALGORITHM_NAME,
    AlgorithmArn: stack.formatArn({ service: 'sagemaker', resource: 'algorithm', resourceName: ALGORITHM_NAME }),
    AlgorithmStatus: 'Completed',
    TrainingSpecification: Match.objectLike({
      TrainingImage: XGBOOST_IMAGE,
      TrainingChannels: [Match.objectLike({ Name: 'train', SupportedContentTypes: ['text/csv'], SupportedInputModes: ['File'] })],
      SupportedHyperParameters: [
        Match.objectLike({ Name: 'num_round', Type: 'Integer', IsRequired: true }),
        Match.objectLike({ Name: 'objective', Type: 'FreeText', DefaultValue: 'reg:squarederror' }),
      ],
    }),
  }));

// Validation runs a training job: poll until it has finished.
integ.assertions
  .awsApiCall('SageMaker', 'describeAlgorithm', { AlgorithmName: validated.algorithmName })
  .expect(ExpectedResult.objectLike({
    AlgorithmStatus: 'Completed',
    AlgorithmStatusDetails: Match.objectLike({
      ValidationStatuses: [Match.objectLike({ Name: 'train', Status: 'Completed' })],
    }),
  }))
  .waitForAssertions({ totalTimeout: Duration.minutes(45), interval: Duration.minutes(1) });

synthIntegApp(app);
