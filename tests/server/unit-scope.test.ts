import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { createHistory } from '../../mocks/scenario/history';
import type { LiveEvent } from '../../src/shared/contract/event';
import type { Report } from '../../src/shared/contract/report';
import type { LiveSubscribed } from '../../src/shared/contract/socket';
import { login, makeDisplayToken, makeUser } from './auth-support';
import { created, later } from './fixtures';
import { NOW, OPERATOR_TOKEN, startTestServer, waitFor, type LiveSocket, type TestServer } from './harness';

// A unit head sees their own unit (docs/decisions/0011). The oracle is independent of the server's scoping: the
// operator's unscoped answers, filtered here by the report's handling unit (lead or coordinating).

let s: TestServer;
let unit: string;
let other: string;
let head: string;

const mine = (r: Pick<Report, 'agencyId' | 'coordinatingAgencyIds'>, a = unit) => r.agencyId === a || r.coordinatingAgencyIds.includes(a);

async function as(who: 'head' | 'operator', path: string) {
  const headers: Record<string, string> = who === 'head' ? { cookie: head } : { authorization: `Bearer ${OPERATOR_TOKEN}` };
  const res = await fetch(`${s.url}${path}`, { headers });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
}

/** Every report of a list, following the cursor. */
async function allReports(who: 'head' | 'operator', query = ''): Promise<Report[]> {
  const out: Report[] = [];
  let cursor: string | null = null;
  do {
    const res = await as(who, `/api/v1/reports?limit=500${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    out.push(...(res.body.items as Report[]));
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  s = await startTestServer({ publicView: false });
  const events = [...createHistory({ seed: 31, end: NOW, days: 30 }).events()];
  for (let i = 0; i < events.length; i += 1000) s.store.ingest(events.slice(i, i + 1000), NOW);
  const counts = new Map<string, number>();
  for (const e of events) if (e.type === 'assigned') counts.set(e.agencyId, (counts.get(e.agencyId) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([a]) => a);
  unit = ranked[0] as string;
  other = ranked[1] as string;
  await makeUser(s.store, 'truong.phong', 'unit_head', unit);
  head = await login(s.url, 'truong.phong');
}, 60_000);
afterAll(() => s?.close());

describe('a unit head’s lists and figures', () => {
  it('the report list is exactly the unit’s reports (the operator’s list, filtered here)', async () => {
    const everything = await allReports('operator');
    const expected = everything.filter((r) => r.agencyId === unit).map((r) => r.id).sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(20);
    const got = (await allReports('head')).map((r) => r.id).sort((a, b) => a - b);
    expect(got).toEqual(expected);
    // asking for their own unit is the same answer; another unit is refused, not silently narrowed
    expect((await allReports('head', `&agencyId=${unit}`)).length).toBe(expected.length);
    expect((await as('head', `/api/v1/reports?agencyId=${other}`)).status).toBe(403);
    expect((await as('head', `/api/v1/reports?agencyIds=${unit},${other}`)).status).toBe(403);
  });

  it('a report of another unit does not exist for them; their own opens without the reporter', async () => {
    const everything = await allReports('operator');
    const foreign = everything.find((r) => !mine(r)) as Report;
    const own = everything.find((r) => r.agencyId === unit) as Report;
    expect((await as('head', `/api/v1/reports/${foreign.id}`)).status).toBe(404);
    const detail = await as('head', `/api/v1/reports/${own.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.reporter).toBeUndefined();
    const operator = await as('operator', `/api/v1/reports/${own.id}`);
    expect(operator.body.reporter).toBeDefined();
  });

  it('unit figures are forced to their unit; province-wide ones are refused', async () => {
    const period = 'from=2024-02-15T00:00:00Z&to=2024-03-15T00:00:00Z';
    const kpis = await as('head', `/api/v1/stats/kpis?${period}`);
    expect(kpis.status).toBe(200);
    expect(kpis.body).toEqual((await as('operator', `/api/v1/stats/kpis?${period}&agencyId=${unit}`)).body);
    expect(kpis.body).not.toEqual((await as('operator', `/api/v1/stats/kpis?${period}`)).body);
    expect((await as('head', `/api/v1/stats/kpis?${period}&agencyId=${other}`)).status).toBe(403);
    const agencies = await as('head', `/api/v1/stats/agencies?${period}`);
    expect(agencies.body).toEqual((await as('operator', `/api/v1/stats/agencies?${period}&agencyId=${unit}`)).body);
    expect((agencies.body.agencies as { agencyId: string | null }[]).map((i) => i.agencyId)).toEqual([unit]);
    const queue = await as('head', '/api/v1/overdue-queue?limit=500');
    expect(queue.body).toEqual((await as('operator', `/api/v1/overdue-queue?limit=500&agencyId=${unit}`)).body);
    expect((queue.body.items as { report: Report }[]).every((i) => i.report.agencyId === unit)).toBe(true);
    const sat = await as('head', `/api/v1/stats/satisfaction?${period}`);
    expect(sat.body).toEqual((await as('operator', `/api/v1/stats/satisfaction?${period}&agencyId=${unit}`)).body);
    for (const path of ['/api/v1/stats/summary', `/api/v1/stats/breakdown?${period}&by=agency`, `/api/v1/stats/hotspots?${period}`, '/api/v1/stats/districts', '/api/v1/map/points']) {
      expect((await as('head', path)).status, path).toBe(403);
    }
    // rankings are everyone's public figures
    expect((await as('head', '/api/v1/rankings')).status).toBe(200);
  });

  it('the feed and the due-soon timers hold only their unit’s reports', async () => {
    const feed = await as('head', '/api/v1/events?limit=200');
    const all = await as('operator', '/api/v1/events?limit=200');
    expect(feed.body.items.map((e: LiveEvent) => e.seq)).toEqual(all.body.items.filter((e: LiveEvent) => mine(e.report)).map((e: LiveEvent) => e.seq));
    const due = await as('head', '/api/v1/reports/due-soon?within=31d&limit=1000');
    const dueAll = await as('operator', '/api/v1/reports/due-soon?within=31d&limit=1000');
    expect(due.body.items.map((r: Report) => r.id)).toEqual(dueAll.body.items.filter((r: Report) => mine(r)).map((r: Report) => r.id));
    expect(due.body.items.length).toBeGreaterThan(0);
  });
});

