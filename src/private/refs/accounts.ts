import { Stack, Token, TokenComparison } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/*
 * How references cross accounts: whether two accounts are the same, and how a model package group
 * is referred to from a stack (by name in its own account, by ARN from another).
 */

/**
 * Whether `a` and `b` name the same account as far as synthesis can tell: equal, or both tokens
 * (which `iam.Grant.addToPrincipalOrResource` counts as the same account too).
 */
export function sameAccount(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) {
    return false;
  }
  const comparison = Token.compareStrings(a, b);
  return comparison === TokenComparison.SAME || comparison === TokenComparison.BOTH_UNRESOLVED;
}

/** A model package group as a reference to it needs it. */
export interface GroupReferable {
  readonly env: { readonly account: string };
  readonly modelPackageGroupName: string;
  readonly modelPackageGroupArn: string;
}

/**
 * How the stack of `scope` refers to `group` in `ModelPackageGroupName` properties: by its name in
 * the group's own account, by its ARN from another account (SageMaker takes either).
 */
export function groupReference(scope: IConstruct, group: GroupReferable): string {
  return sameAccount(group.env.account, Stack.of(scope).account) ? group.modelPackageGroupName : group.modelPackageGroupArn;
}

/** How two accounts compare: both known and equal, both known and different, or not known. */
export type AccountRelation = 'same' | 'different' | 'unknown';

/**
 * How the accounts `a` and `b` compare, resolved in the stack of `scope` (so that `AccountRootPrincipal`
 * and `Aws.ACCOUNT_ID` compare as the stack's account). Two equal tokens count as the same account, as in
 * `iam.Grant.addToPrincipalOrResource`.
 */
export function accountRelation(scope: IConstruct, a: string | undefined, b: string | undefined): AccountRelation {
  if (a === undefined || b === undefined) {
    return 'unknown';
  }
  const stack = Stack.of(scope);
  const resolvedA = stack.resolve(a);
  const resolvedB = stack.resolve(b);
  if (JSON.stringify(resolvedA) === JSON.stringify(resolvedB)) {
    return 'same';
  }
  return typeof resolvedA === 'string' && typeof resolvedB === 'string' ? 'different' : 'unknown';
}
