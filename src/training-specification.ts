import { ContainerImage } from './container-image';
import { InstanceType } from './instance-type';
import { CompressionType } from './validation-specification';

/**
 * The type of a hyperparameter (SageMaker `ParameterType`).
 */
export enum HyperParameterType {
  /** A whole number (`Integer`); its range is `HyperParameterRange.integer()`. */
  INTEGER = 'Integer',
  /** A real number (`Continuous`); its range is `HyperParameterRange.continuous()`. */
  CONTINUOUS = 'Continuous',
  /** One of a list of values (`Categorical`); its range is `HyperParameterRange.categorical()`. */
  CATEGORICAL = 'Categorical',
  /** Any text (`FreeText`); it has no range. */
  FREE_TEXT = 'FreeText',
}

/**
 * How a training job reads the data of a channel.
 */
export enum TrainingInputMode {
  /** The data is downloaded to the instance's storage volume before training starts (`File`). */
  FILE = 'File',
  /** The data is streamed from S3 into the container through a Unix named pipe (`Pipe`). */
  PIPE = 'Pipe',
  /** The data is streamed from S3 on demand and exposed as files (`FastFile`). */
  FAST_FILE = 'FastFile',
}

/**
 * Whether a hyperparameter tuning job maximizes or minimizes its objective metric.
 */
export enum TuningObjectiveType {
  /** Larger values are better (`Maximize`), for example accuracy. */
  MAXIMIZE = 'Maximize',
  /** Smaller values are better (`Minimize`), for example a loss. */
  MINIMIZE = 'Minimize',
}

/**
 * The values a hyperparameter can take (SageMaker `ParameterRange`): integers or real numbers
 * between a minimum and a maximum, or one of a list of values.
 *
 * The range's type must match the hyperparameter's `type`.
 */
export class HyperParameterRange {
  /**
   * Whole numbers from `minValue` to `maxValue`, inclusive (`IntegerParameterRangeSpecification`),
   * for a hyperparameter of type `HyperParameterType.INTEGER`.
   *
   * @param minValue the smallest allowed value
   * @param maxValue the largest allowed value (at least `minValue`)
   */
  public static integer(minValue: number, maxValue: number): HyperParameterRange {
    return new HyperParameterRange(HyperParameterType.INTEGER, minValue, maxValue, undefined);
  }

  /**
   * Real numbers from `minValue` to `maxValue`, inclusive (`ContinuousParameterRangeSpecification`),
   * for a hyperparameter of type `HyperParameterType.CONTINUOUS`.
   *
   * @param minValue the smallest allowed value
   * @param maxValue the largest allowed value (at least `minValue`)
   */
  public static continuous(minValue: number, maxValue: number): HyperParameterRange {
    return new HyperParameterRange(HyperParameterType.CONTINUOUS, minValue, maxValue, undefined);
  }

  /**
   * One of the given values (`CategoricalParameterRangeSpecification`), for a hyperparameter of
   * type `HyperParameterType.CATEGORICAL`.
   *
   * @param values the allowed values (1-30, each at most 256 characters)
   */
  public static categorical(values: string[]): HyperParameterRange {
    return new HyperParameterRange(HyperParameterType.CATEGORICAL, undefined, undefined, [...values]);
  }

  /** The hyperparameter type this range is for. */
  public readonly type: HyperParameterType;

  /**
   * The smallest allowed value of an integer or continuous range.
   *
   * @default - none (categorical range)
   */
  public readonly minValue?: number;

  /**
   * The largest allowed value of an integer or continuous range.
   *
   * @default - none (categorical range)
   */
  public readonly maxValue?: number;

  /**
   * The allowed values of a categorical range.
   *
   * @default - none (integer or continuous range)
   */
  public readonly values?: string[];

  private constructor(type: HyperParameterType, minValue: number | undefined, maxValue: number | undefined, values: string[] | undefined) {
    this.type = type;
    this.minValue = minValue;
    this.maxValue = maxValue;
    this.values = values;
  }
}

/**
 * A hyperparameter that the algorithm's training image accepts (SageMaker `HyperParameterSpecification`).
 */
export interface HyperParameterSpecification {
  /** The name of the hyperparameter, unique within the algorithm (1-256 characters). */
  readonly name: string;

  /** The type of the hyperparameter. */
  readonly type: HyperParameterType;

  /**
   * The values the hyperparameter can take. Its type must be the hyperparameter's `type`;
   * `FREE_TEXT` hyperparameters have no range.
   *
   * @default - any value of the type
   */
  readonly range?: HyperParameterRange;

