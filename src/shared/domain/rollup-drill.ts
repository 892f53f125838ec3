import type { ReportFilter } from '../contract/api';
import type { AgeingBucket } from '../contract/backlog-filter';
import type { AgencyStatsQuery } from '../contract/backlog';

/** The figures of GET /api/v1/stats/agencies that have a list of reports behind them. */
export type DrillFigure =
  | 'received'
  | 'rejected'
  | 'open'
  /** open and not overdue (the on-track part of a backlog bar) */
  | 'openNotOverdue'
  | 'inProgress'
  | 'dueSoon'
  | 'overdue'
  | 'resolved'
  | 'onTime'
  | 'lateExtended'
  | 'late'
  | 'ratedSatisfied'
  | 'ratedAcceptable'
  | 'ratedUnsatisfied'
  | { ageing: AgeingBucket };

/** Which reports a figure is about: a unit's row (agencyId, null for the centre), several units, or the totals. */
export type DrillScope = { agencyId: string | null } | { agencyIds: string[] } | 'totals';

/**
 * The reportFilter whose list is exactly the reports behind a figure of GET /api/v1/stats/agencies (`query` is
 * the request, `period` the whole-day period the response says it used). Period figures put the period on the
 * instant they count (receipt, resolution, rating); current-state figures are "now" and carry no period.
 */
export function drillDownFilter(query: AgencyStatsQuery, period: { from: string; to: string }, scope: DrillScope, figure: DrillFigure): ReportFilter {
  const f: ReportFilter = {};
  if (query.categoryId !== undefined) f.categoryId = query.categoryId;
  if (query.districtCode !== undefined) f.districtCode = query.districtCode;
  if (scope === 'totals') {
    if (query.agencyId !== undefined) f.agencyId = query.agencyId;
    if (query.agencyIds !== undefined) f.agencyIds = query.agencyIds;
    if (query.agencyKind !== undefined) f.agencyKind = query.agencyKind;
  } else if ('agencyIds' in scope) {
    f.agencyIds = scope.agencyIds;
  } else if (scope.agencyId === null) {
    f.hasAgency = false;
  } else {
    f.agencyId = scope.agencyId;
  }
  if (typeof figure === 'object') return { ...f, ageing: figure.ageing };
  switch (figure) {
    case 'received':
      return { ...f, from: period.from, to: period.to };
    case 'rejected':
      return { ...f, bucket: 'rejected', from: period.from, to: period.to };
    case 'open':
    case 'overdue':
      return { ...f, bucket: figure };
    case 'openNotOverdue':
      return { ...f, bucket: 'open', overdue: false };
    case 'inProgress':
      return { ...f, bucket: 'in_progress' };
    case 'dueSoon':
      return { ...f, bucket: 'due_soon' };
    case 'resolved':
    case 'late':
      return { ...f, bucket: figure, resolvedFrom: period.from, resolvedTo: period.to };
    case 'onTime':
      return { ...f, bucket: 'on_time', resolvedFrom: period.from, resolvedTo: period.to };
    case 'lateExtended':
      return { ...f, bucket: 'late_extended', resolvedFrom: period.from, resolvedTo: period.to };
    case 'ratedSatisfied':
      return { ...f, rating: ['satisfied'], ratedFrom: period.from, ratedTo: period.to };
    case 'ratedAcceptable':
      return { ...f, rating: ['acceptable'], ratedFrom: period.from, ratedTo: period.to };
    case 'ratedUnsatisfied':
      return { ...f, rating: ['unsatisfied'], ratedFrom: period.from, ratedTo: period.to };
  }
}

/** A reportFilter as query-string values (csv for lists, 'true'/'false' for flags), for links and fetches. */
export function filterToQuery(f: ReportFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(',') : String(v);
  }
  return out;
}
