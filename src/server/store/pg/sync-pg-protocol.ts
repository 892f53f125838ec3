import type { MessagePort } from 'node:worker_threads';

/**
 * Messages between the synchronous PostgreSQL bridge (sync-pg.ts, main thread) and its worker
 * (sync-pg-worker.ts). The flag is one Int32 in a SharedArrayBuffer: the main thread sets it to IDLE, posts a
 * request and sleeps in Atomics.wait until the worker has posted its reply and set it to REPLIED.
 */
export const FLAG_IDLE = 0;
export const FLAG_REPLIED = 1;
/** the worker is gone (its thread exited): nothing will answer any more */
export const FLAG_EXITED = 2;

export interface SyncPgInit {
  url: string;
  timeoutMs: number;
  flag: SharedArrayBuffer;
  port: MessagePort;
}

export type SyncPgCall = { kind: 'connect' } | { kind: 'query'; sql: string; params: readonly unknown[] | undefined } | { kind: 'close' };
export type SyncPgRequest = SyncPgCall & { id: number };

/** What survives of a pg DatabaseError on the way back (structured clone keeps only own data fields). */
export interface WirePgError {
  message: string;
  code?: string;
  detail?: string;
  hint?: string;
  constraint?: string;
  table?: string;
  column?: string;
  severity?: string;
  /** the connection is unusable from now on */
  fatal: boolean;
}

export type SyncPgReply =
  | { id: number; ok: true; rows: Record<string, unknown>[]; rowCount: number }
  | { id: number; ok: false; error: WirePgError };
