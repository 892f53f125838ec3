import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistory } from '../../mocks/scenario/history';
import { createMemoryStore } from '../../mocks/memory-store';
import type { ReportFilter } from '../../src/shared/contract/api';
import { openStatuses } from '../../src/shared/contract/common';
import type { EventInput, StoredEvent } from '../../src/shared/contract/event';
import { closedSince, decodeMapPoints, districtStatsQuery, mapPointOf, mapPointsQuery, mapPointsResponse, districtStatsResponse } from '../../src/shared/contract/map';
import type { Report } from '../../src/shared/contract/report';
import { matchesFilter } from '../../src/shared/domain/filter';
import { foldText } from '../../src/shared/domain/text';
import { isOverdue } from '../../src/shared/domain/timeliness';
import { replay } from '../../src/shared/domain/workflow';
import { createApp } from '../../src/server/app';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import { created, later } from './fixtures';
import { NOW, startTestServer, type TestServer } from './harness';

let s: TestServer;
let all: Report[];
let log: StoredEvent[];
const inputs: EventInput[] = [];

/** The oracle: the list's reference semantics (matchesFilter) plus "open, or closed in the period", written out from the log. */
function expectedIds(params: Record<string, string>): number[] {
  const { period, ...filter } = mapPointsQuery.parse(params);
  const since = closedSince(period, NOW)?.getTime() ?? Infinity;
  const rejectedAt = new Map<number, number>();
  for (const e of log) if (e.type === 'rejected') rejectedAt.set(e.reportId, Date.parse(e.at));
  return all
    .filter((r) => {
      const closedAt = r.status === 'resolved' ? Date.parse(r.resolvedAt ?? '') : r.status === 'rejected' ? (rejectedAt.get(r.id) ?? NaN) : NaN;
      const inScope = openStatuses.includes(r.status) || closedAt >= since;
      return inScope && matchesFilter(r, filter as ReportFilter, NOW);
    })
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

const qs = (params: Record<string, string>) => new URLSearchParams(params).toString();

async function points(params: Record<string, string>) {
  const res = await s.get(`/api/v1/map/points?${qs(params)}`);
  expect(res.status, res.text).toBe(200);
  return mapPointsResponse.parse(res.body);
}

beforeAll(async () => {
  s = await startTestServer();
  for (const e of createHistory({ seed: 11, end: NOW, days: 15 }).events()) inputs.push(e);
  for (let i = 0; i < inputs.length; i += 1000) expect((await s.ingest(inputs.slice(i, i + 1000))).status).toBe(201);
  // a report rejected the day before NOW, and one rejected long ago: the period decides which is shown
  for (const [ext, at] of [
    ['MAP-REJ-RECENT', '2024-03-14T03:00:00.000Z'],
    ['MAP-REJ-OLD', '2024-02-20T03:00:00.000Z'],
  ] as const) {
    const c = created({ externalId: ext, at, title: `Phản ánh trùng lặp ${ext}` });
    const r = later(ext, 'rejected', { reason: 'Trùng lặp' }, new Date(Date.parse(at) + 3_600_000).toISOString());
    expect((await s.ingest([c, r])).status).toBe(201);
    inputs.push(c as unknown as EventInput, r as unknown as EventInput);
  }
  log = [...s.store.allEvents()];
  all = [...replay(log).values()];
});
afterAll(async () => {
  await s?.close();
});

describe('GET /api/v1/map/points', () => {
  it('has a scenario with open, overdue, resolved and rejected reports', () => {
    expect(all.length).toBeGreaterThan(400);
    expect(all.filter((r) => isOverdue(r, NOW)).length).toBeGreaterThan(5);
    expect(all.filter((r) => r.status === 'resolved').length).toBeGreaterThan(20);
    expect(all.filter((r) => r.status === 'rejected').length).toBeGreaterThan(5);
  });

  it('returns exactly the reports of the filter (matchesFilter) that are open or closed in the period', async () => {
    const sample = all[Math.floor(all.length / 2)] as Report;
    const assigned = all.find((r) => r.agencyId !== null && openStatuses.includes(r.status)) as Report;
    const word = foldText(sample.title).split(' ').find((w) => w.length > 3) ?? 'duong';
    const cases: Record<string, string>[] = [
      {},
      { period: 'none' },
      { period: '1d' },
      { period: '30d' },
      { period: '90d' },
      { status: 'resolved' },
      { status: 'rejected', period: '30d' },
      { status: 'received,assigned' },
      { overdue: 'true' },
      { overdue: 'false', period: '30d' },
      { agencyId: assigned.agencyId ?? '' },
      { categoryId: sample.categoryId },
      { districtCode: sample.districtCode ?? '474' },
      { from: '2024-03-10T00:00:00+07:00', to: '2024-03-14T00:00:00Z' },
      { q: word },
      { q: 'rác thải' },
      { q: 'RAC THAI' },
      { q: 'no-such-text-anywhere' },
      { overdue: 'true', districtCode: '474', categoryId: sample.categoryId },
    ];
    for (const c of cases) {
      const res = await points(c);
      const got = decodeMapPoints(res);
      const want = expectedIds(c);
      expect(got.map((p) => p.id), JSON.stringify(c)).toEqual(want);
      expect(res.count, JSON.stringify(c)).toBe(want.length);
    }
  });

  it('the scope is open + closed in the period: a report rejected yesterday shows with 7 days, not with none; one rejected weeks ago never', async () => {
    const id = (ext: string) => all.find((r) => r.externalId === ext)?.id;
    const recent = id('MAP-REJ-RECENT');
    const old = id('MAP-REJ-OLD');
    const ids7 = decodeMapPoints(await points({})).map((p) => p.id);
    expect(ids7).toContain(recent);
    expect(ids7).not.toContain(old);
    expect(decodeMapPoints(await points({ period: 'none' })).map((p) => p.id)).not.toContain(recent);
    expect(decodeMapPoints(await points({ period: '30d' })).map((p) => p.id)).toContain(old);
  });

  it('with only open statuses asked for, its count equals the list total for the same filter', async () => {
    for (const extra of [{}, { overdue: 'true' }, { districtCode: '474' }, { q: 'rác' }] as Record<string, string>[]) {
      const filter = { status: openStatuses.join(','), ...extra };
      const list = await s.get(`/api/v1/reports?${qs({ ...filter, limit: '1' })}`);
      expect((await points(filter)).count, JSON.stringify(extra)).toBe(list.body.total);
    }
  });

  it('carries each report’s position, status, category, unit, district and times, and the seq of the snapshot', async () => {
    const res = await points({ period: '90d' });
    expect(res.seq).toBe(s.store.latestSeq());
    expect(res.asOf).toBe(NOW.toISOString());
    const byId = new Map(all.map((r) => [r.id, r]));
    for (const p of decodeMapPoints(res)) {
      const want = mapPointOf(byId.get(p.id) as Report);
      // 1e-5 degree is about a metre
      expect(Math.abs(p.lat - want.lat)).toBeLessThanOrEqual(0.5e-5 + 1e-9);
      expect(Math.abs(p.lng - want.lng)).toBeLessThanOrEqual(0.5e-5 + 1e-9);
      expect({ ...p, lat: 0, lng: 0 }).toEqual({ ...want, lat: 0, lng: 0 });
    }
  });

  it('is compact: integer columns only, gzip when asked for, and no report text anywhere', async () => {
    const res = await fetch(`${s.url}/api/v1/map/points?period=90d`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    const raw = Buffer.from(await res.arrayBuffer());
    // fetch decodes gzip transparently; ask node's http layer-less view through the header
    expect(res.headers.get('content-type')).toContain('application/json');
    const text = raw.toString('utf8');
    const body = mapPointsResponse.parse(JSON.parse(text));
    expect(body.count).toBeGreaterThan(100);
    const sample = all.find((r) => body.count > 0 && r.title.length > 10) as Report;
    expect(text).not.toContain(sample.title);
    // under 60 bytes a point before compression
    expect(text.length / body.count).toBeLessThan(60);

    const zipped = await new Promise<{ encoding: string | undefined; bytes: Buffer }>((resolve, reject) => {
      void import('node:http').then(({ get }) =>
        get(`${s.url}/api/v1/map/points?period=90d`, { headers: { 'accept-encoding': 'gzip' } }, (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve({ encoding: r.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
        }).on('error', reject),
      );
    });
    expect(zipped.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.bytes).toString('utf8'))).toEqual(body);
    expect(zipped.bytes.length).toBeLessThan(text.length / 2);
  });

  it('refuses bad parameters with the field named', async () => {
    for (const [query, path] of [
      ['period=2w', 'period'],
      ['status=open', 'status'],
      ['overdue=yes', 'overdue'],
      ['from=yesterday', 'from'],
    ]) {
      const res = await s.get(`/api/v1/map/points?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.issues.map((i: { path: string }) => i.path.split('.')[0])).toContain(path);
    }
  });
});

describe('GET /api/v1/stats/districts', () => {
  it('counts open and overdue reports per district, as the filter oracle does, every district listed', async () => {
    const codes = s.store.meta().districts.map((d) => d.code);
    for (const params of [{}, { categoryId: all[3]?.categoryId ?? '' }, { q: 'rác' }, { overdue: 'true' }, { status: 'received' }] as Record<string, string>[]) {
      const res = await s.get(`/api/v1/stats/districts?${qs(params)}`);
      expect(res.status, res.text).toBe(200);
      const body = districtStatsResponse.parse(res.body);
      const filter = districtStatsQuery.parse(params) as ReportFilter;
      const open = all.filter((r) => openStatuses.includes(r.status) && matchesFilter(r, filter, NOW));
      expect(body.districts.slice(0, codes.length).map((d) => d.code)).toEqual(codes);
      for (const d of body.districts) {
        const here = open.filter((r) => r.districtCode === d.code);
        expect({ code: d.code, open: d.open, overdue: d.overdue }, JSON.stringify(params)).toEqual({
          code: d.code,
          open: here.length,
          overdue: here.filter((r) => isOverdue(r, NOW)).length,
        });
      }
      expect(body.districts.reduce((n, d) => n + d.open, 0)).toBe(open.length);
      expect(body.seq).toBe(s.store.latestSeq());
    }
    expect((await s.get('/api/v1/stats/districts?overdue=maybe')).status).toBe(400);
  });
});

describe('the MSW twin', () => {
  it('answers map points and district stats exactly like the server for the same events', async () => {
    const mem = createMemoryStore({ days: 0, now: () => NOW });
    for (let i = 0; i < inputs.length; i += 1000) mem.ingest(inputs.slice(i, i + 1000), NOW);
    expect(mem.latestSeq()).toBe(s.store.latestSeq());
    for (const params of [{}, { period: '30d' }, { overdue: 'true' }, { q: 'rác thải', period: 'none' }] as Record<string, string>[]) {
      expect(mem.mapPoints(mapPointsQuery.parse(params), NOW), JSON.stringify(params)).toEqual((await points(params)));
      // the district aggregate takes the report filter only: `period` is the map's (an unknown parameter is a 400)
      const { period: _period, ...filter } = params;
      expect(mem.districtStats(districtStatsQuery.parse(filter) as ReportFilter, NOW)).toEqual((await s.get(`/api/v1/stats/districts?${qs(filter)}`)).body);
    }
  });
});

describe('GET /api/v1/config', () => {
  it('has no tile layer unless MAP_TILE_URL is set, and refuses a template without {z}/{x}/{y}', async () => {
    expect((await s.get('/api/v1/config')).body).toEqual({ mapTiles: null });
    const store = openSqliteStore(':memory:');
    const config = { host: '127.0.0.1', port: 0, ingestToken: 'i', operatorToken: 'o', liveBatchMs: 50 };
    const env = { MAP_TILE_URL: 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© Sở TT&TT Huế' };
    const saved = { ...process.env };
    try {
      Object.assign(process.env, env);
      const app = createApp({ store, clock: () => NOW, config, staticDir: s.dir });
      const res = await app.fastify.inject({ method: 'GET', url: '/api/v1/config' });
      expect(res.json()).toEqual({ mapTiles: { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION, maxZoom: 18 } });
      await app.close();
      process.env.MAP_TILE_URL = 'http://127.0.0.1:9/tiles.png';
      expect(() => createApp({ store, clock: () => NOW, config, staticDir: s.dir })).toThrow(/MAP_TILE_URL/);
    } finally {
      process.env = saved;
      store.close();
    }
  });
});
