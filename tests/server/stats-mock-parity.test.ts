import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, type MemoryStore } from '../../mocks/memory-store';
import { createHistory } from '../../mocks/scenario/history';
import { hotspotsQuery } from '../../src/shared/contract/hotspots';
import { breakdownQuery, kpisQuery, timeseriesQuery } from '../../src/shared/contract/stats';
import { NOW, startTestServer, type TestServer } from './harness';
import { qs } from './stats-oracle';

// The server-less demo and the component tests answer from the memory store: it must give the very same
// statistics as the server for the same events.
let s: TestServer;
let mem: MemoryStore;
beforeAll(async () => {
  s = await startTestServer();
  mem = createMemoryStore({ days: 0, now: () => NOW });
  const events = [...createHistory({ seed: 41, end: NOW, days: 70 }).events()];
  for (let i = 0; i < events.length; i += 1000) {
    const batch = events.slice(i, i + 1000);
    expect((await s.ingest(batch)).status).toBe(201);
    mem.ingest(batch, NOW);
  }
});
afterAll(async () => {
  await s.close();
});

const from = '2024-01-20T00:00:00+07:00';
const to = '2024-03-16T00:00:00+07:00';

describe('statistics: memory store (MSW) = server', () => {
  it('kpis, timeseries, breakdown and hotspots answer identically', async () => {
    const agencyId = mem.listReports({ limit: 1, status: ['resolved'] }).items[0]?.agencyId ?? undefined;
    const categoryId = mem.meta().categories[0]?.id;
    const cases: [string, Record<string, string | number | undefined>, (q: Record<string, unknown>) => unknown][] = [
      ['kpis', { from, to }, (q) => mem.statsKpis(kpisQuery.parse(q))],
      ['kpis', { from, to, agencyId }, (q) => mem.statsKpis(kpisQuery.parse(q))],
      ['timeseries', { from, to }, (q) => mem.statsTimeseries(timeseriesQuery.parse(q))],
      ['timeseries', { from, to, interval: 'week', categoryId }, (q) => mem.statsTimeseries(timeseriesQuery.parse(q))],
      ['breakdown', { from, to, by: 'district' }, (q) => mem.statsBreakdown(breakdownQuery.parse(q))],
      ['breakdown', { from, to, by: 'agency', categoryId }, (q) => mem.statsBreakdown(breakdownQuery.parse(q))],
      ['breakdown', { from, to, by: 'category', agencyId }, (q) => mem.statsBreakdown(breakdownQuery.parse(q))],
      ['hotspots', { from, to }, (q) => mem.hotspots(hotspotsQuery.parse(q))],
      ['hotspots', { from, to, radius: 200, minCount: 2, windowDays: 30 }, (q) => mem.hotspots(hotspotsQuery.parse(q))],
    ];
    for (const [path, params, memory] of cases) {
      const res = await s.get(`/api/v1/stats/${path}?${qs(params)}`);
      expect(res.status, res.text).toBe(200);
      const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
      expect(res.body, `${path} ${JSON.stringify(params)}`).toEqual(JSON.parse(JSON.stringify(memory(defined))));
    }
    const hot = mem.hotspots(hotspotsQuery.parse({ from, to, radius: '200', minCount: '2' }));
    expect(hot.total).toBeGreaterThan(0);
  });
});
