import { Construct } from 'constructs';
import { STAGE_PATTERN } from './stages';
import { validateLength, validatePattern } from './validation';
import { ModelLifeCycle } from '../model-life-cycle';

/** Problems with a stage or stage status (`ModelLifeCycle.Stage`, `StageStatus`): its length, else its characters. */
export function stageValueErrors(property: string, value: string | undefined): string[] {
  if (value === undefined) {
    return [];
  }
  const length = validateLength(property, value, 1, 63);
  return length.length > 0
    ? length
    : validatePattern(property, value, STAGE_PATTERN, 'letters, digits and hyphens, starting and ending with a letter or digit');
}

/** Problems with a lifecycle stage given as `property` (none when it is absent). */
export function lifeCycleErrors(property: string, lifeCycle: ModelLifeCycle | undefined): string[] {
  if (lifeCycle === undefined) {
    return [];
  }
  return [
    ...stageValueErrors(`${property}.stage`, lifeCycle.stage),
    ...stageValueErrors(`${property}.stageStatus`, lifeCycle.stageStatus),
    ...validateLength(`${property}.stageDescription`, lifeCycle.stageDescription, 0, 1024),
  ];
}

/** The custom-resource properties of a lifecycle stage (`Stage`, `StageStatus`, `StageDescription`). */
export function lifeCycleProperties(lifeCycle: ModelLifeCycle | undefined): Record<string, string | undefined> {
  return {
    Stage: lifeCycle?.stage,
    StageStatus: lifeCycle?.stageStatus,
    StageDescription: lifeCycle?.stageDescription,
  };
}

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
