/**
 * Example: the model registry of an ML platform team.
 *
 * - The tooling account (111111111111) owns the registry: one model package group per model,
 *   a CI role that registers versions, an approver role, read access for data scientists, and an
 *   encrypted SNS topic that hears about approval decisions.
 * - The staging account (222222222222) may move churn versions to the stage `Staging`, and only
 *   there: the group's resource policy allows it with a `sagemaker:ModelLifeCycle:Stage` condition,
 *   and the staging stack's promoter role gets the same stage-scoped grant.
 * - The production account (333333333333) may read and deploy versions: the churn group is shared
 *   with it for `READ_AND_DEPLOY`, which also lets it read the model data (bucket and its KMS key)
 *   and pull the inference image. Approval events are forwarded to its default event bus.
 * - The production stack imports the shared group by ARN, grants its deployment role read access,
 *   deploys the newest approved version in stage `Production` behind a canary endpoint, and reacts
 *   to forwarded "Approved" events.
 *
 * It grows with every construct of the library; `npx projen demo` synthesizes it into cdk.out/.
 */
import {
  Annotations,
  App,
  Duration,
  RemovalPolicy,
  Aspects,
  Stack,
  StackProps,
  Tags,
  aws_ecr as ecr,
  aws_events as events,
  aws_events_targets as targets,
  aws_iam as iam,
  aws_kms as kms,
  aws_s3 as s3,
  aws_sns as sns,
} from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import {
  Algorithm,
  CapacitySize,
  ContainerImage,
  DeploymentConfig,
  Endpoint,
  EndpointConfig,
  HyperParameterRange,
  HyperParameterType,
  IModelPackageGroup,
  InstanceType,
  LookupRefresh,
  Model,
  ModelApprovalStatus,
  ModelCardStatus,
  ModelData,
  ModelPackage,
  ModelPackageGroup,
  SharePurpose,
  TrainingInputMode,
  TuningObjectiveType,
} from '../src';

export const TOOLING = { account: '111111111111', region: 'us-east-1' };
export const PRODUCTION = { account: '333333333333', region: 'us-east-1' };
export const STAGING_ACCOUNT = '222222222222';

