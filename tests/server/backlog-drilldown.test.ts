import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../mocks/memory-store';
import { createHistory } from '../../mocks/scenario/history';
import { reportListQuery, type ReportFilter } from '../../src/shared/contract/api';
import type { AgencyStatsQuery, AgencyStatsResponse } from '../../src/shared/contract/backlog';
import { agencyStatsQuery } from '../../src/shared/contract/backlog';
import { ageingBuckets } from '../../src/shared/contract/backlog-filter';
import type { EventInput } from '../../src/shared/contract/event';
import type { Report } from '../../src/shared/contract/report';
import { matchesFilter } from '../../src/shared/domain/filter';
import { drillDownFilter, filterToQuery, type DrillFigure, type DrillScope } from '../../src/shared/domain/rollup-drill';
import { replay } from '../../src/shared/domain/workflow';
import { NOW, startTestServer, type TestServer } from './harness';

// Every number of GET /api/v1/stats/agencies drills down to GET /api/v1/reports with drillDownFilter(), and the
// list's length is the number — on the server and on the MSW mock, which must also give the same figures.
let s: TestServer;
let inputs: EventInput[];
let all: Report[];
beforeAll(async () => {
  s = await startTestServer();
  inputs = [...createHistory({ seed: 47, end: NOW, days: 40 }).events()];
  for (let i = 0; i < inputs.length; i += 1000) expect((await s.ingest(inputs.slice(i, i + 1000))).status).toBe(201);
  all = [...replay(s.store.allEvents()).values()];
});
afterAll(async () => {
  await s?.close();
});

const FIGURES: DrillFigure[] = [
  'received', 'rejected', 'open', 'openNotOverdue', 'inProgress', 'dueSoon', 'overdue', 'resolved', 'onTime', 'lateExtended', 'late',
  'ratedSatisfied', 'ratedAcceptable', 'ratedUnsatisfied', ...ageingBuckets.map((ageing) => ({ ageing })),
];
const valueOf = (f: AgencyStatsResponse['totals'], fig: DrillFigure): number =>
  typeof fig === 'object' ? f.ageing[fig.ageing] : fig === 'openNotOverdue' ? f.open - f.overdue : f[fig];
const qs = (q: Record<string, string>) => new URLSearchParams(q).toString();

const QUERIES: Record<string, string>[] = [
  {},
  { from: '2024-02-10T00:00:00+07:00', to: '2024-03-01T00:00:00+07:00' },
  { from: '2024-02-01T00:00:00+07:00', districtCode: '474' },
  { from: '2024-02-01T00:00:00+07:00', agencyKind: 'district_pc', categoryId: 've-sinh-moi-truong' },
];

async function total(filter: ReportFilter): Promise<number> {
  const res = await s.get(`/api/v1/reports?${qs({ ...filterToQuery(filter), limit: '1' })}`);
  expect(res.status, res.text).toBe(200);
  return res.body.total as number;
}

