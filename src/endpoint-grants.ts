import { aws_iam as iam } from 'aws-cdk-lib';
import { aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';

/**
 * Invoking an endpoint, synchronously and asynchronously (both authorized against `endpoint/<name>`,
 * Service Authorization Reference for Amazon SageMaker).
 */
const INVOKE_ACTIONS = ['sagemaker:InvokeEndpoint', 'sagemaker:InvokeEndpointAsync'];

/**
 * Grants on a SageMaker endpoint, the companion of `Endpoint` (`endpoint.grants`).
 */
export class EndpointGrants {
  /**
   * The grants of an endpoint: one of this library, a `CfnEndpoint` or any reference.
   */
  public static fromEndpoint(endpoint: sagemakerRefs.IEndpointRef): EndpointGrants {
    return new EndpointGrants(endpoint);
  }

  private constructor(private readonly endpoint: sagemakerRefs.IEndpointRef) {}

  /**
   * Grants the given actions on the endpoint.
   */
  public actions(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.endpoint.endpointRef.endpointArn] });
  }

  /**
   * Grants invoking the endpoint: `sagemaker:InvokeEndpoint` and `sagemaker:InvokeEndpointAsync`.
   */
  public invoke(grantee: iam.IGrantable): iam.Grant {
    return this.actions(grantee, ...INVOKE_ACTIONS);
  }
}
