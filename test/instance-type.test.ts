/*
 * InstanceType (src/instance-type.ts): the constants, and instance types given by name or as tokens.
 */
import { CfnParameter, Token } from 'aws-cdk-lib';
import { InstanceType } from '../src';
import { errorOf, newStack } from './util';

describe('InstanceType', () => {
  test.each([
    ['T2_MEDIUM', 'ml.t2.medium'],
    ['M5_LARGE', 'ml.m5.large'],
    ['M5_XLARGE', 'ml.m5.xlarge'],
    ['M5_2XLARGE', 'ml.m5.2xlarge'],
    ['M5_4XLARGE', 'ml.m5.4xlarge'],
    ['M5_12XLARGE', 'ml.m5.12xlarge'],
    ['M5_24XLARGE', 'ml.m5.24xlarge'],
    ['C5_LARGE', 'ml.c5.large'],
    ['C5_XLARGE', 'ml.c5.xlarge'],
    ['C5_2XLARGE', 'ml.c5.2xlarge'],
    ['C5_4XLARGE', 'ml.c5.4xlarge'],
    ['C5_9XLARGE', 'ml.c5.9xlarge'],
    ['R5_LARGE', 'ml.r5.large'],
    ['R5_XLARGE', 'ml.r5.xlarge'],
    ['G4DN_XLARGE', 'ml.g4dn.xlarge'],
    ['G4DN_2XLARGE', 'ml.g4dn.2xlarge'],
    ['G5_XLARGE', 'ml.g5.xlarge'],
    ['G5_2XLARGE', 'ml.g5.2xlarge'],
    ['G5_12XLARGE', 'ml.g5.12xlarge'],
    ['P3_2XLARGE', 'ml.p3.2xlarge'],
    ['P4D_24XLARGE', 'ml.p4d.24xlarge'],
    ['INF2_XLARGE', 'ml.inf2.xlarge'],
  ])('InstanceType.%s is %s', (constant, name) => {
    expect((InstanceType as any)[constant].toString()).toBe(name);
  });

  test('every constant is listed above', () => {
    const constants = Object.keys(InstanceType).filter((k) => (InstanceType as any)[k] instanceof InstanceType);
    expect(constants).toHaveLength(22);
  });

  test.each(['ml.p4de.24xlarge', 'ml.trn1n.32xlarge', 'ml.c7i.48xlarge', 'ml.inf2-x.xlarge'])('of(%j) is accepted as is', (name) => {
    expect(InstanceType.of(name).toString()).toBe(name);
  });

  test.each(['m5.xlarge', 'ml.m5', 'ML.M5.XLARGE', 'ml.m5.xlarge ', 'ml..xlarge', 'ml.m5.x.large', '', 'db.m5.large'])(
    'of(%j) is rejected', (name) => {
      expect(errorOf(() => InstanceType.of(name))).toBe('Invalid InstanceType.of:\n  - instanceType must be a SageMaker ML instance type of '
        + `the form ml.<family>.<size> (for example ml.m5.xlarge), got '${name}'`);
    });

  test('of() accepts a token and renders it', () => {
    // GIVEN
    const { stack } = newStack();
    const param = new CfnParameter(stack, 'InstanceType');

    // WHEN
    const type = InstanceType.of(param.valueAsString);

    // THEN
    expect(Token.isUnresolved(type.toString())).toBe(true);
    expect(stack.resolve(type.toString())).toEqual({ Ref: 'InstanceType' });
  });
});
