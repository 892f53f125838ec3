import { openStatuses } from '../contract/common';
import type { StoredEvent } from '../contract/event';
import type { Report } from '../contract/report';
import { defaultCalendar, workingDaysBetween } from './calendar';
import type { WorkingCalendar } from './calendar';
import { localDayOfMs } from './rollup-buckets';
import { timelinessOf } from './timeliness';

/**
 * Per-unit rollups (decision 0004): counters per handling unit × Vietnam-local day × category × district,
 * maintained from each event in the same transaction that appends it. Pure, so the SQLite store and the
 * in-memory mock store keep identical rollups.
 *
 * Two kinds of counters:
 * - state counters (received … rated_*) follow the report's CURRENT state: a transfer moves them to the new
 *   unit, a reopening takes the resolution and rating back out, a new rating replaces the old one. Each event
 *   subtracts what the report contributed before it and adds what it contributes after it.
 * - history counters (reminders, overdue_net) record what happened when: a reminder counts for the unit that
 *   had the report when it was sent; the overdue trend is a history of segments (see rollupStep).
 */
export const ROLLUP_COUNTERS = [
  'received',
  'assigned',
  'rejected',
  'resolvedOnTime',
  'resolvedLateExtended',
  'resolvedLate',
  'ratedSatisfied',
  'ratedAcceptable',
  'ratedUnsatisfied',
  'reminders',
  'overdueNet',
] as const;
export type RollupCounter = (typeof ROLLUP_COUNTERS)[number];
export const COUNTER_INDEX: Readonly<Record<RollupCounter, number>> = Object.fromEntries(ROLLUP_COUNTERS.map((c, i) => [c, i])) as Record<
  RollupCounter,
  number
>;

/** A rollup cell. agencyId '' = no handling unit yet (with the centre); districtCode '' = not located. */
export interface RollupKey {
  day: number;
  agencyId: string;
  categoryId: string;
  districtCode: string;
}

export interface CounterDelta extends RollupKey {
  counter: RollupCounter;
  n: number;
}

/** Handling-time histogram: resolved reports by whole working days from the SLA start to resolution. */
export interface HandlingDelta extends RollupKey {
  workingDays: number;
  n: number;
}

/**
 * The open segment of a report's overdue history: while the report is open with this unit/category/district
 * and this due date, it counts as overdue at the close of every day from `becameDay` on.
 */
export interface OverdueSegment {
  becameDay: number;
  dueMs: number;
  agencyId: string;
  categoryId: string;
  districtCode: string;
}

export interface RollupStep {
  counters: CounterDelta[];
  handling: HandlingDelta[];
  /** the report's open overdue segment after the event (null: none) */
  segment: OverdueSegment | null;
}

const dayOf = (iso: string) => localDayOfMs(Date.parse(iso));
const keyOf = (r: Report, day: number): RollupKey => ({
  day,
  agencyId: r.agencyId ?? '',
  categoryId: r.categoryId,
  districtCode: r.districtCode ?? '',
});

const RESOLVED_COUNTER = { on_time: 'resolvedOnTime', late_extended: 'resolvedLateExtended', late: 'resolvedLate' } as const;
const RATED_COUNTER = { satisfied: 'ratedSatisfied', acceptable: 'ratedAcceptable', unsatisfied: 'ratedUnsatisfied' } as const;

/**
 * Whole working days a resolution took: from the start of the SLA count (receipt, or the reopening) to the
 * resolution, counted like due dates (decision 0002), so "resolved the same day" is 0.
 */
export function handlingWorkingDays(r: Pick<Report, 'sla' | 'receivedAt' | 'resolvedAt'>, cal: WorkingCalendar = defaultCalendar): number | null {
  if (r.resolvedAt === null) return null;
  return workingDaysBetween(new Date(r.sla?.from ?? r.receivedAt), new Date(r.resolvedAt), cal);
}

/**
 * What a report's current state puts into the state counters and the histogram. The day of each is the day
 * of the instant the figure is about: received and rejected → receipt, assigned → first assignment,
 * resolved (by timeliness) and the histogram → resolution, ratings → the rating.
 */
