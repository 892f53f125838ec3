/**
 * Where one backlog / summary call spends its time, statement by statement (issue 4's p95 target). Opens a COPY
 * of the bench:stats store read-only (pass its path), like a read worker does, times every statement each call
 * runs (median of N calls after warm-up), and prints them slowest first. Not part of `npm test`.
 *
 *   npx tsx tests/bench/stats-profile.ts data/bench-stats/h1/paht.sqlite [--runs=15]
 */
import { overdueQueueQuery } from '../../src/shared/contract/backlog';
import { reportListQuery } from '../../src/shared/contract/api';
import { DEFAULT_ESCALATION_THRESHOLDS } from '../../src/shared/domain/escalation';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import { timeStatements } from './support/time-statements';

const file = process.argv[2];
if (!file) throw new Error('usage: stats-profile.ts <copy of the bench store>');
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 15);

// wrap every prepared statement so each execution is timed under its SQL text
const timings = new Map<string, number[]>();
let current: Map<string, number> | null = null;
timeStatements((sql, ms) => {
  if (current) current.set(sql, (current.get(sql) ?? 0) + ms);
});

const store = openSqliteStore(file, { readOnly: true });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function profile(title: string, call: () => unknown) {
  for (let i = 0; i < 3; i++) call();
  const totals: number[] = [];
  timings.clear();
  for (let i = 0; i < RUNS; i++) {
    current = new Map();
    const t = performance.now();
    call();
    totals.push(performance.now() - t);
    for (const [k, v] of current) timings.set(k, [...(timings.get(k) ?? []), v]);
    current = null;
  }
  console.log(`\n${title}: median ${median(totals).toFixed(1)} ms (min ${Math.min(...totals).toFixed(1)}, max ${Math.max(...totals).toFixed(1)})`);
  const rows = [...timings].map(([sql, xs]) => ({ sql, ms: median(xs) })).sort((a, b) => b.ms - a.ms);
  for (const r of rows.slice(0, 12)) console.log(`  ${r.ms.toFixed(2).padStart(8)} ms  ${r.sql.slice(0, 150)}`);
}

const now = new Date();
const iso = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const stats = (q: Record<string, string>) => () => store.backlog.agencyStats(q as never, now);
profile('backlog this month (default)', stats({}));
profile('backlog 90 days', stats({ from: iso(90) }));
profile('backlog 90 days, commune PCs', stats({ from: iso(90), agencyKind: 'commune_pc' }));
profile('backlog 90 days, one category', stats({ from: iso(90), categoryId: 've-sinh-moi-truong' }));
profile('backlog 365 days', stats({ from: iso(365) }));
profile('summary (KPI strip)', () => store.summary(now, {}));
// the drill-down lists and the queue of bench:stats
const s90 = store.backlog.agencyStats({ from: iso(90) } as never, now);
const busiest = [...s90.agencies].filter((a) => a.agencyId !== null).sort((a, b) => b.overdue - a.overdue)[0]?.agencyId as string;
const list = (q: Record<string, string>) => () => store.listReports(reportListQuery.parse(q), now);
profile('drill unit × overdue', list({ agencyId: busiest, bucket: 'overdue', limit: '50' }));
profile('drill unit × on time, 90 days', list({ agencyId: busiest, bucket: 'on_time', resolvedFrom: s90.from, resolvedTo: s90.to, limit: '50' }));
profile('drill all × overdue 16+ days', list({ ageing: '16+', limit: '50' }));
profile('drill commune PCs × due soon', list({ agencyKind: 'commune_pc', bucket: 'due_soon', limit: '50' }));
profile('drill all × received, 90 days', list({ from: s90.from, to: s90.to, limit: '50' }));
profile('queue overdue queue', () => store.backlog.overdueQueue(overdueQueueQuery.parse({ limit: '100' }), now, DEFAULT_ESCALATION_THRESHOLDS));
store.close();
