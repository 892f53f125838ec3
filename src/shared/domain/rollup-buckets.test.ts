import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportStatus } from '../contract/common';
import { computeDue } from './sla';
import { ageingFloorMs, ageingOf, dueSoonLimitMs, inBucket, overdueWorkingDays, type BucketInput } from './rollup-buckets';
import { handlingWorkingDays } from './rollup';
import { isDueSoon, timelinessOf } from './timeliness';

const vn = (local: string) => new Date(`${local.replace(' ', 'T')}+07:00`);
const iso = (local: string) => vn(local).toISOString();
const endOf = (date: string) => iso(`${date} 23:59:59.999`);

const open = (dueAt: string, status: ReportStatus = 'in_progress'): BucketInput => ({ status, dueAt, originalDueAt: dueAt, resolvedAt: null });

// Tết 2024: days off Thursday 08/02 – Wednesday 14/02 (holidays-vn.ts); weekends 10–11/02 and 17–18/02.
describe('ageing (working days past due), hand-worked across Tết and weekends', () => {
  it('due on the last working day before Tết: two working days past due nine calendar days later', () => {
    const r = open(endOf('2024-02-07'));
    expect(overdueWorkingDays(r.dueAt as string, vn('2024-02-16 10:00'))).toBe(2); // 15/02, 16/02
    expect(ageingOf(r, vn('2024-02-16 10:00'))).toBe('1-3');
    expect(ageingOf(r, vn('2024-02-19 08:00'))).toBe('1-3'); // + Mon 19/02 = 3
    expect(ageingOf(r, vn('2024-02-20 08:00'))).toBe('4-7'); // + Tue 20/02 = 4
    // during Tết itself it is overdue but no working day has passed yet: the first bucket
    expect(overdueWorkingDays(r.dueAt as string, vn('2024-02-12 09:00'))).toBe(0);
    expect(ageingOf(r, vn('2024-02-12 09:00'))).toBe('1-3');
  });

  it('due on a Friday: overdue on Saturday, 0 working days until Monday', () => {
    const r = open(endOf('2024-03-08'));
    expect(ageingOf(r, vn('2024-03-08 23:00'))).toBeNull(); // not overdue yet
    expect(overdueWorkingDays(r.dueAt as string, vn('2024-03-09 10:00'))).toBe(0);
    expect(ageingOf(r, vn('2024-03-09 10:00'))).toBe('1-3');
    expect(overdueWorkingDays(r.dueAt as string, vn('2024-03-11 07:00'))).toBe(1);
  });

  it('bucket edges 15 | 16 across the Tết break (Jan 16 … Feb 20, 2024)', () => {
    const r = open(endOf('2024-01-15'));
    // 16–19/01 (4), 22–26 (5), 29–31 (3), 01–02/02 (2) = 14; 05/02 = 15; 06/02 = 16; 07/02 = 17; then 15–16, 19–20/02 = 21
    expect(overdueWorkingDays(r.dueAt as string, vn('2024-02-05 09:00'))).toBe(15);
    expect(ageingOf(r, vn('2024-02-05 09:00'))).toBe('8-15');
    expect(ageingOf(r, vn('2024-02-06 09:00'))).toBe('16+');
    expect(overdueWorkingDays(r.dueAt as string, vn('2024-02-20 09:00'))).toBe(21);
    expect(overdueWorkingDays(r.dueAt as string, vn('2024-01-26 09:00'))).toBe(9);
    expect(ageingOf(r, vn('2024-01-26 09:00'))).toBe('8-15');
    expect(ageingOf(r, vn('2024-01-19 09:00'))).toBe('4-7');
  });

  it('never for closed reports', () => {
    expect(ageingOf({ ...open(endOf('2024-01-15')), status: 'resolved', resolvedAt: iso('2024-02-01 09:00') }, vn('2024-03-01 09:00'))).toBeNull();
    expect(ageingOf({ ...open(endOf('2024-01-15')), status: 'rejected' }, vn('2024-03-01 09:00'))).toBeNull();
  });
});

