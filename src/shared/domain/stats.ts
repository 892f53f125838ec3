import type { Interval, PeriodFigures } from '../contract/stats';
import { MAX_SERIES_POINTS, qualifiedStatuses } from '../contract/stats';
import type { Report } from '../contract/report';
import { VN_OFFSET_MINUTES } from './calendar';
import { isOverdue, timelinessOf } from './timeliness';

const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** The period of the same length just before [from, to): what a period is compared with. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const f = Date.parse(from);
  const len = Date.parse(to) - f;
  return { from: new Date(f - len).toISOString(), to: new Date(f).toISOString() };
}

/** Vietnam-local day number of an instant (day 0 = 1970-01-01 local). */
export const localDayNumber = (ms: number) => Math.floor((ms + OFFSET_MS) / DAY_MS);
const dayStartMs = (day: number) => day * DAY_MS - OFFSET_MS;

/** The first bucket boundary strictly after `ms` for the interval (local midnight, Monday, 1st of the month). */
export function nextBoundary(ms: number, interval: Interval): number {
  const day = localDayNumber(ms);
  if (interval === 'day') return dayStartMs(day + 1);
  if (interval === 'week') {
    // day 0 was a Thursday: days since the last Monday = (day + 3) mod 7
    const sinceMonday = (((day + 3) % 7) + 7) % 7;
    return dayStartMs(day - sinceMonday + 7);
  }
  const local = new Date(ms + OFFSET_MS);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - OFFSET_MS;
}

/** Bucket start instants (ms) of [from, to) for the interval: the first is `from`, later ones are boundaries. */
export function bucketStarts(from: number, to: number, interval: Interval, max = Infinity): number[] {
  const starts: number[] = [];
  for (let t = from; t < to && starts.length <= max; t = nextBoundary(t, interval)) starts.push(t);
  return starts;
}

const COARSER: Record<Interval, Interval | null> = { day: 'week', week: 'month', month: null };

/**
 * The interval a series uses: the requested one if its buckets fit in MAX_SERIES_POINTS, else the next
 * coarser one that fits; without a request, days up to ~3 months, weeks up to 2 years, months beyond.
 */
export function chooseInterval(from: number, to: number, requested: Interval | undefined): Interval {
  let interval: Interval = requested ?? (to - from <= 93 * DAY_MS ? 'day' : to - from <= 731 * DAY_MS ? 'week' : 'month');
  for (;;) {
    const coarser = COARSER[interval];
    if (coarser === null || bucketStarts(from, to, interval, MAX_SERIES_POINTS).length <= MAX_SERIES_POINTS) return interval;
    interval = coarser;
  }
}

/** Index of the bucket holding `ms` (starts ascending, ms within the period), by binary search. */
export function bucketIndex(starts: readonly number[], ms: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] as number) <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const emptyFigures = (): PeriodFigures => ({
  received: 0,
  qualified: 0,
  rejected: 0,
  resolved: 0,
  onTime: 0,
  lateExtended: 0,
  late: 0,
  rated: 0,
  satisfied: 0,
});

const within = (iso: string | null, from: number, to: number) => {
  if (iso === null) return false;
  const t = Date.parse(iso);
  return t >= from && t < to;
};

const QUALIFIED: readonly string[] = qualifiedStatuses;

/** Adds one report's contribution to the figures of [from, to) (see contract/stats periodFigures). */
export function addToFigures(f: PeriodFigures, r: Report, from: number, to: number, now: Date): void {
  if (within(r.receivedAt, from, to)) {
    f.received++;
    if (QUALIFIED.includes(r.status)) f.qualified++;
    else if (r.status === 'rejected') f.rejected++;
  }
  if (r.status === 'resolved' && within(r.resolvedAt, from, to)) {
    f.resolved++;
    const t = timelinessOf(r, now);
    if (t === 'on_time') f.onTime++;
    else if (t === 'late_extended') f.lateExtended++;
    else f.late++;
  }
  if (r.rating !== null && within(r.ratedAt, from, to)) {
    f.rated++;
    if (r.rating !== 'unsatisfied') f.satisfied++;
  }
}

/** The reference computation of a period's figures over in-memory reports (MSW mock; the client's tests). */
export function periodFiguresOf(reports: Iterable<Report>, from: string, to: string, now: Date): PeriodFigures {
  const f = emptyFigures();
  const a = Date.parse(from);
  const b = Date.parse(to);
  for (const r of reports) addToFigures(f, r, a, b, now);
  return f;
}

/** Whether a report missed its current due date (overdue now, or resolved after it): the "overdue" series. */
export function missedDeadline(r: Report, now: Date): boolean {
  const t = timelinessOf(r, now);
  return t === 'overdue' || t === 'late';
}

export { isOverdue };
