import type Database from 'better-sqlite3';
import { ageingBuckets } from '../../../shared/contract/backlog-filter';
import { AGEING_LIMITS, ageingFloorMs, dayStartMs, dueSoonLimitMs, localDayOfMs } from '../../../shared/domain/rollup-buckets';
import { emptyCurrent, type CurrentCounts } from '../../../shared/domain/rollup-stats';
import { OPEN_SQL } from './backlog-filter-sql';

export interface OpenCountsFilter {
  /** null: every unit and the centre's row */
  agencyIds: readonly string[] | null;
  categoryId?: string;
  districtCode?: string;
}

/**
 * Counting open reports below instants ("due before b") from the open_counts tables (migration 9): the reports
 * due on days before b's local day are whole counter rows; those due on b's own day before b are counted exactly
 * from the reports (a range of one day's due dates on the (due_at, status, …, agency_id, …) covering index, and
 * none at all when b is a day start, as the ageing floors are). Everything else is arithmetic on these counts.
 */
export function createOpenCountsQueries(db: Database.Database) {
  const stmts = new Map<string, Database.Statement>();
  const cached = (sql: string) => {
    let s = stmts.get(sql);
    if (!s) stmts.set(sql, (s = db.prepare(sql)));
    return s;
  };

  /**
   * Per unit ('' = the centre): open, in progress, and for each bound the open reports due before it. Bounds in
   * any order; the answer's `below[i]` belongs to `bounds[i]`.
   */
  function countsBelow(f: OpenCountsFilter, bounds: readonly number[]): Map<string, { open: number; inProgress: number; below: number[] }> {
    const fine = f.categoryId !== undefined || f.districtCode !== undefined;
    const counterWhere: string[] = [];
    const reportWhere: string[] = [`+${OPEN_SQL}`];
    const params: string[] = [];
    if (f.agencyIds !== null) {
      const list = f.agencyIds.length > 0 ? f.agencyIds.map(() => '?').join(', ') : 'NULL';
      counterWhere.push(`agency_id IN (${list})`);
      // `+`: one day of due dates is the narrow range, not the unit's whole history
      reportWhere.push(`+agency_id IN (${list})`);
      params.push(...f.agencyIds);
    }
    for (const [col, v] of [
      ['category_id', f.categoryId],
      ['district_code', f.districtCode],
    ] as const) {
      if (v === undefined) continue;
      counterWhere.push(`${col} = ?`);
      // '' = not located, as in the counters (and the rollups)
      reportWhere.push(col === 'district_code' ? "COALESCE(district_code, '') = ?" : `+${col} = ?`);
      params.push(v);
    }
    const days = bounds.map((b) => localDayOfMs(b));
    const rows = cached(
      `SELECT agency_id, SUM(n), SUM(in_progress)${days.map(() => ', SUM(CASE WHEN due_day < ? THEN n ELSE 0 END)').join('')}
       FROM ${fine ? 'open_counts' : 'open_counts_agency'}${counterWhere.length ? ` WHERE ${counterWhere.join(' AND ')}` : ''} GROUP BY agency_id`,
    )
      .raw()
      .all(...days, ...params) as [string, number, number, ...number[]][];
    const out = new Map<string, { open: number; inProgress: number; below: number[] }>();
    for (const [a, n, p, ...below] of rows) out.set(a, { open: n, inProgress: p, below });

    // the bounds that cut a day in two, grouped by that day: one range read per day
    const cutDays = new Map<number, number[]>();
    bounds.forEach((b, i) => {
      const d = days[i] as number;
      if (b === dayStartMs(d)) return;
      cutDays.set(d, [...(cutDays.get(d) ?? []), i]);
    });
    for (const [d, idx] of cutDays) {
      const upTo = Math.max(...idx.map((i) => bounds[i] as number));
      const exact = cached(
        `SELECT COALESCE(agency_id, ''), ${idx.map(() => 'SUM(due_at < ?)').join(', ')}
         FROM reports WHERE due_at >= ? AND due_at < ? AND ${reportWhere.join(' AND ')} GROUP BY 1`,
      )
        .raw()
        .all(...idx.map((i) => bounds[i] as number), dayStartMs(d), upTo, ...params) as [string, ...number[]][];
      for (const [a, ...counts] of exact) {
        // a report counted here is open, so its unit has a counter row
        const c = out.get(a);
        if (!c) throw new Error(`open_counts has no row for unit '${a}' that has open reports`);
        idx.forEach((i, j) => (c.below[i] = (c.below[i] ?? 0) + (counts[j] ?? 0)));
      }
    }
    return out;
  }

  return {
    /** The backlog's current figures per unit ('' = the centre), with the semantics of the reports-table CASE it replaces. */
    currentByAgency(f: OpenCountsFilter, now: Date): Map<string, CurrentCounts> {
      // descending bounds: due soon up to the limit (inclusive), overdue before now, ageing floors (day starts)
      const floors = AGEING_LIMITS.slice(0, -1).map((l) => ageingFloorMs(l.maxDays, now));
      const bounds = [dueSoonLimitMs(now) + 1, now.getTime(), ...floors];
      const out = new Map<string, CurrentCounts>();
      for (const [a, { open, inProgress, below }] of countsBelow(f, bounds)) {
        const at = (i: number) => below[i] ?? 0;
        const c = emptyCurrent();
        c.open = open;
        c.inProgress = inProgress;
        c.dueSoon = at(0) - at(1);
        c.overdue = at(1);
        // bucket k holds the reports due in [floor k, floor k-1) (the first: [floor 0, now)), the last everything older
        ageingBuckets.forEach((b, k) => (c.ageing[b] = at(k + 1) - (k + 2 < bounds.length ? at(k + 2) : 0)));
        out.set(a, c);
      }
      return out;
    },
    /** The KPI strip's open reports and those overdue now, over every unit. */
    openAndOverdue(now: Date): { open: number; overdue: number } {
      let open = 0;
      let overdue = 0;
      for (const c of countsBelow({ agencyIds: null }, [now.getTime()]).values()) {
        open += c.open;
        overdue += c.below[0] ?? 0;
      }
      return { open, overdue };
    },
  };
}
