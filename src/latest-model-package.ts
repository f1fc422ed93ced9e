import { ModelApprovalStatus } from './approval';
import { LatestApprovedModelPackageOptions } from './latest-approved-model-package';

/**
 * Options of `latestModelPackage()`: which versions of the group count, and when the lookup runs
 * again. A version counts when it matches every filter given; the newest such version is found.
 */
export interface LatestModelPackageOptions extends LatestApprovedModelPackageOptions {
  /**
   * Only versions with this approval status. SageMaker filters by it when listing, so it is the
   * cheapest filter.
   *
   * @default - any status
   */
  readonly approvalStatus?: ModelApprovalStatus;

  /**
   * Only versions in this lifecycle stage (`ModelLifeCycle.Stage`, for example `Production`; 1-63
   * letters, digits and hyphens; compared exactly).
   *
   * @default - any stage, and versions without a stage
   */
  readonly stage?: string;

  /**
   * Only versions with this status within `stage` (`ModelLifeCycle.StageStatus`, for example
   * `Approved`); requires `stage`.
   *
   * @default - any status within the stage
   */
  readonly stageStatus?: string;

  /**
   * Only versions whose customer metadata (`CustomerMetadataProperties`) has every one of these
   * keys with exactly these values (other keys do not matter). Reading a version's metadata takes
   * one DescribeModelPackage call per version, newest first, until one matches.
   *
   * @default - any metadata
   */
  readonly customerMetadata?: { [key: string]: string };
}
