import type { Report } from '../../src/shared/contract/report';
import type {
  BreakdownQuery,
  BreakdownResponse,
  BreakdownRow,
  KpisQuery,
  KpisResponse,
  StatsDimensions,
  TimeseriesQuery,
  TimeseriesResponse,
} from '../../src/shared/contract/stats';
import { matchesFilter } from '../../src/shared/domain/filter';
import { addToFigures, bucketIndex, bucketStarts, chooseInterval, emptyFigures, missedDeadline, previousPeriod } from '../../src/shared/domain/stats';
import { isOverdue } from '../../src/shared/domain/timeliness';

/** Leadership statistics over the memory store's reports, with the server's semantics (shared/domain/stats). */

const dims = (q: StatsDimensions): StatsDimensions => ({
  agencyId: q.agencyId,
  categoryId: q.categoryId,
  districtCode: q.districtCode,
  wardCode: q.wardCode,
  q: q.q,
});

const matching = (reports: Iterable<Report>, q: StatsDimensions, now: Date) => {
  const f = dims(q);
  return [...reports].filter((r) => matchesFilter(r, f, now));
};

export function statsKpis(reports: Iterable<Report>, seq: number, query: KpisQuery, now: Date): KpisResponse {
  const list = matching(reports, query, now);
  const prev = previousPeriod(query.from, query.to);
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const current = emptyFigures();
  const previous = emptyFigures();
  let overdueNow = 0;
  for (const r of list) {
    addToFigures(current, r, from, to, now);
    addToFigures(previous, r, Date.parse(prev.from), Date.parse(prev.to), now);
    if (isOverdue(r, now)) overdueNow++;
  }
  return {
    seq,
    asOf: now.toISOString(),
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    previousFrom: prev.from,
    previousTo: prev.to,
    current,
    previous,
    overdueNow,
  };
}

const KEY: Record<BreakdownQuery['by'], (r: Report) => string | null> = {
  category: (r) => r.categoryId,
  district: (r) => r.districtCode,
  agency: (r) => r.agencyId,
};

const nonZero = (row: BreakdownRow) => Object.entries(row).some(([k, v]) => k !== 'key' && v !== 0);

export function statsBreakdown(reports: Iterable<Report>, seq: number, query: BreakdownQuery, now: Date): BreakdownResponse {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const rows = new Map<string | null, BreakdownRow>();
  const total = { ...emptyFigures(), overdueNow: 0 };
  for (const r of matching(reports, query, now)) {
    const key = KEY[query.by](r);
    let row = rows.get(key);
    if (!row) {
      row = { key, ...emptyFigures(), overdueNow: 0 };
      rows.set(key, row);
    }
    addToFigures(row, r, from, to, now);
    addToFigures(total, r, from, to, now);
    if (isOverdue(r, now)) {
      row.overdueNow++;
      total.overdueNow++;
    }
  }
  const list = [...rows.values()].filter(nonZero);
  list.sort((a, b) => b.received - a.received || b.overdueNow - a.overdueNow || (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff'));
  return { seq, asOf: now.toISOString(), from: new Date(from).toISOString(), to: new Date(to).toISOString(), by: query.by, rows: list, total };
}

export function statsTimeseries(reports: Iterable<Report>, seq: number, query: TimeseriesQuery, now: Date): TimeseriesResponse {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const interval = chooseInterval(from, to, query.interval);
  const starts = bucketStarts(from, to, interval);
  const points = starts.map((start, i) => ({
    from: new Date(start).toISOString(),
    to: new Date(starts[i + 1] ?? to).toISOString(),
    received: 0,
    resolved: 0,
    overdue: 0,
  }));
  const add = (iso: string | null, series: 'received' | 'resolved' | 'overdue') => {
    if (iso === null) return;
    const t = Date.parse(iso);
    if (t < from || t >= to) return;
    const p = points[bucketIndex(starts, t)];
    if (p) p[series]++;
  };
  for (const r of matching(reports, query, now)) {
    add(r.receivedAt, 'received');
    if (r.status === 'resolved') add(r.resolvedAt, 'resolved');
    if (missedDeadline(r, now)) add(r.dueAt, 'overdue');
  }
  return { seq, asOf: now.toISOString(), from: new Date(from).toISOString(), to: new Date(to).toISOString(), interval, requestedInterval: query.interval ?? null, points };
}
