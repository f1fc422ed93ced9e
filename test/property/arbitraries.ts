/**
 * Generators shared by the property tests: names, descriptions, URIs, images, model data,
 * environment maps, instance types and inference specifications, valid and invalid, and the
 * builders that turn them into construct props while recording what they perturbed.
 */
import { aws_ecr as ecr, aws_s3 as s3 } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { CaseContext, GenStr, TokenStr, isToken, orToken } from './harness';
import {
  ContainerImage,
  InferenceContainer,
  InferenceSpecification,
  InstanceType,
  ModelData,
} from '../../src';

// ---------------------------------------------------------------------------------------------
// How wild a case is

/**
 * Generators of one case: each field is valid, or (with probability `wildness` %) drawn from a
 * generator of mostly invalid values. A case's wildness is drawn first, so that some cases are
 * entirely valid and others mix several mistakes.
 */
export class Gen {
  constructor(public readonly wildness: number) {}

  /** `valid` mostly; `wild` with probability `wildness` %. */
  public pick<T>(valid: fc.Arbitrary<T>, wild: fc.Arbitrary<T>): fc.Arbitrary<T> {
    if (this.wildness === 0) {
      return valid;
    }
    return fc.oneof({ weight: 100 - this.wildness, arbitrary: valid }, { weight: this.wildness, arbitrary: wild });
  }

  /** For the items of a wild list: at least a fifth of their fields wild. */
  public wilder(): Gen {
    return new Gen(Math.max(this.wildness, 20));
  }

  /** The value or (with probability 1/`freq`) undefined. */
  public opt<T>(arbitrary: fc.Arbitrary<T>, freq = 2): fc.Arbitrary<T | undefined> {
    return fc.option(arbitrary, { nil: undefined, freq });
  }
}

/** Cases of every wildness: about a third entirely valid, the others with a few or many perturbed fields. */
export function withWildness<S>(
  make: (g: Gen) => fc.Arbitrary<S>,
  levels = [0, 0, 0, 2, 5, 10, 20]): fc.Arbitrary<S & { readonly wildness: number }> {
  // One generator per level, built once (building generators costs more than drawing from them).
  const byLevel = new Map([...new Set(levels)].map((wildness) => [wildness, make(new Gen(wildness)).map((s) => ({ wildness, ...s }))]));
  return fc.constantFrom(...levels).chain((wildness) => byLevel.get(wildness)!);
}

/** A list: valid items, or (when wild) a count around the limits with items valid or not. */
export function list<T>(g: Gen, options: {
  readonly item: fc.Arbitrary<T>;
  readonly wildItem: fc.Arbitrary<T>;
  readonly min: number;
  readonly max: number;
  /** Most items in a valid list (to keep cases small). */
  readonly validMax?: number;
  /** Most items in a wild list. */
  readonly wildMax: number;
}): fc.Arbitrary<T[]> {
  const validCount = fc.integer({ min: options.min, max: Math.min(options.max, options.validMax ?? options.max) });
  const valid = validCount.chain((n) => fc.array(options.item, { minLength: n, maxLength: n }));
  const edges = [...new Set([options.min - 1, options.min, options.max, options.max + 1].filter((n) => n >= 0 && n <= options.wildMax))];
  const mixed = fc.oneof(options.item, options.wildItem);
  // Half of the wild lists have a valid length, so that their items are what is wrong.
  const wild = fc.oneof(validCount, fc.constantFrom(...edges), fc.integer({ min: 0, max: options.wildMax }))
    .chain((n) => fc.array(mixed, { minLength: n, maxLength: n }));
  return g.pick(valid, wild);
}

/** An enum value, or (when wild) a string that is not one of its values (as from an untyped caller or a cast). */
export function enumValue(g: Gen, values: string[], wild: string[]): fc.Arbitrary<string> {
  return g.pick(fc.constantFrom(...values), fc.constantFrom(...wild));
}

