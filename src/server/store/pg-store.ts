import { existsSync, rmSync } from 'node:fs';
import pg from 'pg';
import type { IngestResult } from '../../shared/contract/event';
import { openSqliteStore, type ReplicatedEvent, type SqliteStore } from './sqlite-store';
import type { Store } from './store';
import { LOG_CHANNEL, LOG_WRITE_LOCK } from './pg/log-schema';
import { openMigratedPg } from './pg/pg-migrations';
import { createPgAuth } from './pg/auth-store';
import { createPgRankingSnapshots } from './pg/rankings-store';
import type { SyncPg } from './pg/sync-pg';

interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string, ...rest: unknown[]): void;
}

export interface PgStoreOptions {
  /** DATABASE_URL */
  url: string;
  /** this node's SQLite read model (a disposable cache of the log; rebuilt when it belongs to another log) */
  replicaFile: string;
  log?: Logger;
}

export interface Follower {
  stop(): Promise<void>;
}

export interface PgStore extends Store {
  /** pulls events other nodes appended into the read model; returns how many arrived */
  pull(): number;
  /**
   * Keeps the read model in step with the log: LISTEN for appends (payload = newest seq), and a pull every
   * `pollMs` in case a notification is lost (PostgreSQL drops them while the listening connection is down).
   * `onApplied` runs after events from other nodes reached the read model (the live stream's cue).
   */
  follow(onApplied: () => void, pollMs: number): Promise<Follower>;
  /** the read model's file: the read workers open it read-only */
  readonly replicaFile: string;
}

interface LogRow {
  seq: number;
  source_event_id: string;
  type: ReplicatedEvent['type'];
  report_id: number;
  at: string;
  recorded_at: string;
  actor: string | null;
  data: string;
  name: string | null;
  phone: string | null;
}

const PAGE = 5000;
// 8 parameters per event row; PostgreSQL allows 65,535 per statement
const INSERT_CHUNK = 1000;

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The PostgreSQL store (decision 0013): PostgreSQL keeps the shared event log (gap-free seq across every node),
 * reporter identity and the accounts; this node projects the log into its own SQLite read model with the same
 * code the SQLite store uses, and answers every read from it. `ingest` stays synchronous (the live stream relies
 * on it) through a blocking PostgreSQL connection: under an advisory lock it brings the read model up to the
 * log's head, dry-runs the batch on it (the same validation and numbering as SQLite), appends the events, commits
 * and NOTIFYs, then applies them to the read model.
 */
