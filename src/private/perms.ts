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
