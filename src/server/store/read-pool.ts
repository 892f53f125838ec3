import { Worker } from 'node:worker_threads';
import { DomainError } from '../../shared/domain/errors';
import { HttpError } from '../http/http-error';
import type { BacklogStore } from './sqlite/backlog-store';
import type { Store } from './store';

/**
 * The reads that may run on another connection to the same SQLite file (decision 0012): each is a pure function of
 * the committed data and its arguments, run in one read transaction, so a worker's answer is exactly what the main
 * connection would have answered at some commit — never a half-applied ingest (WAL snapshots).
 */
export interface ReadApi {
  listReports: Store['listReports'];
  summary: Store['summary'];
  mapPoints: Store['mapPoints'];
  districtStats: Store['districtStats'];
  statsKpis: Store['statsKpis'];
  statsTimeseries: Store['statsTimeseries'];
  statsBreakdown: Store['statsBreakdown'];
  hotspots: Store['hotspots'];
  recentEvents: Store['recentEvents'];
  dueSoon: Store['dueSoon'];
  agencyStats: BacklogStore['agencyStats'];
  overdueQueue: BacklogStore['overdueQueue'];
}
export type ReadName = keyof ReadApi;
export const READ_NAMES: readonly ReadName[] = [
  'listReports',
  'summary',
  'mapPoints',
  'districtStats',
  'statsKpis',
  'statsTimeseries',
  'statsBreakdown',
  'hotspots',
  'recentEvents',
  'dueSoon',
  'agencyStats',
  'overdueQueue',
];

/** What the routes call: the same reads, answered later. */
export type Reads = { [K in ReadName]: (...args: Parameters<ReadApi[K]>) => Promise<ReturnType<ReadApi[K]>> } & {
  /** 'local' (this thread's connection) or the number of worker threads */
  readonly kind: 'local' | number;
  close(): Promise<void>;
};

export function readApiOf(store: Store): ReadApi {
  return {
    listReports: (q, now) => store.listReports(q, now),
    summary: (now, period) => store.summary(now, period),
    mapPoints: (q, now) => store.mapPoints(q, now),
    districtStats: (f, now) => store.districtStats(f, now),
    statsKpis: (q, now) => store.statsKpis(q, now),
    statsTimeseries: (q, now) => store.statsTimeseries(q, now),
    statsBreakdown: (q, now) => store.statsBreakdown(q, now),
    hotspots: (q, now) => store.hotspots(q, now),
    recentEvents: (q) => store.recentEvents(q),
    dueSoon: (now, q) => store.dueSoon(now, q),
    agencyStats: (q, now) => store.backlog.agencyStats(q, now),
    overdueQueue: (q, now, t) => store.backlog.overdueQueue(q, now, t),
  };
}

/** Reads on the store's own connection (tests, `READ_WORKERS=0`, and any store that is not a SQLite file). */
export function localReads(store: Store): Reads {
  const api = readApiOf(store);
  const reads = { kind: 'local' as const, close: () => Promise.resolve() } as Record<string, unknown>;
  for (const name of READ_NAMES) {
    const fn = api[name] as (...args: unknown[]) => unknown;
    reads[name] = (...args: unknown[]) => {
      try {
        return Promise.resolve(fn(...args));
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
  }
  return reads as unknown as Reads;
}

/** How an error crosses the thread boundary: enough to answer the request the same way. */
export interface WireError {
  kind: 'http' | 'domain' | 'other';
  message: string;
  status?: number;
  code?: string;
  path?: string;
}
export function toWireError(err: unknown): WireError {
  if (err instanceof HttpError) return { kind: 'http', message: err.message, status: err.status, code: err.code };
  if (err instanceof DomainError) return { kind: 'domain', message: err.message, status: err.status, code: err.code, path: err.path };
  return { kind: 'other', message: err instanceof Error ? err.message : String(err) };
}
export function fromWireError(w: WireError): Error {
  if (w.kind === 'http') return new HttpError(w.status ?? 500, w.code ?? 'error', w.message);
  if (w.kind === 'domain') return new DomainError(w.code as DomainError['code'], w.message, w.path, w.status);
  return new Error(`read worker: ${w.message}`);
}

export interface ReadRequest {
  id: number;
  name: ReadName;
  args: unknown[];
}
export type ReadReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: WireError };

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}
interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  ready: Promise<void>;
}

const ENTRY = new URL('./read-worker-entry.mjs', import.meta.url);

/**
 * `size` worker threads, each with a read-only connection to `file`: the statistics and list endpoints run there,
 * so a long aggregate neither waits behind an ingest transaction on the main thread nor holds the live stream up,
 * and both cores work. A call goes to the worker with the fewest calls in flight. A worker that dies fails its
 * calls (the requests answer 500) and is replaced.
 */
export async function createReadPool(opts: { file: string; size: number }): Promise<Reads> {
  let nextId = 1;
  let closing = false;
  const slots: Slot[] = [];

  const spawn = (index: number): Slot => {
    const worker = new Worker(ENTRY, { workerData: { file: opts.file } });
    const pending = new Map<number, Pending>();
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', (m: { ready?: boolean; error?: string }) => (m.ready ? resolve() : reject(new Error(m.error ?? 'read worker failed to start'))));
      worker.once('error', reject);
    });
    const slot: Slot = { worker, pending, ready };
    void ready.then(() => {
      worker.on('message', (m: ReadReply) => {
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        if (m.ok) p.resolve(m.result);
        else p.reject(fromWireError(m.error));
      });
    }, () => undefined);
    worker.on('exit', (code) => {
      for (const p of pending.values()) p.reject(new Error(`read worker exited (${code})`));
      pending.clear();
      if (!closing) slots[index] = spawn(index);
    });
    return slot;
  };

  for (let i = 0; i < opts.size; i++) slots.push(spawn(i));
  await Promise.all(slots.map((s) => s.ready));

  const call = (name: ReadName, args: unknown[]): Promise<unknown> => {
    let slot = slots[0] as Slot;
    for (const s of slots) if (s.pending.size < slot.pending.size) slot = s;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, name, args } satisfies ReadRequest);
    });
  };
  const reads = {
    kind: opts.size,
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  } as Record<string, unknown>;
  for (const name of READ_NAMES) reads[name] = (...args: unknown[]) => call(name, args);
  return reads as unknown as Reads;
}
