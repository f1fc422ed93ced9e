import { Token, aws_iam as iam, aws_s3 as s3, aws_s3_assets as s3Assets } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { freeChildId } from './private/refs/names';
import { ValidationError, throwIfErrors } from './private/validate/error';
import { ModelDataDescription } from './private/validate/inference';
import { validateTemplateText } from './private/validate/values';

/** `ModelDataUrl` and `S3Uri` pattern of the SageMaker API (at most 1024 characters; no line feed, as in CloudFormation's schema). */
const S3_URI_PATTERN = /^(https|s3):\/\/([^/]+)\/?([^\n]*)$/;
const MAX_URI_LENGTH = 1024;
/** `HubContentArn` of `HubAccessConfig` (botocore `InferenceHubAccessConfig`, CloudFormation): at most 255 characters. */
const MAX_HUB_CONTENT_ARN_LENGTH = 255;

/**
 * What the S3 URI of model data names (SageMaker `S3ModelDataSource.S3DataType`).
 */
export enum ModelDataType {
  /** A single object: a `.tar.gz` archive, or one uncompressed model file (`S3Object`). */
  S3_OBJECT = 'S3Object',
  /** A key prefix: every object under it is part of the model (`S3Prefix`). */
  S3_PREFIX = 'S3Prefix',
}

/**
 * Options for model data in S3.
 */
export interface ModelDataOptions {
  /**
   * Accept the end-user license agreement of the model (for example a SageMaker JumpStart model
   * that requires it). Renders `ModelDataSource.S3DataSource.ModelAccessConfig.AcceptEula`.
   *
   * @default - no EULA is accepted
   */
  readonly acceptEula?: boolean;

  /**
   * The ARN of the SageMaker hub content whose deployment access this model data uses (renders
   * `ModelDataSource.S3DataSource.HubAccessConfig.HubContentArn`, at most 255 characters). Only
   * `AWS::SageMaker::Model` takes it: model packages and algorithms reject model data with it.
   *
   * @default - no hub access configuration
   */
  readonly hubContentArn?: string;
}

/**
 * The result of binding `ModelData` to a construct that uses it.
 */
export interface ModelDataConfig {
  /** The S3 URI of the model data: an object (`s3://bucket/model.tar.gz`) or a prefix ending in `/`. */
  readonly s3Uri: string;

  /**
   * Whether the model data is a single gzip-compressed tar archive (`true`) or an uncompressed
   * S3 prefix whose objects are the model files (`false`).
   */
  readonly compressed: boolean;

  /**
   * Whether the model's end-user license agreement is accepted.
   *
   * @default - not accepted
   */
  readonly acceptEula?: boolean;

  /**
   * What `s3Uri` names.
   *
   * @default - `ModelDataType.S3_OBJECT` when `compressed`, `ModelDataType.S3_PREFIX` otherwise
   */
  readonly dataType?: ModelDataType;

  /**
   * The ARN of the hub content whose deployment access the model data uses.
   *
   * @default - no hub access configuration
   */
  readonly hubContentArn?: string;
}

/**
 * Model artifacts in S3: a compressed `.tar.gz` object, an uncompressed S3 prefix, or a local
 * `.tar.gz` file published as a CDK asset.
 */
export abstract class ModelData {
  /**
   * A single gzip-compressed tar archive in a bucket (rendered as `ModelDataUrl`).
   *
   * Whoever loads the model data (a model's execution role, a package's validation role) is
   * granted read access to exactly this object, including decrypting it when the bucket has a
   * KMS key.
   *
   * @param bucket the bucket
   * @param objectKey the key of the archive; it must end in `.tar.gz`
   */
  public static fromBucket(bucket: s3.IBucket, objectKey: string, options: ModelDataOptions = {}): ModelData {
    throwIfErrors('ModelData.fromBucket', [...archiveKeyErrors('objectKey', objectKey), ...optionsErrors(options)]);
    return new BucketModelData(bucket, objectKey, true, options);
  }

