import { kpisResponse, type KpisResponse } from '../../../../shared/contract/stats';
import { fetchJson } from '../../../lib/api/http';
import { useLiveResource } from '../../../lib/live/use-live-resource';
import { STATS_POLL_MS, STATS_THROTTLE_MS, toQuery, type StatsPeriodQuery } from './stats-query';

export function getKpis(query: StatsPeriodQuery, signal?: AbortSignal): Promise<KpisResponse> {
  return fetchJson('/api/v1/stats/kpis', kpisResponse, { query: toQuery(query), signal });
}

export function useKpis(query: StatsPeriodQuery) {
  return useLiveResource<KpisResponse>(`stats-kpis:${JSON.stringify(query)}`, {
    load: (signal) => getKpis(query, signal),
    refetchThrottleMs: STATS_THROTTLE_MS,
    pollMs: STATS_POLL_MS,
  });
}
