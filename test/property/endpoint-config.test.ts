import { Duration, RemovalPolicy, Size, aws_kms as kms, aws_s3 as s3, aws_sns as sns } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { ACCOUNT, OTHER_REGION, REGION, XGBOOST_IMAGE } from '../constants';
import { Gen, buildInstanceType, instanceType, list, removalPolicy, sageMakerName, withWildness } from './arbitraries';
import { CaseContext, GenStr, propertyTest } from './harness';
import {
  AsyncNotificationTopic,
  CaptureMode,
  ContainerImage,
  EndpointConfig,
  IModel,
  InstanceProductionVariantProps,
  Model,
} from '../../src';

interface VariantSpec {
  readonly variantName: GenStr;
  readonly instanceType?: GenStr;
  readonly initialInstanceCount?: number;
  readonly initialVariantWeight?: number;
  readonly volumeGiB?: number;
  readonly healthCheckSeconds?: number;
  readonly downloadSeconds?: number;
  readonly enableSsmAccess?: boolean;
  readonly otherRegionModel: boolean;
}

interface ServerlessSpec {
  readonly variantName: GenStr;
  readonly memorySizeInMB: number;
  readonly maxConcurrency: number;
  readonly provisionedConcurrency?: number;
}

interface CaptureSpec {
  readonly prefix?: string;
  readonly samplingPercentage?: number;
  readonly captureModes?: string[];
  readonly csvContentTypes?: string[];
  readonly jsonContentTypes?: string[];
  readonly key: boolean;
  readonly enableCapture?: boolean;
}

interface AsyncSpec {
  readonly outputPrefix?: string;
  readonly failureBucket: boolean;
  readonly failurePrefix?: string;
  readonly key: boolean;
  readonly successTopic: boolean;
  readonly errorTopic: boolean;
  readonly include?: string[];
  readonly maxConcurrentInvocationsPerInstance?: number;
}

interface ConfigSpec {
  readonly endpointConfigName?: GenStr;
  readonly variants: VariantSpec[];
  /** How many of the variants are added with addInstanceProductionVariant(). */
  readonly added: number;
  readonly serverless?: ServerlessSpec;
  readonly shadow?: VariantSpec[];
  readonly dataCapture?: CaptureSpec;
  readonly asyncInference?: AsyncSpec;
  readonly encryptionKey: boolean;
  readonly removalPolicy?: string;
}

const int = (min: number, max: number) => fc.integer({ min, max });

function variant(g: Gen): fc.Arbitrary<VariantSpec> {
  return fc.record({
    variantName: sageMakerName(g),
    instanceType: g.opt(instanceType(g, 'realtime'), 2),
    initialInstanceCount: g.opt(g.pick(int(1, 10), fc.constantFrom(0, -1, 1.5)), 2),
    initialVariantWeight: g.opt(g.pick(fc.constantFrom(0, 0.5, 1, 2, 10), fc.constantFrom(-1, -0.5)), 2),
    volumeGiB: g.opt(g.pick(int(1, 512), fc.constantFrom(0, 513, 1024, 1.5)), 3),
    healthCheckSeconds: g.opt(g.pick(int(60, 3600), fc.constantFrom(0, 59, 3601, 60.5)), 3),
    downloadSeconds: g.opt(g.pick(int(60, 3600), fc.constantFrom(30, 59, 3601, 7200)), 3),
    enableSsmAccess: g.opt(fc.boolean(), 3),
    otherRegionModel: g.pick(fc.constant(false), fc.boolean()),
  });
}

const PREFIX = (g: Gen) => g.pick(fc.constantFrom('capture', 'churn/capture', 'a-b_c'), fc.constantFrom('/capture', 'capture/', '', '/', 'x'.repeat(600)));
const CONTENT_TYPES = (g: Gen) => g.pick(
  fc.constantFrom<string[]>(['text/csv'], ['application/json', 'application/jsonlines'], ['text/csv', 'application/x-csv']),
  fc.constantFrom<string[]>([], ['csv'], [''], ['text/ csv'], Array.from({ length: 11 }, (_, i) => `text/csv${i}`)));

