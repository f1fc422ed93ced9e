import { RemovalPolicy } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import {
  Gen,
  ImageSpec,
  InferenceSpecSpec,
  anyChar,
  buildImage,
  buildInferenceSpecification,
  buildInstanceType,
  contentTypes,
  description,
  digest,
  enumValue,
  image,
  inferenceSpecification,
  instanceTypes,
  lengths,
  list,
  removalPolicy,
  sageMakerName,
  text,
  textChar,
  withWildness,
} from './arbitraries';
import { CaseContext, GenStr, KnownEscape, isToken, orToken, propertyTest } from './harness';
import {
  Algorithm,
  CompressionType,
  HyperParameterRange,
  HyperParameterSpecification,
  HyperParameterType,
  MetricDefinition,
  TrainingChannel,
  TrainingInputMode,
  TuningObjective,
  TuningObjectiveType,
} from '../../src';

interface ChannelSpec {
  readonly name: GenStr;
  readonly contentTypes: GenStr[];
  readonly inputModes: string[];
  readonly compression?: string[];
  readonly required?: boolean;
  readonly description?: GenStr;
}

interface RangeSpec {
  readonly kind: 'integer' | 'continuous' | 'categorical';
  /** A bound, or a token (a CloudFormation parameter of type Number). */
  readonly min: number | 'token';
  readonly max: number | 'token';
  readonly values: GenStr[];
}

interface HyperParameterSpec {
  readonly name: GenStr;
  readonly type: string;
  readonly range?: RangeSpec;
  readonly description?: GenStr;
  readonly tunable?: boolean;
  readonly required?: boolean;
  readonly defaultValue?: GenStr;
}

interface MetricSpec {
  readonly name: GenStr;
  readonly regex: GenStr;
}

interface ObjectiveSpec {
  readonly metricName: GenStr;
  readonly type: string;
}

interface AlgorithmSpec {
  readonly algorithmName?: GenStr;
  readonly description?: GenStr;
  readonly certify?: boolean;
  readonly removalPolicy?: string;
  readonly image: ImageSpec;
  readonly imageDigest?: GenStr;
  readonly instanceTypes: GenStr[];
  readonly distributed?: boolean;
  readonly channels: ChannelSpec[];
  readonly hyperParameters?: HyperParameterSpec[];
  readonly metrics?: MetricSpec[];
  readonly objectives?: ObjectiveSpec[];
  readonly inference?: InferenceSpecSpec;
  /** Make the parts consistent with each other (ranges and defaults, objectives and metrics, unique names) as a careful user would. */
  readonly consistent: boolean;
}

function channel(g: Gen): fc.Arbitrary<ChannelSpec> {
  return fc.record({
    name: orToken(g.pick(
      fc.oneof(fc.constantFrom('train', 'validation', 'test'), fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/)),
      fc.oneof(fc.constantFrom('', 'train data', 'tráin', 'train/x', 'x'.repeat(65)), text(lengths(70, [64]), anyChar)),
    ), 'train'),
    contentTypes: contentTypes(g),
    inputModes: list(g, {
      item: fc.constantFrom<string>(...Object.values(TrainingInputMode)),
      wildItem: fc.constantFrom('file', 'Stream', ''),
      min: 1,
      max: 3,
      wildMax: 3,
    }),
    compression: g.opt(list(g, { item: fc.constantFrom<string>(...Object.values(CompressionType)), wildItem: fc.constantFrom('gzip', 'Zip'), min: 0, max: 2, wildMax: 2 }), 2),
    required: g.opt(fc.boolean(), 2),
    description: g.opt(description(g), 3),
  });
}

const hyperParameterName = (g: Gen) => orToken(g.pick(
  fc.oneof(fc.constantFrom('eta', 'max_depth', 'num_round', 'objective'), fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/)),
  fc.oneof(fc.constantFrom('', 'eta', 'max depth\n', 'x'.repeat(257)), text(lengths(260, [256]), anyChar)),
), 'lazy_parameter');

