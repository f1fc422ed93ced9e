import { Construct } from 'constructs';

/** What sets the stage of each version, per app, by the version's ARN (or the token of its ARN). */
const STAGE_SETTERS = new WeakMap<Construct, Map<string, string>>();

/** What already sets the stage of the version `modelPackageArn` in the app of `scope`, if anything. */
export function stageSetterOf(scope: Construct, modelPackageArn: string): string | undefined {
  return STAGE_SETTERS.get(scope.node.root)?.get(modelPackageArn);
}

/**
 * Claims setting the stage of the version `modelPackageArn` for `setter` (for example
 * `ModelPackageApproval Stack/Approve`); returns the setter that claimed it before, if any, and then
 * claims nothing. Two setters of the same version's stage in one app would undo each other at every
 * deployment.
 */
export function claimStage(scope: Construct, modelPackageArn: string, setter: string): string | undefined {
  const root = scope.node.root;
  const claimed = STAGE_SETTERS.get(root) ?? new Map<string, string>();
  STAGE_SETTERS.set(root, claimed);
  const other = claimed.get(modelPackageArn);
  if (other === undefined) {
    claimed.set(modelPackageArn, setter);
  }
  return other;
}
