/*
 * ModelPackageGrants (src/model-package-grants.ts): the grants of `modelPackage.grants` and of any
 * reference to a model package (read, approve, deploy).
 */
import { aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import { ModelPackage, ModelPackageGrants } from '../src';
import { ACCOUNT, REGION } from './constants';
import { newRole, newStack, policyStatementsOf } from './util';

describe('ModelPackageGrants', () => {
  test('of a CfnModelPackage: read and deploy describe it, approve updates it', () => {
    const { stack } = newStack();
    const cfn = new sagemaker.CfnModelPackage(stack, 'Cfn', { modelPackageName: 'listing' });
    const role = newRole(stack);
    const grants = ModelPackageGrants.fromModelPackage(cfn);

    grants.deploy(role);
    grants.approve(role);

    expect(policyStatementsOf(stack)).toEqual([
      { Action: ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage'], Effect: 'Allow', Resource: { Ref: 'Cfn' } },
      {
        Action: ['sagemaker:UpdateModelPackage', 'sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage'],
        Effect: 'Allow',
        Resource: { Ref: 'Cfn' },
      },
    ]);
  });

  test('modelPackage.grants is what grantRead uses', () => {
    const { stack } = newStack();
    const version = ModelPackage.fromModelPackageArn(stack, 'V', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/3`);
    version.grants.read(newRole(stack));
    expect(policyStatementsOf(stack)).toEqual([{
      Action: ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage'],
      Effect: 'Allow',
      Resource: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/3`,
    }]);
  });
});