function rangeSpec(g: Gen): fc.Arbitrary<RangeSpec> {
  const bound = fc.oneof(
    { weight: 12, arbitrary: g.pick(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(1.5, -0.25, Number.NaN, Number.POSITIVE_INFINITY, 1e21)) },
    { weight: 1, arbitrary: fc.constant<'token'>('token') },
  );
  const value = orToken(g.pick(fc.stringMatching(/^[a-z]{1,10}$/), fc.oneof(fc.constantFrom(''), text(lengths(260, [256]), anyChar))), 'value');
  return fc.record({
    kind: fc.constantFrom<RangeSpec['kind']>('integer', 'continuous', 'categorical'),
    min: bound,
    max: bound,
    values: list(g, { item: value, wildItem: value, min: 1, max: 30, validMax: 4, wildMax: 32 }),
  });
}

function hyperParameter(g: Gen): fc.Arbitrary<HyperParameterSpec> {
  return fc.record({
    name: hyperParameterName(g),
    type: enumValue(g, Object.values(HyperParameterType), ['integer', 'Float', '']),
    range: g.opt(rangeSpec(g), 3),
    description: g.opt(description(g), 3),
    tunable: g.opt(fc.boolean(), 2),
    required: g.opt(fc.boolean(), 2),
    defaultValue: g.opt(orToken(g.pick(
      fc.oneof(fc.integer({ min: -5, max: 50 }).map(String), fc.constantFrom('0.1', 'binary:logistic')),
      fc.oneof(fc.constantFrom('', 'abc', '1e400', ' 3', '2.5'), text(lengths(2600, [2500]), textChar)),
    ), '1'), 2),
  });
}

function metric(g: Gen): fc.Arbitrary<MetricSpec> {
  return fc.record({
    name: orToken(g.pick(
      fc.oneof(fc.constantFrom('validation:accuracy', 'train:loss', 'validation:auc'), fc.stringMatching(/^[a-z]{1,10}:[a-z_]{1,10}$/)),
      fc.oneof({ weight: 3, arbitrary: fc.constantFrom('', '\n', 'a\nb', 'loss\n', 'x'.repeat(256)) }, { weight: 1, arbitrary: text(lengths(260, [255]), anyChar) }),
    ), 'validation:token'),
    regex: orToken(g.pick(
      fc.constantFrom('accuracy=([0-9\\.]+)', 'loss: ([0-9.e-]+)', '.*auc:([0-9.]+).*'),
      fc.oneof({ weight: 3, arbitrary: fc.constantFrom('', '\n', 'a\nb', 'x'.repeat(501)) }, { weight: 1, arbitrary: text(lengths(510, [500]), anyChar) }),
    ), 'x=([0-9]+)'),
  });
}

function objective(g: Gen): fc.Arbitrary<ObjectiveSpec> {
  return fc.record({
    metricName: orToken(g.pick(fc.constantFrom('validation:accuracy', 'train:loss'), fc.constantFrom('', 'validation:f1', 'loss\n', 'x'.repeat(256))), 'validation:token'),
    type: enumValue(g, Object.values(TuningObjectiveType), ['maximize', 'Max']),
  });
}

const spec = withWildness((g) => fc.record({
  algorithmName: g.opt(sageMakerName(g), 2),
  description: g.opt(description(g), 2),
  certify: g.opt(fc.boolean(), 3),
  removalPolicy: g.opt(removalPolicy(g), 3),
  image: image(g),
  imageDigest: g.opt(digest(g), 3),
  instanceTypes: instanceTypes(g, 'training'),
  distributed: g.opt(fc.boolean(), 2),
  channels: list(g, { item: channel(new Gen(0)), wildItem: channel(g.wilder()), min: 1, max: 8, validMax: 3, wildMax: 10 }),
  hyperParameters: g.opt(list(g, {
    item: hyperParameter(new Gen(0)),
    wildItem: hyperParameter(g.wilder()),
    min: 0,
    max: 100,
    validMax: 4,
    wildMax: 102,
  }), 3),
  metrics: g.opt(list(g, { item: metric(new Gen(0)), wildItem: metric(g.wilder()), min: 0, max: 40, validMax: 3, wildMax: 42 }), 3),
  objectives: g.opt(list(g, { item: objective(new Gen(0)), wildItem: objective(g.wilder()), min: 1, max: 3, wildMax: 3 }), 3),
  inference: g.opt(inferenceSpecification(g, { modelData: false, requireContentTypes: false }), 3),
  consistent: g.pick(fc.constant(true), fc.boolean()),
}));

