import { Duration, Size, aws_iam as iam } from 'aws-cdk-lib';
import { aws_kms as kmsRefs } from 'aws-cdk-lib/interfaces';
import { InstanceType } from './instance-type';
import { TrainingInputMode } from './training-specification';
import { CompressionType, TransformJobDefinition } from './validation-specification';

/**
 * How the S3 URI of a training channel is interpreted (SageMaker `S3DataType`).
 */
export enum TrainingInputDataType {
  /** Every object under the key prefix is input (`S3Prefix`). */
  S3_PREFIX = 'S3Prefix',
  /** The URI names a manifest file that lists the input objects (`ManifestFile`). */
  MANIFEST_FILE = 'ManifestFile',
  /**
   * The URI names an augmented manifest file in JSON Lines format (`AugmentedManifestFile`). The
   * channel must be read in `TrainingInputMode.PIPE`; `attributeNames` selects the attributes.
   */
  AUGMENTED_MANIFEST_FILE = 'AugmentedManifestFile',
  /** The URI names a location with conversation data in the Converse format, for fine-tuning foundation models (`Converse`). */
  CONVERSE = 'Converse',
}

/**
 * How the data of a training channel is distributed over the instances of a training job.
 */
export enum S3DataDistribution {
  /** Every instance gets all of the data (`FullyReplicated`). */
  FULLY_REPLICATED = 'FullyReplicated',
  /** Every instance gets a share of the S3 objects (`ShardedByS3Key`). */
  SHARDED_BY_S3_KEY = 'ShardedByS3Key',
}

/**
 * How the records of a training channel are wrapped (SageMaker `RecordWrapper`).
 */
export enum RecordWrapperType {
  /** The records are passed as they are (`None`). */
  NONE = 'None',
  /** Each record is wrapped in a RecordIO record (`RecordIO`). */
  RECORD_IO = 'RecordIO',
}

/**
 * An input channel of a validation training job: data in S3 for one of the algorithm's training
 * channels (SageMaker `Channel`).
 */
export interface TrainingJobChannel {
  /** The name of the channel; it must be one of the algorithm's training channels. */
  readonly channelName: string;

  /**
   * The S3 URI of the data (`s3://` or `https://`, at most 1024 characters). The validation role
   * must be allowed to read it.
   */
  readonly s3Uri: string;

  /**
   * How `s3Uri` is interpreted.
   *
   * @default TrainingInputDataType.S3_PREFIX
   */
  readonly dataType?: TrainingInputDataType;

  /**
   * The attributes of each line of an augmented manifest file that the job reads (at most 16 names of
   * 1-256 characters; `S3DataSource.AttributeNames`). Only with
   * `dataType: TrainingInputDataType.AUGMENTED_MANIFEST_FILE`.
   *
   * @default - none
   */
  readonly attributeNames?: string[];

  /**
   * How the data is distributed over the instances.
   *
   * @default S3DataDistribution.FULLY_REPLICATED
   */
  readonly distribution?: S3DataDistribution;

  /**
   * The MIME type of the data; it must be one the channel supports (at most 256 characters).
   *
   * @default - none
   */
  readonly contentType?: string;

  /**
   * The compression of the data.
   *
   * @default CompressionType.NONE
   */
  readonly compressionType?: CompressionType;

  /**
   * How the records are wrapped.
   *
   * @default RecordWrapperType.NONE
   */
  readonly recordWrapperType?: RecordWrapperType;

  /**
   * How the job reads this channel, instead of the job's `inputMode`. It must be one the
   * algorithm's channel supports.
   *
   * @default - the training job's `inputMode`
   */
  readonly inputMode?: TrainingInputMode;
}

/**
 * Where a validation training job writes the model.
 */
export interface TrainingJobOutput {
  /**
   * The S3 URI under which the model artifacts are written (`s3://` or `https://`, at most 1024
   * characters). The validation role must be allowed to write there.
   */
  readonly s3OutputPath: string;

  /**
   * The KMS key that encrypts the model artifacts. The validation role is granted encrypt and
   * decrypt on it (the validation transform job reads the model).
   *
   * @default - the bucket's default encryption
   */
  readonly encryptionKey?: kmsRefs.IKeyRef;
}

/**
 * The compute resources of a validation training job.
 */
export interface TrainingJobResources {
  /** The instance type; it must be one of the algorithm's `supportedInstanceTypes`. */
  readonly instanceType: InstanceType;

  /**
   * The number of instances. More than one requires `supportsDistributedTraining`.
   *
   * @default 1
   */
  readonly instanceCount?: number;

  /**
   * The size of the storage volume of each instance, in whole gibibytes.
   *
   * @default - SageMaker's default for the instance type
   */
  readonly volumeSize?: Size;

  /**
   * The KMS key that encrypts the storage volumes. The validation role is granted encrypt and
   * decrypt on it.
   *
   * @default - an AWS managed key
   */
  readonly volumeEncryptionKey?: kmsRefs.IKeyRef;
}

/**
 * A training job that SageMaker runs to validate an algorithm (SageMaker `TrainingJobDefinition`).
 */
export interface TrainingJobDefinition {
  /** How the job reads its channels (unless a channel says otherwise). */
  readonly inputMode: TrainingInputMode;

  /**
   * The input data: 1-20 channels, names unique, each one of the algorithm's training channels;
   * every required training channel must be given.
   */
  readonly inputChannels: TrainingJobChannel[];

  /** Where the model is written. */
  readonly output: TrainingJobOutput;

  /** The compute resources. */
  readonly resources: TrainingJobResources;

  /**
   * The hyperparameters of the job (at most 100). Each must be one of the algorithm's
   * `hyperParameters` and within its range; every required hyperparameter must be given.
   *
   * @default - none
   */
  readonly hyperParameters?: { [name: string]: string };

  /**
   * How long the job may run before SageMaker stops it.
   *
   * @default Duration.days(1)
   */
  readonly maxRuntime?: Duration;
}

/**
 * A validation profile of an algorithm: a training job, and optionally a batch transform job that
 * uses the trained model (SageMaker `AlgorithmValidationProfile`).
 */
export interface AlgorithmValidationProfile {
  /** The name of the profile (1-63 letters, digits and hyphens). */
  readonly profileName: string;

  /** The training job that validates the training specification. */
  readonly trainingJob: TrainingJobDefinition;

  /**
   * A batch transform job that validates the inference specification with the trained model.
   * Requires the algorithm's `inferenceSpecification`.
   *
   * @default - no transform job
   */
  readonly transformJob?: TransformJobDefinition;
}

/**
 * How SageMaker validates an algorithm before it becomes available: one profile, run under the
 * given role (SageMaker `AlgorithmValidationSpecification`).
 *
 * SageMaker accepts exactly one validation profile, so this takes one.
 */
export interface AlgorithmValidationSpecification {
  /**
   * The role SageMaker assumes to run the validation jobs. It is granted pull access to the
   * algorithm's ECR and asset images and use of the jobs' KMS keys; it must be allowed to read the
   * input data and write the output in S3.
   *
   * An `iam.IRole` rather than a reference: the algorithm grants this role what the validation jobs
   * need.
   *
   * [disable-awslint:prefer-ref-interface]
   */
  readonly role: iam.IRole;

  /** The validation profile. */
  readonly profile: AlgorithmValidationProfile;
}