function socket(auth: { cookie?: string; token?: string }) {
  const sock: LiveSocket = connect(s.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(auth.token ? { auth: { token: auth.token } } : {}),
    ...(auth.cookie ? { extraHeaders: { cookie: auth.cookie } } : {}),
  });
  const events: LiveEvent[] = [];
  const subscribed: LiveSubscribed[] = [];
  const disconnects: string[] = [];
  sock.on('report:events', (b) => events.push(...b));
  sock.on('live:subscribed', (i) => subscribed.push(i));
  sock.on('disconnect', (reason) => disconnects.push(reason));
  return { sock, events, subscribed, disconnects };
}

describe('a unit head’s live stream', () => {
  it('replays and streams only their unit’s events, and says it is scoped', async () => {
    const since = s.store.latestSeq() - 3000;
    const h = socket({ cookie: head });
    const op = socket({ token: OPERATOR_TOKEN });
    for (const c of [h, op]) c.sock.on('connect', () => c.sock.emit('live:subscribe', { since }));
    await waitFor(() => h.subscribed.length === 1 && op.subscribed.length === 1, 5000, 'subscriptions');
    expect(h.subscribed[0]).toEqual({ since, seq: s.store.latestSeq(), scope: { agencyId: unit } });
    expect(op.subscribed[0]?.scope).toBeUndefined();
    expect(op.events.length).toBe(3000);
    const expected = op.events.filter((e) => mine(e.report)).map((e) => e.seq);
    expect(expected.length).toBeGreaterThan(10);
    expect(h.events.map((e) => e.seq)).toEqual(expected);

    // live: a new report for their unit and one for another unit
    const a = created({ at: '2024-03-15T06:00:00.000Z' });
    const b = created({ at: '2024-03-15T06:00:00.000Z' });
    const res = await s.ingest([a, b, later(a.externalId, 'assigned', { agencyId: unit }, '2024-03-15T06:10:00.000Z'), later(b.externalId, 'assigned', { agencyId: other }, '2024-03-15T06:10:00.000Z')]);
    expect(res.status).toBe(201);
    const headSeq = s.store.latestSeq();
    await waitFor(() => op.events.at(-1)?.seq === headSeq, 5000, 'the operator stream');
    await new Promise((r) => setTimeout(r, 100));
    const fresh = op.events.filter((e) => e.seq > (h.subscribed[0]?.seq ?? 0));
    expect(fresh).toHaveLength(4);
    expect(h.events.filter((e) => e.seq > (h.subscribed[0]?.seq ?? 0)).map((e) => e.seq)).toEqual(fresh.filter((e) => mine(e.report)).map((e) => e.seq));
    expect(h.events.filter((e) => e.seq > (h.subscribed[0]?.seq ?? 0))).toHaveLength(2);
    h.sock.close();
    op.sock.close();
  });

  it('sockets whose session ended are disconnected, and cannot come back', async () => {
    await makeUser(s.store, 'truong.tam', 'unit_head', unit);
    const cookie = await login(s.url, 'truong.tam');
    const { token, record } = makeDisplayToken(s.store, 'tường thử');
    const h = socket({ cookie });
    const d = socket({ token });
    for (const c of [h, d]) c.sock.on('connect', () => c.sock.emit('live:subscribe', { since: s.store.latestSeq() }));
    await waitFor(() => h.subscribed.length === 1 && d.subscribed.length === 1, 5000, 'subscriptions');
    expect((await fetch(`${s.url}/api/v1/session`, { method: 'DELETE', headers: { cookie } })).status).toBe(204);
    s.store.auth.revokeDisplayToken(String(record.id), NOW);
    // the next broadcast (or the periodic check) drops both
    await new Promise((r) => setTimeout(r, 1100));
    const c = created({ at: '2024-03-15T06:20:00.000Z' });
    expect((await s.ingest([c, later(c.externalId, 'assigned', { agencyId: unit }, '2024-03-15T06:25:00.000Z')])).status).toBe(201);
    await waitFor(() => h.disconnects.length === 1 && d.disconnects.length === 1, 7000, 'disconnects');
    expect([h.disconnects[0], d.disconnects[0]]).toEqual(['io server disconnect', 'io server disconnect']);
    expect(h.events.filter((e) => e.seq > (h.subscribed[0]?.seq ?? 0))).toEqual([]);
    for (const again of [socket({ cookie }), socket({ token })]) {
      const refusal = await new Promise<string>((resolve) => again.sock.on('connect_error', (err) => resolve(err.message)));
      expect(refusal).toBe('unauthenticated');
      again.sock.close();
    }
  });
});