export function openPgStore(opts: PgStoreOptions): PgStore {
  const log = opts.log ?? silent;
  const db = openMigratedPg(opts.url);
  // the read model's own event writes (an operator's reminder) must go to the shared log like any other ingest
  let logIngest: Store['ingest'] = () => {
    throw new Error('pg store: not open yet');
  };
  const local = openReplica(db, opts.replicaFile, log, (inputs, now) => logIngest(inputs, now));

  const fetchAfter = (after: number, limit: number): ReplicatedEvent[] =>
    db
      .query<LogRow>(
        `SELECT e.seq, e.source_event_id, e.type, e.report_id, e.at, e.recorded_at, e.actor, e.data, r.name, r.phone
         FROM events e LEFT JOIN reporters r ON r.seq = e.seq
         WHERE e.seq > $1 ORDER BY e.seq LIMIT $2`,
        [after, limit],
      )
      .rows.map((r) => ({
        seq: Number(r.seq),
        sourceEventId: r.source_event_id,
        type: r.type,
        reportId: Number(r.report_id),
        at: r.at,
        recordedAt: r.recorded_at,
        actor: r.actor,
        data: JSON.parse(r.data) as Record<string, unknown>,
        reporter: r.name !== null && r.phone !== null ? { name: r.name, phone: r.phone } : null,
      }));

  const pull = (): number => {
    let n = 0;
    for (;;) {
      const page = fetchAfter(local.latestSeq(), PAGE);
      if (page.length === 0) return n;
      local.replica.apply(page);
      n += page.length;
      if (page.length < PAGE) return n;
    }
  };

  const append = (events: readonly ReplicatedEvent[]) => {
    for (let i = 0; i < events.length; i += INSERT_CHUNK) {
      const chunk = events.slice(i, i + INSERT_CHUNK);
      const params: unknown[] = [];
      const rows = chunk.map((e) => {
        const b = params.length;
        params.push(e.seq, e.sourceEventId, e.type, e.reportId, e.at, e.recordedAt, e.actor, JSON.stringify(e.data));
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`;
      });
      db.query(`INSERT INTO events (seq, source_event_id, type, report_id, at, recorded_at, actor, data) VALUES ${rows.join(', ')}`, params);
      const withReporter = chunk.filter((e) => e.reporter !== null);
      if (withReporter.length > 0) {
        const rp: unknown[] = [];
        const rrows = withReporter.map((e) => {
          const b = rp.length;
          rp.push(e.reportId, e.seq, e.reporter?.name, e.reporter?.phone);
          return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4})`;
        });
        db.query(`INSERT INTO reporters (report_id, seq, name, phone) VALUES ${rrows.join(', ')}`, rp);
      }
    }
  };

  const ingest = (inputs: Parameters<Store['ingest']>[0], now: Date): IngestResult[] => {
    let events: ReplicatedEvent[] = [];
    let results: IngestResult[];
    db.query('BEGIN');
    try {
      // one writer at a time across every node: the seq the dry run assigns is the log's next one
      db.query('SELECT pg_advisory_xact_lock($1)', [LOG_WRITE_LOCK]);
      pull();
      ({ results, events } = local.replica.dryRun(inputs, now));
      if (events.length > 0) {
        append(events);
        // delivered to the listeners at commit, never before
        db.query('SELECT pg_notify($1, $2)', [LOG_CHANNEL, String(events.at(-1)?.seq ?? 0)]);
      }
      db.query('COMMIT');
    } catch (err) {
      try {
        db.query('ROLLBACK');
      } catch {
        // the connection is gone: the transaction died with it
      }
      throw err;
    }
    try {
      local.replica.apply(events);
    } catch (err) {
      // the events are in the log (committed above); the next pull brings the read model up to them
      log.error('pg store: applying committed events to the read model failed; the next pull retries', err);
    }
    return results;
  };

  const follow = async (onApplied: () => void, pollMs: number): Promise<Follower> => {
    let stopped = false;
    let client: pg.Client | null = null;
    let scheduled = false;
    const step = () => {
      scheduled = false;
      if (stopped) return;
      try {
        if (pull() > 0) onApplied();
      } catch (err) {
        log.error('pg store: pulling the shared log failed', err);
      }
    };
    const schedule = () => {
      if (scheduled || stopped) return;
      scheduled = true;
      setImmediate(step);
    };
    const listen = async (): Promise<void> => {
      const c = new pg.Client({ connectionString: opts.url });
      c.on('notification', schedule);
      c.on('error', (err) => {
        log.warn(`pg store: notification connection lost (${err.message}); polling every ${pollMs} ms until it is back`);
        if (client === c) client = null;
        setTimeout(() => void reconnect(), 1000).unref();
      });
      await c.connect();
      await c.query(`LISTEN ${LOG_CHANNEL}`);
      client = c;
      // anything appended while we were not listening
      schedule();
    };
    const reconnect = async () => {
      if (stopped || client) return;
      try {
        await listen();
      } catch {
        setTimeout(() => void reconnect(), 1000).unref();
      }
    };
    await listen();
    const timer = setInterval(schedule, pollMs);
    timer.unref();
    return {
      async stop() {
        stopped = true;
        clearInterval(timer);
        const c = client;
        client = null;
        await c?.end().catch(() => {});
      },
    };
  };

  logIngest = ingest;
  const t0 = Date.now();
  const caughtUp = pull();
  if (caughtUp > 0) log.info(`pg store: read model ${opts.replicaFile} brought up to seq ${local.latestSeq()} (${caughtUp} events from the log in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  const auth = createPgAuth(db);
  return {
    ...local,
    replicaFile: opts.replicaFile,
    auth,
    // finalised quarters are shared; the events behind a quarter are read from this node's read model
    rankings: { ...local.rankings, ...createPgRankingSnapshots(db) },
    ingest,
    pull,
    follow,
    isEmpty: () => db.query('SELECT 1 FROM events LIMIT 1').rows.length === 0,
    close() {
      local.close();
      db.close();
    },
  };
}

/**
 * Opens the read model and checks it is a prefix of this log (same source event at its newest seq); a read
 * model of another database, or one ahead of the log (the database was restored from an older backup), is
 * discarded and rebuilt from the log.
 */
function openReplica(db: SyncPg, file: string, log: Logger, ingestVia: Store['ingest']): SqliteStore {
  let local = openSqliteStore(file, { ingestVia });
  const head = local.latestSeq();
  if (head > 0) {
    const theirs = db.query<{ source_event_id: string }>('SELECT source_event_id FROM events WHERE seq = $1', [head]).rows[0];
    const sameSource = theirs !== undefined && local.replica.sourceEventIdOf(head) === theirs.source_event_id;
    if (!sameSource) {
      log.warn(`pg store: the read model ${file} does not match this database's log (at seq ${head}); rebuilding it from the log`);
      local.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
      local = openSqliteStore(file, { ingestVia });
    }
  }
  return local;
}
