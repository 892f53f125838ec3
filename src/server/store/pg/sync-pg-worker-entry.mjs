// The synchronous PostgreSQL bridge's worker entry (same trick as read-worker-entry.mjs): the server runs under
// tsx, whose loader does not reach worker threads, so the worker registers it itself before loading TypeScript.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// the caller sleeps in Atomics.wait until this thread answers: if it ends for any reason (a module that fails to
// load included), say so at once (2 = FLAG_EXITED in sync-pg-protocol.ts) instead of letting it wait out its deadline
const signal = new Int32Array(workerData.flag);
process.on('exit', () => {
  Atomics.store(signal, 0, 2);
  Atomics.notify(signal, 0);
});

register();
await import('./sync-pg-worker.ts');
