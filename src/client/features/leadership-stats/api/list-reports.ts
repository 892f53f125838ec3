import { reportListResponse, type ReportListResponse } from '../../../../shared/contract/api';
import { fetchJson, type QueryValue } from '../../../lib/api/http';

/** One page of the reports behind a figure: the list endpoint with the figure's filter (drill-down). */
export function listReports(filter: Record<string, QueryValue>, cursor: string | null, signal?: AbortSignal): Promise<ReportListResponse> {
  return fetchJson('/api/v1/reports', reportListResponse, { query: { ...filter, limit: 50, cursor }, signal });
}
