import {
  Duration,
  RemovalPolicy,
  Stack,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_logs as logs,
  custom_resources as cr,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { handlerBundleDir } from './handler-bundle';

/** The id of the stack-wide provider of `Custom::SageMakerAlgorithm` resources. */
const PROVIDER_ID = 'CdkSageMakerRegistryAlgorithmProvider';

/** Actions the handler calls on the algorithms it manages (authorized against `algorithm/<name>`). */
export const ALGORITHM_MANAGE_ACTIONS = [
  'sagemaker:CreateAlgorithm',
  'sagemaker:DescribeAlgorithm',
  'sagemaker:DeleteAlgorithm',
  // CreateAlgorithm with Tags, and tag changes in place.
  'sagemaker:AddTags',
  'sagemaker:DeleteTags',
];


/**
 * The stack-wide provider of `Custom::SageMakerAlgorithm`: one handler (an `onEvent` and an
 * `isComplete` function from the same bundle, sharing one role) however many algorithms the stack
 * defines. Each algorithm adds the permissions it needs with `allowManaging`.
 */
export class AlgorithmProvider extends Construct {
  /** The provider of the stack of `scope`, created on first use. */
  public static of(scope: Construct): AlgorithmProvider {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(PROVIDER_ID);
    return existing instanceof AlgorithmProvider ? existing : new AlgorithmProvider(stack, PROVIDER_ID);
  }

  /** The service token of `Custom::SageMakerAlgorithm` resources. */
  public readonly serviceToken: string;
  /** The role of the handler functions. */
  public readonly role: iam.Role;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'cdk-sagemaker-registry: creates, waits for and deletes the SageMaker algorithms of this stack',
    });
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    logGroup.grantWrite(this.role);

    const code = lambda.Code.fromAsset(handlerBundleDir('algorithm'));
    const common = {
      code,
      runtime: lambda.Runtime.NODEJS_22_X,
      role: this.role,
      logGroup,
    };
    const onEvent = new lambda.Function(this, 'OnEvent', {
      ...common,
      handler: 'index.onEvent',
      description: 'cdk-sagemaker-registry: CreateAlgorithm / DeleteAlgorithm for Custom::SageMakerAlgorithm',
      timeout: Duration.minutes(5),
    });
    const isComplete = new lambda.Function(this, 'IsComplete', {
      ...common,
      handler: 'index.isComplete',
      description: 'cdk-sagemaker-registry: waits until a Custom::SageMakerAlgorithm is Completed (or reports why it Failed)',
      timeout: Duration.minutes(2),
    });
    // Validation runs a training job (and possibly a transform job): minutes to hours. The
    // provider framework polls isComplete and gives up after the total timeout (at most 2 hours).
    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: onEvent,
      isCompleteHandler: isComplete,
      queryInterval: Duration.seconds(30),
      totalTimeout: Duration.hours(2),
    });
    this.serviceToken = provider.serviceToken;
  }

  /**
   * Allows the handler to manage the algorithms whose ARNs match `algorithmArns` and to pass
   * `validationRole` to SageMaker.
   */
  public allowManaging(algorithmArns: string[], validationRole: iam.IRole): void {
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ALGORITHM_MANAGE_ACTIONS,
      resources: algorithmArns,
    }));
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [validationRole.roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    }));
  }
}
