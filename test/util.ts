import { App, Stack } from 'aws-cdk-lib';

/** The account of the stacks the unit tests build. */
export const ACCOUNT = '111111111111';
/** The region of the stacks the unit tests build. */
export const REGION = 'us-east-1';
/** Another account, for cross-account cases. */
export const OTHER_ACCOUNT = '222222222222';

/**
 * A fresh app with one stack `Stack` in account 111111111111 and region us-east-1.
 */
export function newStack(): { app: App; stack: Stack } {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: { account: ACCOUNT, region: REGION } });
  return { app, stack };
}

/**
 * What `Stack.formatArn()` renders in a stack with a known account and region:
 * `arn:${AWS::Partition}<rest>`.
 */
export function partitionArn(rest: string): { 'Fn::Join': [string, [string, { Ref: string }, string]] } {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, rest]] };
}

/** The ARN of an account's root principal as `iam.AccountPrincipal` renders it. */
export function accountRoot(account: string) {
  return partitionArn(`:iam::${account}:root`);
}

/** The message of the error that `fn` throws; fails the test when it throws none. */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error, but none was thrown');
}
