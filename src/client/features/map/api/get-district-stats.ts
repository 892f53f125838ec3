import { districtStatsResponse } from '../../../../shared/contract/map';
import type { DistrictStatsResponse } from '../../../../shared/contract/map';
import { fetchJson } from '../../../lib/api/http';
import { useLiveResource } from '../../../lib/live/use-live-resource';

export function getDistrictStats(query: Record<string, string>, signal?: AbortSignal): Promise<DistrictStatsResponse> {
  return fetchJson('/api/v1/stats/districts', districtStatsResponse, { query, signal });
}

/**
 * The choropleth's per-district counts: a server aggregate, refetched (throttled) as events arrive and once a
 * minute, since reports turn overdue with no event. Mount it only while the choropleth is on.
 */
export function useDistrictStats(query: Record<string, string>) {
  return useLiveResource<DistrictStatsResponse>(`districts:${new URLSearchParams(query).toString()}`, {
    load: (signal) => getDistrictStats(query, signal),
    refetchThrottleMs: 5000,
    pollMs: 60_000,
  });
}
