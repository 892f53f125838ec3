import { feedResponse } from '../../../../shared/contract/feed';
import type { FeedResponse } from '../../../../shared/contract/feed';
import { fetchJson } from '../../../lib/api/http';

/** The newest events (backfill of the feed), newest first, stamped with the log head. */
export function getRecentEvents(limit: number, signal?: AbortSignal): Promise<FeedResponse> {
  return fetchJson('/api/v1/events', feedResponse, { query: { limit }, signal });
}
