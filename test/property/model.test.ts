import { RemovalPolicy, aws_ec2 as ec2, aws_iam as iam, aws_lambda as lambda } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { ACCOUNT, OTHER_REGION, REGION } from '../constants';
import {
  Gen,
  ImageSpec,
  ModelDataSpec,
  buildEnvironment,
  buildImage,
  buildModelData,
  enumValue,
  environment,
  image,
  list,
  modelData,
  removalPolicy,
  sageMakerName,
  withWildness,
} from './arbitraries';
import { CaseContext, GenStr, isToken, orToken, propertyTest } from './harness';
import {
  ContainerDefinition,
  ContainerMode,
  IModelPackage,
  ImageConfig,
  InferenceExecutionMode,
  Model,
  ModelCacheSetting,
  ModelPackage,
  ModelPackageGroup,
  RepositoryAccessMode,
} from '../../src';

type PackageRef = 'version' | 'unversioned' | 'owned' | 'otherRegion';

interface ContainerSpec {
  readonly source: 'image' | 'package' | 'both' | 'neither';
  readonly image: ImageSpec;
  readonly modelPackage: PackageRef;
  readonly modelData?: ModelDataSpec;
  readonly inferenceSpecificationName?: GenStr;
  readonly environment?: Array<[string, GenStr]>;
  readonly containerHostname?: GenStr;
  readonly mode?: string;
  readonly modelCacheSetting?: string;
  readonly imageConfig?: { readonly repositoryAccessMode: string; readonly credentials: boolean };
}

interface ModelSpec {
  readonly modelName?: GenStr;
  readonly containers: ContainerSpec[];
  /** How many of the containers are added with addContainer() rather than in the props. */
  readonly added: number;
  /** Make the containers consistent with each other (hostnames, modes) as a careful user would. */
  readonly consistent: boolean;
  readonly inferenceExecutionMode?: string;
  readonly networkIsolation?: boolean;
  readonly vpc?: { readonly subnets: number; readonly securityGroups?: number; readonly allowAllOutbound?: boolean };
  /** VPC properties given without a VPC. */
  readonly strayNetwork?: { readonly securityGroups?: number; readonly allowAllOutbound?: boolean; readonly vpcSubnets?: boolean };
  readonly role: 'default' | 'imported';
  readonly removalPolicy?: string;
}

function container(g: Gen): fc.Arbitrary<ContainerSpec> {
  return fc.record({
    source: g.pick(fc.constantFrom<ContainerSpec['source']>('image', 'image', 'image', 'package'), fc.constantFrom<ContainerSpec['source']>('both', 'neither')),
    image: image(g),
    modelPackage: g.pick(fc.constantFrom<PackageRef>('version', 'unversioned', 'owned'), fc.constant<PackageRef>('otherRegion')),
    modelData: g.opt(modelData(g), 2),
    inferenceSpecificationName: g.opt(sageMakerName(g), 4),
    environment: g.opt(environment(g, 100), 2),
    containerHostname: g.opt(sageMakerName(g), 2),
    mode: g.opt(enumValue(g, Object.values(ContainerMode), ['multi', 'MultiModels', '']), 4),
    modelCacheSetting: g.opt(enumValue(g, Object.values(ModelCacheSetting), ['enabled', 'On']), 5),
    imageConfig: g.opt(fc.record({
      repositoryAccessMode: enumValue(g, Object.values(RepositoryAccessMode), ['vpc', 'ECR']),
      credentials: fc.boolean(),
    }), 5),
  });
}

const spec = withWildness((g) => fc.record({
  modelName: g.opt(orToken(g.pick(
    fc.stringMatching(/^[a-zA-Z0-9]([-a-zA-Z0-9]{0,30}[a-zA-Z0-9])?$/),
    sageMakerName(g),
  ), 'lazy-model'), 2),
  containers: list(g, { item: container(new Gen(0)), wildItem: container(g.wilder()), min: 1, max: 15, validMax: 3, wildMax: 20 }),
  added: fc.nat({ max: 3 }),
  consistent: g.pick(fc.constant(true), fc.boolean()),
  inferenceExecutionMode: g.opt(enumValue(g, Object.values(InferenceExecutionMode), ['serial', 'Parallel', '']), 3),
  networkIsolation: g.opt(fc.boolean(), 3),
  vpc: g.opt(fc.record({
    subnets: g.pick(fc.integer({ min: 1, max: 4 }), fc.constantFrom(16, 17, 20)),
    securityGroups: g.opt(g.pick(fc.integer({ min: 0, max: 5 }), fc.constantFrom(6, 7)), 2),
    allowAllOutbound: g.opt(fc.boolean(), 2),
  }), 3),
  strayNetwork: g.pick(fc.constant(undefined), fc.record({
    securityGroups: g.opt(fc.integer({ min: 1, max: 2 })),
    allowAllOutbound: g.opt(fc.boolean()),
    vpcSubnets: g.opt(fc.constant(true)),
  })),
  role: fc.constantFrom<ModelSpec['role']>('default', 'imported', 'imported'),
  removalPolicy: g.opt(removalPolicy(g), 3),
}));

