import { quarterListResponse, rankingResponse } from '../../../../shared/contract/rankings';
import type { QuarterListResponse, RankingResponse } from '../../../../shared/contract/rankings';
import { apiUrl, fetchJson } from '../../../lib/api/http';

export function getQuarterList(signal?: AbortSignal): Promise<QuarterListResponse> {
  return fetchJson('/api/v1/rankings', quarterListResponse, { signal });
}

export function getRanking(quarter: string, signal?: AbortSignal): Promise<RankingResponse> {
  return fetchJson(`/api/v1/rankings/${encodeURIComponent(quarter)}`, rankingResponse, { signal });
}

/** Home Affairs (or the centre) freezes an ended quarter; the session cookie says who may (`rankings.finalise`). */
export function finaliseQuarter(quarter: string, by: string): Promise<RankingResponse> {
  return fetchJson(`/api/v1/rankings/${encodeURIComponent(quarter)}/finalise`, rankingResponse, { method: 'POST', body: { by } });
}

/** A plain link the browser downloads (the server names the file). */
export const exportHref = (quarter: string, ext: 'csv' | 'xlsx') => apiUrl(`/api/v1/rankings/${encodeURIComponent(quarter)}/export.${ext}`);
