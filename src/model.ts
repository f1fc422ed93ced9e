import {
  Annotations,
  ArnFormat,
  IResource,
  Lazy,
  RemovalPolicy,
  Resource,
  Stack,
  Token,
  TokenComparison,
  aws_ec2 as ec2,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_sagemaker as sagemaker,
} from 'aws-cdk-lib';
import { aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { ContainerImage } from './container-image';
import { ModelData, ModelDataType } from './model-data';
import { IModelPackage } from './model-package';
import { dependOnRolePolicies } from './private/iam/dependencies';
import { parseSageMakerArn, sageMakerArn } from './private/refs/arn';
import { lowerCaseLiteral } from './private/refs/names';
import { renderModelData } from './private/render/inference';
import { ValidationError, throwIfErrors } from './private/validate/error';
import { ModelDataDescription } from './private/validate/inference';
import { checkStructKeys } from './private/validate/struct-keys';
import {
  validateEnumValue,
  validateEnvironment,
  validateLength,
  validatePattern,
  validateRemovalPolicy,
  validateS3Uri,
  validateSageMakerName,
  validateUnique,
} from './private/validate/values';

/** `ModelName` of CreateModel (botocore): at most 63 letters, digits and hyphens, no hyphen at either end. */
const MODEL_NAME_PATTERN = /^[a-zA-Z0-9]([\-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const MODEL_NAME_MAX_LENGTH = 63;
/** Most containers in one model (CreateModel `Containers`). */
const MAX_CONTAINERS = 15;
/** Most environment variables per container, and longest value (CreateModel `Environment`). */
const MAX_ENVIRONMENT_ENTRIES = 100;
const MAX_ENVIRONMENT_VALUE_LENGTH = 1024;
/** Most bytes of all environment keys and values of all containers of a model together (32 KB). */
const MAX_ENVIRONMENT_BYTES = 32 * 1024;
/** `VpcConfig` limits of CreateModel. */
const MAX_SECURITY_GROUPS = 5;
const MAX_SUBNETS = 16;

/** CloudWatch Logs actions of the SageMaker execution role (SageMaker Developer Guide, "CreateModel API: Execution Role Permissions"). */
const LOG_ACTIONS = ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'];
/** Network interface actions SageMaker needs to attach a model to a VPC (same page, "private VPC"); they take no resource ARN. */
const VPC_ACTIONS = [
  'ec2:CreateNetworkInterface',
  'ec2:CreateNetworkInterfacePermission',
  'ec2:DeleteNetworkInterface',
  'ec2:DeleteNetworkInterfacePermission',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeVpcs',
  'ec2:DescribeDhcpOptions',
  'ec2:DescribeSubnets',
  'ec2:DescribeSecurityGroups',
];

/**
 * How SageMaker invokes the containers of a model that has several of them.
 */
export enum InferenceExecutionMode {
  /** The containers run as an inference pipeline: each one's output is the next one's input. */
  SERIAL = 'Serial',
  /** Each request runs only the container it names (by its `containerHostname`). */
  DIRECT = 'Direct',
}

/**
 * Where SageMaker pulls a container's image from.
 */
export enum RepositoryAccessMode {
  /** Amazon ECR (the default). */
  PLATFORM = 'Platform',
  /** A private Docker registry reachable from the model's VPC. */
  VPC = 'Vpc',
}

/**
 * Whether a container hosts one model or many.
 */
export enum ContainerMode {
  /** The container hosts one model (the default). */
  SINGLE_MODEL = 'SingleModel',
  /** The container hosts many models, loaded on demand from an S3 prefix (a multi-model endpoint). */
  MULTI_MODEL = 'MultiModel',
}

/**
 * Whether a multi-model container caches the models it loaded.
 */
export enum ModelCacheSetting {
  /** Loaded models stay in memory (SageMaker's default). */
  ENABLED = 'Enabled',
  /** Every invocation loads its model again; for many models that are each invoked rarely. */
  DISABLED = 'Disabled',
}

/**
 * How SageMaker reaches the registry of a container's image.
 *
 * @see https://docs.aws.amazon.com/sagemaker/latest/dg/your-algorithms-containers-inference-private.html
 */
export interface ImageConfig {
  /**
   * Amazon ECR (`PLATFORM`), or a private Docker registry in the model's VPC (`VPC`, which requires
   * the model's `vpc`).
   */
  readonly repositoryAccessMode: RepositoryAccessMode;

  /**
   * The Lambda function that returns the credentials of the private registry; only with
   * `RepositoryAccessMode.VPC`. The model's execution role is granted `lambda:InvokeFunction` on it.
   *
   * For a function given by ARN, use `lambda.Function.fromFunctionArn()`.
   *
   * A `lambda.IFunction` rather than a reference: the model's role is granted to invoke it.
   *
   * [disable-awslint:prefer-ref-interface]
   *
   * @default - the registry needs no authentication
   */
  readonly repositoryCredentialsProvider?: lambda.IFunction;
}

/**
 * A container of a model: an image (with optional model data), or a registered model package.
 *
 * Give exactly one of `image` and `modelPackage`.
 */
export interface ContainerDefinition {
  /**
   * The image with the inference code. The model's execution role is granted pull access to its
   * ECR repository (for images from `ContainerImage.fromEcrRepository()` and `fromAsset()`).
   *
   * @default - none: give `modelPackage`
   */
  readonly image?: ContainerImage;

  /**
   * How SageMaker reaches the image's registry; only with `image`.
   *
   * @default - the image is in Amazon ECR
   */
  readonly imageConfig?: ImageConfig;

  /**
   * The model artifacts; only with `image`. A `.tar.gz` archive renders `ModelDataUrl`; an
   * uncompressed S3 prefix, or data with `acceptEula`, renders `ModelDataSource`. In
   * `ContainerMode.MULTI_MODEL` it must be the S3 prefix that holds the models' archives
   * (`ModelData.fromBucketPrefix()` or `ModelData.fromS3Prefix()`), rendered as `ModelDataUrl`.
   *
   * The model's execution role is granted read access to exactly this data.
   *
   * @default - no model data (the image holds the model)
   */
  readonly modelData?: ModelData;

  /**
   * A model package (a registered version, or an unversioned package) to build the container
   * from: its inference specification gives the image and the model data. Renders
   * `ModelPackageName` with the package's ARN.
   *
   * The model's execution role is granted `sagemaker:DescribeModelPackage` on the package. The
   * role must also be able to pull the package's images and read its model data.
   *
   * An `IModelPackage` rather than a reference: the model grants its role what deploying the
   * package needs (`grantDeploy`).
   *
   * [disable-awslint:prefer-ref-interface]
   *
   * @default - none: give `image`
   */
  readonly modelPackage?: IModelPackage;

  /**
   * Which of the model package's additional inference specifications to use, by its name; only
   * with `modelPackage`.
   *
   * @default - the package's main inference specification
   */
  readonly inferenceSpecificationName?: string;

  /**
   * Environment variables of the container: at most 100, names of letters, digits and underscores,
   * values of at most 1024 characters, and at most 32 KB for all containers of the model together.
   * Don't put secrets here: they are visible in the template and in DescribeModel.
   *
   * Allowed with `modelPackage` too, also when the package's containers have an environment:
   * SageMaker rejected that combination until January 2023 ("Environment variable map cannot be
   * specified both at Model Package and Model") and accepts it since.
   *
   * @default - none
   */
  readonly environment?: { [key: string]: string };

  /**
   * The hostname of the container (1-63 letters, digits and hyphens). SageMaker ignores it for a
   * model with one container. In a model with several containers, either every container has one
   * or none has; `InferenceExecutionMode.DIRECT` requires them, and they must be unique.
   *
   * @default - SageMaker names the container after its position in the pipeline
   */
  readonly containerHostname?: string;

  /**
   * Whether the container hosts one model or many (a multi-model endpoint). In
   * `ContainerMode.MULTI_MODEL`, `modelData` must be the S3 prefix that holds the models.
   *
   * @default ContainerMode.SINGLE_MODEL (SageMaker's default; not rendered)
   */
  readonly mode?: ContainerMode;

  /**
   * Whether a multi-model container caches the models it loaded; only with
   * `mode: ContainerMode.MULTI_MODEL`.
   *
   * @default ModelCacheSetting.ENABLED (SageMaker's default; not rendered)
   */
  readonly modelCacheSetting?: ModelCacheSetting;
}

/**
 * A SageMaker model: containers that SageMaker runs for inference on endpoints and in batch
 * transform jobs.
 */
export interface IModel extends IResource, iam.IGrantable, ec2.IConnectable, sagemakerRefs.IModelRef {
  /**
   * The ARN of the model. SageMaker lower-cases the model name in it:
   * `arn:<partition>:sagemaker:<region>:<account>:model/<lower-case name>`.
   *
   * @attribute
   */
  readonly modelArn: string;

  /**
   * The name of the model, as given.
   *
   * @attribute
   */
  readonly modelName: string;

  /**
   * The execution role SageMaker assumes to run the model, when known.
   */
  readonly role?: iam.IRole;

  /**
   * Adds a statement to the policy of the model's execution role. Does nothing (with a warning)
   * for an imported model without a known role.
   */
  addToRolePolicy(statement: iam.PolicyStatement): void;
}

/**
 * The attributes of a model defined outside this stack.
 */
export interface ModelAttributes {
  /**
   * The ARN of the model, `arn:<partition>:sagemaker:<region>:<account>:model/<name>`.
   */
  readonly modelArn: string;

  /**
   * The execution role of the model.
   *
   * An `iam.IRole` rather than a reference: `addToRolePolicy` and grants to the model go to this
   * role.
   *
   * [disable-awslint:prefer-ref-interface]
   *
   * @default - unknown: `addToRolePolicy` does nothing and grants to the model go nowhere
   */
  readonly role?: iam.IRole;

  /**
   * The security groups of the model, when it is in a VPC.
   *
   * Security groups rather than references: they make up the model's `connections`.
   *
   * [disable-awslint:prefer-ref-interface]
   *
   * @default - unknown: the model's `connections` cannot be used
   */
  readonly securityGroups?: ec2.ISecurityGroup[];
}

/**
 * Behaviour shared by owned and imported models: the reference, the network connections and the
 * role's policy.
 *
 * Exported so that an app can write its own import or lookup of a model that behaves like the
 * library's: extend it and give `modelArn`, `modelName`, `role` and `grantPrincipal`.
 */
export abstract class ModelBase extends Resource implements IModel {
  public abstract readonly modelArn: string;
  public abstract readonly modelName: string;
  public abstract readonly role?: iam.IRole;
  public abstract readonly grantPrincipal: iam.IPrincipal;

  /**
   * The network connections of the model, when it is in a VPC (a subclass that knows them
   * overrides this).
   *
   * @internal
   */
  protected get _connections(): ec2.Connections | undefined {
    return undefined;
  }

  public get modelRef(): sagemakerRefs.ModelReference {
    return { modelArn: this.modelArn };
  }

  /**
   * The security groups of the model. Throws if the model is not in a VPC (or, for an import,
   * if no security groups were given).
   */
  public get connections(): ec2.Connections {
    if (!this._connections) {
      throw new ValidationError(`Model ${this.node.path}`, ['connections needs a VPC to manage network access (give vpc to a Model, '
        + 'or securityGroups to Model.fromModelAttributes), got a model without security groups']);
    }
    return this._connections;
  }

  public addToRolePolicy(statement: iam.PolicyStatement): void {
    if (!this.role) {
      Annotations.of(this).addWarningV2('cdk-sagemaker-registry:modelRoleUnknown',
        `The statement was not added: the execution role of imported model ${this.node.path} is unknown; `
        + 'give role to Model.fromModelAttributes, or add the statement to the role itself.');
      return;
    }
    this.role.addToPrincipalPolicy(statement);
  }
}

/**
 * Properties of a `Model`.
 */
export interface ModelProps {
  /**
   * The containers of the model: 1 (rendered as `PrimaryContainer`) or an inference pipeline of
   * up to 15 (rendered as `Containers`). More can be added with `addContainer()`.
   *
   * @default - none: add them with `addContainer()` (a model needs at least one)
   */
  readonly containers?: ContainerDefinition[];

  /**
   * The name of the model: 1-63 letters, digits and hyphens, starting and ending with a letter or
   * digit. Changing it replaces the model.
   *
   * SageMaker lower-cases the name in the model's ARN; `modelArn` is the ARN CloudFormation returns.
   *
   * @default - CloudFormation generates a unique name
   */
  readonly modelName?: string;

  /**
   * The execution role SageMaker assumes to pull the images, read the model data and write logs.
   * The model grants it what its containers need: pull from the ECR repositories of its images,
   * read of its model data, `sagemaker:DescribeModelPackage` on its model packages and invoking
   * private-registry credential providers. Logs, metrics and VPC permissions are up to the role's
   * owner.
   *
   * An `iam.IRole` rather than a reference: the model grants this role what its containers need.
   *
   * [disable-awslint:prefer-ref-interface]
   *
   * @see https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createmodel-perms
   * @default - a new role with least privilege and no AWS managed policy: CloudWatch Logs on
   * `/aws/sagemaker/*` log groups, `cloudwatch:PutMetricData`, `ecr:GetAuthorizationToken`,
   * network interface permissions when in a VPC, and what the containers need (see above)
   */
  readonly role?: iam.IRole;

  /**
   * The VPC the model's containers run in.
   *
   * An `ec2.IVpc` rather than a reference: the model selects subnets from it and creates its
   * security group in it.
   *
   * [disable-awslint:prefer-ref-interface]
   *
   * @default - the model is not in a VPC
   */
  readonly vpc?: ec2.IVpc;

  /**
   * The subnets of `vpc` the model's containers run in; only with `vpc`.
   *
   * @default - the private subnets of `vpc`
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * The security groups of the model's network interfaces (at most 5); only with `vpc`, and not
   * with `allowAllOutbound`.
   *
   * Security groups rather than references: they make up the model's `connections`.
   *
   * [disable-awslint:prefer-ref-interface]
   *
   * @default - a new security group in `vpc`, when a VPC is given
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Whether the security group the model creates allows all outbound traffic; only with `vpc`,
   * and not with `securityGroups` (configure those directly).
   *
   * @default true
   */
  readonly allowAllOutbound?: boolean;

  /**
   * Isolate the containers from the network: no inbound or outbound calls.
   *
   * @see https://docs.aws.amazon.com/sagemaker/latest/dg/mkt-algo-model-internet-free.html
   * @default false
   */
  readonly networkIsolation?: boolean;

  /**
   * How SageMaker invokes the containers of a model with several containers. Ignored (with a
   * warning) for a model with one container.
   *
   * @default - SageMaker's default, InferenceExecutionMode.SERIAL (not rendered)
   */
  readonly inferenceExecutionMode?: InferenceExecutionMode;

  /**
   * What happens to the model when it is removed from the stack or replaced. A model holds no
   * state: deleting it keeps its model artifacts, images and role.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** What the model remembers of each container for the checks across containers. */
interface ContainerInfo {
  readonly hostname?: string;
  readonly mode?: ContainerMode;
}

/**
 * A SageMaker model (`AWS::SageMaker::Model`): one container or an inference pipeline of up to 15,
 * built from images with model data or from registered model packages.
 *
 * The API follows `@aws-cdk/aws-sagemaker-alpha`'s `Model`, including its construct ids, so that
 * an app moving over keeps the logical ids of its model, role and security group.
 *
 * @resource AWS::SageMaker::Model
 */
export class Model extends ModelBase {
  /**
   * Imports a model by its ARN, which may be in another account or region.
   *
   * The name in a literal ARN is lower-cased in `modelArn`, as in the ARNs SageMaker returns;
   * `modelName` keeps it as written.
   *
   * @param modelArn `arn:<partition>:sagemaker:<region>:<account>:model/<name>`
   */
  public static fromModelArn(scope: Construct, id: string, modelArn: string): IModel {
    return importModel(scope, id, { modelArn }, 'Model.fromModelArn');
  }

  /**
   * Imports a model of this stack's account and region by its name.
   *
   * A literal name is lower-cased in `modelArn`, as in the ARNs SageMaker returns. A name that is
   * a token (a parameter, a reference) cannot be lower-cased at synth time: it is used as is, so
   * give such a name in lower case, or use `fromModelArn` with the ARN SageMaker returns.
   */
  public static fromModelName(scope: Construct, id: string, modelName: string): IModel {
    throwIfErrors('model import', modelNameErrors(modelName));
    const modelArn = sageMakerArn(scope, 'model', lowerCaseLiteral(modelName));
    return new ImportedModel(scope, id, { modelArn, modelName });
  }

  /**
   * Imports a model with its role and security groups, which may be in another account or region.
   *
   * The name in a literal ARN is lower-cased in `modelArn`, as in the ARNs SageMaker returns;
   * `modelName` keeps it as written.
   */
  public static fromModelAttributes(scope: Construct, id: string, attrs: ModelAttributes): IModel {
    checkStructKeys('Model.fromModelAttributes', 'ModelAttributes', attrs);
    return importModel(scope, id, attrs, 'Model.fromModelAttributes');
  }

  /** @attribute */
  public readonly modelArn: string;
  /** @attribute */
  public readonly modelName: string;
  /** The execution role of the model: the one given, or the one the model created. */
  public readonly role?: iam.IRole;
  /** The principal the model runs as: its execution role. */
  public readonly grantPrincipal: iam.IPrincipal;

  private readonly resource: sagemaker.CfnModel;
  private readonly inferenceExecutionMode?: InferenceExecutionMode;
  private readonly inVpc: boolean;
  private readonly subnets?: ec2.SelectedSubnets;
  /** The model's security groups, when it is in a VPC. */
  private readonly networkConnections?: ec2.Connections;
  private readonly containers: sagemaker.CfnModel.ContainerDefinitionProperty[] = [];
  private readonly containerInfos: ContainerInfo[] = [];
  private environmentBytes = 0;

  constructor(scope: Construct, id: string, props: ModelProps = {}) {
    super(scope, id, { physicalName: props.modelName });
    checkStructKeys(`Model ${this.node.path}`, 'ModelProps', props);
    throwIfErrors(`Model ${this.node.path}`, [
      ...modelNameErrors(props.modelName),
      ...networkErrors(props),
      ...validateRemovalPolicy('removalPolicy', props.removalPolicy, 'AWS::SageMaker::Model'),
      ...validateEnumValue('inferenceExecutionMode', props.inferenceExecutionMode, Object.values(InferenceExecutionMode), 'InferenceExecutionMode'),
    ]);

    this.inferenceExecutionMode = props.inferenceExecutionMode;
    this.inVpc = props.vpc !== undefined;
    // The containers given are checked before anything is created or granted, each as addContainer() would.
    let bytes = 0;
    (props.containers ?? []).forEach((container, index) => {
      this.checkContainer(container, index, bytes);
      bytes += environmentBytes(container.environment);
    });

    if (props.vpc) {
      const securityGroups = props.securityGroups && props.securityGroups.length > 0
        ? props.securityGroups
        : [new ec2.SecurityGroup(this, 'SecurityGroup', { vpc: props.vpc, allowAllOutbound: props.allowAllOutbound })];
      this.networkConnections = new ec2.Connections({ securityGroups });
      this.subnets = props.vpc.selectSubnets(props.vpcSubnets);
    }

    this.role = props.role ?? this.createRole();
    this.grantPrincipal = this.role;

    // Construct id 'Model' (not 'Resource') keeps the logical id of a model created with
    // @aws-cdk/aws-sagemaker-alpha: a different one would replace the model, which fails for a named model.
    this.resource = new sagemaker.CfnModel(this, 'Model', {
      modelName: props.modelName,
      executionRoleArn: this.role.roleArn,
      primaryContainer: Lazy.any({ produce: () => (this.containers.length === 1 ? this.containers[0] : undefined) }),
      containers: Lazy.any({ produce: () => (this.containers.length > 1 ? this.containers : undefined) }),
      inferenceExecutionConfig: Lazy.any({
        produce: () => (this.containers.length > 1 && this.inferenceExecutionMode ? { mode: this.inferenceExecutionMode } : undefined),
      }),
      vpcConfig: Lazy.any({ produce: () => this.renderVpcConfig() }),
      enableNetworkIsolation: props.networkIsolation,
    });
    this.node.defaultChild = this.resource;
    this.resource.applyRemovalPolicy(props.removalPolicy ?? RemovalPolicy.DESTROY);
    // SageMaker checks at CreateModel that the role can pull the images and read the model data:
    // the model waits for the role's policies (AWS::IAM::Policy resources are children of the role).
    // Not for the role resource itself: ExecutionRoleArn's GetAtt orders that already (cfn-lint W3005).
    dependOnRolePolicies(this.resource, this.role);

    this.modelName = this.getResourceNameAttribute(this.resource.attrModelName);
    // Ref is the ARN SageMaker returns, with the name lower-cased; across environments, build the same.
    this.modelArn = this.getResourceArnAttribute(this.resource.ref, {
      service: 'sagemaker',
      resource: 'model',
      resourceName: lowerCaseLiteral(this.physicalName),
    });

    for (const container of props.containers ?? []) {
      this.renderContainer(container);
    }
    this.node.addValidation({ validate: () => this.validateModel() });
  }

  /**
   * Adds a container to the model: the first one renders `PrimaryContainer`, two or more render
   * `Containers` (an inference pipeline, at most 15).
   *
   * Grants the execution role what the container needs. A container with problems is rejected
   * before anything is granted, and leaves the model as it was.
   */
  public addContainer(container: ContainerDefinition): void {
    this.checkContainer(container, this.containers.length, this.environmentBytes);
    this.renderContainer(container);
  }

  /**
   * Throws one error listing every problem of a container that would be number `index + 1`, after
   * containers whose environments take `bytesBefore` bytes; binds and grants nothing.
   */
  private checkContainer(container: ContainerDefinition, index: number, bytesBefore: number): void {
    const at = `containers[${index}]`;
    checkStructKeys(`${at} of Model ${this.node.path}`, 'ContainerDefinition', container);
    throwIfErrors(`${at} of Model ${this.node.path}`, [
      ...this.containerErrors(container, at, index, bytesBefore),
      ...this.modelDataErrors(at, container.mode, container.modelData?._describe()),
    ]);
  }

  /** Renders a checked container: binds its image and model data and grants the execution role what it needs. */
  private renderContainer(container: ContainerDefinition): void {
    const at = `containers[${this.containers.length}]`;
    const image = container.image?.bind(this, this);
    const modelData = container.modelData?.bind(this, this);
    if (modelData && container.modelData?._describe() === undefined) {
      // Model data implemented outside this library: only its bind() tells what it is.
      throwIfErrors(`${at} of Model ${this.node.path}`, this.modelDataErrors(at, container.mode, modelData));
    }
    container.modelPackage?.grantDeploy(this);
    container.imageConfig?.repositoryCredentialsProvider?.grantInvoke(this);

    this.environmentBytes += environmentBytes(container.environment);
    const multiModel = container.mode === ContainerMode.MULTI_MODEL;
    this.containers.push({
      image: image?.imageName,
      imageConfig: container.imageConfig && {
        repositoryAccessMode: container.imageConfig.repositoryAccessMode,
        repositoryAuthConfig: container.imageConfig.repositoryCredentialsProvider && {
          repositoryCredentialsProviderArn: container.imageConfig.repositoryCredentialsProvider.functionArn,
        },
      },
      modelPackageName: container.modelPackage?.modelPackageArn,
      inferenceSpecificationName: container.inferenceSpecificationName,
      // A multi-model container's ModelDataUrl is the S3 prefix of its models (ModelDataSource is not supported there).
      ...(multiModel ? { modelDataUrl: modelData?.s3Uri } : renderModelData(modelData)),
      environment: container.environment,
      containerHostname: container.containerHostname,
      mode: container.mode,
      multiModelConfig: container.modelCacheSetting && { modelCacheSetting: container.modelCacheSetting },
    });
    this.containerInfos.push({ hostname: container.containerHostname, mode: container.mode });
  }

  /** The default execution role: least privilege, no AWS managed policy. */
  private createRole(): iam.Role {
    const role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    const stack = Stack.of(this);
    const logGroups = stack.formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: '/aws/sagemaker/*',
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: LOG_ACTIONS, resources: [logGroups, `${logGroups}:log-stream:*`] }));
    // PutMetricData and GetAuthorizationToken have no resource type: "*" is the only resource they take.
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['cloudwatch:PutMetricData'], resources: ['*'] }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }));
    if (this.inVpc) {
      role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: VPC_ACTIONS, resources: ['*'] }));
    }
    return role;
  }

  /** Problems with a container that can be found when it is added. */
  private containerErrors(container: ContainerDefinition, at: string, index: number, bytesBefore: number): string[] {
    const errors: string[] = [];
    if (index >= MAX_CONTAINERS) {
      errors.push(`a model has at most ${MAX_CONTAINERS} containers (an inference pipeline), got container number ${index + 1}`);
    }
    if (container.image && container.modelPackage) {
      errors.push(`give either image or modelPackage, not both; got image and modelPackage ${container.modelPackage.node.path}`);
    }
    if (!container.image && !container.modelPackage) {
      errors.push('give image (with optional modelData) or modelPackage (a registered model), got neither');
    }
    if (container.modelPackage) {
      if (container.modelData) {
        errors.push('modelData applies only to image containers: a model package brings its own model data; remove modelData');
      }
      if (container.imageConfig) {
        errors.push('imageConfig applies only to image containers: a model package brings its own images; remove imageConfig');
      }
      const region = Stack.of(this).region;
      if (Token.compareStrings(container.modelPackage.env.region, region) === TokenComparison.DIFFERENT) {
        errors.push(`modelPackage must be in the model's region ${region}, got model package ${container.modelPackage.modelPackageName} `
          + `in region ${container.modelPackage.env.region}`);
      }
    }
    if (container.inferenceSpecificationName !== undefined && !container.modelPackage) {
      errors.push(`inferenceSpecificationName applies only with modelPackage, got '${container.inferenceSpecificationName}' without one`);
    }
    errors.push(...validateEnumValue(`${at}.mode`, container.mode, Object.values(ContainerMode), 'ContainerMode'));
    errors.push(...validateEnumValue(`${at}.modelCacheSetting`, container.modelCacheSetting, Object.values(ModelCacheSetting), 'ModelCacheSetting'));
    errors.push(...validateEnumValue(`${at}.imageConfig.repositoryAccessMode`, container.imageConfig?.repositoryAccessMode,
      Object.values(RepositoryAccessMode), 'RepositoryAccessMode'));
    errors.push(...validateSageMakerName(`${at}.inferenceSpecificationName`, container.inferenceSpecificationName));
    errors.push(...validateSageMakerName(`${at}.containerHostname`, container.containerHostname));
    errors.push(...validateEnvironment(`${at}.environment`, container.environment, {
      maxEntries: MAX_ENVIRONMENT_ENTRIES,
      maxValueLength: MAX_ENVIRONMENT_VALUE_LENGTH,
    }));
    const bytes = environmentBytes(container.environment);
    if (bytesBefore + bytes > MAX_ENVIRONMENT_BYTES) {
      errors.push(`the environment variables of all containers of a model together must be at most ${MAX_ENVIRONMENT_BYTES} bytes `
        + `(keys and values), got ${bytesBefore + bytes} bytes with ${at}.environment (${bytes} bytes)`);
    }
    const imageConfig = container.imageConfig;
    if (imageConfig?.repositoryCredentialsProvider && imageConfig.repositoryAccessMode !== RepositoryAccessMode.VPC) {
      errors.push(`imageConfig.repositoryCredentialsProvider applies only with repositoryAccessMode ${RepositoryAccessMode.VPC} `
        + `(a private registry), got repositoryAccessMode '${imageConfig.repositoryAccessMode}'`);
    }
    if (imageConfig?.repositoryAccessMode === RepositoryAccessMode.VPC && !this.inVpc) {
      errors.push(`imageConfig.repositoryAccessMode '${RepositoryAccessMode.VPC}' pulls the image from a private registry through the `
        + 'model\'s VPC: give the model a vpc, or use repositoryAccessMode Platform for images in Amazon ECR');
    }
    if (container.mode === ContainerMode.MULTI_MODEL && (!container.image || !container.modelData)) {
      errors.push(`mode '${ContainerMode.MULTI_MODEL}' needs image and modelData (the S3 prefix that holds the models), got `
        + `${container.image ? 'image' : 'no image'} and ${container.modelData ? 'modelData' : 'no modelData'}`);
    }
    if (container.modelCacheSetting !== undefined && container.mode !== ContainerMode.MULTI_MODEL) {
      errors.push(`modelCacheSetting applies only with mode '${ContainerMode.MULTI_MODEL}', got modelCacheSetting `
        + `'${container.modelCacheSetting}' with mode '${container.mode ?? ContainerMode.SINGLE_MODEL}'`);
    }
    return errors;
  }

  /**
   * Problems with a container's model data, as described before binding (or, for model data
   * implemented outside this library, as bound): its URI, and what a multi-model container takes.
   */
  private modelDataErrors(at: string, mode: ContainerMode | undefined, config: ModelDataDescription | undefined): string[] {
    // The URI of model data in a bucket is only known from the bucket (ModelData.fromS3Url and fromS3Prefix check theirs).
    const errors = validateS3Uri(`${at}.modelData`, config?.s3Uri);
    if (mode !== ContainerMode.MULTI_MODEL || !config) {
      return errors;
    }
    // A multi-model container's ModelDataUrl is the S3 prefix of its models (ModelDataSource is not supported there).
    if (config.compressed || config.dataType === ModelDataType.S3_OBJECT) {
      errors.push(`${at}.modelData of a '${ContainerMode.MULTI_MODEL}' container must be the S3 prefix that holds the models' `
        + '.tar.gz archives (ModelData.fromBucketPrefix() or ModelData.fromS3Prefix()), got the single '
        + `${config.compressed ? 'archive' : 'object'} ${config.s3Uri === undefined ? 'of a local asset' : `'${config.s3Uri}'`}`);
    }
    if (config.hubContentArn !== undefined) {
      errors.push(`${at}.modelData of a '${ContainerMode.MULTI_MODEL}' container cannot have a hubContentArn (SageMaker does not support `
        + `ModelDataSource on multi-model endpoints), got '${config.hubContentArn}'`);
    }
    if (config.acceptEula !== undefined) {
      errors.push(`${at}.modelData of a '${ContainerMode.MULTI_MODEL}' container cannot accept a EULA (SageMaker does not support `
        + `ModelDataSource on multi-model endpoints), got acceptEula ${config.acceptEula}`);
    }
    return errors;
  }

  /** @internal */
  protected get _connections(): ec2.Connections | undefined {
    return this.networkConnections;
  }

  private renderVpcConfig(): sagemaker.CfnModel.VpcConfigProperty | undefined {
    if (!this._connections || !this.subnets) {
      return undefined;
    }
    return {
      securityGroupIds: this._connections.securityGroups.map((sg) => sg.securityGroupId),
      subnets: this.subnets.subnetIds,
    };
  }

  /** Problems that only show once every container is added. */
  private validateModel(): string[] {
    const errors: string[] = [];
    const count = this.containers.length;
    if (count === 0) {
      errors.push(`a model needs at least 1 container: give containers or call addContainer(), got none for Model ${this.node.path}`);
    }
    if (count === 1 && this.inferenceExecutionMode !== undefined) {
      Annotations.of(this).addWarningV2('cdk-sagemaker-registry:inferenceExecutionModeIgnored',
        `inferenceExecutionMode '${this.inferenceExecutionMode}' applies only to a model with several containers; `
        + `model ${this.node.path} has one, so it is not rendered.`);
    }
    if (count > 1) {
      errors.push(...this.hostnameErrors());
      const multiModel = this.containerInfos.findIndex((c) => c.mode === ContainerMode.MULTI_MODEL);
      if (multiModel >= 0 && this.inferenceExecutionMode !== InferenceExecutionMode.DIRECT) {
        errors.push(`containers[${multiModel}] has mode '${ContainerMode.MULTI_MODEL}', which SageMaker does not support in an `
          + `inference pipeline of several containers (inferenceExecutionMode '${this.inferenceExecutionMode ?? InferenceExecutionMode.SERIAL}'); `
          + 'use one container per multi-model model');
      }
    }
    if (this._connections && this.subnets) {
      const groups = this._connections.securityGroups.length;
      if (groups > MAX_SECURITY_GROUPS) {
        errors.push(`a model has at most ${MAX_SECURITY_GROUPS} security groups, got ${groups}`);
      }
      const subnets = this.subnets.subnetIds.length;
      if (subnets < 1 || subnets > MAX_SUBNETS) {
        errors.push(`vpcSubnets must select between 1 and ${MAX_SUBNETS} subnets, got ${subnets}`);
      }
    }
    return errors;
  }

  private hostnameErrors(): string[] {
    const hostnames = this.containerInfos.map((c) => c.hostname);
    const missing = hostnames.flatMap((h, i) => (h === undefined ? [`containers[${i}]`] : []));
    const errors: string[] = [];
    if (this.inferenceExecutionMode === InferenceExecutionMode.DIRECT && missing.length > 0) {
      errors.push(`inferenceExecutionMode '${InferenceExecutionMode.DIRECT}' invokes each container by its containerHostname: every `
        + `container needs one, got none for ${missing.join(', ')}`);
    } else if (missing.length > 0 && missing.length < hostnames.length) {
      errors.push('containerHostname must be given for every container of a model with several containers once any has one, '
        + `got none for ${missing.join(', ')}`);
    }
    errors.push(...validateUnique('containerHostname', hostnames.filter((h): h is string => h !== undefined)));
    return errors;
  }
}

