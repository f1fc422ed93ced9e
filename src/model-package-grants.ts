import { aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import { aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';
import { KnownModelPackage, isKnownModelPackage } from './private/contracts';
import { APPROVE_ACTIONS, VERSION_READ_ACTIONS } from './private/iam/perms';
import { ValidationError } from './private/validate/error';

/**
 * Grants on a model package, the companion of `ModelPackage` (`modelPackage.grants`).
 *
 * For a package of this library, reading also allows decrypting with its KMS key, and deploying
 * also allows pulling its images and reading its model data where the app defines them.
 */
export class ModelPackageGrants {
  /**
   * The grants of a model package: one of this library, a `CfnModelPackage` or any reference.
   */
  public static fromModelPackage(modelPackage: sagemakerRefs.IModelPackageRef): ModelPackageGrants {
    return new ModelPackageGrants(modelPackage);
  }

  private constructor(private readonly modelPackage: sagemakerRefs.IModelPackageRef) {}

  /**
   * Grants describing the package (`DescribeModelPackage`, `BatchDescribeModelPackage`), and
   * decrypting it with its KMS key when the library knows it.
   */
  public read(grantee: iam.IGrantable): iam.Grant {
    return this.withKey(grantee, iam.Grant.addToPrincipal({ grantee, actions: VERSION_READ_ACTIONS, resourceArns: [this.arn] }));
  }

  /**
   * Grants changing the approval status of the version (`UpdateModelPackage`), plus reading it to
   * decide. An error for a package the library knows is unversioned.
   */
  public approve(grantee: iam.IGrantable): iam.Grant {
    if (this.known?._versioned === false) {
      throw new ValidationError(`ModelPackage ${this.modelPackage.node.path}`,
        ['grantApprove applies only to versions (packages in a model package group), got an unversioned model package']);
    }
    return this.withKey(grantee, iam.Grant.addToPrincipal({
      grantee,
      actions: [...APPROVE_ACTIONS, ...VERSION_READ_ACTIONS],
      resourceArns: [this.arn],
    }));
  }

  /**
   * Grants what the execution role of a model built from the package needs: reading it (as `read`)
   * and, for a package defined in this app, pulling its ECR images and reading its model data.
   */
  public deploy(grantee: iam.IGrantable): iam.Grant {
    const grant = this.read(grantee);
    this.known?._bindArtifacts(grantee);
    return grant;
  }

  private get arn(): string {
    return this.modelPackage.modelPackageRef.modelPackageArn;
  }

  /** The package as the library knows it (its key, whether it is a version, its artifacts), for a package of this library. */
  private get known(): KnownModelPackage | undefined {
    return isKnownModelPackage(this.modelPackage) ? this.modelPackage : undefined;
  }

  /** Adds decrypting with the package's key (when known) to `grant`, so the returned grant covers both. */
  private withKey(grantee: iam.IGrantable, grant: iam.Grant): iam.Grant {
    const key = this.known?._keyForReaders;
    return key ? grant.combine(kms.KeyGrants.fromKey(key).decrypt(grantee)) : grant;
  }
}
