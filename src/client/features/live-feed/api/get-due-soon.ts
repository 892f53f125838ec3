import { dueSoonResponse } from '../../../../shared/contract/feed';
import type { DueSoonResponse } from '../../../../shared/contract/feed';
import { fetchJson } from '../../../lib/api/http';

/** Open reports whose due date falls within `within` (e.g. "24h") from the server's now, soonest first. */
export function getDueSoon(within: string, limit: number, signal?: AbortSignal): Promise<DueSoonResponse> {
  return fetchJson('/api/v1/reports/due-soon', dueSoonResponse, { query: { within, limit }, signal });
}
