import {
  CustomResource,
  Duration,
  RemovalPolicy,
  Stack,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_logs as logs,
} from 'aws-cdk-lib';
import { Construct, IDependable } from 'constructs';
import { handlerBundleDir } from './handler-bundle';

/**
 * The deploy-time handlers of this library: one Lambda function per kind per stack, bundled from
 * `src/handlers/<kind>/index.ts`.
 */
export type DeployTimeHandlerKind = 'latest-approved' | 'approval' | 'auto-delete' | 'algorithm';

/**
 * The one runtime of every handler. The esbuild target of the bundles (`.projenrc.ts`, `node24`)
 * matches it; the runtime ships the AWS SDK v3 the handlers use, so nothing is installed at deploy time.
 */
export const HANDLER_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** The tag a group carries while `autoDeleteModelPackages` is on; the handler checks it at Delete time. */
export const AUTO_DELETE_MARKER_TAG = 'cdk-sagemaker-registry:auto-delete-model-packages';

/** What differs between the kinds. */
interface KindSpec {
  readonly description: string;
  /** The Lambda timeout: one invocation. */
  readonly timeout: Duration;
  /**
   * How long CloudFormation waits for an answer (`ServiceTimeout`): a little above the handler's total
   * budget (see `*_BUDGET_MS` in the handlers), never above CloudFormation's hour.
   */
  readonly serviceTimeout: Duration;
  /** Whether the handler continues long waits in further invocations of itself. */
  readonly continuable: boolean;
}

const KINDS: Record<DeployTimeHandlerKind, KindSpec> = {
  // Budget 100 s in one invocation.
  'latest-approved': {
    description: 'cdk-sagemaker-registry: looks up the latest approved version of model package groups',
    timeout: Duration.minutes(2),
    serviceTimeout: Duration.minutes(4),
    continuable: false,
  },
  // Budget 100 s in one invocation.
  'approval': {
    description: 'cdk-sagemaker-registry: sets the approval status and stage of model package versions',
    timeout: Duration.minutes(2),
    serviceTimeout: Duration.minutes(4),
    continuable: false,
  },
  // Budget 50 minutes, in invocations of up to 15 minutes.
  'auto-delete': {
    description: 'cdk-sagemaker-registry: empties and deletes model package groups deleted with autoDeleteModelPackages on',
    timeout: Duration.minutes(15),
    serviceTimeout: Duration.minutes(55),
    continuable: true,
  },
  // Budget 55 minutes, in invocations of up to 15 minutes.
  'algorithm': {
    description: 'cdk-sagemaker-registry: creates, waits for and deletes the SageMaker algorithms with validation of this stack',
    timeout: Duration.minutes(15),
    serviceTimeout: Duration.minutes(60),
    continuable: true,
  },
};

/**
 * The builder of every deploy-time function of the library: for one kind, in one stack, a function
 * with its own role (no AWS managed policy; permissions in one policy that the function and its
 * custom resources wait for), a log group with a retention period, the one runtime, and, for kinds
 * that wait longer than one invocation, the permission to invoke itself again.
 */
export class DeployTimeHandler extends Construct {
  /** The handler of `kind` in the stack of `scope`, created on first use. */
  public static of(scope: Construct, kind: DeployTimeHandlerKind): DeployTimeHandler {
    const stack = Stack.of(scope);
    const id = `CdkSageMakerRegistry${kind.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('')}Handler`;
    const existing = stack.node.tryFindChild(id);
    return existing instanceof DeployTimeHandler ? existing : new DeployTimeHandler(stack, id, kind);
  }

  /** The function. */
  public readonly function: lambda.Function;
  /** The role of the function. */
  public readonly role: iam.Role;
  private readonly policy: iam.Policy;
  private readonly spec: KindSpec;
  private readonly ready: IDependable[];

  private constructor(scope: Construct, id: string, kind: DeployTimeHandlerKind) {
    super(scope, id);
    this.spec = KINDS[kind];
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: this.spec.description,
    });
    // The permissions live in their own policy, which the function and the custom resources wait for.
    // (The function gets the role as an immutable reference: a dependency on the whole role would
    // duplicate the one its Role: GetAtt already makes, which cfn-lint reports as W3005.)
    this.policy = new iam.Policy(this, 'Policy', { roles: [this.role] });
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.policy.addStatements(new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    }));
    this.function = new lambda.Function(this, 'Function', {
      code: lambda.Code.fromAsset(handlerBundleDir(kind)),
      handler: 'index.handler',
      runtime: HANDLER_RUNTIME,
      role: iam.Role.fromRoleArn(this, 'FunctionRole', this.role.roleArn, { mutable: false }),
      logGroup,
      timeout: this.spec.timeout,
      description: this.spec.description,
    });
    this.function.node.addDependency(this.policy);
    this.ready = [this.policy];
    if (this.spec.continuable) {
      // A long wait continues in a new invocation of the same function (see src/handlers/shared/handler.ts).
      const permission = new lambda.CfnPermission(this, 'InvokeItself', {
        action: 'lambda:InvokeFunction',
        functionName: this.function.functionArn,
        principal: this.role.roleArn,
      });
      this.ready.push(permission);
    }
  }

  /** Allows the function `actions` on `resources`. */
  public allow(actions: string[], resources: string[], conditions?: Record<string, unknown>): void {
    this.policy.addStatements(new iam.PolicyStatement({ actions, resources, conditions }));
  }

  /**
   * A custom resource of `resourceType` served by this function, with a `ServiceTimeout` a little
   * above the handler's budget; it waits for the function's permissions, so its first call never lacks them.
   */
  public newResource(scope: Construct, id: string, resourceType: string, properties: Record<string, unknown>,
    removalPolicy?: RemovalPolicy): CustomResource {
    const resource = new CustomResource(scope, id, {
      serviceToken: this.function.functionArn,
      serviceTimeout: this.spec.serviceTimeout,
      resourceType,
      properties,
      removalPolicy,
    });
    resource.node.addDependency(...this.ready);
    return resource;
  }
}
