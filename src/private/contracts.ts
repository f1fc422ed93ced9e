import { aws_iam as iam } from 'aws-cdk-lib';
import { aws_kms as kmsRefs, aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';
import type { IModelPackageGroup } from '../model-package-group';

/*
 * What the grants classes need from the library's constructs beyond a reference interface.
 *
 * The grants classes take reference interfaces (`IModelPackageGroupRef`, `IModelPackageRef`), so
 * they work with a construct of this library, a `Cfn*` resource or any other implementation. What
 * only the library's constructs can do (merge statements, write a group's resource policy, know a
 * package's key and artifacts) is declared here, and a grants class uses it only after the type
 * guard below has recognised the object. The members are `@internal` on the constructs (prefixed
 * with `_`), so they are not part of the jsii API.
 */

/** What a grant on a model package group covers: the group's ARN, the pattern of its versions' ARNs, or both. */
export interface GrantScope {
  /** The group's ARN (`model-package-group/<group>`). */
  readonly group?: boolean;
  /** Every version of the group (`model-package/<group>/*`). */
  readonly versions?: boolean;
}

/**
 * A model package group of this library (`ModelPackageGroupBase`): it grants on itself, through its
 * resource policy for principals of other accounts, and merges grants into earlier statements.
 */
export interface SelfGrantingGroup extends IModelPackageGroup {
  /** Grants `actions` on the group and/or its versions. */
  _grantOn(grantee: iam.IGrantable, actions: string[], on: GrantScope): iam.Grant;
}

/**
 * Whether `group` is a model package group of this library (`ModelPackageGroupBase`).
 */
export function isSelfGrantingGroup(group: sagemakerRefs.IModelPackageGroupRef): group is SelfGrantingGroup {
  return isModelPackageGroup(group) && typeof (group as Partial<SelfGrantingGroup>)._grantOn === 'function';
}

/**
 * Whether `group` implements `IModelPackageGroup` (a group of this library, or another
 * implementation): it has a name, the ARNs of its versions and a resource policy.
 */
export function isModelPackageGroup(group: sagemakerRefs.IModelPackageGroupRef): group is IModelPackageGroup {
  const candidate = group as Partial<IModelPackageGroup>;
  return typeof candidate.arnForModelPackageVersion === 'function'
    && typeof candidate.addToResourcePolicy === 'function'
    && candidate.modelPackageGroupName !== undefined;
}

/**
 * A model package of this library (`ModelPackageBase`): what `ModelPackageGrants` adds to the grants
 * on its ARN.
 */
export interface KnownModelPackage extends sagemakerRefs.IModelPackageRef {
  /** The KMS key that encrypts the package, when known: readers may decrypt with it. */
  readonly _keyForReaders?: kmsRefs.IKeyRef;
  /** Whether the package is a version (undefined when unknown, as for imports by token). */
  readonly _versioned?: boolean;
  /** Grants pulling the package's images and reading its model data, where this app defines them. */
  _bindArtifacts(grantee: iam.IGrantable): void;
}

/**
 * Whether `modelPackage` is a model package of this library (`ModelPackageBase`).
 */
export function isKnownModelPackage(modelPackage: sagemakerRefs.IModelPackageRef): modelPackage is KnownModelPackage {
  return typeof (modelPackage as Partial<KnownModelPackage>)._bindArtifacts === 'function';
}
