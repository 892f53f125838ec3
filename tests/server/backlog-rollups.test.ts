import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistory } from '../../mocks/scenario/history';
import type { AgencyStatsResponse } from '../../src/shared/contract/backlog';
import type { StoredEvent } from '../../src/shared/contract/event';
import type { Report } from '../../src/shared/contract/report';
import { referenceData } from '../../src/shared/domain/reference';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import { agencyIdsOfKind, localDay, oracleFigures, overdueAtClose, replayAll, type OracleFigures, type OracleQuery } from './backlog-oracle';
import { later } from './fixtures';
import { NOW, startTestServer, type TestServer } from './harness';

// Every per-unit figure of GET /api/v1/stats/agencies (rollups + current state) against a brute-force reading
// of the event log (tests/server/backlog-oracle.ts), for a generated scenario with transfers, reopenings,
// extensions, reminders, plus re-ratings, transfers of overdue reports and reopenings added on top.
let s: TestServer;
let events: StoredEvent[];
const agencies = referenceData().agencies;

beforeAll(async () => {
  s = await startTestServer();
  const history = [...createHistory({ seed: 31, end: NOW, days: 50 }).events()];
  for (let i = 0; i < history.length; i += 1000) expect((await s.ingest(history.slice(i, i + 1000))).status).toBe(201);
  // what the scenario rarely does: re-rate, transfer overdue reports, reopen rated reports (all "now")
  const reports = [...replayAll([...s.store.allEvents()]).values()];
  const at = NOW.toISOString();
  const rated = reports.filter((r) => r.status === 'resolved' && r.rating !== null);
  const overdue = reports.filter((r) => ['assigned', 'in_progress'].includes(r.status) && r.dueAt !== null && Date.parse(r.dueAt) < NOW.getTime());
  const extra = [
    ...rated.slice(0, 6).map((r) => later(r.externalId, 'rated', { rating: r.rating === 'satisfied' ? 'unsatisfied' : 'satisfied' }, at)),
    ...rated.slice(6, 10).map((r) => later(r.externalId, 'reopened', { reason: 'Phản ánh lần 2' }, at)),
    ...overdue.slice(0, 8).map((r, i) => later(r.externalId, 'transferred', { agencyId: agencies[(i * 7 + 3) % agencies.length]?.id === r.agencyId ? agencies[(i * 7 + 4) % agencies.length]?.id : agencies[(i * 7 + 3) % agencies.length]?.id }, at)),
  ];
  expect((await s.ingest(extra)).status).toBe(201);
  events = [...s.store.allEvents()];
});
afterAll(async () => {
  await s?.close();
});

const FIGURES: (keyof OracleFigures)[] = [
  'received', 'assigned', 'rejected', 'onTime', 'lateExtended', 'late', 'resolved', 'medianHandlingDays',
  'ratedSatisfied', 'ratedAcceptable', 'ratedUnsatisfied', 'reminders', 'open', 'inProgress', 'dueSoon', 'overdue', 'ageing',
];

function compare(body: AgencyStatsResponse, q: OracleQuery) {
  const oracle = oracleFigures(events, q, NOW);
  const pick = (f: OracleFigures | AgencyStatsResponse['totals']) => Object.fromEntries(FIGURES.map((k) => [k, f[k]]));
  expect(pick(body.totals)).toEqual(pick(oracle.totals));
  for (const row of body.agencies) {
    const expected = oracle.byAgency.get(row.agencyId ?? '');
    const actual = pick(row);
    if (!expected) {
      // a unit nothing happened to: every figure zero, no median
      expect(actual, row.agencyId ?? 'centre').toEqual(pick({ ...oracleFigures([], q, NOW).totals }));
    } else {
      expect(actual, row.agencyId ?? 'centre').toEqual(pick(expected));
    }
  }
  // every unit the oracle saw is a row
  const rowIds = new Set(body.agencies.map((r) => r.agencyId ?? ''));
  for (const k of oracle.byAgency.keys()) expect(rowIds.has(k), k).toBe(true);
}

