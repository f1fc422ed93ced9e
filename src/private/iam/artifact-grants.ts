import { Annotations, aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ECR_LOGIN_ACTIONS, ECR_PULL_ACTIONS, KMS_DECRYPT_ACTIONS, S3_LIST_ACTIONS, S3_OBJECT_ACTIONS } from './perms';
import { ArtifactPolicyType, PendingArtifactStatement, ShareArtifacts } from '../../model-package-group-sharing';
import { accountRelation } from '../refs/accounts';
import { displayValue } from '../refs/display';

/** The warning on an imported artifact whose policy a share needs but cannot change. */
export const PENDING_ARTIFACT_WARNING = 'cdk-sagemaker-registry:shareArtifactPolicyNotAdded';

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
      principalStatements: [{ actions: KMS_DECRYPT_ACTIONS, resources: [key.keyArn] }],
      // In a key policy, "Resource": "*" is the key itself.
      resourceStatements: [{ actions: KMS_DECRYPT_ACTIONS, resources: ['*'] }],
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
