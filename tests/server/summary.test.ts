import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistory } from '../../mocks/scenario/history';
import { computeSummary } from '../../src/shared/domain/summary';
import { replay } from '../../src/shared/domain/workflow';
import { NOW, startTestServer, type TestServer } from './harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  // 40 days, so "this month" and earlier months both have data
  const events = [...createHistory({ seed: 5, end: NOW, days: 40 }).events()];
  for (let i = 0; i < events.length; i += 1000) expect((await s.ingest(events.slice(i, i + 1000))).status).toBe(201);
});
afterAll(async () => {
  await s.close();
});

describe('GET /api/v1/stats/summary', () => {
  it('equals computeSummary over every report, at several clocks and periods', async () => {
    const reports = [...replay(s.store.allEvents()).values()];
    const seq = s.store.latestSeq();
    const clocks = [NOW, new Date('2024-03-01T00:30:00Z'), new Date('2024-02-29T16:59:59.999Z'), new Date('2024-03-10T12:00:00Z')];
    const periods: Record<string, string>[] = [{}, { from: '2024-02-01T00:00:00+07:00', to: '2024-03-01T00:00:00+07:00' }, { from: '2024-03-12T00:00:00Z' }, { to: '2024-02-20T00:00:00Z' }];
    for (const now of clocks) {
      s.setNow(now);
      for (const p of periods) {
        const query = new URLSearchParams(p).toString();
        const res = await s.get(`/api/v1/stats/summary${query ? `?${query}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body, `${now.toISOString()} ${query}`).toEqual(computeSummary(reports, now, seq, p));
      }
    }
    s.setNow(NOW);
    const res = await s.get('/api/v1/stats/summary');
    // the scenario must exercise every figure, or agreement proves little
    for (const k of ['receivedToday', 'beingHandled', 'overdueNow', 'handledThisMonth', 'ratedInPeriod']) expect(res.body[k], k).toBeGreaterThan(0);
  });

  it('refuses a bad period', async () => {
    const res = await s.get('/api/v1/stats/summary?from=last-week');
    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('from');
  });
});