/** Approval statuses: the enum's values, or strings that are not. */
export function approvalStatus(g: Gen): fc.Arbitrary<string> {
  return enumValue(g, ['Approved', 'Rejected', 'PendingManualApproval'], ['approved', 'APPROVED', 'Pending', '', 'Approved ', 'Declined']);
}

/** Removal policies, including one SageMaker resources cannot have (SNAPSHOT). */
export function removalPolicy(g: Gen): fc.Arbitrary<string> {
  return enumValue(g, ['destroy', 'retain', 'retain-on-update-or-delete'], ['snapshot']);
}

// ---------------------------------------------------------------------------------------------
// Characters and strings

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = `${LOWER}${LOWER.toUpperCase()}0123456789`;
export const alnumChar = fc.constantFrom(...ALNUM.split(''));

/**
 * Characters of every class: ASCII punctuation and whitespace, control characters (including
 * U+001C and U+0085, which JavaScript's \s and Python's \s disagree on), non-ASCII letters,
 * combining marks, symbols, emoji, zero-width and byte-order marks, unassigned and private-use
 * code points, and a lone surrogate.
 */
export const WEIRD_CHARS = [
  ' ', '-', '_', '.', '/', ':', '@', '#', '*', '"', "'", '\\', '$', '{', '}', '%', '+', '=',
  '\n', '\t', '\r', '\x00', '\x1c', '\x85', '\u00a0', '\u2028', '\u200b', '\ufeff',
  'é', 'ß', 'Ω', '中', '\u0301', '€', '😀', '\u0378', '\ue000',
];
/** Characters no CloudFormation template can carry (YAML forbids them): DEL, C1 controls, non-characters, unpaired surrogates. */
export const UNTEMPLATABLE_CHARS = ['\x7f', '\x9f', '\uffff', '\ud800', '\udfff'];
export const weirdChar = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WEIRD_CHARS) },
  { weight: 1, arbitrary: fc.constantFrom(...UNTEMPLATABLE_CHARS) },
);
/** Mostly letters and digits, some of every other class. */
export const anyChar = fc.oneof({ weight: 8, arbitrary: alnumChar }, { weight: 3, arbitrary: weirdChar });
/** Like `anyChar`, without the characters no template can carry: valid in free text. */
export const textChar = fc.oneof({ weight: 8, arbitrary: alnumChar }, { weight: 3, arbitrary: fc.constantFrom(...WEIRD_CHARS) });
/** Printable ASCII and spaces: valid in descriptions. */
export const printableChar = fc.oneof({ weight: 8, arbitrary: alnumChar }, { weight: 2, arbitrary: fc.constantFrom(' ', '-', '_', '.', ',', '(', ')', '/', ':', 'é', '中') });

/** Lengths: any up to `max`, or just around each of the limits. */
export function lengths(max: number, limits: number[] = []): fc.Arbitrary<number> {
  const edges = [...new Set(limits.flatMap((l) => [l - 1, l, l + 1]).filter((n) => n >= 0))];
  return edges.length === 0
    ? fc.integer({ min: 0, max })
    : fc.oneof(fc.integer({ min: 0, max }), fc.constantFrom(...edges));
}

/** Strings of the given lengths (long ones repeat a random 40-character chunk). */
export function text(length: fc.Arbitrary<number>, unit: fc.Arbitrary<string> = anyChar): fc.Arbitrary<string> {
  return length.chain((n) => (n <= 120
    ? fc.string({ unit, minLength: n, maxLength: n })
    : fc.string({ unit, minLength: 40, maxLength: 40 }).map((chunk) => chunk.repeat(Math.ceil(n / 40)).slice(0, n))));
}

// ---------------------------------------------------------------------------------------------
// Names, descriptions, URIs

/** A valid SageMaker name (letters, digits, single or double hyphens inside). */
export const validName = fc.stringMatching(/^[a-zA-Z0-9](-{0,2}[a-zA-Z0-9]){0,24}$/);
const nameChar = fc.oneof({ weight: 10, arbitrary: alnumChar }, { weight: 2, arbitrary: fc.constant('-') }, { weight: 2, arbitrary: weirdChar });

