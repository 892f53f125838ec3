import type Database from 'better-sqlite3';
import type { BreakdownBy, PeriodFigures, StatsDimensions } from '../../../shared/contract/stats';
import { VN_OFFSET_MINUTES } from '../../../shared/domain/calendar';
import { filterToSql } from '../list-query';

/*
 * The period figures from the per-unit rollups of decision 0004, for whole Vietnam-local days. The rollups' state
 * counters have exactly the semantics of contract/stats periodFigures (current state, counted on the day of the
 * instant the figure is about: receipt, resolution by timeliness, rating), so a long period is a sum over
 * days × units (× category × district) instead of a pass over every report of the period. "Qualified" is not a
 * rollup counter: it is received − rejected − those still awaiting screening (status received: few reports,
 * read from the status index). The server tests hold both paths to the same brute-force oracle.
 */

const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

const isLocalMidnight = (ms: number) => (ms + OFFSET_MS) % DAY_MS === 0;
export const localDay = (ms: number) => Math.floor((ms + OFFSET_MS) / DAY_MS);

/** The rollups answer whole local days, and only the dimensions they are keyed by (no ward, no text search). */
export function rollupsAnswer(dims: StatsDimensions, from: number, to: number): boolean {
  return dims.wardCode === undefined && dims.q === undefined && isLocalMidnight(from) && isLocalMidnight(to);
}

const KEY_SQL: Record<BreakdownBy, string> = { agency: "NULLIF(agency_id, '')", category: 'category_id', district: "NULLIF(district_code, '')" };
const REPORT_KEY: Record<BreakdownBy, string> = { agency: 'agency_id', category: 'category_id', district: 'district_code' };

function rollupWhere(dims: StatsDimensions, fromDay: number, toDay: number) {
  const clauses = ['day >= ?', 'day < ?'];
  const params: (string | number)[] = [fromDay, toDay];
  if (dims.agencyId !== undefined) {
    clauses.push('agency_id = ?');
    params.push(dims.agencyId);
  }
  if (dims.categoryId !== undefined) {
    clauses.push('category_id = ?');
    params.push(dims.categoryId);
  }
  if (dims.districtCode !== undefined) {
    clauses.push('district_code = ?');
    params.push(dims.districtCode);
  }
  // the unit-only table is ~30× smaller: use it whenever category and district play no part
  const fine = dims.categoryId !== undefined || dims.districtCode !== undefined;
  return { clauses, params, fine };
}

type Stmt = (sql: string) => Database.Statement;

export function figuresFromRollups(
  stmt: Stmt,
  dims: StatsDimensions,
  from: number,
  to: number,
  now: Date,
  group: BreakdownBy | null,
): Map<string | null, PeriodFigures> {
  const w = rollupWhere(dims, localDay(from), localDay(to));
  const table = w.fine || group === 'category' || group === 'district' ? 'rollup_daily' : 'rollup_agency_daily';
  const key = group ? KEY_SQL[group] : 'NULL';
  const rows = stmt(
    `SELECT ${key} AS key, SUM(received) AS received, SUM(rejected) AS rejected, SUM(resolved_on_time) AS onTime,
       SUM(resolved_late_extended) AS lateExtended, SUM(resolved_late) AS late, SUM(rated_satisfied) AS satisfied,
       SUM(rated_acceptable) AS acceptable, SUM(rated_unsatisfied) AS unsatisfied
     FROM ${table} WHERE ${w.clauses.join(' AND ')}${group ? ' GROUP BY key' : ''}`,
  ).all(...w.params) as {
    key: string | null;
    received: number;
    rejected: number;
    onTime: number;
    lateExtended: number;
    late: number;
    satisfied: number;
    acceptable: number;
    unsatisfied: number;
  }[];
  const out = new Map<string | null, PeriodFigures>();
  for (const r of rows) {
    const f: PeriodFigures = {
      received: r.received,
      qualified: r.received - r.rejected,
      rejected: r.rejected,
      resolved: r.onTime + r.lateExtended + r.late,
      onTime: r.onTime,
      lateExtended: r.lateExtended,
      late: r.late,
      rated: r.satisfied + r.acceptable + r.unsatisfied,
      satisfied: r.satisfied + r.acceptable,
    };
    if (Object.values(f).some((v) => v !== 0)) out.set(r.key, f);
  }
  // those received in the period and still awaiting screening are neither qualified nor rejected
  const f = filterToSql(dims, now);
  const waiting = stmt(
    `SELECT ${group ? REPORT_KEY[group] : 'NULL'} AS key, COUNT(*) AS n FROM reports INDEXED BY reports_status_due
     WHERE ${f.where} AND status = 'received' AND received_at >= ? AND received_at < ?${group ? ` GROUP BY ${REPORT_KEY[group]}` : ''}`,
  ).all(...f.params, from, to) as { key: string | null; n: number }[];
  for (const r of waiting) {
    const fig = out.get(r.key);
    if (fig) fig.qualified -= r.n;
  }
  return out;
}

/** Received and resolved per local day, from the rollups. */
export function dailyFromRollups(stmt: Stmt, dims: StatsDimensions, from: number, to: number): { received: { d: number; n: number }[]; resolved: { d: number; n: number }[] } {
  const w = rollupWhere(dims, localDay(from), localDay(to));
  const rows = stmt(
    `SELECT day AS d, SUM(received) AS received, SUM(resolved_on_time + resolved_late_extended + resolved_late) AS resolved
     FROM ${w.fine ? 'rollup_daily' : 'rollup_agency_daily'} WHERE ${w.clauses.join(' AND ')} GROUP BY day`,
  ).all(...w.params) as { d: number; received: number; resolved: number }[];
  return { received: rows.map((r) => ({ d: r.d, n: r.received })), resolved: rows.map((r) => ({ d: r.d, n: r.resolved })) };
}

