import { Token, aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { stageErrors, stageListErrors } from './stages';
import { ShareOptions, SharePurpose } from '../../model-package-group-sharing';
import { accountRelation } from '../refs/accounts';
import { displayValue } from '../refs/display';

/** Problems with the options of a share, other than the principal's. */
export function shareOptionErrors(options: ShareOptions): string[] {
  const errors: string[] = [];
  const purposes = Object.values(SharePurpose) as string[];
  if (!purposes.includes(options.purpose)) {
    errors.push(`purpose must be one of ${purposes.join(', ')}, got ${JSON.stringify(options.purpose)}`);
  }
  const changeStage = options.purpose === SharePurpose.CHANGE_STAGE;
  if (changeStage && options.stages === undefined) {
    errors.push('stages is required with purpose CHANGE_STAGE (the stages the principal may move versions to), got none');
  }
  if (!changeStage && options.stages !== undefined) {
    errors.push(`stages can only be given with purpose CHANGE_STAGE, got stages ${JSON.stringify(options.stages)} with purpose ${options.purpose}`);
  }
  if (!changeStage && options.stageStatuses !== undefined) {
    errors.push(`stageStatuses can only be given with purpose CHANGE_STAGE, got stageStatuses ${JSON.stringify(options.stageStatuses)} with purpose ${options.purpose}`);
  }
  if (changeStage && options.stages !== undefined && !Token.isUnresolved(options.stages)) {
    if (options.stages.length === 0) {
      errors.push('stages must name at least one stage, got an empty list');
    }
    options.stages.forEach((stage, i) => errors.push(...stageErrors(`stages[${i}]`, stage)));
  }
  if (changeStage) {
    errors.push(...stageListErrors('stageStatuses', options.stageStatuses, 'status'));
  }
  (options.artifacts?.buckets ?? []).forEach((entry, i) => {
    const prefix = entry.prefix;
    if (prefix !== undefined && !Token.isUnresolved(prefix) && /[*?]/.test(prefix)) {
      errors.push(`artifacts.buckets[${i}].prefix must not contain the IAM wildcards * or ? (the prefix is literal; `
        + `objects under it are matched), got '${prefix}'`);
    }
  });
  return errors;
}

/** The condition keys that limit a `"*"` AWS principal to an organization (or a part of it). */
const ORGANIZATION_KEYS = ['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths'];

/**
 * Problems with the principal of a share: it must be an AWS account, an organization, or an IAM role or
 * user; not a service, a federated or canonical user, or anyone; and not the group's own account (whose
 * IAM principals get access through their own policies: share with them instead).
 */
export function sharePrincipalErrors(group: IConstruct & { readonly env: { account: string } }, grantee: iam.IGrantable): string[] {
  const principal = grantee.grantPrincipal;
  const fragment = principal.policyFragment;
  const kinds = Object.keys(fragment.principalJson);
  const values = fragment.principalJson.AWS ?? [];
  const conditionKeys = Object.values(fragment.conditions ?? {}).flatMap((condition) => Object.keys(condition as object));
  const anyone = values.includes('*') && !conditionKeys.some((key) => ORGANIZATION_KEYS.includes(key));
  if (kinds.length === 0 || kinds.some((kind) => kind !== 'AWS') || anyone) {
    return ['principal must be an account (iam.AccountPrincipal), an organization (iam.OrganizationPrincipal), or an '
      + `IAM role or user (a Role, a User or an iam.ArnPrincipal), got ${principal.toString()} `
      + `(${JSON.stringify(displayValue(group, fragment.principalJson))})`];
  }
  if (principal instanceof iam.AccountPrincipal && accountRelation(group, principal.principalAccount, group.env.account) === 'same') {
    return [`principal must not be the group's own account ${JSON.stringify(displayValue(group, group.env.account))}: `
      + 'its roles and users get access through their own IAM policies, so share with them (for example a Role) instead'];
  }
  return [];
}
