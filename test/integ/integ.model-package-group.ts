/**
 * A model package group shared with another account, with approval events.
 *
 * After deployment: DescribeModelPackageGroup returns the group with the ARN the construct computes
 * from the name as written (mixed case: settles whether SageMaker keeps the letter case of group
 * ARNs), GetModelPackageGroupPolicy shows the consumer account's read statement on the group and its
 * versions, and EventBridge has the approval rule for this group.
 */
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CONSUMER_ACCOUNT, INTEG_REGIONS, integApp, integStack, synthIntegApp } from './support';
import { ModelApprovalStatus, ModelPackageGroup } from '../../src';

const GROUP_NAME = 'IntegRegistry-SharedGroup';

const app = integApp();
const stack = integStack(app, 'cdk-sagemaker-registry-integ-group');

const group = new ModelPackageGroup(stack, 'Group', {
  modelPackageGroupName: GROUP_NAME,
  description: 'Integration test: a group shared with another account',
  removalPolicy: RemovalPolicy.DESTROY,
});
group.grantRead(new iam.AccountPrincipal(CONSUMER_ACCOUNT));
const rule = group.onApprovalStatusChange('Approved', { statuses: [ModelApprovalStatus.APPROVED] });

/** A regular expression matching a string that contains each of `parts`, in any order. */
function containsAll(...parts: string[]): string {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return parts.map((part) => `(?=[\\s\\S]*${escape(part)})`).join('');
}

const integ = new IntegTest(app, 'ModelPackageGroupTest', {
  testCases: [stack],
  regions: INTEG_REGIONS,
  diffAssets: false,
});

// The ARN as the library writes it into grants and policies: the name as given, letter case kept.
const expectedArn = stack.formatArn({ service: 'sagemaker', resource: 'model-package-group', resourceName: GROUP_NAME });
integ.assertions
  .awsApiCall('SageMaker', 'describeModelPackageGroup', { ModelPackageGroupName: GROUP_NAME })
  .expect(ExpectedResult.objectLike({
    ModelPackageGroupName: GROUP_NAME,
    ModelPackageGroupArn: expectedArn,
    ModelPackageGroupDescription: 'Integration test: a group shared with another account',
    ModelPackageGroupStatus: 'Completed',
  }));

// The resource policy names the consumer account and covers the group and its versions.
integ.assertions
  .awsApiCall('SageMaker', 'getModelPackageGroupPolicy', { ModelPackageGroupName: GROUP_NAME })
  .expect(ExpectedResult.objectLike({
    ResourcePolicy: Match.stringLikeRegexp(containsAll(
      `arn:aws:iam::${CONSUMER_ACCOUNT}:root`, 'sagemaker:ListModelPackages', `model-package/${GROUP_NAME}/*`)),
  }));

// The approval rule matches this group's model package state changes with status Approved.
integ.assertions
  .awsApiCall('EventBridge', 'describeRule', { Name: rule.ruleName })
  .expect(ExpectedResult.objectLike({
    State: 'ENABLED',
    EventPattern: Match.stringLikeRegexp(containsAll('SageMaker Model Package State Change', GROUP_NAME, 'Approved')),
  }));

synthIntegApp(app);
