import type Database from 'better-sqlite3';
import type { AgencyStatsQuery, AgencyStatsResponse } from '../../../shared/contract/backlog';
import { ageingBuckets } from '../../../shared/contract/backlog-filter';
import type { Agency } from '../../../shared/contract/meta';
import { ROLLUP_COUNTERS } from '../../../shared/domain/rollup';
import { AGEING_LIMITS, ageingFloorMs, dueSoonLimitMs, localDayOfMs } from '../../../shared/domain/rollup-buckets';
import {
  addCurrent,
  addHistogram,
  addSums,
  assembleFigures,
  emptyCurrent,
  overdueTrend,
  statsPeriod,
  type CurrentCounts,
} from '../../../shared/domain/rollup-stats';
import { OPEN_SQL } from './backlog-filter-sql';
import { ROLLUP_COUNTER_COLUMNS } from './rollup-schema';

/** Units the query selects (null: no unit filter, i.e. every unit and the centre's row). */
export function selectedAgencies(agencies: readonly Agency[], q: Pick<AgencyStatsQuery, 'agencyId' | 'agencyIds' | 'agencyKind'>): Agency[] | null {
  if (q.agencyId === undefined && q.agencyIds === undefined && q.agencyKind === undefined) return null;
  return agencies.filter(
    (a) =>
      (q.agencyId === undefined || a.id === q.agencyId) &&
      (q.agencyIds === undefined || q.agencyIds.includes(a.id)) &&
      (q.agencyKind === undefined || a.kind === q.agencyKind),
  );
}

/**
 * GET /api/v1/stats/agencies over SQLite: period figures from the rollups (the unit × day table unless a
 * category or district filter needs the fine one), current figures from indexed queries on the open reports.
 */
