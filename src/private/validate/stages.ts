import { Token } from 'aws-cdk-lib';
import { validateLength, validatePattern } from './values';
import { ModelLifeCycle } from '../../model-life-cycle';

/**
 * `ModelLifeCycle` `Stage` and `StageStatus` (botocore `ModelLifeCycle`: 1-63 characters,
 * `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}`).
 */
export const STAGE_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

const STAGE_ALLOWED = '1-63 letters, digits and hyphens, starting and ending with a letter or digit';

/**
 * Problems with an optional list of lifecycle stages or stage statuses: each must match
 * `STAGE_PATTERN`, and a list that is given must not be empty (empty when valid or a token).
 *
 * @param property the property as the user wrote it, for example `stages`
 * @param noun what one value is, for example `stage`
 */
export function stageListErrors(property: string, values: string[] | undefined, noun: string): string[] {
  if (values === undefined || Token.isUnresolved(values)) {
    return [];
  }
  const errors: string[] = [];
  if (values.length === 0) {
    errors.push(`${property} must name at least one ${noun} when given, got an empty list (leave it out for any ${noun})`);
  }
  values.forEach((value, i) => errors.push(...validatePattern(`${property}[${i}]`, value, STAGE_PATTERN, STAGE_ALLOWED)));
  return errors;
}

/** Problems with one stage or stage status (empty when valid or a token). */
export function stageErrors(property: string, value: string): string[] {
  return validatePattern(property, value, STAGE_PATTERN, STAGE_ALLOWED);
}

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
