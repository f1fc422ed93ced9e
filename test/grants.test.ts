import { Stack, aws_iam as iam, aws_sagemaker as sagemaker } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  AlgorithmGrants,
  ModelPackage,
  ModelPackageGrants,
  ModelPackageGroup,
  ModelPackageGroupGrants,
} from '../src';
import { ACCOUNT, REGION, newStack, partitionArn } from './util';

function newRole(stack: Stack, id = 'Role'): iam.Role {
  return new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
}

function statementsOf(stack: Stack): any[] {
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')) as any[];
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument.Statement;
}

const VERSIONS = partitionArn(`:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/*`);

describe('ModelPackageGroupGrants', () => {
  test('group.grants.read/register/approve/actions render what the grantXxx methods render', () => {
    const render = (use: (group: ModelPackageGroup, role: iam.Role) => void) => {
      const { stack } = newStack();
      const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
      use(group, newRole(stack));
      return statementsOf(stack);
    };
    expect(render((g, r) => g.grants.read(r))).toEqual(render((g, r) => g.grantRead(r)));
    expect(render((g, r) => g.grants.register(r))).toEqual(render((g, r) => g.grantRegister(r)));
    expect(render((g, r) => g.grants.approve(r))).toEqual(render((g, r) => g.grantApprove(r)));
    expect(render((g, r) => ModelPackageGroupGrants.fromModelPackageGroup(g).actions(r, 'sagemaker:DeleteModelPackage')))
      .toEqual(render((g, r) => g.grant(r, 'sagemaker:DeleteModelPackage')));
    expect(render((g, r) => g.grants.register(r))).toEqual([
      { Action: 'sagemaker:CreateModelPackage', Effect: 'Allow', Resource: VERSIONS },
    ]);
  });

  test('an imported group has grants too', () => {
    const { stack } = newStack();
    const group = ModelPackageGroup.fromModelPackageGroupName(stack, 'Group', 'churn');
    group.grants.approve(newRole(stack));
    expect(statementsOf(stack)).toEqual([{
      Action: ['sagemaker:UpdateModelPackage', 'sagemaker:DescribeModelPackage', 'sagemaker:BatchDescribeModelPackage', 'sagemaker:ListModelPackages'],
      Effect: 'Allow',
      Resource: VERSIONS,
    }]);
  });
});

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

describe('AlgorithmGrants', () => {
  test('of a CfnAlgorithm: read describes it', () => {
    const { stack } = newStack();
    const cfn = new sagemaker.CfnAlgorithm(stack, 'Cfn', {
      algorithmName: 'trainer',
      trainingSpecification: {
        trainingImage: '763104351884.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
        supportedTrainingInstanceTypes: ['ml.m5.xlarge'],
        trainingChannels: [{ name: 'train', supportedContentTypes: ['text/csv'], supportedInputModes: ['File'] }],
      },
    });
    AlgorithmGrants.fromAlgorithm(cfn).read(newRole(stack));
    expect(statementsOf(stack)).toEqual([{ Action: 'sagemaker:DescribeAlgorithm', Effect: 'Allow', Resource: { Ref: 'Cfn' } }]);
  });
});
