import { reportListResponse } from '../../../../shared/contract/api';
import type { ReportListQuery, ReportListResponse } from '../../../../shared/contract/api';
import type { LiveEvent } from '../../../../shared/contract/event';
import { compareForList } from '../../../../shared/domain/filter';
import { fetchJson } from '../../../lib/api/http';
import type { QueryValue } from '../../../lib/api/http';
import { useLiveResource } from '../../../lib/live/use-live-resource';

type ListParams = Partial<Omit<ReportListQuery, 'overdue'>> & { overdue?: boolean };

export function getReports(params: ListParams, signal?: AbortSignal): Promise<ReportListResponse> {
  const query: Record<string, QueryValue> = {};
  for (const [k, v] of Object.entries(params)) query[k] = v as QueryValue;
  return fetchJson('/api/v1/reports', reportListResponse, { query, signal });
}

/**
 * Folds live events into the newest-first list: a report already shown is replaced by its newer state, a new
 * report goes on top, and the list keeps its length.
 */
export function applyToLatest(list: ReportListResponse, events: readonly LiveEvent[], limit: number): ReportListResponse {
  const byId = new Map(list.items.map((r) => [r.id, r]));
  let total = list.total;
  for (const ev of events) {
    const known = byId.get(ev.reportId);
    if (known) {
      if (ev.report.lastSeq >= known.lastSeq) byId.set(ev.reportId, ev.report);
    } else if (ev.type === 'created') {
      byId.set(ev.reportId, ev.report);
      total += 1;
    }
  }
  const items = [...byId.values()].sort(compareForList).slice(0, limit);
  return { ...list, items, total };
}

/** The newest reports, unfiltered, kept current by the stream. */
export function useLatestReports(limit: number) {
  return useLiveResource<ReportListResponse>(`latest:${limit}`, {
    load: (signal) => getReports({ limit }, signal),
    apply: (data, events) => applyToLatest(data, events, limit),
  });
}
