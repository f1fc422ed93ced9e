import { Arn, ArnFormat, Token } from 'aws-cdk-lib';
import { SAGEMAKER_NAME_MAX_LENGTH, SAGEMAKER_NAME_PATTERN, ValidationError } from './validation';

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
  const match = /^arn:(aws[a-zA-Z-]*):sagemaker:([a-z0-9-]+):(\d{12}):([a-z-]+)\/(.+)$/.exec(arn);
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
