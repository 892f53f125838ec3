import { eventInput, type EventInput } from '../../shared/contract/event';
import { DomainError } from '../../shared/domain/errors';
import type { Log } from '../http/error-handler';
import { IngestItemError, type Store } from '../store/store';

const describe = (e: EventInput | undefined) => `${e?.type ?? '?'} ${e?.sourceEventId ?? '?'} (report ${e?.externalId ?? '?'})`;

/**
 * Ingests generated events the way the API would (contract schema, then the store's domain checks), but
 * drops what is refused instead of losing the whole batch: the scenario is data like any other source. Each
 * retry is again all-or-nothing, so nothing is stored half-way. Other failures (I/O) are rethrown.
 */
export function ingestGenerated(store: Store, inputs: readonly EventInput[], now: Date, log?: Log): { stored: number; skipped: number } {
  let skipped = 0;
  let pending: EventInput[] = [];
  for (const input of inputs) {
    const parsed = eventInput.safeParse(input);
    if (parsed.success) {
      pending.push(parsed.data);
    } else {
      skipped += 1;
      log?.warn(`demo: skipped ${describe(input)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
  }
  while (pending.length > 0) {
    try {
      const results = store.ingest(pending, now);
      return { stored: results.filter((r) => !r.duplicate).length, skipped };
    } catch (err) {
      if (!(err instanceof IngestItemError) || !(err.cause instanceof DomainError)) throw err;
      log?.warn(`demo: skipped ${describe(pending[err.index])}: ${err.cause.path ?? ''} ${err.message}`);
      pending = pending.filter((_, i) => i !== err.index);
      skipped += 1;
    }
  }
  return { stored: 0, skipped };
}
