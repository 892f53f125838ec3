import type Database from 'better-sqlite3';
import type {
  BreakdownBy,
  BreakdownQuery,
  BreakdownResponse,
  BreakdownRow,
  KpisQuery,
  KpisResponse,
  PeriodFigures,
  StatsDimensions,
  TimeseriesQuery,
  TimeseriesResponse,
} from '../../../shared/contract/stats';
import { qualifiedStatuses } from '../../../shared/contract/stats';
import { VN_OFFSET_MINUTES } from '../../../shared/domain/calendar';
import { bucketIndex, bucketStarts, chooseInterval, emptyFigures, previousPeriod } from '../../../shared/domain/stats';
import { filterToSql, OVERDUE_SQL } from '../list-query';
import { TIMELINESS_SQL, timelinessParams } from './stats-filter-sql';
import { dailyFromRollups, figuresFromRollups, rollupsAnswer } from './stats-rollup';

/*
 * Statistics from indexed queries on the reports projection: each figure is one COUNT over an index range
 * (received_at, resolved_at, rated_at or due_at), narrowed by the dimension filters, grouped in SQL. Nothing
 * ships reports: a query returns one row per group (or per local day for series, folded into weeks/months
 * here). The SQL mirrors the reference semantics of shared/domain/stats + timeliness; the server tests
 * compare it with a brute-force count over the replayed event log.
 */

type Db = Database.Database;
type Param = string | number;

const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
const QUALIFIED_SQL = `status IN (${qualifiedStatuses.map((s) => `'${s}'`).join(', ')})`;

/**
 * The received figures read the covering index of migration 4 (decision 0010). Named, because the planner's
 * statistics can make a skip-scan of reports_category look cheaper, and that reads every row of the period
 * (measured: 300 ms instead of 3 ms for 30 days at 220,000 reports a year).
 */
const RECEIVED_INDEX = 'INDEXED BY reports_stats_received';

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();
/** the SQL varies with the filters given; the number of shapes is small and bounded */
function stmt(db: Db, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}

const dimensionsOf = (q: StatsDimensions): StatsDimensions => ({
  agencyId: q.agencyId,
  categoryId: q.categoryId,
  districtCode: q.districtCode,
  wardCode: q.wardCode,
  q: q.q,
});

const GROUP_COLUMN: Record<BreakdownBy, string> = { category: 'category_id', district: 'district_code', agency: 'agency_id' };

interface Grouped {
  key: string | number | null;
}

/**
 * The period figures, grouped by a dimension (null = one group): from the rollups for whole local days without
 * ward or text filters, otherwise three index ranges — received (received_at), resolved (resolved_at), rated
 * (rated_at).
 */
function figuresBy(db: Db, dims: StatsDimensions, from: number, to: number, now: Date, dimension: BreakdownBy | null): Map<string | number | null, PeriodFigures> {
  if (rollupsAnswer(dims, from, to)) return figuresFromRollups((sql) => stmt(db, sql), dimensionsOf(dims), from, to, now, dimension);
  const group = dimension ? GROUP_COLUMN[dimension] : null;
  const f = filterToSql(dimensionsOf(dims), now);
  const key = group ?? 'NULL';
  const by = group ? ` GROUP BY ${group}` : '';
  const out = new Map<string | number | null, PeriodFigures>();
  const at = (k: string | number | null) => {
    let v = out.get(k);
    if (!v) {
      v = emptyFigures();
      out.set(k, v);
    }
    return v;
  };
  const received = stmt(
    db,
    `SELECT ${key} AS key, COUNT(*) AS received, COALESCE(SUM(${QUALIFIED_SQL}), 0) AS qualified,
       COALESCE(SUM(status = 'rejected'), 0) AS rejected
     FROM reports ${RECEIVED_INDEX} WHERE ${f.where} AND received_at >= ? AND received_at < ?${by}`,
  ).all(...f.params, from, to) as (Grouped & { received: number; qualified: number; rejected: number })[];
  for (const r of received) {
    if (r.received === 0) continue;
    Object.assign(at(r.key), { received: r.received, qualified: r.qualified, rejected: r.rejected });
  }
  const resolved = stmt(
    db,
    `SELECT key, COUNT(*) AS resolved, SUM(t = 'on_time') AS onTime, SUM(t = 'late_extended') AS lateExtended,
       SUM(t = 'late') AS late
     FROM (SELECT ${key} AS key, ${TIMELINESS_SQL} AS t FROM reports
           WHERE ${f.where} AND status = 'resolved' AND resolved_at >= ? AND resolved_at < ?)
     ${group ? 'GROUP BY key' : ''}`,
  ).all(...timelinessParams(now), ...f.params, from, to) as (Grouped & { resolved: number; onTime: number; lateExtended: number; late: number })[];
  for (const r of resolved) {
    if (r.resolved === 0) continue;
    Object.assign(at(r.key), { resolved: r.resolved, onTime: r.onTime, lateExtended: r.lateExtended, late: r.late });
  }
  const rated = stmt(
    db,
    `SELECT ${key} AS key, COUNT(*) AS rated, COALESCE(SUM(rating <> 'unsatisfied'), 0) AS satisfied
     FROM reports WHERE ${f.where} AND rating IS NOT NULL AND rated_at >= ? AND rated_at < ?${by}`,
  ).all(...f.params, from, to) as (Grouped & { rated: number; satisfied: number })[];
  for (const r of rated) {
    if (r.rated === 0) continue;
    Object.assign(at(r.key), { rated: r.rated, satisfied: r.satisfied });
  }
  return out;
}

