import { RemovalPolicy, Token } from 'aws-cdk-lib';

/*
 * The value rules of the validation layer: each `validate*()` returns the problems with one value as
 * messages that start with the property (empty when the value is valid or a token); `error.ts`
 * turns them into the one `ValidationError`.
 */

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
 * `S3Uri`, `ModelDataUrl`, `SamplePayloadUrl` pattern of the SageMaker API (`(https|s3)://([^/]+)/?(.*)`,
 * at most 1024 characters), with the `.` of CloudFormation's schema, which excludes line feeds.
 */
export const S3_URI_PATTERN = /^(https|s3):\/\/([^/]+)\/?([^\n]*)$/;
/**
 * The same for values sent to the API directly (an algorithm's validation jobs, through its custom
 * resource): any character after the bucket, as the API model's `.` is read (docs/validation.md).
 */
const API_S3_URI_PATTERN = /^(https|s3):\/\/([^/]+)\/?(.*)$/s;
/** `ContentDigest` / `ImageDigest` pattern. */
export const SHA256_DIGEST_PATTERN = /^[Ss][Hh][Aa]256:[0-9a-fA-F]{64}$/;

/** Problems with a literal string's length and characters (empty when within bounds or a token). */
export function validateLength(property: string, value: string | undefined, min: number, max: number): string[] {
  if (value === undefined || Token.isUnresolved(value)) {
    return [];
  }
  const errors = validateTemplateText(property, value);
  if (value.length < min || value.length > max) {
    const shown = value.length > 80 ? `${value.slice(0, 80)}...` : value;
    errors.unshift(`${property} must be between ${min} and ${max} characters long, got ${value.length} characters: '${shown}'`);
  }
  return errors;
}

/**
 * Characters that a CloudFormation template cannot carry: DEL and the C1 control characters (except
 * U+0085), the non-characters U+FFFE and U+FFFF, and unpaired surrogates. Templates are read as YAML
 * (a superset of JSON) by cfn-lint and other tools, and YAML allows none of them, escaped or not.
 */