export function stateContributions(r: Report, cal: WorkingCalendar = defaultCalendar): { counters: CounterDelta[]; handling: HandlingDelta[] } {
  const received = dayOf(r.receivedAt);
  const counters: CounterDelta[] = [{ ...keyOf(r, received), counter: 'received', n: 1 }];
  const handling: HandlingDelta[] = [];
  if (r.agencyId !== null && r.assignedAt !== null) counters.push({ ...keyOf(r, dayOf(r.assignedAt)), counter: 'assigned', n: 1 });
  if (r.status === 'rejected') counters.push({ ...keyOf(r, received), counter: 'rejected', n: 1 });
  if (r.status === 'resolved' && r.resolvedAt !== null) {
    const t = timelinessOf(r, new Date(r.resolvedAt));
    const day = dayOf(r.resolvedAt);
    if (t === 'on_time' || t === 'late_extended' || t === 'late') counters.push({ ...keyOf(r, day), counter: RESOLVED_COUNTER[t], n: 1 });
    handling.push({ ...keyOf(r, day), workingDays: handlingWorkingDays(r, cal) as number, n: 1 });
  }
  if (r.rating !== null && r.ratedAt !== null) counters.push({ ...keyOf(r, dayOf(r.ratedAt)), counter: RATED_COUNTER[r.rating], n: 1 });
  return { counters, handling };
}

/** statuses as stateContributions tells them apart */
const statusClass = (s: Report['status']) => (s === 'rejected' || s === 'resolved' ? s : 'open');

/** Whether two states of a report read the same for stateContributions (every field it looks at is equal). */
function sameContributionInputs(a: Report, b: Report): boolean {
  return (
    statusClass(a.status) === statusClass(b.status) &&
    a.receivedAt === b.receivedAt &&
    a.agencyId === b.agencyId &&
    a.assignedAt === b.assignedAt &&
    a.categoryId === b.categoryId &&
    a.districtCode === b.districtCode &&
    a.resolvedAt === b.resolvedAt &&
    a.dueAt === b.dueAt &&
    a.originalDueAt === b.originalDueAt &&
    a.sla?.from === b.sla?.from &&
    a.rating === b.rating &&
    a.ratedAt === b.ratedAt
  );
}

const sameKey = (a: RollupKey, b: RollupKey) =>
  a.day === b.day && a.agencyId === b.agencyId && a.categoryId === b.categoryId && a.districtCode === b.districtCode;

/** before − after, with the entries both sides share cancelled out (most events change nothing). */
function diff<T extends RollupKey & { n: number }>(before: T[], after: T[], same: (a: T, b: T) => boolean): T[] {
  const out: T[] = [];
  const left = [...after];
  for (const b of before) {
    const i = left.findIndex((a) => same(a, b));
    if (i >= 0) left.splice(i, 1);
    else out.push({ ...b, n: -b.n });
  }
  return out.concat(left);
}

/** The segment a report would have from instant `atMs` on, if it is open with a due date. */
function segmentOf(r: Report, atMs: number): OverdueSegment | null {
  if (!openStatuses.includes(r.status) || r.dueAt === null) return null;
  const dueMs = Date.parse(r.dueAt);
  // overdue at a day's close (23:59:59.999) once the due instant is before it; and not before the segment began
  return {
    becameDay: Math.max(localDayOfMs(dueMs + 1), localDayOfMs(atMs)),
    dueMs,
    agencyId: r.agencyId ?? '',
    categoryId: r.categoryId,
    districtCode: r.districtCode ?? '',
  };
}

const sameSegment = (a: OverdueSegment, b: Pick<OverdueSegment, 'dueMs' | 'agencyId' | 'categoryId' | 'districtCode'>) =>
  a.dueMs === b.dueMs && a.agencyId === b.agencyId && a.categoryId === b.categoryId && a.districtCode === b.districtCode;

/**
 * What one event changes in the rollups, given the report before (null for `created`) and after it, and the
 * report's open overdue segment before it.
 *
 * Overdue trend: overdue at the close of day D = Σ overdueNet over days ≤ D. An open report with due date d
 * is overdue at the close of D from day(d + 1 ms) on. When an event changes what the segment is about (unit,
 * category, district or due date) or closes the report, the segment ends on the event's day: if it had
 * started counting before that day, a −1 on that day ends it; if not, its +1 is taken back. A new segment
 * starts on the event's day. Past days are never rewritten: a report transferred while overdue counted for
 * the old unit until the transfer and for the new one after it.
 */
