import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistory } from '../../mocks/scenario/history';
import { agencyStatsQuery, overdueQueueQuery } from '../../src/shared/contract/backlog';
import { reportListQuery, summaryQuery } from '../../src/shared/contract/api';
import { eventInput, type EventInput } from '../../src/shared/contract/event';
import { dueSoonQuery, feedQuery } from '../../src/shared/contract/feed';
import { hotspotsQuery } from '../../src/shared/contract/hotspots';
import { districtStatsQuery, mapPointsQuery } from '../../src/shared/contract/map';
import { satisfactionQuery } from '../../src/shared/contract/satisfaction';
import { breakdownQuery, kpisQuery, timeseriesQuery } from '../../src/shared/contract/stats';
import { DEFAULT_ESCALATION_THRESHOLDS } from '../../src/shared/domain/escalation';
import { satisfactionFor } from '../../src/shared/domain/scoring/satisfaction';
import { openPgStore, type PgStore } from '../../src/server/store/pg-store';
import { openSqliteStore, type SqliteStore } from '../../src/server/store/sqlite-store';
import { freshDatabase } from '../support/pg';
import { NOW } from './harness';

// Every read the API serves, on a PostgreSQL node whose read model was built from the shared log by two nodes
// writing in turn, against a SQLite store that ingested the same inputs itself (issue 7: same projections and
// rollups on both stores). Differential: neither side's answer is taken as the truth, they must agree.
const dir = mkdtempSync(join(tmpdir(), 'paht-pg-reads-'));
let database: Awaited<ReturnType<typeof freshDatabase>>;
let sqlite: SqliteStore;
let a: PgStore;
let b: PgStore;
let reader: PgStore;

beforeAll(async () => {
  database = await freshDatabase();
  sqlite = openSqliteStore(join(dir, 'sqlite.sqlite'));
  a = openPgStore({ url: database.url, replicaFile: join(dir, 'a.sqlite') });
  b = openPgStore({ url: database.url, replicaFile: join(dir, 'b.sqlite') });
  const history: EventInput[] = [...createHistory({ seed: 23, end: NOW, days: 60 }).events()].map((e) => eventInput.parse(e));
  for (let i = 0, k = 0; i < history.length; i += 250, k++) {
    const batch = history.slice(i, i + 250);
    sqlite.ingest(batch, NOW);
    (k % 2 === 0 ? a : b).ingest(batch, NOW);
  }
  // the writers bring their read models up to the other's last batches; a third node only ever pulled
  a.pull();
  b.pull();
  reader = openPgStore({ url: database.url, replicaFile: join(dir, 'reader.sqlite') });
}, 120_000);
afterAll(async () => {
  for (const s of [sqlite, a, b, reader]) s?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const from = new Date(NOW.getTime() - 45 * 86_400_000).toISOString();
const to = NOW.toISOString();

describe('a PostgreSQL node answers every read as the SQLite store does', () => {
  it('holds the same log', () => {
    expect(reader.latestSeq()).toBe(sqlite.latestSeq());
    expect(sqlite.latestSeq()).toBeGreaterThan(1000);
    expect([...reader.allEvents()]).toEqual([...sqlite.allEvents()]);
  });

  const reads: [string, (s: SqliteStore | PgStore) => unknown][] = [
    ['report list, newest', (s) => s.listReports(reportListQuery.parse({ limit: '100' }), NOW)],
    ['report list, overdue of one district', (s) => s.listReports(reportListQuery.parse({ limit: '100', bucket: 'overdue', districtCode: '474' }), NOW)],
    ['report list, text search', (s) => s.listReports(reportListQuery.parse({ limit: '50', q: 'rac thai' }), NOW)],
    ['report details with reporter', (s) => [1, 2, 50, 400].map((id) => s.getReport(id, { withReporter: true }))],
    ['summary', (s) => s.summary(NOW, summaryQuery.parse({}))],
    ['map points', (s) => s.mapPoints(mapPointsQuery.parse({}), NOW)],
    ['district choropleth', (s) => s.districtStats(districtStatsQuery.parse({}), NOW)],
    ['KPIs', (s) => s.statsKpis(kpisQuery.parse({ from, to }), NOW)],
    ['time series', (s) => s.statsTimeseries(timeseriesQuery.parse({ from, to }), NOW)],
    ['breakdown by district', (s) => s.statsBreakdown(breakdownQuery.parse({ from, to, by: 'district' }), NOW)],
    ['hotspots', (s) => s.hotspots(hotspotsQuery.parse({ from, to }), NOW)],
    ['live feed backfill', (s) => s.recentEvents(feedQuery.parse({}))],
    ['due soon', (s) => s.dueSoon(NOW, dueSoonQuery.parse({}))],
    ['backlog by unit', (s) => s.backlog.agencyStats(agencyStatsQuery.parse({ from, to }), NOW)],
    ['overdue queue', (s) => s.backlog.overdueQueue(overdueQueueQuery.parse({}), NOW, DEFAULT_ESCALATION_THRESHOLDS)],
    ['satisfaction', (s) => satisfactionFor(s.satisfaction, satisfactionQuery.parse({ from, to }), NOW)],
    ['quarter events', (s) => s.rankings.eventsForWindow({ from: Date.parse(from), to: Date.parse(to), asOf: NOW.getTime() })],
  ];
  it.each(reads)('%s', (_name, read) => {
    const want = read(sqlite);
    expect(read(reader)).toEqual(want);
    expect(read(a)).toEqual(want);
  });
});
