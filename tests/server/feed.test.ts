/**
 * The live feed's endpoints: GET /api/v1/events (backfill, newest first) and GET /api/v1/reports/due-soon (the
 * open reports whose due date falls in a window, for the client's overdue timers). Expected answers come from
 * other endpoints of the API (the log via the live stream, the full list via paging), not from the queries
 * under test; the MSW mock must answer identically.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { reportListResponse } from '../../src/shared/contract/api';
import { openStatuses } from '../../src/shared/contract/common';
import type { Report } from '../../src/shared/contract/report';
import { dueSoonResponse, feedResponse } from '../../src/shared/contract/feed';
import { seedHistory } from '../../src/server/demo/seed';
import { createHandlers } from '../../mocks/handlers';
import { createMemoryStore } from '../../mocks/memory-store';
import { created, later, reference } from './fixtures';
import { INGEST_TOKEN, liveClient, NOW, OPERATOR_TOKEN, startTestServer, waitFor, type TestServer } from './harness';

const SEED = 7;
const DAYS = 25;
const MOCK_ORIGIN = 'http://feed.mock';

let s: TestServer;

beforeAll(async () => {
  s = await startTestServer({ now: NOW });
  seedHistory(s.store, { seed: SEED, now: NOW, days: DAYS });
}, 120_000);
afterAll(async () => {
  await s?.close();
});

/** Every open report, read through the public list endpoint page by page (the oracle for due-soon). */
async function allOpenReports(): Promise<Report[]> {
  const out: Report[] = [];
  let cursor: string | null = null;
  do {
    const path: string = `/api/v1/reports?status=${openStatuses.join(',')}&limit=500${cursor ? `&cursor=${cursor}` : ''}`;
    const page = reportListResponse.parse((await s.get(path)).body);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return out;
}

describe('GET /api/v1/events (feed backfill)', () => {
  it('returns the newest events newest first, stamped with the log head, as the stream replays them', async () => {
    const res = await s.get('/api/v1/events?limit=50');
    expect(res.status).toBe(200);
    const feed = feedResponse.parse(res.body);
    expect(feed.items).toHaveLength(50);
    expect(feed.seq).toBe(s.store.latestSeq());
    // oracle: what a live client is replayed for the same range, reversed
    const client = await liveClient(s.url);
    try {
      await client.subscribe(feed.seq - 50);
      await waitFor(() => client.events.length >= 50, 5000, 'replay');
      const replayed = client.events.map((e) => ({ seq: e.seq, type: e.type, reportId: e.reportId, at: e.at }));
      expect(feed.items.map((e) => ({ seq: e.seq, type: e.type, reportId: e.reportId, at: e.at }))).toEqual(replayed.reverse());
    } finally {
      client.close();
    }
    // each item carries its report's public fields, and the report is the one the event is about
    for (const e of feed.items) expect(e.report.id).toBe(e.reportId);
  });

  it('pages back with `before` without gaps or overlaps', async () => {
    const first = feedResponse.parse((await s.get('/api/v1/events?limit=30')).body);
    const last = first.items.at(-1);
    expect(last).toBeDefined();
    const next = feedResponse.parse((await s.get(`/api/v1/events?limit=30&before=${last?.seq}`)).body);
    const seqs = [...first.items, ...next.items].map((e) => e.seq);
    const head = first.seq;
    expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => head - i));
  });

  it('never carries reporter identity, even to an operator', async () => {
    const input = created({ reporter: { name: 'Hồ Thị Kín Đáo', phone: '0912 777 888' }, at: NOW.toISOString() });
    expect((await s.ingest(input)).status).toBe(201);
    for (const token of [undefined, OPERATOR_TOKEN]) {
      const res = await s.get('/api/v1/events?limit=5', token);
      expect(res.text).toContain(input.externalId);
      expect(res.text).not.toContain('Kín Đáo');
      expect(res.text).not.toContain('777');
    }
  });

  it('refuses bad input naming the field', async () => {
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['limit=abc', 'limit'],
      ['before=-3', 'before'],
      ['before=x', 'before'],
    ] as const) {
      const res = await s.get(`/api/v1/events?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error).toBe('invalid_input');
      expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(field);
    }
  });
});

describe('GET /api/v1/reports/due-soon (overdue timers)', () => {
  it('returns exactly the open reports due in the window, soonest first (oracle: the full open list)', async () => {
    const res = await s.get('/api/v1/reports/due-soon?within=72h&limit=1000');
    expect(res.status).toBe(200);
    const due = dueSoonResponse.parse(res.body);
    expect(due.truncated).toBe(false);
    expect(due.asOf).toBe(NOW.toISOString());
    expect(due.until).toBe(new Date(NOW.getTime() + 72 * 3_600_000).toISOString());
    const open = await allOpenReports();
    const expected = open
      .filter((r) => r.dueAt !== null && Date.parse(r.dueAt) > NOW.getTime() && Date.parse(r.dueAt) <= NOW.getTime() + 72 * 3_600_000)
      .sort((a, b) => Date.parse(a.dueAt ?? '') - Date.parse(b.dueAt ?? '') || a.id - b.id)
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(3);
    expect(due.items.map((r) => r.id)).toEqual(expected);
  });

  it('when the limit cuts the list, `until` says how far it is complete and never splits a due instant', async () => {
    const full = dueSoonResponse.parse((await s.get('/api/v1/reports/due-soon?within=30d&limit=1000')).body);
    expect(full.items.length).toBeGreaterThan(5);
    for (const limit of [1, 2, 3, 5]) {
      const cut = dueSoonResponse.parse((await s.get(`/api/v1/reports/due-soon?within=30d&limit=${limit}`)).body);
      expect(cut.truncated).toBe(true);
      const until = Date.parse(cut.until);
      // complete up to `until`: every report of the full answer due by then is here, and nothing later
      const expected = full.items.filter((r) => Date.parse(r.dueAt ?? '') <= until).map((r) => r.id);
      expect(cut.items.map((r) => r.id), `limit ${limit}`).toEqual(expected);
      expect(cut.items.length).toBeGreaterThan(0);
    }
  });

  it('reports sharing one due instant come as one group even past the limit', async () => {
    const t = await startTestServer({ now: NOW });
    try {
      const { agency } = reference();
      // five reports received the same day with the same SLA share one due instant (end of a working day)
      const inputs = Array.from({ length: 5 }, () => created({ at: NOW.toISOString() }));
      expect((await t.ingest(inputs)).status).toBe(201);
      const due = dueSoonResponse.parse((await t.get('/api/v1/reports/due-soon?within=30d&limit=2')).body);
      expect(due.items).toHaveLength(5);
      expect(new Set(due.items.map((r) => r.dueAt)).size).toBe(1);
      expect(due.until).toBe(due.items[0]?.dueAt);
      // a resolved one leaves the set; an extension moves it
      const [a, b] = inputs;
      const moved = await t.ingest([
        later(a?.externalId ?? '', 'assigned', { agencyId: agency.id }, NOW.toISOString()),
        later(a?.externalId ?? '', 'started', {}, NOW.toISOString()),
        later(a?.externalId ?? '', 'resolved', { resultText: 'Đã thu gom' }, NOW.toISOString()),
        later(b?.externalId ?? '', 'assigned', { agencyId: agency.id }, NOW.toISOString()),
        later(b?.externalId ?? '', 'extended', { dueAt: new Date(NOW.getTime() + 20 * 86_400_000).toISOString(), reason: 'Chờ vật tư' }, NOW.toISOString()),
      ]);
      expect(moved.status, JSON.stringify(moved.body)).toBe(201);
      const after = dueSoonResponse.parse((await t.get('/api/v1/reports/due-soon?within=30d&limit=10')).body);
      expect(after.items).toHaveLength(4);
      expect(after.items.at(-1)?.externalId).toBe(b?.externalId);
      expect(after.items.some((r) => r.externalId === a?.externalId)).toBe(false);
    } finally {
      await t.close();
    }
  });

  it('refuses bad windows naming the field', async () => {
    for (const query of ['within=0', 'within=40d', 'within=soon', 'within=-2h', 'limit=0', 'limit=5000']) {
      const res = await s.get(`/api/v1/reports/due-soon?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(query.split('=')[0]);
    }
  });
});

