import {
  IResource,
  RemovalPolicy,
  Resource,
  Stack,
  Token,
  TokenComparison,
  aws_iam as iam,
  aws_sagemaker as sagemaker,
} from 'aws-cdk-lib';
import { aws_sagemaker as sagemakerRefs, aws_kms as kmsRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { ModelApprovalStatus } from './approval';
import { ContainerImage } from './container-image';
import { AdditionalInferenceSpecification, InferenceSpecification } from './inference-specification';
import { DriftCheckBaselines, ModelMetrics } from './metrics';
import { ModelCardStatus, ModelPackageModelCard } from './model-card';
import { ModelData } from './model-data';
import { ModelLifeCycle } from './model-life-cycle';
import { ModelPackageGrants } from './model-package-grants';
import { IModelPackageGroup } from './model-package-group';
import { DeployTimeHandler } from './private/deploy-time/deploy-time-handler';
import { dependOnRolePolicies } from './private/iam/dependencies';
import { grantValidationKeys } from './private/iam/keys';
import { groupReference } from './private/refs/accounts';
import {
  isModelPackageName,
  isVersionName,
  modelPackageNameOf,
  modelPackageVersionOf,
  parseModelPackageArn,
  sageMakerArn,
} from './private/refs/arn';
import {
  renderAdditionalInferenceSpecifications,
  renderInferenceSpecification,
  renderModelData,
  rendersAsModelDataUrl,
} from './private/render/inference';
import { lifeCycleProperties } from './private/render/life-cycle';
import { renderDriftCheckBaselines, renderModelMetrics } from './private/render/model-metrics';
import { renderValidationSpecification } from './private/render/transform';
import { reportRemovedVersionTags } from './private/render/version-tags';
import { throwIfErrors } from './private/validate/error';
import {
  InferenceRules,
  ModelDataDescription,
  additionalInferenceSpecificationsErrors,
  inferenceSpecificationErrors,
} from './private/validate/inference';
import { driftCheckBaselinesErrors, modelMetricsErrors } from './private/validate/model-metrics';
import { ARN_OR_NAME_PATTERN, SOURCE_URI_PATTERN } from './private/validate/rules';
import { claimStage } from './private/validate/stage-claims';
import { lifeCycleErrors } from './private/validate/stages';
import { checkStructKeys } from './private/validate/struct-keys';
import { validationSpecificationErrors } from './private/validate/transform';
import {
  validateDescription,
  validateEnumValue,
  validateLength,
  validateNotIntrinsic,
  validatePattern,
  validateRemovalPolicy,
  validateS3Uri,
  validateSageMakerName,
  validateTemplateText,
} from './private/validate/values';
import { SourceAlgorithm } from './source-algorithm';
import { ValidationSpecification } from './validation-specification';

/** `CustomerMetadataProperties` keys and values. */
const CUSTOMER_METADATA_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * A SageMaker model package: a registered model version in a model package group, or an
 * unversioned model package (for example one listed in AWS Marketplace).
 */
export interface IModelPackage extends IResource, sagemakerRefs.IModelPackageRef {
  /**
   * The ARN of the model package. For a version, `...:model-package/<group>/<version>`.
   *
   * @attribute
   */
  readonly modelPackageArn: string;

  /**
   * The name of the model package. For a version, `<group>/<version>`.
   *
   * @attribute
   */
  readonly modelPackageName: string;

  /**
   * The grants on this package (`read`, `approve`, `deploy`).
   */
  readonly grants: ModelPackageGrants;

  /**
   * Grants describing the model package (`sagemaker:DescribeModelPackage`,
   * `sagemaker:BatchDescribeModelPackage`), and decrypting it when it is encrypted with a KMS key
   * this library knows of.
   *
   * [disable-awslint:no-grants]
   */
  grantRead(grantee: iam.IGrantable): iam.Grant;

  /**
   * Grants changing the approval status of the version (`sagemaker:UpdateModelPackage`), plus
   * reading it to decide.
   *
   * [disable-awslint:no-grants]
   */
  grantApprove(grantee: iam.IGrantable): iam.Grant;

  /**
   * Grants what the execution role of a model built from this package needs: reading the package
   * (as `grantRead`) and, for a package defined in this app, pulling its ECR images and reading its
   * model data. For an imported package, the owner of its images and model data must share them.
   *
   * [disable-awslint:no-grants]
   */
  grantDeploy(grantee: iam.IGrantable): iam.Grant;
}

/**
 * Behaviour shared by owned and imported model packages: the reference and the grants.
 *
 * Exported so that an app can write its own import or lookup of a model package that behaves like
 * the library's (for example a `LatestApprovedModelPackage extends ModelPackageBase`): extend it and
 * give `modelPackageArn` and `modelPackageName`, and override `keyForReaders` and `versioned` when
 * they are known.
 */
export abstract class ModelPackageBase extends Resource implements IModelPackage {
  public abstract readonly modelPackageArn: string;
  public abstract readonly modelPackageName: string;

  public get modelPackageRef(): sagemakerRefs.ModelPackageReference {
    return { modelPackageArn: this.modelPackageArn };
  }

  /**
   * The grants on this package (`read`, `approve`, `deploy`).
   */
  public get grants(): ModelPackageGrants {
    return ModelPackageGrants.fromModelPackage(this);
  }

  /**
   * The KMS key that encrypts the package, when known: `grants.read()` also allows decrypting with it.
   *
   * A subclass that knows the key overrides this; the default is no key.
   */
  protected get keyForReaders(): kmsRefs.IKeyRef | undefined {
    return undefined;
  }

  /**
   * Whether the package is a version (in a model package group): `grants.approve()` refuses a package
   * known to be unversioned.
   *
   * A subclass that knows it overrides this; the default is unknown (undefined), as for an import by a
   * token.
   */
  protected get versioned(): boolean | undefined {
    return undefined;
  }

  /**
   * The KMS key readers may decrypt with (used by `ModelPackageGrants`, through the
   * `KnownModelPackage` contract of `private/contracts.ts`).
   *
   * @internal
   */
  public get _keyForReaders(): kmsRefs.IKeyRef | undefined {
    return this.keyForReaders;
  }

  /**
   * Whether the package is a version (used by `ModelPackageGrants`, through the `KnownModelPackage`
   * contract of `private/contracts.ts`).
   *
   * @internal
   */
  public get _versioned(): boolean | undefined {
    return this.versioned;
  }

  /**
   * Grants reading the package; the same as `grants.read()`.
   *
   * [disable-awslint:no-grants]
   */
  public grantRead(grantee: iam.IGrantable): iam.Grant {
    return this.grants.read(grantee);
  }

  /**
   * Grants approving the version; the same as `grants.approve()`.
   *
   * [disable-awslint:no-grants]
   */
  public grantApprove(grantee: iam.IGrantable): iam.Grant {
    return this.grants.approve(grantee);
  }

  /**
   * Grants what a model built from the package needs; the same as `grants.deploy()`.
   *
   * [disable-awslint:no-grants]
   */
  public grantDeploy(grantee: iam.IGrantable): iam.Grant {
    return this.grants.deploy(grantee);
  }

  /**
   * Grants pulling the package's images and reading its model data, where this app knows them
   * (used by `ModelPackageGrants`).
   *
   * @internal
   */
  public _bindArtifacts(_grantee: iam.IGrantable): void {}
}

/**
 * Describing metadata of a model package's provenance (SageMaker `MetadataProperties`).
 */
export interface ModelPackageMetadata {
  /**
   * The commit that produced the model.
   *
   * @default - none
   */
  readonly commitId?: string;

  /**
   * The source repository.
   *
   * @default - none
   */
  readonly repository?: string;

  /**
   * What generated the model, for example a pipeline execution ARN.
   *
   * @default - none
   */
  readonly generatedBy?: string;

  /**
   * The SageMaker project.
   *
   * @default - none
   */
  readonly projectId?: string;
}

/**
 * Properties of a model package that do not depend on whether it is versioned; used by
 * `ModelPackageGroup.addModelPackage()`.
 */
export interface ModelPackageOptions {
  /**
   * A description of the model package (at most 1024 characters, no line breaks).
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * How to run inference with the model: containers with image and model data, content types
   * and instance types. Give this or `sourceAlgorithm`.
   *
   * @default - none: the package is built from `sourceAlgorithm`
   */
  readonly inferenceSpecification?: InferenceSpecification;

  /**
   * More inference specifications (at most 15, names unique), for example for other instance families.
   *
   * @default - none
   */
  readonly additionalInferenceSpecifications?: AdditionalInferenceSpecification[];

  /**
   * A batch transform job SageMaker runs to validate the package before it becomes available.
   *
   * @default - no validation job
   */
  readonly validationSpecification?: ValidationSpecification;

  /**
   * The algorithm that trained the model, with the training output.
   *
   * @default - none
   */
  readonly sourceAlgorithm?: SourceAlgorithm;

  /**
   * Quality, data quality, bias and explainability metrics.
   *
   * @default - none
   */
  readonly modelMetrics?: ModelMetrics;

  /**
   * The baselines drift checks compare against.
   *
   * @default - none
   */
  readonly driftCheckBaselines?: DriftCheckBaselines;

  /**
   * Where the model comes from: commit, repository, generator, project.
   *
   * @default - none
   */
  readonly metadata?: ModelPackageMetadata;

  /**
   * Free-form metadata of the package (1-50 entries; keys 1-128, values 1-256 characters of
   * letters, spaces, digits and `_.:/=+-@`). Unlike tags, allowed on versions.
   *
   * @default - none
   */
  readonly customerMetadata?: { [key: string]: string };

  /**
   * The machine learning domain, for example `COMPUTER_VISION` or `NATURAL_LANGUAGE_PROCESSING`.
   *
   * @default - none
   */
  readonly domain?: string;

  /**
   * The machine learning task, for example `IMAGE_CLASSIFICATION` or `CLASSIFICATION`.
   *
   * @default - none
   */
  readonly task?: string;

  /**
   * The S3 URI of a sample payload, a single gzip-compressed tar archive, for Inference Recommender.
   *
   * @default - none
   */
  readonly samplePayloadUrl?: string;

  /**
   * A model card that documents the model.
   *
   * @default - none
   */
  readonly modelCard?: ModelPackageModelCard;

  /**
   * The KMS key that encrypts the package's model card and other sensitive fields. It must be in
   * the package's region. Principals granted read on the package may decrypt with it.
   *
   * @default - an AWS owned key
   */
  readonly encryptionKey?: kmsRefs.IKeyRef;

  /**
   * The URI of the model's source, for example the ARN of the model package it was cloned from or
   * of the model it registers (at most 1024 characters).
   *
   * @default - none
   */
  readonly sourceUri?: string;

  /**
   * Skip the validation of the model package's containers and model data.
   *
   * @default false
   */
  readonly skipModelValidation?: boolean;

  /**
   * The approval status of the version; only for versioned packages. Only `APPROVED` versions
   * can be deployed. See `ApprovalTransitions` for the documented changes.
   *
   * @default - SageMaker's default for a new version (`PendingManualApproval` in practice)
   */
  readonly approvalStatus?: ModelApprovalStatus;

  /**
   * A description of the approval decision (at most 1024 characters); only for versioned packages.
   *
   * @default - none
   */
  readonly approvalDescription?: string;

  /**
   * The lifecycle stage of the version (SageMaker `ModelLifeCycle`), for example stage `Development`
   * with status `InProgress`; only for versioned packages.
   *
   * CloudFormation cannot set it: a custom resource (the library's approval function) sets it right
   * after the version is created, with UpdateModelPackage carrying only the stage (the approval
   * status is left to `approvalStatus`), and again whenever it changes here (the rollback of a stack
   * update sets the stage from before again). A replaced version gets the stage too. Removing
   * `lifeCycle`, or the version, leaves the stage as it is: the stage history belongs to the registry.
   *
   * @default - no stage is set
   */
  readonly lifeCycle?: ModelLifeCycle;

  /**
   * What happens to the package when it is removed from the stack or replaced.
   *
   * @default - RemovalPolicy.RETAIN for a version (its history is the registry), RemovalPolicy.DESTROY for an unversioned package
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Properties of a `ModelPackage`: a version in `modelPackageGroup`, or an unversioned package
 * named `modelPackageName`.
 */
export interface ModelPackageProps extends ModelPackageOptions {
  /**
   * The group to register the version in: owned by this app, or imported (also from another
   * account, in which case the group's ARN is used and the group's resource policy must allow
   * `sagemaker:CreateModelPackage`). Give this or `modelPackageName`.
   *
   * An `IModelPackageGroup` rather than a reference: the package needs the group's name and
   * environment (name in the same account, ARN across accounts) and orders itself after an owned
   * group.
   *
   * [disable-awslint:prefer-ref-interface]
   *
   * @default - an unversioned package named `modelPackageName`
   */
  readonly modelPackageGroup?: IModelPackageGroup;

  /**
   * The name of an unversioned model package (1-63 letters, digits and hyphens). Give this or
   * `modelPackageGroup`.
   *
   * @default - a version in `modelPackageGroup`
   */
  readonly modelPackageName?: string;

  /**
   * Certify the package for listing on AWS Marketplace; only for unversioned packages.
   *
   * @default false
   */
  readonly certifyForMarketplace?: boolean;
}

/**
 * A SageMaker model package (`AWS::SageMaker::ModelPackage`): a version registered in a model
 * package group, or an unversioned package.
 *
 * Versions never carry tags, not even those added with `Tags.of(stack)`: SageMaker rejects tags on
 * versions ("Tags are not supported in Model Package versions"), so they are removed from the
 * template with a warning; tag the group instead.
 *
 * @resource AWS::SageMaker::ModelPackage
 */
export class ModelPackage extends ModelPackageBase {
  /**
   * Imports a model package by its ARN: a version (`...:model-package/<group>/<version>`) or an
   * unversioned package (`...:model-package/<name>`), possibly in another account.
   */
  public static fromModelPackageArn(scope: Construct, id: string, modelPackageArn: string): IModelPackage {
    const { modelPackageName, versioned } = parseModelPackageArn(modelPackageArn, 'ModelPackage.fromModelPackageArn');
    return new ImportedModelPackage(scope, id, { modelPackageArn, modelPackageName, versioned });
  }

  /**
   * Imports a model package of this stack's account and region by its name: `<group>/<version>`
   * for a version, or the name of an unversioned package.
   */
  public static fromModelPackageName(scope: Construct, id: string, modelPackageName: string): IModelPackage {
    throwIfErrors('ModelPackage.fromModelPackageName', isModelPackageName(modelPackageName) ? [] : ['modelPackageName must be '
      + `'<group>/<version>' for a version or the name of an unversioned package (1-63 letters, digits and hyphens), got '${modelPackageName}'`]);
    const modelPackageArn = sageMakerArn(scope, 'model-package', modelPackageName);
    return new ImportedModelPackage(scope, id, { modelPackageArn, modelPackageName, versioned: isVersionName(modelPackageName) });
  }

  /** @attribute */
  public readonly modelPackageArn: string;
  /** @attribute */
  public readonly modelPackageName: string;

  /**
   * The version number, for a version (from the ARN CloudFormation returns).
   *
   * @attribute
   */
  public readonly modelPackageVersion?: string;

  /**
   * The group the version is registered in; undefined for an unversioned package.
   *
   * An `IModelPackageGroup` rather than a reference: the package needs the group's name and
   * environment (name in the same account, ARN across accounts) and orders itself after an owned
   * group.
   *
   * [disable-awslint:prefer-ref-interface]
   */
  public readonly modelPackageGroup?: IModelPackageGroup;

  /** The KMS key that encrypts the package, if one was given. */
  public readonly encryptionKey?: kmsRefs.IKeyRef;

  private readonly resource: sagemaker.CfnModelPackage;
  /** The images and model data of the package, for grantDeploy(). */
  private readonly artifacts: { readonly image?: ContainerImage; readonly modelData?: ModelData }[];

  /**
   * @param props give `modelPackageGroup` (a version) or `modelPackageName` (an unversioned package),
   * and an `inferenceSpecification` or a `sourceAlgorithm`; both choices are checked at synth time.
   */
  constructor(scope: Construct, id: string, props: ModelPackageProps = {}) {
    super(scope, id, { physicalName: props.modelPackageName });
    checkStructKeys(`ModelPackage ${this.node.path}`, 'ModelPackageProps', props);
    const errors: string[] = [];
    const versioned = props.modelPackageGroup !== undefined;
    const group = props.modelPackageGroup;

    if (group && props.modelPackageName !== undefined) {
      errors.push('give either modelPackageGroup (a versioned package) or modelPackageName (an unversioned package), not both; '
        + `got modelPackageGroup ${group.node.path} and modelPackageName '${props.modelPackageName}'`);
    }
    if (!group && props.modelPackageName === undefined) {
      errors.push('give modelPackageGroup (to register a version in a group) or modelPackageName (for an unversioned package), got neither');
    }
    errors.push(...validateSageMakerName('modelPackageName', props.modelPackageName));
    errors.push(...validateDescription('description', props.description));
    if (!versioned && props.approvalStatus !== undefined) {
      errors.push(`approvalStatus applies only to versioned packages (give modelPackageGroup), got '${props.approvalStatus}' for an unversioned package`);
    }
    if (!versioned && props.approvalDescription !== undefined) {
      errors.push('approvalDescription applies only to versioned packages (give modelPackageGroup), got it for an unversioned package');
    }
    if (!versioned && props.lifeCycle !== undefined) {
      errors.push(`lifeCycle applies only to versioned packages (give modelPackageGroup), got stage '${props.lifeCycle.stage}' for an unversioned package`);
    }
    errors.push(...lifeCycleErrors('lifeCycle', props.lifeCycle));
    errors.push(...validateEnumValue('approvalStatus', props.approvalStatus, Object.values(ModelApprovalStatus), 'ModelApprovalStatus'));
    // ApprovalDescription (botocore and CloudFormation): 0-1024 characters of any kind, unlike the EntityDescription of description.
    errors.push(...validateLength('approvalDescription', props.approvalDescription, 0, 1024));
    errors.push(...validateRemovalPolicy('removalPolicy', props.removalPolicy, 'AWS::SageMaker::ModelPackage'));
    if (versioned && props.certifyForMarketplace !== undefined) {
      errors.push(`certifyForMarketplace applies only to unversioned packages (give modelPackageName), got ${props.certifyForMarketplace} for a version`);
    }
    if (!props.inferenceSpecification && !props.sourceAlgorithm) {
      errors.push('give inferenceSpecification (containers) or sourceAlgorithm (the algorithm that trained the model), got neither');
    }
    errors.push(...validateS3Uri('samplePayloadUrl', props.samplePayloadUrl));
    errors.push(...validateLength('sourceUri', props.sourceUri, 0, 1024));
    errors.push(...validatePattern('sourceUri', props.sourceUri, SOURCE_URI_PATTERN,
      'letters, marks, separators, numbers and punctuation (no symbols such as $ + < = > ^ ` | ~, no control characters)'));
    errors.push(...validateTemplateText('domain', props.domain));
    errors.push(...validateTemplateText('task', props.task));
    errors.push(...this.customerMetadataErrors(props.customerMetadata));
    for (const key of ['commitId', 'repository', 'generatedBy', 'projectId'] as const) {
      errors.push(...validateLength(`metadata.${key}`, props.metadata?.[key], 0, 1024));
    }
    errors.push(...this.modelCardErrors(props.modelCard));
    errors.push(...this.keyRegionErrors('encryptionKey', props.encryptionKey));
    const validationJob = props.validationSpecification?.profile.transformJob;
    errors.push(...this.keyRegionErrors('validationSpecification.profile.transformJob.output.encryptionKey',
      validationJob?.output.encryptionKey));
    errors.push(...this.keyRegionErrors('validationSpecification.profile.transformJob.resources.volumeEncryptionKey',
      validationJob?.resources.volumeEncryptionKey));

    const inferenceRules: InferenceRules = { requireContentTypes: true, allowModelData: true, requireInstanceTypes: !versioned };
    const additionalRules: InferenceRules = { requireContentTypes: false, allowModelData: true };
    if (props.inferenceSpecification) {
      errors.push(...inferenceSpecificationErrors('inferenceSpecification', props.inferenceSpecification, inferenceRules));
    }
    if (props.additionalInferenceSpecifications) {
      errors.push(...additionalInferenceSpecificationsErrors('additionalInferenceSpecifications', props.additionalInferenceSpecifications, additionalRules));
    }
    if (props.validationSpecification) {
      errors.push(...validationSpecificationErrors('validationSpecification', props.validationSpecification));
    }
    if (props.sourceAlgorithm) {
      errors.push(...sourceAlgorithmErrors(props.sourceAlgorithm));
    }
    if (props.modelMetrics) {
      errors.push(...modelMetricsErrors('modelMetrics', props.modelMetrics));
    }
    if (props.driftCheckBaselines) {
      errors.push(...driftCheckBaselinesErrors('driftCheckBaselines', props.driftCheckBaselines));
    }
    if (group) {
      errors.push(...this.groupRegionErrors(group));
    }
    throwIfErrors(`ModelPackage ${this.node.path}`, errors);

    const groupName = group ? groupReference(this, group) : undefined;
    const validationSpecification = props.validationSpecification && renderValidationSpecification(props.validationSpecification);
    const modelMetrics = props.modelMetrics && renderModelMetrics(props.modelMetrics);
    const driftCheckBaselines = props.driftCheckBaselines && renderDriftCheckBaselines(props.driftCheckBaselines);

    // Checked: render, binding the images and model data, which grants whoever runs the validation
    // jobs (the validation role) the pulls and reads; then the jobs' keys, in this order.
    const grantable = props.validationSpecification?.role;
    const bound: string[] = [];
    const inferenceSpecification = props.inferenceSpecification
      ? renderInferenceSpecification(this, 'inferenceSpecification', props.inferenceSpecification, { ...inferenceRules, grantable, errors: bound })
      : undefined;
    const additionalInferenceSpecifications = props.additionalInferenceSpecifications
      ? renderAdditionalInferenceSpecifications(this, 'additionalInferenceSpecifications', props.additionalInferenceSpecifications,
        { ...additionalRules, grantable, errors: bound })
      : undefined;
    if (props.validationSpecification) {
      grantValidationKeys(props.validationSpecification);
    }
    const sourceAlgorithmSpecification = props.sourceAlgorithm
      ? this.renderSourceAlgorithm(props.sourceAlgorithm, grantable, bound)
      : undefined;
    // Only model data implemented outside this library is known no sooner than bound.
    throwIfErrors(`ModelPackage ${this.node.path}`, bound);

    this.resource = new sagemaker.CfnModelPackage(this, 'Resource', {
      modelPackageGroupName: groupName,
      modelPackageName: props.modelPackageName,
      modelPackageDescription: props.description,
      inferenceSpecification,
      additionalInferenceSpecifications,
      validationSpecification,
      sourceAlgorithmSpecification,
      modelMetrics,
      driftCheckBaselines,
      metadataProperties: props.metadata && {
        commitId: props.metadata.commitId,
        repository: props.metadata.repository,
        generatedBy: props.metadata.generatedBy,
        projectId: props.metadata.projectId,
      },
      customerMetadataProperties: props.customerMetadata,
      domain: props.domain,
      task: props.task,
      samplePayloadUrl: props.samplePayloadUrl,
      modelCard: props.modelCard && { modelCardContent: props.modelCard.content, modelCardStatus: props.modelCard.status },
      securityConfig: props.encryptionKey && { kmsKeyId: props.encryptionKey.keyRef.keyArn },
      sourceUri: props.sourceUri,
      skipModelValidation: props.skipModelValidation === undefined ? undefined : (props.skipModelValidation ? 'All' : 'None'),
      certifyForMarketplace: props.certifyForMarketplace,
      modelApprovalStatus: props.approvalStatus,
      approvalDescription: props.approvalDescription,
    });
    this.resource.applyRemovalPolicy(props.removalPolicy ?? (versioned ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY));

    if (group?.node.defaultChild) {
      // The group's name is known at synth time, so nothing in the template orders the two: do it here.
      // Depend on the group's resource only: versions added with addModelPackage() are children of the
      // group, and depending on the whole group would make versions depend on each other (a cycle).
      this.resource.node.addDependency(group.node.defaultChild);
    }
    if (grantable) {
      // SageMaker checks the validation role's access when the package is created: wait for its policies
      // (not for the role resource, which the ValidationRole GetAtt orders already: cfn-lint W3005).
      dependOnRolePolicies(this.resource, grantable);
    }
    if (group) {
      this.removeVersionTags(group);
    }
    if (inferenceSpecification) {
      // Compared when synthesizing, once tokens such as repository URIs resolve.
      const containers = inferenceSpecification.containers as unknown[];
      this.node.addValidation({ validate: () => duplicateContainerErrors(Stack.of(this), containers) });
    }

    this.artifacts = [
      ...(props.inferenceSpecification?.containers ?? []),
      ...(props.additionalInferenceSpecifications ?? []).flatMap((spec) => spec.containers),
      ...(props.sourceAlgorithm?.modelData ? [{ modelData: props.sourceAlgorithm.modelData }] : []),
    ];
    if (props.lifeCycle) {
      this.setLifeCycle(props.lifeCycle, props.encryptionKey);
    }

    this.modelPackageGroup = group;
    this.encryptionKey = props.encryptionKey;
    this.modelPackageArn = this.resource.attrModelPackageArn;
    if (versioned) {
      this.modelPackageName = modelPackageNameOf(this.modelPackageArn);
      this.modelPackageVersion = modelPackageVersionOf(this.modelPackageArn);
    } else {
      this.modelPackageName = props.modelPackageName!;
    }
  }

  /** The key the package is encrypted with, if one was given. */
  protected get keyForReaders(): kmsRefs.IKeyRef | undefined {
    return this.encryptionKey;
  }

  /** A version when it is registered in a group, an unversioned package otherwise. */
  protected get versioned(): boolean | undefined {
    return this.modelPackageGroup !== undefined;
  }

  /** @internal */
  public _bindArtifacts(grantee: iam.IGrantable): void {
    for (const artifact of this.artifacts) {
      artifact.image?.bind(this, grantee);
      artifact.modelData?.bind(this, grantee);
    }
  }

  /**
   * Sets the version's stage right after it is created (CloudFormation has no `ModelLifeCycle`):
   * a custom resource served by the approval function, which may describe and update exactly this
   * version (and decrypt it with its key: DescribeModelPackage decrypts an encrypted version).
   */
  private setLifeCycle(lifeCycle: ModelLifeCycle, encryptionKey: kmsRefs.IKeyRef | undefined): void {
    const arn = this.resource.attrModelPackageArn;
    claimStage(this, arn, `ModelPackage ${this.node.path}`);
    const handler = DeployTimeHandler.of(this, 'approval');
    handler.allow(['sagemaker:UpdateModelPackage', 'sagemaker:DescribeModelPackage'], [arn]);
    if (encryptionKey) {
      handler.allow(['kms:Decrypt'], [encryptionKey.keyRef.keyArn]);
    }
    handler.newResource(this, 'LifeCycle', 'Custom::SageMakerModelPackageLifeCycle', {
      ModelPackageArn: arn,
      ...lifeCycleProperties(lifeCycle),
    });
  }

  /** Problems with the group's region: SageMaker registers versions only into groups of the package's region. */
  private groupRegionErrors(group: IModelPackageGroup): string[] {
    const stack = Stack.of(this);
    if (Token.compareStrings(group.env.region, stack.region) === TokenComparison.DIFFERENT) {
      return [`modelPackageGroup must be in the package's region ${stack.region}, got group ${group.modelPackageGroupName} `
        + `in region ${group.env.region} (SageMaker registers versions only into groups of its own region)`];
    }
    return [];
  }

  /**
   * Renders the source algorithm, checked with `sourceAlgorithmErrors()` first: binds its model data,
   * granting `grantable` the read; problems only binding finds are appended to `errors`.
   */
  private renderSourceAlgorithm(source: SourceAlgorithm, grantable: iam.IGrantable | undefined, errors: string[]) {
    const algorithmName = source.algorithm?.algorithmRef.algorithmArn ?? source.algorithmName ?? '';
    const config = source.modelData?.bind(this, grantable);
    if (config && source.modelData?._describe() === undefined) {
      // Model data implemented outside this library: only its bind() tells what it is.
      errors.push(...sourceAlgorithmModelDataErrors(config));
    }
    const modelData = renderModelData(config);
    return { sourceAlgorithms: [{ algorithmName, modelDataUrl: modelData.modelDataUrl }] };
  }

  private customerMetadataErrors(metadata: { [key: string]: string } | undefined): string[] {
    if (metadata === undefined || Token.isUnresolved(metadata)) {
      return [];
    }
    const errors = validateNotIntrinsic('customerMetadata', metadata);
    const keys = Object.keys(metadata);
    if (keys.length < 1 || keys.length > 50) {
      errors.push(`customerMetadata must have between 1 and 50 entries, got ${keys.length}`);
    }
    for (const key of keys) {
      errors.push(...validateLength('customerMetadata keys', key, 1, 128));
      errors.push(...validatePattern('customerMetadata keys', key, CUSTOMER_METADATA_PATTERN, 'letters, spaces, digits and _.:/=+-@'));
      errors.push(...validateLength(`customerMetadata.${key}`, metadata[key], 1, 256));
      errors.push(...validatePattern(`customerMetadata.${key}`, metadata[key], CUSTOMER_METADATA_PATTERN, 'letters, spaces, digits and _.:/=+-@'));
    }
    return errors;
  }

  private modelCardErrors(card: ModelPackageModelCard | undefined): string[] {
    if (card === undefined) {
      return [];
    }
    const errors = validateEnumValue('modelCard.status', card.status, Object.values(ModelCardStatus), 'ModelCardStatus');
    if (Token.isUnresolved(card.content)) {
      return errors;
    }
    errors.push(...validateLength('modelCard.content', card.content, 0, 100000));
    try {
      JSON.parse(card.content);
    } catch (e) {
      errors.push(`modelCard.content must be a JSON document, got '${card.content.slice(0, 80)}' (${(e as Error).message})`);
    }
    return errors;
  }

  private keyRegionErrors(property: string, key: kmsRefs.IKeyRef | undefined): string[] {
    const region = Stack.of(this).region;
    if (key && Token.compareStrings(key.env.region, region) === TokenComparison.DIFFERENT) {
      return [`${property} must be in the package's region ${region}, got a key in region ${key.env.region}`];
    }
    return [];
  }

  /** Versions reject tags: drop whatever Tags.of() or the L1 added, and say so once per group. */
  private removeVersionTags(group: IModelPackageGroup): void {
    this.resource.addPropertyDeletionOverride('Tags');
    reportRemovedVersionTags(group, this, this.resource);
  }
}

/** Problems with a source algorithm, its model data as described before binding included. */
function sourceAlgorithmErrors(source: SourceAlgorithm): string[] {
  const errors: string[] = [];
  if ((source.algorithm === undefined) === (source.algorithmName === undefined)) {
    errors.push('sourceAlgorithm must give exactly one of algorithm and algorithmName, got '
      + (source.algorithm ? 'both' : 'neither'));
  }
  if (source.algorithmName !== undefined) {
    errors.push(...validateLength('sourceAlgorithm.algorithmName', source.algorithmName, 1, 170));
    errors.push(...validatePattern('sourceAlgorithm.algorithmName', source.algorithmName, ARN_OR_NAME_PATTERN,
      'an algorithm name of 1-63 letters, digits and hyphens, starting with a letter or digit and not ending with a hyphen, '
      + 'optionally after an ARN prefix such as arn:aws:sagemaker:us-east-1:123456789012:algorithm/'));
  }
  errors.push(...sourceAlgorithmModelDataErrors(source.modelData?._describe()));
  return errors;
}

/** Problems with the model data of a source algorithm, described or bound: CloudFormation takes only a `ModelDataUrl`. */
function sourceAlgorithmModelDataErrors(modelData: ModelDataDescription | undefined): string[] {
  if (!modelData) {
    return [];
  }
  if (rendersAsModelDataUrl(modelData)) {
    return validateS3Uri('sourceAlgorithm.modelData', modelData.s3Uri);
  }
  return ['sourceAlgorithm.modelData must be a single .tar.gz archive without EULA acceptance (CloudFormation\'s '
    + 'SourceAlgorithm takes only ModelDataUrl), got an uncompressed prefix or an archive with acceptEula'];
}

/**
 * CloudFormation's schema requires the containers of a model package's `InferenceSpecification`
 * to be unique (`uniqueItems`): report each container that repeats an earlier one.
 */
function duplicateContainerErrors(stack: Stack, containers: unknown[]): string[] {
  const seen = new Map<string, number>();
  const errors: string[] = [];
  containers.forEach((container, i) => {
    const key = JSON.stringify(stack.resolve(container));
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
    } else {
      errors.push(`inferenceSpecification.containers[${i}] must differ from inferenceSpecification.containers[${first}] `
        + '(CloudFormation requires the containers of an inference specification to be unique), got the same definition twice');
    }
  });
  return errors;
}

/** The attributes of an imported model package. */
interface ImportedModelPackageProps {
  readonly modelPackageArn: string;
  readonly modelPackageName: string;
  /** Whether the package is a version; undefined when unknown (an import by a token). */
  readonly versioned?: boolean;
}

class ImportedModelPackage extends ModelPackageBase {
  public readonly modelPackageArn: string;
  public readonly modelPackageName: string;
  private readonly isVersion?: boolean;

  constructor(scope: Construct, id: string, props: ImportedModelPackageProps) {
    super(scope, id, { environmentFromArn: props.modelPackageArn });
    this.modelPackageArn = props.modelPackageArn;
    this.modelPackageName = props.modelPackageName;
    this.isVersion = props.versioned;
  }

  protected get versioned(): boolean | undefined {
    return this.isVersion;
  }
}
