import {
  IResource,
  ITaggableV2,
  Lazy,
  PhysicalName,
  RemovalPolicy,
  Resource,
  Stack,
  TagManager,
  TagType,
  aws_iam as iam,
  aws_sagemaker as sagemaker,
} from 'aws-cdk-lib';
import { aws_sagemaker as sagemakerRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { AlgorithmGrants } from './algorithm-grants';
import { AlgorithmValidationSpecification } from './algorithm-validation-specification';
import { InferenceSpecification } from './inference-specification';
import { DeployTimeHandler } from './private/deploy-time/deploy-time-handler';
import { dependOnRolePolicies } from './private/iam/dependencies';
import { grantAlgorithmValidationKeys } from './private/iam/keys';
import { parseSageMakerArn, sageMakerArn } from './private/refs/arn';
import { generateName, lowerCaseLiteral } from './private/refs/names';
import { fingerprint, toSageMakerApi } from './private/render/api-shape';
import { renderInferenceSpecification } from './private/render/inference';
import { renderAlgorithmValidationSpecification, renderTrainingSpecification, toAlgorithmInferenceSpecification } from './private/render/training';
import { throwIfErrors } from './private/validate/error';
import { InferenceRules, inferenceSpecificationErrors } from './private/validate/inference';
import { checkStructKeys } from './private/validate/struct-keys';
import { algorithmValidationSpecificationErrors, trainingSpecificationErrors } from './private/validate/training';
import { validateDescription, validateRemovalPolicy, validateSageMakerName } from './private/validate/values';
import { TrainingSpecification } from './training-specification';

/** The CloudFormation type of algorithms created through the custom resource. */
const CUSTOM_RESOURCE_TYPE = 'Custom::SageMakerAlgorithm';

/** Actions the algorithm handler calls on the algorithms it manages (authorized against `algorithm/<name>`). */
const ALGORITHM_MANAGE_ACTIONS = [
  'sagemaker:CreateAlgorithm',
  'sagemaker:DescribeAlgorithm',
  'sagemaker:DeleteAlgorithm',
  // CreateAlgorithm with Tags, tag changes in place, and the owner tag checked before DeleteAlgorithm.
  'sagemaker:AddTags',
  'sagemaker:DeleteTags',
  'sagemaker:ListTags',
];
/** Hex digits of the properties' fingerprint at the end of generated names. */
const FINGERPRINT_LENGTH = 8;

/**
 * A SageMaker algorithm: a training image with its hyperparameters, channels and metrics, and
 * optionally how to run inference with the models it trains.
 */
export interface IAlgorithm extends IResource, sagemakerRefs.IAlgorithmRef {
  /**
   * The ARN of the algorithm, `arn:<partition>:sagemaker:<region>:<account>:algorithm/<name>`.
   *
   * @attribute
   */
  readonly algorithmArn: string;

  /**
   * The name of the algorithm.
   *
   * @attribute
   */
  readonly algorithmName: string;

  /**
   * The grants on this algorithm (`read`, `actions`).
   */
  readonly grants: AlgorithmGrants;

  /**
   * Grants the given actions on the algorithm.
   *
   * [disable-awslint:no-grants]
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;

  /**
   * Grants describing the algorithm (`sagemaker:DescribeAlgorithm`).
   *
   * [disable-awslint:no-grants]
   */
  grantRead(grantee: iam.IGrantable): iam.Grant;
}

/**
 * Behaviour shared by owned and imported algorithms: the reference and the grants.
 *
 * Exported so that an app can write its own import or lookup of an algorithm that behaves like the
 * library's: extend it and give `algorithmArn` and `algorithmName`.
 */
export abstract class AlgorithmBase extends Resource implements IAlgorithm {
  public abstract readonly algorithmArn: string;
  public abstract readonly algorithmName: string;

  public get algorithmRef(): sagemakerRefs.AlgorithmReference {
    return { algorithmArn: this.algorithmArn };
  }

  /**
   * The grants on this algorithm.
   */
  public get grants(): AlgorithmGrants {
    return AlgorithmGrants.fromAlgorithm(this);
  }

  /**
   * Grants the given actions on the algorithm; the same as `grants.actions()`.
   *
   * [disable-awslint:no-grants]
   */
  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return this.grants.actions(grantee, ...actions);
  }

  /**
   * Grants describing the algorithm; the same as `grants.read()`.
   *
   * [disable-awslint:no-grants]
   */
  public grantRead(grantee: iam.IGrantable): iam.Grant {
    return this.grants.read(grantee);
  }
}

/**
 * Properties of an `Algorithm`.
 *
 * SageMaker cannot update an algorithm (there is no UpdateAlgorithm): changing any property but
 * the tags replaces it.
 */
