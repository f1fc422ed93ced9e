/*
 * Unknown struct keys are synth-time errors, never silently dropped.
 *
 * jsii hands a Python dict (or a Java/Go map) given where a struct is expected to the library with its
 * keys as written, so `{"model_data": ...}` reaches the library as `model_data`, not `modelData`. These
 * tests give the constructs what such a dict becomes (a plain object with the keys as written) and check
 * that every entry point names the key, the struct and the key it means.
 */
import * as fs from 'fs';
import { aws_iam as iam } from 'aws-cdk-lib';
import { OUTPUT, readStructs, render } from '../scripts/struct-keys';
import {
  Algorithm,
  ContainerImage,
  HyperParameterRange,
  HyperParameterType,
  InstanceType,
  Model,
  ModelApprovalStatus,
  ModelData,
  ModelPackage,
  ModelPackageApproval,
  ModelPackageGroup,
  TrainingInputMode,
} from '../src';
import { ACCOUNT, REGION } from './constants';
import { errorOf, newStack } from './util';
import { unknownKeyErrors } from '../src/private/validate/struct-keys';
import { STRUCTS } from '../src/private/validate/struct-keys.generated';

const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/churn:1`;

/** What a Python dict becomes on the library side: an object with the keys as the user wrote them. */
function dict(value: Record<string, unknown>): any {
  return value;
}

describe('the struct table', () => {
  test('is the one the sources give (run `npx projen struct-keys` when this fails)', () => {
    expect(fs.readFileSync(OUTPUT, 'utf-8')).toEqual(render(readStructs()));
  });

  test('knows the structs of every construct and their nested structs', () => {
    expect(STRUCTS.ModelProps.nested?.containers).toEqual(['ContainerDefinition', 'list']);
    expect(STRUCTS.InferenceSpecification.nested?.containers).toEqual(['InferenceContainer', 'list']);
    expect(STRUCTS.TrainingSpecification.nested?.hyperParameters).toEqual(['HyperParameterSpecification', 'list']);
    expect(STRUCTS.ContainerDefinition.keys).toContain('modelData');
    // Inherited properties count: OnApprovalStatusChangeOptions extends events.OnEventOptions.
    expect(STRUCTS.OnApprovalStatusChangeOptions.keys).toEqual(expect.arrayContaining(['statuses', 'target', 'ruleName', 'eventPattern']));
  });
});

describe('unknownKeyErrors', () => {
  test('suggests the camelCase name of a Python name, with the struct class to use', () => {
    expect(unknownKeyErrors('ContainerDefinition', dict({ image: 'x', model_data: 'y' }), 'containers[0]')).toEqual([
      "containers[0]: 'model_data' is not a property of ContainerDefinition; did you mean 'modelData'? "
      + 'In Python, use the struct class, registry.ContainerDefinition(model_data=...), or camelCase keys in dicts: '
      + 'jsii passes dict keys to the library as they are.',
    ]);
  });

  test('suggests the nearest key for a misspelling, and lists the properties when nothing is near', () => {
    expect(unknownKeyErrors('MetricsSource', dict({ s3Uri: 's3://artifacts/k', contentTyp: 'x' }))).toEqual([
      "'contentTyp' is not a property of MetricsSource; did you mean 'contentType'?",
    ]);
    expect(unknownKeyErrors('ApprovalTransition', dict({ from: 'a', to: 'b', banana: 1 }))).toEqual([
      "'banana' is not a property of ApprovalTransition (its properties are 'from', 'to')",
    ]);
  });

  test('walks lists, single structs and maps, and leaves class instances and undefined keys alone', () => {
    const errors = unknownKeyErrors('ModelProps', dict({
      containers: [dict({ image: ContainerImage.fromRegistry(IMAGE) }), dict({ image: 'x', environmnet: {} })],
      role: { arbitrary: 'object of a class' } as unknown,
      vpcSubnetz: undefined,
    }));
    expect(errors).toEqual(["containers[1]: 'environmnet' is not a property of ContainerDefinition; did you mean 'environment'?"]);
  });

  test('reports at most ten problems and counts the rest', () => {
    const bad = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`unknown_${i}`, i]));
    const errors = unknownKeyErrors('ApprovalTransition', dict(bad));
    expect(errors).toHaveLength(11);
    expect(errors[10]).toEqual('... and 3 more unknown keys');
  });
});

describe('every entry point rejects unknown keys', () => {
  test('Model: a container dict with Python names is an error, not a container without model data', () => {
    const { stack } = newStack();
    const message = errorOf(() => new Model(stack, 'Model', {
      containers: [dict({ image: ContainerImage.fromRegistry(IMAGE), model_data: ModelData.fromS3Url('s3://artifacts/model.tar.gz') })],
    }));
    expect(message).toEqual('Invalid Model Stack/Model:\n'
      + "  - containers[0]: 'model_data' is not a property of ContainerDefinition; did you mean 'modelData'? "
      + 'In Python, use the struct class, registry.ContainerDefinition(model_data=...), or camelCase keys in dicts: '
      + 'jsii passes dict keys to the library as they are.');
  });

  test('Model: `model_package` is reported as such, not as "got neither an image nor a model package"', () => {
    const { stack } = newStack();
    const pkg = ModelPackage.fromModelPackageArn(stack, 'Pkg', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/3`);
    const message = errorOf(() => new Model(stack, 'Model', { containers: [dict({ model_package: pkg })] }));
    expect(message).toContain("containers[0]: 'model_package' is not a property of ContainerDefinition; did you mean 'modelPackage'?");
    expect(message).not.toContain('neither');
  });

  test('Model.addContainer and Model.fromModelAttributes', () => {
    const { stack } = newStack();
    const model = new Model(stack, 'Model', { containers: [{ image: ContainerImage.fromRegistry(IMAGE) }] });
    expect(errorOf(() => model.addContainer(dict({ image: ContainerImage.fromRegistry(IMAGE), containerHostName: 'a' }))))
      .toContain("'containerHostName' is not a property of ContainerDefinition; did you mean 'containerHostname'?");
    expect(errorOf(() => Model.fromModelAttributes(stack, 'Imported', dict({ modelArn: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model/m`, rol: undefined, securityGroup: [] }))))
      .toEqual("Invalid Model.fromModelAttributes:\n  - 'securityGroup' is not a property of ModelAttributes; did you mean 'securityGroups'?");
  });

  test('ModelPackage: nested inference containers and metrics', () => {
    const { stack } = newStack();
    const group = new ModelPackageGroup(stack, 'Group');
    const message = errorOf(() => group.addModelPackage('V1', dict({
      inferenceSpecification: dict({
        containers: [dict({ image: ContainerImage.fromRegistry(IMAGE), model_data: ModelData.fromS3Url('s3://artifacts/model.tar.gz') })],
        supportedContentTypes: ['text/csv'],
        supportedResponseMimeTypes: ['text/csv'],
      }),
      modelMetrics: dict({ modelQuality: dict({ statistics: dict({ s3Uri: 's3://artifacts/s.json', content_type: 'application/json' }) }) }),
    })));
    expect(message.split('\n')).toEqual([
      'Invalid ModelPackage Stack/Group/V1:',
      "  - inferenceSpecification.containers[0]: 'model_data' is not a property of InferenceContainer; did you mean 'modelData'? "
      + 'In Python, use the struct class, registry.InferenceContainer(model_data=...), or camelCase keys in dicts: '
      + 'jsii passes dict keys to the library as they are.',
      "  - modelMetrics.modelQuality.statistics: 'content_type' is not a property of MetricsSource; did you mean 'contentType'? "
      + 'In Python, use the struct class, registry.MetricsSource(content_type=...), or camelCase keys in dicts: '
      + 'jsii passes dict keys to the library as they are.',
    ]);
  });

  test('Algorithm: a hyperparameter with `default_value` is an error, not an unchecked default', () => {
    const { stack } = newStack();
    const message = errorOf(() => new Algorithm(stack, 'Algorithm', {
      trainingSpecification: {
        image: ContainerImage.fromRegistry(IMAGE),
        supportedInstanceTypes: [InstanceType.M5_XLARGE],
        channels: [{ name: 'train', supportedContentTypes: ['text/csv'], supportedInputModes: [TrainingInputMode.FILE] }],
        hyperParameters: [dict({ name: 'epochs', type: HyperParameterType.INTEGER, range: HyperParameterRange.integer(1, 10), default_value: '20' })],
      },
    }));
    expect(message).toContain("trainingSpecification.hyperParameters[0]: 'default_value' is not a property of HyperParameterSpecification; did you mean 'defaultValue'?");
  });

  test('ModelPackageGroup props, latestApprovedModelPackage and onApprovalStatusChange options', () => {
    const { stack } = newStack();
    expect(errorOf(() => new ModelPackageGroup(stack, 'Bad', dict({ model_package_group_name: 'churn' }))))
      .toContain("'model_package_group_name' is not a property of ModelPackageGroupProps; did you mean 'modelPackageGroupName'?");
    const group = new ModelPackageGroup(stack, 'Group');
    expect(errorOf(() => group.latestApprovedModelPackage(stack, 'Latest', dict({ refresh_token: 'x' }))))
      .toMatch(/^Invalid latestApprovedModelPackage of Stack\/Group:\n {2}- 'refresh_token' is not a property of LatestApprovedModelPackageOptions/);
    expect(errorOf(() => group.onApprovalStatusChange('Rule', dict({ status: [ModelApprovalStatus.APPROVED] }))))
      .toContain("'status' is not a property of OnApprovalStatusChangeOptions; did you mean 'statuses'?");
  });

  test('ModelPackageApproval', () => {
    const { stack } = newStack();
    const pkg = ModelPackage.fromModelPackageArn(stack, 'Pkg', `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/churn/3`);
    expect(errorOf(() => new ModelPackageApproval(stack, 'Approval', dict({
      modelPackage: pkg, approvalStatus: ModelApprovalStatus.APPROVED, approval_description: 'ok',
    })))).toContain("'approval_description' is not a property of ModelPackageApprovalProps; did you mean 'approvalDescription'?");
  });

  test('struct values built the typed way are accepted (no false positives)', () => {
    const { stack } = newStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    expect(() => new Model(stack, 'Model', {
      role,
      containers: [{ image: ContainerImage.fromRegistry(IMAGE), modelData: ModelData.fromS3Url('s3://artifacts/model.tar.gz'), environment: { model_data: 'user data keeps its keys' } }],
    })).not.toThrow();
  });
});