/** SageMaker names (1-63 letters, digits and hyphens): valid, at and beyond the length limit, or with any character. */
export function sageMakerName(g: Gen, max = 63): fc.Arbitrary<GenStr> {
  const valid = fc.oneof(
    { weight: 8, arbitrary: validName },
    { weight: 1, arbitrary: fc.integer({ min: max - 2, max }).chain((n) => text(fc.constant(n), alnumChar)) },
  );
  const wild = fc.oneof(
    text(lengths(max + 10, [0, 1, max]), nameChar),
    fc.constantFrom('', '-', 'a-', '-a', 'a_b', 'a b', 'a.b', 'é', 'ab\n', 'x'.repeat(max + 1), 'x'.repeat(300)),
  );
  return orToken(g.pick(valid, wild), 'lazy-name');
}

/** Descriptions (at most `max` characters, no control characters): valid, around the limit, or with any character. */
export function description(g: Gen, max = 1024): fc.Arbitrary<GenStr> {
  const valid = fc.oneof(
    { weight: 6, arbitrary: text(fc.integer({ min: 0, max: 80 }), printableChar) },
    { weight: 1, arbitrary: text(fc.constantFrom(max - 1, max), printableChar) },
  );
  const wild = fc.oneof(
    text(lengths(max + 100, [max]), anyChar),
    text(fc.integer({ min: 0, max: 40 }), anyChar),
    text(fc.constantFrom(max + 1, 2 * max), printableChar),
  );
  return orToken(g.pick(valid, wild), 'A description from a token');
}

/** Free text of up to `max` characters (no pattern), around the limit when wild. */
export function boundedText(g: Gen, max: number, min = 0): fc.Arbitrary<GenStr> {
  const valid = text(fc.integer({ min: Math.max(min, 1), max: Math.min(max, 60) }), printableChar);
  const wild = text(lengths(max + 10, [min, max]), anyChar);
  return orToken(g.pick(valid, wild), 'text');
}

const BUCKETS = ['artifacts', 'my-bucket.example', 'model-bucket-1'];
/** S3 or HTTPS URIs (at most 1024 characters, pattern ^(https|s3)://([^/]+)/?(.*)$). */
export function s3Uri(g: Gen, suffix = ''): fc.Arbitrary<GenStr> {
  const valid = fc.tuple(fc.constantFrom('s3://', 'https://'), fc.constantFrom(...BUCKETS), text(fc.integer({ min: 0, max: 30 }), alnumChar))
    .map(([scheme, bucket, key]) => `${scheme}${bucket}/${key}${suffix}`);
  const wild = fc.oneof(
    fc.constantFrom('', 's3://', 's3:///key', 'artifacts/key', 'ftp://artifacts/key', 'S3://artifacts/key', 's3:/artifacts/key', 'http://artifacts/key')
      .map((uri) => `${uri}${suffix}`),
    fc.constantFrom('b1', 'My_Bucket', 'a..b').map((bucket) => `s3://${bucket}/key${suffix}`),
    text(lengths(30), anyChar).map((key) => `s3://artifacts/${key}${suffix}`),
    fc.constantFrom(1000, 1023, 1024, 1025, 1500).map((n) => `s3://artifacts/${'k'.repeat(n - 15 - suffix.length)}${suffix}`),
  );
  return orToken(g.pick(valid, wild), `s3://artifacts/from-token${suffix}`);
}

const HEX = '0123456789abcdef';
/** `sha256:` digests: valid (also upper case), or malformed. */
export function digest(g: Gen): fc.Arbitrary<GenStr> {
  const hex64 = fc.string({ unit: fc.constantFrom(...HEX.split('')), minLength: 64, maxLength: 64 });
  const valid = fc.oneof(hex64.map((h) => `sha256:${h}`), hex64.map((h) => `SHA256:${h.toUpperCase()}`));
  const wild = fc.oneof(
    fc.constantFrom('', 'sha256:', 'sha256:abc', 'md5:0123', `sha256:${'g'.repeat(64)}`, `sha256:${'a'.repeat(65)}`, `sha512:${'a'.repeat(64)}`),
    hex64.map((h) => `sha256: ${h}`),
    hex64.map((h) => h),
  );
  return orToken(g.pick(valid, wild), `sha256:${'0'.repeat(64)}`);
}