describe('the MSW mock answers the feed endpoints like the server', () => {
  const paths = [
    '/api/v1/events?limit=40',
    '/api/v1/events?limit=25&before=100',
    '/api/v1/events?limit=0',
    '/api/v1/reports/due-soon',
    '/api/v1/reports/due-soon?within=90m',
    '/api/v1/reports/due-soon?within=3d&limit=4',
    '/api/v1/reports/due-soon?within=2d&limit=1000',
    '/api/v1/reports/due-soon?within=nope',
  ];
  // recordedAt is when each store received the event: legitimately its own clock
  const normalise = (body: unknown) => JSON.parse(JSON.stringify(body).replace(/"recordedAt":"[^"]*"/g, '"recordedAt":"-"')) as unknown;

  it('for the same seeded scenario and clock', async () => {
    const real = await startTestServer({ now: NOW });
    const serverAnswers: { status: number; body: unknown }[] = [];
    try {
      seedHistory(real.store, { seed: SEED, now: NOW, days: DAYS });
      for (const p of paths) {
        const r = await real.get(p);
        serverAnswers.push({ status: r.status, body: r.body });
      }
    } finally {
      await real.close();
    }
    const store = createMemoryStore({ seed: SEED, days: DAYS, now: () => NOW });
    const msw = setupServer(...createHandlers(store, { ingestToken: INGEST_TOKEN, operatorToken: OPERATOR_TOKEN }));
    msw.listen({ onUnhandledRequest: 'error' });
    try {
      for (const [i, p] of paths.entries()) {
        const res = await fetch(`${MOCK_ORIGIN}${p}`);
        const body: unknown = await res.json();
        expect(res.status, p).toBe(serverAnswers[i]?.status);
        expect(normalise(body), p).toEqual(normalise(serverAnswers[i]?.body));
      }
    } finally {
      msw.close();
    }
    expect(serverAnswers.filter((a) => a.status === 200).length).toBe(6);
  }, 120_000);
});
