/**
 * The benchmark scenario, shared by the library app (app-l2.ts) and its hand-written L1
 * equivalent (app-l1.ts).
 *
 * N versioned model packages in N/10 model package groups of 10 versions each. Every group has:
 * - `grantRead` and `grantRegister` to the registry role of its stack (one CI role per stack that
 *   registers into and reads all of the stack's groups: the case where grants meet the IAM policy
 *   size limits and aws-cdk-lib splits the role's policy into managed policies);
 * - an approval rule (`onApprovalStatusChange` for `Approved`, no target);
 * - one model built from its newest version (`Model` with `containers: [{ modelPackage }]`), with
 *   its own least-privilege execution role; so N/10 models in total;
 * - an endpoint serving that model: an endpoint configuration with one instance variant
 *   (`ENDPOINT_INSTANCE_TYPE`, one instance) and an endpoint with the library's defaults (kept on
 *   stack deletion, with its configuration).
 *
 * CloudFormation allows 500 resources per stack: the groups are spread over stacks of at most
 * 20 groups (200 versions, about 340 resources).
 */

/** Versions per group. */
export const VERSIONS_PER_GROUP = 10;
/** Groups per stack. */
export const GROUPS_PER_STACK = 20;
/** The environment of every stack. */
export const ENV = { account: '111111111111', region: 'us-east-1' };
/** The SageMaker prebuilt image every version runs (nothing to grant: `ContainerImage.fromRegistry`). */
export const IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
/** The bucket that holds the model data of every version. */
export const ARTIFACT_BUCKET = 'bench-model-artifacts';
/** Who assumes the registry role. */
export const REGISTRY_ROLE_PRINCIPAL = 'codebuild.amazonaws.com';
/** The production variant of every endpoint: its name, instance type and instance count. */
export const VARIANT_NAME = 'main';
export const ENDPOINT_INSTANCE_TYPE = 'ml.m5.large';
export const ENDPOINT_INSTANCE_COUNT = 1;

/** One stack of the scenario: its name and the indexes (0-based) of its groups. */
export interface StackPlan {
  readonly stackName: string;
  readonly groups: number[];
}

/** How N versions are laid out: N/10 groups, 20 per stack. */
export function plan(n: number): StackPlan[] {
  if (!Number.isInteger(n) || n < VERSIONS_PER_GROUP || n % VERSIONS_PER_GROUP !== 0) {
    throw new Error(`N must be a positive multiple of ${VERSIONS_PER_GROUP}, got ${n}`);
  }
  const groups = n / VERSIONS_PER_GROUP;
  const stacks: StackPlan[] = [];
  for (let first = 0; first < groups; first += GROUPS_PER_STACK) {
    const indexes: number[] = [];
    for (let g = first; g < Math.min(groups, first + GROUPS_PER_STACK); g++) {
      indexes.push(g);
    }
    stacks.push({ stackName: `Registry${pad(stacks.length + 1, 2)}`, groups: indexes });
  }
  return stacks;
}

/** The name of group `g` (0-based). */
export function groupName(g: number): string {
  return `bench-group-${pad(g + 1, 3)}`;
}

/** The construct id of group `g` (0-based). */
export function groupId(g: number): string {
  return `Group${pad(g + 1, 3)}`;
}

/** The construct id of version `v` (0-based) within its group. */
export function versionId(v: number): string {
  return `V${pad(v + 1, 2)}`;
}

/** The S3 key of the model data of version `v` (0-based) of group `g`. */
export function modelDataKey(g: number, v: number): string {
  return `${groupName(g)}/v${v + 1}/model.tar.gz`;
}

/** The approval status of version `v` (0-based): the newest is approved, the others wait. */
export function approvalStatus(v: number): string {
  return v === VERSIONS_PER_GROUP - 1 ? 'Approved' : 'PendingManualApproval';
}

function pad(i: number, width: number): string {
  return String(i).padStart(width, '0');
}
