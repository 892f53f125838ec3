import { quarterListResponse, rankingResponse, type QuarterListResponse, type RankingResponse } from '../../../../shared/contract/rankings';
import { fetchJson } from '../../../lib/api/http';
import { useQuery } from '../hooks/use-query';

export function getQuarterList(signal?: AbortSignal): Promise<QuarterListResponse> {
  return fetchJson('/api/v1/rankings', quarterListResponse, { signal });
}

export function getRanking(quarter: string, signal?: AbortSignal): Promise<RankingResponse> {
  return fetchJson(`/api/v1/rankings/${encodeURIComponent(quarter)}`, rankingResponse, { signal });
}

export const useQuarterList = () => useQuery('rankings:list', (signal) => getQuarterList(signal));

/** The running quarter is provisional: fetched again every minute. An ended quarter is fetched once. */
export const RUNNING_QUARTER_POLL_MS = 60_000;

export function useRanking(quarter: string | null, running: boolean) {
  return useQuery(quarter ? `ranking:${quarter}` : null, (signal) => getRanking(quarter as string, signal), running ? RUNNING_QUARTER_POLL_MS : undefined);
}