const statsOf = async (query: string) => {
  const res = await s.get(`/api/v1/stats/agencies${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body as AgencyStatsResponse;
};

const periodOf = (b: AgencyStatsResponse) => ({ from: Date.parse(b.from), to: Date.parse(b.to) });

describe('GET /api/v1/stats/agencies equals a brute-force reading of the event log', () => {
  it('the scenario exercises what moves counts between buckets', () => {
    const types = new Set(events.map((e) => e.type));
    for (const t of ['transferred', 'reopened', 'extended', 'reminded', 'rated', 'rejected']) expect(types.has(t as StoredEvent['type']), t).toBe(true);
    // a report rated twice, and a transfer of an overdue report, are in the log
    const ratedTwice = new Set<number>();
    const seen = new Set<number>();
    for (const e of events) if (e.type === 'rated') (seen.has(e.reportId) ? ratedTwice : seen).add(e.reportId);
    expect(ratedTwice.size).toBeGreaterThan(0);
  });

  it('default period (this month, Vietnam time), every unit and the centre', async () => {
    const body = await statsOf('');
    expect(body.from).toBe('2024-02-29T17:00:00.000Z');
    expect(body.to).toBe('2024-03-31T17:00:00.000Z');
    expect(body.agencies).toHaveLength(agencies.length + 1);
    compare(body, { ...periodOf(body), agencyIds: null });
  });

  it('a period in the past given as arbitrary instants is taken as whole local days', async () => {
    const body = await statsOf('?from=2024-02-05T10:30:00Z&to=2024-03-04T03:00:00%2B07:00');
    expect(body.from).toBe('2024-02-04T17:00:00.000Z');
    expect(body.to).toBe('2024-03-04T17:00:00.000Z');
    compare(body, { ...periodOf(body), agencyIds: null });
    // plain local dates: from its first day to its last day, inclusive
    const dates = await statsOf('?from=2024-03-01&to=2024-03-14');
    expect([dates.from, dates.to]).toEqual(['2024-02-29T17:00:00.000Z', '2024-03-14T17:00:00.000Z']);
  });

  it('filtered by category, by district and by unit kind (only those units, no centre row)', async () => {
    const category = referenceData().categories[1]?.id as string;
    const byCategory = await statsOf(`?from=2024-02-01T00:00:00%2B07:00&to=2024-03-16T00:00:00%2B07:00&categoryId=${category}`);
    compare(byCategory, { ...periodOf(byCategory), agencyIds: null, categoryId: category });
    const byDistrict = await statsOf('?from=2024-02-01T00:00:00%2B07:00&districtCode=474');
    compare(byDistrict, { ...periodOf(byDistrict), agencyIds: null, districtCode: '474' });
    const kind = await statsOf('?from=2024-02-01T00:00:00%2B07:00&agencyKind=commune_pc');
    const ids = agencyIdsOfKind(agencies, 'commune_pc');
    expect(kind.agencies.map((r) => r.agencyId).sort()).toEqual([...ids].sort());
    compare(kind, { ...periodOf(kind), agencyIds: ids });
  });

  it('the daily overdue trend: each past day is the count at its close, today is overdue now', async () => {
    const today = localDay(NOW.getTime());
    for (const [query, q] of [
      ['?from=2024-02-10T00:00:00%2B07:00', { agencyIds: null }],
      ['?from=2024-02-10T00:00:00%2B07:00&agencyKind=district_pc', { agencyIds: agencyIdsOfKind(agencies, 'district_pc') }],
      ['?from=2024-02-10T00:00:00%2B07:00&districtCode=474', { agencyIds: null, districtCode: '474' }],
    ] as const) {
      const body = await statsOf(query);
      const first = localDay(Date.parse(body.from));
      expect(body.trend).toHaveLength(today - first + 1);
      body.trend.forEach((p, i) => {
        const day = first + i;
        const expected = day === today ? body.totals.overdue : overdueAtClose(events, day, q);
        expect(p.overdue, `${query} ${p.date}`).toBe(expected);
      });
      expect(body.trend.at(-1)?.date).toBe('2024-03-15');
    }
  });

  it('refuses filters the rollups cannot answer, naming the field', async () => {
    for (const [query, field] of [
      ['q=rac', 'q'],
      ['wardCode=19768', 'wardCode'],
      ['status=resolved', 'status'],
      ['from=yesterday', 'from'],
      ['from=2024-03-10T00:00:00Z&to=2024-03-01T00:00:00Z', 'to'],
      ['agencyKind=ministry', 'agencyKind'],
    ]) {
      const res = await s.get(`/api/v1/stats/agencies?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.issues.map((i: { path: string }) => i.path), query).toContain(field);
    }
  });
});

describe('rollups rebuilt from the log equal the ones maintained at ingest', () => {
  it('after resetting the rollup version, reopening the store rebuilds identical figures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paht-rollup-rebuild-'));
    try {
      const file = join(dir, 'r.sqlite');
      let store = openSqliteStore(file);
      const inputs = [...createHistory({ seed: 8, end: NOW, days: 30 }).events()];
      for (let i = 0; i < inputs.length; i += 500) store.ingest(inputs.slice(i, i + 500), NOW);
      const queries = [{}, { from: '2024-02-20T00:00:00+07:00' }, { districtCode: '476' }, { agencyKind: 'department' as const }];
      const before = queries.map((q) => store.backlog.agencyStats(q, NOW));
      store.close();
      const db = new Database(file);
      db.prepare("UPDATE rollup_state SET value = 0 WHERE name = 'version'").run();
      // wreck the rollups: the rebuild must not depend on what was there
      db.prepare('UPDATE rollup_daily SET received = received + 5, overdue_net = overdue_net - 1').run();
      db.prepare('UPDATE rollup_agency_daily SET received = received + 5').run();
      db.close();
      store = openSqliteStore(file);
      const after = queries.map((q) => store.backlog.agencyStats(q, NOW));
      store.close();
      expect(after).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

export type { Report };
