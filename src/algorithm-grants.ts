import { aws_iam as iam } from 'aws-cdk-lib';
import { aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';

/** Reading an algorithm (authorized against `algorithm/<name>`). */
const ALGORITHM_READ = ['sagemaker:DescribeAlgorithm'];

/**
 * Grants on a SageMaker algorithm, the companion of `Algorithm` (`algorithm.grants`).
 */
export class AlgorithmGrants {
  /**
   * The grants of an algorithm: one of this library, a `CfnAlgorithm` or any reference.
   */
  public static fromAlgorithm(algorithm: sagemakerRefs.IAlgorithmRef): AlgorithmGrants {
    return new AlgorithmGrants(algorithm);
  }

  private constructor(private readonly algorithm: sagemakerRefs.IAlgorithmRef) {}

  /**
   * Grants the given actions on the algorithm.
   */
  public actions(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.algorithm.algorithmRef.algorithmArn] });
  }

  /**
   * Grants describing the algorithm (`sagemaker:DescribeAlgorithm`), for example to train with it.
   */
  public read(grantee: iam.IGrantable): iam.Grant {
    return this.actions(grantee, ...ALGORITHM_READ);
  }
}