const spec = withWildness((g): fc.Arbitrary<ConfigSpec> => fc.record({
  endpointConfigName: g.opt(sageMakerName(g), 3),
  variants: list(g, { item: variant(new Gen(0)), wildItem: variant(g.wilder()), min: 1, max: 10, validMax: 3, wildMax: 12 }),
  added: fc.nat({ max: 2 }),
  serverless: g.pick(fc.constant(undefined), g.opt(fc.record({
    variantName: sageMakerName(g),
    memorySizeInMB: g.pick(fc.constantFrom(1024, 2048, 3072, 4096, 5120, 6144), fc.constantFrom(0, 1000, 1536, 7168)),
    maxConcurrency: g.pick(int(1, 200), fc.constantFrom(0, 201, 2.5)),
    provisionedConcurrency: g.opt(g.pick(int(1, 1), fc.constantFrom(0, 201, 300)), 2),
  }), 2)),
  shadow: g.opt(list(g, { item: variant(new Gen(0)), wildItem: variant(g.wilder()), min: 1, max: 1, wildMax: 3 }), 4),
  dataCapture: g.opt(fc.record({
    prefix: g.opt(PREFIX(g), 2),
    samplingPercentage: g.opt(g.pick(int(0, 100), fc.constantFrom(-1, 101, 50.5)), 2),
    captureModes: g.opt(list(g, {
      item: fc.constantFrom(...Object.values(CaptureMode) as string[]),
      wildItem: fc.constantFrom('input', 'Both', ''),
      min: 1,
      max: 32,
      validMax: 2,
      wildMax: 33,
    }), 2),
    csvContentTypes: g.opt(CONTENT_TYPES(g), 3),
    jsonContentTypes: g.opt(CONTENT_TYPES(g), 3),
    key: fc.boolean(),
    enableCapture: g.opt(fc.boolean(), 3),
  }), 3),
  asyncInference: g.opt(fc.record({
    outputPrefix: g.opt(PREFIX(g), 2),
    failureBucket: fc.boolean(),
    failurePrefix: g.opt(PREFIX(g), 3),
    key: fc.boolean(),
    successTopic: fc.boolean(),
    errorTopic: fc.boolean(),
    include: g.opt(list(g, {
      item: fc.constantFrom(...Object.values(AsyncNotificationTopic) as string[]),
      wildItem: fc.constantFrom('SUCCESS', 'error_notification_topic'),
      min: 0,
      max: 2,
      wildMax: 3,
    }), 3),
    maxConcurrentInvocationsPerInstance: g.opt(g.pick(int(1, 1000), fc.constantFrom(0, 1001, 1.5)), 3),
  }), 4),
  encryptionKey: g.pick(fc.constant(false), fc.boolean()),
  removalPolicy: g.opt(removalPolicy(g), 3),
}) as unknown as fc.Arbitrary<ConfigSpec>);

/** What a careful user does: consistent options (async and shadows only with instance variants, topics for included responses). */
function makeConsistent(s: ConfigSpec & { wildness: number }): ConfigSpec {
  if (s.wildness > 0) {
    return s;
  }
  const serverless = s.serverless;
  const asyncInference = s.asyncInference && {
    ...s.asyncInference,
    failurePrefix: s.asyncInference.failureBucket ? s.asyncInference.failurePrefix : undefined,
    successTopic: s.asyncInference.successTopic || (s.asyncInference.include ?? []).includes(AsyncNotificationTopic.SUCCESS_NOTIFICATION_TOPIC),
    errorTopic: s.asyncInference.errorTopic || (s.asyncInference.include ?? []).includes(AsyncNotificationTopic.ERROR_NOTIFICATION_TOPIC),
    include: [...new Set(s.asyncInference.include ?? [])],
  };
  const names = new Set<string>();
  const unique = (v: VariantSpec, i: number, prefix: string): VariantSpec => {
    const name = typeof v.variantName === 'string' && !names.has(v.variantName) ? v.variantName : `${prefix}${i}`;
    names.add(name);
    return { ...v, variantName: name };
  };
  const variants = serverless ? [] : s.variants.map((v, i) => unique(v, i, 'variant'));
  const shadow = serverless || asyncInference || !s.shadow ? undefined : s.shadow.slice(0, 1).map((v, i) => unique(v, i, 'shadow'));
  return {
    ...s,
    variants: shadow ? variants.slice(0, 1) : variants.map((v, i) => (i === 0 ? { ...v, initialVariantWeight: 1 } : v)),
    shadow,
    serverless: serverless && { ...serverless, variantName: unique(serverless as any, 0, 'serverless').variantName },
    asyncInference: serverless ? undefined : asyncInference,
    encryptionKey: s.encryptionKey,
  };
}

