import { SizeRoundingBehavior, Token } from 'aws-cdk-lib';
import { MAX_ATTRIBUTE_NAMES } from './rules';
import { validateInstanceType } from './supported-instance-types';
import { transformJobErrors } from './transform';
import {
  validateCount,
  validateDescription,
  validateDigest,
  validateEnumValue,
  validateInteger,
  validateLength,
  validatePattern,
  validateS3Uri,
  validateSageMakerName,
  validateUnique,
} from './values';
import { AlgorithmValidationSpecification, TrainingJobChannel, TrainingJobDefinition, TrainingInputDataType } from '../../algorithm-validation-specification';
import { InferenceSpecification } from '../../inference-specification';
import {
  HyperParameterRange,
  HyperParameterSpecification,
  HyperParameterType,
  TrainingChannel,
  TrainingInputMode,
  TrainingSpecification,
  TuningObjectiveType,
} from '../../training-specification';
import { CompressionType } from '../../validation-specification';

/** CloudFormation's pattern of metric names, regexes and objective metric names (`^.+$`): one line. */
const SINGLE_LINE = /^[^\n]*$/;

/** `ChannelSpecification.Name` and `Channel.ChannelName`. */
const CHANNEL_NAME_PATTERN = /^[A-Za-z0-9.\-_]+$/;
/** API limits of `TrainingSpecification` (botocore; CloudFormation schema of AWS::SageMaker::Algorithm). */
const MAX_CHANNELS = 8;
const MAX_HYPER_PARAMETERS = 100;
const MAX_METRIC_DEFINITIONS = 40;
const MAX_CATEGORICAL_VALUES = 30;
/** `TrainingJobDefinition.InputDataConfig`. */
const MAX_JOB_CHANNELS = 20;
/** `StoppingCondition.MaxRuntimeInSeconds` when a job gives no `maxRuntime`: one day. */
export const DEFAULT_MAX_RUNTIME_SECONDS = 86400;
/** An integer as SageMaker parses it. */
const INTEGER_PATTERN = /^[-+]?\d+$/;

/** Problems with a training specification for `CfnAlgorithm` (nothing is bound or granted). */
export function trainingSpecificationErrors(property: string, spec: TrainingSpecification): string[] {
  const errors: string[] = [];
  errors.push(...validateDigest(`${property}.imageDigest`, spec.imageDigest));
  if (!Token.isUnresolved(spec.supportedInstanceTypes) && spec.supportedInstanceTypes.length === 0) {
    errors.push(`${property}.supportedInstanceTypes must name at least one training instance type, got an empty list`);
  }
  spec.supportedInstanceTypes.forEach((t, i) =>
    errors.push(...validateInstanceType(`${property}.supportedInstanceTypes[${i}]`, t.toString(), 'training')));
  errors.push(...validateCount(`${property}.channels`, spec.channels, 1, MAX_CHANNELS));
  errors.push(...validateUnique(`${property}.channels names`, spec.channels.map((c) => c.name)));
  spec.channels.forEach((c, i) => errors.push(...channelErrors(`${property}.channels[${i}]`, c)));

  const hyperParameters = spec.hyperParameters ?? [];
  errors.push(...validateCount(`${property}.hyperParameters`, hyperParameters, 0, MAX_HYPER_PARAMETERS));
  errors.push(...validateUnique(`${property}.hyperParameters names`, hyperParameters.map((h) => h.name)));
  hyperParameters.forEach((h, i) => errors.push(...hyperParameterErrors(`${property}.hyperParameters[${i}]`, h)));

  const metrics = spec.metricDefinitions ?? [];
  errors.push(...validateCount(`${property}.metricDefinitions`, metrics, 0, MAX_METRIC_DEFINITIONS));
  errors.push(...validateUnique(`${property}.metricDefinitions names`, metrics.map((m) => m.name)));
  metrics.forEach((m, i) => {
    errors.push(...validateLength(`${property}.metricDefinitions[${i}].name`, m.name, 1, 255));
    errors.push(...validateLength(`${property}.metricDefinitions[${i}].regex`, m.regex, 1, 500));
    errors.push(...validatePattern(`${property}.metricDefinitions[${i}].name`, m.name, SINGLE_LINE, 'a single line'));
    errors.push(...validatePattern(`${property}.metricDefinitions[${i}].regex`, m.regex, SINGLE_LINE, 'a single line'));
  });

  const objectives = spec.tuningObjectives ?? [];
  const metricNames = metrics.map((m) => m.name);
  const metricNamesKnown = !metricNames.some((n) => Token.isUnresolved(n));
  objectives.forEach((o, i) => {
    const at = `${property}.tuningObjectives[${i}].metricName`;
    errors.push(...validateLength(at, o.metricName, 1, 255));
    errors.push(...validatePattern(at, o.metricName, SINGLE_LINE, 'a single line'));
    errors.push(...validateEnumValue(`${property}.tuningObjectives[${i}].type`, o.type, Object.values(TuningObjectiveType), 'TuningObjectiveType'));
    if (metricNamesKnown && !Token.isUnresolved(o.metricName) && !metricNames.includes(o.metricName)) {
      errors.push(`${at} must name one of the metricDefinitions (${metricNames.length > 0 ? metricNames.map((n) => `'${n}'`).join(', ') : 'none defined'}), got '${o.metricName}'`);
    }
  });
  if (objectives.length > 0 && hyperParameters.length === 0) {
    errors.push(`${property}.hyperParameters are required when the algorithm supports hyperparameter tuning (tuningObjectives given), got none`);
  }
  return errors;
}

