/**
 * The benchmark scenario (see scenario.ts) written by hand with L1s only: the floor the library is
 * compared with.
 *
 * Written by looking at what app-l2.ts synthesizes, and equivalent to it:
 * - the same resources with the same properties: groups and versions (same inference
 *   specification, approval status, DependsOn on the group, DeletionPolicy/UpdateReplacePolicy
 *   Retain), approval rules (same event pattern), models (same container, DependsOn on the role's
 *   policy), their execution roles with the same actions on the same resources as the library's
 *   least-privilege model role, the registry role with the same actions on the same resources
 *   as `grantRead` + `grantRegister`, and an endpoint per model: a configuration with the same
 *   production variant (kept on stack deletion with its endpoint, replaced configurations deleted)
 *   and an endpoint kept on deletion and replacement;
 * - ARNs rendered the same way (`Stack.formatArn`, `Fn::GetAtt`), so that only the structure differs.
 *
 * "L1 only" means the CfnXxx classes plus the core helpers every app uses (Stack, Stack.formatArn,
 * RemovalPolicy, addDependency); no L2 (no iam.Role, no events.Rule).
 *
 * The model role's policy has the same statements as the library's least-privilege model role.
 * For the registry role, like a careful author, it writes one statement per resource set (the
 * actions of both grants on the same resources together) and splits the policy into managed
 * policies only when IAM's size limits require it (same budgets as aws-cdk-lib: 10,000 characters
 * inline, 6,000 per managed policy). It leaves out what CloudFormation or SageMaker default to
 * (`State: ENABLED`, `DeletionPolicy: Delete`, `UpdateReplacePolicy: Delete`, a variant's
 * `InitialVariantWeight: 1`, a `DependsOn` implied by a `Fn::GetAtt`), and the endpoint's name
 * (CloudFormation generates one; nothing in the app refers to the endpoint by name).
 */
import {
  App,
  ArnFormat,
  CfnDeletionPolicy,
  RemovalPolicy,
  Stack,
  aws_events as events,
  aws_iam as iam,
  aws_sagemaker as sagemaker,
} from 'aws-cdk-lib';
import {
  ARTIFACT_BUCKET,
  ENDPOINT_INSTANCE_COUNT,
  ENDPOINT_INSTANCE_TYPE,
  ENV,
  IMAGE,
  REGISTRY_ROLE_PRINCIPAL,
  VARIANT_NAME,
  VERSIONS_PER_GROUP,
  approvalStatus,
  groupId,
  groupName,
  modelDataKey,
  plan,
  versionId,
} from './scenario';

/** Size budgets of aws-cdk-lib's Role (characters of policy JSON, with a margin below IAM's limits). */
const MAX_INLINE_SIZE = 10000;
const MAX_MANAGED_POLICY_SIZE = 6000;

/** A policy statement as CloudFormation takes it, with an estimate of its deployed size. */
interface Statement {
  readonly json: Record<string, unknown>;
  readonly size: number;
}

