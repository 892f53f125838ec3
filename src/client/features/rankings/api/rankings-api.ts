import { quarterListResponse, rankingResponse } from '../../../../shared/contract/rankings';
import type { QuarterListResponse, RankingResponse } from '../../../../shared/contract/rankings';
import { apiUrl, fetchJson } from '../../../lib/api/http';

export function getQuarterList(signal?: AbortSignal): Promise<QuarterListResponse> {
  return fetchJson('/api/v1/rankings', quarterListResponse, { signal });
}

export function getRanking(quarter: string, signal?: AbortSignal): Promise<RankingResponse> {
  return fetchJson(`/api/v1/rankings/${encodeURIComponent(quarter)}`, rankingResponse, { signal });
}

/** Home Affairs freezes an ended quarter (until roles exist, with the centre's operator token). */
export function finaliseQuarter(quarter: string, by: string, token: string): Promise<RankingResponse> {
  return fetchJson(`/api/v1/rankings/${encodeURIComponent(quarter)}/finalise`, rankingResponse, {
    method: 'POST',
    body: { by },
    headers: { authorization: `Bearer ${token}` },
  });
}

/** A plain link the browser downloads (the server names the file). */
export const exportHref = (quarter: string, ext: 'csv' | 'xlsx') => apiUrl(`/api/v1/rankings/${encodeURIComponent(quarter)}/export.${ext}`);

/** Where a centre operator's token is kept on this device, shared with the report detail (until accounts exist). */
const OPERATOR_TOKEN_KEY = 'paht.operatorToken';

export function storedOperatorToken(): string | null {
  try {
    const t = sessionStorage.getItem(OPERATOR_TOKEN_KEY) ?? localStorage.getItem(OPERATOR_TOKEN_KEY);
    return t && t.trim() !== '' ? t.trim() : null;
  } catch {
    return null;
  }
}

export function rememberOperatorToken(token: string): void {
  try {
    sessionStorage.setItem(OPERATOR_TOKEN_KEY, token);
  } catch {
    // storage disabled: the token is simply asked for again next time
  }
}
