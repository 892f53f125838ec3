import { describe, expect, it } from 'vitest';
import { slaApplied } from '../contract/report';
import type { Category } from '../contract/meta';
import type { WorkingCalendar } from './calendar';
import { computeDue, DEFAULT_ROUTINE_SLA, DEFAULT_URGENT_SLA } from './sla';

const vn = (local: string) => new Date(`${local.replace(' ', 'T')}+07:00`);
const noSla: Pick<Category, 'id' | 'sla'> = { id: 'rac-thai', sla: { routine: null, urgent: null } };
const ownSla: Pick<Category, 'id' | 'sla'> = {
  id: 'den-duong',
  sla: { routine: { amount: 3, unit: 'working_days' }, urgent: { amount: 4, unit: 'working_hours' } },
};

describe('computeDue', () => {
  it('falls back to 7 working days for a routine report and says so', () => {
    const from = vn('2023-01-21 10:00');
    const { dueAt, sla } = computeDue(noSla, false, from);
    expect(dueAt.getTime()).toBe(vn('2023-02-06 23:59:59.999').getTime());
    expect(sla).toEqual({ mode: 'routine', amount: 7, unit: 'working_days', source: 'default', categoryId: 'rac-thai', from: '2023-01-21T03:00:00.000Z' });
    expect(slaApplied.safeParse(sla).success).toBe(true);
  });

  it('falls back to 8 working hours for an urgent report', () => {
    const { dueAt, sla } = computeDue(noSla, true, vn('2024-03-08 16:00'));
    expect(dueAt.getTime()).toBe(vn('2024-03-11 16:30').getTime());
    expect(sla.mode).toBe('urgent');
    expect(sla.source).toBe('default');
    expect({ amount: sla.amount, unit: sla.unit }).toEqual(DEFAULT_URGENT_SLA);
  });

  it("uses the category's own rules when it has them", () => {
    const routine = computeDue(ownSla, false, vn('2024-03-07 09:00'));
    expect(routine.dueAt.getTime()).toBe(vn('2024-03-12 23:59:59.999').getTime()); // Fri 8, Mon 11, Tue 12
    expect(routine.sla).toMatchObject({ mode: 'routine', amount: 3, unit: 'working_days', source: 'category', categoryId: 'den-duong' });

    const urgent = computeDue(ownSla, true, vn('2024-03-07 16:00'));
    expect(urgent.dueAt.getTime()).toBe(vn('2024-03-08 10:30').getTime()); // 1 h Thursday, 3 h Friday
    expect(urgent.sla).toMatchObject({ mode: 'urgent', amount: 4, unit: 'working_hours', source: 'category' });
  });

  it('mixes: category routine rule with the default urgent one', () => {
    const half: Pick<Category, 'id' | 'sla'> = { id: 'x', sla: { routine: { amount: 2, unit: 'working_days' }, urgent: null } };
    expect(computeDue(half, false, vn('2024-03-07 09:00')).sla.source).toBe('category');
    expect(computeDue(half, true, vn('2024-03-07 09:00')).sla).toMatchObject({ source: 'default', ...DEFAULT_URGENT_SLA });
    expect(DEFAULT_ROUTINE_SLA).toEqual({ amount: 7, unit: 'working_days' });
  });

  it('uses the calendar it is given', () => {
    const bare: WorkingCalendar = { years: [], periods: [{ start: '08:00', end: '16:00' }] };
    // without the Tết data, Monday 23/01/2023 is day 1
    expect(computeDue(noSla, false, vn('2023-01-21 10:00'), bare).dueAt.getTime()).toBe(vn('2023-01-31 23:59:59.999').getTime());
    expect(computeDue(noSla, true, vn('2023-01-23 08:00'), bare).dueAt.getTime()).toBe(vn('2023-01-23 16:00').getTime());
  });
});
