import { describe, expect, it } from 'vitest';
import { dueSetAtMs, escalationOf, escalationStepFor, parseEscalationThresholds } from './escalation';

const LADDER = [0, 2, 5] as const;

describe('escalation ladder', () => {
  it('parses thresholds from configuration and refuses nonsense', () => {
    expect(parseEscalationThresholds('0,2,5')).toEqual([0, 2, 5]);
    expect(parseEscalationThresholds(' 1, 1 ,10 ')).toEqual([1, 1, 10]);
    for (const bad of ['', '0,2', '0,2,5,9', '3,2,1', 'a,b,c', '-1,2,3', '1.5,2,3']) expect(() => parseEscalationThresholds(bad), bad).toThrow(RangeError);
  });

  it('officer at the due date, unit leader after 2 working days, province after 5', () => {
    expect(escalationStepFor(false, 9, LADDER)).toBeNull();
    expect(escalationStepFor(true, 0, LADDER)).toBe('officer');
    expect(escalationStepFor(true, 1, LADDER)).toBe('officer');
    expect(escalationStepFor(true, 2, LADDER)).toBe('unit_leader');
    expect(escalationStepFor(true, 5, LADDER)).toBe('province');
    expect(escalationStepFor(true, 0, [1, 3, 8])).toBeNull();
  });

  const due = Date.parse('2024-03-01T00:00:00Z');
  it('a step is due until a reminder at that step (or above) is sent since the current due date was set', () => {
    const base = { overdue: true, overdueDays: 3, dueSetAtMs: due };
    expect(escalationOf({ ...base, reminders: [] }, LADDER)).toEqual({ step: 'unit_leader', remindedStep: null, due: true, overdueAfterReminder: false });
    expect(escalationOf({ ...base, reminders: [{ at: '2024-03-05T02:00:00Z', target: 'officer' }] }, LADDER)).toMatchObject({
      remindedStep: 'officer',
      due: true,
      overdueAfterReminder: true,
    });
    expect(escalationOf({ ...base, reminders: [{ at: '2024-03-05T02:00:00Z', target: 'province' }, { at: '2024-03-06T02:00:00Z', target: 'officer' }] }, LADDER)).toMatchObject({
      remindedStep: 'province',
      due: false,
    });
    // a reminder about an earlier deadline (before an extension) does not count
    expect(escalationOf({ ...base, reminders: [{ at: '2024-02-20T02:00:00Z', target: 'unit_leader' }] }, LADDER)).toMatchObject({ remindedStep: null, due: true, overdueAfterReminder: false });
    // not overdue: nothing is due, and a reminder sent while due soon is not "still overdue"
    expect(escalationOf({ overdue: false, overdueDays: 0, dueSetAtMs: due, reminders: [{ at: '2024-03-05T02:00:00Z', target: 'officer' }] }, LADDER)).toEqual({
      step: null,
      remindedStep: 'officer',
      due: false,
      overdueAfterReminder: false,
    });
  });

  it('the current due date was set at the SLA start or the latest extension', () => {
    const from = '2024-02-01T01:00:00.000Z';
    expect(dueSetAtMs({ sla: null, receivedAt: from, extensions: [] })).toBe(Date.parse(from));
    expect(
      dueSetAtMs({
        sla: null,
        receivedAt: from,
        extensions: [
          { at: '2024-02-10T01:00:00.000Z', fromDueAt: from, toDueAt: from, reason: '' },
          { at: '2024-02-05T01:00:00.000Z', fromDueAt: from, toDueAt: from, reason: '' },
        ],
      }),
    ).toBe(Date.parse('2024-02-10T01:00:00.000Z'));
  });
});
