import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistory } from '../../mocks/scenario/history';
import type { Report } from '../../src/shared/contract/report';
import { replay } from '../../src/shared/domain/workflow';
import { created, later, reference } from './fixtures';
import { NOW, startTestServer, type TestServer } from './harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

/** every stored report document, straight from the list endpoint (paged) */
async function allReports(): Promise<Report[]> {
  const out: Report[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: Report[]; nextCursor: string | null } } = await s.get(`/api/v1/reports?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return out;
}

describe('workflow through the API', () => {
  it('refuses illegal transitions with 409 and the reason, and allows the legal path', async () => {
    const { agency, otherAgency } = reference();
    const c = created();
    expect((await s.ingest(c)).status).toBe(201);
    const step = (type: Parameters<typeof later>[1], fields: Record<string, unknown> = {}) => s.ingest(later(c.externalId, type, fields));

    for (const [type, fields] of [
      ['started', {}],
      ['resolved', { resultText: 'Đã xử lý' }],
      ['rated', { rating: 'satisfied' }],
      ['reopened', {}],
      ['extended', { dueAt: '2024-04-30T00:00:00.000Z' }],
      ['transferred', { agencyId: otherAgency.id }],
      ['reminded', { channel: 'sms', target: 'officer' }],
    ] as const) {
      const res = await step(type, fields);
      expect(res.status, type).toBe(409);
      expect(res.body.error).toBe('illegal_transition');
      expect(res.body.message).toMatch(/not allowed when the report is 'received'/);
    }
    expect((await step('assigned', { agencyId: agency.id })).status).toBe(201);
    expect((await step('assigned', { agencyId: agency.id })).status).toBe(409);
    expect((await step('started')).status).toBe(201);
    expect((await step('resolved', { resultText: 'Đã thu gom' })).status).toBe(201);
    expect((await step('rated', { rating: 'acceptable' })).status).toBe(201);
    expect((await step('started')).status).toBe(409);
    expect((await step('reopened', { secondReport: true })).status).toBe(201);
    const res = await step('resolved', { resultText: 'again' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain("'reopened'");
  });

  it('keeps the projections equal to a replay of the event log after a generated scenario', async () => {
    const events = [...createHistory({ seed: 7, end: NOW, days: 6 }).events()];
    for (let i = 0; i < events.length; i += 1000) {
      const res = await s.ingest(events.slice(i, i + 1000));
      expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
    }
    const reports = await allReports();
    expect(reports.length).toBeGreaterThan(200);
    const replayed = replay(s.store.allEvents());
    expect(replayed.size).toBe(reports.length);
    for (const r of reports) expect(r).toEqual(replayed.get(r.id));
    // the log is gap-free
    const seqs = [...s.store.allEvents()].map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });
});
