/**
 * When a deploy-time lookup runs again.
 */
export enum LookupRefresh {
  /**
   * On every deployment of the stack: a version approved since the last deployment is picked up.
   * The lookup's properties carry the synthesis time, or the value of the context key
   * `cdk-sagemaker-registry:lookupNonce` when it is set (for deterministic snapshot tests).
   */
  EVERY_DEPLOYMENT = 'EveryDeployment',

  /**
   * Only when the lookup's inputs (the group) change: the version found first stays until then.
   */
  ON_CHANGE = 'OnChange',
}

/**
 * Options of `latestApprovedModelPackage()`.
 */
export interface LatestApprovedModelPackageOptions {
  /**
   * When the lookup runs again.
   *
   * @default LookupRefresh.EVERY_DEPLOYMENT
   */
  readonly refresh?: LookupRefresh;
}