export interface AlgorithmProps {
  /**
   * The name of the algorithm: 1-63 letters, digits and hyphens, starting and ending with a letter
   * or digit.
   *
   * Every property change replaces the algorithm, and the replacement is created before the old
   * one is deleted, so with a fixed name such a change fails ("already exists"): leave the name
   * out to get a new generated name for every change.
   *
   * @default - a name generated from the construct path and a fingerprint of the properties:
   *   lower-case letters, digits and hyphens, at most 63 characters. It changes whenever a
   *   property does (tags excepted), so replacements never collide; values known only at deploy
   *   time (parameters, imported values) do not take part.
   */
  readonly algorithmName?: string;

  /**
   * A description of the algorithm (at most 1024 characters, no line breaks).
   *
   * @default - no description
   */
  readonly description?: string;

  /** How the algorithm trains models. */
  readonly trainingSpecification: TrainingSpecification;

  /**
   * How to run inference with the models the algorithm trains (containers without model data,
   * content types, instance types).
   *
   * @default - none: models trained with the algorithm need their own inference containers
   */
  readonly inferenceSpecification?: InferenceSpecification;

  /**
   * A training job (and optionally a batch transform job) that SageMaker runs to validate the
   * algorithm before it becomes available.
   *
   * CloudFormation's `AWS::SageMaker::Algorithm` has no such property, so with a validation
   * specification the algorithm is created by a custom resource (`Custom::SageMakerAlgorithm`)
   * that calls CreateAlgorithm and waits up to 55 minutes for the validation to complete, failing
   * the deployment with SageMaker's reason when it fails (CloudFormation waits at most one hour for a
   * custom resource; the resource's ServiceTimeout is 60 minutes). Validation profiles must therefore
   * finish well within 55 minutes. One handler serves all algorithms of a stack. The handler adopts
   * an existing algorithm of the same name only if its definition is the requested one, and deletes
   * only algorithms it created or adopted (tagged `cdk-sagemaker-registry:owner`).
   *
   * @default - no validation
   */
  readonly validationSpecification?: AlgorithmValidationSpecification;

  /**
   * Certify the algorithm for listing in AWS Marketplace.
   *
   * @default false
   */
  readonly certifyForMarketplace?: boolean;

  /**
   * What happens to the algorithm when it is removed from the stack or replaced.
   *
   * Model packages and training jobs refer to their algorithm by name, and every change replaces
   * an algorithm, so the replaced algorithms are retained by default.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A SageMaker algorithm (`AWS::SageMaker::Algorithm`): a training image with typed
 * hyperparameters, channels, metrics and tuning objectives, and optionally an inference
 * specification, which model packages can name as their source algorithm.
 *
 * Without a validation specification the algorithm is a `CfnAlgorithm`; with one, a
 * `Custom::SageMakerAlgorithm` (see `validationSpecification`). Tags (`Tags.of()`) apply to both.
 *
 * @resource AWS::SageMaker::Algorithm
 */
export class Algorithm extends AlgorithmBase implements ITaggableV2 {
  /**
   * Imports an algorithm by its ARN, which may be in another account or region.
   *
   * @param algorithmArn `arn:<partition>:sagemaker:<region>:<account>:algorithm/<name>`
   */
  public static fromAlgorithmArn(scope: Construct, id: string, algorithmArn: string): IAlgorithm {
    const parsed = parseSageMakerArn(algorithmArn, 'algorithm', 'Algorithm.fromAlgorithmArn');
    return new ImportedAlgorithm(scope, id, { algorithmArn, algorithmName: parsed.resourceName });
  }

  /**
   * Imports an algorithm of this stack's account and region by its name.
   */
  public static fromAlgorithmName(scope: Construct, id: string, algorithmName: string): IAlgorithm {
    throwIfErrors('algorithm import', validateSageMakerName('algorithmName', algorithmName));
    const arn = sageMakerArn(scope, 'algorithm', algorithmName);
    return new ImportedAlgorithm(scope, id, { algorithmArn: arn, algorithmName });
  }

  /** @attribute */
  public readonly algorithmArn: string;
  /** @attribute */
  public readonly algorithmName: string;

  /** The tags of the algorithm. */
  public readonly cdkTagManager: TagManager;

  /** The name the algorithm gets when none is given (also used when it is referenced from another environment). */
  private readonly generatedName: string;