function literal(value: GenStr): string | undefined {
  return isToken(value) ? undefined : value;
}

/** What a careful user does: unique names, ranges of the hyperparameter's type and in order, defaults within them, objectives on defined metrics. */
function makeConsistent(s: AlgorithmSpec): AlgorithmSpec {
  const unique = <T>(items: T[], name: (item: T) => GenStr) => {
    const seen = new Set<string>();
    return items.filter((item) => {
      const n = literal(name(item));
      if (n === undefined) {
        return true;
      }
      const fresh = !seen.has(n);
      seen.add(n);
      return fresh;
    });
  };
  const channels = unique(s.channels, (c) => c.name);
  const metrics = s.metrics && unique(s.metrics, (m) => m.name);
  let hyperParameters = s.hyperParameters && unique(s.hyperParameters, (h) => h.name).map((h): HyperParameterSpec => {
    const range = h.type === HyperParameterType.FREE_TEXT || h.range === undefined ? undefined : consistentRange(h.type, h.range);
    const inRange = h.defaultValue !== undefined && range !== undefined ? defaultWithin(range) : h.defaultValue;
    const defaultValue = h.type === HyperParameterType.FREE_TEXT || range !== undefined ? inRange : undefined;
    return { ...h, range, defaultValue, required: defaultValue === undefined ? h.required : false };
  });
  const metricNames = (metrics ?? []).map((m) => literal(m.name)).filter((n): n is string => n !== undefined);
  const objectives = metricNames.length === 0 ? undefined : s.objectives?.map((o, i) => ({ ...o, metricName: metricNames[i % metricNames.length] }));
  if (objectives && objectives.length > 0 && (hyperParameters ?? []).length === 0) {
    hyperParameters = [{ name: 'eta', type: HyperParameterType.CONTINUOUS, range: { kind: 'continuous', min: 0, max: 1, values: [] } }];
  }
  return { ...s, channels, metrics, hyperParameters, objectives };
}

function consistentRange(type: string, range: RangeSpec): RangeSpec {
  const kind = type === HyperParameterType.INTEGER ? 'integer' : type === HyperParameterType.CONTINUOUS ? 'continuous' : 'categorical';
  const finite = (n: number | 'token') => (n === 'token' ? n : Number.isFinite(n) ? (kind === 'integer' ? Math.round(n) : n) : 0);
  let [min, max] = [finite(range.min), finite(range.max)];
  if (min !== 'token' && max !== 'token' && min > max) {
    [min, max] = [max, min];
  }
  return { kind, min, max, values: kind === 'categorical' && range.values.length === 0 ? ['a'] : range.values };
}

function defaultWithin(range: RangeSpec): GenStr | undefined {
  if (range.kind === 'categorical') {
    return range.values[0];
  }
  return range.min === 'token' ? undefined : String(range.min);
}

function buildRange(ctx: CaseContext, at: string, r: RangeSpec): HyperParameterRange {
  ctx.mark(`${at}.range`, r.kind === 'integer' ? 'Integer' : r.kind === 'continuous' ? 'Continuous' : 'Categorical');
  if (r.min !== 'token') {
    ctx.mark(`${at}.range minimum`, r.min, `minimum ${r.min}`);
  }
  if (r.max !== 'token') {
    ctx.mark(`${at}.range maximum`, r.max);
  }
  ctx.mark(`${at}.range values`, r.values.length);
  const min = r.min === 'token' ? ctx.numberToken() : r.min;
  const max = r.max === 'token' ? ctx.numberToken() : r.max;
  switch (r.kind) {
    case 'integer':
      return HyperParameterRange.integer(min, max);
    case 'continuous':
      return HyperParameterRange.continuous(min, max);
    default:
      return HyperParameterRange.categorical(r.values.map((v, j) => ctx.str([`${at}.range values[${j}]`], v)));
  }
}

function buildHyperParameter(ctx: CaseContext, at: string, h: HyperParameterSpec): HyperParameterSpecification {
  const name = ctx.str([`${at}.name`, 'hyperParameters names'], h.name);
  ctx.mark(at, 'required: true and defaultValue');
  ctx.mark(`${at}.range`, h.type);
  ctx.mark(`${at}.type`, h.type);
  return {
    name,
    type: h.type as HyperParameterType,
    range: h.range && buildRange(ctx, at, h.range),
    description: ctx.optStr(`${at}.description`, h.description),
    tunable: h.tunable,
    required: h.required,
    defaultValue: ctx.optStr(`${at}.defaultValue`, h.defaultValue),
  };
}