  /**
   * A description of the hyperparameter (at most 1024 characters, no line breaks).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * Whether hyperparameter tuning jobs may tune this hyperparameter.
   *
   * @default false
   */
  readonly tunable?: boolean;

  /**
   * Whether a training job must give this hyperparameter. A required hyperparameter cannot have a
   * default value.
   *
   * @default false
   */
  readonly required?: boolean;

  /**
   * The value used when a training job does not give one (at most 2500 characters). It must be
   * within `range`, and a hyperparameter with a default value cannot be `required`.
   *
   * @default - no default value, unless `defaultNumber` gives one
   */
  readonly defaultValue?: string;

  /**
   * The default value of an `INTEGER` or `CONTINUOUS` hyperparameter as a number, for languages where
   * a number is the natural way to write it (Python `default_number=6`). It is rendered as its decimal
   * text, as if given as `defaultValue`, and checked the same way. Give `defaultValue` or `defaultNumber`,
   * not both.
   *
   * @default - no default value, unless `defaultValue` gives one
   */
  readonly defaultNumber?: number;
}

/**
 * An input channel of the algorithm's training jobs, such as `train` or `validation`
 * (SageMaker `ChannelSpecification`).
 */
export interface TrainingChannel {
  /** The name of the channel, unique within the algorithm (1-64 letters, digits, `.`, `-` and `_`). */
  readonly name: string;

  /** The MIME types of the data the channel accepts, for example `text/csv` (each at most 256 characters). */
  readonly supportedContentTypes: string[];

  /** How training jobs may read the channel's data (at least one mode). */
  readonly supportedInputModes: TrainingInputMode[];

  /**
   * The compressions of the data the channel accepts.
   *
   * @default - not stated
   */
  readonly supportedCompressionTypes?: CompressionType[];

  /**
   * Whether every training job must give this channel.
   *
   * @default false
   */
  readonly required?: boolean;

  /**
   * A description of the channel (at most 1024 characters, no line breaks).
   *
   * @default - no description
   */
  readonly description?: string;
}

/**
 * A metric that the training image writes to its logs, found with a regular expression
 * (SageMaker `MetricDefinition`).
 */
export interface MetricDefinition {
  /** The name of the metric, unique within the algorithm (1-255 characters), for example `validation:accuracy`. */
  readonly name: string;

  /**
   * The regular expression that finds the metric's value in the training logs (1-500
   * characters); its first group is the value, for example `accuracy=([0-9\\.]+)`.
   */
  readonly regex: string;
}

/**
 * A metric that hyperparameter tuning jobs can optimize (SageMaker `HyperParameterTuningJobObjective`).
 */
export interface TuningObjective {
  /** The name of the metric; it must be one of the algorithm's `metricDefinitions`. */
  readonly metricName: string;

  /** Whether the tuning job maximizes or minimizes the metric. */
  readonly type: TuningObjectiveType;
}

/**
 * How the algorithm trains models: its training image, instance types, hyperparameters, input
 * channels and metrics (SageMaker `TrainingSpecification`).
 */
export interface TrainingSpecification {
  /**
   * The image with the training code. When the algorithm has a validation specification, its
   * role is granted pull access to an ECR or asset image.
   */
  readonly image: ContainerImage;

  /**
   * The SHA-256 digest of the training image, `sha256:` followed by 64 hex digits.
   *
   * @default - no digest
   */
  readonly imageDigest?: string;

  /** The instance types training jobs of the algorithm may use (at least one). */
  readonly supportedInstanceTypes: InstanceType[];

  /**
   * Whether training jobs may use more than one instance.
   *
   * @default false
   */
  readonly supportsDistributedTraining?: boolean;

  /** The input channels of training jobs (1-8, names unique). */
  readonly channels: TrainingChannel[];

  /**
   * The hyperparameters the training image accepts (at most 100, names unique). Required when
   * the algorithm supports hyperparameter tuning (`tuningObjectives`).
   *
   * @default - none
   */
  readonly hyperParameters?: HyperParameterSpecification[];

  /**
   * The metrics the training image writes to its logs (at most 40, names unique).
   *
   * @default - none
   */
  readonly metricDefinitions?: MetricDefinition[];

  /**
   * The metrics hyperparameter tuning jobs may optimize; each must name one of the
   * `metricDefinitions`.
   *
   * @default - none: the algorithm does not support hyperparameter tuning
   */
  readonly tuningObjectives?: TuningObjective[];
}