function overdueBy(db: Db, dims: StatsDimensions, now: Date, group: string | null): Map<string | number | null, number> {
  const f = filterToSql(dimensionsOf(dims), now);
  const rows = stmt(db, `SELECT ${group ?? 'NULL'} AS key, COUNT(*) AS n FROM reports WHERE ${f.where} AND ${OVERDUE_SQL}${group ? ` GROUP BY ${group}` : ''}`).all(
    ...f.params,
    now.getTime(),
  ) as (Grouped & { n: number })[];
  return new Map(rows.filter((r) => r.n > 0).map((r) => [r.key, r.n]));
}

const seqOf = (db: Db) => stmt(db, 'SELECT COALESCE(MAX(seq), 0) FROM events').pluck().get() as number;

export function statsKpis(db: Db, query: KpisQuery, now: Date): KpisResponse {
  return db.transaction((): KpisResponse => {
    const prev = previousPeriod(query.from, query.to);
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    return {
      seq: seqOf(db),
      asOf: now.toISOString(),
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      previousFrom: prev.from,
      previousTo: prev.to,
      current: figuresBy(db, query, from, to, now, null).get(null) ?? emptyFigures(),
      previous: figuresBy(db, query, Date.parse(prev.from), Date.parse(prev.to), now, null).get(null) ?? emptyFigures(),
      overdueNow: overdueBy(db, query, now, null).get(null) ?? 0,
    };
  })();
}

export function statsBreakdown(db: Db, query: BreakdownQuery, now: Date): BreakdownResponse {
  return db.transaction((): BreakdownResponse => {
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    const column = GROUP_COLUMN[query.by];
    const figures = figuresBy(db, query, from, to, now, query.by);
    const overdue = overdueBy(db, query, now, column);
    const keys = new Set([...figures.keys(), ...overdue.keys()]);
    const rows: BreakdownRow[] = [...keys].map((k) => ({
      key: k === null ? null : String(k),
      ...(figures.get(k) ?? emptyFigures()),
      overdueNow: overdue.get(k) ?? 0,
    }));
    rows.sort((a, b) => b.received - a.received || b.overdueNow - a.overdueNow || (a.key ?? '\uffff').localeCompare(b.key ?? '\uffff'));
    // every report has exactly one key (null included), so the total is the sum of the rows: no second pass
    const total = { ...emptyFigures(), overdueNow: 0 };
    for (const row of rows) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += row[k];
    return { seq: seqOf(db), asOf: now.toISOString(), from: new Date(from).toISOString(), to: new Date(to).toISOString(), by: query.by, rows, total };
  })();
}

const localDaySql = (column: string) => `((${column} + ${OFFSET_MS}) / ${DAY_MS})`;


export function statsTimeseries(db: Db, query: TimeseriesQuery, now: Date): TimeseriesResponse {
  return db.transaction((): TimeseriesResponse => {
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
    const f = filterToSql(dimensionsOf(query), now);
    const fold = (rows: { d: number; n: number }[], series: 'received' | 'resolved' | 'overdue') => {
      for (const r of rows) {
        const p = points[bucketIndex(starts, Math.max(r.d * DAY_MS - OFFSET_MS, from))];
        if (p) p[series] += r.n;
      }
    };
    const perDay = (column: string, extra: string, extraParams: Param[]) =>
      stmt(
        db,
        `SELECT ${localDaySql(column)} AS d, COUNT(*) AS n FROM reports ${column === 'received_at' ? RECEIVED_INDEX : ''}
         WHERE ${f.where} AND ${column} >= ? AND ${column} < ?${extra} GROUP BY d`,
      ).all(...f.params, from, to, ...extraParams) as { d: number; n: number }[];
    if (rollupsAnswer(query, from, to)) {
      const daily = dailyFromRollups((sql) => stmt(db, sql), dimensionsOf(query), from, to);
      fold(daily.received, 'received');
      fold(daily.resolved, 'resolved');
    } else {
      fold(perDay('received_at', '', []), 'received');
      fold(perDay('resolved_at', ` AND status = 'resolved'`, []), 'resolved');
    }
    fold(perDay('due_at', ` AND ${TIMELINESS_SQL} IN ('overdue', 'late')`, timelinessParams(now)), 'overdue');
    return {
      seq: seqOf(db),
      asOf: now.toISOString(),
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      interval,
      requestedInterval: query.interval ?? null,
      points,
    };
  })();
}
