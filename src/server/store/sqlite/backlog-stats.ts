import type Database from 'better-sqlite3';
import type { AgencyStatsQuery, AgencyStatsResponse } from '../../../shared/contract/backlog';
import type { Agency } from '../../../shared/contract/meta';
import { ROLLUP_COUNTERS } from '../../../shared/domain/rollup';
import { localDayOfMs, monthOfDay, monthStartDay } from '../../../shared/domain/rollup-buckets';
import {
  addCurrent,
  addHistogram,
  addSums,
  assembleFigures,
  emptyCurrent,
  overdueTrend,
  statsPeriod,
} from '../../../shared/domain/rollup-stats';
import { createOpenCountsQueries } from './open-counts-query';
import { ROLLUP_COUNTER_COLUMNS } from './rollup-schema';

/** [fromDay, toDay) as daily edges around whole calendar months (months: [first, end) month indexes, or null). */
export function splitByMonths(fromDay: number, toDay: number): { days: [number, number][]; months: [number, number] | null } {
  const m0 = monthOfDay(fromDay);
  const first = monthStartDay(m0) === fromDay ? m0 : m0 + 1;
  const end = monthOfDay(toDay);
  if (first >= end) return { days: [[fromDay, toDay]], months: null };
  return { days: [[fromDay, monthStartDay(first)], [monthStartDay(end), toDay]], months: [first, end] };
}

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
 * category or district filter needs the fine one), current figures from the open-report counters (open-counts-query).
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
  const open = createOpenCountsQueries(db);
  const sums = ROLLUP_COUNTER_COLUMNS.map((c) => `SUM(${c})`).join(', ');
  return db.transaction((query: AgencyStatsQuery, now: Date): AgencyStatsResponse => {
    const period = statsPeriod(query, now);
    const selected = selectedAgencies(agencies, query);
    const fine = query.categoryId !== undefined || query.districtCode !== undefined;

    // conditions on the rollup tables ('' = centre)
    const rollupWhere: string[] = [];
    const rollupParams: (string | number)[] = [];
    if (selected !== null) {
      const ids = selected.map((a) => a.id);
      const list = ids.length > 0 ? ids.map(() => '?').join(', ') : 'NULL';
      rollupWhere.push(`agency_id IN (${list})`);
      rollupParams.push(...ids);
    }
    for (const [col, v] of [
      ['category_id', query.categoryId],
      ['district_code', query.districtCode],
    ] as const) {
      if (v === undefined) continue;
      rollupWhere.push(`${col} = ?`);
      rollupParams.push(v);
    }
    // unit × day (× category × district when filtered by them), and the same by calendar month
    const [table, handling, monthly, handlingMonthly] = fine
      ? ['rollup_daily', 'rollup_handling', 'rollup_monthly', 'rollup_handling_monthly']
      : ['rollup_agency_daily', 'rollup_agency_handling', 'rollup_agency_monthly', 'rollup_agency_handling_monthly'];
    const extra = rollupWhere.length ? ` AND ${rollupWhere.join(' AND ')}` : '';

    // the period as daily edges and whole months (the monthly tables: a year reads 12 rows per unit)
    const ranges = splitByMonths(period.fromDay, period.toDay);
    const periodRows: [string, ...number[]][] = [];
    const histRows: [string, number, number][] = [];
    for (const [a, b] of ranges.days) {
      if (b <= a) continue;
      periodRows.push(...(cached(`SELECT agency_id, ${sums} FROM ${table} WHERE day >= ? AND day < ?${extra} GROUP BY agency_id`).raw().all(a, b, ...rollupParams) as [string, ...number[]][]));
      histRows.push(
        ...(cached(`SELECT agency_id, working_days, SUM(n) FROM ${handling} WHERE day >= ? AND day < ?${extra} GROUP BY agency_id, working_days`)
          .raw()
          .all(a, b, ...rollupParams) as [string, number, number][]),
      );
    }
    if (ranges.months) {
      const [a, b] = ranges.months;
      periodRows.push(...(cached(`SELECT agency_id, ${sums} FROM ${monthly} WHERE month >= ? AND month < ?${extra} GROUP BY agency_id`).raw().all(a, b, ...rollupParams) as [string, ...number[]][]));
      histRows.push(
        ...(cached(`SELECT agency_id, working_days, SUM(n) FROM ${handlingMonthly} WHERE month >= ? AND month < ?${extra} GROUP BY agency_id, working_days`)
          .raw()
          .all(a, b, ...rollupParams) as [string, number, number][]),
      );
    }

    const t = now.getTime();
    // current figures from the open-report counters (migration 9), not a pass over every open report
    const currentBy = open.currentByAgency(
      { agencyIds: selected === null ? null : selected.map((a) => a.id), categoryId: query.categoryId, districtCode: query.districtCode },
      now,
    );

    const sumsBy = new Map<string, number[]>();
    for (const [a, ...v] of periodRows) {
      const cur = sumsBy.get(a);
      if (cur) addSums(cur, v.map((x) => x ?? 0));
      else sumsBy.set(a, v.map((x) => x ?? 0));
    }
    const histBy = new Map<string, Map<number, number>>();
    for (const [a, wd, n] of histRows) {
      let h = histBy.get(a);
      if (!h) histBy.set(a, (h = new Map()));
      h.set(wd, (h.get(wd) ?? 0) + n);
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
    // everything before the period: whole months from the monthly table, the rest of the first month by day
    const firstMonth = monthOfDay(period.fromDay);
    const before =
      (cached(`SELECT COALESCE(SUM(overdue_net), 0) FROM ${monthly} WHERE month < ?${extra}`).pluck().get(firstMonth, ...rollupParams) as number) +
      (cached(`SELECT COALESCE(SUM(overdue_net), 0) FROM ${table} WHERE day >= ? AND day < ?${extra}`)
          .pluck()
          .get(monthStartDay(firstMonth), period.fromDay, ...rollupParams) as number);
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
