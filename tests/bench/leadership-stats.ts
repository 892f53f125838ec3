/**
 * `npm run bench:leadership -- [--days=365] [--scale=10] [--fresh]` — leadership statistics at scale, in process
 * (the store methods the routes call, no HTTP). Builds once, then reuses, a SQLite store of the scenario's
 * history (`scale` × the daily volume over `days`; 10 × 365 ≈ 200,000 reports) in data/bench-leadership/
 * (git-ignored), and prints p50/p95 latency of GET /api/v1/stats/kpis, /timeseries, /breakdown and /hotspots
 * for short and long periods of whole local days (what the page asks for: the rollups answer), and of periods
 * starting mid-day (the covering indexes answer). Not part of `npm test`.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createHistory } from '../../mocks/scenario/history';
import { hotspotsQuery } from '../../src/shared/contract/hotspots';
import { breakdownQuery, kpisQuery, timeseriesQuery } from '../../src/shared/contract/stats';
import { openSqliteStore } from '../../src/server/store/sqlite-store';

const arg = (name: string, fallback: number) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
};
const DAYS = arg('days', 365);
const SCALE = arg('scale', 10);
const DIR = resolve(`data/bench-leadership-${DAYS}d-x${SCALE}`);
const FILE = join(DIR, 'paht.sqlite');
// a fixed end, so a reused store and the periods below agree
const END = new Date('2026-11-30T10:00:00.000Z');
const DAY = 86_400_000;

if (process.argv.includes('--fresh')) rmSync(DIR, { recursive: true, force: true });
const build = !existsSync(FILE);
mkdirSync(DIR, { recursive: true });
const store = openSqliteStore(FILE);
if (build) {
  const t0 = performance.now();
  let batch = [];
  let n = 0;
  for (const e of createHistory({ seed: 2019, end: END, days: DAYS, scale: SCALE }).events()) {
    batch.push(e);
    if (batch.length === 1000) {
      store.ingest(batch, END);
      n += batch.length;
      batch = [];
      if (n % 200_000 === 0) console.log(`  … ${n} events`);
    }
  }
  if (batch.length) store.ingest(batch, END);
  console.log(`built ${FILE} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
const reports = store.listReports({ limit: 1 }, END).total;
console.log(`${reports} reports over ${DAYS} days (scale ${SCALE})`);

function time(label: string, runs: number, fn: () => unknown) {
  fn(); // warm the statement cache and the page cache
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const p = (q: number) => (ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] as number).toFixed(1);
  console.log(`${label.padEnd(58)} p50 ${p(0.5).padStart(7)} ms   p95 ${p(0.95).padStart(7)} ms   (${runs} runs)`);
}

// what the page sends: whole Vietnam-local days (served from the rollups) …
const OFFSET = 7 * 3_600_000;
const TOMORROW = Math.ceil((END.getTime() + OFFSET) / DAY) * DAY - OFFSET;
const period = (days: number) => ({ from: new Date(TOMORROW - days * DAY).toISOString(), to: new Date(TOMORROW).toISOString() });
// … and a period that starts and ends mid-day (served from the covering indexes)
const midDay = (days: number) => ({ from: new Date(END.getTime() - days * DAY).toISOString(), to: END.toISOString() });
const busyAgency = store.statsBreakdown(breakdownQuery.parse({ ...period(365), by: 'agency' }), END).rows.find((r) => r.key !== null)?.key ?? undefined;

for (const days of [30, 365]) {
  time(`kpis, ${days} days (+ previous period)`, 20, () => store.statsKpis(kpisQuery.parse(period(days)), END));
  time(`kpis, ${days} days, one unit`, 20, () => store.statsKpis(kpisQuery.parse({ ...period(days), agencyId: busyAgency }), END));
}
time('timeseries, 90 days by day', 20, () => store.statsTimeseries(timeseriesQuery.parse(period(90)), END));
time('timeseries, 365 days (auto: by week)', 20, () => store.statsTimeseries(timeseriesQuery.parse(period(365)), END));
for (const by of ['category', 'district', 'agency'] as const) {
  time(`breakdown by ${by}, 30 days`, 20, () => store.statsBreakdown(breakdownQuery.parse({ ...period(30), by }), END));
  time(`breakdown by ${by}, 365 days`, 10, () => store.statsBreakdown(breakdownQuery.parse({ ...period(365), by }), END));
  time(`breakdown by ${by}, 365 days from mid-day (no rollups)`, 5, () => store.statsBreakdown(breakdownQuery.parse({ ...midDay(365), by }), END));
}
time('kpis, 365 days from mid-day (no rollups)', 10, () => store.statsKpis(kpisQuery.parse(midDay(365)), END));
for (const days of [30, 90, 365]) {
  let found = 0;
  let scanned = 0;
  time(`hotspots, ${days} days (50 m, ≥ 3, 60-day window)`, 5, () => {
    const r = store.hotspots(hotspotsQuery.parse(period(days)), END);
    found = r.total;
    scanned = r.scanned;
  });
  console.log(`  ${scanned} reports clustered, ${found} hotspots`);
}
store.close();
