import { App, CfnElement, Stack, aws_iam as iam } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { IConstruct } from 'constructs';
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

/** A role SageMaker can assume, to grant to. */
export function newRole(scope: IConstruct, id = 'Role'): iam.Role {
  return new iam.Role(scope, id, { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
}

/** The logical id of a CloudFormation element, or of a construct's default child. */
export function logicalIdOf(construct: IConstruct): string {
  const element = CfnElement.isCfnElement(construct) ? construct : construct.node.defaultChild as CfnElement;
  return Stack.of(construct).getLogicalId(element);
}

/** The statements of the only identity policy of `stack`'s template. */
export function policyStatementsOf(stack: Stack): any[] {
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')) as any[];
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument.Statement;
}

/** The statements of the identity policy of `role`, which must be the only policy of its template. */
export function roleStatementsOf(role: iam.Role): any[] {
  const policies = Object.values(Template.fromStack(Stack.of(role)).findResources('AWS::IAM::Policy')) as any[];
  expect(policies).toHaveLength(1);
  expect(policies[0].Properties.Roles).toEqual([{ Ref: logicalIdOf(role) }]);
  return policies[0].Properties.PolicyDocument.Statement;
}

/** Asserts that nothing was granted to `role`: any grant would have created its default policy. */
export function expectNoPolicy(role: iam.Role): void {
  expect(role.node.tryFindChild('DefaultPolicy')).toBeUndefined();
}

/** The statements of the approval handler's policy, after the one for its logs. */
export function approvalHandlerStatements(stack: Stack): any[] {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  const matching = Object.entries(policies).filter(([id]) => id.startsWith('CdkSageMakerRegistryApprovalHandlerPolicy'));
  expect(matching).toHaveLength(1);
  const statements = (matching[0][1] as any).Properties.PolicyDocument.Statement;
  expect(statements[0].Action).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  return statements.slice(1);
}

/** The resources of one type in `stack`'s template, as [logical id, resource] pairs. */
export function resourcesOf(stack: Stack, type: string): [string, any][] {
  return Object.entries(Template.fromStack(stack).findResources(type));
}
