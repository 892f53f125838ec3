import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { IngestResult } from '../../shared/contract/event';
import { openSqliteStore } from './sqlite-store';
import { toWireIngestError, type FromWriter, type ToWriter, type WriteReply, type WriteRequest } from './write-protocol';

/**
 * The writer worker (decision 0014): a read-write connection to the store file that runs the ingest batches of
 * POST /api/v1/events off the request thread. Group commit: every request waiting when it starts a transaction
 * goes into that ONE IMMEDIATE transaction, each batch in its own savepoint (the store's ingest, nested), so a
 * refused batch rolls back alone and the others share one COMMIT — one WAL fsync. Replies leave only after the
 * COMMIT returned, so an acknowledged event is as durable as before (synchronous=FULL).
 */
const port = parentPort;
if (!port) throw new Error('write-worker.ts runs in a worker thread');
const { file } = workerData as { file: string };

const post = (m: FromWriter) => port.postMessage(m);

let store: ReturnType<typeof openSqliteStore>;
try {
  store = openSqliteStore(file);
} catch (err) {
  post({ kind: 'failed', error: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}

let closing = false;

function runGroup(requests: WriteRequest[]): void {
  const outcome = new Map<number, { ok: true; results: IngestResult[] } | { ok: false; error: unknown }>();
  try {
    store.writeGroup(() => {
      for (const r of requests) {
        try {
          // a savepoint: a refused batch leaves nothing, and the next one sees the earlier ones' rows (duplicates)
          outcome.set(r.id, { ok: true, results: store.ingest(r.inputs, new Date(r.now)) });
        } catch (err) {
          outcome.set(r.id, { ok: false, error: err });
        }
      }
    });
  } catch (err) {
    // BEGIN or COMMIT failed (busy beyond busy_timeout, disk full, I/O): nothing of the group is stored
    for (const r of requests) outcome.set(r.id, { ok: false, error: err });
  }
  const replies: WriteReply[] = requests.map((r) => {
    const o = outcome.get(r.id);
    if (o?.ok) return { id: r.id, ok: true, results: o.results };
    return { id: r.id, ok: false, error: toWireIngestError(o ? o.error : new Error('no outcome')) };
  });
  post({ kind: 'group', replies });
}

port.on('message', (first: ToWriter) => {
  // everything already queued joins this group: under load, the requests that arrived during the previous
  // transaction's fsync share the next one
  const requests: WriteRequest[] = [];
  const take = (m: ToWriter) => {
    if (m.kind === 'close') closing = true;
    else requests.push(...m.requests);
  };
  take(first);
  for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) take(next.message as ToWriter);
  if (requests.length > 0) runGroup(requests);
  if (closing) {
    store.close();
    port.close();
  }
});
post({ kind: 'ready' });