/** What a careful user does: hostnames on all containers or none, unique; multi-model only alone; settings only where they apply. */
function makeConsistent(s: ModelSpec): ModelSpec {
  const several = s.containers.length > 1;
  const named = several
    && (s.inferenceExecutionMode === InferenceExecutionMode.DIRECT || s.containers.some((c) => c.containerHostname !== undefined));
  const containers = s.containers.map((c, i): ContainerSpec => {
    const multiModel = c.mode === ContainerMode.MULTI_MODEL && !several && c.source === 'image' && c.modelData !== undefined;
    return {
      ...c,
      containerHostname: named ? `container-${i}` : undefined,
      mode: multiModel ? c.mode : undefined,
      modelCacheSetting: multiModel ? c.modelCacheSetting : undefined,
      modelData: c.source === 'image' && multiModel
        ? { kind: 'prefix', location: 's3://model-artifacts/models/' }
        : c.source === 'image' ? c.modelData : undefined,
      inferenceSpecificationName: c.source === 'package' ? c.inferenceSpecificationName : undefined,
      imageConfig: c.source === 'image' && c.imageConfig && (s.vpc || c.imageConfig.repositoryAccessMode === RepositoryAccessMode.PLATFORM)
        ? { ...c.imageConfig, credentials: c.imageConfig.credentials && c.imageConfig.repositoryAccessMode === RepositoryAccessMode.VPC }
        : undefined,
    };
  });
  return { ...s, containers };
}

function modelPackage(ctx: CaseContext, ref: PackageRef, i: number): IModelPackage {
  const { stack } = ctx;
  switch (ref) {
    case 'version':
      return ModelPackage.fromModelPackageArn(stack, `Package${i}`, `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/${i + 1}`);
    case 'unversioned':
      return ModelPackage.fromModelPackageArn(stack, `Package${i}`, `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn-marketplace`);
    case 'otherRegion':
      ctx.mark('modelPackage', OTHER_REGION);
      return ModelPackage.fromModelPackageArn(stack, `Package${i}`, `arn:aws:sagemaker:${OTHER_REGION}:${ACCOUNT}:model-package/churn/${i + 1}`);
    default: {
      const group = (stack.node.tryFindChild('Group') as ModelPackageGroup | undefined) ?? new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
      return group.addModelPackage(`Version${i}`, {
        inferenceSpecification: {
          containers: [{ image: buildImage(ctx, 'package', { kind: 'registry', uri: `763104351884.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-${i}` }) }],
          supportedContentTypes: ['text/csv'],
          supportedResponseMimeTypes: ['text/csv'],
        },
      });
    }
  }
}

function buildContainer(ctx: CaseContext, s: ContainerSpec, i: number, vpc: boolean, bytesBefore: number): ContainerDefinition {
  const at = `containers[${i}]`;
  const withImage = s.source === 'image' || s.source === 'both';
  const withPackage = s.source === 'package' || s.source === 'both';
  ctx.mark(['image', 'modelPackage'], 'both', 'neither', 'got image and modelPackage');
  ctx.mark('modelData', 'remove modelData');
  ctx.mark('imageConfig', 'remove imageConfig', s.imageConfig?.repositoryAccessMode ?? 'undefined', vpc ? 'vpc' : 'no vpc');
  ctx.mark('inferenceSpecificationName', 'without one');
  ctx.mark(['mode', 'MultiModel'], 'image and modelData', 'no image', 'no modelData', 'inference pipeline', s.mode ?? 'undefined');
  ctx.mark('modelCacheSetting', s.modelCacheSetting ?? 'undefined');
  ctx.mark(`${at}.modelData`, 'single archive', 'acceptEula');
  ctx.mark(`${at}.mode`, s.mode ?? 'undefined');
  ctx.mark(`${at}.modelCacheSetting`, s.modelCacheSetting ?? 'undefined');
  ctx.mark(`${at}.imageConfig.repositoryAccessMode`, s.imageConfig?.repositoryAccessMode ?? 'undefined');

  const env = buildEnvironment(ctx, `${at}.environment`, s.environment);
  const bytes = Object.entries(env ?? {}).reduce((n, [k, v]) => n + (isToken(v) ? 0 : Buffer.byteLength(k) + Buffer.byteLength(v)), 0);
  ctx.mark(['environment variables of all containers'], bytesBefore + bytes);

  let imageConfig: ImageConfig | undefined;
  if (s.imageConfig) {
    const provider = s.imageConfig.credentials
      ? lambda.Function.fromFunctionArn(ctx.stack, `Credentials${i}`, `arn:aws:lambda:${REGION}:${ACCOUNT}:function:registry-credentials`)
      : undefined;
    imageConfig = { repositoryAccessMode: s.imageConfig.repositoryAccessMode as RepositoryAccessMode, repositoryCredentialsProvider: provider };
  }
  return {
    image: withImage ? buildImage(ctx, at, s.image) : undefined,
    modelPackage: withPackage ? modelPackage(ctx, s.modelPackage, i) : undefined,
    modelData: s.modelData && buildModelData(ctx, at, s.modelData),
    inferenceSpecificationName: ctx.optStr(`${at}.inferenceSpecificationName`, s.inferenceSpecificationName),
    environment: env,
    containerHostname: ctx.optStr(`${at}.containerHostname`, s.containerHostname),
    mode: s.mode as ContainerMode | undefined,
    modelCacheSetting: s.modelCacheSetting as ModelCacheSetting | undefined,
    imageConfig,
  };
}

