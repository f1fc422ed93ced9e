import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * A value resolved in the stack of `scope`, with CloudFormation intrinsics written the way `Fn::Sub` does
 * (`arn:${AWS::Partition}:iam::222222222222:root`), for messages that a person copies into a policy.
 */
export function displayValue(scope: IConstruct, value: unknown): unknown {
  return readable(Stack.of(scope).resolve(value));
}

function readable(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(readable);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [key, argument] = entries[0];
    if (key === 'Ref' && typeof argument === 'string') {
      return `\${${argument}}`;
    }
    if (key === 'Fn::GetAtt' && Array.isArray(argument)) {
      return `\${${argument.join('.')}}`;
    }
    if (key === 'Fn::Join' && Array.isArray(argument) && argument.length === 2 && Array.isArray(argument[1])) {
      const parts = (argument[1] as unknown[]).map(readable);
      if (parts.every((part) => typeof part === 'string')) {
        return parts.join(String(argument[0]));
      }
    }
  }
  return Object.fromEntries(entries.map(([key, inner]) => [key, readable(inner)]));
}