export function rollupStep(
  prev: Report | null,
  next: Report,
  ev: Pick<StoredEvent, 'type' | 'at'>,
  segment: OverdueSegment | null,
  cal: WorkingCalendar = defaultCalendar,
): RollupStep {
  let counters: CounterDelta[] = [];
  let handling: HandlingDelta[] = [];
  // most events (comments, reminders, starting work) change nothing the state counters read: skip the diff
  if (prev === null || !sameContributionInputs(prev, next)) {
    const before = prev ? stateContributions(prev, cal) : { counters: [], handling: [] };
    const after = stateContributions(next, cal);
    counters = diff(before.counters, after.counters, (a, b) => a.counter === b.counter && sameKey(a, b));
    handling = diff(before.handling, after.handling, (a, b) => a.workingDays === b.workingDays && sameKey(a, b));
  }
  const atMs = Date.parse(ev.at);
  const eventDay = localDayOfMs(atMs);
  // a reminder counts for the unit that had the report when it was sent
  if (ev.type === 'reminded') counters.push({ ...keyOf(prev ?? next, eventDay), counter: 'reminders', n: 1 });

  const wanted = segmentOf(next, atMs);
  if (segment !== null && wanted !== null && sameSegment(segment, wanted)) return { counters, handling, segment };
  if (segment !== null) {
    const { becameDay, agencyId, categoryId, districtCode } = segment;
    counters.push(
      becameDay < eventDay
        ? { day: eventDay, agencyId, categoryId, districtCode, counter: 'overdueNet', n: -1 }
        : { day: becameDay, agencyId, categoryId, districtCode, counter: 'overdueNet', n: -1 },
    );
  }
  if (wanted !== null) {
    counters.push({ day: wanted.becameDay, agencyId: wanted.agencyId, categoryId: wanted.categoryId, districtCode: wanted.districtCode, counter: 'overdueNet', n: 1 });
  }
  return { counters, handling, segment: wanted };
}

/** Cell key as text (ids never contain a tab). */
export const cellKey = (k: RollupKey) => `${k.day}\t${k.agencyId}\t${k.categoryId}\t${k.districtCode}`;

/** Sums deltas per cell so each touched cell is written once per transaction. */
export class RollupAccumulator {
  readonly cells = new Map<string, { key: RollupKey; values: number[] }>();
  readonly handling = new Map<string, { key: RollupKey; workingDays: number; n: number }>();

  add(step: Pick<RollupStep, 'counters' | 'handling'>): void {
    for (const c of step.counters) {
      const k = cellKey(c);
      let cell = this.cells.get(k);
      if (!cell) {
        cell = { key: { day: c.day, agencyId: c.agencyId, categoryId: c.categoryId, districtCode: c.districtCode }, values: ROLLUP_COUNTERS.map(() => 0) };
        this.cells.set(k, cell);
      }
      cell.values[COUNTER_INDEX[c.counter]] = (cell.values[COUNTER_INDEX[c.counter]] ?? 0) + c.n;
    }
    for (const h of step.handling) {
      const k = `${cellKey(h)}\t${h.workingDays}`;
      const cur = this.handling.get(k);
      if (cur) cur.n += h.n;
      else this.handling.set(k, { key: { day: h.day, agencyId: h.agencyId, categoryId: h.categoryId, districtCode: h.districtCode }, workingDays: h.workingDays, n: h.n });
    }
  }

  /** cells whose deltas did not all cancel out */
  changedCells(): { key: RollupKey; values: number[] }[] {
    return [...this.cells.values()].filter((c) => c.values.some((v) => v !== 0));
  }

  changedHandling(): { key: RollupKey; workingDays: number; n: number }[] {
    return [...this.handling.values()].filter((h) => h.n !== 0);
  }

  clear(): void {
    this.cells.clear();
    this.handling.clear();
  }
}

/**
 * The median of a histogram of whole numbers (value → count): the middle value, or the mean of the two middle
 * values for an even count; null when empty.
 */
export function histogramMedian(hist: ReadonlyMap<number, number> | Iterable<[number, number]>): number | null {
  const entries = [...hist].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const [v, n] of entries) {
      seen += n;
      if (rank < seen) return v;
    }
    return entries[entries.length - 1]?.[0] ?? 0;
  };
  const lo = valueAt(Math.floor((total - 1) / 2));
  const hi = valueAt(Math.floor(total / 2));
  return (lo + hi) / 2;
}
