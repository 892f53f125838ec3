import { agencyStatsResponse } from '../../../../shared/contract/backlog';
import type { AgencyStatsQuery, AgencyStatsResponse } from '../../../../shared/contract/backlog';
import { fetchJson } from '../../../lib/api/http';
import { useLiveResource } from '../../../lib/live/use-live-resource';

/** "Overdue now" and "due soon" change with time alone: refetch on a timer as well as on events. */
export const STATS_POLL_MS = 30_000;
/** Charts and tables move at most once a second however many events arrive. */
export const STATS_THROTTLE_MS = 1_000;

export function getAgencyStats(query: AgencyStatsQuery, signal?: AbortSignal): Promise<AgencyStatsResponse> {
  return fetchJson('/api/v1/stats/agencies', agencyStatsResponse, { query: { ...query }, signal });
}

/** Per-unit backlog for the query, kept current by the live stream (the server owns the aggregates). */
export function useAgencyStats(query: AgencyStatsQuery) {
  return useLiveResource<AgencyStatsResponse>(`agency-stats:${JSON.stringify(query)}`, {
    load: (signal) => getAgencyStats(query, signal),
    refetchThrottleMs: STATS_THROTTLE_MS,
    pollMs: STATS_POLL_MS,
  });
}