/** Adds the stacks of the scenario for `n` versions to `app`. */
export function buildL1(app: App, n: number): void {
  for (const stackPlan of plan(n)) {
    const stack = new Stack(app, stackPlan.stackName, { env: ENV });
    const arn = (service: string, resource: string, resourceName: string, arnFormat?: ArnFormat) =>
      stack.formatArn({ service, resource, resourceName, arnFormat });
    /** The ARN as deployed (partition aws), to estimate policy sizes. */
    const literalArn = (service: string, resource: string, resourceName: string, sep = '/') =>
      `arn:aws:${service}:${ENV.region}:${ENV.account}:${resource}${sep}${resourceName}`;

    const registryRole = new iam.CfnRole(stack, 'RegistryRole', {
      assumeRolePolicyDocument: assumeRolePolicy(REGISTRY_ROLE_PRINCIPAL),
    });
    const registryStatements: Statement[] = [];

    for (const g of stackPlan.groups) {
      const name = groupName(g);
      const gid = groupId(g);
      const group = new sagemaker.CfnModelPackageGroup(stack, gid, { modelPackageGroupName: name });
      group.applyRemovalPolicy(RemovalPolicy.RETAIN);

      // grantRead + grantRegister: the group, and the versions pattern.
      const versionsArn = arn('sagemaker', 'model-package', `${name}/*`);
      registryStatements.push(statement(
        ['sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
        group.attrModelPackageGroupArn, literalArn('sagemaker', 'model-package-group', name)));
      registryStatements.push(statement(
        ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage', 'sagemaker:ListModelPackages', 'sagemaker:CreateModelPackage'],
        versionsArn, literalArn('sagemaker', 'model-package', `${name}/*`)));

      new events.CfnRule(stack, `${gid}OnApproved`, {
        eventPattern: {
          'source': ['aws.sagemaker'],
          'detail-type': ['SageMaker Model Package State Change'],
          'detail': { ModelPackageGroupName: [name], ModelApprovalStatus: ['Approved'] },
        },
      });

      let newest: sagemaker.CfnModelPackage | undefined;
      for (let v = 0; v < VERSIONS_PER_GROUP; v++) {
        newest = new sagemaker.CfnModelPackage(stack, `${gid}${versionId(v)}`, {
          modelPackageGroupName: name,
          modelApprovalStatus: approvalStatus(v),
          inferenceSpecification: {
            containers: [{ image: IMAGE, modelDataUrl: `s3://${ARTIFACT_BUCKET}/${modelDataKey(g, v)}` }],
            supportedContentTypes: ['text/csv'],
            supportedResponseMimeTypes: ['text/csv'],
            supportedRealtimeInferenceInstanceTypes: ['ml.m5.large'],
            supportedTransformInstanceTypes: ['ml.m5.large'],
          },
        });
        newest.applyRemovalPolicy(RemovalPolicy.RETAIN);
        // The group's name is a literal: order the version after its group.
        newest.node.addDependency(group);
      }

      // The model of the newest version, with the least-privilege execution role of the library's Model.
      const modelRole = new iam.CfnRole(stack, `${gid}ModelRole`, {
        assumeRolePolicyDocument: assumeRolePolicy('sagemaker.amazonaws.com'),
      });
      const logGroups = arn('logs', 'log-group', '/aws/sagemaker/*', ArnFormat.COLON_RESOURCE_NAME);
      const bucketArn = stack.formatArn({ service: 's3', region: '', account: '', resource: ARTIFACT_BUCKET });
      const objectArn = stack.formatArn({ service: 's3', region: '', account: '', resource: ARTIFACT_BUCKET, resourceName: modelDataKey(g, VERSIONS_PER_GROUP - 1) });
      const modelPolicy = new iam.CfnPolicy(stack, `${gid}ModelRolePolicy`, {
        policyName: `${gid}ModelRolePolicy`,
        roles: [modelRole.ref],
        policyDocument: policyDocument([
          statement(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
            [logGroups, `${logGroups}:log-stream:*`]),
          statement(['cloudwatch:PutMetricData'], '*'),
          statement(['ecr:GetAuthorizationToken'], '*'),
          statement(['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage'], newest!.attrModelPackageArn),
          statement(['s3:GetObject*', 's3:GetBucket*', 's3:List*'], [bucketArn, objectArn]),
        ]),
      });
      const model = new sagemaker.CfnModel(stack, `${gid}Model`, {
        executionRoleArn: modelRole.attrArn,
        primaryContainer: { modelPackageName: newest!.attrModelPackageArn },
      });
      // SageMaker checks the role's permissions at CreateModel.
      model.node.addDependency(modelPolicy);

      // The endpoint serving the model. The configuration stays with its (retained) endpoint on stack
      // deletion; a configuration replaced by a newer one is deleted (UpdateReplacePolicy's default).
      const endpointConfig = new sagemaker.CfnEndpointConfig(stack, `${gid}EndpointConfig`, {
        productionVariants: [{
          variantName: VARIANT_NAME,
          modelName: model.attrModelName,
          instanceType: ENDPOINT_INSTANCE_TYPE,
          initialInstanceCount: ENDPOINT_INSTANCE_COUNT,
        }],
      });
      endpointConfig.cfnOptions.deletionPolicy = CfnDeletionPolicy.RETAIN;
      const endpoint = new sagemaker.CfnEndpoint(stack, `${gid}Endpoint`, {
        endpointConfigName: endpointConfig.attrEndpointConfigName,
      });
      endpoint.applyRemovalPolicy(RemovalPolicy.RETAIN);
    }

    addRolePolicies(stack, 'RegistryRole', registryRole, registryStatements);
  }
}

/** One inline policy for `statements`, and managed policies for those that do not fit in it. */
function addRolePolicies(stack: Stack, id: string, role: iam.CfnRole, statements: Statement[]): void {
  const chunks: Statement[][] = [[]];
  let budget = MAX_INLINE_SIZE;
  let used = 0;
  for (const s of statements) {
    if (used + s.size > budget && chunks[chunks.length - 1].length > 0) {
      chunks.push([]);
      budget = MAX_MANAGED_POLICY_SIZE;
      used = 0;
    }
    chunks[chunks.length - 1].push(s);
    used += s.size;
  }
  new iam.CfnPolicy(stack, `${id}Policy`, {
    policyName: `${id}Policy`,
    roles: [role.ref],
    policyDocument: policyDocument(chunks[0]),
  });
  chunks.slice(1).forEach((chunk, i) => {
    new iam.CfnManagedPolicy(stack, `${id}Policy${i + 2}`, {
      roles: [role.ref],
      policyDocument: policyDocument(chunk),
    });
  });
}

function statement(actions: string[], resource: string | string[], literalResource?: string): Statement {
  const json = {
    Action: actions.length === 1 ? actions[0] : actions,
    Effect: 'Allow',
    Resource: resource,
  };
  const size = JSON.stringify({ ...json, Resource: literalResource ?? resource }).length;
  return { json, size };
}

function policyDocument(statements: Statement[]): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements.map((s) => s.json) };
}

function assumeRolePolicy(service: string): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: service } }],
  };
}
