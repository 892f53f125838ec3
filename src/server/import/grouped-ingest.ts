import type { EventInput, IngestResult } from '../../shared/contract/event';
import { BatchRefused, type ImportSink } from './sink';

/** The events of one source record (an Open311 request, a spreadsheet row): stored together or not at all. */
export interface EventGroup<K> {
  key: K;
  events: EventInput[];
}

export type GroupOutcome<K> = { key: K; ok: true; results: IngestResult[] } | { key: K; ok: false; reason: string };

/**
 * Ingests groups packed into as few batches as the sink allows, each group whole inside one batch. A batch
 * is all-or-nothing, so when the sink refuses an event the batch stored nothing: the group that event belongs
 * to is reported with the reason and the batch is sent again without it. Other errors (SinkError) propagate.
 */
export async function ingestGroups<K>(sink: ImportSink, groups: readonly EventGroup<K>[]): Promise<GroupOutcome<K>[]> {
  const out: GroupOutcome<K>[] = [];
  let pending: EventGroup<K>[] = [];
  let size = 0;
  let bytes = 0;
  const flush = async () => {
    let batch = pending;
    pending = [];
    size = 0;
    bytes = 0;
    while (batch.length > 0) {
      const events = batch.flatMap((g) => g.events);
      try {
        const results = await sink.ingest(events);
        let i = 0;
        for (const g of batch) {
          out.push({ key: g.key, ok: true, results: results.slice(i, i + g.events.length) });
          i += g.events.length;
        }
        return;
      } catch (err) {
        if (!(err instanceof BatchRefused)) throw err;
        const at = ownerOf(batch, err.index);
        if (at === null) throw err;
        const bad = batch[at.group] as EventGroup<K>;
        const ev = bad.events[at.offset];
        out.push({ key: bad.key, ok: false, reason: `${ev ? `${ev.type} event refused: ` : ''}${err.message}` });
        batch = batch.filter((_, i) => i !== at.group);
      }
    }
  };
  for (const g of groups) {
    if (g.events.length === 0) {
      out.push({ key: g.key, ok: true, results: [] });
      continue;
    }
    const b = sink.maxBatchBytes === Number.MAX_SAFE_INTEGER ? 0 : JSON.stringify(g.events).length;
    if (g.events.length > sink.maxBatch || b > sink.maxBatchBytes) {
      out.push({ key: g.key, ok: false, reason: `too large for one batch (${g.events.length} events, ${b} bytes)` });
      continue;
    }
    if (size + g.events.length > sink.maxBatch || bytes + b > sink.maxBatchBytes) await flush();
    pending.push(g);
    size += g.events.length;
    bytes += b;
  }
  await flush();
  return out;
}

function ownerOf<K>(batch: readonly EventGroup<K>[], index: number): { group: number; offset: number } | null {
  let start = 0;
  for (let g = 0; g < batch.length; g++) {
    const n = (batch[g] as EventGroup<K>).events.length;
    if (index < start + n) return { group: g, offset: index - start };
    start += n;
  }
  return null;
}
