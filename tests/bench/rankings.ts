/**
 * Quarterly ranking and satisfaction costs at province scale: `npm run bench:rankings -- [scale] [days]`.
 * scale 3 ≈ 170 reports a day, ~15,000 a quarter (the province's volume). Seeds a temporary SQLite store
 * through the ingest path, then times the computations the API runs. Prints figures; not a timed test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createHistory } from '../../mocks/scenario/history';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import { ingestGenerated } from '../../src/server/demo/generated-ingest';
import { windowOf } from '../../src/shared/domain/scoring/compute';
import { rankingXlsx } from '../../src/shared/domain/scoring/export-xlsx';
import { DEFAULT_SCORING_CONFIG } from '../../src/shared/domain/scoring/formula';
import { previousQuarter, quarterOf } from '../../src/shared/domain/scoring/quarter';
import { createRankingCache, rankingFor } from '../../src/shared/domain/scoring/rankings-service';
import { satisfactionFor } from '../../src/shared/domain/scoring/satisfaction';

const scale = Number(process.argv[2] ?? 3);
const days = Number(process.argv[3] ?? 200);
const end = new Date();
const dir = mkdtempSync(join(tmpdir(), 'paht-bench-rank-'));
const file = process.env.BENCH_DB ?? join(dir, 'bench.sqlite');
const store = openSqliteStore(file);
const t0 = performance.now();
let batch = [];
for (const e of store.isEmpty() ? createHistory({ seed: 2019, end, days, scale }).events() : []) {
  batch.push(e);
  if (batch.length === 1000) {
    ingestGenerated(store, batch, end);
    batch = [];
  }
}
ingestGenerated(store, batch, end);
const past = previousQuarter(quarterOf(end));
const current = quarterOf(end);
const reports = store.listReports({ limit: 1 }, end).total;
console.log(`seeded ${store.latestSeq()} events, ${reports} reports (${days} days, scale ${scale}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const time = (label: string, f: () => unknown, n = 1) => {
  const t = performance.now();
  for (let i = 0; i < n; i++) f();
  console.log(`${label}: ${((performance.now() - t) / n).toFixed(0)} ms`);
};
const w = windowOf(past, end);
let candidates = 0;
let events = 0;
time(`read ${past}'s candidate reports and their events`, () => {
  candidates = 0;
  events = 0;
  for (const list of store.rankings.eventsForWindow(w)) {
    candidates += 1;
    events += list.length;
  }
});
console.log(`  (${candidates} reports, ${events} events)`);
const resolvedInQuarter = store.listReports({ limit: 1, resolvedFrom: new Date(w.from).toISOString(), resolvedTo: new Date(w.to).toISOString() } as never, end).total;
console.log(`  ${resolvedInQuarter} reports currently resolved in ${past}`);
time(`ranking ${past}, cold (this quarter + the previous one for rank changes)`, () => rankingFor(store.rankings, past, end, DEFAULT_SCORING_CONFIG), 3);
const cache = createRankingCache();
rankingFor(store.rankings, past, end, DEFAULT_SCORING_CONFIG, cache);
time(`ranking ${past}, cached (log unchanged)`, () => rankingFor(store.rankings, past, end, DEFAULT_SCORING_CONFIG, cache), 20);
time(`ranking ${current} (provisional, previous quarter cached)`, () => rankingFor(store.rankings, current, new Date(), DEFAULT_SCORING_CONFIG, cache), 3);
const r = rankingFor(store.rankings, past, end, DEFAULT_SCORING_CONFIG, cache);
const tx = performance.now();
const xlsx = await rankingXlsx(r, ExcelJS);
console.log(`XLSX export of ${r.units.length} units: ${(performance.now() - tx).toFixed(0)} ms, ${xlsx.length} bytes`);
const q = { from: new Date(w.from).toISOString(), to: new Date(w.to).toISOString() };
time(`satisfaction for ${past} (with the previous quarter and disputes)`, () => satisfactionFor(store.satisfaction, q, end), 3);
store.close();
rmSync(dir, { recursive: true, force: true });