// ---------------------------------------------------------------------------------------------
// Instance types

export type InstanceTypeUse = 'realtime' | 'transform' | 'training';

/** Instance types that SageMaker supports for every use (and that are offered for batch transform in us-east-1). */
const COMMON_TYPES = ['ml.m5.large', 'ml.m5.xlarge', 'ml.m5.2xlarge', 'ml.c5.xlarge', 'ml.c5.2xlarge', 'ml.g4dn.xlarge', 'ml.g5.2xlarge'];
/** More types valid for one use only. */
const USE_TYPES: Record<InstanceTypeUse, string[]> = {
  realtime: ['ml.t2.medium', 'ml.c5.large', 'ml.inf2.xlarge', 'ml.r5.large', 'ml.p3.2xlarge'],
  transform: ['ml.m5.24xlarge', 'ml.c5.9xlarge', 'ml.g4dn.2xlarge'],
  training: ['ml.p4d.24xlarge', 'ml.r5.large', 'ml.m5.24xlarge', 'ml.p3.2xlarge'],
};
/** Types of the right shape (ml.<family>.<size>) that SageMaker does not have, or not for every use. */
const SHAPED_TYPES = ['ml.m5.huge', 'ml.zz9.xlarge', 'ml.m5.xxlarge', 'ml.t2.medium', 'ml.c5.large', 'ml.p4d.24xlarge', 'ml.inf2.xlarge', 'ml.r5.large', 'ml.trn1.32xlarge'];
/** Malformed instance types. */
const MALFORMED_TYPES = ['', 'm5.large', 'ML.M5.LARGE', 'ml.m5', 'ml..large', ' ml.m5.large', 'ml.m5.large ', 'ml.m5.xlarge\n', 'ml.m5.large,ml.c5.xlarge', 'ml_m5_large'];

/** Instance type names for the given use: valid, right-shaped but unknown or for another use, malformed, or a token. */
export function instanceType(g: Gen, use: InstanceTypeUse): fc.Arbitrary<GenStr> {
  const valid = fc.constantFrom(...COMMON_TYPES, ...USE_TYPES[use]);
  const wild = fc.oneof(fc.constantFrom(...SHAPED_TYPES), fc.constantFrom(...MALFORMED_TYPES));
  return orToken(g.pick(valid, wild), 'ml.m5.xlarge');
}

/** Lists of instance types: 1-3 valid ones, or (when wild) empty or mixed with invalid ones. */
export function instanceTypes(g: Gen, use: InstanceTypeUse): fc.Arbitrary<GenStr[]> {
  const valid = orToken(fc.constantFrom(...COMMON_TYPES, ...USE_TYPES[use]), 'ml.m5.xlarge');
  const wild = fc.oneof(fc.constantFrom(...SHAPED_TYPES), fc.constantFrom(...MALFORMED_TYPES));
  return list(g, { item: valid, wildItem: wild, min: 1, max: 3, wildMax: 4 });
}

/** An `InstanceType` from a generated name; `InstanceType.of` may already reject it. */
export function buildInstanceType(ctx: CaseContext, property: string, value: GenStr): InstanceType {
  return InstanceType.of(ctx.str([property, 'InstanceType.of'], value));
}

/** A list of instance types, marked as a whole (its length) and item by item. */
export function buildInstanceTypes(ctx: CaseContext, property: string, values: GenStr[] | undefined): InstanceType[] | undefined {
  ctx.mark(property, values === undefined ? 'undefined' : values.length);
  return values?.map((v, i) => buildInstanceType(ctx, `${property}[${i}]`, v));
}

// ---------------------------------------------------------------------------------------------
// Images and model data

