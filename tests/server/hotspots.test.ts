import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/shared/contract/report';
import { hotspotsResponse, type Hotspot } from '../../src/shared/contract/hotspots';
import { replay } from '../../src/shared/domain/workflow';
import { created, later, reference } from './fixtures';
import { NOW, startTestServer, type TestServer } from './harness';
import { inRange, qs } from './stats-oracle';

// A small scenario with planted repeats and scattered noise; hotspot membership is checked against connected
// components found by testing every pair of reports (its own haversine, no grid).
const DAY = 86_400_000;
const M_PER_DEG = 111_195;
let s: TestServer;
let all: Report[];
const { ref, agency, ward } = reference();
const [catA, catB] = [ref.categories[0]?.id as string, ref.categories[1]?.id as string];
const base = { lat: ward.lat, lng: ward.lng };
const at = (daysBeforeNow: number) => new Date(NOW.getTime() - daysBeforeNow * DAY).toISOString();
const offset = (north: number, east: number) => ({
  lat: Number((base.lat + north / M_PER_DEG).toFixed(7)),
  lng: Number((base.lng + east / (M_PER_DEG * Math.cos((base.lat * Math.PI) / 180))).toFixed(7)),
});

function report(categoryId: string, daysAgo: number, north: number, east: number, then: 'open' | 'resolved' | 'rejected' = 'open', resolveAfterDays = 3) {
  const c = created({ categoryId, at: at(daysAgo), ...offset(north, east), title: `Điểm nóng thử ${categoryId} ${daysAgo}` });
  const t = (d: number) => at(daysAgo - d);
  if (then === 'rejected') return [c, later(c.externalId, 'rejected', { reason: 'trùng lặp' }, t(0.01))];
  if (then === 'open') return [c];
  return [
    c,
    later(c.externalId, 'assigned', { agencyId: agency.id }, t(0.05)),
    later(c.externalId, 'started', {}, t(0.1)),
    later(c.externalId, 'resolved', { resultText: 'Đã xử lý xong' }, t(resolveAfterDays)),
  ];
}

/** deterministic noise: a small LCG, so the scenario is the same on every run */
function* noise(n: number) {
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < n; i++) {
    const category = next() < 0.5 ? catA : catB;
    const daysAgo = 1 + Math.floor(next() * 80);
    const [north, east] = [(next() - 0.5) * 3000, (next() - 0.5) * 3000];
    const after = 1 + Math.floor(next() * 5);
    // only what has happened by now can be resolved
    yield report(category, daysAgo, north, east, next() < 0.5 && after < daysAgo ? 'resolved' : 'open', after);
  }
}

beforeAll(async () => {
  s = await startTestServer();
  const planted = [
    // A: fixed on day -37, back three times within ~30 m (a chain: 0 → 15 → 30 → 40 m north)
    report(catA, 40, 0, 0, 'resolved', 3),
    report(catA, 30, 15, 0),
    report(catA, 20, 30, 0, 'resolved', 2),
    report(catA, 10, 40, 5),
    // the same spot, another category: its own hotspot, never merged with A
    report(catB, 39, 2, 2),
    report(catB, 33, 5, -3),
    report(catB, 31, -4, 1, 'resolved', 1),
    // B: 500 m east, three reports in ten days, plus a rejected one that must not count
    report(catA, 15, 0, 500),
    report(catA, 12, 10, 510),
    report(catA, 6, -12, 495, 'resolved', 1),
    report(catA, 7, 0, 505, 'rejected'),
    // a pair only (a hotspot with minCount 2)
    report(catA, 25, 0, -900),
    report(catA, 24, 20, -900),
    // A's place 70 days before A's first report: outside a 60-day window of every A member
    report(catA, 110, 10, 0),
  ];
  const events = [...planted, ...noise(80)].flat();
  // time order, as a platform would send them
  events.sort((a, b) => String(a.at).localeCompare(String(b.at)));
  const res = await s.ingest(events);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  all = [...replay(s.store.allEvents()).values()];
});
afterAll(async () => {
  await s.close();
});

function haversine(a: Report, b: Report): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lng - a.lng) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

function bruteForce(p: { from: string; to: string; radius: number; minCount: number; windowDays: number; categoryId?: string }) {
  const pool = all.filter((r) => r.status !== 'rejected' && inRange(r.receivedAt, p.from, p.to) && (p.categoryId === undefined || r.categoryId === p.categoryId));
  const linked = (a: Report, b: Report) =>
    a.categoryId === b.categoryId && Math.abs(Date.parse(a.receivedAt) - Date.parse(b.receivedAt)) <= p.windowDays * DAY && haversine(a, b) <= p.radius;
  const seen = new Set<number>();
  const groups: Report[][] = [];
  for (const start of pool) {
    if (seen.has(start.id)) continue;
    seen.add(start.id);
    const group = [start];
    for (let i = 0; i < group.length; i++) {
      for (const other of pool) {
        if (!seen.has(other.id) && linked(group[i] as Report, other)) {
          seen.add(other.id);
          group.push(other);
        }
      }
    }
    if (group.length >= p.minCount) groups.push(group);
  }
  return groups;
}

const idsOf = (rs: { id: number }[]) => rs.map((r) => r.id).sort((a, b) => a - b);

async function hotspots(p: Record<string, string | number | undefined>) {
  const res = await s.get(`/api/v1/stats/hotspots?${qs(p)}`);
  expect(res.status, res.text).toBe(200);
  return hotspotsResponse.parse(res.body);
}

