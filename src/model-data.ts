import { Token, aws_iam as iam, aws_s3 as s3, aws_s3_assets as s3Assets } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { freeChildId } from './private/ids';

/** `ModelDataUrl` and `S3Uri` pattern of the SageMaker API: at most 1024 characters. */
const S3_URI_PATTERN = /^(https|s3):\/\/([^/]+)\/?(.*)$/;
const MAX_URI_LENGTH = 1024;

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
    checkArchiveKey('ModelData.fromBucket', 'objectKey', objectKey);
    return new BucketModelData(bucket, objectKey, true, options);
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
    if (!Token.isUnresolved(keyPrefix) && keyPrefix !== '' && !keyPrefix.endsWith('/')) {
      throw new Error('ModelData.fromBucketPrefix: keyPrefix must end with \'/\' (SageMaker reads every object under the prefix), '
        + `got '${keyPrefix}'; for a single compressed archive use ModelData.fromBucket()`);
    }
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
    const parsed = parseS3Url('ModelData.fromS3Url', url);
    if (parsed) {
      checkArchiveKey('ModelData.fromS3Url', 'url', url);
    }
    return new UrlModelData(url, parsed, true, options);
  }

  /**
   * Uncompressed model files under an S3 prefix given by URL (`s3://bucket/prefix/`).
   *
   * For an `s3://` URL, whoever loads the model data is granted read access to the objects under the prefix.
   *
   * @param url the URL of the prefix; it must end in `/`
   */
  public static fromS3Prefix(url: string, options: ModelDataOptions = {}): ModelData {
    const parsed = parseS3Url('ModelData.fromS3Prefix', url);
    if (parsed && !url.endsWith('/')) {
      throw new Error(`ModelData.fromS3Prefix: url must end with '/' (SageMaker reads every object under the prefix), got '${url}'; `
        + 'for a single compressed archive use ModelData.fromS3Url()');
    }
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
    checkArchiveKey('ModelData.fromAsset', 'path', path);
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
}

class BucketModelData extends ModelData {
  constructor(
    private readonly bucket: s3.IBucket,
    private readonly key: string,
    private readonly compressed: boolean,
    private readonly options: ModelDataOptions) {
    super();
  }

  public bind(_scope: Construct, grantable?: iam.IGrantable): ModelDataConfig {
    if (grantable) {
      this.bucket.grantRead(grantable, this.compressed ? this.key : `${this.key}*`);
    }
    return { s3Uri: this.bucket.s3UrlForObject(this.key), compressed: this.compressed, acceptEula: this.options.acceptEula };
  }
}

class UrlModelData extends ModelData {
  constructor(
    private readonly url: string,
    private readonly parsed: { bucketName: string; key: string } | undefined,
    private readonly compressed: boolean,
    private readonly options: ModelDataOptions) {
    super();
  }

  public bind(scope: Construct, grantable?: iam.IGrantable): ModelDataConfig {
    if (grantable && this.parsed) {
      const bucket = s3.Bucket.fromBucketName(scope, freeChildId(scope, 'ModelDataBucket'), this.parsed.bucketName);
      bucket.grantRead(grantable, this.compressed ? this.parsed.key : `${this.parsed.key}*`);
    }
    return { s3Uri: this.url, compressed: this.compressed, acceptEula: this.options.acceptEula };
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
      throw new Error(`ModelData.fromAsset: path must be a .tar.gz file, got the directory '${this.path}'`);
    }
    if (grantable) {
      this.asset.bucket.grantRead(grantable, this.asset.s3ObjectKey);
    }
    return { s3Uri: this.asset.s3ObjectUrl, compressed: true };
  }
}

/** Checks that a literal key or path names a `.tar.gz` archive. */
function checkArchiveKey(method: string, property: string, value: string): void {
  if (!Token.isUnresolved(value) && !value.endsWith('.tar.gz')) {
    throw new Error(`${method}: ${property} must name a single gzip-compressed tar archive ending in '.tar.gz' `
      + `(SageMaker's ModelDataUrl), got '${value}'; for uncompressed model files under a prefix use ModelData.fromBucketPrefix() `
      + 'or ModelData.fromS3Prefix()');
  }
}

/** Checks a literal model data URL and returns its bucket and key when it is an `s3://` URL. */
function parseS3Url(method: string, url: string): { bucketName: string; key: string } | undefined {
  if (Token.isUnresolved(url)) {
    return undefined;
  }
  const match = S3_URI_PATTERN.exec(url);
  if (!match || url.length > MAX_URI_LENGTH) {
    throw new Error(`${method}: url must be an s3:// or https:// URL of at most ${MAX_URI_LENGTH} characters `
      + `(pattern ${S3_URI_PATTERN.source}), got '${url}'`);
  }
  if (match[1] !== 's3') {
    return undefined;
  }
  try {
    s3.Bucket.validateBucketName(match[2]);
  } catch (e) {
    const reasons = (e as Error).message.split('\n').slice(1).join('; ');
    throw new Error(`${method}: url must name a valid S3 bucket (${reasons}), got bucket '${match[2]}' in '${url}'`);
  }
  return { bucketName: match[2], key: match[3] };
}
