import { Stack, Token, TokenComparison } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DeployTimeHandler } from './deploy-time-handler';
import { LIST_ACTIONS } from './perms';
import { LatestApprovedModelPackageOptions, LookupRefresh } from '../latest-approved-model-package';
import { ModelPackageBase } from '../model-package';
import { IModelPackageGroup } from '../model-package-group';

/**
 * The context key whose value, when set, replaces the synthesis time in the properties of lookups
 * that refresh on every deployment (`ModelPackageGroup.LOOKUP_NONCE_CONTEXT_KEY`).
 */
export const LOOKUP_NONCE_CONTEXT = 'cdk-sagemaker-registry:lookupNonce';

/** Properties of a `LatestApprovedModelPackage`. */
export interface LatestApprovedModelPackageProps extends LatestApprovedModelPackageOptions {
  /** The group whose newest approved version to find. */
  readonly modelPackageGroup: IModelPackageGroup;
}

/**
 * The newest version of a model package group whose approval status is `Approved`, found at deploy
 * time (a custom resource calls ListModelPackages, sorted by creation time, newest first).
 *
 * Use it wherever an `IModelPackage` is expected, for example as a `Model` container, to deploy
 * whatever version was approved last. A group without versions, or without an approved one, fails
 * the deployment with a message that names the group. For a group in another account, the group's
 * resource policy must allow `sagemaker:ListModelPackages` to this account (its `grantRead` does).
 *
 * One Lambda function per stack serves every lookup; it may list the versions of exactly the groups
 * looked up.
 *
 * Created by `IModelPackageGroup.latestApprovedModelPackage()`; not exported: a lookup is not a
 * resource of its own.
 */
export class LatestApprovedModelPackage extends ModelPackageBase {
  /**
   * The ARN of the version found.
   *
   * @attribute
   */
  public readonly modelPackageArn: string;

  /**
   * The name of the version found, `<group>/<version>`.
   *
   * @attribute
   */
  public readonly modelPackageName: string;

  /**
   * The version number found.
   *
   * @attribute
   */
  public readonly modelPackageVersion: string;

  constructor(scope: Construct, id: string, props: LatestApprovedModelPackageProps) {
    super(scope, id);
    const group = props.modelPackageGroup;
    const stack = Stack.of(this);
    const sameAccount = Token.compareStrings(group.env.account, stack.account);
    const groupReference = sameAccount === TokenComparison.SAME || sameAccount === TokenComparison.BOTH_UNRESOLVED
      ? group.modelPackageGroupName
      : group.modelPackageGroupArn;

    const handler = DeployTimeHandler.of(this, 'latest-approved');
    handler.allow(LIST_ACTIONS, [group.modelPackageGroupArn, group.arnForModelPackageVersion('*')]);
    const refresh = props.refresh ?? LookupRefresh.EVERY_DEPLOYMENT;
    const resource = handler.newResource(this, 'Resource', 'Custom::SageMakerLatestApprovedModelPackage', {
      ModelPackageGroupName: groupReference,
      Refresh: refresh === LookupRefresh.EVERY_DEPLOYMENT ? lookupNonce(this) : undefined,
    });
    if (group.node.defaultChild) {
      // The group's name is known at synth time: make sure the group exists before the lookup.
      resource.node.addDependency(group.node.defaultChild);
    }

    this.versioned = true;
    this.modelPackageArn = resource.getAttString('ModelPackageArn');
    this.modelPackageName = resource.getAttString('ModelPackageName');
    this.modelPackageVersion = resource.getAttString('ModelPackageVersion');
  }
}

/** A value that differs between syntheses, unless the context fixes it. */
function lookupNonce(scope: Construct): string {
  const fixed = scope.node.tryGetContext(LOOKUP_NONCE_CONTEXT);
  return fixed === undefined ? new Date().toISOString() : String(fixed);
}
