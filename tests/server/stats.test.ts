import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistory } from '../../mocks/scenario/history';
import type { Report } from '../../src/shared/contract/report';
import { breakdownResponse, kpisResponse, timeseriesResponse, type BreakdownRow, type TimeseriesPoint } from '../../src/shared/contract/stats';
import { replay } from '../../src/shared/domain/workflow';
import { NOW, startTestServer, type TestServer } from './harness';
import { bruteFigures, inRange, judged, localParts, overdueNow, qs } from './stats-oracle';

let s: TestServer;
let all: Report[];
beforeAll(async () => {
  s = await startTestServer();
  // 75 days: this month, last month and the one before all have data
  const events = [...createHistory({ seed: 31, end: NOW, days: 75 }).events()];
  for (let i = 0; i < events.length; i += 1000) expect((await s.ingest(events.slice(i, i + 1000))).status).toBe(201);
  all = [...replay(s.store.allEvents()).values()];
});
afterAll(async () => {
  await s.close();
});

type Params = Record<string, string | undefined>;
const matchesDims = (r: Report, p: Params) =>
  (p.agencyId === undefined || r.agencyId === p.agencyId) &&
  (p.categoryId === undefined || r.categoryId === p.categoryId) &&
  (p.districtCode === undefined || r.districtCode === p.districtCode);

async function listTotal(params: Params): Promise<number> {
  const res = await s.get(`/api/v1/reports?${qs({ ...params, limit: 1 })}`);
  expect(res.status, res.text).toBe(200);
  return res.body.total as number;
}

const PERIODS: [string, string][] = [
  ['2024-03-01T00:00:00+07:00', '2024-03-16T00:00:00+07:00'],
  ['2024-02-01T00:00:00+07:00', '2024-03-01T00:00:00+07:00'],
  // not on local midnights: the first and last buckets are clipped
  ['2024-01-10T09:30:00+07:00', '2024-03-15T13:45:00+07:00'],
];

