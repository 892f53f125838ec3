import { breakdownResponse, type BreakdownBy, type BreakdownResponse } from '../../../../shared/contract/stats';
import { fetchJson } from '../../../lib/api/http';
import { useLiveResource } from '../../../lib/live/use-live-resource';
import { STATS_POLL_MS, STATS_THROTTLE_MS, toQuery, type StatsPeriodQuery } from './stats-query';

export function getBreakdown(query: StatsPeriodQuery & { by: BreakdownBy }, signal?: AbortSignal): Promise<BreakdownResponse> {
  return fetchJson('/api/v1/stats/breakdown', breakdownResponse, { query: toQuery(query), signal });
}

export function useBreakdown(query: StatsPeriodQuery & { by: BreakdownBy }) {
  return useLiveResource<BreakdownResponse>(`stats-breakdown:${JSON.stringify(query)}`, {
    load: (signal) => getBreakdown(query, signal),
    refetchThrottleMs: STATS_THROTTLE_MS,
    pollMs: STATS_POLL_MS,
  });
}
