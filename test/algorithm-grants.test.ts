/*
 * AlgorithmGrants (src/algorithm-grants.ts): the grants of `algorithm.grants` and of any reference to an
 * algorithm.
 */
import { aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import { AlgorithmGrants } from '../src';
import { XGBOOST_IMAGE } from './constants';
import { newRole, newStack, policyStatementsOf } from './util';

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
    expect(policyStatementsOf(stack)).toEqual([{ Action: 'sagemaker:DescribeAlgorithm', Effect: 'Allow', Resource: { Ref: 'Cfn' } }]);
  });
});