/** The model registry, owned by the tooling account. */
export class RegistryStack extends Stack {
  public readonly churnModels: ModelPackageGroup;
  public readonly fraudModels: ModelPackageGroup;
  public readonly churnV1: ModelPackage;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);

    this.churnModels = new ModelPackageGroup(this, 'ChurnModels', {
      modelPackageGroupName: 'churn-prediction',
      description: 'Customer churn classifier, registered by the training pipeline',
    });
    // A generated name: valid, unique and at most 63 characters.
    this.fraudModels = new ModelPackageGroup(this, 'FraudModels', {
      description: 'Card fraud detector',
    });
    const groups = [this.churnModels, this.fraudModels];

    // A scratch group for experiments: deleted with the stack, versions and all.
    new ModelPackageGroup(this, 'ExperimentModels', {
      modelPackageGroupName: 'experiments',
      description: 'Throw-away versions from notebooks',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteModelPackages: true,
    });
    NagSuppressions.addResourceSuppressions(this.node.findChild('CdkSageMakerRegistryAutoDeleteHandler'), [{
      id: 'AwsSolutions-IAM5',
      reason: 'Emptying the experiments group deletes all of its versions (model-package/experiments/*), whatever their numbers.',
      appliesTo: ['Resource::arn:<AWS::Partition>:sagemaker:us-east-1:111111111111:model-package/experiments/*'],
    }], true);

    // The first churn model version, as the training pipeline would register it: image, model data,
    // evaluation metrics, a model card and where it came from. Versions are retained by default.
    // The model artifacts and the inference images live in this account, encrypted, retained.
    const artifactKey = new kms.Key(this, 'ArtifactKey', { enableKeyRotation: true, description: 'Encrypts model artifacts' });
    const accessLogs = new s3.Bucket(this, 'ArtifactAccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
    });
    NagSuppressions.addResourceSuppressions(accessLogs, [{
      id: 'AwsSolutions-S1',
      reason: 'This bucket receives the server access logs of the artifact bucket; logging it again would recurse.',
    }]);
    const artifacts = new s3.Bucket(this, 'Artifacts', {
      bucketName: 'ml-platform-artifacts-111111111111',
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: artifactKey,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
    });
    const inferenceImages = new ecr.Repository(this, 'ChurnInferenceImages', {
      repositoryName: 'churn-inference',
      imageScanOnPush: true,
    });
    const evaluation = (file: string) => ({
      contentType: 'application/json',
      s3Uri: `s3://ml-platform-artifacts-111111111111/churn/v1/evaluation/${file}`,
    });
    // The team's custom trainer; version 1 names it as its source algorithm.
    const trainer = new Algorithm(this, 'ChurnTrainer', {
      description: 'Gradient-boosted churn trainer',
      trainingSpecification: {
        image: ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(this, 'TrainingImages', 'churn-training'), '3.1'),
        supportedInstanceTypes: [InstanceType.M5_XLARGE, InstanceType.M5_2XLARGE],
        channels: [{ name: 'train', supportedContentTypes: ['text/csv'], supportedInputModes: [TrainingInputMode.FILE], required: true }],
        hyperParameters: [
          { name: 'max_depth', type: HyperParameterType.INTEGER, range: HyperParameterRange.integer(1, 10), tunable: true, defaultValue: '6' },
          { name: 'eta', type: HyperParameterType.CONTINUOUS, range: HyperParameterRange.continuous(0.01, 1), tunable: true },
        ],
        metricDefinitions: [{ name: 'validation:auc', regex: 'validation-auc:([0-9.]+)' }],
        tuningObjectives: [{ metricName: 'validation:auc', type: TuningObjectiveType.MAXIMIZE }],
      },
    });
    this.churnV1 = this.churnModels.addModelPackage('ChurnV1', {
      description: 'XGBoost churn classifier trained on the 2026-11 snapshot',
      inferenceSpecification: {
        containers: [{
          image: ContainerImage.fromEcrRepository(inferenceImages, '1.7-1'),
          modelData: ModelData.fromBucket(artifacts, 'churn/v1/model.tar.gz'),
          framework: 'XGBOOST',
          frameworkVersion: '1.7',
          environment: { SAGEMAKER_PROGRAM: 'inference.py' },
        }],
        supportedContentTypes: ['text/csv'],
        supportedResponseMimeTypes: ['text/csv'],
        supportedRealtimeInferenceInstanceTypes: [InstanceType.M5_LARGE, InstanceType.M5_XLARGE],
        supportedTransformInstanceTypes: [InstanceType.M5_XLARGE],
      },
      modelMetrics: {
        modelQuality: { statistics: evaluation('statistics.json'), constraints: evaluation('constraints.json') },
        bias: { report: evaluation('bias.json') },
        explainability: { report: evaluation('explainability.json') },
      },
      metadata: {
        repository: 'https://git.example.com/ml/churn',
        commitId: '4f2a9c1',
        generatedBy: 'training-pipeline',
      },
      customerMetadata: { team: 'growth', dataset: 'customers-2026-11' },
      domain: 'MACHINE_LEARNING',
      task: 'CLASSIFICATION',
      modelCard: {
        content: JSON.stringify({
          model_overview: { model_creator: 'growth-ml', model_artifact: ['s3://ml-platform-artifacts-111111111111/churn/v1/model.tar.gz'] },
          intended_uses: { purpose_of_model: 'Rank customers by churn risk for retention offers', risk_rating: 'Low' },
        }),
        status: ModelCardStatus.PENDING_REVIEW,
      },
      sourceAlgorithm: { algorithm: trainer, modelData: ModelData.fromBucket(artifacts, 'churn/v1/model.tar.gz') },
      approvalStatus: ModelApprovalStatus.PENDING_MANUAL_APPROVAL,
    });
    Annotations.of(this.churnV1).acknowledgeWarning('cdk-sagemaker-registry:versionTagsRemoved',
      'The app-wide project tag reaches the groups; versions carry their group\'s tags.');

    // CI registers versions; approvers decide; data scientists read.
    const ciRole = new iam.Role(this, 'TrainingPipelineRole', {
      assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
      description: 'Runs the training pipeline and registers model versions',
    });
    const approverRole = new iam.Role(this, 'ModelApproverRole', {
      assumedBy: new iam.AccountRootPrincipal(),
      description: 'Approves or rejects registered model versions',
    });
    const dataScientistRole = new iam.Role(this, 'DataScientistRole', {
      assumedBy: new iam.AccountRootPrincipal(),
      description: 'Browses the registry',
    });
    for (const group of groups) {
      group.grantRegister(ciRole);
      group.grantApprove(approverRole);
      group.grantRead(dataScientistRole);
    }
    // Only the approvers move versions to Production.
    this.churnModels.grants.changeStage(approverRole, { stages: ['Production'] });

    // Cross-account sharing: the principals land in the group's resource policy. The fraud group is
    // only browsed by the other accounts.
    this.fraudModels.grantRead(new iam.AccountPrincipal(PRODUCTION.account));
    this.fraudModels.grantRead(new iam.AccountPrincipal(STAGING_ACCOUNT));
    // Staging may register churn models and move them to Staging, and to no other stage.
    this.churnModels.grantRegister(new iam.AccountPrincipal(STAGING_ACCOUNT));
    this.churnModels.shareWith(new iam.AccountPrincipal(STAGING_ACCOUNT), {
      purpose: SharePurpose.CHANGE_STAGE,
      stages: ['Staging'],
    });
    // Production reads and deploys churn models: the share also adds the bucket policy (model data
    // under churn/), the key policy (decrypt) and the repository policy (pull) its model roles need.
    this.churnModels.shareWith(new iam.AccountPrincipal(PRODUCTION.account), {
      purpose: SharePurpose.READ_AND_DEPLOY,
      artifacts: { buckets: [{ bucket: artifacts, prefix: 'churn/' }], repositories: [inferenceImages] },
    });

    // Approval events: notify the team (encrypted topic, TLS only) ...
    const key = new kms.Key(this, 'NotificationKey', { enableKeyRotation: true, description: 'Encrypts registry notifications' });
    key.grantEncryptDecrypt(new iam.ServicePrincipal('events.amazonaws.com'));
    const topic = new sns.Topic(this, 'ApprovalTopic', { masterKey: key, enforceSSL: true });
    for (const group of groups) {
      group.onApprovalStatusChange('ApprovalDecision', {
        statuses: [ModelApprovalStatus.APPROVED, ModelApprovalStatus.REJECTED],
        target: new targets.SnsTopic(topic),
        description: `Approval decisions for ${group.node.id}`,
      });
    }
    // ... tell the team when a churn version reaches Production ...
    this.churnModels.onLifeCycleChange('ProductionStage', {
      stages: ['Production'],
      target: new targets.SnsTopic(topic),
      description: 'Churn versions moved to the Production stage',
    });
    // ... and forward approvals of churn models to production's default event bus.
    const productionBus = events.EventBus.fromEventBusArn(this, 'ProductionBus',
      `arn:${this.partition}:events:${PRODUCTION.region}:${PRODUCTION.account}:event-bus/default`);
    this.churnModels.onApprovalStatusChange('ForwardApprovals', {
      statuses: [ModelApprovalStatus.APPROVED],
      target: new targets.EventBus(productionBus),
    });

    // Versions are created over time, so grants on "all versions of one group" need a wildcard.
    NagSuppressions.addResourceSuppressions([ciRole, approverRole, dataScientistRole], [{
      id: 'AwsSolutions-IAM5',
      reason: 'Model versions get their ARNs (model-package/<group>/<version>) when they are registered; '
        + 'the wildcard is scoped to the versions of one named group.',
      appliesTo: groups.map(() => ({ regex: '/^Resource::arn:<AWS::Partition>:sagemaker:us-east-1:111111111111:model-package/.+/\\*$/' })),
    }], true);
  }
}

