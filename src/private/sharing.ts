import { Annotations, Stack, Token, aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import {
  ArtifactPolicyType,
  PendingArtifactStatement,
  ShareArtifacts,
  ShareOptions,
  SharePurpose,
} from '../model-package-group-sharing';
import { stageErrors, stageListErrors } from './stages';

/** Creating a model from a version (the cross-account deployment policy of the SageMaker Developer Guide). */
export const DEPLOY_ACTIONS = ['sagemaker:CreateModel'];

/** Reading artifact objects, and listing them (with an `s3:prefix` condition when a prefix is given). */
const S3_OBJECT_ACTIONS = ['s3:GetObject'];
const S3_LIST_ACTIONS = ['s3:ListBucket'];
/** Decrypting artifacts or versions encrypted with a KMS key. */
const KMS_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'];
/** Pulling an image (the repository-scoped actions of `ecr.Repository.grantPull`). */
const ECR_PULL_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];
/** Logging in to ECR: not resource-scoped, so only ever in the principal's own policy. */
const ECR_LOGIN_ACTIONS = ['ecr:GetAuthorizationToken'];

/** The warning on an imported artifact whose policy a share needs but cannot change. */
export const PENDING_ARTIFACT_WARNING = 'cdk-sagemaker-registry:shareArtifactPolicyNotAdded';

/** How two accounts compare: both known and equal, both known and different, or not known. */
type AccountRelation = 'same' | 'different' | 'unknown';

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

/** A resource with a resource policy that a share grants on: an S3 bucket, a KMS key or an ECR repository. */
interface ArtifactResource extends iam.IResourceWithPolicy {
  addToResourcePolicy(statement: iam.PolicyStatement): iam.AddToResourcePolicyResult;
}

/** One statement of an artifact grant: its actions, resources and conditions. */
interface StatementSpec {
  readonly actions: string[];
  readonly resources?: string[];
  readonly conditions?: Record<string, Record<string, unknown>>;
}

/** The grant on one artifact: what goes into the principal's policy, and what into the artifact's. */
interface ArtifactGrantSpec {
  readonly artifact: ArtifactResource;
  readonly policyType: ArtifactPolicyType;
  /** What the warning calls the artifact, for example `bucket models`. */
  readonly label: string;
  /** The artifact's ARN, which the grants name. */
  readonly arn: string;
  readonly principalStatements: StatementSpec[];
  readonly resourceStatements: StatementSpec[];
}

/** What sharing granted on the artifacts, and the statements their owners must add. */
export interface ArtifactShareResult {
  readonly grant?: iam.Grant;
  readonly pending: PendingArtifactStatement[];
}

/**
 * Grants `grantee` read access to the artifacts of a share. For each artifact, a principal of the
 * artifact's account gets IAM statements only; any other principal gets the IAM statements it can hold
 * and a statement in the artifact's resource policy. A resource policy that this app cannot change (an
 * imported artifact) is reported as pending, with a warning on the artifact that shows the statement.
 *
 * @param group the shared group (for messages)
 * @param groupName the group's name as messages show it
 * @param purpose the share's purpose (for messages)
 */
export function grantArtifacts(group: IConstruct, groupName: string, purpose: string, grantee: iam.IGrantable,
  artifacts: ShareArtifacts | undefined): ArtifactShareResult {
  let grant: iam.Grant | undefined;
  const pending: PendingArtifactStatement[] = [];
  for (const spec of artifactSpecs(group, artifacts)) {
    const result = grantOnArtifact(grantee, spec);
    if (result.grant) {
      grant = grant ? grant.combine(result.grant) : result.grant;
    }
    for (const statement of result.pending) {
      pending.push({ artifact: spec.artifact, policyType: spec.policyType, statement });
    }
    if (result.pending.length > 0) {
      const text = result.pending.map((statement) => JSON.stringify(displayValue(group, statement.toStatementJson())));
      Annotations.of(spec.artifact).addWarningV2(PENDING_ARTIFACT_WARNING,
        `The ${policyName(spec.policyType)} of imported ${spec.label} cannot be changed from this app, so sharing model package group `
        + `${groupName} (purpose ${purpose}) with ${grantee.grantPrincipal.toString()} `
        + `does not reach it. Its owner must add ${text.length === 1 ? 'this statement' : 'these statements'} to the `
        + `${policyName(spec.policyType)}: ${text.join(' ')}`);
    }
  }
  return { grant, pending };
}

