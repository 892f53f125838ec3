import { parentPort, workerData } from 'node:worker_threads';
import { READ_NAMES, readApiOf, toWireError, type ReadReply, type ReadRequest } from './read-pool';
import { openSqliteStore } from './sqlite-store';

/** One read worker: a read-only connection to the store file and the reads of read-pool.ts. */
const port = parentPort;
if (!port) throw new Error('read-worker.ts runs in a worker thread');
const { file } = workerData as { file: string };
try {
  const store = openSqliteStore(file, { readOnly: true });
  const api = readApiOf(store) as unknown as Record<string, (...args: unknown[]) => unknown>;
  const allowed = new Set<string>(READ_NAMES);
  port.on('message', (m: ReadRequest) => {
    let reply: ReadReply;
    try {
      if (!allowed.has(m.name)) throw new Error(`unknown read ${String(m.name)}`);
      const fn = api[m.name] as (...args: unknown[]) => unknown;
      // one read transaction per call: every statement of it sees the same commit
      reply = { id: m.id, ok: true, result: store.snapshot(() => fn(...m.args)) };
    } catch (err) {
      reply = { id: m.id, ok: false, error: toWireError(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true });
} catch (err) {
  port.postMessage({ ready: false, error: err instanceof Error ? err.message : String(err) });
}
