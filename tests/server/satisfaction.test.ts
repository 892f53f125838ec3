import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventInput } from '../../src/shared/contract/event';
import type { EventInput } from '../../src/shared/contract/event';
import type { Report } from '../../src/shared/contract/report';
import { disputeListResponse, satisfactionResponse } from '../../src/shared/contract/satisfaction';
import type { DisputeItem } from '../../src/shared/contract/satisfaction';
import { ingestGenerated } from '../../src/server/demo/generated-ingest';
import { replay } from '../../src/shared/domain/workflow';
import { createMemoryStore, MockIngestError } from '../../mocks/memory-store';
import { createHistory } from '../../mocks/scenario/history';
import { startTestServer, type TestServer } from './harness';
import { oracleDisputes } from './rankings-oracle';

const NOW = new Date('2026-10-21T03:00:00.000Z');
// Q3 2026 in Vietnam time, and the quarter before it
const FROM = '2026-06-30T17:00:00.000Z';
const TO = '2026-09-30T17:00:00.000Z';

let server: TestServer;
let inputs: EventInput[];

beforeAll(async () => {
  server = await startTestServer({ now: NOW });
  inputs = [...createHistory({ seed: 7, end: NOW, days: 200, reportsPerDay: { min: 10, max: 14 } }).events()];
  for (let i = 0; i < inputs.length; i += 1000) ingestGenerated(server.store, inputs.slice(i, i + 1000), NOW);
}, 120_000);
afterAll(() => server?.close());

/** The plain reading: replay the log, keep the ratings standing now, count per unit and per Vietnam month. */
function oracle(from: string, to: string, agencyId?: string) {
  const f = Date.parse(from);
  const t = Date.parse(to);
  const reports = [...replay(server.store.allEvents()).values()].filter((r) => agencyId === undefined || r.agencyId === agencyId);
  const inP = (iso: string | null) => iso !== null && Date.parse(iso) >= f && Date.parse(iso) < t;
  const rated = reports.filter((r) => r.rating !== null && inP(r.ratedAt));
  const count = (rs: Report[]) => ({
    rated: rs.length,
    satisfied: rs.filter((r) => r.rating === 'satisfied').length,
    acceptable: rs.filter((r) => r.rating === 'acceptable').length,
    unsatisfied: rs.filter((r) => r.rating === 'unsatisfied').length,
  });
  const resolved = reports.filter((r) => r.status === 'resolved' && inP(r.resolvedAt));
  const disputes = oracleDisputes(server.store.allEvents(), NOW).filter((d) => d.at >= f && d.at < t && (agencyId === undefined || d.agencyId === agencyId));
  const month = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 7);
  const months = new Map<string, Report[]>();
  for (const r of rated) months.set(month(r.ratedAt as string), [...(months.get(month(r.ratedAt as string)) ?? []), r]);
  return {
    ...count(rated),
    resolved: resolved.length,
    resolvedRated: resolved.filter((r) => r.rating !== null).length,
    disputes: disputes.length,
    disputesAnsweredInTime: disputes.filter((d) => d.answeredAt !== null && d.answeredAt <= d.deadline).length,
    months: new Map([...months].map(([m, rs]) => [m, count(rs)])),
    byUnit: (id: string) => count(rated.filter((r) => r.agencyId === id)),
    disputeList: disputes,
  };
}

