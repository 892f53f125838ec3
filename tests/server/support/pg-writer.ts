/**
 * A writer node for the concurrency test (tests/server/store-pg.test.ts): opens its own PostgreSQL store and
 * ingests `batches` batches of `size` events (one created + four follow-ups per report) as fast as it can.
 * Usage: pg-writer.ts <database url> <read model file> <name> <batches> <size>
 */
import { eventInput, type EventInput } from '../../../src/shared/contract/event';
import { openPgStore } from '../../../src/server/store/pg-store';
import { created, later } from '../fixtures';
import { NOW } from '../harness';

const [url, file, name, batchesArg, sizeArg] = process.argv.slice(2);
if (!url || !file || !name) throw new Error('usage: pg-writer.ts <url> <file> <name> <batches> <size>');
const batches = Number(batchesArg ?? 10);
const size = Number(sizeArg ?? 25);
const store = openPgStore({ url, replicaFile: file });
let k = 0;
for (let b = 0; b < batches; b++) {
  const batch: EventInput[] = [];
  while (batch.length < size) {
    const c = created({ sourceEventId: `w-${name}-${k++}` });
    batch.push(eventInput.parse(c));
    for (const type of ['verified', 'commented', 'commented', 'commented'] as const) {
      const fields = type === 'commented' ? { author: 'centre', text: 'Đang kiểm tra' } : {};
      batch.push(eventInput.parse({ ...later(c.externalId, type, fields), sourceEventId: `w-${name}-${k++}` }));
    }
  }
  store.ingest(batch.slice(0, size), NOW);
}
store.close();
