/**
 * `npm run bench:syncpg`: what one synchronous PostgreSQL round trip costs (decision 0013: every ingest goes
 * through the bridge). Prints p50/p95 of a trivial SELECT and of a 100-row INSERT in one statement, through the
 * bridge and, for comparison, through a plain async pg.Client on the same server. Needs a PostgreSQL server:
 * BENCH_DATABASE_URL or TEST_DATABASE_URL (a maintenance URL; the bench creates and drops its own database).
 */
import pg from 'pg';
import { openSyncPg } from '../../src/server/store/pg/sync-pg';

const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!admin) {
  console.error('set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL maintenance URL, e.g. postgres://postgres@127.0.0.1:5432/postgres');
  process.exit(2);
}
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2000);
const name = `paht_bench_syncpg_${process.pid}`;

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (label: string, ms: number[]): string => {
  const s = [...ms].sort((a, b) => a - b);
  return `${label.padEnd(44)} p50 ${pct(s, 50).toFixed(3)} ms  p95 ${pct(s, 95).toFixed(3)} ms  (n=${s.length})`;
};

const rows100 = (base: number): { sql: string; params: unknown[] } => {
  const values: string[] = [];
  const params: unknown[] = [];
  for (let i = 0; i < 100; i++) {
    params.push(base + i, `source-${base + i}`, '{"k":"v","note":"phản ánh hiện trường"}');
    values.push(`($${params.length - 2}, $${params.length - 1}, $${params.length})`);
  }
  return { sql: `INSERT INTO bench (seq, source_event_id, data) VALUES ${values.join(', ')}`, params };
};

const adminClient = new pg.Client({ connectionString: admin });
await adminClient.connect();
await adminClient.query(`CREATE DATABASE ${name}`);
const u = new URL(admin);
u.pathname = `/${name}`;
try {
  const b = openSyncPg(u.toString());
  b.query('CREATE TABLE bench (seq BIGINT PRIMARY KEY, source_event_id TEXT NOT NULL UNIQUE, data TEXT NOT NULL)');
  for (let i = 0; i < 200; i++) b.query('SELECT 1'); // warm-up

  const select: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    b.query('SELECT 1 AS one');
    select.push(performance.now() - t0);
  }
  const insert: number[] = [];
  for (let i = 0; i < ROUNDS / 10; i++) {
    const { sql, params } = rows100(i * 100);
    const t0 = performance.now();
    b.query(sql, params);
    insert.push(performance.now() - t0);
  }
  b.query('TRUNCATE bench');
  b.close();

  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  for (let i = 0; i < 200; i++) await c.query('SELECT 1');
  const aSelect: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await c.query('SELECT 1 AS one');
    aSelect.push(performance.now() - t0);
  }
  const aInsert: number[] = [];
  for (let i = 0; i < ROUNDS / 10; i++) {
    const { sql, params } = rows100(i * 100);
    const t0 = performance.now();
    await c.query(sql, params);
    aInsert.push(performance.now() - t0);
  }
  await c.end();

  const load = await import('node:os').then((os) => os.loadavg().map((l) => l.toFixed(2)).join(' '));
  console.log(`bench:syncpg on ${u.host} (load ${load})`);
  console.log(fmt('sync bridge: SELECT 1', select));
  console.log(fmt('sync bridge: INSERT 100 rows (one statement)', insert));
  console.log(fmt('async pg.Client: SELECT 1', aSelect));
  console.log(fmt('async pg.Client: INSERT 100 rows', aInsert));
} finally {
  await adminClient.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminClient.end();
}
