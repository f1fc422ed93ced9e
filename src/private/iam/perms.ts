/**
 * IAM actions used by the grants, grouped by the ARN that IAM authorizes them against.
 *
 * Source: the Service Authorization Reference for Amazon SageMaker (resource types per action) and
 * the SageMaker Developer Guide's cross-account policies (model-registry-version.html,
 * model-registry-deploy.html, model-registry-ram.html):
 *
 * | Action                        | Authorized against                                   |
 * |-------------------------------|------------------------------------------------------|
 * | DescribeModelPackageGroup     | model-package-group/<group>                          |
 * | Get/Put/DeleteModelPackageGroupPolicy, DeleteModelPackageGroup | model-package-group/<group> |
 * | CreateModelPackage            | model-package/<group>/* (the version being created)  |
 * | DescribeModelPackage          | model-package/<group>/<version>                      |
 * | BatchDescribeModelPackage     | model-package/<group>/<version>                      |
 * | UpdateModelPackage            | model-package/<group>/<version>                      |
 * | DeleteModelPackage            | model-package/<group>/<version>                      |
 * | ListModelPackages             | no required resource type; AWS's own sharing policies scope it to the group and its versions |
 * | ListModelPackageGroups        | no resource type (needs "*"); therefore never granted here |
 */

/** Read actions authorized against the group ARN. */
export const GROUP_READ_ACTIONS = ['sagemaker:DescribeModelPackageGroup'];

/** Read actions authorized against version ARNs (`model-package/<group>/*`). */
export const VERSION_READ_ACTIONS = ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage'];

/** List action, scoped to the group and its versions as in AWS's sharing policies. */
export const LIST_ACTIONS = ['sagemaker:ListModelPackages'];

/** Registering a new version into the group (authorized against `model-package/<group>/*`). */
export const REGISTER_ACTIONS = ['sagemaker:CreateModelPackage'];

/** Changing the approval status (and description) of versions in the group. */
export const APPROVE_ACTIONS = ['sagemaker:UpdateModelPackage'];

/** Deleting versions of the group (authorized against `model-package/<group>/*`). */
export const DELETE_VERSION_ACTIONS = ['sagemaker:DeleteModelPackage'];

/** Creating a model from a version (the cross-account deployment policy of the SageMaker Developer Guide). */
export const DEPLOY_ACTIONS = ['sagemaker:CreateModel'];

/* Actions on the artifacts of a share (`ShareArtifacts`), granted by artifact-grants.ts. */

/** Reading artifact objects. */
export const S3_OBJECT_ACTIONS = ['s3:GetObject'];
/** Listing artifact objects (with an `s3:prefix` condition when a prefix is given). */
export const S3_LIST_ACTIONS = ['s3:ListBucket'];
/** Decrypting artifacts or versions encrypted with a KMS key. */
export const KMS_DECRYPT_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'];
/** Pulling an image (the repository-scoped actions of `ecr.Repository.grantPull`). */
export const ECR_PULL_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'];
/** Logging in to ECR: not resource-scoped, so only ever in the principal's own policy. */
export const ECR_LOGIN_ACTIONS = ['ecr:GetAuthorizationToken'];