describe('GET /api/v1/stats/hotspots', () => {
  const from = at(100);
  const to = NOW.toISOString();

  it('finds the planted repeats and nothing the pairwise check does not', async () => {
    const body = await hotspots({ from, to });
    expect(body.radius).toBe(50);
    expect(body.minCount).toBe(3);
    // A: 4 members, 3 of them received after the first fix (day -37); 2 still open
    const a = body.items.find((h) => h.categoryId === catA && h.count === 4);
    expect(a?.recurrences).toBe(3);
    expect(a?.firstAt).toBe(at(40));
    expect(a?.lastAt).toBe(at(10));
    expect(a?.open).toBe(2);
    // A's twin in another category (3, none after a fix) and B (3: the rejected report is left out)
    expect(body.items.some((h) => h.categoryId === catB && h.count === 3 && h.recurrences === 0)).toBe(true);
    expect(body.items.some((h) => h.categoryId === catA && h.count === 3 && h.reportIds.every((id) => all.find((r) => r.id === id)?.status !== 'rejected'))).toBe(true);
    const expected = bruteForce({ from, to, radius: 50, minCount: 3, windowDays: 60 });
    expect(body.items.map((h) => [...h.reportIds].sort((x, y) => x - y)).sort((x, y) => (x[0] as number) - (y[0] as number))).toEqual(
      expected.map(idsOf).sort((x, y) => (x[0] as number) - (y[0] as number)),
    );
  });

  it('agrees with the pairwise check for other radii, minimum counts, windows and a category filter', async () => {
    const combos = [
      { radius: 10, minCount: 2, windowDays: 60 },
      { radius: 100, minCount: 2, windowDays: 30 },
      { radius: 300, minCount: 3, windowDays: 90 },
      { radius: 1000, minCount: 4, windowDays: 365 },
      { radius: 50, minCount: 2, windowDays: 60, categoryId: catB },
    ];
    for (const c of combos) {
      const body = await hotspots({ from: at(120), to, ...c, limit: 500 });
      const expected = bruteForce({ from: at(120), to, ...c });
      expect(body.total, JSON.stringify(c)).toBe(expected.length);
      const got = body.items.map((h) => [...h.reportIds].sort((x, y) => x - y)).sort((x, y) => (x[0] as number) - (y[0] as number));
      expect(got, JSON.stringify(c)).toEqual(expected.map(idsOf).sort((x, y) => (x[0] as number) - (y[0] as number)));
      // each hotspot's figures, from its members
      for (const h of body.items) {
        const members = all.filter((r) => h.reportIds.includes(r.id));
        const t = members.map((r) => Date.parse(r.receivedAt));
        expect(Date.parse(h.firstAt)).toBe(Math.min(...t));
        expect(Date.parse(h.lastAt)).toBe(Math.max(...t));
        expect(h.count).toBe(members.length);
        expect(h.open).toBe(members.filter((r) => ['received', 'assigned', 'in_progress', 'reopened'].includes(r.status)).length);
        const recurrences = members.filter((m) => members.some((o) => o !== m && o.resolvedAt !== null && Date.parse(o.resolvedAt) < Date.parse(m.receivedAt))).length;
        expect(h.recurrences).toBe(recurrences);
        for (const m of members) expect(haversine({ lat: h.lat, lng: h.lng } as Report, m)).toBeLessThanOrEqual(h.extentMetres + 1e-6);
      }
    }
  });

  it('the window: a report 70 days before the others at the same spot stays out with 60 days, joins with 120', async () => {
    const short = await hotspots({ from: at(120), to, windowDays: 60 });
    const long = await hotspots({ from: at(120), to, windowDays: 120 });
    const a60 = short.items.find((h) => h.categoryId === catA && h.count >= 4) as Hotspot;
    const a120 = long.items.find((h) => h.categoryId === catA && h.count >= 5) as Hotspot;
    expect(a60.count).toBe(4);
    expect(a120.reportIds).toEqual(expect.arrayContaining(a60.reportIds));
    expect(a120.firstAt).toBe(at(110));
  });

  it('drills down to exactly its reports through ids=', async () => {
    const body = await hotspots({ from, to, minCount: 2 });
    for (const h of body.items.slice(0, 5)) {
      const res = await s.get(`/api/v1/reports?${qs({ ids: h.reportIds.join(','), limit: 500 })}`);
      expect(res.body.total).toBe(h.count);
      expect(idsOf(res.body.items)).toEqual([...h.reportIds].sort((a, b) => a - b));
      // the listed address is the newest member's
      const newest = (res.body.items as Report[]).sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt))[0] as Report;
      expect(h.address).toBe(newest.address);
    }
  });

  it('refuses bad parameters, naming them', async () => {
    for (const [p, path] of [
      [{ from, to, radius: 5 }, 'radius'],
      [{ from, to, radius: 'far' }, 'radius'],
      [{ from, to, minCount: 1 }, 'minCount'],
      [{ from, to, windowDays: 0 }, 'windowDays'],
      [{ from, to, limit: 501 }, 'limit'],
      [{ to }, 'from'],
      [{ from: to, to: from }, 'to'],
    ] as const) {
      const res = await s.get(`/api/v1/stats/hotspots?${qs(p as Record<string, string | number>)}`);
      expect(res.status, JSON.stringify(p)).toBe(400);
      expect(res.body.issues[0].path).toBe(path);
    }
  });
});