  /**
   * A single uncompressed model file in a bucket (rendered as `ModelDataSource` with
   * `S3DataType: S3Object` and `CompressionType: None`). SageMaker copies it to `/opt/ml/model/`
   * under the last part of its key.
   *
   * Whoever loads the model data is granted read access to exactly this object.
   *
   * @param bucket the bucket
   * @param objectKey the key of the file; it must not end in `/` (that is a prefix: use `fromBucketPrefix()`)
   */
  public static fromBucketObject(bucket: s3.IBucket, objectKey: string, options: ModelDataOptions = {}): ModelData {
    throwIfErrors('ModelData.fromBucketObject', [...objectKeyErrors('objectKey', objectKey), ...optionsErrors(options)]);
    return new BucketModelData(bucket, objectKey, false, options, ModelDataType.S3_OBJECT);
  }

  /**
   * Uncompressed model files under an S3 prefix (rendered as `ModelDataSource` with
   * `S3DataType: S3Prefix` and `CompressionType: None`).
   *
   * Whoever loads the model data is granted read access to the objects under this prefix.
   *
   * @param bucket the bucket
   * @param keyPrefix the key prefix; it must end in `/`
   */
  public static fromBucketPrefix(bucket: s3.IBucket, keyPrefix: string, options: ModelDataOptions = {}): ModelData {
    throwIfErrors('ModelData.fromBucketPrefix', [
      ...(!Token.isUnresolved(keyPrefix) && keyPrefix !== '' && !keyPrefix.endsWith('/')
        ? [`keyPrefix must end with '/' (SageMaker reads every object under the prefix), got '${keyPrefix}'; `
          + 'for a single compressed archive use ModelData.fromBucket()']
        : []),
      ...optionsErrors(options),
    ]);
    return new BucketModelData(bucket, keyPrefix, false, options);
  }

  /**
   * A single gzip-compressed tar archive by URL (`s3://bucket/key.tar.gz` or an `https://` URL).
   *
   * For an `s3://` URL, whoever loads the model data is granted read access to the object.
   *
   * @param url the URL of the archive; an S3 key must end in `.tar.gz`
   */
  public static fromS3Url(url: string, options: ModelDataOptions = {}): ModelData {
    const parsed = parseS3Url(url);
    throwIfErrors('ModelData.fromS3Url', [
      ...urlErrors(url),
      ...(parsed ? archiveKeyErrors('url', url) : []),
      ...optionsErrors(options),
    ]);
    return new UrlModelData(url, parsed, true, options);
  }

  /**
   * A single uncompressed model file by URL (`s3://bucket/path/model.pt` or an `https://` URL),
   * rendered as `ModelDataSource` with `S3DataType: S3Object` and `CompressionType: None`.
   *
   * For an `s3://` URL, whoever loads the model data is granted read access to the object.
   *
   * @param url the URL of the file; it must not end in `/` (that is a prefix: use `fromS3Prefix()`)
   */
  public static fromS3Object(url: string, options: ModelDataOptions = {}): ModelData {
    const parsed = parseS3Url(url);
    throwIfErrors('ModelData.fromS3Object', [
      ...urlErrors(url),
      ...(parsed ? objectKeyErrors('url', url) : []),
      ...optionsErrors(options),
    ]);
    return new UrlModelData(url, parsed, false, options, ModelDataType.S3_OBJECT);
  }

  /**
   * Uncompressed model files under an S3 prefix given by URL (`s3://bucket/prefix/`).
   *
   * For an `s3://` URL, whoever loads the model data is granted read access to the objects under the prefix.
   *
   * @param url the URL of the prefix; it must end in `/`
   */
  public static fromS3Prefix(url: string, options: ModelDataOptions = {}): ModelData {
    const parsed = parseS3Url(url);
    throwIfErrors('ModelData.fromS3Prefix', [
      ...urlErrors(url),
      ...(parsed && !url.endsWith('/')
        ? [`url must end with '/' (SageMaker reads every object under the prefix), got '${url}'; for a single compressed archive use ModelData.fromS3Url()`]
        : []),
      ...optionsErrors(options),
    ]);
    return new UrlModelData(url, parsed, false, options);
  }

