import {
  Duration,
  Lazy,
  RemovalPolicy,
  Resource,
  Stack,
  Token,
  TokenComparison,
  aws_applicationautoscaling as appscaling,
  aws_cloudwatch as cloudwatch,
  aws_iam as iam,
  aws_sagemaker as sagemaker,
} from 'aws-cdk-lib';
import { aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { EndpointConfig, IEndpointConfig } from './endpoint-config';
import { CapacitySizeType, DeploymentConfig, DeploymentStrategy } from './endpoint-deployment';
import { EndpointGrants } from './endpoint-grants';
import { parseSageMakerArn, sageMakerArn } from './private/refs/arn';
import { generateName, lowerCaseLiteral } from './private/refs/names';
import { renderDeployment } from './private/render/deployment';
import { PERCENT_BOUNDS, batchSizeName, deploymentErrors } from './private/validate/deployment';
import { ValidationError, throwIfErrors } from './private/validate/error';
import { checkStructKeys } from './private/validate/struct-keys';
import {
  validateEnumValue,
  validateInteger,
  validateLength,
  validatePattern,
  validateRemovalPolicy,
  validateUnique,
} from './private/validate/values';

/** `EndpointName` (CloudFormation schema and botocore): 1-63 letters, digits and hyphens. */
const ENDPOINT_NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/;
const ENDPOINT_NAME_MAX_LENGTH = 63;
/** `AlarmList` of `AutoRollbackConfig`: 1-10 alarms. */
const MAX_ROLLBACK_ALARMS = 10;
/** The CloudWatch namespace of endpoint invocation metrics. */
const NAMESPACE = 'AWS/SageMaker';
/** The scalable dimension of a production variant's instance count (Application Auto Scaling). */
const INSTANCE_COUNT_DIMENSION = 'sagemaker:variant:DesiredInstanceCount';
/** The service-linked role Application Auto Scaling uses for SageMaker endpoints. */
const SCALING_ROLE_NAME = 'aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint';

/**
 * A property of the production variants that an endpoint update either keeps from the running
 * endpoint (with `retainAllVariantProperties`) or takes from the new endpoint configuration (listed
 * in `excludeRetainedVariantProperties`).
 *
 * @see https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_VariantProperty.html
 */
export enum VariantPropertyType {
  /** The instance counts: taken from the `initialInstanceCount` of the new configuration's variants. */
  DESIRED_INSTANCE_COUNT = 'DesiredInstanceCount',
  /** The weights: taken from the `initialVariantWeight` of the new configuration's variants. */
  DESIRED_WEIGHT = 'DesiredWeight',
  /** The data capture configuration; SageMaker's API reference lists it as not currently supported. */
  DATA_CAPTURE_CONFIG = 'DataCaptureConfig',
}

/**
 * A SageMaker endpoint: usable wherever aws-cdk-lib takes an `aws_sagemaker.IEndpoint` (for
 * example `aws_apigateway.SagemakerIntegration`), with invocation metrics per variant.
 */
export interface IEndpoint extends sagemaker.IEndpoint {
  /**
   * The grants on the endpoint (`invoke`, `actions`).
   */
  readonly grants: EndpointGrants;

  /**
   * A metric of a production variant of the endpoint (namespace `AWS/SageMaker`, dimensions
   * `EndpointName` and `VariantName`).
   */
  metric(metricName: string, variantName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** The number of requests to a variant (`Invocations`, sum). */
  metricInvocations(variantName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** The number of requests to a variant per instance (`InvocationsPerInstance`, sum). */
  metricInvocationsPerInstance(variantName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** The requests of a variant that failed with a 4xx error (`Invocation4XXErrors`, sum). */
  metricInvocation4xxErrors(variantName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** The requests of a variant that failed with a 5xx error (`Invocation5XXErrors`, sum). */
  metricInvocation5xxErrors(variantName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** The time a variant's model took to respond, in microseconds (`ModelLatency`, average). */
  metricModelLatency(variantName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** The time SageMaker added to a variant's requests, in microseconds (`OverheadLatency`, average). */
  metricOverheadLatency(variantName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;
}

/**
 * Behaviour shared by owned and imported endpoints: the reference, the grants and the metrics.
 *
 * Exported so that an app can write its own import or lookup of an endpoint that behaves like the
 * library's: extend it and give `endpointArn` and `endpointName`.
 */
export abstract class EndpointBase extends Resource implements IEndpoint {
  public abstract readonly endpointArn: string;
  public abstract readonly endpointName: string;

  public get endpointRef(): sagemakerRefs.EndpointReference {
    return { endpointArn: this.endpointArn };
  }

  /**
   * The grants on the endpoint.
   */
  public get grants(): EndpointGrants {
    return EndpointGrants.fromEndpoint(this);
  }

  /**
   * Grants invoking the endpoint (`sagemaker:InvokeEndpoint`, `sagemaker:InvokeEndpointAsync`);
   * the same as `grants.invoke()`.
   *
   * [disable-awslint:no-grants]
   */
  public grantInvoke(grantee: iam.IGrantable): iam.Grant {
    return this.grants.invoke(grantee);
  }

  /**
   * A metric of a production variant of the endpoint (namespace `AWS/SageMaker`, dimensions
   * `EndpointName` and `VariantName`).
   */
  public metric(metricName: string, variantName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: NAMESPACE,
      metricName,
      dimensionsMap: { EndpointName: this.endpointName, VariantName: variantName },
      ...props,
    }).attachTo(this);
  }

  /** The number of requests to a variant (`Invocations`, sum). */
  public metricInvocations(variantName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('Invocations', variantName, { statistic: 'Sum', ...props });
  }

  /** The number of requests to a variant per instance (`InvocationsPerInstance`, sum). */
  public metricInvocationsPerInstance(variantName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('InvocationsPerInstance', variantName, { statistic: 'Sum', ...props });
  }

  /** The requests of a variant that failed with a 4xx error (`Invocation4XXErrors`, sum). */
  public metricInvocation4xxErrors(variantName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('Invocation4XXErrors', variantName, { statistic: 'Sum', ...props });
  }

  /** The requests of a variant that failed with a 5xx error (`Invocation5XXErrors`, sum). */
  public metricInvocation5xxErrors(variantName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('Invocation5XXErrors', variantName, { statistic: 'Sum', ...props });
  }

  /** The time a variant's model took to respond, in microseconds (`ModelLatency`, average). */
  public metricModelLatency(variantName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ModelLatency', variantName, { statistic: 'Average', ...props });
  }

  /** The time SageMaker added to a variant's requests, in microseconds (`OverheadLatency`, average). */
  public metricOverheadLatency(variantName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('OverheadLatency', variantName, { statistic: 'Average', ...props });
  }
}

/**
 * Properties of an `Endpoint`.
 */
export interface EndpointProps {
  /**
   * The endpoint configuration the endpoint serves. When it changes (an `EndpointConfig` of this
   * library is replaced by a new one on every change), the endpoint is updated in place to the new
   * configuration, following `deploymentConfig`.
   *
   * An `IEndpointConfig` rather than a reference: the endpoint checks its deployment and alarms
   * against the configuration's variants.
   *
   * [disable-awslint:prefer-ref-interface]
   */
  readonly endpointConfig: IEndpointConfig;

  /**
   * The name of the endpoint: 1-63 letters, digits and hyphens. Changing it replaces the endpoint.
   *
   * @default - a name generated from the construct path, stable across deployments
   */
  readonly endpointName?: string;

  /**
   * How the endpoint moves to a new endpoint configuration: blue/green (all at once, canary,
   * linear) or rolling, with optional automatic rollback on alarms.
   *
   * @default - SageMaker's default: blue/green, all traffic at once, no rollback alarms
   */
  readonly deploymentConfig?: DeploymentConfig;

  /**
   * Whether an update to a new endpoint configuration keeps the variant properties the running
   * endpoint has (its instance counts and weights) instead of taking the new configuration's
   * `initialInstanceCount` and `initialVariantWeight`. It applies to updates only: a new endpoint
   * starts with the configuration's values.
   *
   * Set it when a variant is autoscaled (`autoScaleInstanceCount`): Application Auto Scaling
   * changes the instance count after the endpoint is deployed, and an update that does not keep
   * that count (a newly approved version, for example) puts the variant back to its
   * `initialInstanceCount` until the scaling policy acts again. SageMaker's guide to updating
   * autoscaled endpoints starts the new configuration from the instance counts the endpoint has.
   * To keep the counts but take the weights of the new configuration, add
   * `excludeRetainedVariantProperties: [VariantPropertyType.DESIRED_WEIGHT]`.
   *
   * While the counts are kept, a changed `initialInstanceCount` does not reach the running
   * endpoint; and the instance-count sizes of `deploymentConfig`, which are checked against
   * `initialInstanceCount` at synth time, apply to the counts the endpoint has when it is updated.
   *
   * @see https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-scaling-update.html
   * @default false
   */
  readonly retainAllVariantProperties?: boolean;

  /**
   * The variant properties an update takes from the new endpoint configuration although
   * `retainAllVariantProperties` keeps the others; each at most once, and only with
   * `retainAllVariantProperties: true`.
   *
   * @default - none: with `retainAllVariantProperties`, every variant property is kept
   */
  readonly excludeRetainedVariantProperties?: VariantPropertyType[];

  /**
   * Whether an update reuses the deployment configuration of the previous deployment. Not together
   * with `deploymentConfig`, which gives the deployment configuration of every update itself.
   *
   * @default false
   */
  readonly retainDeploymentConfig?: boolean;

  /**
   * What happens to the endpoint when it is removed from the stack or replaced. An endpoint
   * serves traffic: by default it is kept (with its configuration) when the stack is deleted.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A production variant of an endpoint, hosted on instances: its metrics and autoscaling.
 */
export interface IEndpointInstanceProductionVariant {
  /** The name of the variant. */
  readonly variantName: string;

  /**
   * A metric of the variant (namespace `AWS/SageMaker`, dimensions `EndpointName` and `VariantName`).
   */
  metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** The number of requests (`Invocations`, sum). */
  metricInvocations(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** The requests that failed with a 5xx error (`Invocation5XXErrors`, sum). */
  metricInvocation5xxErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /** The time the model took to respond, in microseconds (`ModelLatency`, average). */
  metricModelLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Scales the instance count of the variant with Application Auto Scaling. Once per variant.
   *
   * The scalable target is registered after the endpoint exists. SageMaker lets an endpoint
   * update change the model of an autoscaled variant (as a new registered version does), but an
   * update that changes its instance type fails: remove the autoscaling first (one deployment),
   * then change the instance type and add the autoscaling again. Give the endpoint
   * `retainAllVariantProperties: true` so that such updates keep the instance count autoscaling
   * has set rather than going back to `initialInstanceCount`.
   *
   * @see https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-scaling-update.html
   */
  autoScaleInstanceCount(props: appscaling.EnableScalingProps): ScalableInstanceCount;
}

/**
 * Target tracking on the invocations per instance of a variant. Give the target either as
 * `invocationsPerInstance`, or as the load one instance sustains (`maxRequestsPerSecond`, with a
 * `safetyFactor`), as SageMaker's autoscaling guide computes it.
 *
 * @see https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-add-code-define.html
 */
export interface InvocationsScalingProps extends appscaling.BaseTargetTrackingProps {
  /**
   * The average number of invocations per instance per minute to keep the variant at.
   *
   * @default - computed from `maxRequestsPerSecond`
   */
  readonly invocationsPerInstance?: number;

  /**
   * The requests per second one instance sustains (from a load test); the target is
   * `maxRequestsPerSecond * safetyFactor * 60` invocations per instance per minute.
   *
   * @default - give `invocationsPerInstance`
   */
  readonly maxRequestsPerSecond?: number;

  /**
   * The share of `maxRequestsPerSecond` to aim for, above 0 and at most 1; only with `maxRequestsPerSecond`.
   *
   * @default 0.5
   */
  readonly safetyFactor?: number;
}

/**
 * Properties of a `ScalableInstanceCount`.
 */
export interface ScalableInstanceCountProps extends appscaling.EnableScalingProps {
  /**
   * The name of the endpoint.
   */
  readonly endpointName: string;

  /**
   * The name of the production variant whose instance count is scaled.
   */
  readonly variantName: string;
}

/**
 * The instance count of a production variant, scaled by Application Auto Scaling with the
 * service-linked role of SageMaker endpoints. Created by `autoScaleInstanceCount()` of an
 * endpoint's instance variant.
 */
export class ScalableInstanceCount extends appscaling.BaseScalableAttribute {
  constructor(scope: Construct, id: string, props: ScalableInstanceCountProps) {
    super(scope, id, {
      serviceNamespace: appscaling.ServiceNamespace.SAGEMAKER,
      resourceId: `endpoint/${props.endpointName}/variant/${props.variantName}`,
      dimension: INSTANCE_COUNT_DIMENSION,
      role: iam.Role.fromRoleArn(scope, `${id}ScalingRole`,
        Stack.of(scope).formatArn({ service: 'iam', region: '', resource: 'role', resourceName: SCALING_ROLE_NAME })),
      minCapacity: props.minCapacity,
      maxCapacity: props.maxCapacity,
    });
  }

  /**
   * Scales to keep the invocations per instance per minute around `invocationsPerInstance`
   * (target tracking on `SageMakerVariantInvocationsPerInstance`).
   */
  public scaleOnInvocations(id: string, props: InvocationsScalingProps): void {
    checkStructKeys(`scaleOnInvocations ${id}`, 'InvocationsScalingProps', props);
    const errors = [
      ...validatePositive('invocationsPerInstance', props.invocationsPerInstance),
      ...validatePositive('maxRequestsPerSecond', props.maxRequestsPerSecond),
    ];
    const factor = props.safetyFactor;
    if (factor !== undefined && !Token.isUnresolved(factor) && !(factor > 0 && factor <= 1)) {
      errors.push(`safetyFactor must be above 0 and at most 1, got ${factor}`);
    }
    if ((props.invocationsPerInstance === undefined) === (props.maxRequestsPerSecond === undefined)) {
      errors.push(`give either invocationsPerInstance or maxRequestsPerSecond, got ${props.invocationsPerInstance === undefined ? 'neither' : 'both'}`);
    }
    if (factor !== undefined && props.maxRequestsPerSecond === undefined) {
      errors.push(`safetyFactor applies only with maxRequestsPerSecond, got safetyFactor ${factor} without it`);
    }
    throwIfErrors(`scaleOnInvocations ${id}`, errors);
    const target = props.invocationsPerInstance ?? props.maxRequestsPerSecond! * (factor ?? 0.5) * 60;
    this.doScaleToTrackMetric(id, {
      policyName: props.policyName,
      disableScaleIn: props.disableScaleIn,
      scaleInCooldown: props.scaleInCooldown,
      scaleOutCooldown: props.scaleOutCooldown,
      targetValue: target,
      predefinedMetric: appscaling.PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE,
    });
  }

  /**
   * Scales in steps on a metric (step scaling).
   */
  public scaleOnMetric(id: string, props: appscaling.BasicStepScalingPolicyProps): void {
    this.doScaleOnMetric(id, props);
  }

  /**
   * Scales on a schedule.
   */
  public scaleOnSchedule(id: string, schedule: appscaling.ScalingSchedule): void {
    this.doScaleOnSchedule(id, schedule);
  }
}

/**
 * A SageMaker endpoint (`AWS::SageMaker::Endpoint`): serves an endpoint configuration, and moves to
 * a new one with a safe deployment (blue/green or rolling, automatic rollback on alarms).
 *
 * It implements aws-cdk-lib's `aws_sagemaker.IEndpoint`, so aws-cdk-lib's integrations (for
 * example `aws_apigateway.SagemakerIntegration`) accept it.
 *
 * @resource AWS::SageMaker::Endpoint
 */
export class Endpoint extends EndpointBase {
  /**
   * Imports an endpoint of this stack's account and region by its name.
   */
  public static fromEndpointName(scope: Construct, id: string, endpointName: string): IEndpoint {
    throwIfErrors('Endpoint.fromEndpointName', endpointNameErrors(endpointName));
    const endpointArn = sageMakerArn(scope, 'endpoint', lowerCaseLiteral(endpointName));
    return new ImportedEndpoint(scope, id, { endpointArn, endpointName });
  }

  /**
   * Imports an endpoint by its ARN, `arn:<partition>:sagemaker:<region>:<account>:endpoint/<name>`.
   * SageMaker writes the name in lower case in the ARN; the metrics of an imported endpoint use
   * the name as the ARN has it.
   */
  public static fromEndpointArn(scope: Construct, id: string, endpointArn: string): IEndpoint {
    const parsed = parseSageMakerArn(endpointArn, 'endpoint', 'Endpoint.fromEndpointArn');
    return new ImportedEndpoint(scope, id, { endpointArn, endpointName: parsed.resourceName });
  }

  /** @attribute */
  public readonly endpointArn: string;
  /** @attribute */
  public readonly endpointName: string;
  private readonly endpointConfig: IEndpointConfig;
  /** The alarms the deployment rolls back on (the given ones and those the endpoint created). */
  public readonly rollbackAlarms: cloudwatch.IAlarm[] = [];

  private readonly resource: sagemaker.CfnEndpoint;
  private readonly deploymentConfig?: DeploymentConfig;
  /** The variants the default alarms were created for. */
  private readonly alarmedVariants?: string[];
  private readonly scaledVariants = new Set<string>();

  constructor(scope: Construct, id: string, props: EndpointProps) {
    super(scope, id, { physicalName: props.endpointName });
    checkStructKeys(`Endpoint ${this.node.path}`, 'EndpointProps', props);
    const errors = [
      ...endpointNameErrors(props.endpointName),
      ...validateRemovalPolicy('removalPolicy', props.removalPolicy, 'AWS::SageMaker::Endpoint'),
    ];
    if (!props.endpointConfig) {
      errors.push('endpointConfig is required, got none');
    } else {
      const stack = Stack.of(this);
      for (const [what, theirs, ours] of [
        ['account', props.endpointConfig.env.account, stack.account],
        ['region', props.endpointConfig.env.region, stack.region],
      ]) {
        if (Token.compareStrings(theirs, ours) === TokenComparison.DIFFERENT) {
          errors.push(`endpointConfig must be in the ${what} of the endpoint (${ours}), got endpoint configuration `
            + `${props.endpointConfig.node.path} in ${what} ${theirs}`);
        }
      }
    }
    errors.push(...props.deploymentConfig ? deploymentErrors(props.deploymentConfig) : []);
    if (props.deploymentConfig?.options.autoRollback?.createDefaultAlarms && props.endpointConfig
      && !(props.endpointConfig instanceof EndpointConfig)) {
      errors.push('deploymentConfig.autoRollback.createDefaultAlarms needs an EndpointConfig of this library (the alarms are per '
        + `production variant), got imported endpoint configuration ${props.endpointConfig.node.path}; give alarms instead`);
    }
    errors.push(...retainErrors(props));
    throwIfErrors(`Endpoint ${this.node.path}`, errors);

    this.endpointConfig = props.endpointConfig;
    this.deploymentConfig = props.deploymentConfig;
    // A name known at synth time: alarms and scalable targets refer to the endpoint by name, and the
    // endpoint refers to its rollback alarms, so the name cannot come from the endpoint itself.
    const name = props.endpointName ?? generateName(this, { maxLength: ENDPOINT_NAME_MAX_LENGTH, separator: '-' });

    const rendered = props.deploymentConfig ? renderDeployment(props.deploymentConfig) : undefined;
    const autoRollback = props.deploymentConfig?.options.autoRollback;
    this.rollbackAlarms.push(...autoRollback?.alarms ?? []);

    this.resource = new sagemaker.CfnEndpoint(this, 'Resource', {
      endpointName: name,
      endpointConfigName: props.endpointConfig.endpointConfigName,
      deploymentConfig: rendered && {
        blueGreenUpdatePolicy: rendered.blueGreenUpdatePolicy,
        rollingUpdatePolicy: rendered.rollingUpdatePolicy,
        autoRollbackConfiguration: autoRollback ? {
          alarms: Lazy.any({ produce: () => this.rollbackAlarms.map((alarm) => ({ alarmName: alarm.alarmName })) }),
        } : undefined,
      },
      retainAllVariantProperties: props.retainAllVariantProperties,
      excludeRetainedVariantProperties: props.excludeRetainedVariantProperties?.map((variantPropertyType) => ({ variantPropertyType })),
      retainDeploymentConfig: props.retainDeploymentConfig,
    });
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.resource.applyRemovalPolicy(removalPolicy);
    if (removalPolicy !== RemovalPolicy.DESTROY && props.endpointConfig instanceof EndpointConfig) {
      props.endpointConfig._retainOnStackDeletion();
    }

    // The name is known at synth time (given or generated), so other stacks and environments can use it as is.
    this.endpointName = name;
    this.endpointArn = this.getResourceArnAttribute(this.resource.attrEndpointArn, {
      service: 'sagemaker',
      resource: 'endpoint',
      resourceName: lowerCaseLiteral(name),
    });

    if (autoRollback?.createDefaultAlarms) {
      this.alarmedVariants = this.createDefaultAlarms(autoRollback);
    }
    this.node.addValidation({ validate: () => this.validateEndpoint() });
  }

  /**
   * The instance variant with the given name, for its metrics and autoscaling. Needs an
   * `EndpointConfig` of this library; throws if it has no instance variant of that name.
   */
  public findInstanceProductionVariant(name: string): IEndpointInstanceProductionVariant {
    if (!(this.endpointConfig instanceof EndpointConfig)) {
      throw new ValidationError(`Endpoint ${this.node.path}`, ['findInstanceProductionVariant needs an EndpointConfig of this library '
        + `(whose variants are known), got imported endpoint configuration ${this.endpointConfig.node.path}; use metric(metricName, '${name}') instead`]);
    }
    const variant = this.endpointConfig.findInstanceProductionVariant(name);
    return new EndpointVariant(this, variant.variantName);
  }

  /**
   * Registers the instance count of a variant as a scalable target.
   *
   * @internal
   */
  public _autoScaleInstanceCount(variantName: string, props: appscaling.EnableScalingProps): ScalableInstanceCount {
    const errors = [
      ...validateInteger('autoScaleInstanceCount.minCapacity', props.minCapacity, 0),
      ...validateInteger('autoScaleInstanceCount.maxCapacity', props.maxCapacity, 1),
    ];
    const min = props.minCapacity ?? 1;
    if (errors.length === 0 && !Token.isUnresolved(min) && !Token.isUnresolved(props.maxCapacity) && min > props.maxCapacity) {
      errors.push(props.minCapacity === undefined
        ? `autoScaleInstanceCount.maxCapacity must be at least minCapacity (1 when not given), got ${props.maxCapacity}`
        : `autoScaleInstanceCount.minCapacity must be at most maxCapacity (${props.maxCapacity}), got ${min}`);
    }
    if (this.scaledVariants.has(variantName)) {
      errors.push(`autoScaleInstanceCount can be called once per variant, got a second call for variant '${variantName}'`);
    }
    throwIfErrors(`Endpoint ${this.node.path}`, errors);
    this.scaledVariants.add(variantName);
    const scalable = new ScalableInstanceCount(this, `InstanceCount${variantName}`, {
      endpointName: this.endpointName,
      variantName,
      minCapacity: props.minCapacity,
      maxCapacity: props.maxCapacity,
    });
    // The variant exists only once the endpoint does (and after each update, with the new configuration).
    scalable.node.addDependency(this.resource);
    return scalable;
  }

  /** Creates the 5xx and latency alarms of every production variant; returns the variants. */
  private createDefaultAlarms(options: NonNullable<DeploymentConfig['options']['autoRollback']>): string[] {
    // An EndpointConfig of this library: the constructor checked it.
    const variants = (this.endpointConfig as EndpointConfig)._productionVariants.map((v) => v.variantName);
    const periods = options.evaluationPeriods ?? 2;
    const latencyMicros = (options.maxModelLatency ?? Duration.seconds(1)).toMilliseconds({ integral: false }) * 1000;
    const parent = new Construct(this, 'RollbackAlarms');
    for (const variantName of variants) {
      const scope = new Construct(parent, variantName);
      this.rollbackAlarms.push(new cloudwatch.Alarm(scope, 'Invocation5XXErrors', {
        alarmDescription: `Rolls back deployments of endpoint ${this.node.path} when variant ${variantName} returns 5xx errors`,
        metric: this.metricInvocation5xxErrors(variantName, { period: Duration.minutes(1) }),
        threshold: options.maxInvocation5xxErrors ?? 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: periods,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }));
      this.rollbackAlarms.push(new cloudwatch.Alarm(scope, 'ModelLatency', {
        alarmDescription: `Rolls back deployments of endpoint ${this.node.path} when the model latency of variant ${variantName} is too high`,
        metric: this.metricModelLatency(variantName, { period: Duration.minutes(1) }),
        threshold: latencyMicros,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: periods,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }));
    }
    return variants;
  }

  /** Problems that only show once the configuration has all its variants. */
  private validateEndpoint(): string[] {
    const errors: string[] = [];
    const config = this.deploymentConfig;
    if (config?.options.autoRollback && this.rollbackAlarms.length > MAX_ROLLBACK_ALARMS) {
      errors.push(`deploymentConfig.autoRollback takes at most ${MAX_ROLLBACK_ALARMS} alarms, got ${this.rollbackAlarms.length}`
        + (this.alarmedVariants ? ` (${this.alarmedVariants.length * 2} created by createDefaultAlarms, 2 per production variant)` : ''));
    }
    if (!(this.endpointConfig instanceof EndpointConfig)) {
      return errors;
    }
    const variants = this.endpointConfig._productionVariants;
    if (this.alarmedVariants) {
      const missing = variants.map((v) => v.variantName).filter((n) => !this.alarmedVariants!.includes(n));
      if (missing.length > 0) {
        errors.push('deploymentConfig.autoRollback.createDefaultAlarms created alarms for the variants the endpoint configuration had when the '
          + `endpoint was created; variant(s) ${missing.map((n) => `'${n}'`).join(', ')} were added later: add them before creating the endpoint`);
      }
    }
    if (!config) {
      return errors;
    }
    const serverless = variants.filter((v) => v.serverless);
    if (config.strategy === DeploymentStrategy.ROLLING) {
      if (serverless.length > 0) {
        errors.push(`deploymentConfig: SageMaker does not support rolling deployments of serverless endpoints, got serverless variant '${serverless[0].variantName}'; `
          + 'use a blue/green deployment');
      }
      if (variants.length > 1) {
        errors.push(`deploymentConfig: SageMaker does not support rolling deployments of endpoints with several production variants, got ${variants.length} `
          + `(${variants.map((v) => `'${v.variantName}'`).join(', ')}); use a blue/green deployment`);
      }
    }
    const size = config.batchSize;
    if (size && size.type === CapacitySizeType.INSTANCE_COUNT && !Token.isUnresolved(size.value)) {
      const property = batchSizeName(config);
      if (serverless.length > 0) {
        errors.push(`${property} counts instances, but serverless variant '${serverless[0].variantName}' has none; use CapacitySize.percent(), got `
          + `CapacitySize.instanceCount(${size.value})`);
      }
      const [minPercent, maxPercent] = PERCENT_BOUNDS[config.strategy];
      for (const v of variants) {
        const count = v.initialInstanceCount;
        if (v.serverless || count === undefined || Token.isUnresolved(count)) {
          continue;
        }
        if (size.value * 100 > count * maxPercent || size.value * 100 < count * minPercent) {
          const allowed = allowedCounts(count, minPercent, maxPercent);
          errors.push(`${property} must be ${minPercent}-${maxPercent}% of the instances of each variant; variant '${v.variantName}' has `
            + `initialInstanceCount ${count}, so ${allowed}, got CapacitySize.instanceCount(${size.value})`);
        }
      }
    }
    const rollback = config.rollbackBatchSize;
    if (rollback && rollback.type === CapacitySizeType.INSTANCE_COUNT && !Token.isUnresolved(rollback.value)) {
      for (const v of variants) {
        const count = v.initialInstanceCount;
        if (count !== undefined && !Token.isUnresolved(count) && rollback.value > count) {
          errors.push(`deploymentConfig.rollbackMaximumBatchSize must be at most the instances of the variant; variant '${v.variantName}' has `
            + `initialInstanceCount ${count}, got CapacitySize.instanceCount(${rollback.value})`);
        }
      }
    }
    return errors;
  }
}

class EndpointVariant implements IEndpointInstanceProductionVariant {
  constructor(private readonly endpoint: Endpoint, public readonly variantName: string) {}

  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.endpoint.metric(metricName, this.variantName, props);
  }

  public metricInvocations(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.endpoint.metricInvocations(this.variantName, props);
  }

  public metricInvocation5xxErrors(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.endpoint.metricInvocation5xxErrors(this.variantName, props);
  }

  public metricModelLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.endpoint.metricModelLatency(this.variantName, props);
  }

  public autoScaleInstanceCount(props: appscaling.EnableScalingProps): ScalableInstanceCount {
    return this.endpoint._autoScaleInstanceCount(this.variantName, props);
  }
}

/** The attributes of an imported endpoint. */
interface ImportedEndpointProps {
  readonly endpointArn: string;
  readonly endpointName: string;
}

class ImportedEndpoint extends EndpointBase {
  public readonly endpointArn: string;
  public readonly endpointName: string;

  constructor(scope: Construct, id: string, props: ImportedEndpointProps) {
    super(scope, id, { environmentFromArn: props.endpointArn });
    this.endpointArn = props.endpointArn;
    this.endpointName = props.endpointName;
  }
}

/** The instance counts between min% and max% of count, as a phrase. */
function allowedCounts(count: number, minPercent: number, maxPercent: number): string {
  const low = Math.ceil((count * minPercent) / 100);
  const high = Math.floor((count * maxPercent) / 100);
  if (high < Math.max(low, 1)) {
    return `no instance count fits (give the variant more instances, or use CapacitySize.percent(${minPercent}-${maxPercent}))`;
  }
  return `between ${Math.max(low, 1)} and ${high} instances`;
}

function validatePositive(property: string, value: number | undefined): string[] {
  if (value === undefined || Token.isUnresolved(value) || (Number.isFinite(value) && value > 0)) {
    return [];
  }
  return [`${property} must be a number above 0, got ${value}`];
}

/** Problems with what an update keeps from the running endpoint. */
function retainErrors(props: EndpointProps): string[] {
  const errors: string[] = [];
  const excluded = props.excludeRetainedVariantProperties;
  if (excluded !== undefined && !Token.isUnresolved(excluded)) {
    if (props.retainAllVariantProperties !== true) {
      errors.push('excludeRetainedVariantProperties applies only with retainAllVariantProperties: true (it lists the exceptions to what is kept), '
        + `got retainAllVariantProperties ${props.retainAllVariantProperties ?? 'undefined'}`);
    }
    excluded.forEach((type, i) => {
      errors.push(...validateEnumValue(`excludeRetainedVariantProperties[${i}]`, type, Object.values(VariantPropertyType), 'VariantPropertyType'));
    });
    errors.push(...validateUnique('excludeRetainedVariantProperties', excluded));
  }
  if (props.retainDeploymentConfig === true && props.deploymentConfig) {
    errors.push('retainDeploymentConfig reuses the deployment configuration of the previous deployment, but deploymentConfig gives one for every '
      + `update: give one or the other, got retainDeploymentConfig true and deploymentConfig (${props.deploymentConfig.strategy})`);
  }
  return errors;
}

function endpointNameErrors(name: string | undefined): string[] {
  return [
    ...validateLength('endpointName', name, 1, ENDPOINT_NAME_MAX_LENGTH),
    ...validatePattern('endpointName', name, ENDPOINT_NAME_PATTERN,
      'letters (a-z, A-Z), digits (0-9) and hyphens (-), starting and ending with a letter or digit'),
  ];
}
