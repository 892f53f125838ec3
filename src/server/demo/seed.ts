import type { EventInput } from '../../shared/contract/event';
import { createHistory } from '../../../mocks/scenario/history';
import type { Log } from '../http/error-handler';
import type { Store } from '../store/store';
import { ingestGenerated } from './generated-ingest';

export interface SeedResult {
  events: number;
  skipped: number;
  ms: number;
}

/**
 * Fills an empty store with `days` of the synthetic scenario, through the same ingest path as the API (so
 * the demo data passes the same validation), in batches of `batchSize`.
 */
export function seedHistory(store: Store, opts: { seed: number; now: Date; days?: number; batchSize?: number; log?: Log }): SeedResult {
  const { seed, now, days = 90, batchSize = 1000, log } = opts;
  const t0 = performance.now();
  let events = 0;
  let skipped = 0;
  let batch: EventInput[] = [];
  let lastLog = t0;
  const flush = () => {
    const r = ingestGenerated(store, batch, now, log);
    events += r.stored;
    skipped += r.skipped;
    batch = [];
    if (performance.now() - lastLog > 2000) {
      lastLog = performance.now();
      log?.info(`demo: seeding… ${events} events`);
    }
  };
  for (const input of createHistory({ seed, end: now, days }).events()) {
    batch.push(input);
    if (batch.length >= batchSize) flush();
  }
  if (batch.length > 0) flush();
  return { events, skipped, ms: performance.now() - t0 };
}
