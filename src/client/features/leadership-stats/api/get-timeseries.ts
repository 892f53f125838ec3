import { timeseriesResponse, type Interval, type TimeseriesResponse } from '../../../../shared/contract/stats';
import { fetchJson } from '../../../lib/api/http';
import { useLiveResource } from '../../../lib/live/use-live-resource';
import { STATS_POLL_MS, STATS_THROTTLE_MS, toQuery, type StatsPeriodQuery } from './stats-query';

export type TimeseriesQueryParams = StatsPeriodQuery & { interval?: Interval };

export function getTimeseries(query: TimeseriesQueryParams, signal?: AbortSignal): Promise<TimeseriesResponse> {
  return fetchJson('/api/v1/stats/timeseries', timeseriesResponse, { query: toQuery(query), signal });
}

export function useTimeseries(query: TimeseriesQueryParams) {
  return useLiveResource<TimeseriesResponse>(`stats-series:${JSON.stringify(query)}`, {
    load: (signal) => getTimeseries(query, signal),
    refetchThrottleMs: STATS_THROTTLE_MS,
    pollMs: STATS_POLL_MS,
  });
}
