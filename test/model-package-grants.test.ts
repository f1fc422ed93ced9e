/*
 * ModelPackageGrants (src/model-package-grants.ts): the grants of `modelPackage.grants` and of any
 * reference to a model package (read, approve, deploy).
 */
import { Stack, aws_iam as iam, aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ModelPackage, ModelPackageGrants } from '../src';
import { ACCOUNT, REGION } from './constants';
import { newStack } from './util';

function newRole(stack: Stack, id = 'Role'): iam.Role {
  return new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
}

function statementsOf(stack: Stack): any[] {
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')) as any[];
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument.Statement;
}

describe('ModelPackageGrants', () => {
  test('of a CfnModelPackage: read and deploy describe it, approve updates it', () => {
    const { stack } = newStack();
    const cfn = new sagemaker.CfnModelPackage(stack, 'Cfn', { modelPackageName: 'listing' });
    const role = newRole(stack);
    const grants = ModelPackageGrants.fromModelPackage(cfn);

    grants.deploy(role);
    grants.approve(role);

    expect(statementsOf(stack)).toEqual([
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
    expect(statementsOf(stack)).toEqual([{
      Action: ['sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage'],
      Effect: 'Allow',
      Resource: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/3`,
    }]);
  });
});
