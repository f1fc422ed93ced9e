import { Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DeployTimeHandler } from './deploy-time-handler';
import { ModelApprovalStatus } from '../../approval';
import { LookupRefresh } from '../../latest-approved-model-package';
import { LatestModelPackageOptions } from '../../latest-model-package';
import { ModelPackageBase } from '../../model-package';
import { IModelPackageGroup } from '../../model-package-group';
import { LIST_ACTIONS } from '../iam/perms';
import { groupReference } from '../refs/accounts';
import { throwIfErrors } from '../validate/error';
import { lookupFilterErrors } from '../validate/lookup-filter';

/**
 * The context key whose value, when set, replaces the synthesis time in the properties of lookups
 * that refresh on every deployment (`ModelPackageGroup.LOOKUP_NONCE_CONTEXT_KEY`).
 */
export const LOOKUP_NONCE_CONTEXT = 'cdk-sagemaker-registry:lookupNonce';

/**
 * The value of the lookup's `ApprovalStatus` property that matches every status. Without the
 * property, a lookup matches `Approved` versions only: that is what every lookup meant before the
 * property existed (`latestApprovedModelPackage()`), and what its templates still render.
 */
export const ANY_APPROVAL_STATUS = 'Any';

/** Properties of a `LatestModelPackage`. */
export interface LatestModelPackageProps extends LatestModelPackageOptions {
  /** The group whose newest matching version to find. */
  readonly modelPackageGroup: IModelPackageGroup;

  /** The method that created the lookup, for error messages: `latestModelPackage` or `latestApprovedModelPackage`. */
  readonly method: string;
}

/**
 * The newest version of a model package group that matches the filters (approval status, stage,
 * stage status, customer metadata), found at deploy time: a custom resource lists the group's
 * versions (ListModelPackages, filtered by approval status, sorted by creation time, newest first),
 * page by page, and takes the first that matches the other filters, reading a version's stage from
 * its summary and describing it only when the summary does not tell (and for customer metadata).
 *
 * Use it wherever an `IModelPackage` is expected, for example as a `Model` container, to deploy
 * whatever version matched last. A group without versions, or without a matching one, fails the
 * deployment with a message that names the group and the filter. For a group in another account, the
 * group's resource policy must allow `sagemaker:ListModelPackages` (and, with a stage or metadata
 * filter, `sagemaker:DescribeModelPackage`) to this account (its `grantRead` does).
 *
 * One Lambda function per stack serves every lookup; it may list (and, with a stage or metadata
 * filter, describe) the versions of exactly the groups looked up.
 *
 * Created by `IModelPackageGroup.latestModelPackage()` and `latestApprovedModelPackage()` (the
 * short form for `approvalStatus: APPROVED`, whose template is that of a lookup without filters);
 * not exported: a lookup is not a resource of its own.
 */
export class LatestModelPackage extends ModelPackageBase {
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

  constructor(scope: Construct, id: string, props: LatestModelPackageProps) {
    super(scope, id);
    const metadata = props.customerMetadata;
    throwIfErrors(`${props.method} ${this.node.path}`, lookupFilterErrors(props));
    const group = props.modelPackageGroup;
    const hasMetadata = metadata !== undefined && (Token.isUnresolved(metadata) || Object.keys(metadata).length > 0);

    const handler = DeployTimeHandler.of(this, 'latest-approved');
    handler.allow(LIST_ACTIONS, [group.modelPackageGroupArn, group.arnForModelPackageVersion('*')]);
    if (props.stage !== undefined || hasMetadata) {
      // A version's customer metadata (and its stage, when its summary does not carry it) is read with
      // DescribeModelPackage, asking for metadata only (IncludedData MetadataOnly: no kms:Decrypt needed).
      handler.allow(['sagemaker:DescribeModelPackage'], [group.arnForModelPackageVersion('*')]);
    }
    const refresh = props.refresh ?? LookupRefresh.EVERY_DEPLOYMENT;
    const resource = handler.newResource(this, 'Resource', 'Custom::SageMakerLatestApprovedModelPackage', {
      ModelPackageGroupName: groupReference(this, group),
      // Absent: Approved (see ANY_APPROVAL_STATUS), so that latestApprovedModelPackage() renders as it always did.
      ApprovalStatus: props.approvalStatus === ModelApprovalStatus.APPROVED ? undefined : (props.approvalStatus ?? ANY_APPROVAL_STATUS),
      Stage: props.stage,
      StageStatus: props.stageStatus,
      CustomerMetadata: hasMetadata ? metadata : undefined,
      Refresh: refresh === LookupRefresh.EVERY_DEPLOYMENT ? lookupNonce(this) : undefined,
    });
    if (group.node.defaultChild) {
      // The group's name is known at synth time: make sure the group exists before the lookup.
      resource.node.addDependency(group.node.defaultChild);
    }

    this.modelPackageArn = resource.getAttString('ModelPackageArn');
    this.modelPackageName = resource.getAttString('ModelPackageName');
    this.modelPackageVersion = resource.getAttString('ModelPackageVersion');
  }

  /** The lookup always finds a version of the group. */
  protected get versioned(): boolean | undefined {
    return true;
  }
}

/** A value that differs between syntheses, unless the context fixes it. */
function lookupNonce(scope: Construct): string {
  const fixed = scope.node.tryGetContext(LOOKUP_NONCE_CONTEXT);
  return fixed === undefined ? new Date().toISOString() : String(fixed);
}
