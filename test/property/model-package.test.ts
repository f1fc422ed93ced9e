import { RemovalPolicy, Size, aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { ACCOUNT, OTHER_ACCOUNT, REGION } from '../constants';
import {
  Gen,
  InferenceSpecSpec,
  ModelDataSpec,
  alnumChar,
  anyChar,
  approvalStatus,
  enumValue,
  list,
  removalPolicy,
  validName,
  boundedText,
  buildEnvironment,
  buildInferenceSpecification,
  buildInstanceType,
  buildModelData,
  description,
  digest,
  environment,
  inferenceSpecification,
  instanceType,
  lengths,
  modelData,
  s3Uri,
  sageMakerName,
  text,
  withWildness,
} from './arbitraries';
import { CaseContext, GenStr, KnownEscape, isToken, orToken, propertyTest } from './harness';
import {
  AssembleWith,
  BatchStrategy,
  CompressionType,
  IModelPackageGroup,
  ModelApprovalStatus,
  ModelCardStatus,
  ModelPackage,
  ModelPackageGroup,
  SplitType,
  TransformInputDataType,
} from '../../src';

interface AdditionalSpec {
  readonly name: GenStr;
  readonly description?: GenStr;
  readonly spec: InferenceSpecSpec;
}

interface TransformSpec {
  readonly profileName: GenStr;
  readonly inputUri: GenStr;
  readonly inputType?: string;
  readonly contentType?: GenStr;
  readonly compression?: string;
  readonly split?: string;
  readonly outputPath: GenStr;
  readonly accept?: GenStr;
  readonly assembleWith?: string;
  readonly instanceType: GenStr;
  readonly instanceCount?: number | 'token';
  readonly batchStrategy?: string;
  readonly maxConcurrent?: number;
  readonly maxPayloadKib?: number;
  readonly environment?: Array<[string, GenStr]>;
}

interface MetricSpec {
  readonly contentType: GenStr;
  readonly s3Uri: GenStr;
  readonly digest?: GenStr;
}

interface PackageSpec {
  readonly kind: 'version' | 'unversioned' | 'both' | 'neither';
  readonly group: 'owned' | 'imported' | 'otherAccount';
  readonly name?: GenStr;
  readonly description?: GenStr;
  readonly approvalStatus?: string;
  readonly approvalDescription?: GenStr;
  readonly certify?: boolean;
  readonly inference?: InferenceSpecSpec;
  readonly additional?: AdditionalSpec[];
  readonly sourceAlgorithm?: { readonly name: GenStr; readonly modelData?: ModelDataSpec };
  readonly customerMetadata?: Array<[string, GenStr]>;
  readonly metadata?: { readonly commitId?: GenStr; readonly repository?: GenStr; readonly generatedBy?: GenStr; readonly projectId?: GenStr };
  readonly samplePayloadUrl?: GenStr;
  readonly sourceUri?: GenStr;
  readonly modelCard?: { readonly content: string; readonly status: string };
  readonly domain?: string;
  readonly task?: string;
  readonly skipModelValidation?: boolean;
  readonly validation?: TransformSpec;
  readonly metrics?: MetricSpec[];
  /** Encrypt with a KMS key: one defined in the stack, or an imported one. */
  readonly encryptionKey?: 'owned' | 'imported';
  /** The validation role: one defined in the stack (which gets grants), or an imported one. */
  readonly validationRole: 'owned' | 'imported';
  readonly removalPolicy?: string;
}

function additional(g: Gen): fc.Arbitrary<AdditionalSpec> {
  // Names from a small pool come out the same now and then.
  const name = g.pick(validName, fc.oneof(sageMakerName(g), fc.constantFrom('gpu', 'cpu', 'inf2')));
  return fc.record({
    name,
    description: g.opt(boundedText(g, 1024), 3),
    spec: inferenceSpecification(g, { modelData: true, requireContentTypes: false, maxContainers: 2 }),
  });
}

function transformJob(g: Gen): fc.Arbitrary<TransformSpec> {
  const count = g.pick(
    fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant<'token'>('token')),
    fc.constantFrom(0, -1, 1.5, 101, Number.NaN),
  );
  return fc.record({
    profileName: sageMakerName(g),
    inputUri: s3Uri(g, '/'),
    // AugmentedManifestFile is a member of the enum, but not compatible with batch transform (the API model says so).
    inputType: g.opt(enumValue(g, [TransformInputDataType.S3_PREFIX, TransformInputDataType.MANIFEST_FILE],
      ['s3prefix', 'Manifest', '', 'AugmentedManifestFile', 'Converse']), 3),
    contentType: g.opt(boundedText(g, 256), 3),
    compression: g.opt(enumValue(g, Object.values(CompressionType), ['gzip', 'Zip']), 3),
    split: g.opt(enumValue(g, Object.values(SplitType), ['line', 'Lines']), 3),
    outputPath: s3Uri(g, '/'),
    accept: g.opt(boundedText(g, 256), 3),
    assembleWith: g.opt(enumValue(g, Object.values(AssembleWith), ['line', 'Record']), 3),
    instanceType: instanceType(g, 'transform'),
    instanceCount: g.opt(count, 2),
    batchStrategy: g.opt(enumValue(g, Object.values(BatchStrategy), ['Multi', 'single']), 3),
    maxConcurrent: g.opt(g.pick(fc.integer({ min: 0, max: 64 }), fc.constantFrom(-1, 1.5)), 3),
    maxPayloadKib: g.opt(g.pick(fc.integer({ min: 0, max: 100 }).map((m) => m * 1024), fc.constantFrom(1536, 100)), 3),
    environment: g.opt(environment(g, 16), 3),
  });
}

