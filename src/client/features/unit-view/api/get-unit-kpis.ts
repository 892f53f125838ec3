import { kpisResponse, type KpisResponse } from '../../../../shared/contract/stats';
import { fetchJson } from '../../../lib/api/http';
import { useLiveResource } from '../../../lib/live/use-live-resource';

/** The unit's period figures (ratings, resolutions) from the statistics endpoint. */
export function useUnitKpis(agencyId: string, from: string, to: string) {
  return useLiveResource<KpisResponse>(`unit-kpis:${agencyId}:${from}:${to}`, {
    load: (signal) => fetchJson('/api/v1/stats/kpis', kpisResponse, { query: { agencyId, from, to }, signal }),
    refetchThrottleMs: 5_000,
  });
}
