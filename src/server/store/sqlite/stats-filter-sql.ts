import type { ReportFilter } from '../../../shared/contract/api';

/**
 * SQL for the derived timeliness of a report (shared/domain/timeliness timelinessOf), as a CASE expression
 * over the projection's epoch-millisecond columns. `now` appears three times: pass `timelinessParams(now)`.
 */
export const TIMELINESS_SQL = `(CASE
  WHEN status = 'rejected' THEN 'not_applicable'
  WHEN status = 'resolved' THEN CASE
    WHEN due_at IS NULL AND original_due_at IS NULL THEN 'on_time'
    WHEN COALESCE(resolved_at, ?) <= COALESCE(original_due_at, due_at) THEN 'on_time'
    WHEN COALESCE(resolved_at, ?) <= COALESCE(due_at, original_due_at) THEN 'late_extended'
    ELSE 'late' END
  WHEN due_at IS NOT NULL AND due_at < ? THEN 'overdue'
  ELSE 'pending' END)`;

export const timelinessParams = (now: Date): number[] => [now.getTime(), now.getTime(), now.getTime()];

/**
 * The drill-down fields of ReportFilter (ids, resolved/due/rated ranges, timeliness, rating), appended to the
 * list query's clauses with the semantics of shared/domain/filter matchesFilter.
 */
export function drillDownSql(f: ReportFilter, now: Date, clauses: string[], params: (string | number)[]): void {
  if (f.ids !== undefined) {
    clauses.push(`id IN (${f.ids.map(() => '?').join(', ')})`);
    params.push(...f.ids);
  }
  const range = (column: string, from: string | undefined, to: string | undefined) => {
    // a NULL column fails both comparisons, as a missing instant fails the reference's range test
    if (from !== undefined) {
      clauses.push(`${column} >= ?`);
      params.push(Date.parse(from));
    }
    if (to !== undefined) {
      clauses.push(`${column} < ?`);
      params.push(Date.parse(to));
    }
  };
  range('resolved_at', f.resolvedFrom, f.resolvedTo);
  range('due_at', f.dueFrom, f.dueTo);
  range('rated_at', f.ratedFrom, f.ratedTo);
  if (f.timeliness !== undefined) {
    clauses.push(`${TIMELINESS_SQL} IN (${f.timeliness.map(() => '?').join(', ')})`);
    params.push(...timelinessParams(now), ...f.timeliness);
  }
  if (f.rating !== undefined) {
    clauses.push(`rating IN (${f.rating.map(() => '?').join(', ')})`);
    params.push(...f.rating);
  }
}