describe('drill-down: the list behind every figure has exactly that many reports', () => {
  for (const raw of QUERIES) {
    it(`every unit, the centre, the totals and an "others" group: ${JSON.stringify(raw)}`, async () => {
      const res = await s.get(`/api/v1/stats/agencies?${qs(raw)}`);
      expect(res.status, res.text).toBe(200);
      const body = res.body as AgencyStatsResponse;
      const query: AgencyStatsQuery = agencyStatsQuery.parse(raw);
      // the busiest units (every unit is covered by the totals; the rows test the per-unit conditions)
      const busy = body.agencies.filter((r) => r.received + r.open + r.resolved > 0).slice(0, 25);
      expect(busy.length).toBeGreaterThan(2);
      const others = busy.slice(2).map((r) => r.agencyId).filter((id): id is string => id !== null);
      const scopes: [DrillScope, AgencyStatsResponse['totals']][] = [
        ['totals', body.totals],
        // the "others" bar of a top-N chart: the sum of those units' figures
        [{ agencyIds: others }, sumOf(body, others)],
        ...busy.map((r): [DrillScope, AgencyStatsResponse['totals']] => [{ agencyId: r.agencyId }, r]),
        // a unit with nothing to show lists nothing
        ...body.agencies.filter((r) => r.received + r.open + r.resolved === 0).slice(0, 2).map((r): [DrillScope, AgencyStatsResponse['totals']] => [{ agencyId: r.agencyId }, r]),
      ];
      let nonZero = 0;
      for (const [scope, figures] of scopes) {
        for (const fig of FIGURES) {
          const filter = drillDownFilter(query, body, scope, fig);
          const expected = valueOf(figures, fig);
          if (expected > 0) nonZero += 1;
          expect(await total(filter), `${JSON.stringify(scope)} ${JSON.stringify(fig)}`).toBe(expected);
          // and the reference semantics (matchesFilter) agree with the SQL
          expect(all.filter((r) => matchesFilter(r, filter, NOW)).length, `matchesFilter ${JSON.stringify(fig)}`).toBe(expected);
        }
      }
      expect(nonZero).toBeGreaterThan(50);
    });
  }

  it('the backlog filter fields parse from the query string and refuse bad values by name', async () => {
    const parsed = reportListQuery.parse({ bucket: 'due_soon', ageing: '16+', agencyKind: 'commune_pc', agencyIds: 'a,b', hasAgency: 'false' });
    expect(parsed).toMatchObject({ bucket: 'due_soon', ageing: '16+', agencyKind: 'commune_pc', agencyIds: ['a', 'b'], hasAgency: false });
    for (const [q, field] of [['bucket=late_ish', 'bucket'], ['ageing=2-5', 'ageing'], ['agencyKind=x', 'agencyKind'], ['hasAgency=maybe', 'hasAgency']]) {
      const res = await s.get(`/api/v1/reports?${q}`);
      expect(res.status).toBe(400);
      expect(res.body.issues[0].path).toBe(field);
    }
  });
});

function sumOf(body: AgencyStatsResponse, ids: string[]): AgencyStatsResponse['totals'] {
  const rows = body.agencies.filter((r) => r.agencyId !== null && ids.includes(r.agencyId));
  const out = structuredClone(body.totals);
  for (const k of Object.keys(out) as (keyof typeof out)[]) {
    if (k === 'ageing') for (const b of ageingBuckets) out.ageing[b] = rows.reduce((n, r) => n + r.ageing[b], 0);
    else if (k !== 'medianHandlingDays') out[k] = rows.reduce((n, r) => n + r[k], 0);
  }
  return out;
}

describe('the MSW mock answers the backlog exactly as the server does', () => {
  it('same events → same figures, trend and drill-down counts', async () => {
    const mock = createMemoryStore({ days: 0, now: () => NOW });
    for (let i = 0; i < inputs.length; i += 1000) mock.ingest(inputs.slice(i, i + 1000), NOW);
    for (const raw of QUERIES) {
      const server = (await s.get(`/api/v1/stats/agencies?${qs(raw)}`)).body as AgencyStatsResponse;
      const memory = mock.backlog.agencyStats(agencyStatsQuery.parse(raw), NOW);
      expect(memory).toEqual(server);
      const query = agencyStatsQuery.parse(raw);
      for (const fig of FIGURES) {
        const filter = drillDownFilter(query, server, 'totals', fig);
        expect(mock.listReports(reportListQuery.parse({ ...filterToQuery(filter), limit: '1' }), NOW).total).toBe(await total(filter));
      }
    }
    const queue = (await s.get('/api/v1/overdue-queue?limit=500', 'operator-token-for-tests')).body;
    expect(mock.backlog.overdueQueue({ state: 'all', sort: 'by_due', limit: 500, offset: 0 }, NOW)).toEqual(queue);
  });
});