function channelErrors(at: string, channel: TrainingChannel): string[] {
  const errors = [
    ...validateLength(`${at}.name`, channel.name, 1, 64),
    ...validatePattern(`${at}.name`, channel.name, CHANNEL_NAME_PATTERN, 'letters, digits, dots, hyphens and underscores'),
    ...validateDescription(`${at}.description`, channel.description),
  ];
  if (!Token.isUnresolved(channel.supportedInputModes) && channel.supportedInputModes.length === 0) {
    errors.push(`${at}.supportedInputModes must name at least one input mode (File, Pipe or FastFile), got an empty list`);
  }
  channel.supportedContentTypes.forEach((t, j) => errors.push(...validateLength(`${at}.supportedContentTypes[${j}]`, t, 0, 256)));
  channel.supportedInputModes.forEach((m, j) =>
    errors.push(...validateEnumValue(`${at}.supportedInputModes[${j}]`, m, Object.values(TrainingInputMode), 'TrainingInputMode')));
  (channel.supportedCompressionTypes ?? []).forEach((c, j) =>
    errors.push(...validateEnumValue(`${at}.supportedCompressionTypes[${j}]`, c, Object.values(CompressionType), 'CompressionType')));
  return errors;
}

function hyperParameterErrors(at: string, h: HyperParameterSpecification): string[] {
  const errors = [
    // ParameterName (botocore and CloudFormation): 0-256 characters.
    ...validateLength(`${at}.name`, h.name, 0, 256),
    // The name's pattern is the descriptions' (its length is checked above).
    ...validateDescription(`${at}.name`, h.name, Number.MAX_SAFE_INTEGER),
    ...validateDescription(`${at}.description`, h.description),
    ...validateLength(`${at}.defaultValue`, h.defaultValue, 0, 2500),
    ...validateEnumValue(`${at}.type`, h.type, Object.values(HyperParameterType), 'HyperParameterType'),
  ];
  if (h.range) {
    errors.push(...rangeErrors(`${at}.range`, h.type, h.range));
  }
  const defaultValue = defaultValueOf(h);
  const defaultProperty = h.defaultValue === undefined && h.defaultNumber !== undefined ? 'defaultNumber' : 'defaultValue';
  if (h.defaultNumber !== undefined && !Token.isUnresolved(h.defaultNumber)) {
    if (h.defaultValue !== undefined) {
      errors.push(`${at} ('${h.name}') takes defaultValue or defaultNumber, not both; got defaultValue '${h.defaultValue}' and defaultNumber ${h.defaultNumber}`);
    } else if (h.type !== HyperParameterType.INTEGER && h.type !== HyperParameterType.CONTINUOUS) {
      errors.push(`${at}.defaultNumber is only for Integer and Continuous hyperparameters; '${h.name}' is ${h.type}, so give its default as defaultValue (a string), got defaultNumber ${h.defaultNumber}`);
    } else if (!Number.isFinite(h.defaultNumber)) {
      errors.push(`${at}.defaultNumber of hyperparameter '${h.name}' must be a finite number, got ${h.defaultNumber}`);
    }
  }
  if (defaultValue !== undefined && h.required === true) {
    errors.push(`${at} ('${h.name}') cannot be required and have a ${defaultProperty} (SageMaker: "If a default value is specified, `
      + `a hyperparameter cannot be required"), got required: true and ${defaultProperty} '${defaultValue}'`);
  }
  errors.push(...valueErrors(`${at}.${defaultProperty}`, h, defaultValue));
  return errors;
}

