import { App, Stack } from 'aws-cdk-lib';
import { ENV } from './constants';

/**
 * A fresh app with one stack `Stack` in the tests' account and region (`ENV` of ./constants).
 */
export function newStack(): { app: App; stack: Stack } {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: ENV });
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
