/*
 * ApprovalTransitions and ModelApprovalStatus (src/approval.ts): the documented transitions between
 * approval statuses, as data.
 */
import { ApprovalTransitions, ModelApprovalStatus } from '../src';

const { APPROVED, REJECTED, PENDING_MANUAL_APPROVAL: PENDING } = ModelApprovalStatus;

describe('ApprovalTransitions', () => {
  test.each([
    [PENDING, APPROVED, true],
    [PENDING, REJECTED, true],
    [REJECTED, APPROVED, true],
    [APPROVED, REJECTED, true],
    [PENDING, PENDING, true],
    [APPROVED, APPROVED, true],
    [REJECTED, REJECTED, true],
    [APPROVED, PENDING, false],
    [REJECTED, PENDING, false],
  ])('canTransition(%s, %s) is %s', (from, to, expected) => {
    expect(ApprovalTransitions.canTransition(from, to)).toBe(expected);
  });

  test('targetsFrom lists the documented targets', () => {
    expect(ApprovalTransitions.targetsFrom(PENDING)).toEqual([APPROVED, REJECTED]);
    expect(ApprovalTransitions.targetsFrom(REJECTED)).toEqual([APPROVED]);
    expect(ApprovalTransitions.targetsFrom(APPROVED)).toEqual([REJECTED]);
  });

  test('DOCUMENTED holds the four transitions of the Developer Guide, in its order', () => {
    expect(ApprovalTransitions.DOCUMENTED).toEqual([
      { from: PENDING, to: APPROVED },
      { from: PENDING, to: REJECTED },
      { from: REJECTED, to: APPROVED },
      { from: APPROVED, to: REJECTED },
    ]);
  });

  test('the statuses are the API strings', () => {
    expect([APPROVED, REJECTED, PENDING]).toEqual(['Approved', 'Rejected', 'PendingManualApproval']);
  });
});