function keyArn(suffix: string): string {
  return `arn:aws:kms:${REGION}:${ACCOUNT}:key/11111111-2222-3333-4444-${suffix}`;
}

function models(ctx: CaseContext): { local: IModel; other: IModel } {
  const local = new Model(ctx.stack, 'Model', {
    containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE) }],
  });
  const other = Model.fromModelArn(ctx.stack, 'OtherRegionModel', `arn:aws:sagemaker:${OTHER_REGION}:${ACCOUNT}:model/churn`);
  return { local, other };
}

function buildVariant(ctx: CaseContext, at: string, v: VariantSpec, m: { local: IModel; other: IModel }): InstanceProductionVariantProps {
  ctx.mark(`${at}.initialInstanceCount`, v.initialInstanceCount ?? 'undefined');
  ctx.mark(`${at}.initialVariantWeight`, v.initialVariantWeight ?? 'undefined');
  ctx.mark(`${at}.volumeSize`, v.volumeGiB ?? 'undefined');
  ctx.mark(`${at}.containerStartupHealthCheckTimeout`, v.healthCheckSeconds ?? 'undefined');
  ctx.mark(`${at}.modelDataDownloadTimeout`, v.downloadSeconds ?? 'undefined');
  if (v.otherRegionModel) {
    ctx.mark(`${at}.model`, OTHER_REGION);
  }
  return {
    variantName: ctx.str([`${at}.variantName`, 'variantName'], v.variantName),
    model: v.otherRegionModel ? m.other : m.local,
    instanceType: v.instanceType === undefined ? undefined : buildInstanceType(ctx, `${at}.instanceType`, v.instanceType),
    initialInstanceCount: v.initialInstanceCount,
    initialVariantWeight: v.initialVariantWeight,
    volumeSize: v.volumeGiB === undefined ? undefined : Size.gibibytes(v.volumeGiB),
    containerStartupHealthCheckTimeout: v.healthCheckSeconds === undefined ? undefined : Duration.seconds(v.healthCheckSeconds),
    modelDataDownloadTimeout: v.downloadSeconds === undefined ? undefined : Duration.seconds(v.downloadSeconds),
    enableSsmAccess: v.enableSsmAccess,
  };
}

