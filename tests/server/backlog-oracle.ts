/**
 * A brute-force reading of the event log for the per-unit backlog figures, written separately from the rollups
 * (shared/domain/rollup*) so the tests can hold the two against each other: replay the log with the workflow
 * reducer, then count, classifying timeliness and ageing from their definitions (DOMAIN.md, decisions 0002/0004).
 */
import type { StoredEvent } from '../../src/shared/contract/event';
import type { Agency } from '../../src/shared/contract/meta';
import type { Report } from '../../src/shared/contract/report';
import { workingDaysBetween } from '../../src/shared/domain/calendar';
import { isDueSoon } from '../../src/shared/domain/timeliness';
import { applyEvent } from '../../src/shared/domain/workflow';

const OPEN = ['received', 'assigned', 'in_progress', 'reopened'];
const DAY = 86_400_000;
const VN = 7 * 3_600_000;
const t = (iso: string | null) => (iso === null ? null : Date.parse(iso));

export interface OracleQuery {
  from: number;
  to: number;
  agencyIds: Set<string> | null;
  categoryId?: string;
  districtCode?: string;
}

export interface OracleFigures {
  received: number;
  assigned: number;
  rejected: number;
  onTime: number;
  lateExtended: number;
  late: number;
  resolved: number;
  medianHandlingDays: number | null;
  ratedSatisfied: number;
  ratedAcceptable: number;
  ratedUnsatisfied: number;
  reminders: number;
  open: number;
  inProgress: number;
  dueSoon: number;
  overdue: number;
  ageing: Record<'1-3' | '4-7' | '8-15' | '16+', number>;
}

const zero = (): OracleFigures & { handling: number[] } => ({
  received: 0,
  assigned: 0,
  rejected: 0,
  onTime: 0,
  lateExtended: 0,
  late: 0,
  resolved: 0,
  medianHandlingDays: null,
  ratedSatisfied: 0,
  ratedAcceptable: 0,
  ratedUnsatisfied: 0,
  reminders: 0,
  open: 0,
  inProgress: 0,
  dueSoon: 0,
  overdue: 0,
  ageing: { '1-3': 0, '4-7': 0, '8-15': 0, '16+': 0 },
  handling: [],
});

/** on time against the original due date, late-with-extension against the extended one */
function judged(r: Report): 'on_time' | 'late_extended' | 'late' {
  const due = t(r.dueAt);
  const original = t(r.originalDueAt) ?? due;
  if (original === null) return 'on_time';
  const done = t(r.resolvedAt) as number;
  if (done <= original) return 'on_time';
  return done <= (due ?? original) ? 'late_extended' : 'late';
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const within = (v: number | null, q: OracleQuery) => v !== null && v >= q.from && v < q.to;

export function replayAll(events: readonly StoredEvent[]): Map<number, Report> {
  const out = new Map<number, Report>();
  for (const e of events) out.set(e.reportId, applyEvent(out.get(e.reportId) ?? null, e));
  return out;
}

/** Per unit ('' = the centre) and in total, for the period and filter of `q`, at instant `now`. */
export function oracleFigures(events: readonly StoredEvent[], q: OracleQuery, now: Date): { byAgency: Map<string, OracleFigures>; totals: OracleFigures } {
  const inScope = (r: Report) =>
    (q.agencyIds === null || (r.agencyId !== null && q.agencyIds.has(r.agencyId))) &&
    (q.categoryId === undefined || r.categoryId === q.categoryId) &&
    (q.districtCode === undefined || r.districtCode === q.districtCode);
  const rows = new Map<string, ReturnType<typeof zero>>();
  const row = (r: Report) => {
    const k = r.agencyId ?? '';
    let f = rows.get(k);
    if (!f) rows.set(k, (f = zero()));
    return f;
  };
  // reminders: counted for the unit that had the report when it was sent
  const states = new Map<number, Report>();
  for (const e of events) {
    const before = states.get(e.reportId) ?? null;
    if (e.type === 'reminded' && before && inScope(before) && within(Date.parse(e.at), q)) row(before).reminders += 1;
    states.set(e.reportId, applyEvent(before, e));
  }
  for (const r of states.values()) {
    if (!inScope(r)) continue;
    const f = row(r);
    if (within(t(r.receivedAt), q)) f.received += 1;
    if (r.agencyId !== null && within(t(r.assignedAt), q)) f.assigned += 1;
    if (r.status === 'rejected' && within(t(r.receivedAt), q)) f.rejected += 1;
    if (r.status === 'resolved' && within(t(r.resolvedAt), q)) {
      const j = judged(r);
      if (j === 'on_time') f.onTime += 1;
      else if (j === 'late_extended') f.lateExtended += 1;
      else f.late += 1;
      f.resolved += 1;
      f.handling.push(workingDaysBetween(new Date(r.sla?.from ?? r.receivedAt), new Date(r.resolvedAt as string)));
    }
    if (r.rating !== null && within(t(r.ratedAt), q)) {
      if (r.rating === 'satisfied') f.ratedSatisfied += 1;
      else if (r.rating === 'acceptable') f.ratedAcceptable += 1;
      else f.ratedUnsatisfied += 1;
    }
    if (OPEN.includes(r.status)) {
      f.open += 1;
      if (r.status === 'in_progress') f.inProgress += 1;
      const due = t(r.dueAt);
      if (due !== null && now.getTime() > due) {
        f.overdue += 1;
        const days = workingDaysBetween(new Date(due), now);
        f.ageing[days <= 3 ? '1-3' : days <= 7 ? '4-7' : days <= 15 ? '8-15' : '16+'] += 1;
      } else if (isDueSoon(r, now)) {
        f.dueSoon += 1;
      }
    }
  }
  const totals = zero();
  const byAgency = new Map<string, OracleFigures>();
  for (const [k, f] of rows) {
    for (const key of Object.keys(f) as (keyof OracleFigures)[]) {
      if (key === 'ageing' || key === 'medianHandlingDays' || (key as string) === 'handling') continue;
      (totals[key] as number) += f[key] as number;
    }
    for (const b of ['1-3', '4-7', '8-15', '16+'] as const) totals.ageing[b] += f.ageing[b];
    totals.handling.push(...f.handling);
    const { handling, ...rest } = f;
    byAgency.set(k, { ...rest, medianHandlingDays: median(handling) });
  }
  const { handling, ...tot } = totals;
  return { byAgency, totals: { ...tot, medianHandlingDays: median(handling) } };
}

/** Vietnam-local day number and the last instant of a day */
export const localDay = (ms: number) => Math.floor((ms + VN) / DAY);
export const dayClose = (day: number) => (day + 1) * DAY - VN - 1;

/** Overdue at the close of `day` (state replayed from the events up to then), within the filter. */
export function overdueAtClose(events: readonly StoredEvent[], day: number, q: Omit<OracleQuery, 'from' | 'to'>): number {
  const close = dayClose(day);
  const states = replayAll(events.filter((e) => Date.parse(e.at) <= close));
  let n = 0;
  for (const r of states.values()) {
    const due = t(r.dueAt);
    const inScope =
      (q.agencyIds === null || (r.agencyId !== null && q.agencyIds.has(r.agencyId))) &&
      (q.categoryId === undefined || r.categoryId === q.categoryId) &&
      (q.districtCode === undefined || r.districtCode === q.districtCode);
    if (inScope && OPEN.includes(r.status) && due !== null && close > due) n += 1;
  }
  return n;
}

export const agencyIdsOfKind = (agencies: readonly Agency[], kind: string) => new Set(agencies.filter((a) => a.kind === kind).map((a) => a.id));