/** The default value as SageMaker takes it (a string): `defaultValue`, or `defaultNumber` as decimal text. */
export function defaultValueOf(h: HyperParameterSpecification): string | undefined {
  if (h.defaultValue !== undefined) {
    return h.defaultValue;
  }
  const numeric = h.type === HyperParameterType.INTEGER || h.type === HyperParameterType.CONTINUOUS;
  return !numeric || h.defaultNumber === undefined || Token.isUnresolved(h.defaultNumber) ? undefined : String(h.defaultNumber);
}

/** Problems with a range: its type must be the hyperparameter's, its bounds consistent. */
function rangeErrors(at: string, type: HyperParameterType, range: HyperParameterRange): string[] {
  if (type === HyperParameterType.FREE_TEXT) {
    return [`${at} must not be given for a hyperparameter of type FreeText (free text has no range), got ${article(range.type)} ${range.type} range`];
  }
  if (range.type !== type) {
    return [`${at} must be HyperParameterRange.${FACTORY[type]}() for a hyperparameter of type ${type}, got ${article(range.type)} ${range.type} range `
      + `(HyperParameterRange.${FACTORY[range.type]}())`];
  }
  const errors: string[] = [];
  if (range.type === HyperParameterType.CATEGORICAL) {
    errors.push(...validateCount(`${at} values`, range.values, 1, MAX_CATEGORICAL_VALUES));
    (range.values ?? []).forEach((v, j) => errors.push(...validateLength(`${at} values[${j}]`, v, 0, 256)));
    return errors;
  }
  const { minValue, maxValue } = range as { minValue: number; maxValue: number };
  for (const [name, value] of [['minimum', minValue], ['maximum', maxValue]] as const) {
    if (Token.isUnresolved(value)) {
      continue;
    }
    if (!Number.isFinite(value) || (type === HyperParameterType.INTEGER && !Number.isInteger(value))) {
      errors.push(`${at} ${name} must be ${type === HyperParameterType.INTEGER ? 'a whole number' : 'a finite number'}, got ${value}`);
    }
  }
  if (!Token.isUnresolved(minValue) && !Token.isUnresolved(maxValue) && minValue > maxValue) {
    errors.push(`${at} minimum must not be greater than its maximum, got minimum ${minValue} and maximum ${maxValue}`);
  }
  return errors;
}

function article(word: string): string {
  return /^[AEIOU]/i.test(word) ? 'an' : 'a';
}

const FACTORY: Record<HyperParameterType, string> = {
  [HyperParameterType.INTEGER]: 'integer',
  [HyperParameterType.CONTINUOUS]: 'continuous',
  [HyperParameterType.CATEGORICAL]: 'categorical',
  [HyperParameterType.FREE_TEXT]: '(none)',
};

/** Problems with a value of a hyperparameter (a default value, or a value given to a training job). */
function valueErrors(at: string, h: HyperParameterSpecification, value: string | undefined): string[] {
  if (value === undefined || Token.isUnresolved(value)) {
    return [];
  }
  const range = h.range?.type === h.type ? h.range : undefined;
  switch (h.type) {
    case HyperParameterType.INTEGER:
    case HyperParameterType.CONTINUOUS: {
      const integer = h.type === HyperParameterType.INTEGER;
      const number = Number(value);
      if ((integer && !INTEGER_PATTERN.test(value.trim())) || value.trim() === '' || !Number.isFinite(number)) {
        return [`${at} of ${h.type} hyperparameter '${h.name}' must be ${integer ? 'a whole number' : 'a number'}, got '${value}'`];
      }
      const min = range?.minValue;
      const max = range?.maxValue;
      if (min !== undefined && max !== undefined && !Token.isUnresolved(min) && !Token.isUnresolved(max) && (number < min || number > max)) {
        return [`${at} of hyperparameter '${h.name}' must be within its range [${min}, ${max}], got '${value}'`];
      }
      return [];
    }
    case HyperParameterType.CATEGORICAL: {
      const values = range?.values;
      if (values && !Token.isUnresolved(values) && !values.some((v) => Token.isUnresolved(v)) && !values.includes(value)) {
        return [`${at} of hyperparameter '${h.name}' must be one of its values (${values.map((v) => `'${v}'`).join(', ')}), got '${value}'`];
      }
      return [];
    }
    default:
      return [];
  }
}

/** What an algorithm's validation specification is checked against. */
export interface AlgorithmValidationContext {
  readonly training: TrainingSpecification;
  readonly inference?: InferenceSpecification;
}

/**
 * Problems with an algorithm validation specification: its profile's name, and its jobs, checked
 * against the algorithm's training and inference specifications.
 */