/** The attributes of an imported model. */
interface ImportedModelProps {
  readonly modelArn: string;
  readonly modelName: string;
  readonly role?: iam.IRole;
  readonly securityGroups?: ec2.ISecurityGroup[];
}

class ImportedModel extends ModelBase {
  public readonly modelArn: string;
  public readonly modelName: string;
  public readonly role?: iam.IRole;
  public readonly grantPrincipal: iam.IPrincipal;
  private readonly networkConnections?: ec2.Connections;

  constructor(scope: Construct, id: string, props: ImportedModelProps) {
    super(scope, id, { environmentFromArn: props.modelArn });
    this.modelArn = props.modelArn;
    this.modelName = props.modelName;
    this.role = props.role;
    this.grantPrincipal = props.role ?? new iam.UnknownPrincipal({ resource: this });
    this.networkConnections = props.securityGroups ? new ec2.Connections({ securityGroups: props.securityGroups }) : undefined;
  }

  /** @internal */
  protected get _connections(): ec2.Connections | undefined {
    return this.networkConnections;
  }
}

/** Imports a model by its ARN: the name in a literal ARN is lower-cased in the ARN and kept as written in the name. */
function importModel(scope: Construct, id: string, attrs: ModelAttributes, method: string): IModel {
  const parsed = parseSageMakerArn(attrs.modelArn, 'model', method);
  const modelArn = Token.isUnresolved(attrs.modelArn)
    ? attrs.modelArn
    : sageMakerArn(scope, 'model', lowerCaseLiteral(parsed.resourceName), parsed);
  return new ImportedModel(scope, id, {
    modelArn,
    modelName: parsed.resourceName,
    role: attrs.role,
    securityGroups: attrs.securityGroups,
  });
}