  constructor(scope: Construct, id: string, props: AlgorithmProps) {
    super(scope, id, {
      // A generated name is known at synth time, so the algorithm can be referenced from other environments.
      physicalName: props.algorithmName ?? PhysicalName.GENERATE_IF_NEEDED,
    });
    checkStructKeys(`Algorithm ${this.node.path}`, 'AlgorithmProps', props);

    const errors: string[] = [
      ...validateSageMakerName('algorithmName', props.algorithmName),
      ...validateDescription('description', props.description),
      ...validateRemovalPolicy('removalPolicy', props.removalPolicy, 'AWS::SageMaker::Algorithm'),
    ];
    const validation = props.validationSpecification;
    const inferenceRules: InferenceRules = { requireContentTypes: false, allowModelData: false, resourceType: 'AWS::SageMaker::Algorithm' };
    errors.push(...trainingSpecificationErrors('trainingSpecification', props.trainingSpecification));
    if (props.inferenceSpecification) {
      errors.push(...inferenceSpecificationErrors('inferenceSpecification', props.inferenceSpecification, inferenceRules));
    }
    if (validation) {
      errors.push(...algorithmValidationSpecificationErrors('validationSpecification', validation, {
        training: props.trainingSpecification,
        inference: props.inferenceSpecification,
      }));
    }
    throwIfErrors(`Algorithm ${this.node.path}`, errors);
    const validationSpecification = validation ? renderAlgorithmValidationSpecification(validation) : undefined;

    // Checked: render, binding the images, which grants whoever runs them (SageMaker's validation
    // jobs, under the validation role) the pulls; then the jobs' keys.
    const grantable = validation?.role;
    const trainingSpecification = renderTrainingSpecification(this, props.trainingSpecification, grantable);
    const inferenceSpecification = props.inferenceSpecification
      ? toAlgorithmInferenceSpecification(props.inferenceSpecification, renderInferenceSpecification(
        // An algorithm's containers take no model data, so binding finds no further problems.
        this, 'inferenceSpecification', props.inferenceSpecification, { ...inferenceRules, grantable, errors: [] }))
      : undefined;
    if (validation) {
      grantAlgorithmValidationKeys(validation);
    }

    // Everything that defines the algorithm, as CreateAlgorithm takes it (tags excepted: they change in place).
    const definition = toSageMakerApi({
      algorithmDescription: props.description,
      trainingSpecification,
      inferenceSpecification,
      validationSpecification,
      certifyForMarketplace: props.certifyForMarketplace,
    }) as Record<string, unknown>;
    this.generatedName = generateAlgorithmName(this, definition);
    const name = props.algorithmName ?? this.generatedName;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;

    let arn: string;
    if (validation) {
      const handler = DeployTimeHandler.of(this, 'algorithm');
      handler.allow(ALGORITHM_MANAGE_ACTIONS, this.policyArns(props.algorithmName));
      handler.allow(['iam:PassRole'], [validation.role.roleArn], { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } });
      this.cdkTagManager = new TagManager(TagType.KEY_VALUE, CUSTOM_RESOURCE_TYPE);
      const resource = handler.newResource(this, 'CustomResource', CUSTOM_RESOURCE_TYPE, {
        AlgorithmName: name,
        ...definition,
        Tags: Lazy.any({ produce: () => this.cdkTagManager.renderTags() }),
      }, removalPolicy);
      // The handler's permissions (newResource) and the validation role's (image pulls, keys) must exist first.
      dependOnRolePolicies(resource, validation.role);
      arn = resource.getAttString('AlgorithmArn');
    } else {
      const resource = new sagemaker.CfnAlgorithm(this, 'Resource', {
        algorithmName: name,
        algorithmDescription: props.description,
        trainingSpecification,
        inferenceSpecification,
        certifyForMarketplace: props.certifyForMarketplace,
      });
      resource.applyRemovalPolicy(removalPolicy);
      this.cdkTagManager = resource.cdkTagManager;
      arn = resource.attrAlgorithmArn;
    }

    this.algorithmName = this.getResourceNameAttribute(name);
    this.algorithmArn = this.getResourceArnAttribute(arn, {
      service: 'sagemaker',
      resource: 'algorithm',
      resourceName: this.physicalName,
    });
  }

  /** Cross-environment references use the same generated name as the template. */
  protected generatePhysicalName(): string {
    return this.generatedName;
  }

  /**
   * The ARNs the custom resource's handler may manage for this algorithm: every name this
   * construct generates (so that CloudFormation can delete a replaced one), or the given name.
   * Literal names are also allowed in lower case, in case SageMaker lower-cases them in ARNs.
   */
  private policyArns(algorithmName: string | undefined): string[] {
    const names = algorithmName === undefined
      ? [`${this.generatedName.slice(0, -FINGERPRINT_LENGTH)}*`]
      : [...new Set([algorithmName, lowerCaseLiteral(algorithmName)])];
    return names.map((n) => sageMakerArn(this, 'algorithm', n));
  }
}

/** The attributes of an imported algorithm. */
interface ImportedAlgorithmProps {
  readonly algorithmArn: string;
  readonly algorithmName: string;
}

class ImportedAlgorithm extends AlgorithmBase {
  public readonly algorithmArn: string;
  public readonly algorithmName: string;

  constructor(scope: Construct, id: string, props: ImportedAlgorithmProps) {
    super(scope, id, { environmentFromArn: props.algorithmArn });
    this.algorithmArn = props.algorithmArn;
    this.algorithmName = props.algorithmName;
  }
}

/**
 * `<prefix>-<fingerprint>`: a prefix unique to the construct path and a fingerprint of the
 * algorithm's definition, in lower case (SageMaker may lower-case names in ARNs), at most 63
 * characters.
 */
function generateAlgorithmName(scope: Construct, definition: Record<string, unknown>): string {
  return generateName(scope, {
    suffix: fingerprint(Stack.of(scope).resolve(definition), FINGERPRINT_LENGTH),
    lowerCase: true,
  });
}
