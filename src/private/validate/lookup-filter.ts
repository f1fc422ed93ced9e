import { Token } from 'aws-cdk-lib';
import { stageValueErrors } from './stages';
import { validateEnumValue, validateLength, validateNotIntrinsic } from './values';
import { ModelApprovalStatus } from '../../approval';
import { LatestModelPackageOptions } from '../../latest-model-package';

/** Problems with the filters of a lookup of a group's newest matching version (`latestModelPackage()`). */
export function lookupFilterErrors(options: LatestModelPackageOptions): string[] {
  return [
    ...validateEnumValue('approvalStatus', options.approvalStatus, Object.values(ModelApprovalStatus), 'ModelApprovalStatus'),
    ...stageValueErrors('stage', options.stage),
    ...stageValueErrors('stageStatus', options.stageStatus),
    ...(options.stageStatus !== undefined && options.stage === undefined
      ? [`stageStatus is a status within a stage and requires stage, got stageStatus '${options.stageStatus}' without stage`]
      : []),
    ...customerMetadataErrors(options.customerMetadata),
  ];
}

/** Problems with a customer metadata filter: the bounds of `CustomerMetadataProperties` keys and values. */
function customerMetadataErrors(metadata: { [key: string]: string } | undefined): string[] {
  if (metadata === undefined || Token.isUnresolved(metadata)) {
    return [];
  }
  const errors = validateNotIntrinsic('customerMetadata', metadata);
  const keys = Object.keys(metadata);
  if (keys.length > 50) {
    errors.push(`customerMetadata must have at most 50 entries (a version has no more), got ${keys.length}`);
  }
  for (const key of keys) {
    errors.push(...validateLength('customerMetadata keys', key, 1, 128));
    errors.push(...validateLength(`customerMetadata.${key}`, metadata[key], 1, 256));
  }
  return errors;
}
