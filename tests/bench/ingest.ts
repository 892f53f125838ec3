/**
 * Ingest throughput of the SQLite store (the path the API and the demo seeding use), in batches of 1,000:
 * `npm run bench:ingest -- [days]`. Uses the scenario's history, so the mix of event types and
 * the report updates are realistic. Prints events/s; not a timed test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHistory } from '../../mocks/scenario/history';
import { openSqliteStore } from '../../src/server/store/sqlite-store';

const days = Number(process.argv[2] ?? 90);
const end = new Date();
const events = [...createHistory({ seed: 2019, end, days }).events()];
const dir = mkdtempSync(join(tmpdir(), 'paht-bench-'));
const store = openSqliteStore(join(dir, 'bench.sqlite'));
const t0 = performance.now();
for (let i = 0; i < events.length; i += 1000) store.ingest(events.slice(i, i + 1000), end);
const ms = performance.now() - t0;
const reports = store.listReports({ limit: 1 }, end).total;
console.log(`${events.length} events (${reports} reports, ${days} days) in ${(ms / 1000).toFixed(2)} s: ${Math.round(events.length / (ms / 1000))} events/s in batches of 1,000`);
const t1 = performance.now();
for (let i = 0; i < 200; i++) store.summary(end, {});
console.log(`summary: ${((performance.now() - t1) / 200).toFixed(2)} ms`);
const t2 = performance.now();
for (let i = 0; i < 200; i++) store.listReports({ limit: 50, q: 'rac thai' }, end);
console.log(`list q="rac thai", 50 items + total: ${((performance.now() - t2) / 200).toFixed(2)} ms`);
store.close();
rmSync(dir, { recursive: true, force: true });