const metadataKeyChar = fc.oneof(alnumChar, fc.constantFrom(' ', '_', '.', ':', '/', '=', '+', '-', '@', 'é'));
function customerMetadata(g: Gen): fc.Arbitrary<Array<[string, GenStr]>> {
  const key = text(fc.integer({ min: 1, max: 20 }), metadataKeyChar);
  const wildKey = fc.oneof(fc.constantFrom('', '#', 'a\nb', 'x'.repeat(129), 'Ref', 'Fn::Join'), text(lengths(140, [128]), anyChar));
  const value = orToken(text(fc.integer({ min: 1, max: 40 }), metadataKeyChar), 'from-token');
  const wildValue = fc.oneof(fc.constantFrom('', 'a&b', 'x'.repeat(257)), text(lengths(270, [256]), anyChar));
  return list(g, {
    item: fc.tuple(key, value),
    wildItem: fc.oneof(fc.tuple(wildKey, value), fc.tuple(key, wildValue)),
    min: 1,
    max: 50,
    validMax: 6,
    wildMax: 55,
  });
}

function metric(g: Gen): fc.Arbitrary<MetricSpec> {
  return fc.record({
    contentType: orToken(g.pick(fc.constantFrom('application/json', 'text/csv'), text(lengths(300, [256]), anyChar)), 'application/json'),
    s3Uri: s3Uri(g, '.json'),
    digest: g.opt(digest(g), 2),
  });
}

/** Model data for a source algorithm: a single archive without EULA acceptance, or (when wild) any model data. */
function archiveModelData(g: Gen): fc.Arbitrary<ModelDataSpec> {
  return g.pick(modelData(new Gen(0)).filter((m) => (m.kind === 'url' || m.kind === 'bucket') && m.acceptEula === undefined), modelData(g));
}

const spec = withWildness((g) => {
  const kinds: PackageSpec['kind'][] = ['version', 'unversioned', 'both', 'neither'];
  const byKind = new Map(kinds.map((kind) => [kind, packageOfKind(g, kind)]));
  return g.pick(
    fc.constantFrom<PackageSpec['kind']>('version', 'version', 'unversioned'),
    fc.constantFrom<PackageSpec['kind']>('both', 'neither'),
  ).chain((kind) => byKind.get(kind)!);
});