export function createAgencyStats(db: Database.Database, agencies: readonly Agency[], latestSeq: () => number) {
  const stmts = new Map<string, Database.Statement>();
  const cached = (sql: string) => {
    let s = stmts.get(sql);
    if (!s) {
      s = db.prepare(sql);
      stmts.set(sql, s);
    }
    return s;
  };
  const sums = ROLLUP_COUNTER_COLUMNS.map((c) => `SUM(${c})`).join(', ');
  // ageing bucket of an overdue row by due_at ranges: the floors are parameters, most overdue first
  const ageingCase = `CASE ${AGEING_LIMITS.slice(0, -1)
    .map((l) => `WHEN due_at >= ? THEN '${l.bucket}'`)
    .join(' ')} ELSE '16+' END`;

  return db.transaction((query: AgencyStatsQuery, now: Date): AgencyStatsResponse => {
    const period = statsPeriod(query, now);
    const selected = selectedAgencies(agencies, query);
    const fine = query.categoryId !== undefined || query.districtCode !== undefined;

    // conditions shared by the rollup tables ('' = centre) and the reports table (NULL = centre)
    const rollupWhere: string[] = [];
    const rollupParams: (string | number)[] = [];
    const reportWhere: string[] = [OPEN_SQL];
    const reportParams: (string | number)[] = [];
    if (selected !== null) {
      const ids = selected.map((a) => a.id);
      const list = ids.length > 0 ? ids.map(() => '?').join(', ') : 'NULL';
      rollupWhere.push(`agency_id IN (${list})`);
      rollupParams.push(...ids);
      reportWhere.push(`agency_id IN (${list})`);
      reportParams.push(...ids);
    }
    for (const [col, v] of [
      ['category_id', query.categoryId],
      ['district_code', query.districtCode],
    ] as const) {
      if (v === undefined) continue;
      rollupWhere.push(`${col} = ?`);
      rollupParams.push(v);
      reportWhere.push(`${col} = ?`);
      reportParams.push(v);
    }
    const table = fine ? 'rollup_daily' : 'rollup_agency_daily';
    const handling = fine ? 'rollup_handling' : 'rollup_agency_handling';
    const extra = rollupWhere.length ? ` AND ${rollupWhere.join(' AND ')}` : '';

    const periodRows = cached(`SELECT agency_id, ${sums} FROM ${table} WHERE day >= ? AND day < ?${extra} GROUP BY agency_id`)
      .raw()
      .all(period.fromDay, period.toDay, ...rollupParams) as [string, ...number[]][];
    const histRows = cached(`SELECT agency_id, working_days, SUM(n) FROM ${handling} WHERE day >= ? AND day < ?${extra} GROUP BY agency_id, working_days`)
      .raw()
      .all(period.fromDay, period.toDay, ...rollupParams) as [string, number, number][];

    const t = now.getTime();
    const floors = AGEING_LIMITS.slice(0, -1).map((l) => ageingFloorMs(l.maxDays, now));
    const currentRows = cached(
      `SELECT COALESCE(agency_id, '') AS a, COUNT(*), SUM(status = 'in_progress'),
         SUM(due_at IS NOT NULL AND due_at >= ? AND due_at <= ?), SUM(due_at IS NOT NULL AND due_at < ?),
         ${ageingBuckets.map((b) => `SUM(due_at IS NOT NULL AND due_at < ? AND (${ageingCase}) = '${b}')`).join(', ')}
       FROM reports WHERE ${reportWhere.join(' AND ')} GROUP BY agency_id`,
    )
      .raw()
      .all(t, dueSoonLimitMs(now), t, ...ageingBuckets.flatMap(() => [t, ...floors]), ...reportParams) as [string, ...number[]][];

    const sumsBy = new Map<string, number[]>(periodRows.map(([a, ...v]) => [a, v.map((x) => x ?? 0)]));
    const histBy = new Map<string, Map<number, number>>();
    for (const [a, wd, n] of histRows) {
      let h = histBy.get(a);
      if (!h) histBy.set(a, (h = new Map()));
      h.set(wd, n);
    }
    const currentBy = new Map<string, CurrentCounts>();
    for (const [a, open = 0, inProgress = 0, dueSoon = 0, overdue = 0, ...ageing] of currentRows) {
      const c: CurrentCounts = { open, inProgress, dueSoon, overdue, ageing: emptyCurrent().ageing };
      ageingBuckets.forEach((b, i) => (c.ageing[b] = ageing[i] ?? 0));
      currentBy.set(a, c);
    }

    const rowIds = [...(selected ?? agencies).map((a) => a.id), ...(selected === null ? [''] : [])];
    const total = ROLLUP_COUNTERS.map(() => 0);
    const totalHist = new Map<number, number>();
    const totalCurrent = emptyCurrent();
    const rows = rowIds.map((id) => {
      const s = sumsBy.get(id);
      const h = histBy.get(id);
      const c = currentBy.get(id);
      if (s) addSums(total, s);
      if (h) addHistogram(totalHist, h);
      if (c) addCurrent(totalCurrent, c);
      return { agencyId: id === '' ? null : id, ...assembleFigures(s, h, c) };
    });

    // past days from the counters; today (if in the period) is the live count
    const lastPast = Math.min(period.toDay, localDayOfMs(t));
    const before = cached(`SELECT COALESCE(SUM(overdue_net), 0) FROM ${table} WHERE day < ?${extra}`).pluck().get(period.fromDay, ...rollupParams) as number;
    const byDay = new Map<number, number>(
      lastPast > period.fromDay
        ? (cached(`SELECT day, SUM(overdue_net) FROM ${table} WHERE day >= ? AND day < ?${extra} GROUP BY day`)
            .raw()
            .all(period.fromDay, lastPast, ...rollupParams) as [number, number][])
        : [],
    );

    return {
      seq: latestSeq(),
      asOf: now.toISOString(),
      from: period.from,
      to: period.to,
      agencies: rows,
      totals: assembleFigures(total, totalHist, totalCurrent),
      trend: overdueTrend(period, now, before, byDay, totalCurrent.overdue),
    };
  });
}
