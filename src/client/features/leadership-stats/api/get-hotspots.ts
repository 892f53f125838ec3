import { hotspotsResponse, type HotspotsResponse } from '../../../../shared/contract/hotspots';
import { fetchJson } from '../../../lib/api/http';
import { useLiveResource } from '../../../lib/live/use-live-resource';
import { toQuery, type StatsPeriodQuery } from './stats-query';

export type HotspotsQueryParams = StatsPeriodQuery & { radius: number; minCount: number; windowDays: number; limit?: number };

/** Clustering reads the whole period: refetched at most every 30 s while events arrive. */
const HOTSPOTS_THROTTLE_MS = 30_000;

export function getHotspots(query: HotspotsQueryParams, signal?: AbortSignal): Promise<HotspotsResponse> {
  return fetchJson('/api/v1/stats/hotspots', hotspotsResponse, { query: toQuery(query), signal });
}

export function useHotspots(query: HotspotsQueryParams) {
  return useLiveResource<HotspotsResponse>(`stats-hotspots:${JSON.stringify(query)}`, {
    load: (signal) => getHotspots(query, signal),
    refetchThrottleMs: HOTSPOTS_THROTTLE_MS,
  });
}