function packageOfKind(g: Gen, kind: PackageSpec['kind']): fc.Arbitrary<PackageSpec> {
  const versioned = kind === 'version';
  const unversioned = kind === 'unversioned';
  /** A property that applies to one kind only: absent for the other, or (when wild) there too. */
  const only = <T>(applies: boolean, value: fc.Arbitrary<T>, freq = 2) => (applies ? g.opt(value, freq) : g.pick(fc.constant(undefined), value));
  return fc.record({
    kind: fc.constant(kind),
    group: fc.constantFrom<PackageSpec['group']>('owned', 'imported', 'otherAccount'),
    name: sageMakerName(g),
    description: g.opt(description(g), 2),
    approvalStatus: only(versioned, approvalStatus(g)),
    approvalDescription: only(versioned, description(g), 3),
    certify: only(unversioned, fc.boolean(), 3),
    inference: g.pick(
      inferenceSpecification(g, { modelData: true, requireContentTypes: true, requireInstanceTypes: !versioned }),
      g.opt(inferenceSpecification(g, { modelData: true, requireContentTypes: true, requireInstanceTypes: !versioned }), 3),
    ),
    additional: g.opt(list(g, { item: additional(new Gen(0)), wildItem: additional(g.wilder()), min: 1, max: 15, validMax: 2, wildMax: 17 }), 4),
    sourceAlgorithm: g.opt(fc.record({
      // ArnOrName: an optional ARN prefix, then a name of 1-63 characters that does not end with a hyphen.
      name: orToken(g.pick(
        fc.oneof(validName, fc.constantFrom('arn:aws:sagemaker:us-east-1:123456789012:algorithm/xgb', 'a'.repeat(63), 'a--b',
          `arn:aws:sagemaker:us-east-1:123456789012:algorithm/${'a'.repeat(63)}`)),
        fc.oneof(sageMakerName(g), fc.constantFrom('arn:aws:sagemaker:us-east-1:1234:algorithm/xgb', 'x'.repeat(171), 'algo-', 'a'.repeat(64),
          'arn:aws:sagemaker:us-east-1:123456789012:algorithm/xgb-', `arn:aws:sagemaker:us-east-1:123456789012:algorithm/${'a'.repeat(64)}`)),
      ), 'lazy-algorithm'),
      modelData: g.opt(archiveModelData(g), 2),
    }), 4),
    customerMetadata: g.opt(customerMetadata(g), 3),
    metadata: g.opt(fc.record({
      commitId: g.opt(boundedText(g, 1024)),
      repository: g.opt(boundedText(g, 1024)),
      generatedBy: g.opt(boundedText(g, 1024)),
      projectId: g.opt(boundedText(g, 1024)),
    }), 4),
    samplePayloadUrl: g.opt(s3Uri(g, '.tar.gz'), 4),
    // ModelPackageSourceUri: letters, marks, separators, numbers and punctuation; symbols at the border of the class.
    sourceUri: g.opt(g.pick(boundedText(g, 1024), fc.constantFrom('https://example.com/?a=b', 'path+plus', 'tilde~', 'x'.repeat(1024), 'x'.repeat(1025))), 4),
    modelCard: g.opt(fc.record({
      content: g.pick(
        fc.constantFrom('{}', '{"model_overview":{"model_creator":"team"}}'),
        fc.oneof(fc.constantFrom('', 'not json', '{"a":'), fc.constantFrom(99_990, 100_001).map((n) => `{"a":"${'x'.repeat(n - 8)}"}`)),
      ),
      status: enumValue(g, Object.values(ModelCardStatus), ['draft', 'Pending', '']),
    }), 5),
    domain: g.opt(fc.constantFrom('COMPUTER_VISION', 'NATURAL_LANGUAGE_PROCESSING', 'MACHINE_LEARNING'), 4),
    task: g.opt(fc.constantFrom('IMAGE_CLASSIFICATION', 'CLASSIFICATION', 'FILL_MASK'), 4),
    skipModelValidation: g.opt(fc.boolean(), 4),
    validation: g.opt(transformJob(g), 4),
    metrics: g.opt(fc.array(metric(g), { minLength: 1, maxLength: 2 }), 4),
    encryptionKey: g.opt(fc.constantFrom<'owned' | 'imported'>('owned', 'imported', 'imported'), 3),
    validationRole: fc.constantFrom<'owned' | 'imported'>('owned', 'imported', 'imported'),
    removalPolicy: g.opt(removalPolicy(g), 3),
  });
}

function group(ctx: CaseContext, s: PackageSpec): IModelPackageGroup {
  switch (s.group) {
    case 'owned':
      return new ModelPackageGroup(ctx.stack, 'Group', { modelPackageGroupName: 'churn' });
    case 'imported':
      return ModelPackageGroup.fromModelPackageGroupName(ctx.stack, 'Group', 'churn');
    default:
      return ModelPackageGroup.fromModelPackageGroupArn(ctx.stack, 'Group', `arn:aws:sagemaker:${REGION}:${OTHER_ACCOUNT}:model-package-group/churn`);
  }
}