export type ImageSpec =
  | { readonly kind: 'registry'; readonly uri: GenStr }
  | { readonly kind: 'ecr'; readonly tag: GenStr };

const REGISTRY_IMAGES = [
  '763104351884.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
  '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3',
  'public.ecr.aws/acme/churn@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  'registry.example.com:5000/team/model:v2',
];

/** Container images: by URI (valid, with whitespace or control characters, too long) or from an ECR repository with a tag or digest. */
export function image(g: Gen): fc.Arbitrary<ImageSpec> {
  const validUri = fc.oneof(
    fc.constantFrom(...REGISTRY_IMAGES),
    fc.tuple(fc.constantFrom(...REGISTRY_IMAGES), validName).map(([uri, tag]) => `${uri.replace(/[:@][^/]*$/, '')}:${tag}`),
  );
  const wildUri = fc.oneof(
    text(lengths(300, [255]), anyChar),
    fc.tuple(fc.constantFrom(...REGISTRY_IMAGES), weirdChar).map(([uri, c]) => `${uri}${c}x`),
    fc.constantFrom(250, 255, 256, 400).map((n) => `763104351884.dkr.ecr.us-east-1.amazonaws.com/${'r'.repeat(n - 46)}`),
  );
  const validTag = fc.oneof(
    fc.constantFrom('latest', '1', 'v1.2.3', 'release_2024-01'),
    fc.stringMatching(/^[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,30}$/),
    fc.string({ unit: fc.constantFrom(...HEX.split('')), minLength: 64, maxLength: 64 }).map((h) => `sha256:${h}`),
  );
  const wildTag = fc.oneof(
    fc.constantFrom('', 'my tag', '-leading', '.hidden', 'a/b', 'a:b', 'sha256:abc', 'x'.repeat(129), 'v1\x85', 'v1\n'),
    text(lengths(140, [128]), anyChar),
  );
  return fc.oneof(
    { weight: 3, arbitrary: orToken(g.pick(validUri, wildUri), REGISTRY_IMAGES[0]).map((uri): ImageSpec => ({ kind: 'registry', uri })) },
    { weight: 1, arbitrary: orToken(g.pick(validTag, wildTag), 'latest').map((tag): ImageSpec => ({ kind: 'ecr', tag })) },
  );
}

/** The repository of ECR images: one per stack. */
function imageRepository(ctx: CaseContext): ecr.IRepository {
  const existing = ctx.stack.node.tryFindChild('Images') as ecr.IRepository | undefined;
  return existing ?? ecr.Repository.fromRepositoryName(ctx.stack, 'Images', 'churn-images');
}

export function buildImage(ctx: CaseContext, property: string, spec: ImageSpec): ContainerImage {
  if (spec.kind === 'registry') {
    return ContainerImage.fromRegistry(ctx.str([`${property}.image`, 'ContainerImage.fromRegistry', 'imageUri'], spec.uri));
  }
  return ContainerImage.fromEcrRepository(imageRepository(ctx), ctx.str([`${property}.image`, 'ContainerImage.fromEcrRepository', 'tagOrDigest'], spec.tag));
}

export interface ModelDataSpec {
  readonly kind: 'url' | 'prefix' | 'bucket' | 'bucketPrefix';
  readonly location: GenStr;
  readonly acceptEula?: boolean;
}