/** Problems with a literal model name (none for a token). */
function modelNameErrors(modelName: string | undefined): string[] {
  return [
    ...validateLength('modelName', modelName, 1, MODEL_NAME_MAX_LENGTH),
    ...validatePattern('modelName', modelName, MODEL_NAME_PATTERN,
      'letters (a-z, A-Z), digits (0-9) and hyphens (-), starting and ending with a letter or digit'),
  ];
}

/** Problems with the VPC properties, which all need a VPC. */
function networkErrors(props: ModelProps): string[] {
  const errors: string[] = [];
  const groups = props.securityGroups?.length;
  if (!props.vpc) {
    if (props.securityGroups !== undefined) {
      errors.push(`securityGroups requires vpc (they apply to the model's network interfaces in a VPC), got ${groups} security group(s) and no vpc`);
    }
    if (props.allowAllOutbound !== undefined) {
      errors.push(`allowAllOutbound requires vpc (it configures the security group the model creates in a VPC), got allowAllOutbound ${props.allowAllOutbound} and no vpc`);
    }
    if (props.vpcSubnets !== undefined) {
      errors.push('vpcSubnets requires vpc (they select subnets of it), got vpcSubnets and no vpc');
    }
  } else if (groups && props.allowAllOutbound !== undefined) {
    errors.push('give either securityGroups or allowAllOutbound, not both: allowAllOutbound configures only the security group the model '
      + `creates, so configure outbound rules directly on the supplied security groups; got ${groups} security group(s) and allowAllOutbound ${props.allowAllOutbound}`);
  }
  return errors;
}

/** Bytes of the literal keys and values of an environment map (tokens count as nothing). */
function environmentBytes(environment: { [key: string]: string } | undefined): number {
  if (environment === undefined || Token.isUnresolved(environment)) {
    return 0;
  }
  let bytes = 0;
  for (const [key, value] of Object.entries(environment)) {
    for (const part of [key, value]) {
      if (typeof part === 'string' && !Token.isUnresolved(part)) {
        bytes += Buffer.byteLength(part, 'utf8');
      }
    }
  }
  return bytes;
}
