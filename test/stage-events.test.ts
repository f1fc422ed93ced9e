/*
 * Stage events: `group.onLifeCycleChange(id, { stages, stageStatuses })` matches the group's
 * `SageMaker Model Package State Change` events by the version's lifecycle stage
 * (`detail.ModelLifeCycle.Stage` / `StageStatus`, the shape of the API's `ModelLifeCycle`).
 */
import { CfnElement, aws_events_targets as targets, aws_sns as sns } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ModelPackageGroup } from '../src';
import { OTHER_ACCOUNT, errorOf, newStack } from './util';

const SOURCE = ['aws.sagemaker'];
const DETAIL_TYPE = ['SageMaker Model Package State Change'];

function setup() {
  const { stack } = newStack();
  const group = new ModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'churn' });
  return { stack, group };
}

describe('onLifeCycleChange', () => {
  test('stages and statuses filter the group\'s events, each value once; the target is added', () => {
    // GIVEN
    const { stack, group } = setup();
    const topic = new sns.Topic(stack, 'Topic');

    // WHEN
    const rule = group.onLifeCycleChange('InProduction', {
      stages: ['Production', 'Staging', 'Production'],
      stageStatuses: ['Approved'],
      target: new targets.SnsTopic(topic),
    });

    // THEN
    expect(rule.node.path).toEqual('Stack/Group/InProduction');
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', Match.exact({
      EventPattern: {
        'source': SOURCE,
        'detail-type': DETAIL_TYPE,
        'detail': {
          ModelPackageGroupName: ['churn'],
          ModelLifeCycle: { Stage: ['Production', 'Staging'], StageStatus: ['Approved'] },
        },
      },
      State: 'ENABLED',
      Targets: [{ Arn: { Ref: stack.getLogicalId(topic.node.defaultChild as CfnElement) }, Id: 'Target0' }],
    }));
  });

  test('without stages, every event of a version that has a stage', () => {
    // GIVEN
    const { stack, group } = setup();

    // WHEN
    group.onLifeCycleChange('AnyStage');

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', Match.exact({
      EventPattern: {
        'source': SOURCE,
        'detail-type': DETAIL_TYPE,
        'detail': { ModelPackageGroupName: ['churn'], ModelLifeCycle: { Stage: [{ exists: true }] } },
      },
      State: 'ENABLED',
    }));
  });

  test('stage statuses alone match them in any stage', () => {
    // GIVEN
    const { stack, group } = setup();

    // WHEN
    group.onLifeCycleChange('Rejected', { stageStatuses: ['Rejected'], description: 'Rejected in any stage' });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', Match.exact({
      Description: 'Rejected in any stage',
      EventPattern: {
        'source': SOURCE,
        'detail-type': DETAIL_TYPE,
        'detail': { ModelPackageGroupName: ['churn'], ModelLifeCycle: { Stage: [{ exists: true }], StageStatus: ['Rejected'] } },
      },
      State: 'ENABLED',
    }));
  });

  test('a group of another account warns that its events only arrive if forwarded', () => {
    // GIVEN
    const { stack } = setup();
    const shared = ModelPackageGroup.fromModelPackageGroupArn(stack, 'Shared',
      `arn:aws:sagemaker:us-east-1:${OTHER_ACCOUNT}:model-package-group/theirs`);

    // WHEN
    shared.onLifeCycleChange('Promoted', { stages: ['Production'] });

    // THEN
    Annotations.fromStack(stack).hasWarning('/Stack/Shared', Match.stringLikeRegexp('in account 222222222222 and region us-east-1'));
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { detail: { ModelPackageGroupName: ['theirs'], ModelLifeCycle: { Stage: ['Production'] } } },
    });
  });

  test('empty lists and invalid values are errors that name them', () => {
    const { group } = setup();
    expect(errorOf(() => group.onLifeCycleChange('Bad', { stages: [], stageStatuses: ['pending approval'] })))
      .toEqual('Invalid onLifeCycleChange of Stack/Group:\n'
        + '  - stages must name at least one stage when given, got an empty list (leave it out for any stage)\n'
        + '  - stageStatuses[0] must be 1-63 letters, digits and hyphens, starting and ending with a letter or digit '
        + "(pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$), got 'pending approval'");
  });

  test('Python-style keys are errors that name the camelCase property', () => {
    const { group } = setup();
    expect(errorOf(() => group.onLifeCycleChange('Bad', { stage_statuses: ['Approved'] } as any)))
      .toEqual('Invalid onLifeCycleChange of Stack/Group:\n'
        + "  - 'stage_statuses' is not a property of OnLifeCycleChangeOptions; did you mean 'stageStatuses'? In Python, use the struct "
        + 'class, registry.OnLifeCycleChangeOptions(stage_statuses=...), or camelCase keys in dicts: jsii passes dict keys to the library as they are.');
  });
});