function build(ctx: CaseContext, raw: ModelSpec): void {
  const { stack } = ctx;
  const s = raw.consistent ? makeConsistent(raw) : raw;
  let vpc: ec2.IVpc | undefined;
  let securityGroups: ec2.ISecurityGroup[] | undefined;
  const network = s.vpc ?? s.strayNetwork;
  if (s.vpc) {
    vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: [`${REGION}a`],
      privateSubnetIds: Array.from({ length: s.vpc.subnets }, (_, i) => `subnet-${(i + 1).toString(16).padStart(17, '0')}`),
    });
    ctx.mark('vpcSubnets', s.vpc.subnets);
  }
  if (network?.securityGroups !== undefined) {
    securityGroups = Array.from({ length: network.securityGroups }, (_, i) =>
      ec2.SecurityGroup.fromSecurityGroupId(stack, `SecurityGroup${i}`, `sg-${(i + 1).toString(16).padStart(17, '0')}`));
    ctx.mark(['securityGroups', 'security groups'], network.securityGroups);
  }
  ctx.mark('allowAllOutbound', String(network?.allowAllOutbound));
  ctx.mark('vpcSubnets', 'no vpc');
  ctx.mark('inferenceExecutionMode', s.inferenceExecutionMode ?? 'undefined');
  ctx.mark(['containerHostname', 'inferenceExecutionMode'], 'got none for');
  ctx.mark('containers', s.containers.length, 'got none', `container number ${s.containers.length}`);
  for (let i = 0; i < s.containers.length; i++) {
    ctx.mark(`containers[${i}]`, 'MultiModel', `container number ${i + 1}`);
    ctx.mark('containerHostname', 'duplicates');
  }
  ctx.mark('removalPolicy', s.removalPolicy ?? 'undefined');

  const role = s.role === 'imported'
    ? iam.Role.fromRoleArn(stack, 'Role', `arn:aws:iam::${ACCOUNT}:role/sagemaker-model`, { mutable: false })
    : undefined;
  let bytes = 0;
  const containers: ContainerDefinition[] = [];
  s.containers.forEach((c, i) => {
    const definition = buildContainer(ctx, c, i, vpc !== undefined, bytes);
    bytes += Object.entries(definition.environment ?? {})
      .reduce((n, [k, v]) => n + Buffer.byteLength(k) + (stack.resolve(v) === v ? Buffer.byteLength(v) : 0), 0);
    containers.push(definition);
  });
  const inProps = containers.slice(0, Math.max(0, containers.length - s.added));
  const model = new Model(stack, 'Model', {
    modelName: ctx.optStr('modelName', s.modelName),
    containers: inProps,
    role,
    vpc,
    vpcSubnets: s.vpc ? undefined : (s.strayNetwork?.vpcSubnets ? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } : undefined),
    securityGroups,
    allowAllOutbound: network?.allowAllOutbound,
    networkIsolation: s.networkIsolation,
    inferenceExecutionMode: s.inferenceExecutionMode as InferenceExecutionMode | undefined,
    removalPolicy: s.removalPolicy as RemovalPolicy | undefined,
  });
  for (const definition of containers.slice(inProps.length)) {
    model.addContainer(definition);
  }
}

propertyTest('Model', spec, build);
