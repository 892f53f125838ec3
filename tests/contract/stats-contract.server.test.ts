/**
 * Contract tests of the leadership statistics (kpis, timeseries, breakdown, hotspots) and the drill-down filter
 * fields: one list of requests, answered by the real server (SQLite, Fastify, HTTP) and by the MSW mock over the
 * memory store (what the component tests and the server-less demo use), seeded alike at the same clock. Each
 * answer must meet its expectation, and the two must be identical — errors included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import type { z } from 'zod';
import { apiError, reportListResponse } from '../../src/shared/contract/api';
import { hotspotsResponse } from '../../src/shared/contract/hotspots';
import { breakdownResponse, kpisResponse, timeseriesResponse } from '../../src/shared/contract/stats';
import { seedHistory } from '../../src/server/demo/seed';
import { createHandlers } from '../../mocks/handlers';
import { createMemoryStore } from '../../mocks/memory-store';
import { INGEST_TOKEN, NOW, OPERATOR_TOKEN, startTestServer, type TestServer } from '../server/harness';

const SEED = 7;
const DAYS = 45;
const MOCK_ORIGIN = 'http://stats-contract.mock';
const DAY = 86_400_000;
const from = new Date(NOW.getTime() - 40 * DAY).toISOString();
const to = NOW.toISOString();
const q = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

interface Expectation {
  name: string;
  path: string;
  status: number;
  schema: z.ZodType;
  check?: (body: never) => void;
}

const bad = (name: string, path: string, field: string): Expectation => ({
  name,
  path,
  status: 400,
  schema: apiError,
  check: (b: z.infer<typeof apiError>) => expect(b.issues?.[0]?.path).toBe(field),
});

const EXPECTATIONS: Expectation[] = [
  {
    name: 'kpis',
    path: `/api/v1/stats/kpis?${q({ from, to })}`,
    status: 200,
    schema: kpisResponse,
    check: (b: z.infer<typeof kpisResponse>) => expect(b.current.received).toBeGreaterThan(0),
  },
  { name: 'kpis: one district', path: `/api/v1/stats/kpis?${q({ from, to, districtCode: '474' })}`, status: 200, schema: kpisResponse },
  {
    name: 'timeseries: automatic interval',
    path: `/api/v1/stats/timeseries?${q({ from, to })}`,
    status: 200,
    schema: timeseriesResponse,
    check: (b: z.infer<typeof timeseriesResponse>) => expect(b.interval).toBe('day'),
  },
  {
    name: 'timeseries: days over 10 years become weeks (522 ≤ 1,000)',
    path: `/api/v1/stats/timeseries?${q({ from: new Date(NOW.getTime() - 3660 * DAY).toISOString(), to, interval: 'day' })}`,
    status: 200,
    schema: timeseriesResponse,
    check: (b: z.infer<typeof timeseriesResponse>) => {
      expect(b.interval).toBe('week');
      expect(b.points.length).toBeLessThanOrEqual(1000);
    },
  },
  { name: 'breakdown by category', path: `/api/v1/stats/breakdown?${q({ from, to, by: 'category' })}`, status: 200, schema: breakdownResponse },
  { name: 'breakdown by district', path: `/api/v1/stats/breakdown?${q({ from, to, by: 'district', categoryId: 've-sinh-moi-truong' })}`, status: 200, schema: breakdownResponse },
  { name: 'breakdown by agency', path: `/api/v1/stats/breakdown?${q({ from, to, by: 'agency' })}`, status: 200, schema: breakdownResponse },
  { name: 'hotspots: defaults', path: `/api/v1/stats/hotspots?${q({ from, to })}`, status: 200, schema: hotspotsResponse },
  {
    name: 'hotspots: wide radius, pairs',
    path: `/api/v1/stats/hotspots?${q({ from, to, radius: 300, minCount: 2, windowDays: 30, limit: 20 })}`,
    status: 200,
    schema: hotspotsResponse,
    check: (b: z.infer<typeof hotspotsResponse>) => expect(b.total).toBeGreaterThan(0),
  },
  { name: 'list: resolved in period, late', path: `/api/v1/reports?${q({ resolvedFrom: from, resolvedTo: to, timeliness: 'late', limit: 30 })}`, status: 200, schema: reportListResponse },
  { name: 'list: missed deadlines', path: `/api/v1/reports?${q({ dueFrom: from, dueTo: to, timeliness: 'overdue,late', limit: 30 })}`, status: 200, schema: reportListResponse },
  { name: 'list: rated unsatisfied', path: `/api/v1/reports?${q({ ratedFrom: from, ratedTo: to, rating: 'unsatisfied', limit: 30 })}`, status: 200, schema: reportListResponse },
  { name: 'list: ids', path: `/api/v1/reports?${q({ ids: '5,3,1,99999' })}`, status: 200, schema: reportListResponse, check: (b: z.infer<typeof reportListResponse>) => expect(b.total).toBe(3) },
  bad('kpis: no from', `/api/v1/stats/kpis?${q({ to })}`, 'from'),
  bad('kpis: to before from', `/api/v1/stats/kpis?${q({ from: to, to: from })}`, 'to'),
  bad('timeseries: bad interval', `/api/v1/stats/timeseries?${q({ from, to, interval: 'hour' })}`, 'interval'),
  bad('breakdown: bad dimension', `/api/v1/stats/breakdown?${q({ from, to, by: 'ward' })}`, 'by'),
  bad('hotspots: radius too small', `/api/v1/stats/hotspots?${q({ from, to, radius: 1 })}`, 'radius'),
  bad('list: bad ids', `/api/v1/reports?${q({ ids: '1,two' })}`, 'ids.1'),
  bad('list: bad timeliness', `/api/v1/reports?${q({ timeliness: 'soon' })}`, 'timeliness.0'),
];

let real: TestServer;
const answers: Record<'server' | 'mock', { status: number; body: unknown }[]> = { server: [], mock: [] };

async function runAll(base: string, into: { status: number; body: unknown }[]) {
  for (const e of EXPECTATIONS) {
    const res = await fetch(`${base}${e.path}`);
    into.push({ status: res.status, body: (await res.json()) as unknown });
  }
}

beforeAll(async () => {
  real = await startTestServer({ now: NOW });
  seedHistory(real.store, { seed: SEED, now: NOW, days: DAYS });
  await runAll(real.url, answers.server);
  await real.close();
  // MSW intercepts every */api/* fetch while it listens, so the mock runs only after the real server is done
  const store = createMemoryStore({ seed: SEED, days: DAYS, now: () => NOW });
  const msw = setupServer(...createHandlers(store, { ingestToken: INGEST_TOKEN, operatorToken: OPERATOR_TOKEN }));
  msw.listen({ onUnhandledRequest: 'error' });
  try {
    await runAll(MOCK_ORIGIN, answers.mock);
  } finally {
    msw.close();
  }
}, 120_000);

afterAll(async () => {
  await real?.close();
});

describe('statistics contract: server and MSW mock', () => {
  EXPECTATIONS.forEach((e, i) => {
    it(e.name, () => {
      for (const target of ['server', 'mock'] as const) {
        const a = answers[target][i];
        expect(a?.status, `${target}: ${JSON.stringify(a?.body).slice(0, 300)}`).toBe(e.status);
        const parsed = e.schema.safeParse(a?.body);
        expect(parsed.success, `${target}: ${parsed.error?.message}`).toBe(true);
        e.check?.(a?.body as never);
      }
      expect(answers.mock[i]).toEqual(answers.server[i]);
    });
  });
});
