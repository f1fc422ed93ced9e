import { Token } from 'aws-cdk-lib';
import { throwIfErrors } from './private/validate/error';

/** Shape of a SageMaker ML instance type: `ml.<family>.<size>`, for example `ml.m5.xlarge` or `ml.p4de.24xlarge`. */
const INSTANCE_TYPE_PATTERN = /^ml\.[a-z0-9-]+\.[a-z0-9-]+$/;

/**
 * A SageMaker ML compute instance type, such as `ml.m5.xlarge`.
 *
 * Use a constant for common types or `InstanceType.of()` for any other.
 */
export class InstanceType {
  /** ml.t2.medium */
  public static readonly T2_MEDIUM = InstanceType.of('ml.t2.medium');
  /** ml.m5.large */
  public static readonly M5_LARGE = InstanceType.of('ml.m5.large');
  /** ml.m5.xlarge */
  public static readonly M5_XLARGE = InstanceType.of('ml.m5.xlarge');
  /** ml.m5.2xlarge */
  public static readonly M5_2XLARGE = InstanceType.of('ml.m5.2xlarge');
  /** ml.m5.4xlarge */
  public static readonly M5_4XLARGE = InstanceType.of('ml.m5.4xlarge');
  /** ml.m5.12xlarge */
  public static readonly M5_12XLARGE = InstanceType.of('ml.m5.12xlarge');
  /** ml.m5.24xlarge */
  public static readonly M5_24XLARGE = InstanceType.of('ml.m5.24xlarge');
  /** ml.c5.large */
  public static readonly C5_LARGE = InstanceType.of('ml.c5.large');
  /** ml.c5.xlarge */
  public static readonly C5_XLARGE = InstanceType.of('ml.c5.xlarge');
  /** ml.c5.2xlarge */
  public static readonly C5_2XLARGE = InstanceType.of('ml.c5.2xlarge');
  /** ml.c5.4xlarge */
  public static readonly C5_4XLARGE = InstanceType.of('ml.c5.4xlarge');
  /** ml.c5.9xlarge */
  public static readonly C5_9XLARGE = InstanceType.of('ml.c5.9xlarge');
  /** ml.r5.large */
  public static readonly R5_LARGE = InstanceType.of('ml.r5.large');
  /** ml.r5.xlarge */
  public static readonly R5_XLARGE = InstanceType.of('ml.r5.xlarge');
  /** ml.g4dn.xlarge */
  public static readonly G4DN_XLARGE = InstanceType.of('ml.g4dn.xlarge');
  /** ml.g4dn.2xlarge */
  public static readonly G4DN_2XLARGE = InstanceType.of('ml.g4dn.2xlarge');
  /** ml.g5.xlarge */
  public static readonly G5_XLARGE = InstanceType.of('ml.g5.xlarge');
  /** ml.g5.2xlarge */
  public static readonly G5_2XLARGE = InstanceType.of('ml.g5.2xlarge');
  /** ml.g5.12xlarge */
  public static readonly G5_12XLARGE = InstanceType.of('ml.g5.12xlarge');
  /** ml.p3.2xlarge */
  public static readonly P3_2XLARGE = InstanceType.of('ml.p3.2xlarge');
  /** ml.p4d.24xlarge */
  public static readonly P4D_24XLARGE = InstanceType.of('ml.p4d.24xlarge');
  /** ml.inf2.xlarge */
  public static readonly INF2_XLARGE = InstanceType.of('ml.inf2.xlarge');

  /**
   * An instance type by name, for example `'ml.m5.xlarge'`.
   *
   * A literal name must have the shape `ml.<family>.<size>` (the error names the received value);
   * a token is accepted as is.
   *
   * @param instanceType the SageMaker instance type name
   */
  public static of(instanceType: string): InstanceType {
    throwIfErrors('InstanceType.of', !Token.isUnresolved(instanceType) && !INSTANCE_TYPE_PATTERN.test(instanceType)
      ? [`instanceType must be a SageMaker ML instance type of the form ml.<family>.<size> (for example ml.m5.xlarge), got '${instanceType}'`]
      : []);
    return new InstanceType(instanceType);
  }

  private constructor(private readonly instanceType: string) {}

  /** The instance type name, for example `ml.m5.xlarge`. */
  public toString(): string {
    return this.instanceType;
  }
}
