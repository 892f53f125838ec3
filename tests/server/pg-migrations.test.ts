import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPgMigrations, PG_MIGRATIONS, pgSchemaVersion, type PgMigration } from '../../src/server/store/pg/pg-migrations';
import { openSyncPg, type SyncPg } from '../../src/server/store/pg/sync-pg';
import { freshDatabase } from '../support/pg';

// Test migrations that fail if applied twice (CREATE TABLE without IF NOT EXISTS, a row per application), and
// slow enough (pg_sleep) that runners started together really overlap.
const TEST_MIGRATIONS: PgMigration[] = [
  { version: 1, name: 'one', sql: 'CREATE TABLE one (id INT); CREATE TABLE applied (version INT NOT NULL); INSERT INTO applied VALUES (1); SELECT pg_sleep(0.3);' },
  { version: 2, name: 'two', sql: 'CREATE TABLE two (id INT); INSERT INTO applied VALUES (2); SELECT pg_sleep(0.3);' },
  { version: 3, name: 'three', sql: 'ALTER TABLE one ADD COLUMN note TEXT; INSERT INTO applied VALUES (3);' },
];

function runChild(url: string, startAt: number, migrations: readonly PgMigration[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/pg-migrate-child.ts'], {
      env: { ...process.env, URL: url, START_AT: String(startAt), MIGRATIONS: JSON.stringify(migrations) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe('applyPgMigrations', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let pg: SyncPg;
  beforeEach(async () => {
    db = await freshDatabase();
    pg = openSyncPg(db.url);
  });
  afterEach(async () => {
    pg.close();
    await db.drop();
  });

  const recorded = (): { version: number; name: string }[] =>
    pg.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version').rows;
  const applied = (): number[] => pg.query<{ version: number }>('SELECT version FROM applied ORDER BY version').rows.map((r) => r.version);

  it('applies every migration once, records it, and a second run changes nothing', () => {
    expect(pgSchemaVersion(pg)).toBe(0);
    expect(applyPgMigrations(pg, TEST_MIGRATIONS)).toBe(3);
    expect(recorded()).toEqual([
      { version: 1, name: 'one' },
      { version: 2, name: 'two' },
      { version: 3, name: 'three' },
    ]);
    expect(applied()).toEqual([1, 2, 3]);
    expect(applyPgMigrations(pg, TEST_MIGRATIONS)).toBe(3);
    expect(applied()).toEqual([1, 2, 3]);
    expect(pgSchemaVersion(pg)).toBe(3);
  });

  it('an older database is brought forward from where it stands', () => {
    applyPgMigrations(pg, TEST_MIGRATIONS.slice(0, 1));
    expect(applied()).toEqual([1]);
    applyPgMigrations(pg, TEST_MIGRATIONS);
    expect(applied()).toEqual([1, 2, 3]);
  });

  it('several nodes starting at once apply each migration exactly once', async () => {
    const startAt = Date.now() + 2500; // after every child has loaded and connected
    const runs = await Promise.all([0, 1, 2].map(() => runChild(db.url, startAt, TEST_MIGRATIONS)));
    for (const r of runs) {
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out.trim()) as unknown).toEqual({ version: 3 });
    }
    expect(recorded().map((r) => r.version)).toEqual([1, 2, 3]);
    expect(applied()).toEqual([1, 2, 3]);
    // nobody is left holding the lock
    expect(pg.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'").rowCount).toBe(0);
  });

  it('refuses a database newer than the build, touching nothing', () => {
    applyPgMigrations(pg, TEST_MIGRATIONS);
    expect(() => applyPgMigrations(pg, TEST_MIGRATIONS.slice(0, 2))).toThrow('database schema version 3 is newer than this build supports (2)');
    expect(recorded()).toHaveLength(3);
  });

  it('a failing migration leaves the database at the previous version, and the run can be repeated once fixed', () => {
    const broken = [...TEST_MIGRATIONS.slice(0, 2), { version: 3, name: 'broken', sql: 'INSERT INTO applied VALUES (3); SELECT * FROM no_such_table;' }];
    expect(() => applyPgMigrations(pg, broken)).toThrow(expect.objectContaining({ code: '42P01' }) as Error);
    expect(recorded().map((r) => r.version)).toEqual([1, 2]);
    expect(applied()).toEqual([1, 2]); // the failed migration's own insert is rolled back with it
    expect(pg.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory'").rowCount).toBe(0);
    expect(applyPgMigrations(pg, TEST_MIGRATIONS)).toBe(3);
    expect(applied()).toEqual([1, 2, 3]);
  });

  it('refuses destructive or out-of-order migrations before running anything', () => {
    expect(() => applyPgMigrations(pg, [...TEST_MIGRATIONS, { version: 4, name: 'oops', sql: 'DROP TABLE two' }])).toThrow(/destructive/);
    expect(() => applyPgMigrations(pg, [...TEST_MIGRATIONS, { version: 4, name: 'oops', sql: 'ALTER TABLE one DROP COLUMN note' }])).toThrow(/destructive/);
    expect(() => applyPgMigrations(pg, [TEST_MIGRATIONS[1]!, TEST_MIGRATIONS[0]!])).toThrow(/out of order/);
    expect(pgSchemaVersion(pg)).toBe(0);
  });

  it("this build's migrations (event log, accounts) apply to an empty database", () => {
    const latest = applyPgMigrations(pg, PG_MIGRATIONS);
    expect(latest).toBe(PG_MIGRATIONS.at(-1)?.version);
    // numbered 1, 2, 3… with no gap; the event log first, the accounts second
    expect(PG_MIGRATIONS.map((m) => m.version)).toEqual(PG_MIGRATIONS.map((_m, i) => i + 1));
    expect(PG_MIGRATIONS.slice(0, 2).map((m) => m.name)).toEqual([expect.stringMatching(/event log/), expect.stringMatching(/accounts/)]);
    const tables = pg.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename").rows.map((r) => r.tablename);
    expect(tables).toEqual(expect.arrayContaining(['display_tokens', 'events', 'reporters', 'schema_migrations', 'sessions', 'users']));
    expect(pgSchemaVersion(pg)).toBe(PG_MIGRATIONS.length);
  });
});
