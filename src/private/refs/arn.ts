import { Arn, ArnFormat, Fn, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ValidationError } from '../validate/error';
import { SAGEMAKER_NAME_MAX_LENGTH, SAGEMAKER_NAME_PATTERN } from '../validate/values';

/*
 * SageMaker ARNs: parsed from what users give (`from*Arn`), and formatted, always with
 * `Stack.formatArn` (this stack's account and region) or `Arn.format` (the parts of a parsed ARN).
 */

/** A literal SageMaker ARN: partition, region, account, resource type and resource name. */
const SAGEMAKER_ARN_PATTERN = /^arn:(aws[a-zA-Z-]*):sagemaker:([a-z0-9-]+):(\d{12}):([a-z-]+)\/(.+)$/;

/** The parts of a SageMaker resource ARN `arn:<partition>:sagemaker:<region>:<account>:<type>/<name>`. */
export interface ParsedSageMakerArn {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  /** The resource name (for versioned model packages: the group name). */
  readonly resourceName: string;
}

/**
 * Parses a SageMaker ARN of the given resource type (for example `model-package-group`).
 *
 * A literal ARN is checked strictly and a malformed one is an error that echoes it. A token ARN
 * (a parameter, an import) cannot be checked; its parts become CloudFormation functions.
 */
export function parseSageMakerArn(arn: string, resourceType: string, method: string): ParsedSageMakerArn {
  if (Token.isUnresolved(arn)) {
    const parts = Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME);
    return {
      partition: parts.partition!,
      region: parts.region!,
      account: parts.account!,
      resourceName: parts.resourceName!,
    };
  }
  const expected = `arn:<partition>:sagemaker:<region>:<account-id>:${resourceType}/<name>`;
  // The parameter (or attribute) that holds the ARN: modelArn, endpointConfigArn, ...
  const parameter = `${resourceType.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}Arn`;
  const match = SAGEMAKER_ARN_PATTERN.exec(arn);
  if (!match || match[4] !== resourceType) {
    throw new ValidationError(method, [`${parameter} must be a SageMaker ${resourceType} ARN ${expected}, got '${arn}'`]);
  }
  const [, partition, region, account, , resourceName] = match;
  if (resourceName.length > SAGEMAKER_NAME_MAX_LENGTH || !SAGEMAKER_NAME_PATTERN.test(resourceName)) {
    throw new ValidationError(method, [`${parameter} must name a valid ${resourceType} (1-${SAGEMAKER_NAME_MAX_LENGTH} characters `
      + `matching ${SAGEMAKER_NAME_PATTERN.source}) in ${expected}, got the name '${resourceName}' in '${arn}'`]);
  }
  return { partition, region, account, resourceName };
}

/** The account, region and partition of an ARN, as `parseSageMakerArn()` returns them. */
export interface ArnEnvironment {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
}

/**
 * The ARN of the SageMaker resource `<resourceType>/<resourceName>`: in the account and region of
 * the stack of `scope`, or in those of `environment` (the parts of another ARN).
 */
export function sageMakerArn(scope: IConstruct, resourceType: string, resourceName: string, environment?: ArnEnvironment): string {
  if (environment === undefined) {
    return Stack.of(scope).formatArn({ service: 'sagemaker', resource: resourceType, resourceName });
  }
  return Arn.format({
    partition: environment.partition,
    service: 'sagemaker',
    region: environment.region,
    account: environment.account,
    resource: resourceType,
    resourceName,
  });
}

/** A version number of a model package group: 1 to 999999999, without leading zeros. */
const VERSION_PATTERN = /^[1-9]\d{0,8}$/;

/**
 * The name of version `version` of the group `groupName`, `<group>/<version>`: the resource name
 * of a version's ARN (`version` may be `*` for every version).
 */
export function modelPackageVersionName(groupName: string, version: string): string {
  return `${groupName}/${version}`;
}

/** The name in a model package ARN that is a token, as a CloudFormation function: `<group>/<version>` for a version. */
export function modelPackageNameOf(arn: string): string {
  return Fn.select(1, Fn.split(':model-package/', arn));
}

/** The version number in the ARN of a version that is a token, as a CloudFormation function. */
export function modelPackageVersionOf(versionArn: string): string {
  return Fn.select(2, Fn.split('/', versionArn));
}

/** What a model package ARN or name says: the package's name, and whether it is a version. */
export interface ParsedModelPackage {
  /** `<group>/<version>` for a version, the package's name otherwise. */
  readonly modelPackageName: string;
  /** Whether the package is a version of a group (undefined when the ARN is a token). */
  readonly versioned?: boolean;
}

/**
 * Parses a model package ARN: a version (`model-package/<group>/<version>`) or an unversioned
 * package (`model-package/<name>`). A literal ARN is checked strictly; a token ARN cannot be, and
 * its name becomes a CloudFormation function.
 */
export function parseModelPackageArn(arn: string, method: string): ParsedModelPackage {
  if (Token.isUnresolved(arn)) {
    return { modelPackageName: modelPackageNameOf(arn) };
  }
  const match = SAGEMAKER_ARN_PATTERN.exec(arn);
  if (!match || match[4] !== 'model-package' || !isModelPackageName(match[5])) {
    throw new ValidationError(method, ['modelPackageArn must be a SageMaker model package ARN: '
      + 'arn:<partition>:sagemaker:<region>:<account-id>:model-package/<group>/<version> for a version or '
      + `arn:<partition>:sagemaker:<region>:<account-id>:model-package/<name> for an unversioned package, got '${arn}'`]);
  }
  return { modelPackageName: match[5], versioned: isVersionName(match[5]) };
}

/**
 * Whether a literal model package name, `<group>/<version>` for a version or the name of an
 * unversioned package, is well formed (a token is not checked).
 */
export function isModelPackageName(modelPackageName: string): boolean {
  if (Token.isUnresolved(modelPackageName)) {
    return true;
  }
  const [name, version, ...rest] = modelPackageName.split('/');
  return rest.length === 0 && name.length <= SAGEMAKER_NAME_MAX_LENGTH && SAGEMAKER_NAME_PATTERN.test(name)
    && (version === undefined || VERSION_PATTERN.test(version));
}

/** Whether a model package name is a version's (`<group>/<version>`); undefined for a token. */
export function isVersionName(modelPackageName: string): boolean | undefined {
  return Token.isUnresolved(modelPackageName) ? undefined : modelPackageName.includes('/');
}
