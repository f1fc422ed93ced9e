/*
 * The training specification's types (src/training-specification.ts).
 *
 * HyperParameterSpecification.defaultNumber: a number default for Integer and Continuous hyperparameters
 * (Python `default_number=6`), rendered as SageMaker's text DefaultValue and checked like defaultValue.
 */
import { Template } from 'aws-cdk-lib/assertions';
import {
  Algorithm,
  ContainerImage,
  HyperParameterRange,
  HyperParameterSpecification,
  HyperParameterType,
  InstanceType,
  TrainingInputMode,
} from '../src';
import { ACCOUNT, REGION } from './constants';
import { errorOf, newStack } from './util';

const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/trainer:1`;

function algorithmWith(hyperParameter: HyperParameterSpecification) {
  const { stack } = newStack();
  const build = () => new Algorithm(stack, 'Algorithm', {
    algorithmName: 'trainer',
    trainingSpecification: {
      image: ContainerImage.fromRegistry(IMAGE),
      supportedInstanceTypes: [InstanceType.M5_XLARGE],
      channels: [{ name: 'train', supportedContentTypes: ['text/csv'], supportedInputModes: [TrainingInputMode.FILE] }],
      hyperParameters: [hyperParameter],
    },
  });
  return { stack, build };
}

function renderedHyperParameters(hyperParameter: HyperParameterSpecification): unknown {
  const { stack, build } = algorithmWith(hyperParameter);
  build();
  const algorithms = Template.fromStack(stack).findResources('AWS::SageMaker::Algorithm');
  return Object.values(algorithms)[0].Properties.TrainingSpecification.SupportedHyperParameters;
}

function problems(hyperParameter: HyperParameterSpecification): string[] {
  const { build } = algorithmWith(hyperParameter);
  return errorOf(build).split('\n  - ').slice(1);
}

test.each([
  [HyperParameterType.INTEGER, HyperParameterRange.integer(1, 10), 6, '6'],
  [HyperParameterType.CONTINUOUS, HyperParameterRange.continuous(0, 1), 0.3, '0.3'],
])('a %s default as a number renders as text', (type, range, value, text) => {
  expect(renderedHyperParameters({ name: 'p', type, range, defaultNumber: value })).toEqual([{
    Name: 'p', Type: type, Range: expect.any(Object), DefaultValue: text,
  }]);
});

test('defaultNumber is checked against the range, naming defaultNumber', () => {
  expect(problems({ name: 'depth', type: HyperParameterType.INTEGER, range: HyperParameterRange.integer(1, 10), defaultNumber: 20 })).toEqual([
    "trainingSpecification.hyperParameters[0].defaultNumber of hyperparameter 'depth' must be within its range [1, 10], got '20'",
  ]);
  expect(problems({ name: 'depth', type: HyperParameterType.INTEGER, defaultNumber: 2.5 })).toEqual([
    "trainingSpecification.hyperParameters[0].defaultNumber of Integer hyperparameter 'depth' must be a whole number, got '2.5'",
  ]);
});

test('defaultNumber with defaultValue, on a categorical hyperparameter, or not finite, is an error', () => {
  expect(problems({ name: 'depth', type: HyperParameterType.INTEGER, defaultValue: '3', defaultNumber: 3 })).toEqual([
    "trainingSpecification.hyperParameters[0] ('depth') takes defaultValue or defaultNumber, not both; got defaultValue '3' and defaultNumber 3",
  ]);
  expect(problems({ name: 'kind', type: HyperParameterType.CATEGORICAL, range: HyperParameterRange.categorical(['a', 'b']), defaultNumber: 1 })).toEqual([
    "trainingSpecification.hyperParameters[0].defaultNumber is only for Integer and Continuous hyperparameters; 'kind' is Categorical, so give its default as defaultValue (a string), got defaultNumber 1",
  ]);
  expect(problems({ name: 'eta', type: HyperParameterType.CONTINUOUS, defaultNumber: Infinity })).toEqual(expect.arrayContaining([
    "trainingSpecification.hyperParameters[0].defaultNumber of hyperparameter 'eta' must be a finite number, got Infinity",
  ]));
});

test('a required hyperparameter with defaultNumber is an error naming defaultNumber', () => {
  expect(problems({ name: 'depth', type: HyperParameterType.INTEGER, required: true, defaultNumber: 3 })).toEqual([
    "trainingSpecification.hyperParameters[0] ('depth') cannot be required and have a defaultNumber (SageMaker: \"If a default value is specified, "
    + "a hyperparameter cannot be required\"), got required: true and defaultNumber '3'",
  ]);
});