describe('timeliness and handling time, hand-worked across Tết', () => {
  // received Tue 06/02/2024 09:00, 7 working days: 07/02, (Tết), 15, 16, 19, 20, 21, 22/02 → due Thu 22/02 end of day
  const received = vn('2024-02-06 09:00');
  const { dueAt } = computeDue({ id: 'x', sla: { routine: null, urgent: null } }, false, received);
  const resolved = (at: string, extendedTo: string | null = null): BucketInput => ({
    status: 'resolved',
    originalDueAt: dueAt.toISOString(),
    dueAt: extendedTo ?? dueAt.toISOString(),
    resolvedAt: iso(at),
  });

  it('the due date skips the Tết break', () => {
    expect(dueAt.toISOString()).toBe(endOf('2024-02-22'));
  });

  it('on time against the original due date, late with extension against the extended one, else late', () => {
    const now = vn('2024-03-15 10:00');
    expect(timelinessOf(resolved('2024-02-22 16:00'), now)).toBe('on_time');
    expect(timelinessOf(resolved('2024-02-22 16:00', endOf('2024-02-29')), now)).toBe('on_time');
    expect(timelinessOf(resolved('2024-02-26 09:00', endOf('2024-02-29')), now)).toBe('late_extended');
    expect(timelinessOf(resolved('2024-03-01 08:00', endOf('2024-02-29')), now)).toBe('late');
    expect(timelinessOf(resolved('2024-02-23 08:00'), now)).toBe('late');
    for (const [r, bucket] of [
      [resolved('2024-02-22 16:00'), 'on_time'],
      [resolved('2024-02-26 09:00', endOf('2024-02-29')), 'late_extended'],
      [resolved('2024-03-01 08:00', endOf('2024-02-29')), 'late'],
    ] as const) {
      expect(inBucket(r, bucket, now)).toBe(true);
      expect(inBucket(r, 'resolved', now)).toBe(true);
      expect(inBucket(r, 'overdue', now)).toBe(false); // closed late is not open-and-overdue
    }
    // open and not yet due is never late, whatever the SLA's length
    expect(inBucket(open(endOf('2024-03-29')), 'overdue', now)).toBe(false);
    expect(inBucket(open(endOf('2024-03-29')), 'late', now)).toBe(false);
  });

  it('handling time counts working days from the SLA start: Tết and weekends excluded', () => {
    const r = { sla: null, receivedAt: received.toISOString() };
    expect(handlingWorkingDays({ ...r, resolvedAt: iso('2024-02-06 16:00') })).toBe(0);
    expect(handlingWorkingDays({ ...r, resolvedAt: iso('2024-02-15 10:00') })).toBe(2); // 07/02, 15/02
    expect(handlingWorkingDays({ ...r, resolvedAt: iso('2024-02-19 10:00') })).toBe(4); // + 16/02, 19/02
    // a reopened report is timed from the reopening (its SLA start)
    const sla = { mode: 'routine' as const, amount: 7, unit: 'working_days' as const, source: 'default' as const, categoryId: 'x', from: iso('2024-02-16 09:00') };
    expect(handlingWorkingDays({ ...r, sla, resolvedAt: iso('2024-02-20 10:00') })).toBe(2); // 19/02, 20/02
  });
});

describe('due within one working day', () => {
  it('hand-worked: the last afternoon before Tết is a working day away from the morning after it', () => {
    const now = vn('2024-02-07 15:00');
    // 15:00–17:00 (2 h) + 15/02 07:30–10:00 (2.5 h) = 4.5 h ≤ 7.5 h
    expect(isDueSoon(open(iso('2024-02-15 10:00')), now)).toBe(true);
    // 2 h + a full 7.5 h day = 9.5 h
    expect(isDueSoon(open(endOf('2024-02-15')), now)).toBe(false);
    // 7.5 h later in working time: Thu 15/02 15:00
    expect(dueSoonLimitMs(now)).toBe(vn('2024-02-15 15:00').getTime());
    expect(inBucket(open(iso('2024-02-15 15:00')), 'due_soon', now)).toBe(true);
    expect(inBucket(open(iso('2024-02-15 15:00:00.001')), 'due_soon', now)).toBe(false);
  });

  it('a limit landing on a period end extends to the next period start (nothing is worked in between)', () => {
    // Friday 09:30 + 7.5 working hours = Monday 09:30; Friday 13:30 + 7.5 h = Monday 13:30 … Friday 07:30 → Friday 17:00
    expect(dueSoonLimitMs(vn('2024-03-08 07:30'))).toBe(vn('2024-03-11 07:30').getTime());
    expect(isDueSoon(open(endOf('2024-03-10')), vn('2024-03-08 07:30'))).toBe(true);
  });

  const instant = fc.integer({ min: vn('2023-12-20 00:00').getTime(), max: vn('2024-03-20 00:00').getTime() });

  it('property: due_at ≤ dueSoonLimit(now) ⇔ isDueSoon, for any now and due date', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 6 * 86_400_000 }), (now, ahead) => {
        const n = new Date(now);
        const r = open(new Date(now + ahead).toISOString());
        expect(inBucket(r, 'due_soon', n)).toBe(isDueSoon(r, n));
        expect(now + ahead <= dueSoonLimitMs(n)).toBe(isDueSoon(r, n));
      }),
      { numRuns: 400 },
    );
  });

  it('property: due_at ≥ ageingFloor(k) ⇔ at most k working days past due', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 * 86_400_000 }), fc.constantFrom(3, 7, 15), (now, back, k) => {
        const n = new Date(now);
        const due = new Date(now - back).toISOString();
        expect(Date.parse(due) >= ageingFloorMs(k, n)).toBe(overdueWorkingDays(due, n) <= k);
      }),
      { numRuns: 400 },
    );
  });
});
