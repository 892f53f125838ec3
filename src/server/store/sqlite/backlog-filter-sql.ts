import type { ReportFilter } from '../../../shared/contract/api';
import type { AgeingBucket, BacklogBucket } from '../../../shared/contract/backlog-filter';
import { openStatuses } from '../../../shared/contract/common';
import { AGEING_LIMITS, ageingFloorMs, dueSoonLimitMs } from '../../../shared/domain/rollup-buckets';
import { TIMELINESS_SQL, timelinessParams } from './stats-filter-sql';

export interface SqlFragment {
  sql: string;
  params: (string | number)[];
}

const OPEN_LIST = openStatuses.map((s) => `'${s}'`).join(', ');
/** open (waiting on the centre or a unit) */
export const OPEN_SQL = `status IN (${OPEN_LIST})`;

/**
 * SQL for a backlog bucket over the reports projection, with the semantics of shared/domain/rollup-buckets
 * inBucket (the tests compare the two on generated data). Time-dependent buckets turn `now` into instants
 * first (due-soon limit, ageing floors), so the conditions are plain ranges on the indexed due_at.
 */
export function bucketSql(bucket: BacklogBucket, now: Date): SqlFragment {
  const t = now.getTime();
  switch (bucket) {
    case 'received':
      return { sql: '1', params: [] };
    case 'rejected':
      return { sql: "status = 'rejected'", params: [] };
    case 'open':
      return { sql: OPEN_SQL, params: [] };
    case 'in_progress':
      return { sql: "status = 'in_progress'", params: [] };
    case 'due_soon':
      // `+status`: the same condition, but the planner must take the narrow due_at range on the covering
      // (due_at, status, …, agency_id, …) index; by (status, due_at) every one of the ~19,000 reports due tomorrow
      // at a million reports is a table lookup for its unit (drill "commune PCs × due soon": 84 → 30 ms)
      return { sql: `(+${OPEN_SQL} AND due_at IS NOT NULL AND due_at >= ? AND due_at <= ?)`, params: [t, dueSoonLimitMs(now)] };
    case 'overdue':
      return { sql: `(${OPEN_SQL} AND due_at IS NOT NULL AND due_at < ?)`, params: [t] };
    case 'resolved':
      return { sql: "status = 'resolved'", params: [] };
    case 'on_time':
    case 'late_extended':
    case 'late':
      return { sql: `(status = 'resolved' AND ${TIMELINESS_SQL} = ?)`, params: [...timelinessParams(now), bucket] };
  }
}

/** Overdue and in the ageing bucket (working days past due), as a due_at range. */
export function ageingSql(ageing: AgeingBucket, now: Date): SqlFragment {
  const i = AGEING_LIMITS.findIndex((l) => l.bucket === ageing);
  const limit = AGEING_LIMITS[i];
  const below = i > 0 ? AGEING_LIMITS[i - 1] : undefined;
  const clauses = [`${OPEN_SQL} AND due_at IS NOT NULL AND due_at < ?`];
  const params: number[] = [now.getTime()];
  if (limit && Number.isFinite(limit.maxDays)) {
    clauses.push('due_at >= ?');
    params.push(ageingFloorMs(limit.maxDays, now));
  }
  if (below) {
    clauses.push('due_at < ?');
    params.push(ageingFloorMs(below.maxDays, now));
  }
  return { sql: `(${clauses.join(' AND ')})`, params };
}

/** The handling unit's kind, from the agencies table (loaded from the same reference data as shared/domain). */
export const AGENCY_KIND_SQL = "agency_id IN (SELECT id FROM agencies WHERE json_extract(doc, '$.kind') = ?)";

/** The backlog fields of ReportFilter, appended to the list query's clauses (matchesFilter's semantics). */
export function backlogFilterSql(f: ReportFilter, now: Date, clauses: string[], params: (string | number)[]): void {
  const add = (frag: SqlFragment) => {
    clauses.push(frag.sql);
    params.push(...frag.params);
  };
  if (f.bucket !== undefined && f.bucket !== 'received') add(bucketSql(f.bucket, now));
  if (f.ageing !== undefined) add(ageingSql(f.ageing, now));
  if (f.agencyKind !== undefined) add({ sql: AGENCY_KIND_SQL, params: [f.agencyKind] });
  if (f.agencyIds !== undefined) add({ sql: `agency_id IN (${f.agencyIds.map(() => '?').join(', ')})`, params: f.agencyIds });
  if (f.hasAgency !== undefined) add({ sql: f.hasAgency ? 'agency_id IS NOT NULL' : 'agency_id IS NULL', params: [] });
}

/**
 * Planner hint for counting a filter's reports: with a resolution or rating range, the covering (status,
 * resolved_at, …) / (rated_at, …) indexes hold the period's reports, while the unit/category/district indexes hold
 * their whole history (at a million reports, 150 ms against 20 ms to count one busy unit's "on time in 90 days").
 * A unary + keeps the value and meaning of the comparison and only stops SQLite from using those indexes. Only
 * for the count: the page itself is best read newest first along the unit's index, stopping after one page.
 */
export function countWhere(where: string, f: ReportFilter): string {
  if (f.resolvedFrom === undefined && f.resolvedTo === undefined && f.ratedFrom === undefined && f.ratedTo === undefined) return where;
  return where.replace(/(^| AND )(agency_id|category_id|district_code|ward_code) = \?/g, '$1+$2 = ?');
}