function buildChannel(ctx: CaseContext, at: string, c: ChannelSpec): TrainingChannel {
  ctx.mark(`${at}.supportedInputModes`, c.inputModes.length);
  // Values that may not be members of their enums.
  c.inputModes.forEach((mode, j) => ctx.mark([`${at}.supportedInputModes[${j}]`, `${at}.supportedInputModes`], mode));
  (c.compression ?? []).forEach((type, j) => ctx.mark([`${at}.supportedCompressionTypes[${j}]`, `${at}.supportedCompressionTypes`], type));
  return {
    name: ctx.str([`${at}.name`, 'channels names'], c.name),
    supportedContentTypes: c.contentTypes.map((t, j) => ctx.str(`${at}.supportedContentTypes[${j}]`, t)),
    supportedInputModes: c.inputModes as TrainingInputMode[],
    supportedCompressionTypes: c.compression as CompressionType[] | undefined,
    required: c.required,
    description: ctx.optStr(`${at}.description`, c.description),
  };
}

function build(ctx: CaseContext, raw: AlgorithmSpec): void {
  const s = raw.consistent ? makeConsistent(raw) : raw;
  const t = 'trainingSpecification';
  ctx.mark(`${t}.supportedInstanceTypes`, s.instanceTypes.length);
  ctx.mark(`${t}.channels`, s.channels.length);
  ctx.mark(`${t}.hyperParameters`, s.hyperParameters?.length ?? 0, 'got none');
  ctx.mark(`${t}.metricDefinitions`, s.metrics?.length ?? 0);
  ctx.mark('removalPolicy', s.removalPolicy ?? 'undefined');
  const metrics: MetricDefinition[] | undefined = s.metrics?.map((m, i) => ({
    name: ctx.str([`${t}.metricDefinitions[${i}].name`, 'metricDefinitions names'], m.name),
    regex: ctx.str(`${t}.metricDefinitions[${i}].regex`, m.regex),
  }));
  const objectives: TuningObjective[] | undefined = s.objectives?.map((o, i) => {
    ctx.mark(`${t}.tuningObjectives[${i}].type`, o.type);
    return {
      metricName: ctx.str(`${t}.tuningObjectives[${i}].metricName`, o.metricName),
      type: o.type as TuningObjectiveType,
    };
  });
  new Algorithm(ctx.stack, 'Algorithm', {
    algorithmName: ctx.optStr('algorithmName', s.algorithmName),
    description: ctx.optStr('description', s.description),
    certifyForMarketplace: s.certify,
    removalPolicy: s.removalPolicy as RemovalPolicy | undefined,
    trainingSpecification: {
      image: buildImage(ctx, t, s.image),
      imageDigest: ctx.optStr(`${t}.imageDigest`, s.imageDigest),
      supportedInstanceTypes: s.instanceTypes.map((type, i) => buildInstanceType(ctx, `${t}.supportedInstanceTypes[${i}]`, type)),
      supportsDistributedTraining: s.distributed,
      channels: s.channels.map((c, i) => buildChannel(ctx, `${t}.channels[${i}]`, c)),
      hyperParameters: s.hyperParameters?.map((h, i) => buildHyperParameter(ctx, `${t}.hyperParameters[${i}]`, h)),
      metricDefinitions: metrics,
      tuningObjectives: objectives,
    },
    inferenceSpecification: s.inference && buildInferenceSpecification(ctx, 'inferenceSpecification', s.inference),
  });
}

/**
 * Escapes whose validation belongs in src/private/validate/training.ts, owned elsewhere: reported, not
 * failing. Remove the entry once the validation is enabled (the marks in buildChannel,
 * buildHyperParameter and build already tell the oracle which property each such value perturbs).
 */
const ALGORITHM_KNOWN_ESCAPES: KnownEscape[] = [];

propertyTest('Algorithm', spec, build, { knownEscapes: ALGORITHM_KNOWN_ESCAPES });
