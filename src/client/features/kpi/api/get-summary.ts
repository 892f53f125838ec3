import { summaryResponse } from '../../../../shared/contract/api';
import type { SummaryResponse } from '../../../../shared/contract/api';
import { fetchJson } from '../../../lib/api/http';
import { useLiveResource } from '../../../lib/live/use-live-resource';

/** "Overdue now" changes with time alone, without any event: refetch on a timer as well. */
export const SUMMARY_POLL_MS = 30_000;
/** Under a burst of events, at most one summary request per second. */
export const SUMMARY_THROTTLE_MS = 1_000;

export function getSummary(signal?: AbortSignal, period: { from?: string; to?: string } = {}): Promise<SummaryResponse> {
  return fetchJson('/api/v1/stats/summary', summaryResponse, { query: period, signal });
}

/** The KPI figures of the current day/month, refetched when events arrive (the server owns the aggregates). */
export function useSummary() {
  return useLiveResource<SummaryResponse>('summary', {
    load: (signal) => getSummary(signal),
    refetchThrottleMs: SUMMARY_THROTTLE_MS,
    pollMs: SUMMARY_POLL_MS,
  });
}
