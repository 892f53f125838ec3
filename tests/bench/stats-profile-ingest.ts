/**
 * Where an ingest batch of bench:stats spends its time (the writer's share of the 2-core budget at 2,000
 * events/s): ingests the bench's stream (new reports, batches of 100) into a COPY of the bench store and prints
 * the median batch time and the statements that take it, slowest first. Writes to the copy. Not part of npm test.
 *
 *   npx tsx tests/bench/stats-profile-ingest.ts data/bench-stats/h1/paht.sqlite [--batches=60]
 */
import { createHistory } from '../../mocks/scenario/history';
import type { EventInput } from '../../src/shared/contract/event';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import { timeStatements } from './support/time-statements';

const file = process.argv[2];
if (!file) throw new Error('usage: stats-profile-ingest.ts <copy of the bench store>');
const BATCHES = Number(process.argv.find((a) => a.startsWith('--batches='))?.split('=')[1] ?? 60);

const totals = new Map<string, number>();
let on = false;
timeStatements((sql, ms) => {
  if (on) totals.set(sql, (totals.get(sql) ?? 0) + ms);
});

const store = openSqliteStore(file);
const now = new Date();
const runId = `prof${Date.now().toString(36)}`;
const tail: EventInput[] = [];
for (const e of createHistory({ seed: 777, end: new Date(now.getTime() - 60_000), days: 25, scale: 50 }).events()) {
  tail.push({ ...e, externalId: `${runId}-${e.externalId}`, sourceEventId: `${runId}-${e.sourceEventId}` });
  if (tail.length >= (BATCHES + 5) * 100) break;
}
for (let k = 0; k < 5; k++) store.ingest(tail.slice(k * 100, k * 100 + 100), now);
const times: number[] = [];
on = true;
for (let k = 5; k < BATCHES + 5; k++) {
  const t = performance.now();
  store.ingest(tail.slice(k * 100, k * 100 + 100), now);
  times.push(performance.now() - t);
}
on = false;
times.sort((a, b) => a - b);
const sum = times.reduce((a, b) => a + b, 0);
console.log(`${BATCHES} batches of 100: median ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms, mean ${(sum / BATCHES).toFixed(1)} ms per batch`);
console.log(`statements (ms per batch, summed over the batch's executions); the rest is JavaScript:`);
const rows = [...totals].sort((a, b) => b[1] - a[1]);
let stmtTotal = 0;
for (const [, v] of rows) stmtTotal += v;
console.log(`  ${(stmtTotal / BATCHES).toFixed(2).padStart(8)}  all statements`);
for (const [sql, v] of rows.slice(0, 20)) console.log(`  ${(v / BATCHES).toFixed(2).padStart(8)}  ${sql.slice(0, 140)}`);
store.close();