function build(ctx: CaseContext, raw: ConfigSpec & { wildness: number }): void {
  const s = makeConsistent(raw);
  const { stack } = ctx;
  const m = models(ctx);
  const variants = s.serverless && raw.wildness === 0 ? [] : s.variants;
  const props = variants.map((v, i) => buildVariant(ctx, `instanceProductionVariants[${i}]`, v, m));
  const shadows = s.shadow?.map((v, i) => buildVariant(ctx, `shadowProductionVariants[${i}]`, v, m));
  const inProps = props.slice(0, Math.max(0, props.length - s.added));

  // Cross-variant problems name what the case set.
  const allNames = [...props, ...(shadows ?? [])].map((v) => v.variantName);
  ctx.mark('variantName', 'duplicates');
  ctx.mark(['production variants', 'production variant'], props.length + (s.serverless ? 1 : 0), 'got none');
  ctx.mark('initialVariantWeight', ...props.map((p) => p.initialVariantWeight ?? 1));
  ctx.mark(['serverless variant', 'instance variants'], 'got instance variant', 'got serverless variant', `got '${allNames[0]}'`, 'after');
  ctx.mark('shadowProductionVariants', shadows?.length ?? 0, 'got 0', 'serverlessProductionVariant', 'asyncInference');
  ctx.mark('asyncInference', 'got serverless variant');
  ctx.mark('encryptionKey', ...props.map((p) => p.instanceType?.toString() ?? ''), ...(shadows ?? []).map((p) => p.instanceType?.toString() ?? ''));
  ctx.mark('removalPolicy', s.removalPolicy ?? 'undefined');

  let dataCapture;
  if (s.dataCapture) {
    const c = s.dataCapture;
    ctx.mark('dataCapture.destinationPrefix', c.prefix ?? 'undefined');
    ctx.mark('dataCapture.samplingPercentage', c.samplingPercentage ?? 'undefined');
    ctx.mark('dataCapture.captureModes', c.captureModes?.length ?? 'undefined', ...(c.captureModes ?? []));
    ctx.mark('dataCapture.csvContentTypes', c.csvContentTypes?.length ?? 'undefined', ...(c.csvContentTypes ?? []));
    ctx.mark('dataCapture.jsonContentTypes', c.jsonContentTypes?.length ?? 'undefined', ...(c.jsonContentTypes ?? []));
    dataCapture = {
      destinationBucket: s3.Bucket.fromBucketName(stack, 'CaptureBucket', 'capture-bucket'),
      destinationPrefix: c.prefix,
      samplingPercentage: c.samplingPercentage,
      captureModes: c.captureModes as CaptureMode[] | undefined,
      csvContentTypes: c.csvContentTypes,
      jsonContentTypes: c.jsonContentTypes,
      encryptionKey: c.key ? kms.Key.fromKeyArn(stack, 'CaptureKey', keyArn('555555555555')) : undefined,
      enableCapture: c.enableCapture,
    };
  }
  let asyncInference;
  if (s.asyncInference) {
    const a = s.asyncInference;
    ctx.mark('asyncInference.outputPrefix', a.outputPrefix ?? 'undefined');
    ctx.mark('asyncInference.failurePrefix', a.failurePrefix ?? 'undefined');
    ctx.mark('asyncInference.includeInferenceResponseIn', a.include?.length ?? 'undefined', 'got none', 'duplicates', ...(a.include ?? []));
    ctx.mark('asyncInference.maxConcurrentInvocationsPerInstance', a.maxConcurrentInvocationsPerInstance ?? 'undefined');
    asyncInference = {
      outputBucket: s3.Bucket.fromBucketName(stack, 'OutputBucket', 'async-output'),
      outputPrefix: a.outputPrefix,
      failureBucket: a.failureBucket ? s3.Bucket.fromBucketName(stack, 'FailureBucket', 'async-failures') : undefined,
      failurePrefix: a.failurePrefix,
      encryptionKey: a.key ? kms.Key.fromKeyArn(stack, 'AsyncKey', keyArn('666666666666')) : undefined,
      successTopic: a.successTopic ? sns.Topic.fromTopicArn(stack, 'Success', `arn:aws:sns:${REGION}:${ACCOUNT}:async-success`) : undefined,
      errorTopic: a.errorTopic ? sns.Topic.fromTopicArn(stack, 'Error', `arn:aws:sns:${REGION}:${ACCOUNT}:async-error`) : undefined,
      includeInferenceResponseIn: a.include as AsyncNotificationTopic[] | undefined,
      maxConcurrentInvocationsPerInstance: a.maxConcurrentInvocationsPerInstance,
    };
  }
  let serverless;
  if (s.serverless) {
    const v = s.serverless;
    ctx.mark('serverlessProductionVariant.memorySizeInMB', v.memorySizeInMB);
    ctx.mark('serverlessProductionVariant.maxConcurrency', v.maxConcurrency);
    ctx.mark('serverlessProductionVariant.provisionedConcurrency', v.provisionedConcurrency ?? 'undefined');
    serverless = {
      variantName: ctx.str(['serverlessProductionVariant.variantName', 'variantName'], v.variantName),
      model: m.local,
      memorySizeInMB: v.memorySizeInMB,
      maxConcurrency: v.maxConcurrency,
      provisionedConcurrency: v.provisionedConcurrency,
    };
  }

  const config = new EndpointConfig(stack, 'Config', {
    endpointConfigName: ctx.optStr('endpointConfigName', s.endpointConfigName),
    instanceProductionVariants: inProps,
    serverlessProductionVariant: serverless,
    shadowProductionVariants: shadows,
    dataCapture,
    asyncInference,
    encryptionKey: s.encryptionKey ? kms.Key.fromKeyArn(stack, 'VolumeKey', keyArn('777777777777')) : undefined,
    removalPolicy: s.removalPolicy as RemovalPolicy | undefined,
  });
  for (const p of props.slice(inProps.length)) {
    config.addInstanceProductionVariant(p);
  }
}

propertyTest('EndpointConfig', spec, build);