  /**
   * A local `.tar.gz` archive, published as a CDK file asset.
   *
   * The asset is created in the scope of the first construct that uses the model data.
   *
   * @param path the path of the archive; it must end in `.tar.gz`
   * @param options asset options
   */
  public static fromAsset(path: string, options: s3Assets.AssetOptions = {}): ModelData {
    throwIfErrors('ModelData.fromAsset', archiveKeyErrors('path', path));
    return new AssetModelData(path, options);
  }

  /**
   * Returns where the model data is, granting `grantable` (when given) read access to it.
   *
   * @param scope the construct that uses the model data
   * @param grantable who loads the model data
   * @default - nothing is granted
   */
  public abstract bind(scope: Construct, grantable?: iam.IGrantable): ModelDataConfig;

  /**
   * What `bind()` will return, as far as it is known without binding (nothing created, nothing
   * granted): the constructs check it before they bind, so that model data they reject leaves no
   * grant behind. Undefined for implementations outside this library, which only `bind()` describes.
   *
   * @internal
   */
  public _describe(): ModelDataDescription | undefined {
    return undefined;
  }
}

class BucketModelData extends ModelData {
  constructor(
    private readonly bucket: s3.IBucket,
    private readonly key: string,
    private readonly compressed: boolean,
    private readonly options: ModelDataOptions,
    private readonly dataType?: ModelDataType) {
    super();
  }

  public bind(_scope: Construct, grantable?: iam.IGrantable): ModelDataConfig {
    const object = this.compressed || this.dataType === ModelDataType.S3_OBJECT;
    if (grantable) {
      this.bucket.grantRead(grantable, object ? this.key : `${this.key}*`);
    }
    return this._describe();
  }

  /** @internal */
  public _describe(): ModelDataConfig {
    return {
      s3Uri: this.bucket.s3UrlForObject(this.key),
      compressed: this.compressed,
      dataType: this.dataType,
      acceptEula: this.options.acceptEula,
      hubContentArn: this.options.hubContentArn,
    };
  }
}

class UrlModelData extends ModelData {
  constructor(
    private readonly url: string,
    private readonly parsed: { bucketName: string; key: string } | undefined,
    private readonly compressed: boolean,
    private readonly options: ModelDataOptions,
    private readonly dataType?: ModelDataType) {
    super();
  }

  public bind(scope: Construct, grantable?: iam.IGrantable): ModelDataConfig {
    const object = this.compressed || this.dataType === ModelDataType.S3_OBJECT;
    if (grantable && this.parsed) {
      const bucket = s3.Bucket.fromBucketName(scope, freeChildId(scope, 'ModelDataBucket'), this.parsed.bucketName);
      bucket.grantRead(grantable, object ? this.parsed.key : `${this.parsed.key}*`);
    }
    return this._describe();
  }

  /** @internal */
  public _describe(): ModelDataConfig {
    return {
      s3Uri: this.url,
      compressed: this.compressed,
      dataType: this.dataType,
      acceptEula: this.options.acceptEula,
      hubContentArn: this.options.hubContentArn,
    };
  }
}

class AssetModelData extends ModelData {
  private asset?: s3Assets.Asset;

  constructor(private readonly path: string, private readonly options: s3Assets.AssetOptions) {
    super();
  }

