import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { FLAG_EXITED, FLAG_IDLE, FLAG_REPLIED, type SyncPgCall, type SyncPgInit, type SyncPgReply, type SyncPgRequest, type WirePgError } from './sync-pg-protocol';

/**
 * A synchronous PostgreSQL connection (decision 0013): `Store.ingest` is synchronous, so the PostgreSQL store
 * needs a connection it can use without awaiting. One pg.Client lives in a worker thread; `query` posts the
 * statement and sleeps in Atomics.wait until the worker has answered (the synckit pattern), then reads the answer
 * with receiveMessageOnPort. One connection, one statement at a time: transactions are plain BEGIN / COMMIT /
 * ROLLBACK through `query`.
 */
export interface SyncPg {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): { rows: R[]; rowCount: number };
  close(): void;
}

/** A PostgreSQL error re-thrown in the caller: `code` is the SQLSTATE (e.g. '23505' unique violation). */
export class SyncPgError extends Error {
  readonly code: string | undefined;
  readonly detail: string | undefined;
  readonly constraint: string | undefined;
  constructor(e: WirePgError) {
    super(e.message);
    this.name = 'SyncPgError';
    this.code = e.code;
    this.detail = e.detail;
    this.constraint = e.constraint;
  }
}

const ENTRY = new URL('./sync-pg-worker-entry.mjs', import.meta.url);
/** a worker that loads tsx and pg needs a moment, more so on a busy machine */
const START_MS = 30_000;
/** past the server-side statement_timeout: only a server that stopped answering gets this far */
const BACKSTOP_MS = 2_000;

export function openSyncPg(url: string, opts: { timeoutMs?: number } = {}): SyncPg {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const flagBuffer = new SharedArrayBuffer(4);
  const flag = new Int32Array(flagBuffer);
  const { port1, port2 } = new MessageChannel();
  const init: SyncPgInit = { url, timeoutMs, flag: flagBuffer, port: port2 };
  const worker = new Worker(ENTRY, { workerData: init, transferList: [port2] });
  // the bridge never needs the event loop: a forgotten one must not keep the process alive
  worker.unref();
  port1.unref();

  let nextId = 1;
  let broken: Error | null = null;
  let closed = false;

  const stop = (): void => {
    closed = true;
    port1.close();
    void worker.terminate();
  };

  const call = (req: SyncPgCall, waitMs: number): SyncPgReply => {
    // a broken bridge keeps saying why it broke; one closed by its owner says so
    if (broken) throw broken;
    if (closed) throw new Error('PostgreSQL bridge is closed');
    const id = nextId++;
    Atomics.store(flag, 0, FLAG_IDLE);
    const msg: SyncPgRequest = { ...req, id };
    port1.postMessage(msg);
    const deadline = Date.now() + waitMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) {
        // the statement may still be running: nothing said on this connection can be trusted any more
        broken = new Error(`PostgreSQL did not answer within ${waitMs} ms; the connection is closed`);
        stop();
        throw broken;
      }
      Atomics.wait(flag, 0, FLAG_IDLE, left);
      // drain: the reply is posted before the flag is raised; a stale reply (other id) is dropped
      for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
        const r = m.message as SyncPgReply;
        if (r.id === id) return r;
      }
      if (Atomics.load(flag, 0) === FLAG_EXITED) {
        broken = new Error('PostgreSQL bridge worker exited');
        stop();
        throw broken;
      }
      // raised but the message not visible yet: sleep a millisecond and look again (an IDLE flag here was a
      // spurious wake-up, and the loop waits for the raise again)
      if (Atomics.load(flag, 0) === FLAG_REPLIED) Atomics.wait(flag, 0, FLAG_REPLIED, 1);
    }
  };

  const check = (r: SyncPgReply): Extract<SyncPgReply, { ok: true }> => {
    if (r.ok) return r;
    const err = new SyncPgError(r.error);
    if (r.error.fatal) {
      broken = err;
      stop();
    }
    throw err;
  };

  check(call({ kind: 'connect' }, Math.max(START_MS, timeoutMs) + BACKSTOP_MS));

  return {
    query<R>(sql: string, params?: readonly unknown[]) {
      const r = check(call({ kind: 'query', sql, params }, timeoutMs + BACKSTOP_MS));
      return { rows: r.rows as R[], rowCount: r.rowCount };
    },
    close() {
      if (closed) {
        broken = new Error('PostgreSQL bridge is closed');
        return;
      }
      try {
        if (!broken) call({ kind: 'close' }, 5_000);
      } catch {
        // closing anyway
      }
      stop();
      broken = new Error('PostgreSQL bridge is closed');
    },
  };
}
