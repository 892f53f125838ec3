import { openStatuses } from '../../src/shared/contract/common';
import type { LiveEvent, StoredEvent } from '../../src/shared/contract/event';
import type { DueSoonQuery, DueSoonResponse, FeedQuery, FeedResponse } from '../../src/shared/contract/feed';
import type { Report } from '../../src/shared/contract/report';

/** The live feed's reads over the memory store's log and projections, with the server's semantics. */
export function recentEvents(log: readonly StoredEvent[], liveOf: (e: StoredEvent) => LiveEvent, query: FeedQuery): FeedResponse {
  // seq is gap-free from 1, so the log index is seq - 1
  const end = Math.min(log.length, (query.before ?? Number.MAX_SAFE_INTEGER) - 1);
  const items: LiveEvent[] = [];
  for (let i = end - 1; i >= 0 && items.length < query.limit; i--) {
    const ev = log[i];
    if (ev) items.push(liveOf(ev));
  }
  return { items, seq: log.length };
}

/** Open reports due in (now, now + within], soonest first; see the contract for `until` and `truncated`. */
export function dueSoon(reports: Iterable<Report>, seq: number, now: Date, query: DueSoonQuery): DueSoonResponse {
  const asOf = now.getTime();
  const end = asOf + query.within;
  const due = (r: Report) => (r.dueAt === null ? NaN : Date.parse(r.dueAt));
  const matching = [...reports]
    .filter((r) => openStatuses.includes(r.status) && due(r) > asOf && due(r) <= end)
    .sort((a, b) => due(a) - due(b) || a.id - b.id);
  let items = matching.slice(0, query.limit);
  let until = end;
  const truncated = matching.length > query.limit;
  const cutReport = matching[query.limit];
  const firstReport = matching[0];
  if (truncated && cutReport && firstReport) {
    const cut = due(cutReport);
    const first = due(firstReport);
    if (cut > first) {
      until = cut - 1;
      items = items.filter((r) => due(r) < cut);
    } else {
      until = first;
      items = matching.filter((r) => due(r) === first);
    }
  }
  return { items, seq, asOf: now.toISOString(), until: new Date(until).toISOString(), truncated };
}