/** Model data: archives and prefixes by URL or in a bucket, valid or not (wrong suffix, too long, not a URL). */
export function modelData(g: Gen): fc.Arbitrary<ModelDataSpec> {
  const key = (suffix: string) => g.pick(
    text(fc.integer({ min: 1, max: 30 }), alnumChar).map((k) => `models/${k}${suffix}`),
    fc.oneof(
      text(lengths(40), anyChar).map((k) => `${k}${suffix}`),
      fc.constantFrom(1000, 1010, 1024, 1100).map((n) => `${'k'.repeat(n)}${suffix}`),
      fc.constantFrom('model.zip', 'model', 'models', ''),
    ),
  );
  const eula = g.opt(fc.boolean(), 4);
  return fc.oneof(
    fc.record({ kind: fc.constant<'url'>('url'), location: s3Uri(g, '.tar.gz'), acceptEula: eula }),
    fc.record({ kind: fc.constant<'prefix'>('prefix'), location: s3Uri(g, '/'), acceptEula: eula }),
    fc.record({ kind: fc.constant<'bucket'>('bucket'), location: orToken(key('.tar.gz'), 'models/token.tar.gz'), acceptEula: eula }),
    fc.record({ kind: fc.constant<'bucketPrefix'>('bucketPrefix'), location: orToken(key('/'), 'models/token/'), acceptEula: eula }),
  ).map((spec) => (spec.acceptEula === undefined ? { kind: spec.kind, location: spec.location } : spec));
}

function modelDataBucket(ctx: CaseContext): s3.IBucket {
  const existing = ctx.stack.node.tryFindChild('ModelBucket') as s3.IBucket | undefined;
  return existing ?? s3.Bucket.fromBucketName(ctx.stack, 'ModelBucket', 'model-artifacts');
}