const UNTEMPLATABLE = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A value as the messages show it: JSON-quoted, with the characters of `UNTEMPLATABLE` escaped. */
export function printable(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Problems with a literal string that a CloudFormation template cannot carry (empty for a token). */
export function validateTemplateText(property: string, value: string | undefined): string[] {
  if (value === undefined || Token.isUnresolved(value)) {
    return [];
  }
  const bad = UNTEMPLATABLE.exec(value)?.[0];
  if (bad === undefined) {
    return [];
  }
  const code = `U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const shown = value.length > 80 ? `${printable(value.slice(0, 80))}... (${value.length} characters)` : printable(value);
  return [`${property} must not contain ${code} (a control character, non-character or unpaired surrogate), which a CloudFormation `
    + `template cannot carry (YAML-based tools such as cfn-lint cannot read the template), got ${shown}`];
}

/** Problems with a literal string that must match a pattern (empty when it matches or is a token). */
export function validatePattern(property: string, value: string | undefined, pattern: RegExp, allowed: string): string[] {
  if (value === undefined || Token.isUnresolved(value) || pattern.test(value)) {
    return [];
  }
  return [`${property} must be ${allowed} (pattern ${pattern.source}), got '${value}'`];
}

/**
 * Problems with an S3 or HTTPS URI of the SageMaker API.
 *
 * @param apiOnly whether the value goes to the API directly rather than through a CloudFormation schema
 */
export function validateS3Uri(property: string, value: string | undefined, apiOnly = false): string[] {
  return [
    ...validateLength(property, value, 1, 1024),
    ...validatePattern(property, value, apiOnly ? API_S3_URI_PATTERN : S3_URI_PATTERN, 'an s3:// or https:// URI'),
  ];
}

/** Problems with a `sha256:<64 hex digits>` digest. */
export function validateDigest(property: string, value: string | undefined): string[] {
  return validatePattern(property, value, SHA256_DIGEST_PATTERN, "'sha256:' followed by 64 hexadecimal digits");
}

/** Problems with an integer that must be within bounds (empty when within bounds or a token). */
export function validateInteger(property: string, value: number | undefined, min: number, max?: number): string[] {
  if (value === undefined || Token.isUnresolved(value)) {
    return [];
  }
  if (!Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    const range = max === undefined ? `at least ${min}` : `between ${min} and ${max}`;
    return [`${property} must be an integer ${range}, got ${value}`];
  }
  return [];
}

/** Names of environment variables: letters, digits and underscores, not starting with a digit. */
const ENVIRONMENT_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Problems with a container environment map. */
export function validateEnvironment(
  property: string,
  environment: { [name: string]: string } | undefined,
  limits: { maxEntries: number; maxValueLength: number }): string[] {
  if (environment === undefined || Token.isUnresolved(environment)) {
    return [];
  }
  const errors = validateNotIntrinsic(property, environment);
  const names = Object.keys(environment);
  if (names.length > limits.maxEntries) {
    errors.push(`${property} must have at most ${limits.maxEntries} entries, got ${names.length}: ${names.join(', ')}`);
  }
  for (const name of names) {
    if (Token.isUnresolved(name)) {
      continue;
    }
    if (name.length > 1024 || !ENVIRONMENT_NAME_PATTERN.test(name)) {
      errors.push(`${property} names must be 1-1024 letters, digits and underscores not starting with a digit `
        + `(pattern ${ENVIRONMENT_NAME_PATTERN.source}), got '${name}'`);
    }
    errors.push(...validateLength(`${property}.${name}`, environment[name], 0, limits.maxValueLength));
  }
  return errors;
}

/**
 * Problems with a map that CloudFormation would read as an intrinsic function: an object whose only
 * key is `Ref` or `Fn::<name>` is a function call in a template, not data (empty for a token).
 */
export function validateNotIntrinsic(property: string, map: { [key: string]: string } | undefined): string[] {
  if (map === undefined || Token.isUnresolved(map)) {
    return [];
  }
  const keys = Object.keys(map);
  if (keys.length !== 1 || (keys[0] !== 'Ref' && !keys[0].startsWith('Fn::'))) {
    return [];
  }
  return [`${property} must not have '${keys[0]}' as its only key: CloudFormation reads an object whose only key is Ref or Fn::<name> `
    + `as an intrinsic function, not as data; rename the entry or add another, got {${JSON.stringify(keys[0])}: ${printable(String(map[keys[0]]))}}`];
}

/** Problems with a list whose length is bounded (empty when within bounds or a token). */
export function validateCount(property: string, list: unknown[] | undefined, min: number, max: number): string[] {
  if (list === undefined || Token.isUnresolved(list)) {
    return [];
  }
  if (list.length < min || list.length > max) {
    return [`${property} must have between ${min} and ${max} entries, got ${list.length}`];
  }
  return [];
}

/** Problems with names that must be unique within a list. */
export function validateUnique(property: string, names: string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const name of names) {
    if (Token.isUnresolved(name)) {
      continue;
    }
    if (seen.has(name)) {
      duplicates.add(name);
    }
    seen.add(name);
  }
  return duplicates.size > 0
    ? [`${property} must be unique, got duplicates: ${[...duplicates].map((n) => `'${n}'`).join(', ')}`]
    : [];
}

/**
 * Problems with a removal policy: SageMaker resources have no snapshots, so CloudFormation rejects
 * `DeletionPolicy: Snapshot` on them (CDK only warns, and only renders it).
 */
export function validateRemovalPolicy(property: string, policy: RemovalPolicy | undefined, resourceType: string): string[] {
  if (policy === RemovalPolicy.SNAPSHOT) {
    return [`${property} must be RemovalPolicy.DESTROY, RemovalPolicy.RETAIN or RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE `
      + `(${resourceType} has no snapshots, so CloudFormation rejects DeletionPolicy Snapshot), got RemovalPolicy.SNAPSHOT`];
  }
  return [];
}

/** Problems with a value that must be one of an enum's values (a JavaScript caller or a cast can pass any string). */
export function validateEnumValue(property: string, value: string | undefined, values: string[], enumName: string): string[] {
  if (value === undefined || Token.isUnresolved(value) || values.includes(value)) {
    return [];
  }
  return [`${property} must be one of ${values.map((v) => `'${v}'`).join(', ')} (${enumName}), got '${value}'`];
}
