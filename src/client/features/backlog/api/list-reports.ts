import { reportListResponse } from '../../../../shared/contract/api';
import type { ReportFilter, ReportListResponse } from '../../../../shared/contract/api';
import { filterToQuery } from '../../../../shared/domain/rollup-drill';
import { fetchJson } from '../../../lib/api/http';

export const DRILL_PAGE = 50;

/** One page of the reports behind a figure (server-paged with the list endpoint's cursors). */
export function listReports(filter: ReportFilter, cursor: string | null, signal?: AbortSignal): Promise<ReportListResponse> {
  return fetchJson('/api/v1/reports', reportListResponse, { query: { ...filterToQuery(filter), limit: DRILL_PAGE, cursor }, signal });
}
