/*
 * Users of @aws-cdk/aws-sagemaker-alpha keep their endpoints: this library's Model (built from a
 * registered version, or from an image and model data) is an IModel of the alpha, so the alpha's
 * EndpointConfig and Endpoint serve it. The alpha is a devDependency pinned to its latest release,
 * 2.159.1-alpha.0, whose aws-cdk-lib peer range (^2.159.1) accepts the aws-cdk-lib of this project.
 *
 * The assignments below are checked by TypeScript (structural typing, no cast); the templates go
 * through the cfn-lint gate with every other template of the suite.
 */
import * as alpha from '@aws-cdk/aws-sagemaker-alpha';
import { CfnResource, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ContainerImage, IModel, Model, ModelData, ModelPackage } from '../src';
import { ACCOUNT, REGION, XGBOOST_IMAGE } from './constants';
import { newStack } from './util';

const VERSION_ARN = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn-prediction/3`;

/** A model of this library from a registered version, and one from an image and model data. */
function models(stack: Stack): { registered: Model; fromImage: Model } {
  const version = ModelPackage.fromModelPackageArn(stack, 'Version', VERSION_ARN);
  const registered = new Model(stack, 'Registered', { containers: [{ modelPackage: version }] });
  const fromImage = new Model(stack, 'FromImage', {
    containers: [{ image: ContainerImage.fromRegistry(XGBOOST_IMAGE), modelData: ModelData.fromS3Url('s3://churn-artifacts/model.tar.gz') }],
  });
  return { registered, fromImage };
}

/** The logical ID of the L1 of the construct at `path` (its default child, or its only CloudFormation resource). */
function logicalId(stack: Stack, path: string): string {
  const construct = stack.node.findChild(path);
  const l1 = construct.node.defaultChild ?? construct.node.children.find((c) => CfnResource.isCfnResource(c));
  if (!l1 || !CfnResource.isCfnResource(l1)) {
    throw new Error(`no CloudFormation resource under ${path}`);
  }
  return stack.resolve(l1.logicalId);
}

describe('@aws-cdk/aws-sagemaker-alpha 2.159.1-alpha.0 serves this library\'s Model', () => {
  test('as the alpha\'s IModel, in an EndpointConfig with instance variants, served by the alpha\'s Endpoint', () => {
    // GIVEN
    const { stack } = newStack();
    const { registered, fromImage } = models(stack);
    // Compile-time proof: this library's Model is assignable to the alpha's IModel (its IModel too: see the next test).
    const asAlpha: alpha.IModel[] = [registered, fromImage];

    // WHEN
    const endpointConfig = new alpha.EndpointConfig(stack, 'AlphaConfig', {
      instanceProductionVariants: [
        { model: asAlpha[0], variantName: 'registered', instanceType: alpha.InstanceType.of('ml.m5.large'), initialVariantWeight: 9 },
        { model: asAlpha[1], variantName: 'image', instanceType: alpha.InstanceType.M5_XLARGE, initialInstanceCount: 2 },
      ],
    });
    const endpoint = new alpha.Endpoint(stack, 'AlphaEndpoint', { endpointConfig });
    // The alpha's variant lookup and autoscaling, on a variant of our model.
    const variant = endpoint.findInstanceProductionVariant('registered');
    variant.autoScaleInstanceCount({ maxCapacity: 3 }).scaleOnInvocations('Invocations', { maxRequestsPerSecond: 10 });

    // THEN the configuration names our models (Fn::GetAtt ModelName), exactly as the alpha renders its own
    const template = Template.fromStack(stack);
    const registeredId = logicalId(stack, 'Registered');
    const imageId = logicalId(stack, 'FromImage');
    template.resourceCountIs('AWS::SageMaker::EndpointConfig', 1);
    template.hasResource('AWS::SageMaker::EndpointConfig', {
      Properties: Match.exact({
        ProductionVariants: [
          {
            InitialInstanceCount: 1,
            InitialVariantWeight: 9,
            InstanceType: 'ml.m5.large',
            ModelName: { 'Fn::GetAtt': [registeredId, 'ModelName'] },
            VariantName: 'registered',
          },
          {
            InitialInstanceCount: 2,
            InitialVariantWeight: 1,
            InstanceType: 'ml.m5.xlarge',
            ModelName: { 'Fn::GetAtt': [imageId, 'ModelName'] },
            VariantName: 'image',
          },
        ],
      }),
    });
    template.hasResourceProperties('AWS::SageMaker::Endpoint', Match.exact({
      EndpointConfigName: { 'Fn::GetAtt': [logicalId(stack, 'AlphaConfig'), 'EndpointConfigName'] },
    }));
    // Our models keep what they render on their own: the registered version and the image with its data.
    template.hasResourceProperties('AWS::SageMaker::Model', Match.objectLike({
      PrimaryContainer: { ModelPackageName: VERSION_ARN },
    }));
    template.hasResourceProperties('AWS::SageMaker::Model', Match.objectLike({
      PrimaryContainer: { Image: XGBOOST_IMAGE, ModelDataUrl: 's3://churn-artifacts/model.tar.gz' },
    }));
    expect(variant.variantName).toBe('registered');
    template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', Match.objectLike({
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
      MinCapacity: 1,
      MaxCapacity: 3,
    }));
  });

  test('the members the alpha reads (name, ARN, role, principal) are those of this library\'s model, also through its IModel', () => {
    // GIVEN
    const { stack } = newStack();
    const { registered } = models(stack);
    const ours: IModel = registered;
    const asAlpha: alpha.IModel = ours;

    // THEN the members the alpha reads are ours
    expect(asAlpha.modelName).toBe(registered.modelName);
    expect(asAlpha.modelArn).toBe(registered.modelArn);
    expect(asAlpha.role).toBe(registered.role);
    expect(asAlpha.grantPrincipal).toBe(registered.grantPrincipal);
  });
});