describe('GET /api/v1/stats/satisfaction', () => {
  it('matches a replay of the log: shares, official rate, rated share, disputes, months, units, previous period', async () => {
    const res = await server.get(`/api/v1/stats/satisfaction?from=${FROM}&to=${TO}`);
    expect(res.status).toBe(200);
    const s = satisfactionResponse.parse(res.body);
    const o = oracle(FROM, TO);
    expect(s.overall).toMatchObject({ rated: o.rated, satisfied: o.satisfied, acceptable: o.acceptable, unsatisfied: o.unsatisfied, resolved: o.resolved, resolvedRated: o.resolvedRated, disputes: o.disputes, disputesAnsweredInTime: o.disputesAnsweredInTime });
    expect(s.overall.rate).toBeCloseTo((o.satisfied + o.acceptable) / o.rated, 12);
    expect(o.rated).toBeGreaterThan(100);
    expect(o.unsatisfied).toBeGreaterThan(0);
    expect(o.disputes).toBeGreaterThan(10);
    expect(s.months.map((m) => m.month)).toEqual(['2026-07', '2026-08', '2026-09']);
    for (const m of s.months) expect({ rated: m.rated, satisfied: m.satisfied, acceptable: m.acceptable, unsatisfied: m.unsatisfied }).toEqual(o.months.get(m.month));
    for (const u of s.units) expect({ rated: u.rated, satisfied: u.satisfied, acceptable: u.acceptable, unsatisfied: u.unsatisfied }, u.agencyId).toEqual(o.byUnit(u.agencyId));
    expect(s.units.reduce((n, u) => n + u.rated, 0)).toBe(o.rated);
    // the previous period has the same length and ends where this one starts
    expect(s.previous.to).toBe(FROM);
    expect(Date.parse(s.previous.to) - Date.parse(s.previous.from)).toBe(Date.parse(TO) - Date.parse(FROM));
    const p = oracle(s.previous.from, s.previous.to);
    expect(s.previous.figures).toMatchObject({ rated: p.rated, unsatisfied: p.unsatisfied, resolved: p.resolved });
    expect(s.rateChange).toBeCloseTo((s.overall.rate as number) - (s.previous.figures.rate as number), 12);
  });

  it('narrows to one unit, and its unsatisfied ratings are exactly the reports list drill-down', async () => {
    const all = satisfactionResponse.parse((await server.get(`/api/v1/stats/satisfaction?from=${FROM}&to=${TO}`)).body);
    const unit = all.units.find((u) => u.unsatisfied > 0);
    if (!unit) throw new Error('no unit with unsatisfied ratings');
    const one = satisfactionResponse.parse((await server.get(`/api/v1/stats/satisfaction?from=${FROM}&to=${TO}&agencyId=${unit.agencyId}`)).body);
    const o = oracle(FROM, TO, unit.agencyId);
    expect(one.overall).toMatchObject({ rated: o.rated, unsatisfied: o.unsatisfied, disputes: o.disputes, resolved: o.resolved });
    expect(one.units.map((u) => u.agencyId)).toEqual([unit.agencyId]);
    const list = (await server.get(`/api/v1/reports?rating=unsatisfied&ratedFrom=${FROM}&ratedTo=${TO}&agencyId=${unit.agencyId}&limit=500`)).body as { total: number };
    expect(list.total).toBe(unit.unsatisfied);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const res = await server.get(`/api/v1/stats/satisfaction?from=${TO}&to=${FROM}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_input', issues: [{ path: 'to' }] });
    expect((await server.get('/api/v1/stats/satisfaction?from=yesterday')).body).toMatchObject({ issues: [{ path: 'from' }] });
  });
});

describe('GET /api/v1/stats/satisfaction/disputes', () => {
  it('lists every dispute of the period once, newest first, through the pages, with its state', async () => {
    const o = oracle(FROM, TO);
    const seen: DisputeItem[] = [];
    let cursor: string | null = null;
    do {
      const res = await server.get(`/api/v1/stats/satisfaction/disputes?from=${FROM}&to=${TO}&limit=37${cursor ? `&cursor=${cursor}` : ''}`);
      const page = disputeListResponse.parse(res.body);
      expect(page.total).toBe(o.disputes);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(o.disputes);
    const key = (reportId: number, at: number) => `${reportId}@${at}`;
    expect(seen.map((d) => key(d.report.id, Date.parse(d.dispute.at))).sort()).toEqual(o.disputeList.map((d) => key(d.reportId, d.at)).sort());
    const ats = seen.map((d) => d.dispute.at);
    expect(ats).toEqual([...ats].sort().reverse());
    for (const d of seen) {
      const od = o.disputeList.find((x) => x.reportId === d.report.id && x.at === Date.parse(d.dispute.at));
      const inTime = od?.answeredAt !== null && od?.answeredAt !== undefined && od.answeredAt <= od.deadline;
      expect(d.dispute.state === 'answered_in_time').toBe(inTime);
      expect(d.dispute.agencyId).toBe(od?.agencyId);
      expect(d.report).not.toHaveProperty('reporter');
    }
  });

  it('answers the same from the memory store (the demo and component tests)', async () => {
    const memory = createMemoryStore({ days: 0, now: () => NOW });
    for (let i = 0; i < inputs.length; i += 1000) {
      let batch = inputs.slice(i, i + 1000).map((x) => eventInput.parse(x) as EventInput);
      for (;;) {
        try {
          memory.ingest(batch, NOW);
          break;
        } catch (err) {
          if (!(err instanceof MockIngestError)) throw err;
          batch = batch.filter((_, j) => j !== err.index);
        }
      }
    }
    const { satisfactionFor, disputeList } = await import('../../src/shared/domain/scoring/satisfaction');
    const q = { from: FROM, to: TO };
    expect(satisfactionFor(memory.satisfaction, q, NOW)).toEqual((await server.get(`/api/v1/stats/satisfaction?from=${FROM}&to=${TO}`)).body);
    expect(disputeList(memory.satisfaction, { ...q, limit: 20 }, NOW)).toEqual((await server.get(`/api/v1/stats/satisfaction/disputes?from=${FROM}&to=${TO}&limit=20`)).body);
  });
});
