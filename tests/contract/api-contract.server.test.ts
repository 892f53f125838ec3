/**
 * Contract tests: ONE list of API expectations, run against the real server (SQLite, Fastify, real HTTP) and
 * against the MSW mock (memory store) that the component tests and the server-less demo use. Both are seeded
 * with the same scenario at the same clock, so beyond each expectation the two must answer identically —
 * the mock cannot drift from the server without this suite failing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import type { z } from 'zod';
import { healthResponse, reportDetailResponse, reportListResponse, summaryResponse, apiError } from '../../src/shared/contract/api';
import { ingestResponse } from '../../src/shared/contract/event';
import { metaResponse } from '../../src/shared/contract/meta';
import { seedHistory } from '../../src/server/demo/seed';
import { createHandlers } from '../../mocks/handlers';
import { createMemoryStore } from '../../mocks/memory-store';
import { INGEST_TOKEN, NOW, OPERATOR_TOKEN, startTestServer, type TestServer } from '../server/harness';

const SEED = 5;
const DAYS = 20;
const MOCK_ORIGIN = 'http://contract.mock';

interface Answer {
  status: number;
  body: unknown;
}
interface Target {
  name: string;
  call(method: 'GET' | 'POST', path: string, opts?: { body?: unknown; token?: string | null }): Promise<Answer>;
}

function targetAt(name: string, base: string): Target {
  return {
    name,
    async call(method, path, { body, token } = {}) {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
  };
}

const created = (n: number, extra: Record<string, unknown> = {}) => ({
  sourceEventId: `contract-created-${n}`,
  type: 'created',
  at: new Date(NOW.getTime() - 60_000).toISOString(),
  externalId: `CONTRACT-${n}`,
  title: 'Rác thải tồn đọng tại kiệt 5 Đặng Dung',
  description: 'Đề nghị thu gom',
  categoryId: 've-sinh-moi-truong',
  lat: 16.4712,
  lng: 107.5792,
  address: 'Kiệt 5 Đặng Dung, Phường Thuận Thành, Thành phố Huế',
  reporter: { name: 'Lê Văn Hợp Đồng', phone: '0911222333' },
  ...extra,
});

interface Expectation {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  token?: 'ingest' | 'operator' | null;
  status: number;
  schema?: z.ZodType;
  check?: (body: unknown) => void;
}

// Ordered: later POSTs depend on earlier ones (duplicate, illegal transition after creation).
const EXPECTATIONS: Expectation[] = [
  { name: 'health', method: 'GET', path: '/api/health', status: 200, schema: healthResponse },
  {
    name: 'meta: reference data',
    method: 'GET',
    path: '/api/v1/meta',
    status: 200,
    schema: metaResponse,
    check: (b) => {
      const m = b as z.infer<typeof metaResponse>;
      expect(m.agencies).toHaveLength(88);
      expect(m.districts).toHaveLength(9);
      expect(m.wards).toHaveLength(152);
    },
  },
  { name: 'list: first page', method: 'GET', path: '/api/v1/reports?limit=7', status: 200, schema: reportListResponse },
  { name: 'list: status + district', method: 'GET', path: '/api/v1/reports?status=resolved,rejected&districtCode=474&limit=50', status: 200, schema: reportListResponse },
  { name: 'list: overdue', method: 'GET', path: '/api/v1/reports?overdue=true&limit=100', status: 200, schema: reportListResponse },
  { name: 'list: period', method: 'GET', path: `/api/v1/reports?from=${new Date(NOW.getTime() - 5 * 86_400_000).toISOString()}&to=${NOW.toISOString()}&limit=20`, status: 200, schema: reportListResponse },
  { name: 'list: search with diacritics', method: 'GET', path: `/api/v1/reports?q=${encodeURIComponent('rác thải')}&limit=10`, status: 200, schema: reportListResponse },
  { name: 'list: search without diacritics', method: 'GET', path: '/api/v1/reports?q=rac%20thai&limit=10', status: 200, schema: reportListResponse },
  { name: 'list: bad limit', method: 'GET', path: '/api/v1/reports?limit=0', status: 400, schema: apiError, check: (b) => expect(JSON.stringify(b)).toContain('limit') },
  { name: 'list: bad status', method: 'GET', path: '/api/v1/reports?status=bogus', status: 400, schema: apiError, check: (b) => expect(JSON.stringify(b)).toContain('status') },
  { name: 'list: bad from', method: 'GET', path: '/api/v1/reports?from=yesterday', status: 400, schema: apiError, check: (b) => expect(JSON.stringify(b)).toContain('from') },
  { name: 'list: forged cursor', method: 'GET', path: '/api/v1/reports?cursor=xyz', status: 400, schema: apiError, check: (b) => expect(JSON.stringify(b)).toContain('cursor') },
  {
    name: 'detail: no reporter for the public',
    method: 'GET',
    path: '/api/v1/reports/3',
    status: 200,
    schema: reportDetailResponse,
    check: (b) => {
      expect((b as { reporter?: unknown }).reporter).toBeUndefined();
      expect((b as { events: unknown[] }).events.length).toBeGreaterThan(0);
    },
  },
  {
    name: 'detail: reporter for an operator',
    method: 'GET',
    path: '/api/v1/reports/3',
    token: 'operator',
    status: 200,
    schema: reportDetailResponse,
    check: (b) => expect((b as { reporter?: { phone: string } }).reporter?.phone).toMatch(/\d/),
  },
  { name: 'detail: unknown id', method: 'GET', path: '/api/v1/reports/99999999', status: 404, schema: apiError },
  { name: 'detail: bad id', method: 'GET', path: '/api/v1/reports/abc', status: 400, schema: apiError },
  { name: 'summary', method: 'GET', path: '/api/v1/stats/summary', status: 200, schema: summaryResponse },
  { name: 'summary: period', method: 'GET', path: `/api/v1/stats/summary?from=${new Date(NOW.getTime() - 7 * 86_400_000).toISOString()}&to=${NOW.toISOString()}`, status: 200, schema: summaryResponse },
  { name: 'ingest: no token', method: 'POST', path: '/api/v1/events', body: created(1), token: null, status: 401 },
  { name: 'ingest: wrong token', method: 'POST', path: '/api/v1/events', body: created(1), token: 'operator', status: 401 },
  {
    name: 'ingest: bad coordinates',
    method: 'POST',
    path: '/api/v1/events',
    body: created(1, { lat: 200 }),
    token: 'ingest',
    status: 400,
    schema: apiError,
    check: (b) => expect((b as z.infer<typeof apiError>).issues?.map((i) => i.path)).toContain('lat'),
  },
  { name: 'ingest: unknown category', method: 'POST', path: '/api/v1/events', body: created(1, { categoryId: 'no-such' }), token: 'ingest', status: 400, schema: apiError, check: (b) => expect(JSON.stringify(b)).toContain('categoryId') },
  {
    name: 'ingest: batch with one bad event',
    method: 'POST',
    path: '/api/v1/events',
    body: [created(1), created(2, { title: '' })],
    token: 'ingest',
    status: 400,
    schema: apiError,
    check: (b) => expect((b as z.infer<typeof apiError>).issues?.map((i) => i.path)).toContain('1.title'),
  },
  { name: 'ingest: valid', method: 'POST', path: '/api/v1/events', body: created(1), token: 'ingest', status: 201, schema: ingestResponse },
  {
    name: 'ingest: duplicate sourceEventId stores nothing',
    method: 'POST',
    path: '/api/v1/events',
    body: created(1),
    token: 'ingest',
    status: 200,
    schema: ingestResponse,
    check: (b) => expect((b as z.infer<typeof ingestResponse>).results[0]?.duplicate).toBe(true),
  },
  {
    name: 'ingest: illegal transition',
    method: 'POST',
    path: '/api/v1/events',
    body: { sourceEventId: 'contract-resolve-1', type: 'resolved', at: NOW.toISOString(), externalId: 'CONTRACT-1', resultText: 'Đã xử lý' },
    token: 'ingest',
    status: 409,
    schema: apiError,
  },
  {
    name: 'ingest: unknown report',
    method: 'POST',
    path: '/api/v1/events',
    body: { sourceEventId: 'contract-rate-x', type: 'rated', at: NOW.toISOString(), externalId: 'NO-SUCH-REPORT', rating: 'satisfied' },
    token: 'ingest',
    status: 404,
    schema: apiError,
  },
  { name: 'list after ingest', method: 'GET', path: '/api/v1/reports?limit=3', status: 200, schema: reportListResponse },
  { name: 'summary after ingest', method: 'GET', path: '/api/v1/stats/summary', status: 200, schema: summaryResponse },
];

// recordedAt is when the store received the event: legitimately the store's own clock
const normalise = (body: unknown): unknown => JSON.parse(JSON.stringify(body ?? null).replace(/"recordedAt":"[^"]*"/g, '"recordedAt":"-"'));

let real: TestServer;
const answers: Record<string, Answer[]> = { server: [], mock: [] };

async function runAll(target: Target, tokens: { ingest: string; operator: string }) {
  for (const e of EXPECTATIONS) {
    const token = e.token === undefined || e.token === null ? null : tokens[e.token];
    answers[target.name]?.push(await target.call(e.method, e.path, { body: e.body, token }));
  }
}

beforeAll(async () => {
  real = await startTestServer({ now: NOW });
  seedHistory(real.store, { seed: SEED, now: NOW, days: DAYS });
  await runAll(targetAt('server', real.url), { ingest: INGEST_TOKEN, operator: OPERATOR_TOKEN });
  await real.close();

  // MSW intercepts every */api/* fetch while it listens, so the mock runs only after the real server is done
  const store = createMemoryStore({ seed: SEED, days: DAYS, now: () => NOW });
  const msw = setupServer(...createHandlers(store, { ingestToken: INGEST_TOKEN, operatorToken: OPERATOR_TOKEN }));
  msw.listen({ onUnhandledRequest: 'error' });
  try {
    await runAll(targetAt('mock', MOCK_ORIGIN), { ingest: INGEST_TOKEN, operator: OPERATOR_TOKEN });
  } finally {
    msw.close();
  }
}, 120_000);

afterAll(async () => {
  await real?.close().catch(() => undefined);
});

describe.each(['server', 'mock'])('API contract: %s', (name) => {
  EXPECTATIONS.forEach((e, i) => {
    it(`${e.name} → ${e.status}`, () => {
      const a = answers[name]?.[i];
      expect(a, 'no answer recorded').toBeDefined();
      expect(a?.status, JSON.stringify(a?.body)).toBe(e.status);
      if (e.schema) expect(e.schema.safeParse(a?.body).error).toBeUndefined();
      e.check?.(a?.body);
    });
  });
});

describe('server and mock answer identically', () => {
  EXPECTATIONS.forEach((e, i) => {
    it(e.name, () => {
      expect(normalise(answers.mock?.[i]?.body)).toEqual(normalise(answers.server?.[i]?.body));
    });
  });
  it('searching with or without diacritics finds the same reports', () => {
    const idx = (name: string) => EXPECTATIONS.findIndex((e) => e.name === name);
    const withD = answers.server?.[idx('list: search with diacritics')]?.body as { total: number };
    const without = answers.server?.[idx('list: search without diacritics')]?.body as { total: number };
    expect(withD.total).toBeGreaterThan(0);
    expect(without.total).toBe(withD.total);
  });
});