function build(ctx: CaseContext, s: PackageSpec): void {
  const { stack } = ctx;
  const versioned = s.kind === 'version' || s.kind === 'both';
  const named = s.kind === 'unversioned' || s.kind === 'both';
  // Errors about versioned-only or unversioned-only properties name the property and what was given.
  ctx.mark(['modelPackageGroup', 'modelPackageName'], named ? 'both' : 'neither');
  ctx.mark('approvalStatus', s.approvalStatus ?? 'undefined');
  ctx.mark('approvalDescription', 'got it');
  ctx.mark('certifyForMarketplace', String(s.certify));
  ctx.mark(['inferenceSpecification', 'sourceAlgorithm'], 'neither');
  ctx.mark('removalPolicy', s.removalPolicy ?? 'undefined');

  const inference = s.inference && buildInferenceSpecification(ctx, 'inferenceSpecification', s.inference);
  ctx.mark('additionalInferenceSpecifications', s.additional?.length ?? 0);
  const additionalInferenceSpecifications = s.additional?.map((a, i) => {
    const at = `additionalInferenceSpecifications[${i}]`;
    return {
      ...buildInferenceSpecification(ctx, at, a.spec),
      name: ctx.str(`${at}.name`, a.name),
      description: ctx.optStr(`${at}.description`, a.description),
    };
  });

  let metadataMap: { [key: string]: string } | undefined;
  if (s.customerMetadata) {
    metadataMap = buildEnvironment(ctx, 'customerMetadata', s.customerMetadata);
    for (const key of Object.keys(metadataMap!)) {
      ctx.mark('customerMetadata keys', key);
    }
  }

  const role = !s.validation ? undefined : s.validationRole === 'owned'
    ? new iam.Role(stack, 'ValidationRole', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') })
    : iam.Role.fromRoleArn(stack, 'ValidationRole', `arn:aws:iam::${ACCOUNT}:role/sagemaker-validation`, { mutable: false });
  const v = s.validation;
  const job = 'validationSpecification.profile.transformJob';
  const validationSpecification = v && role && {
    role,
    profile: {
      profileName: ctx.str('validationSpecification.profile.profileName', v.profileName),
      transformJob: {
        input: {
          s3Uri: ctx.str(`${job}.input.s3Uri`, v.inputUri),
          dataType: marked(ctx, `${job}.input.dataType`, v.inputType) as TransformInputDataType | undefined,
          contentType: ctx.optStr(`${job}.input.contentType`, v.contentType),
          compressionType: marked(ctx, `${job}.input.compressionType`, v.compression) as CompressionType | undefined,
          splitType: marked(ctx, `${job}.input.splitType`, v.split) as SplitType | undefined,
        },
        output: {
          s3OutputPath: ctx.str(`${job}.output.s3OutputPath`, v.outputPath),
          accept: ctx.optStr(`${job}.output.accept`, v.accept),
          assembleWith: marked(ctx, `${job}.output.assembleWith`, v.assembleWith) as AssembleWith | undefined,
        },
        resources: {
          instanceType: buildInstanceType(ctx, `${job}.resources.instanceType`, v.instanceType),
          instanceCount: v.instanceCount === 'token' ? ctx.numberToken() : markedNumber(ctx, `${job}.resources.instanceCount`, v.instanceCount),
        },
        batchStrategy: marked(ctx, `${job}.batchStrategy`, v.batchStrategy) as BatchStrategy | undefined,
        maxConcurrentTransforms: markedNumber(ctx, `${job}.maxConcurrentTransforms`, v.maxConcurrent),
        maxPayload: v.maxPayloadKib === undefined ? undefined : markedSize(ctx, `${job}.maxPayload`, v.maxPayloadKib),
        environment: buildEnvironment(ctx, `${job}.environment`, v.environment),
      },
    },
  };

  const metrics = s.metrics?.map((m, i) => ({
    contentType: ctx.str(`modelMetrics.modelQuality.${i === 0 ? 'statistics' : 'constraints'}.contentType`, m.contentType),
    s3Uri: ctx.str(`modelMetrics.modelQuality.${i === 0 ? 'statistics' : 'constraints'}.s3Uri`, m.s3Uri),
    contentDigest: ctx.optStr(`modelMetrics.modelQuality.${i === 0 ? 'statistics' : 'constraints'}.contentDigest`, m.digest),
  }));

  const sourceAlgorithm = s.sourceAlgorithm && {
    algorithmName: ctx.str('sourceAlgorithm.algorithmName', s.sourceAlgorithm.name),
    modelData: s.sourceAlgorithm.modelData && buildModelData(ctx, 'sourceAlgorithm', s.sourceAlgorithm.modelData),
  };
  ctx.mark('sourceAlgorithm.modelData', 'acceptEula', 'prefix');

  if (s.modelCard) {
    ctx.mark('modelCard.content', s.modelCard.content.slice(0, 80), s.modelCard.content);
    ctx.mark('modelCard.status', s.modelCard.status);
  }
  const metadata = s.metadata && {
    commitId: ctx.optStr('metadata.commitId', s.metadata.commitId),
    repository: ctx.optStr('metadata.repository', s.metadata.repository),
    generatedBy: ctx.optStr('metadata.generatedBy', s.metadata.generatedBy),
    projectId: ctx.optStr('metadata.projectId', s.metadata.projectId),
  };

  new ModelPackage(stack, 'Package', {
    modelPackageGroup: versioned ? group(ctx, s) : undefined,
    modelPackageName: named ? ctx.str('modelPackageName', s.name!) : undefined,
    description: ctx.optStr('description', s.description),
    approvalStatus: s.approvalStatus as ModelApprovalStatus | undefined,
    approvalDescription: ctx.optStr('approvalDescription', s.approvalDescription),
    certifyForMarketplace: s.certify,
    inferenceSpecification: inference,
    additionalInferenceSpecifications,
    sourceAlgorithm,
    customerMetadata: metadataMap,
    metadata,
    samplePayloadUrl: ctx.optStr('samplePayloadUrl', s.samplePayloadUrl),
    sourceUri: ctx.optStr('sourceUri', s.sourceUri),
    modelCard: s.modelCard && { content: s.modelCard.content, status: s.modelCard.status as ModelCardStatus },
    domain: s.domain,
    task: s.task,
    skipModelValidation: s.skipModelValidation,
    validationSpecification,
    modelMetrics: metrics && { modelQuality: { statistics: metrics[0], constraints: metrics[1] } },
    encryptionKey: s.encryptionKey === undefined ? undefined : s.encryptionKey === 'owned'
      ? new kms.Key(stack, 'Key')
      : kms.Key.fromKeyArn(stack, 'Key', `arn:aws:kms:${REGION}:${ACCOUNT}:key/0b6f5b1c-8d3e-4c3a-9d61-6a4f0e2b7c11`),
    removalPolicy: s.removalPolicy as RemovalPolicy | undefined,
  });
}

/** An enum value as given (possibly not one of the enum's values), marked. */
export function marked(ctx: CaseContext, property: string, value: string | undefined): string | undefined {
  if (value !== undefined) {
    ctx.mark(property, value);
  }
  return value;
}

export function markedNumber(ctx: CaseContext, property: string, value: number | undefined): number | undefined {
  if (value !== undefined) {
    ctx.mark(property, value);
  }
  return value;
}

function markedSize(ctx: CaseContext, property: string, kib: number): Size {
  ctx.mark(property, kib / 1024);
  return Size.kibibytes(kib);
}

/** Whether a generated string is a literal (not a token). */
export function literal(value: GenStr | undefined): value is string {
  return value !== undefined && !isToken(value);
}

/**
 * cfn-lint's rule E3643 checks the transform job's instance type against the types AWS offers for
 * batch transform in the template's region (from the pricing API). The library checks the types the
 * SageMaker API accepts for batch transform in any region (src/private/validate/supported-instance-types.ts), not the
 * offer of each region, so a type such as ml.trn1.32xlarge passes the library in us-east-1.
 */
const MODEL_PACKAGE_KNOWN_ESCAPES: KnownEscape[] = [{
  rule: 'E3643',
  path: /\/ValidationSpecification\/ValidationProfiles\/0\/TransformJobDefinition\/TransformResources\/InstanceType$/,
  reason: 'regional availability: the transform job\'s instance type is one SageMaker supports, but not offered in the stack\'s region '
    + '(cfn-lint E3643, pricing data); the library does not model regional offerings',
}];

propertyTest('ModelPackage', spec, build, { knownEscapes: MODEL_PACKAGE_KNOWN_ESCAPES });
