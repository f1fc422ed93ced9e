/*
 * AlgorithmGrants (src/algorithm-grants.ts): the grants of `algorithm.grants` and of any reference to an
 * algorithm.
 */
import { Stack, aws_iam as iam, aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AlgorithmGrants } from '../src';
import { XGBOOST_IMAGE } from './constants';
import { newStack } from './util';

function newRole(stack: Stack, id = 'Role'): iam.Role {
  return new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
}

function statementsOf(stack: Stack): any[] {
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')) as any[];
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument.Statement;
}

describe('AlgorithmGrants', () => {
  test('of a CfnAlgorithm: read describes it', () => {
    const { stack } = newStack();
    const cfn = new sagemaker.CfnAlgorithm(stack, 'Cfn', {
      algorithmName: 'trainer',
      trainingSpecification: {
        trainingImage: XGBOOST_IMAGE,
        supportedTrainingInstanceTypes: ['ml.m5.xlarge'],
        trainingChannels: [{ name: 'train', supportedContentTypes: ['text/csv'], supportedInputModes: ['File'] }],
      },
    });
    AlgorithmGrants.fromAlgorithm(cfn).read(newRole(stack));
    expect(statementsOf(stack)).toEqual([{ Action: 'sagemaker:DescribeAlgorithm', Effect: 'Allow', Resource: { Ref: 'Cfn' } }]);
  });
});
