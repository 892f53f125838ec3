import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { FLAG_REPLIED, type SyncPgInit, type SyncPgReply, type SyncPgRequest, type WirePgError } from './sync-pg-protocol';

/**
 * The worker of one synchronous PostgreSQL bridge: one pg.Client, one query at a time (the main thread is asleep
 * until it gets its answer, so there is never a second one in flight).
 */
if (!parentPort) throw new Error('sync-pg-worker.ts runs in a worker thread');
const { url, timeoutMs, flag, port } = workerData as SyncPgInit;
const signal = new Int32Array(flag);

const INT8 = 20;
// seq and ids are BIGINT in PostgreSQL but always below 2^53: hand them over as numbers, like SQLite does
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const client = new pg.Client({
  connectionString: url,
  types,
  // the server cancels a statement (lock waits included) that outlasts the caller's patience, so the connection
  // stays usable; the main thread's own deadline is only the backstop for a server that does not answer at all
  statement_timeout: timeoutMs,
  connectionTimeoutMillis: timeoutMs,
  application_name: 'paht-sync-pg',
});

let dead: WirePgError | null = null;
client.on('error', (err) => {
  dead = { ...toWire(err), fatal: true };
});

function toWire(err: unknown): WirePgError {
  if (!(err instanceof Error)) return { message: String(err), fatal: false };
  const e = err as Error & Partial<Record<'code' | 'detail' | 'hint' | 'constraint' | 'table' | 'column' | 'severity', string>>;
  const out: WirePgError = { message: e.message, fatal: false };
  for (const k of ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'severity'] as const) {
    const v = e[k];
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

function reply(r: SyncPgReply): void {
  port.postMessage(r);
  Atomics.store(signal, 0, FLAG_REPLIED);
  Atomics.notify(signal, 0);
}

async function handle(m: SyncPgRequest): Promise<SyncPgReply> {
  if (m.kind === 'close') {
    await client.end().catch(() => undefined);
    return { id: m.id, ok: true, rows: [], rowCount: 0 };
  }
  if (dead) return { id: m.id, ok: false, error: dead };
  try {
    if (m.kind === 'connect') {
      await client.connect();
      return { id: m.id, ok: true, rows: [], rowCount: 0 };
    }
    const res = (await client.query(m.sql, m.params === undefined ? undefined : [...m.params])) as pg.QueryResult | pg.QueryResult[];
    // several statements in one simple-protocol string (a migration) give one result each: the last one answers
    const last = Array.isArray(res) ? res.at(-1) : res;
    return { id: m.id, ok: true, rows: (last?.rows ?? []) as Record<string, unknown>[], rowCount: last?.rowCount ?? 0 };
  } catch (err) {
    // a connect failure, or a query that failed because the connection went away, leaves nothing to use; the
    // client's 'error' event may come just after the query's rejection, hence the turn of the loop first
    await new Promise((resolve) => setImmediate(resolve));
    const code = (err as { code?: unknown }).code;
    const lost = typeof code === 'string' && (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03');
    const fatal = m.kind === 'connect' || dead !== null || lost;
    const e = { ...toWire(err), fatal };
    if (fatal) dead = dead ?? e;
    return { id: m.id, ok: false, error: e };
  }
}

port.on('message', (m: SyncPgRequest) => {
  void handle(m).then(reply, (err: unknown) => reply({ id: m.id, ok: false, error: { ...toWire(err), fatal: true } }));
});
