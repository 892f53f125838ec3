import { reportListResponse } from '../../../../shared/contract/api';
import type { ReportListResponse } from '../../../../shared/contract/api';
import { disputeListResponse, satisfactionResponse } from '../../../../shared/contract/satisfaction';
import type { DisputeListResponse, SatisfactionResponse } from '../../../../shared/contract/satisfaction';
import { fetchJson } from '../../../lib/api/http';
import { useLiveResource } from '../../../lib/live/use-live-resource';

export interface SatisfactionParams {
  from: string;
  to: string;
  agencyId?: string;
}

export function getSatisfaction(p: SatisfactionParams, signal?: AbortSignal): Promise<SatisfactionResponse> {
  return fetchJson('/api/v1/stats/satisfaction', satisfactionResponse, { query: { ...p }, signal });
}

export function getDisputes(p: SatisfactionParams & { cursor?: string }, signal?: AbortSignal): Promise<DisputeListResponse> {
  return fetchJson('/api/v1/stats/satisfaction/disputes', disputeListResponse, { query: { ...p, limit: 25 }, signal });
}

/** The unsatisfied results of the period: the reports list filtered by the rating standing and when it was given. */
export function getUnsatisfied(p: SatisfactionParams & { cursor?: string }, signal?: AbortSignal): Promise<ReportListResponse> {
  return fetchJson('/api/v1/reports', reportListResponse, {
    query: { rating: 'unsatisfied', ratedFrom: p.from, ratedTo: p.to, agencyId: p.agencyId, cursor: p.cursor, limit: 25 },
    signal,
  });
}

/** Ratings arrive with the live stream: refetch at most every 10 s, so the page stays current without churning. */
export const SATISFACTION_THROTTLE_MS = 10_000;

export function useSatisfaction(p: SatisfactionParams) {
  return useLiveResource<SatisfactionResponse>(`satisfaction:${p.from}:${p.to}:${p.agencyId ?? ''}`, {
    load: (signal) => getSatisfaction(p, signal),
    refetchThrottleMs: SATISFACTION_THROTTLE_MS,
  });
}
