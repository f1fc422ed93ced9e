import { aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import {
  ModelApprovalStatus,
  ModelPackage,
  ModelPackageBase,
  ModelPackageGroup,
  ModelPackageGroupBase,
} from '../src';
import { ACCOUNT, REGION } from './constants';
import { newStack } from './util';
import { KnownModelPackage, SelfGrantingGroup, isKnownModelPackage, isModelPackageGroup, isSelfGrantingGroup } from '../src/private/contracts';

// The library's base classes satisfy the contracts (checked by the compiler, not at run time).
const groupContract: (group: ModelPackageGroupBase) => SelfGrantingGroup = (group) => group;
const packageContract: (modelPackage: ModelPackageBase) => KnownModelPackage = (modelPackage) => modelPackage;

describe('the contracts between grants classes and constructs', () => {
  test('every model package group of the library grants on itself; a CfnModelPackageGroup does not', () => {
    const { stack } = newStack();
    const owned = new ModelPackageGroup(stack, 'Owned', { modelPackageGroupName: 'churn' });
    const byName = ModelPackageGroup.fromModelPackageGroupName(stack, 'ByName', 'churn');
    const byArn = ModelPackageGroup.fromModelPackageGroupArn(stack, 'ByArn',
      `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package-group/churn`);
    const cfn = new sagemaker.CfnModelPackageGroup(stack, 'Cfn', { modelPackageGroupName: 'churn' });

    for (const group of [owned, byName, byArn]) {
      expect(isSelfGrantingGroup(group)).toBe(true);
      expect(isModelPackageGroup(group)).toBe(true);
      expect(groupContract(group as ModelPackageGroupBase)).toBe(group);
    }
    expect(isSelfGrantingGroup(cfn)).toBe(false);
    expect(isModelPackageGroup(cfn)).toBe(false);
  });

  test('every model package of the library is known, with its key and whether it is a version; a CfnModelPackage is not', () => {
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
    const imported = ModelPackage.fromModelPackageArn(stack, 'Imported', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/3`);
    const unversioned = ModelPackage.fromModelPackageName(stack, 'Unversioned', 'listing');
    const lookup = group.latestModelPackage(stack, 'Latest', { approvalStatus: ModelApprovalStatus.APPROVED });
    const cfn = new sagemaker.CfnModelPackage(stack, 'Cfn', { modelPackageName: 'listing' });

    for (const modelPackage of [imported, unversioned, lookup]) {
      expect(isKnownModelPackage(modelPackage)).toBe(true);
      expect(packageContract(modelPackage as ModelPackageBase)).toBe(modelPackage);
    }
    expect(isKnownModelPackage(cfn)).toBe(false);
    const known = [imported, unversioned, lookup] as unknown as KnownModelPackage[];
    expect(known.map((p) => p._versioned)).toEqual([true, false, true]);
    expect(known.map((p) => p._keyForReaders)).toEqual([undefined, undefined, undefined]);
  });
});
