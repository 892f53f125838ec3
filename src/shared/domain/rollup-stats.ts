import type { AgeingCounts, AgencyFigures, OverdueTrendPoint } from '../contract/backlog';
import { MAX_TREND_POINTS } from '../contract/backlog';
import { ageingBuckets } from '../contract/backlog-filter';
import { localDateOf } from './calendar';
import { DomainError } from './errors';
import { histogramMedian, ROLLUP_COUNTERS } from './rollup';
import type { RollupCounter } from './rollup';
import { dayStartMs, localDayOfMs } from './rollup-buckets';
import { periodBounds } from './summary';

export interface StatsPeriod {
  /** first local day included */
  fromDay: number;
  /** first local day after the period */
  toDay: number;
  from: string;
  to: string;
}

/**
 * The period of a stats request as whole Vietnam-local days: `from` goes back to the start of its day, `to`
 * (exclusive) forward to the end of the day before it; the default is the current month.
 */
export function statsPeriod(q: { from?: string; to?: string }, now: Date): StatsPeriod {
  const b = periodBounds(now);
  const fromMs = q.from !== undefined ? Date.parse(q.from) : b.monthStart.getTime();
  const toMs = q.to !== undefined ? Date.parse(q.to) : b.nextMonthStart.getTime();
  if (toMs <= fromMs) throw new DomainError('invalid', 'must be later than from', 'to', 400);
  const fromDay = localDayOfMs(fromMs);
  const toDay = localDayOfMs(toMs - 1) + 1;
  return { fromDay, toDay, from: new Date(dayStartMs(fromDay)).toISOString(), to: new Date(dayStartMs(toDay)).toISOString() };
}

/** Counter sums as read from a rollup table (in ROLLUP_COUNTERS order). */
export type CounterSums = readonly number[];

/** What the reports projection says now about a unit's open reports. */
export interface CurrentCounts {
  open: number;
  inProgress: number;
  dueSoon: number;
  overdue: number;
  ageing: AgeingCounts;
}

export const emptyAgeing = (): AgeingCounts => Object.fromEntries(ageingBuckets.map((b) => [b, 0])) as AgeingCounts;
export const emptyCurrent = (): CurrentCounts => ({ open: 0, inProgress: 0, dueSoon: 0, overdue: 0, ageing: emptyAgeing() });

const at = (sums: CounterSums | undefined, c: RollupCounter) => sums?.[ROLLUP_COUNTERS.indexOf(c)] ?? 0;

/** One unit's (or the totals') figures from its period sums, its handling-time histogram and its current counts. */
export function assembleFigures(sums: CounterSums | undefined, hist: ReadonlyMap<number, number> | undefined, cur: CurrentCounts | undefined): AgencyFigures {
  const c = cur ?? emptyCurrent();
  const onTime = at(sums, 'resolvedOnTime');
  const lateExtended = at(sums, 'resolvedLateExtended');
  const late = at(sums, 'resolvedLate');
  return {
    received: at(sums, 'received'),
    assigned: at(sums, 'assigned'),
    rejected: at(sums, 'rejected'),
    onTime,
    lateExtended,
    late,
    resolved: onTime + lateExtended + late,
    medianHandlingDays: hist ? histogramMedian(hist) : null,
    ratedSatisfied: at(sums, 'ratedSatisfied'),
    ratedAcceptable: at(sums, 'ratedAcceptable'),
    ratedUnsatisfied: at(sums, 'ratedUnsatisfied'),
    reminders: at(sums, 'reminders'),
    open: c.open,
    inProgress: c.inProgress,
    dueSoon: c.dueSoon,
    overdue: c.overdue,
    ageing: { ...c.ageing },
  };
}

export function addSums(into: number[], sums: CounterSums): void {
  sums.forEach((v, i) => (into[i] = (into[i] ?? 0) + v));
}

export function addHistogram(into: Map<number, number>, hist: ReadonlyMap<number, number>): void {
  for (const [k, n] of hist) into.set(k, (into.get(k) ?? 0) + n);
}

export function addCurrent(into: CurrentCounts, c: CurrentCounts): void {
  into.open += c.open;
  into.inProgress += c.inProgress;
  into.dueSoon += c.dueSoon;
  into.overdue += c.overdue;
  for (const b of ageingBuckets) into.ageing[b] += c.ageing[b];
}

/**
 * The daily overdue trend over the period's days up to today: past days are Σ overdue_net up to the day
 * (`before` = the sum over all days before the period, `byDay` the sums per day in it); today is `overdueNow`.
 * Sampled evenly down to MAX_TREND_POINTS (the last point always kept).
 */
export function overdueTrend(period: StatsPeriod, now: Date, before: number, byDay: ReadonlyMap<number, number>, overdueNow: number): OverdueTrendPoint[] {
  const today = localDayOfMs(now.getTime());
  const last = Math.min(period.toDay - 1, today);
  const points: OverdueTrendPoint[] = [];
  let level = before;
  for (let d = period.fromDay; d <= last; d++) {
    level += byDay.get(d) ?? 0;
    points.push({ date: localDateOf(new Date(dayStartMs(d))), overdue: d === today ? overdueNow : level });
  }
  if (points.length <= MAX_TREND_POINTS) return points;
  const step = Math.ceil(points.length / MAX_TREND_POINTS);
  const sampled = points.filter((_, i) => (points.length - 1 - i) % step === 0);
  return sampled;
}
