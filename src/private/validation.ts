import { Token } from 'aws-cdk-lib';

/**
 * Pattern of SageMaker resource names such as `ModelPackageGroupName`, `ModelPackageName` and
 * `AlgorithmName` (CloudFormation schema and botocore: 1-63 characters).
 */
export const SAGEMAKER_NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/;
export const SAGEMAKER_NAME_MAX_LENGTH = 63;

/** Characters allowed in SageMaker descriptions: letters, marks, separators, symbols, numbers, punctuation. */
const DESCRIPTION_PATTERN = /^[\p{L}\p{M}\p{Z}\p{S}\p{N}\p{P}]*$/u;

/**
 * Returns the problems with a SageMaker resource name (empty when valid or a token).
 *
 * @param property the property name as the user wrote it, for example `modelPackageGroupName`
 */
export function validateSageMakerName(property: string, value: string | undefined): string[] {
  if (value === undefined || Token.isUnresolved(value)) {
    return [];
  }
  const errors: string[] = [];
  if (value.length < 1 || value.length > SAGEMAKER_NAME_MAX_LENGTH) {
    errors.push(`${property} must be between 1 and ${SAGEMAKER_NAME_MAX_LENGTH} characters long, got ${value.length} characters: '${value}'`);
  }
  if (value.length > 0 && !SAGEMAKER_NAME_PATTERN.test(value)) {
    errors.push(`${property} must contain only letters (a-z, A-Z), digits (0-9) and hyphens (-), and start and end with a letter or digit (pattern ${SAGEMAKER_NAME_PATTERN.source}), got '${value}'`);
  }
  return errors;
}

/**
 * Returns the problems with a SageMaker description (empty when valid or a token).
 */
export function validateDescription(property: string, value: string | undefined, maxLength = 1024): string[] {
  if (value === undefined || Token.isUnresolved(value)) {
    return [];
  }
  const errors: string[] = [];
  if (value.length > maxLength) {
    errors.push(`${property} must be at most ${maxLength} characters long, got ${value.length} characters`);
  }
  if (!DESCRIPTION_PATTERN.test(value)) {
    const bad = [...value].find((c) => !DESCRIPTION_PATTERN.test(c))!;
    errors.push(`${property} must not contain control characters such as line breaks or tabs (pattern [\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*), got ${JSON.stringify(bad)} in ${JSON.stringify(value)}`);
  }
  return errors;
}

/**
 * Throws one error listing every problem, introduced by `what` (for example the construct path), when there are any.
 */
export function throwIfErrors(what: string, errors: string[]): void {
  if (errors.length > 0) {
    throw new Error(`Invalid ${what}:\n  - ${errors.join('\n  - ')}`);
  }
}
