import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSyncPg, type SyncPg } from '../../src/server/store/pg/sync-pg';
import { freshDatabase } from '../support/pg';

// The synchronous PostgreSQL bridge (decision 0013): every statement of the PostgreSQL store goes through it.
describe('openSyncPg', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const open: SyncPg[] = [];
  const bridge = (timeoutMs?: number): SyncPg => {
    const b = openSyncPg(db.url, timeoutMs === undefined ? {} : { timeoutMs });
    open.push(b);
    return b;
  };

  beforeAll(async () => {
    db = await freshDatabase();
    const b = bridge();
    b.query('CREATE TABLE t (id BIGINT PRIMARY KEY, label TEXT NOT NULL UNIQUE, at TIMESTAMPTZ)');
  });
  afterAll(async () => {
    for (const b of open) b.close();
    await db?.drop();
  });

  it('answers a query synchronously, with parameters, BIGINT as numbers', () => {
    const b = bridge();
    const r = b.query<{ n: number; s: string; big: number; num: string }>(
      'SELECT $1::int + 1 AS n, $2::text AS s, 9007199254740991::bigint AS big, 1.5::numeric AS num',
      [41, 'phản ánh'],
    );
    expect(r.rows).toEqual([{ n: 42, s: 'phản ánh', big: Number.MAX_SAFE_INTEGER, num: '1.5' }]);
    expect(r.rowCount).toBe(1);
    const ins = b.query('INSERT INTO t (id, label, at) VALUES ($1, $2, $3), ($4, $5, NULL)', [1, 'a', new Date('2026-11-30T01:02:03Z'), 2, 'b']);
    expect(ins.rowCount).toBe(2);
    const rows = b.query<{ id: number; at: Date | null }>('SELECT id, at FROM t ORDER BY id').rows;
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
    expect(rows[0]?.at).toBeInstanceOf(Date);
    expect(rows[0]?.at?.toISOString()).toBe('2026-11-30T01:02:03.000Z');
    b.query('DELETE FROM t');
  });

  it('re-throws PostgreSQL errors with their SQLSTATE, and the connection stays usable', () => {
    const b = bridge();
    b.query("INSERT INTO t (id, label) VALUES (10, 'dup')");
    let err: unknown;
    try {
      b.query("INSERT INTO t (id, label) VALUES (11, 'dup')");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(Error);
    expect((err as { code?: string }).code).toBe('23505');
    expect((err as Error).message).toMatch(/duplicate key/);
    expect(() => b.query('SELECT * FROM no_such_table')).toThrow(expect.objectContaining({ code: '42P01' }) as Error);
    expect(b.query<{ n: number }>('SELECT count(*)::int AS n FROM t').rows[0]?.n).toBe(1);
    b.query('DELETE FROM t');
  });

  it('a rolled-back transaction leaves nothing; a committed one is seen by another bridge', () => {
    const a = bridge();
    const b = bridge();
    a.query('BEGIN');
    a.query("INSERT INTO t (id, label) VALUES (20, 'rolled back')");
    expect(a.query('SELECT id FROM t WHERE id = 20').rowCount).toBe(1);
    a.query('ROLLBACK');
    expect(a.query('SELECT id FROM t WHERE id = 20').rowCount).toBe(0);
    expect(b.query('SELECT id FROM t WHERE id = 20').rowCount).toBe(0);

    a.query('BEGIN');
    a.query("INSERT INTO t (id, label) VALUES (21, 'committed')");
    expect(b.query('SELECT id FROM t WHERE id = 21').rowCount).toBe(0); // not yet committed
    a.query('COMMIT');
    expect(b.query<{ label: string }>('SELECT label FROM t WHERE id = 21').rows).toEqual([{ label: 'committed' }]);
    b.query("UPDATE t SET label = 'changed by b' WHERE id = 21");
    expect(a.query<{ label: string }>('SELECT label FROM t WHERE id = 21').rows).toEqual([{ label: 'changed by b' }]);
    a.query('DELETE FROM t');
  });

  it('a second party waits on the advisory lock the bridge holds until it commits', async () => {
    const a = bridge();
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    try {
      a.query('BEGIN');
      a.query('SELECT pg_advisory_xact_lock(4242)');
      let acquired = false;
      const waiting = other.query('BEGIN').then(() => other.query('SELECT pg_advisory_xact_lock(4242)')).then(() => {
        acquired = true;
      });
      // the other party is queued on the lock (PostgreSQL says so), not merely slow
      await expect.poll(() => a.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").rows[0]?.n).toBe(1);
      await new Promise((r) => setTimeout(r, 200));
      expect(acquired).toBe(false);
      a.query('COMMIT');
      await waiting;
      expect(acquired).toBe(true);
      await other.query('COMMIT');
    } finally {
      await other.end();
    }
  });

  it('the bridge waits on a lock held elsewhere, and gives up with an error after its timeout', async () => {
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock(4343)');
      const b = bridge(500);
      const t0 = Date.now();
      b.query('BEGIN');
      expect(() => b.query('SELECT pg_advisory_xact_lock(4343)')).toThrow(expect.objectContaining({ code: '57014' }) as Error);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(450);
      b.query('ROLLBACK');
      await other.query('COMMIT');
      // the lock is free now: the same bridge gets it at once
      b.query('BEGIN');
      b.query('SELECT pg_advisory_xact_lock(4343)');
      b.query('COMMIT');
    } finally {
      await other.end();
    }
  });

  it('a dead connection throws on every later call', () => {
    const a = bridge();
    const killer = bridge();
    const pid = a.query<{ pid: number }>('SELECT pg_backend_pid() AS pid').rows[0]?.pid;
    killer.query('SELECT pg_terminate_backend($1)', [pid]);
    expect(() => a.query('SELECT 1')).toThrow();
    expect(() => a.query('SELECT 1')).toThrow();
    a.close();
    expect(() => a.query('SELECT 1')).toThrow(/closed/);
  });

  it('refuses to open against an unreachable server, and times out against one that never answers', async () => {
    expect(() => openSyncPg('postgres://postgres@127.0.0.1:1/none', { timeoutMs: 2000 })).toThrow();
    // a socket that accepts (the kernel completes the handshake) but never speaks: the main thread is asleep
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const t0 = Date.now();
      expect(() => openSyncPg(`postgres://postgres@127.0.0.1:${port}/none`, { timeoutMs: 300 })).toThrow();
      expect(Date.now() - t0).toBeLessThan(35_000);
    } finally {
      silent.close();
    }
  });

  it('a server that accepts the connection but stops answering: the call throws after the deadline and the bridge is dead', async () => {
    // a fake server in another process (this thread sleeps while the bridge waits): it says AuthenticationOk and
    // ReadyForQuery, then ignores every query, as a hung server or a black-holed network would
    const script = `
      const net = require('node:net');
      const srv = net.createServer((s) => {
        let greeted = false;
        s.on('data', () => {
          if (greeted) return;
          greeted = true;
          const auth = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]);
          const ready = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
          s.write(Buffer.concat([auth, ready]));
        });
      });
      srv.listen(0, '127.0.0.1', () => console.log(srv.address().port));`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
        child.once('exit', () => reject(new Error('fake server exited')));
      });
      const b = openSyncPg(`postgres://postgres@127.0.0.1:${port}/none`, { timeoutMs: 200 });
      const t0 = Date.now();
      expect(() => b.query('SELECT 1')).toThrow(/did not answer/);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(200);
      expect(() => b.query('SELECT 1')).toThrow(/did not answer/);
      b.close();
    } finally {
      child.kill();
    }
  });
});