function policyName(type: ArtifactPolicyType): string {
  switch (type) {
    case ArtifactPolicyType.BUCKET_POLICY: return 'bucket policy';
    case ArtifactPolicyType.KEY_POLICY: return 'key policy';
    case ArtifactPolicyType.REPOSITORY_POLICY: return 'repository policy';
  }
}

/** The grants on every artifact, keys of the buckets included, each artifact once. */
function artifactSpecs(scope: IConstruct, artifacts: ShareArtifacts | undefined): ArtifactGrantSpec[] {
  const specs: ArtifactGrantSpec[] = [];
  const keys = [...(artifacts?.keys ?? [])];
  for (const { bucket, prefix } of artifacts?.buckets ?? []) {
    const objects = `${prefix ?? ''}*`;
    const list: StatementSpec = prefix === undefined
      ? { actions: S3_LIST_ACTIONS, resources: [bucket.bucketArn] }
      : { actions: S3_LIST_ACTIONS, resources: [bucket.bucketArn], conditions: { StringLike: { 's3:prefix': [objects] } } };
    const statements: StatementSpec[] = [{ actions: S3_OBJECT_ACTIONS, resources: [bucket.arnForObjects(objects)] }, list];
    specs.push({
      artifact: bucket,
      policyType: ArtifactPolicyType.BUCKET_POLICY,
      label: `bucket ${displayValue(scope, bucket.bucketName)}`,
      arn: bucket.bucketArn,
      principalStatements: statements,
      resourceStatements: statements,
    });
    if (bucket.encryptionKey) {
      keys.push(bucket.encryptionKey);
    }
  }
  for (const key of new Set(keys)) {
    specs.push({
      artifact: key,
      policyType: ArtifactPolicyType.KEY_POLICY,
      label: `key ${displayValue(scope, key.keyArn)}`,
      arn: key.keyArn,
      principalStatements: [{ actions: KMS_ACTIONS, resources: [key.keyArn] }],
      // In a key policy, "Resource": "*" is the key itself.
      resourceStatements: [{ actions: KMS_ACTIONS, resources: ['*'] }],
    });
  }
  for (const repository of new Set(artifacts?.repositories ?? [])) {
    specs.push({
      artifact: repository,
      policyType: ArtifactPolicyType.REPOSITORY_POLICY,
      label: `repository ${displayValue(scope, repository.repositoryName)}`,
      arn: repository.repositoryArn,
      principalStatements: [
        { actions: ECR_PULL_ACTIONS, resources: [repository.repositoryArn] },
        { actions: ECR_LOGIN_ACTIONS, resources: ['*'] },
      ],
      // A repository policy names no resources: it applies to the repository.
      resourceStatements: [{ actions: ECR_PULL_ACTIONS }],
    });
  }
  return specs;
}

/** The grant on one artifact: IAM statements, and resource statements unless the principal is of the artifact's account. */
function grantOnArtifact(grantee: iam.IGrantable, spec: ArtifactGrantSpec): { grant?: iam.Grant; pending: iam.PolicyStatement[] } {
  const principalGrants = spec.principalStatements.map((statement) => iam.Grant.addToPrincipal({
    grantee,
    actions: statement.actions,
    resourceArns: statement.resources ?? [],
    conditions: statement.conditions,
  }));
  let grant = principalGrants.filter((g) => g.success).reduce<iam.Grant | undefined>((all, g) => (all ? all.combine(g) : g), undefined);
  const sameAccount = accountRelation(spec.artifact, grantee.grantPrincipal.principalAccount, spec.artifact.env.account) === 'same';
  if (sameAccount && principalGrants.every((g) => g.success)) {
    return { grant, pending: [] };
  }
  const pending: iam.PolicyStatement[] = [];
  for (const spec2 of spec.resourceStatements) {
    const statement = new iam.PolicyStatement({
      actions: spec2.actions,
      resources: spec2.resources,
      principals: [grantee.grantPrincipal],
      conditions: spec2.conditions,
    });
    const outcome = spec.artifact.addToResourcePolicy(statement);
    if (!outcome.statementAdded) {
      pending.push(statement);
      continue;
    }
    // The statement is in the policy already: the Grant only records it (the proxy does not add it again).
    const recorded = new Proxy(spec.artifact, {
      get: (target, property) => (property === 'addToResourcePolicy' ? () => outcome : Reflect.get(target, property)),
    });
    const resourceGrant = iam.Grant.addStatementToResourcePolicy({
      grantee,
      actions: spec2.actions,
      resourceArns: [spec.arn],
      resource: recorded,
      statement,
    });
    grant = grant ? grant.combine(resourceGrant) : resourceGrant;
  }
  return { grant, pending };
}
