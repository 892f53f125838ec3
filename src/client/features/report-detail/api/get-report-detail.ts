import { reportDetailResponse } from '../../../../shared/contract/api';
import type { ReportDetailResponse } from '../../../../shared/contract/api';
import { fetchJson } from '../../../lib/api/http';
import { operatorToken } from './operator-token';

/** One report with its whole event log; the reporter's identity only when this viewer is an operator. */
export function getReportDetail(id: number, signal?: AbortSignal): Promise<ReportDetailResponse> {
  const token = operatorToken();
  return fetchJson(`/api/v1/reports/${id}`, reportDetailResponse, {
    signal,
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  });
}
