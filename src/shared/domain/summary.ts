import type { SummaryResponse } from '../contract/api';
import { openStatuses } from '../contract/common';
import type { Report } from '../contract/report';
import { VN_OFFSET_MINUTES } from './calendar';
import { isOverdue } from './timeliness';

const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** Start of the current Vietnam-local day and month (the default period is this month). */
export function periodBounds(now: Date): { dayStart: Date; dayEnd: Date; monthStart: Date; nextMonthStart: Date } {
  const local = new Date(now.getTime() + OFFSET_MS);
  const dayStart = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - OFFSET_MS);
  const monthStart = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - OFFSET_MS);
  const nextMonthStart = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - OFFSET_MS);
  return { dayStart, dayEnd: new Date(dayStart.getTime() + DAY_MS), monthStart, nextMonthStart };
}

const within = (iso: string | null, from: number, to: number) => {
  if (iso === null) return false;
  const t = Date.parse(iso);
  return t >= from && t < to;
};

/** The reference computation of the KPI summary over in-memory reports (MSW mock, and the oracle in tests). */
export function computeSummary(
  reports: Iterable<Report>,
  now: Date,
  seq: number,
  period: { from?: string; to?: string } = {},
): SummaryResponse {
  const b = periodBounds(now);
  const from = period.from ? Date.parse(period.from) : b.monthStart.getTime();
  const to = period.to ? Date.parse(period.to) : b.nextMonthStart.getTime();
  const s = {
    receivedToday: 0,
    beingHandled: 0,
    overdueNow: 0,
    handledThisMonth: 0,
    receivedInPeriod: 0,
    resolvedInPeriod: 0,
    ratedInPeriod: 0,
  };
  let satisfied = 0;
  for (const r of reports) {
    if (within(r.receivedAt, b.dayStart.getTime(), b.dayEnd.getTime())) s.receivedToday++;
    if (openStatuses.includes(r.status)) s.beingHandled++;
    if (isOverdue(r, now)) s.overdueNow++;
    if (r.status === 'resolved' && within(r.resolvedAt, b.monthStart.getTime(), b.nextMonthStart.getTime())) s.handledThisMonth++;
    if (within(r.receivedAt, from, to)) s.receivedInPeriod++;
    if (r.status === 'resolved' && within(r.resolvedAt, from, to)) s.resolvedInPeriod++;
    if (r.rating !== null && within(r.ratedAt, from, to)) {
      s.ratedInPeriod++;
      if (r.rating !== 'unsatisfied') satisfied++;
    }
  }
  return {
    seq,
    asOf: now.toISOString(),
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    ...s,
    satisfactionRate: s.ratedInPeriod === 0 ? null : satisfied / s.ratedInPeriod,
  };
}
