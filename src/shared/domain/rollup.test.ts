import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../contract/event';
import type { Report } from '../contract/report';
import { histogramMedian, RollupAccumulator, rollupStep, type OverdueSegment } from './rollup';
import { localDayOfMs } from './rollup-buckets';
import { applyEvent } from './workflow';

const vn = (local: string) => new Date(`${local.replace(' ', 'T')}+07:00`).toISOString();
const day = (local: string) => localDayOfMs(Date.parse(vn(local)));

let seq = 0;
const ev = (type: StoredEvent['type'], at: string, data: Record<string, unknown> = {}): StoredEvent => ({
  seq: ++seq,
  type,
  reportId: 1,
  at: vn(at),
  recordedAt: vn(at),
  actor: null,
  data,
});

const sla = { mode: 'routine', amount: 7, unit: 'working_days', source: 'default', categoryId: 'cay-xanh', from: vn('2024-03-01 09:00') };

/** runs events through the reducer and the rollup step, returning the net counters per (counter, unit, day) */
function run(events: StoredEvent[]) {
  const acc = new RollupAccumulator();
  let r: Report | null = null;
  let seg: OverdueSegment | null = null;
  for (const e of events) {
    const next = applyEvent(r, e);
    const step = rollupStep(r, next, e, seg);
    acc.add(step);
    seg = step.segment;
    r = next;
  }
  const out: Record<string, number> = {};
  for (const c of acc.changedCells()) {
    c.values.forEach((v, i) => {
      if (v !== 0) out[`${['received', 'assigned', 'rejected', 'onTime', 'lateExt', 'late', 'sat', 'acc', 'unsat', 'reminders', 'overdueNet'][i]}|${c.key.agencyId}|${c.key.day}`] = v;
    });
  }
  return { counters: out, segment: seg };
}

const created = ev('created', '2024-03-01 09:00', {
  externalId: 'X',
  title: 't',
  description: '',
  categoryId: 'cay-xanh',
  urgent: false,
  lat: 16.46,
  lng: 107.59,
  address: 'a',
  wardCode: null,
  districtCode: '474',
  channel: 'app',
  media: [],
  dueAt: vn('2024-03-12 23:59:59.999'),
  sla,
});

describe('rollupStep, hand-worked', () => {
  it('a transfer while overdue: the old unit counts it overdue up to the day before, the new unit from that day', () => {
    const { counters, segment } = run([
      created,
      ev('assigned', '2024-03-01 10:00', { agencyId: 'A', coordinatingAgencyIds: [] }),
      ev('transferred', '2024-03-15 09:00', { agencyId: 'B', fromAgencyId: 'A', reason: '' }),
    ]);
    // received and assigned moved with the report to B
    expect(counters[`received|B|${day('2024-03-01 00:00')}`]).toBe(1);
    expect(counters[`assigned|B|${day('2024-03-01 00:00')}`]).toBe(1);
    expect(counters[`received|A|${day('2024-03-01 00:00')}`]).toBeUndefined();
    // overdue from 13/03 (due 12/03 end of day): A 13th–14th, B from the 15th
    expect(counters[`overdueNet|A|${day('2024-03-13 00:00')}`]).toBe(1);
    expect(counters[`overdueNet|A|${day('2024-03-15 00:00')}`]).toBe(-1);
    expect(counters[`overdueNet|B|${day('2024-03-15 00:00')}`]).toBe(1);
    expect(segment).toMatchObject({ agencyId: 'B', becameDay: day('2024-03-15 00:00') });
  });

  it('an extension before the due date moves the +1; resolving on the extended date is late with extension', () => {
    const { counters, segment } = run([
      created,
      ev('assigned', '2024-03-01 10:00', { agencyId: 'A', coordinatingAgencyIds: [] }),
      ev('started', '2024-03-02 08:00'),
      ev('extended', '2024-03-11 09:00', { dueAt: vn('2024-03-19 23:59:59.999'), reason: '' }),
      ev('resolved', '2024-03-18 16:00', { resultText: 'xong', media: [] }),
    ]);
    expect(Object.keys(counters).filter((k) => k.startsWith('overdueNet'))).toEqual([]);
    expect(counters[`lateExt|A|${day('2024-03-18 00:00')}`]).toBe(1);
    expect(segment).toBeNull();
  });

  it('reopening takes the resolution and the rating back; a new rating replaces the old', () => {
    const base = [
      created,
      ev('assigned', '2024-03-01 10:00', { agencyId: 'A', coordinatingAgencyIds: [] }),
      ev('started', '2024-03-02 08:00'),
      ev('resolved', '2024-03-05 16:00', { resultText: 'xong', media: [] }),
      ev('rated', '2024-03-06 08:00', { rating: 'satisfied' }),
    ];
    expect(run([...base, ev('rated', '2024-03-07 08:00', { rating: 'unsatisfied' })]).counters).toMatchObject({
      [`unsat|A|${day('2024-03-07 00:00')}`]: 1,
      [`onTime|A|${day('2024-03-05 00:00')}`]: 1,
    });
    const reopened = run([...base, ev('reopened', '2024-03-08 08:00', { reason: '', secondReport: true, dueAt: vn('2024-03-19 23:59:59.999'), sla })]);
    expect(Object.keys(reopened.counters).some((k) => k.startsWith('onTime') || k.startsWith('sat'))).toBe(false);
    expect(reopened.counters[`overdueNet|A|${day('2024-03-20 00:00')}`]).toBe(1);
  });
});

describe('histogramMedian', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(histogramMedian(new Map())).toBeNull();
    expect(histogramMedian(new Map([[4, 1]]))).toBe(4);
    expect(histogramMedian(new Map([[1, 1], [3, 1]]))).toBe(2);
    expect(histogramMedian(new Map([[0, 3], [9, 2]]))).toBe(0);
    expect(histogramMedian(new Map([[2, 2], [5, 2]]))).toBe(3.5);
    expect(histogramMedian(new Map([[7, 0], [1, 1]]))).toBe(1);
  });
});