export function buildModelData(ctx: CaseContext, property: string, spec: ModelDataSpec): ModelData {
  const options = spec.acceptEula === undefined ? {} : { acceptEula: spec.acceptEula };
  const names = [`${property}.modelData`, 'ModelData.'];
  switch (spec.kind) {
    case 'url':
      return ModelData.fromS3Url(ctx.str(names, spec.location), options);
    case 'prefix':
      return ModelData.fromS3Prefix(ctx.str(names, spec.location), options);
    case 'bucket': {
      const key = ctx.str(names, spec.location);
      if (!isToken(spec.location)) {
        ctx.mark(names, `s3://model-artifacts/${spec.location}`);
      }
      return ModelData.fromBucket(modelDataBucket(ctx), key, options);
    }
    default: {
      const prefix = ctx.str(names, spec.location);
      if (!isToken(spec.location)) {
        ctx.mark(names, `s3://model-artifacts/${spec.location}`);
      }
      return ModelData.fromBucketPrefix(modelDataBucket(ctx), prefix, options);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Environment maps

/** Entries of an environment map: valid, or (when wild) 0-40 entries with names valid or not and values short, long or of any character. */
export function environment(g: Gen, validMaxEntries: number): fc.Arbitrary<Array<[string, GenStr]>> {
  const name = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,15}$/);
  // A map whose only key is Ref reads as an intrinsic function in a template.
  const wildName = fc.oneof(fc.constantFrom('1ABC', 'A-B', 'A B', '', 'É', 'A.B', 'x'.repeat(1025), 'Ref', 'Ref'), text(lengths(20), anyChar));
  const value = orToken(text(fc.integer({ min: 0, max: 60 }), textChar), 'from-token');
  const wildValue = fc.oneof(text(lengths(2100, [1024]), textChar), text(lengths(30), anyChar));
  return list(g, {
    item: fc.tuple(name, value),
    wildItem: fc.oneof(fc.tuple(wildName, value), fc.tuple(name, wildValue), fc.tuple(wildName, wildValue)),
    min: 0,
    max: validMaxEntries,
    validMax: 6,
    wildMax: 40,
  });
}

/** The environment map of generated entries (later duplicates win), marked as a whole, by name and by value. */
export function buildEnvironment(
  ctx: CaseContext,
  property: string,
  entries: Array<[string, GenStr]> | undefined): { [name: string]: string } | undefined {
  if (entries === undefined) {
    return undefined;
  }
  const env: { [name: string]: string } = {};
  for (const [name, value] of entries) {
    env[name] = isToken(value) ? ctx.token(value) : value;
  }
  ctx.mark(property, Object.keys(env).length);
  for (const [name, value] of Object.entries(env)) {
    ctx.mark(property, name);
    ctx.mark(`${property}.${name}`, value);
  }
  return env;
}

// ---------------------------------------------------------------------------------------------
// Inference specifications (model packages and algorithms)

export interface InferenceContainerSpec {
  readonly image: ImageSpec;
  readonly imageDigest?: GenStr;
  readonly environment?: Array<[string, GenStr]>;
  readonly containerHostname?: GenStr;
  readonly framework?: string;
  readonly frameworkVersion?: GenStr;
  readonly nearestModelName?: string;
  readonly dataInputConfig?: GenStr;
  readonly modelData?: ModelDataSpec;
}

export interface InferenceSpecSpec {
  readonly containers: InferenceContainerSpec[];
  readonly contentTypes?: GenStr[];
  readonly responseTypes?: GenStr[];
  readonly realtime?: GenStr[];
  readonly transform?: GenStr[];
}

/**
 * Framework versions at the edges of botocore's `ModelPackageFrameworkVersion` (`[0-9]\.[A-Za-z0-9.-]+`,
 * 3-10 characters): real-world versions with hyphens, the shortest and longest, and just beyond.
 */
function frameworkVersion(g: Gen): fc.Arbitrary<GenStr> {
  return orToken(g.pick(
    fc.constantFrom('1.7', '2.0.1', '1.13.1', '0.9.beta', '1.7-1', '0.23-1', '1.0-1-cpu', '1.1', '1.2345678-'),
    fc.oneof(
      // 1.-1 matches the API's pattern, but not CloudFormation's ModelPackage pattern (valid in an algorithm only).
      fc.constantFrom('', '1', '1.', 'x.1', '10.0', '1.2.3.4.5.6', '1.7 ', '1-7', '-1.7', '1.7-1-cpu-x', '1.7_1', '1._', '1.7-1\n', '1.-', '1.-1'),
      text(lengths(12, [3, 10]), anyChar),
    ),
  ), '1.7-1');
}

export function inferenceContainer(g: Gen, options: { modelData: boolean }): fc.Arbitrary<InferenceContainerSpec> {
  return fc.record({
    image: image(g),
    imageDigest: g.opt(digest(g), 3),
    environment: g.opt(environment(g, 16), 2),
    containerHostname: g.opt(sageMakerName(g), 3),
    framework: g.opt(fc.constantFrom('XGBOOST', 'PYTORCH', 'TENSORFLOW'), 3),
    frameworkVersion: g.opt(frameworkVersion(g), 3),
    nearestModelName: g.opt(fc.constantFrom('resnet50', 'bert-base-uncased'), 4),
    // DataInputConfig: 1-16384 characters in the API, 1-1024 in CloudFormation's ModelPackage schema.
    dataInputConfig: g.opt(orToken(g.pick(
      fc.constantFrom('{"input_1":[1,224,224,3]}', '[[1,3,224,224]]'),
      fc.oneof(text(lengths(1100, [1, 1024]), anyChar), text(fc.constantFrom(16383, 16384, 16385), printableChar)),
    ), '{"x":[1]}'), 4),
    modelData: options.modelData ? g.opt(modelData(g), 2) : g.pick(fc.constant(undefined), modelData(g)),
  });
}

/** Lists of content types: valid MIME types, or (when wild) long, empty, or not MIME types. */
export function contentTypes(g: Gen): fc.Arbitrary<GenStr[]> {
  return list(g, {
    item: orToken(fc.constantFrom('text/csv', 'application/json', 'application/x-recordio-protobuf', 'image/jpeg'), 'text/csv'),
    wildItem: fc.oneof(fc.constantFrom('', 'csv', 'text/', '/csv', 'tëxt/csv', 'text/csv\n', 'text csv/x'), text(lengths(300, [256, 1024]), anyChar)),
    min: 1,
    max: 3,
    wildMax: 4,
  });
}

/** What an inference specification is generated for. */
export interface InferenceSpecOptions {
  /** Containers may have model data (model packages); otherwise model data is a mistake (algorithms). */
  readonly modelData: boolean;
  /** Content types are required (model packages). */
  readonly requireContentTypes: boolean;
  /** Instance types are required (unversioned model packages). */
  readonly requireInstanceTypes?: boolean;
  /** Most containers of a valid specification. */
  readonly maxContainers?: number;
}

/** Inference specifications: 0-20 containers, content types and instance types, each optional. */
export function inferenceSpecification(g: Gen, options: InferenceSpecOptions): fc.Arbitrary<InferenceSpecSpec> {
  const container = inferenceContainer(g, options);
  const count = g.pick(
    fc.integer({ min: 1, max: options.maxContainers ?? 3 }),
    fc.oneof(fc.constantFrom(0, 15, 16), fc.integer({ min: 0, max: 20 })),
  );
  const containers = count.chain((n) => fc.array(container, { minLength: n, maxLength: n }));
  /** Present, or (when wild, and always for optional lists) sometimes missing. */
  const required = <T>(valid: fc.Arbitrary<T>, isRequired: boolean | undefined) =>
    (isRequired ? g.pick(valid, g.opt(valid, 2)) : g.opt(valid, 2));
  const listOrNone = <T>(valid: fc.Arbitrary<T>) => required(valid, options.requireContentTypes);
  const types = (use: InstanceTypeUse) => required(instanceTypes(g, use), options.requireInstanceTypes);
  return fc.record({
    containers,
    contentTypes: listOrNone(contentTypes(g)),
    responseTypes: listOrNone(contentTypes(g)),
    realtime: types('realtime'),
    transform: types('transform'),
  });
}

export function buildInferenceContainer(ctx: CaseContext, property: string, spec: InferenceContainerSpec): InferenceContainer {
  return {
    image: buildImage(ctx, property, spec.image),
    imageDigest: ctx.optStr(`${property}.imageDigest`, spec.imageDigest),
    environment: buildEnvironment(ctx, `${property}.environment`, spec.environment),
    containerHostname: ctx.optStr(`${property}.containerHostname`, spec.containerHostname),
    framework: spec.framework,
    frameworkVersion: ctx.optStr(`${property}.frameworkVersion`, spec.frameworkVersion),
    nearestModelName: spec.nearestModelName,
    dataInputConfig: ctx.optStr(`${property}.dataInputConfig`, spec.dataInputConfig),
    modelData: spec.modelData && markedModelData(ctx, property, spec.modelData),
  };
}

function markedModelData(ctx: CaseContext, property: string, spec: ModelDataSpec): ModelData {
  // An algorithm's containers take no model data: the error names the property, "modelData".
  ctx.mark(`${property}.modelData`, 'modelData');
  return buildModelData(ctx, property, spec);
}

function buildStrings(ctx: CaseContext, property: string, values: GenStr[] | undefined): string[] | undefined {
  ctx.mark(property, values === undefined ? 'undefined' : values.length);
  return values?.map((v, i) => ctx.str(`${property}[${i}]`, v));
}

export function buildInferenceSpecification(ctx: CaseContext, property: string, spec: InferenceSpecSpec): InferenceSpecification {
  ctx.mark([`${property}.containers`, 'containers'], spec.containers.length);
  const containers = spec.containers.map((c, i) => {
    // Two containers may come out the same: the error names both.
    ctx.mark(`${property}.containers[${i}]`, ...Array.from({ length: i }, (_, j) => `${property}.containers[${j}]`));
    return buildInferenceContainer(ctx, `${property}.containers[${i}]`, c);
  });
  return {
    containers,
    supportedContentTypes: buildStrings(ctx, `${property}.supportedContentTypes`, spec.contentTypes),
    supportedResponseMimeTypes: buildStrings(ctx, `${property}.supportedResponseMimeTypes`, spec.responseTypes),
    supportedRealtimeInferenceInstanceTypes: buildInstanceTypes(ctx, `${property}.supportedRealtimeInferenceInstanceTypes`, spec.realtime),
    supportedTransformInstanceTypes: buildInstanceTypes(ctx, `${property}.supportedTransformInstanceTypes`, spec.transform),
  };
}

/** A lazy token's value, for specs that need one. */
export function lazy(value: string): TokenStr {
  return { token: 'lazy', value };
}