function dimensionCases(): Params[] {
  const busy = (key: (r: Report) => string | null) => {
    const counts = new Map<string, number>();
    for (const r of all) {
      const k = key(r);
      if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  };
  return [{}, { agencyId: busy((r) => r.agencyId) }, { categoryId: busy((r) => r.categoryId) }, { districtCode: busy((r) => r.districtCode), categoryId: busy((r) => r.categoryId) }];
}

describe('GET /api/v1/stats/timeseries', () => {
  it('has buckets on Vietnam-local boundaries that tile the period exactly', async () => {
    const [from, to] = PERIODS[2] as [string, string];
    for (const interval of ['day', 'week', 'month'] as const) {
      const res = await s.get(`/api/v1/stats/timeseries?${qs({ from, to, interval })}`);
      expect(res.status, res.text).toBe(200);
      const body = timeseriesResponse.parse(res.body);
      expect(body.interval).toBe(interval);
      const pts = body.points;
      expect(Date.parse(pts[0]?.from ?? '')).toBe(Date.parse(from));
      expect(Date.parse(pts.at(-1)?.to ?? '')).toBe(Date.parse(to));
      pts.forEach((p, i) => {
        expect(Date.parse(p.to)).toBeGreaterThan(Date.parse(p.from));
        if (i > 0) {
          expect(p.from).toBe(pts[i - 1]?.to);
          const l = localParts(p.from);
          expect([l.hour, l.minute, l.second, l.ms], p.from).toEqual([0, 0, 0, 0]);
          if (interval === 'week') expect(l.weekday, p.from).toBe(1);
          if (interval === 'month') expect(l.date, p.from).toBe(1);
        }
      });
      // 10 Jan–15 Mar 2024: 66 days; a part week then 9 Monday weeks; January to March
      expect(pts.length).toBe({ day: 66, week: 10, month: 3 }[interval]);
    }
  });

  it('counts each bucket like a brute-force pass over the reports, and its totals equal the list totals', async () => {
    for (const [from, to] of PERIODS) {
      for (const dims of dimensionCases()) {
        for (const interval of ['day', 'week'] as const) {
          const res = await s.get(`/api/v1/stats/timeseries?${qs({ from, to, interval, ...dims })}`);
          expect(res.status, res.text).toBe(200);
          const pts = timeseriesResponse.parse(res.body).points;
          const mine = all.filter((r) => matchesDims(r, dims));
          const count = (p: TimeseriesPoint) => ({
            from: p.from,
            to: p.to,
            received: mine.filter((r) => inRange(r.receivedAt, p.from, p.to)).length,
            resolved: mine.filter((r) => r.status === 'resolved' && inRange(r.resolvedAt, p.from, p.to)).length,
            overdue: mine.filter((r) => ['overdue', 'late'].includes(judged(r, NOW)) && inRange(r.dueAt, p.from, p.to)).length,
          });
          expect(pts, `${from} ${interval} ${JSON.stringify(dims)}`).toEqual(pts.map(count));
          const sum = (k: 'received' | 'resolved' | 'overdue') => pts.reduce((a, p) => a + p[k], 0);
          expect(sum('received')).toBe(await listTotal({ from, to, ...dims }));
          expect(sum('resolved')).toBe(await listTotal({ resolvedFrom: from, resolvedTo: to, status: 'resolved', ...dims }));
          expect(sum('overdue')).toBe(await listTotal({ dueFrom: from, dueTo: to, timeliness: 'overdue,late', ...dims }));
        }
      }
    }
    // the scenario exercises every series, or agreement proves little
    const res = await s.get(`/api/v1/stats/timeseries?${qs({ from: PERIODS[2]?.[0], to: PERIODS[2]?.[1] })}`);
    const pts = timeseriesResponse.parse(res.body).points;
    for (const k of ['received', 'resolved', 'overdue'] as const) expect(pts.reduce((a, p) => a + p[k], 0), k).toBeGreaterThan(20);
  });

  it('picks an interval by itself and coarsens one that would exceed 1,000 points', async () => {
    const get = async (p: Params) => timeseriesResponse.parse((await s.get(`/api/v1/stats/timeseries?${qs(p)}`)).body);
    expect((await get({ from: '2024-03-01T00:00:00+07:00', to: '2024-03-16T00:00:00+07:00' })).interval).toBe('day');
    const year = await get({ from: '2023-03-16T00:00:00+07:00', to: '2024-03-16T00:00:00+07:00' });
    expect(year.interval).toBe('week');
    expect(year.requestedInterval).toBeNull();
    const fiveYears = await get({ from: '2019-03-16T00:00:00+07:00', to: '2024-03-16T00:00:00+07:00', interval: 'day' });
    expect(fiveYears.interval).toBe('week');
    expect(fiveYears.requestedInterval).toBe('day');
    expect(fiveYears.points.length).toBeLessThanOrEqual(1000);
    const twentyYears = await get({ from: '2004-03-16T00:00:00+07:00', to: '2024-03-16T00:00:00+07:00', interval: 'day' });
    expect(twentyYears.interval).toBe('month');
    // the part month of March 2004, then April 2004 … March 2024
    expect(twentyYears.points).toHaveLength(241);
    // coarsening loses nothing
    const total = (pts: TimeseriesPoint[]) => pts.reduce((a, p) => a + p.received, 0);
    expect(total(twentyYears.points)).toBe(all.length);
    expect(total(fiveYears.points)).toBe(all.length);
  });
});

describe('GET /api/v1/stats/breakdown', () => {
  it('rows equal brute-force counts per key, add up to the total, and the total equals the summary', async () => {
    for (const [from, to] of PERIODS) {
      const summary = (await s.get(`/api/v1/stats/summary?${qs({ from, to })}`)).body;
      for (const by of ['category', 'district', 'agency'] as const) {
        const res = await s.get(`/api/v1/stats/breakdown?${qs({ from, to, by })}`);
        expect(res.status, res.text).toBe(200);
        const body = breakdownResponse.parse(res.body);
        const keyOf = (r: Report) => (by === 'category' ? r.categoryId : by === 'district' ? r.districtCode : r.agencyId);
        const keys = new Set(all.map(keyOf));
        const expected: BreakdownRow[] = [...keys]
          .map((key) => {
            const mine = all.filter((r) => keyOf(r) === key);
            return { key, ...bruteFigures(mine, from, to, NOW), overdueNow: overdueNow(mine, NOW) };
          })
          .filter((row) => Object.entries(row).some(([k, v]) => k !== 'key' && v !== 0));
        const byKey = (rows: BreakdownRow[]) => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));
        expect(byKey(body.rows), `${by} ${from}`).toEqual(byKey(expected));
        // most received first
        for (let i = 1; i < body.rows.length; i++) expect((body.rows[i - 1] as BreakdownRow).received).toBeGreaterThanOrEqual((body.rows[i] as BreakdownRow).received);
        for (const k of Object.keys(body.total) as (keyof typeof body.total)[]) {
          expect(body.rows.reduce((a, r) => a + r[k], 0), `${by} ${k}`).toBe(body.total[k]);
        }
        expect(body.total.received).toBe(summary.receivedInPeriod);
        expect(body.total.resolved).toBe(summary.resolvedInPeriod);
        expect(body.total.rated).toBe(summary.ratedInPeriod);
        expect(body.total.overdueNow).toBe(summary.overdueNow);
        if (body.total.rated > 0) expect(body.total.satisfied / body.total.rated).toBeCloseTo(summary.satisfactionRate, 12);
      }
    }
    // unassigned reports appear under a null key, so the agency rows add up
    const res = breakdownResponse.parse((await s.get(`/api/v1/stats/breakdown?${qs({ from: PERIODS[0]?.[0], to: PERIODS[0]?.[1], by: 'agency' })}`)).body);
    expect(res.rows.some((r) => r.key === null)).toBe(true);
  });

  it('narrows by the filters (whole days come from the rollups, other periods from the reports: both agree)', async () => {
    for (const [from, to] of [PERIODS[1], PERIODS[2]] as [string, string][]) {
      for (const dims of dimensionCases().slice(1)) {
        for (const by of ['district', 'agency'] as const) {
          const body = breakdownResponse.parse((await s.get(`/api/v1/stats/breakdown?${qs({ from, to, by, ...dims })}`)).body);
          const mine = all.filter((r) => matchesDims(r, dims));
          expect(body.total, `${by} ${from} ${JSON.stringify(dims)}`).toEqual({ ...bruteFigures(mine, from, to, NOW), overdueNow: overdueNow(mine, NOW) });
        }
      }
    }
  });
});

