import { aws_iam as iam } from 'aws-cdk-lib';
import { IModelPackageGroup } from './model-package-group';
import {
  APPROVE_ACTIONS,
  GROUP_READ_ACTIONS,
  LIST_ACTIONS,
  REGISTER_ACTIONS,
  VERSION_READ_ACTIONS,
} from './private/perms';

/** What a grant covers: the group's ARN, the pattern of its versions' ARNs, or both. */
interface GrantScope {
  readonly group?: boolean;
  readonly versions?: boolean;
}

/** A group that knows how to grant on itself (`ModelPackageGroupBase`). */
interface SelfGranting {
  _grantOn(grantee: iam.IGrantable, actions: string[], on: GrantScope): iam.Grant;
}

/**
 * Grants on a model package group and its versions, the companion of `ModelPackageGroup`
 * (`group.grants`).
 *
 * Every grant is scoped to the group (`model-package-group/<group>`) and/or its versions
 * (`model-package/<group>/*`). A principal in another account than the group is added to the
 * group's resource policy as well.
 */
export class ModelPackageGroupGrants {
  /**
   * The grants of a model package group.
   */
  public static fromModelPackageGroup(group: IModelPackageGroup): ModelPackageGroupGrants {
    return new ModelPackageGroupGrants(group);
  }

  private constructor(private readonly group: IModelPackageGroup) {}

  /**
   * Grants the given actions on the group and on all of its versions.
   */
  public actions(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return this.on(grantee, actions, { group: true, versions: true });
  }

  /**
   * Grants describing the group and listing and describing its versions:
   * `DescribeModelPackageGroup` and `ListModelPackages` on the group; `DescribeModelPackage`,
   * `BatchDescribeModelPackage` and `ListModelPackages` on its versions.
   */
  public read(grantee: iam.IGrantable): iam.Grant {
    return this.on(grantee, [...GROUP_READ_ACTIONS, ...LIST_ACTIONS], { group: true })
      .combine(this.on(grantee, [...VERSION_READ_ACTIONS, ...LIST_ACTIONS], { versions: true }));
  }

  /**
   * Grants registering new versions into the group (`CreateModelPackage` on its versions).
   */
  public register(grantee: iam.IGrantable): iam.Grant {
    return this.on(grantee, REGISTER_ACTIONS, { versions: true });
  }

  /**
   * Grants changing the approval status of the group's versions (`UpdateModelPackage`), plus
   * reading them to decide.
   */
  public approve(grantee: iam.IGrantable): iam.Grant {
    return this.on(grantee, [...APPROVE_ACTIONS, ...VERSION_READ_ACTIONS, ...LIST_ACTIONS], { versions: true });
  }

  private on(grantee: iam.IGrantable, actions: string[], on: GrantScope): iam.Grant {
    const selfGranting = this.group as unknown as Partial<SelfGranting>;
    if (typeof selfGranting._grantOn === 'function') {
      return selfGranting._grantOn(grantee, actions, on);
    }
    // Another implementation of IModelPackageGroup: grant on its ARNs, through its resource policy when needed.
    const resourceArns = [
      ...(on.group ? [this.group.modelPackageGroupArn] : []),
      ...(on.versions ? [this.group.arnForModelPackageVersion('*')] : []),
    ];
    return iam.Grant.addToPrincipalOrResource({ grantee, actions, resourceArns, resource: this.group });
  }
}