  public bind(scope: Construct, grantable?: iam.IGrantable): ModelDataConfig {
    this.asset ??= new s3Assets.Asset(scope, freeChildId(scope, 'ModelDataAsset'), { ...this.options, path: this.path });
    if (!this.asset.isFile) {
      // Only the staged asset tells (bundling may turn a directory into an archive); checked before anything is granted.
      throw new ValidationError('ModelData.fromAsset', [`path must be a .tar.gz file, got the directory '${this.path}'`]);
    }
    if (grantable) {
      this.asset.bucket.grantRead(grantable, this.asset.s3ObjectKey);
    }
    return { s3Uri: this.asset.s3ObjectUrl, compressed: true };
  }

  /** @internal */
  public _describe(): ModelDataDescription {
    // The URI is the asset's, known once the asset is created by bind() (a token then).
    return { s3Uri: this.asset?.s3ObjectUrl, compressed: true };
  }
}

/** Problems with a literal key or path that must name a `.tar.gz` archive. */
function archiveKeyErrors(property: string, value: string): string[] {
  if (Token.isUnresolved(value) || value.endsWith('.tar.gz')) {
    return [];
  }
  return [`${property} must name a single gzip-compressed tar archive ending in '.tar.gz' (SageMaker's ModelDataUrl), got '${value}'; `
    + 'for uncompressed model files under a prefix use ModelData.fromBucketPrefix() or ModelData.fromS3Prefix()'];
}

/** Problems with a literal key or URL that must name an object, not a prefix. */
function objectKeyErrors(property: string, value: string): string[] {
  if (Token.isUnresolved(value) || (value !== '' && !value.endsWith('/'))) {
    return [];
  }
  return [`${property} must name a single object (S3DataType S3Object), not a prefix ending in '/', got '${value}'; `
    + 'for uncompressed model files under a prefix use ModelData.fromBucketPrefix() or ModelData.fromS3Prefix()'];
}

/** Problems with the literal values of model data options. */
function optionsErrors(options: ModelDataOptions): string[] {
  const arn = options.hubContentArn;
  const errors = validateTemplateText('options.hubContentArn', arn);
  if (arn !== undefined && !Token.isUnresolved(arn) && arn.length > MAX_HUB_CONTENT_ARN_LENGTH) {
    errors.push(`options.hubContentArn must be at most ${MAX_HUB_CONTENT_ARN_LENGTH} characters long `
      + `(HubAccessConfig.HubContentArn), got ${arn.length} characters: '${arn.slice(0, 80)}...'`);
  }
  return errors;
}

/** Problems with a literal model data URL: its form, and for an `s3://` URL its bucket name. */
function urlErrors(url: string): string[] {
  if (Token.isUnresolved(url)) {
    return [];
  }
  const match = S3_URI_PATTERN.exec(url);
  if (!match || url.length > MAX_URI_LENGTH) {
    return [`url must be an s3:// or https:// URL of at most ${MAX_URI_LENGTH} characters (pattern ${S3_URI_PATTERN.source}), got '${url}'`];
  }
  const reasons = bucketNameReasons(match);
  return reasons === undefined ? [] : [`url must name a valid S3 bucket (${reasons}), got bucket '${match[2]}' in '${url}'`];
}

/** The bucket and key of a literal, valid `s3://` URL (undefined for a token, an `https://` URL or an invalid URL). */
function parseS3Url(url: string): { bucketName: string; key: string } | undefined {
  if (Token.isUnresolved(url)) {
    return undefined;
  }
  const match = S3_URI_PATTERN.exec(url);
  if (!match || url.length > MAX_URI_LENGTH || match[1] !== 's3' || bucketNameReasons(match) !== undefined) {
    return undefined;
  }
  return { bucketName: match[2], key: match[3] };
}

/** Why the bucket of a matched `s3://` URL is not a valid bucket name (undefined when it is, or for `https://`). */
function bucketNameReasons(match: RegExpExecArray): string | undefined {
  if (match[1] !== 's3') {
    return undefined;
  }
  try {
    s3.Bucket.validateBucketName(match[2]);
    return undefined;
  } catch (e) {
    return (e as Error).message.split('\n').slice(1).join('; ');
  }
}