describe('GET /api/v1/stats/kpis', () => {
  it('equals brute force for the period and the previous one of the same length, and each figure drills down', async () => {
    for (const [from, to] of PERIODS) {
      for (const dims of dimensionCases()) {
        const res = await s.get(`/api/v1/stats/kpis?${qs({ from, to, ...dims })}`);
        expect(res.status, res.text).toBe(200);
        const body = kpisResponse.parse(res.body);
        const len = Date.parse(to) - Date.parse(from);
        expect(Date.parse(body.previousTo)).toBe(Date.parse(from));
        expect(Date.parse(body.previousFrom)).toBe(Date.parse(from) - len);
        const mine = all.filter((r) => matchesDims(r, dims));
        expect(body.current).toEqual(bruteFigures(mine, from, to, NOW));
        expect(body.previous).toEqual(bruteFigures(mine, body.previousFrom, body.previousTo, NOW));
        expect(body.overdueNow).toBe(overdueNow(mine, NOW));
        // the drill-down of every figure is a list query whose total is the figure
        const c = body.current;
        const period = { from, to, ...dims };
        const resolved = { resolvedFrom: from, resolvedTo: to, ...dims };
        const rated = { ratedFrom: from, ratedTo: to, ...dims };
        expect(await listTotal(period)).toBe(c.received);
        expect(await listTotal({ ...period, status: 'assigned,in_progress,resolved,reopened' })).toBe(c.qualified);
        expect(await listTotal({ ...period, status: 'rejected' })).toBe(c.rejected);
        expect(await listTotal(resolved)).toBe(c.resolved);
        expect(await listTotal({ ...resolved, timeliness: 'on_time' })).toBe(c.onTime);
        expect(await listTotal({ ...resolved, timeliness: 'late_extended' })).toBe(c.lateExtended);
        expect(await listTotal({ ...resolved, timeliness: 'late' })).toBe(c.late);
        expect(await listTotal(rated)).toBe(c.rated);
        expect(await listTotal({ ...rated, rating: 'satisfied,acceptable' })).toBe(c.satisfied);
        expect(await listTotal({ overdue: 'true', ...dims })).toBe(body.overdueNow);
      }
    }
    const body = kpisResponse.parse((await s.get(`/api/v1/stats/kpis?${qs({ from: PERIODS[2]?.[0], to: PERIODS[2]?.[1] })}`)).body);
    for (const [k, v] of Object.entries(body.current)) expect(v, k).toBeGreaterThan(0);
  });
});

describe('bad input', () => {
  it('is refused with 400 naming the field', async () => {
    const from = '2024-03-01T00:00:00+07:00';
    const to = '2024-03-16T00:00:00+07:00';
    const cases: [string, string][] = [
      [`/api/v1/stats/timeseries?${qs({ to })}`, 'from'],
      [`/api/v1/stats/timeseries?${qs({ from, to: from })}`, 'to'],
      [`/api/v1/stats/timeseries?${qs({ from: to, to: from })}`, 'to'],
      [`/api/v1/stats/timeseries?${qs({ from, to, interval: 'hour' })}`, 'interval'],
      [`/api/v1/stats/timeseries?${qs({ from: '1990-01-01T00:00:00Z', to })}`, 'to'],
      [`/api/v1/stats/breakdown?${qs({ from, to, by: 'ward' })}`, 'by'],
      [`/api/v1/stats/breakdown?${qs({ from, to })}`, 'by'],
      [`/api/v1/stats/kpis?${qs({ from: 'last-month', to })}`, 'from'],
      [`/api/v1/stats/kpis?${qs({ from, to, agencyId: '' })}`, 'agencyId'],
    ];
    for (const [url, path] of cases) {
      const res = await s.get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error).toBe('invalid_input');
      expect(res.body.issues[0].path, url).toBe(path);
    }
  });
});