export function algorithmValidationSpecificationErrors(
  property: string,
  spec: AlgorithmValidationSpecification,
  context: AlgorithmValidationContext): string[] {
  const profile = spec.profile;
  const at = `${property}.profile`;
  const errors = validateSageMakerName(`${at}.profileName`, profile.profileName);
  errors.push(...trainingJobErrors(`${at}.trainingJob`, profile.trainingJob, context.training));
  if (profile.transformJob) {
    if (!context.inference) {
      errors.push(`${at}.transformJob needs the algorithm's inferenceSpecification (the transform job runs the trained model `
        + 'with its inference containers), got no inferenceSpecification');
    }
    const supported = context.inference?.supportedTransformInstanceTypes?.map((t) => t.toString());
    const instanceType = profile.transformJob.resources.instanceType.toString();
    if (supported && !Token.isUnresolved(instanceType) && !supported.some((t) => Token.isUnresolved(t)) && !supported.includes(instanceType)) {
      errors.push(`${at}.transformJob.resources.instanceType must be one of inferenceSpecification.supportedTransformInstanceTypes `
        + `(${supported.join(', ')}), got '${instanceType}'`);
    }
    // Sent to CreateAlgorithm by the custom resource, so the API's limits apply (not CloudFormation's).
    errors.push(...transformJobErrors(`${at}.transformJob`, profile.transformJob, 'CreateAlgorithm'));
  }
  return errors;
}

/** Problems with the training job of an algorithm's validation profile, itself and as the algorithm would run it. */
function trainingJobErrors(at: string, job: TrainingJobDefinition, training: TrainingSpecification): string[] {
  const errors: string[] = [];
  errors.push(...validateCount(`${at}.inputChannels`, job.inputChannels, 1, MAX_JOB_CHANNELS));
  errors.push(...validateUnique(`${at}.inputChannels channel names`, job.inputChannels.map((c) => c.channelName)));
  errors.push(...validateS3Uri(`${at}.output.s3OutputPath`, job.output.s3OutputPath, true));
  errors.push(...validateInteger(`${at}.resources.instanceCount`, job.resources.instanceCount, 1));
  errors.push(...trainingJobAgainstSpecErrors(at, job, training));
  if (job.resources.volumeSize !== undefined) {
    const volumeSizeInGb = job.resources.volumeSize.toGibibytes({ rounding: SizeRoundingBehavior.NONE });
    errors.push(...validateInteger(`${at}.resources.volumeSize (in GiB)`, volumeSizeInGb, 1));
  }
  const maxRuntimeInSeconds = job.maxRuntime?.toSeconds({ integral: false }) ?? DEFAULT_MAX_RUNTIME_SECONDS;
  errors.push(...validateInteger(`${at}.maxRuntime (in seconds)`, maxRuntimeInSeconds, 1));

  const hyperParameters = job.hyperParameters;
  if (hyperParameters !== undefined && !Token.isUnresolved(hyperParameters)) {
    const names = Object.keys(hyperParameters);
    if (names.length > MAX_HYPER_PARAMETERS) {
      errors.push(`${at}.hyperParameters must have at most ${MAX_HYPER_PARAMETERS} entries, got ${names.length}`);
    }
    for (const name of names) {
      errors.push(...validateLength(`${at}.hyperParameters names`, name, 1, 256));
      errors.push(...validateLength(`${at}.hyperParameters.${name}`, hyperParameters[name], 0, 2500));
    }
  }
  job.inputChannels.forEach((c, i) => {
    errors.push(...validateS3Uri(`${at}.inputChannels[${i}].s3Uri`, c.s3Uri, true));
    errors.push(...validateLength(`${at}.inputChannels[${i}].contentType`, c.contentType, 0, 256));
    errors.push(...channelDataErrors(`${at}.inputChannels[${i}]`, c, job.inputMode));
  });
  return errors;
}

/** Problems with how a validation training channel reads its data: augmented manifests and their attributes. */
function channelDataErrors(at: string, channel: TrainingJobChannel, jobInputMode: TrainingInputMode): string[] {
  const errors: string[] = [];
  errors.push(...validateEnumValue(`${at}.dataType`, channel.dataType, Object.values(TrainingInputDataType), 'TrainingInputDataType'));
  const mode = channel.inputMode ?? jobInputMode;
  if (channel.dataType === TrainingInputDataType.AUGMENTED_MANIFEST_FILE && !Token.isUnresolved(mode) && mode !== TrainingInputMode.PIPE) {
    errors.push(`${at} reads an AugmentedManifestFile in input mode ${mode}, but SageMaker reads augmented manifest files only in `
      + `input mode ${TrainingInputMode.PIPE} ("AugmentedManifestFile can only be used if the Channel's input mode is Pipe"); `
      + 'set inputMode: TrainingInputMode.PIPE on the channel or the job');
  }
  const names = channel.attributeNames;
  if (names === undefined || Token.isUnresolved(names)) {
    return errors;
  }
  if (channel.dataType !== TrainingInputDataType.AUGMENTED_MANIFEST_FILE) {
    errors.push(`${at}.attributeNames applies only to dataType ${TrainingInputDataType.AUGMENTED_MANIFEST_FILE} (the attributes of `
      + `each line of the manifest), got dataType '${channel.dataType ?? TrainingInputDataType.S3_PREFIX}'`);
  }
  errors.push(...validateCount(`${at}.attributeNames`, names, 0, MAX_ATTRIBUTE_NAMES));
  names.forEach((name, j) => errors.push(...validateLength(`${at}.attributeNames[${j}]`, name, 1, 256)));
  return errors;
}

