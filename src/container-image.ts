import { Token, aws_ecr as ecr, aws_ecr_assets as ecrAssets, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { freeChildId } from './private/refs/names';
import { throwIfErrors } from './private/validate/error';

/**
 * ImageUri limits of SageMaker container definitions: 1-255 characters, no whitespace. Control
 * characters are excluded too: CloudFormation's pattern (Python) counts U+0085 as whitespace, and a
 * template cannot carry the others, nor unpaired surrogates.
 */
const IMAGE_URI_PATTERN = /^[^\s\p{Cc}\p{Cs}\ufffe\uffff]{1,255}$/u;
/** A Docker image tag: a letter, digit or underscore, then up to 127 letters, digits, underscores, dots and hyphens. */
const IMAGE_TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** An image digest as `repositoryUriForTagOrDigest()` takes it: `sha256:` and 64 hexadecimal digits. */
const IMAGE_DIGEST_PATTERN = /^sha256:[0-9a-fA-F]{64}$/;

/**
 * The result of binding a `ContainerImage` to a construct that uses it.
 */
export interface ContainerImageConfig {
  /** The image URI, for example `123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag`. */
  readonly imageName: string;
}

/**
 * A Docker image that holds inference or training code: an image in an ECR repository, an image
 * built from a local directory, or any image by URI.
 */
export abstract class ContainerImage {
  /**
   * An image in an ECR repository.
   *
   * Whoever runs the image (a model's execution role, a package's validation role) is granted pull
   * access to exactly this repository.
   *
   * @param repository the repository
   * @param tagOrDigest an image tag, or a digest such as `sha256:...`
   * @default 'latest'
   */
  public static fromEcrRepository(repository: ecr.IRepository, tagOrDigest: string = 'latest'): ContainerImage {
    throwIfErrors('ContainerImage.fromEcrRepository',
      !Token.isUnresolved(tagOrDigest) && !IMAGE_TAG_PATTERN.test(tagOrDigest) && !IMAGE_DIGEST_PATTERN.test(tagOrDigest)
        ? ['tagOrDigest must be an image tag (1-128 letters, digits, underscores, dots and hyphens, not starting with a dot or hyphen; '
          + `pattern ${IMAGE_TAG_PATTERN.source}) or a digest 'sha256:' followed by 64 hexadecimal digits, `
          + `got ${JSON.stringify(tagOrDigest)} (${tagOrDigest.length} characters)`]
        : []);
    return new EcrImage(repository, tagOrDigest);
  }

  /**
   * An image built from a local directory with a Dockerfile and published as a CDK asset.
   *
   * The asset is created in the scope of the first construct that uses the image.
   *
   * @param directory the directory with the Dockerfile
   * @param options how to build the image
   */
  public static fromAsset(directory: string, options: ecrAssets.DockerImageAssetOptions = {}): ContainerImage {
    return new AssetImage(directory, options);
  }

  /**
   * An image built and published by an existing `DockerImageAsset`.
   */
  public static fromDockerImageAsset(asset: ecrAssets.DockerImageAsset): ContainerImage {
    return new DockerImageAssetImage(asset);
  }

  /**
   * An image by URI, for example one of the SageMaker prebuilt images or an image in a private
   * registry. Nothing is granted: the user of the image must be allowed to pull it.
   *
   * @param imageUri `registry/repository[:tag]` or `registry/repository[@digest]` (at most 255 characters)
   */
  public static fromRegistry(imageUri: string): ContainerImage {
    throwIfErrors('ContainerImage.fromRegistry', !Token.isUnresolved(imageUri) && !IMAGE_URI_PATTERN.test(imageUri)
      ? [`imageUri must be 1-255 characters without whitespace or control characters, got '${imageUri}' (${imageUri.length} characters)`]
      : []);
    return new RegistryImage(imageUri);
  }

  /**
   * Returns the image URI, granting `grantable` (when given) what it needs to pull the image.
   *
   * @param scope the construct that uses the image
   * @param grantable who pulls the image
   * @default - nothing is granted
   */
  public abstract bind(scope: Construct, grantable?: iam.IGrantable): ContainerImageConfig;
}

class EcrImage extends ContainerImage {
  constructor(private readonly repository: ecr.IRepository, private readonly tagOrDigest: string) {
    super();
  }

  public bind(_scope: Construct, grantable?: iam.IGrantable): ContainerImageConfig {
    if (grantable) {
      this.repository.grantPull(grantable);
    }
    return { imageName: this.repository.repositoryUriForTagOrDigest(this.tagOrDigest) };
  }
}

class AssetImage extends ContainerImage {
  private asset?: ecrAssets.DockerImageAsset;

  constructor(private readonly directory: string, private readonly options: ecrAssets.DockerImageAssetOptions) {
    super();
  }

  public bind(scope: Construct, grantable?: iam.IGrantable): ContainerImageConfig {
    this.asset ??= new ecrAssets.DockerImageAsset(scope, freeChildId(scope, 'ContainerImageAsset'), {
      ...this.options,
      directory: this.directory,
    });
    if (grantable) {
      this.asset.repository.grantPull(grantable);
    }
    return { imageName: this.asset.imageUri };
  }
}

class DockerImageAssetImage extends ContainerImage {
  constructor(private readonly asset: ecrAssets.DockerImageAsset) {
    super();
  }

  public bind(_scope: Construct, grantable?: iam.IGrantable): ContainerImageConfig {
    if (grantable) {
      this.asset.repository.grantPull(grantable);
    }
    return { imageName: this.asset.imageUri };
  }
}

class RegistryImage extends ContainerImage {
  constructor(private readonly imageUri: string) {
    super();
  }

  public bind(_scope: Construct, _grantable?: iam.IGrantable): ContainerImageConfig {
    return { imageName: this.imageUri };
  }
}