/** The production account: deploys approved churn models from the shared registry. */
export class ProductionStack extends Stack {
  public readonly sharedChurnModels: IModelPackageGroup;
  public readonly churnModel: Model;
  public readonly churnEndpoint: Endpoint;

  constructor(scope: Construct, id: string, props: StackProps & { readonly registryGroupArn: string }) {
    super(scope, id, props);

    this.sharedChurnModels = ModelPackageGroup.fromModelPackageGroupArn(this, 'SharedChurnModels', props.registryGroupArn);

    const deployRole = new iam.Role(this, 'DeploymentRole', {
      assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com'),
      description: 'Deploys approved models from the shared registry',
    });
    this.sharedChurnModels.grantRead(deployRole);

    // Deploy what was promoted last: a deploy-time lookup finds the newest Approved version of the
    // shared group in stage Production (on every deployment), and the model is built from it. Its
    // execution role gets exactly what it needs (describe that version, logs, metrics); no managed
    // policy. The registry's share lets it read the model data and pull the image.
    const latestChurn = this.sharedChurnModels.latestModelPackage(this, 'LatestProductionChurn', {
      approvalStatus: ModelApprovalStatus.APPROVED,
      stage: 'Production',
      refresh: LookupRefresh.EVERY_DEPLOYMENT,
    });
    this.churnModel = new Model(this, 'ChurnModel', {
      containers: [{ modelPackage: latestChurn }],
      networkIsolation: true,
    });
    // The registry's share allows this account on the artifacts; this account's IAM must allow the
    // model's role too: the model data under churn/, its KMS key (only through S3) and the image.
    this.churnModel.addToRolePolicy(new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [`arn:${this.partition}:s3:::ml-platform-artifacts-111111111111/churn/*`],
    }));
    this.churnModel.addToRolePolicy(new iam.PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: [`arn:aws:kms:${TOOLING.region}:${TOOLING.account}:key/*`],
      conditions: { StringEquals: { 'kms:ViaService': `s3.${TOOLING.region}.amazonaws.com` } },
    }));
    ecr.Repository.fromRepositoryArn(this, 'SharedInferenceImages',
      `arn:aws:ecr:${TOOLING.region}:${TOOLING.account}:repository/churn-inference`).grantPull(this.churnModel);
    NagSuppressions.addResourceSuppressions(this.churnModel, [{
      id: 'AwsSolutions-IAM5',
      reason: 'SageMaker creates one log group per endpoint (/aws/sagemaker/Endpoints/<name>) once the model is deployed; '
        + 'the wildcard is limited to SageMaker\'s log groups of this account and region.',
      appliesTo: [
        'Resource::arn:<AWS::Partition>:logs:us-east-1:333333333333:log-group:/aws/sagemaker/*',
        'Resource::arn:<AWS::Partition>:logs:us-east-1:333333333333:log-group:/aws/sagemaker/*:log-stream:*',
      ],
    }, {
      id: 'AwsSolutions-IAM5',
      reason: 'cloudwatch:PutMetricData and ecr:GetAuthorizationToken support no resource-level permissions (Resource "*").',
      appliesTo: ['Resource::*'],
    }, {
      id: 'AwsSolutions-IAM5',
      reason: 'The model reads the churn model data of the registry account (objects under churn/ of its artifact bucket), '
        + 'decrypted with the registry\'s keys only through S3 (kms:ViaService).',
      appliesTo: [
        'Resource::arn:<AWS::Partition>:s3:::ml-platform-artifacts-111111111111/churn/*',
        'Resource::arn:aws:kms:us-east-1:111111111111:key/*',
      ],
    }], true);

    // Serve it: when a newer version is approved, the lookup finds it, the model and its endpoint
    // configuration are replaced (the configuration gets a new generated name), and the endpoint
    // moves to it with a canary blue/green deployment: 1 of 2 instances takes traffic for 10
    // minutes, and SageMaker rolls back if the 5xx-error or model-latency alarms go off.
    const churnConfig = new EndpointConfig(this, 'ChurnEndpointConfig', {
      instanceProductionVariants: [{
        variantName: 'churn',
        model: this.churnModel,
        instanceType: InstanceType.M5_XLARGE,
        initialInstanceCount: 2,
      }],
    });
    this.churnEndpoint = new Endpoint(this, 'ChurnEndpoint', {
      endpointConfig: churnConfig,
      deploymentConfig: DeploymentConfig.canary({
        canarySize: CapacitySize.instanceCount(1),
        waitInterval: Duration.minutes(10),
        autoRollback: { createDefaultAlarms: true },
      }),
    });
    this.churnEndpoint.findInstanceProductionVariant('churn')
      .autoScaleInstanceCount({ minCapacity: 2, maxCapacity: 6 })
      .scaleOnInvocations('ScaleOnInvocations', { invocationsPerInstance: 600 });

    // Approvals are forwarded here by the registry account, so this rule does hear them.
    const deployments = new sns.Topic(this, 'DeploymentTopic', {
      masterKey: kms.Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
      enforceSSL: true,
    });
    this.sharedChurnModels.onApprovalStatusChange('DeployOnApproval', {
      statuses: [ModelApprovalStatus.APPROVED],
      target: new targets.SnsTopic(deployments),
    });
    Annotations.of(this).acknowledgeWarning('cdk-sagemaker-registry:eventsFromOtherEnvironment',
      'The registry stack forwards approval events to this account\'s default event bus.');
    Annotations.of(this).acknowledgeWarning('cdk-sagemaker-registry:importedGroupPolicyUnchanged',
      'The registry stack allows this account in the group\'s resource policy (grantRead on an AccountPrincipal).');

    NagSuppressions.addResourceSuppressions(this.node.findChild('CdkSageMakerRegistryLatestApprovedHandler'), [{
      id: 'AwsSolutions-IAM5',
      reason: 'The lookup lists and describes the versions of the one shared group (model-package/churn-prediction/*) '
        + 'to find the newest approved one in stage Production.',
      appliesTo: ['Resource::arn:aws:sagemaker:us-east-1:111111111111:model-package/churn-prediction/*'],
    }], true);
    NagSuppressions.addResourceSuppressions(deployRole, [{
      id: 'AwsSolutions-IAM5',
      reason: 'Read access to all versions of the one shared group (model-package/churn-prediction/*).',
      appliesTo: ['Resource::arn:aws:sagemaker:us-east-1:111111111111:model-package/churn-prediction/*'],
    }], true);
  }
}