/** Problems with a validation training job that the algorithm it validates would reject. */
function trainingJobAgainstSpecErrors(at: string, job: TrainingJobDefinition, training: TrainingSpecification): string[] {
  const errors: string[] = [];
  const known = <T>(values: T[]) => !values.some((v) => Token.isUnresolved(v));

  // Channels: each one the algorithm defines, in a mode it supports; every required one given.
  const specChannels = new Map(training.channels.map((c) => [c.name, c]));
  if (known([...specChannels.keys()])) {
    job.inputChannels.forEach((c, i) => {
      if (Token.isUnresolved(c.channelName)) {
        return;
      }
      const spec = specChannels.get(c.channelName);
      if (!spec) {
        errors.push(`${at}.inputChannels[${i}].channelName must be one of the algorithm's training channels `
          + `(${[...specChannels.keys()].map((n) => `'${n}'`).join(', ')}), got '${c.channelName}'`);
        return;
      }
      const mode = c.inputMode ?? job.inputMode;
      if (!spec.supportedInputModes.includes(mode)) {
        errors.push(`${at}.inputChannels[${i}] reads channel '${c.channelName}' in input mode ${mode}, which the channel does not `
          + `support (supportedInputModes: ${spec.supportedInputModes.join(', ')})`);
      }
      if (c.contentType !== undefined && !Token.isUnresolved(c.contentType) && known(spec.supportedContentTypes)
        && !spec.supportedContentTypes.includes(c.contentType)) {
        errors.push(`${at}.inputChannels[${i}].contentType must be one the channel '${c.channelName}' supports `
          + `(${spec.supportedContentTypes.join(', ') || 'none'}), got '${c.contentType}'`);
      }
    });
    const given = job.inputChannels.map((c) => c.channelName);
    if (known(given)) {
      for (const spec of training.channels) {
        if (spec.required && !given.includes(spec.name)) {
          errors.push(`${at}.inputChannels must give the required training channel '${spec.name}', got ${given.map((n) => `'${n}'`).join(', ')}`);
        }
      }
    }
  }

  // Instances: a supported type; several only with distributed training.
  const instanceType = job.resources.instanceType.toString();
  const supportedTypes = training.supportedInstanceTypes.map((t) => t.toString());
  if (!Token.isUnresolved(instanceType) && known(supportedTypes) && !supportedTypes.includes(instanceType)) {
    errors.push(`${at}.resources.instanceType must be one of trainingSpecification.supportedInstanceTypes `
      + `(${supportedTypes.join(', ')}), got '${instanceType}'`);
  }
  const count = job.resources.instanceCount;
  if (count !== undefined && !Token.isUnresolved(count) && count > 1 && training.supportsDistributedTraining !== true) {
    errors.push(`${at}.resources.instanceCount must be 1 unless trainingSpecification.supportsDistributedTraining is true, got ${count}`);
  }

  // Hyperparameters: each one the algorithm defines, within its range; every required one given.
  const specs = training.hyperParameters ?? [];
  const byName = new Map(specs.map((h) => [h.name, h]));
  const values = job.hyperParameters ?? {};
  if (!Token.isUnresolved(values) && known([...byName.keys()])) {
    for (const [name, value] of Object.entries(values)) {
      const spec = byName.get(name);
      if (!spec) {
        errors.push(`${at}.hyperParameters.${name} is not one of the algorithm's hyperParameters `
          + `(${specs.length > 0 ? specs.map((h) => `'${h.name}'`).join(', ') : 'none defined'})`);
        continue;
      }
      errors.push(...valueErrors(`${at}.hyperParameters.${name}`, spec, value));
    }
    for (const spec of specs) {
      if (spec.required && !(spec.name in values)) {
        errors.push(`${at}.hyperParameters must give the required hyperparameter '${spec.name}'`);
      }
    }
  }
  return errors;
}
