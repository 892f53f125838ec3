import { reportDetailResponse } from '../../../../shared/contract/api';
import type { ReportDetailResponse } from '../../../../shared/contract/api';
import { fetchJson } from '../../../lib/api/http';

/**
 * One report with its whole event log. The reporter's name and phone come only when this browser is signed in
 * as an operator (lib/session adds the token to every request); nobody else ever receives them.
 */
export function getReportDetail(id: number, signal?: AbortSignal): Promise<ReportDetailResponse> {
  return fetchJson(`/api/v1/reports/${id}`, reportDetailResponse, { signal });
}
