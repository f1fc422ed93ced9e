import { aws_ecr as ecr, aws_iam as iam, aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * What a principal that a model package group is shared with may do (`group.shareWith()`).
 *
 * Every purpose also grants read access to the artifacts given in `ShareOptions.artifacts`.
 */
export enum SharePurpose {
  /**
   * Read the group and its versions and build models from them: `DescribeModelPackageGroup` and
   * `ListModelPackages` on the group; `DescribeModelPackage`, `BatchDescribeModelPackage`,
   * `ListModelPackages` and `CreateModel` on its versions (the cross-account deployment policy of the
   * SageMaker Developer Guide).
   */
  READ_AND_DEPLOY = 'READ_AND_DEPLOY',

  /**
   * Register new versions into the group (`CreateModelPackage` on its versions). The other account
   * registers by passing the group's ARN as `ModelPackageGroupName`.
   */
  REGISTER = 'REGISTER',

  /**
   * Read the group and its versions and change their approval status (`UpdateModelPackage` on its
   * versions, as `grantApprove`).
   */
  APPROVE = 'APPROVE',

  /**
   * Read the group and its versions and move versions to the lifecycle stages in `ShareOptions.stages`
   * (`UpdateModelPackage` only with those stages, as `grants.changeStage`).
   */
  CHANGE_STAGE = 'CHANGE_STAGE',
}

/**
 * An S3 bucket that holds artifacts of a group's versions (model data, metrics), and optionally the
 * prefix of those objects.
 */
export interface ArtifactBucket {
  /**
   * The bucket.
   *
   * An `s3.IBucket` rather than a reference: sharing adds to its bucket policy and reads its
   * encryption key.
   *
   * [disable-awslint:prefer-ref-interface]
   */
  readonly bucket: s3.IBucket;

  /**
   * The key prefix of the artifacts, for example `models/churn/`: reading is allowed only for objects
   * under it, and listing only with a prefix under it.
   *
   * @default - every object of the bucket
   */
  readonly prefix?: string;
}

/**
 * The artifacts that the versions of a shared group use, to which sharing grants read access.
 *
 * The library does not find them by itself: versions registered outside the app (by a pipeline) are
 * unknown to it, and the buckets, keys and repositories of versions defined in the app are not exposed
 * by their model data and images. List them here.
 */
export interface ShareArtifacts {
  /**
   * Buckets (and prefixes) of model data and other artifacts: `s3:GetObject` on the objects and
   * `s3:ListBucket` restricted to the prefix. A bucket's own KMS key (`bucket.encryptionKey`) is
   * treated as if it were listed in `keys`.
   *
   * @default - no buckets
   */
  readonly buckets?: ArtifactBucket[];

  /**
   * KMS keys that encrypt artifacts or the versions themselves: `kms:Decrypt` and `kms:DescribeKey`.
   *
   * `kms.IKey` rather than references: sharing adds to their key policies.
   *
   * [disable-awslint:prefer-ref-interface]
   *
   * @default - no keys
   */
  readonly keys?: kms.IKey[];

  /**
   * ECR repositories of the inference images: `ecr:BatchGetImage`, `ecr:GetDownloadUrlForLayer` and
   * `ecr:BatchCheckLayerAvailability`.
   *
   * `ecr.IRepository` rather than references: sharing adds to their repository policies.
   *
   * [disable-awslint:prefer-ref-interface]
   *
   * @default - no repositories
   */
  readonly repositories?: ecr.IRepository[];
}

/**
 * Options of `group.shareWith()`.
 */
export interface ShareOptions {
  /**
   * What the principal may do with the group and its versions.
   */
  readonly purpose: SharePurpose;

  /**
   * The lifecycle stages that the principal may move versions to: required with
   * `SharePurpose.CHANGE_STAGE`, an error with any other purpose. Each is 1-63 letters, digits and
   * hyphens, starting and ending with a letter or digit.
   *
   * @default - none (only valid for purposes other than CHANGE_STAGE)
   */
  readonly stages?: string[];

  /**
   * The stage statuses that the principal may set with the stages (`SharePurpose.CHANGE_STAGE` only).
   *
   * @default - any stage status
   */
  readonly stageStatuses?: string[];

  /**
   * Artifacts of the versions that the principal may read.
   *
   * @default - no artifacts
   */
  readonly artifacts?: ShareArtifacts;
}

/**
 * Which resource policy a statement of a share belongs to.
 */
export enum ArtifactPolicyType {
  /** The bucket policy of an S3 bucket. */
  BUCKET_POLICY = 'BUCKET_POLICY',
  /** The key policy of a KMS key. */
  KEY_POLICY = 'KEY_POLICY',
  /** The repository policy of an ECR repository. */
  REPOSITORY_POLICY = 'REPOSITORY_POLICY',
}

/**
 * A resource policy statement that a share needs but that this app cannot add, because the artifact
 * is imported (its policy is owned elsewhere). Hand it to the artifact's owner.
 */
export interface PendingArtifactStatement {
  /**
   * The imported bucket, key or repository.
   */
  readonly artifact: IConstruct;

  /**
   * The policy that needs the statement.
   */
  readonly policyType: ArtifactPolicyType;

  /**
   * The statement to add, with its principal (and, for buckets, its resources).
   */
  readonly statement: iam.PolicyStatement;
}

/**
 * The result of `group.shareWith()`.
 */
export interface ShareResult {
  /**
   * The grants that this app could add: on the group (its resource policy, or the principal's IAM
   * policy) and on the artifacts.
   */
  readonly grant: iam.Grant;

  /**
   * Statements for the resource policies of imported artifacts, which their owners must add; each is
   * also reported as a synth-time warning (`cdk-sagemaker-registry:shareArtifactPolicyNotAdded`) on
   * the artifact. Empty when every artifact could be granted here.
   */
  readonly pendingStatements: PendingArtifactStatement[];
}