/** The staging account: its promoter moves shared churn versions to Staging, and nowhere else. */
export class StagingStack extends Stack {
  public readonly promoterRole: iam.Role;

  constructor(scope: Construct, id: string, props: StackProps & { readonly registryGroupArn: string }) {
    super(scope, id, props);

    const sharedChurnModels = ModelPackageGroup.fromModelPackageGroupArn(this, 'SharedChurnModels', props.registryGroupArn);
    this.promoterRole = new iam.Role(this, 'PromoterRole', {
      assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com'),
      description: 'Moves churn model versions that passed the staging tests to the Staging stage',
    });
    // UpdateModelPackage only with ModelLifeCycle stage Staging; the registry's resource policy (its
    // CHANGE_STAGE share) says the same on its side, so a move to Production is refused by both.
    sharedChurnModels.grants.changeStage(this.promoterRole, { stages: ['Staging'] });
    Annotations.of(this).acknowledgeWarning('cdk-sagemaker-registry:importedGroupPolicyUnchanged',
      'The registry stack shares the churn group with this account for CHANGE_STAGE to Staging.');
    NagSuppressions.addResourceSuppressions(this.promoterRole, [{
      id: 'AwsSolutions-IAM5',
      reason: 'Stage changes apply to any version of the one shared group (model-package/churn-prediction/*), '
        + 'limited to the stage Staging by a condition.',
      appliesTo: ['Resource::arn:aws:sagemaker:us-east-1:111111111111:model-package/churn-prediction/*'],
    }], true);
  }
}

/**
 * Builds the example app's stacks into `app`, with cdk-nag's AwsSolutions checks.
 */
export function buildRegistryApp(app: App): Stack[] {
  // As in a `cdk init` app's cdk.json: S3 access logs are allowed by a bucket policy, not a legacy ACL.
  app.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
  const registry = new RegistryStack(app, 'MlRegistry', { env: TOOLING });
  const registryGroupArn = `arn:aws:sagemaker:${TOOLING.region}:${TOOLING.account}:model-package-group/churn-prediction`;
  const staging = new StagingStack(app, 'MlStaging', {
    env: { account: STAGING_ACCOUNT, region: TOOLING.region },
    registryGroupArn,
  });
  const production = new ProductionStack(app, 'MlProduction', { env: PRODUCTION, registryGroupArn });
  Tags.of(app).add('project', 'ml-platform-registry');
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true, logIgnores: true }));
  return [registry, staging, production];
}
