import { Size, aws_iam as iam } from 'aws-cdk-lib';
import { aws_kms as kmsRefs } from 'aws-cdk-lib/interfaces';
import { InstanceType } from './instance-type';

/**
 * How the S3 URI of a transform job's input is interpreted.
 */
export enum TransformInputDataType {
  /** Every object under the key prefix is input (`S3Prefix`). */
  S3_PREFIX = 'S3Prefix',
  /** The URI names a manifest file that lists the input objects (`ManifestFile`). */
  MANIFEST_FILE = 'ManifestFile',
  /**
   * The URI names an augmented manifest file (`AugmentedManifestFile`). SageMaker's API model says
   * it "is not compatible" with batch transform, so a transform job given it fails at synth time.
   *
   * @deprecated batch transform does not read augmented manifest files; use `S3_PREFIX` or `MANIFEST_FILE`
   */
  AUGMENTED_MANIFEST_FILE = 'AugmentedManifestFile',
}

/**
 * Compression of input data.
 */
export enum CompressionType {
  /** Not compressed (`None`). */
  NONE = 'None',
  /** Gzip-compressed (`Gzip`). */
  GZIP = 'Gzip',
}

/**
 * How a transform job splits its input files into records.
 */
export enum SplitType {
  /** No split: each file is one record (`None`). */
  NONE = 'None',
  /** One record per line (`Line`). */
  LINE = 'Line',
  /** RecordIO records (`RecordIO`). */
  RECORD_IO = 'RecordIO',
  /** TFRecord records (`TFRecord`). */
  TF_RECORD = 'TFRecord',
}

/**
 * How a transform job assembles the results of one input file.
 */
export enum AssembleWith {
  /** Concatenate the results (`None`). */
  NONE = 'None',
  /** One result per line (`Line`). */
  LINE = 'Line',
}

/**
 * How many records a transform job sends in one request.
 */
export enum BatchStrategy {
  /** As many records as fit into the maximum payload (`MultiRecord`). */
  MULTI_RECORD = 'MultiRecord',
  /** One record per request (`SingleRecord`). */
  SINGLE_RECORD = 'SingleRecord',
}

/**
 * The input of a validation transform job.
 */
export interface TransformInput {
  /** The S3 URI of the input data (`s3://` or `https://`, at most 1024 characters). */
  readonly s3Uri: string;

  /**
   * How `s3Uri` is interpreted.
   *
   * @default TransformInputDataType.S3_PREFIX
   */
  readonly dataType?: TransformInputDataType;

  /**
   * The MIME type of the input data, sent with each request (at most 256 characters).
   *
   * @default - no content type
   */
  readonly contentType?: string;

  /**
   * The compression of the input data.
   *
   * @default CompressionType.NONE
   */
  readonly compressionType?: CompressionType;

  /**
   * How input files are split into records.
   *
   * @default SplitType.NONE
   */
  readonly splitType?: SplitType;
}

/**
 * The output of a validation transform job.
 */
export interface TransformOutput {
  /** The S3 URI where the results are written (`s3://` or `https://`, at most 1024 characters). */
  readonly s3OutputPath: string;

  /**
   * The MIME type of the results (at most 256 characters).
   *
   * @default - the container's default
   */
  readonly accept?: string;

  /**
   * How the results of one input file are assembled.
   *
   * @default AssembleWith.NONE
   */
  readonly assembleWith?: AssembleWith;

  /**
   * The KMS key that encrypts the results in S3. The validation role is granted encrypt on it.
   *
   * @default - the bucket's default encryption
   */
  readonly encryptionKey?: kmsRefs.IKeyRef;
}

/**
 * The compute resources of a validation transform job.
 */
export interface TransformResources {
  /** The instance type. */
  readonly instanceType: InstanceType;

  /**
   * The number of instances (1-100).
   *
   * @default 1
   */
  readonly instanceCount?: number;

  /**
   * The KMS key that encrypts the instances' storage volumes. The validation role is granted
   * encrypt and decrypt on it.
   *
   * @default - an AWS managed key
   */
  readonly volumeEncryptionKey?: kmsRefs.IKeyRef;
}

/**
 * A batch transform job that SageMaker runs to validate a model package.
 */
export interface TransformJobDefinition {
  /** The input data. */
  readonly input: TransformInput;

  /** Where the results go. */
  readonly output: TransformOutput;

  /** The compute resources. */
  readonly resources: TransformResources;

  /**
   * How many records are sent in one request.
   *
   * @default - the container's default
   */
  readonly batchStrategy?: BatchStrategy;

  /**
   * Environment variables of the transform containers (at most 16 entries; names of letters,
   * digits and underscores that do not start with a digit). Values: at most 1024 characters in a
   * model package (CloudFormation's `AWS::SageMaker::ModelPackage` schema), at most 10240 in an
   * algorithm's validation specification (sent to the API directly).
   *
   * @default - none
   */
  readonly environment?: { [name: string]: string };

  /**
   * The maximum number of parallel requests to each instance.
   *
   * @default - SageMaker's default (1)
   */
  readonly maxConcurrentTransforms?: number;

  /**
   * The maximum payload of one request, in whole mebibytes.
   *
   * @default - SageMaker's default (6 MiB)
   */
  readonly maxPayload?: Size;
}

/**
 * A validation profile: a named transform job that validates the model package.
 */
export interface ValidationProfile {
  /** The name of the profile (1-63 letters, digits and hyphens). */
  readonly profileName: string;

  /** The transform job that validates the inference specification. */
  readonly transformJob: TransformJobDefinition;
}

/**
 * How SageMaker validates a model package before it becomes available: one profile, run as a
 * batch transform job under the given role.
 *
 * SageMaker accepts exactly one validation profile, so this takes one.
 */
export interface ValidationSpecification {
  /**
   * The role SageMaker assumes to run the validation job. When the package owns the images and
   * model data (ECR repositories, buckets, assets), the role is granted pull and read on them.
   *
   * An `iam.IRole` rather than a reference: the package grants this role pull and read access to
   * its images and model data.
   *
   * [disable-awslint:prefer-ref-interface]
   */
  readonly role: iam.IRole;

  /** The validation profile. */
  readonly profile: ValidationProfile;
}
