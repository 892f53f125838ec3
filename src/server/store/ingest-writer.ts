import { Worker } from 'node:worker_threads';
import type { EventInput, IngestResult } from '../../shared/contract/event';
import { HttpError } from '../http/http-error';
import { fromWireIngestError, type FromWriter, type ToWriter, type WriteRequest } from './write-protocol';

/** The ingest of POST /api/v1/events, answered by the writer worker (decision 0014). */
export interface IngestWriter {
  /** resolves after the transaction holding this batch has committed; rejects with the store's own errors */
  ingest(inputs: readonly EventInput[], now: Date): Promise<IngestResult[]>;
  /** requests and committed groups so far: groups < requests means batches shared a COMMIT (one fsync) */
  stats(): { requests: number; groups: number; workers: number };
  /** tests: kills the current worker as a crash would */
  crashForTest(): Promise<void>;
  close(): Promise<void>;
}

interface Pending {
  resolve: (r: IngestResult[]) => void;
  reject: (e: Error) => void;
}
interface Running {
  worker: Worker;
  pending: Map<number, Pending>;
  ready: Promise<void>;
}

const ENTRY = new URL('./write-worker-entry.mjs', import.meta.url);

const unavailable = (why: string) => new HttpError(503, 'store_unavailable', `the store's writer stopped (${why}); nothing of this batch was acknowledged — send it again`);

/**
 * One writer worker with a read-write connection to `file`. Batches asked for in the same tick travel in one
 * message; the worker adds whatever else is waiting and commits them together. A worker that dies fails its
 * pending batches with a 503 (the source resends; stored events answer `duplicate`) and the next batch starts a
 * new one.
 */
export async function createIngestWriter(opts: { file: string }): Promise<IngestWriter> {
  let nextId = 1;
  let closing = false;
  let current: Running | null = null;
  let workers = 0;
  let queued: { request: WriteRequest; pending: Pending }[] = [];
  let requests = 0;
  let groups = 0;

  const spawn = (): Running => {
    const worker = new Worker(ENTRY, { workerData: { file: opts.file } });
    workers += 1;
    const pending = new Map<number, Pending>();
    let started = false;
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: FromWriter) => {
        if (m.kind === 'ready') {
          started = true;
          resolve();
        } else if (m.kind === 'failed') {
          reject(new Error(`writer worker failed to start: ${m.error}`));
        } else {
          groups += 1;
          for (const r of m.replies) {
            const p = pending.get(r.id);
            if (!p) continue;
            pending.delete(r.id);
            if (r.ok) p.resolve(r.results);
            else p.reject(fromWireIngestError(r.error));
          }
        }
      });
      worker.once('error', (err) => {
        if (!started) reject(err);
      });
    });
    void ready.catch(() => undefined);
    const running: Running = { worker, pending, ready };
    worker.on('error', () => undefined);
    worker.on('exit', (code) => {
      // the transaction of a dead worker never committed unless its replies were sent; a batch that did commit
      // and is resent answers duplicate:true with its seq
      const err = unavailable(started ? `exited with code ${code}` : 'could not start');
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      if (current === running) current = null;
    });
    return running;
  };

  // batches asked for in the same tick go to the worker in one message, hence into one group
  const send = () => {
    const batch = queued;
    queued = [];
    if (batch.length === 0) return;
    current ??= spawn();
    for (const q of batch) current.pending.set(q.request.id, q.pending);
    current.worker.postMessage({ kind: 'ingest', requests: batch.map((q) => q.request) } satisfies ToWriter);
  };

  current = spawn();
  await current.ready;

  return {
    ingest(inputs, now) {
      if (closing) return Promise.reject(unavailable('shutting down'));
      const id = nextId++;
      requests += 1;
      return new Promise<IngestResult[]>((resolve, reject) => {
        if (queued.length === 0) queueMicrotask(send);
        queued.push({ request: { id, inputs: [...inputs], now: now.getTime() }, pending: { resolve, reject } });
      });
    },
    stats: () => ({ requests, groups, workers }),
    async crashForTest() {
      await current?.worker.terminate();
    },
    async close() {
      closing = true;
      const running = current;
      if (!running) return;
      const exited = new Promise<void>((resolve) => running.worker.once('exit', () => resolve()));
      running.worker.postMessage({ kind: 'close' } satisfies ToWriter);
      const timer = setTimeout(() => void running.worker.terminate(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
