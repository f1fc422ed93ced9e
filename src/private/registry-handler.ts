import {
  CustomResource,
  Duration,
  RemovalPolicy,
  Stack,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_logs as logs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { handlerBundleDir } from './handler-bundle';

/** The custom-resource handlers of the registry workflow, one Lambda function per kind per stack. */
export type RegistryHandlerKind = 'latest-approved' | 'approval' | 'auto-delete';

const DESCRIPTIONS: Record<RegistryHandlerKind, string> = {
  'latest-approved': 'cdk-sagemaker-registry: looks up the latest approved version of model package groups',
  'approval': 'cdk-sagemaker-registry: sets the approval status and stage of model package versions',
  'auto-delete': 'cdk-sagemaker-registry: deletes the versions of model package groups before the groups are deleted',
};
const TIMEOUTS: Record<RegistryHandlerKind, Duration> = {
  'latest-approved': Duration.minutes(2),
  'approval': Duration.minutes(2),
  // Deleting many versions, then waiting until they are gone.
  'auto-delete': Duration.minutes(15),
};

/**
 * The Lambda function that serves one kind of registry custom resource in a stack: created on first
 * use, with its own role (no AWS managed policy) and log group. Each custom resource adds exactly
 * the permissions it needs with `allow()`.
 */
export class RegistryHandler extends Construct {
  /** The handler of `kind` in the stack of `scope`. */
  public static of(scope: Construct, kind: RegistryHandlerKind): RegistryHandler {
    const stack = Stack.of(scope);
    const id = `CdkSageMakerRegistry${kind.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('')}Handler`;
    const existing = stack.node.tryFindChild(id);
    return existing instanceof RegistryHandler ? existing : new RegistryHandler(stack, id, kind);
  }

  /** The function. */
  public readonly function: lambda.Function;
  private readonly role: iam.Role;

  private constructor(scope: Construct, id: string, kind: RegistryHandlerKind) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: DESCRIPTIONS[kind],
    });
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    logGroup.grantWrite(this.role);
    this.function = new lambda.Function(this, 'Function', {
      code: lambda.Code.fromAsset(handlerBundleDir(kind)),
      handler: 'index.handler',
      // The runtime provides the AWS SDK v3 the handler uses: nothing is installed at deploy time.
      runtime: lambda.Runtime.NODEJS_24_X,
      role: this.role,
      logGroup,
      timeout: TIMEOUTS[kind],
      description: DESCRIPTIONS[kind],
    });
  }

  /** Allows the function `actions` on `resources`. */
  public allow(actions: string[], resources: string[]): void {
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources }));
  }

  /**
   * A custom resource of `resourceType` served by this function; it waits for the function's
   * permissions, so its first call never lacks them.
   */
  public newResource(scope: Construct, id: string, resourceType: string, properties: Record<string, unknown>): CustomResource {
    const resource = new CustomResource(scope, id, {
      serviceToken: this.function.functionArn,
      resourceType,
      properties,
    });
    resource.node.addDependency(this.role);
    return resource;
  }
}
