/**
 * What durability costs (docs/decisions/0006): `npm run bench:durability -- [dir]`. Every acknowledged ingest is one
 * SQLite transaction; with journal_mode=WAL + synchronous=FULL each commit waits for the WAL to reach the disk.
 * Prints, on the disk holding `dir` (default: ./data, where the server keeps its store):
 * - raw commits/s of a one-row transaction under WAL + FULL (what we ship) and WAL + NORMAL (what we declined);
 * - the store's own ingest of single events and of 100-event batches (the source's two shapes), under FULL.
 * Figures, not a timed test.
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHistory } from '../../mocks/scenario/history';
import { openSqliteStore } from '../../src/server/store/sqlite-store';

const base = resolve(process.argv[2] ?? './data');
mkdirSync(base, { recursive: true });
const dir = mkdtempSync(join(base, 'bench-durability-'));

function rawCommits(sync: 'FULL' | 'NORMAL', n: number): number {
  const db = new Database(join(dir, `raw-${sync}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${sync}`);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
  const tx = db.transaction((v: string) => ins.run(v));
  const t0 = performance.now();
  for (let i = 0; i < n; i++) tx(`row ${i}`);
  const ms = performance.now() - t0;
  db.close();
  return n / (ms / 1000);
}

try {
  for (const sync of ['FULL', 'NORMAL'] as const) {
    console.log(`raw one-row transactions, WAL + synchronous=${sync}: ${Math.round(rawCommits(sync, 2000))} commits/s`);
  }
  const end = new Date();
  const events = [...createHistory({ seed: 2019, end, days: 20 }).events()];
  const store = openSqliteStore(join(dir, 'store.sqlite'));
  const singles = events.slice(0, 2000);
  let t0 = performance.now();
  for (const e of singles) store.ingest([e], end);
  let ms = performance.now() - t0;
  console.log(`store ingest, one event per transaction (WAL + FULL): ${Math.round(singles.length / (ms / 1000))} events/s (${(ms / singles.length).toFixed(2)} ms each)`);
  const batched = events.slice(2000, 12_000);
  t0 = performance.now();
  for (let i = 0; i < batched.length; i += 100) store.ingest(batched.slice(i, i + 100), end);
  ms = performance.now() - t0;
  console.log(`store ingest, 100 events per transaction (WAL + FULL): ${Math.round(batched.length / (ms / 1000))} events/s`);
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
