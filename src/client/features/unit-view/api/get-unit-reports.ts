import { reportDetailResponse, reportListResponse, type ReportDetailResponse, type ReportListResponse } from '../../../../shared/contract/api';
import { fetchJson, type QueryValue } from '../../../lib/api/http';
import { useLiveResource } from '../../../lib/live/use-live-resource';

export function listUnitReports(filter: Record<string, QueryValue>, signal?: AbortSignal): Promise<ReportListResponse> {
  return fetchJson('/api/v1/reports', reportListResponse, { query: { limit: 500, ...filter }, signal });
}

/** A unit's reports for a filter, kept current by the live stream (at most one refetch per 3 s). */
export function useUnitReports(key: string, filter: Record<string, QueryValue>) {
  return useLiveResource<ReportListResponse>(`unit-reports:${key}:${JSON.stringify(filter)}`, {
    load: (signal) => listUnitReports(filter, signal),
    refetchThrottleMs: 3_000,
    // overdue changes with the clock alone
    pollMs: 60_000,
  });
}

/** One report with its timeline (the reminder history is its `reminded` events); never the reporter. */
export function getReportDetail(id: number, signal?: AbortSignal): Promise<ReportDetailResponse> {
  return fetchJson(`/api/v1/reports/${id}`, reportDetailResponse, { signal });
}
