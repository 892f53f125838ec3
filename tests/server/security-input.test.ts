import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes, SMALL_BODY_LIMIT } from '../../src/server/http/hardening';
import { BODY_LIMIT } from '../../src/server/app';
import { QUERY_RULES } from '../../src/shared/contract/query-rules';
import { HTTP_RULES, type MatrixContext } from './authz-matrix';
import { startHardenedServer, type HardenedServer } from './authz-support';
import { created, later, reference } from './fixtures';

let s: HardenedServer;
let ctx: MatrixContext;

beforeAll(async () => {
  s = await startHardenedServer();
  const c = created({ at: '2023-11-20T02:00:00.000Z' });
  const res = await s.request('POST', '/api/v1/events', { caller: 'ingest', body: [c, later(c.externalId, 'assigned', { agencyId: reference().agency.id }, '2023-11-20T03:00:00.000Z')] });
  expect(res.status).toBe(201);
  ctx = {
    reportId: (res.body as { results: { reportId: number }[] }).results[0]?.reportId ?? 0,
    agencyId: reference().agency.id,
    pastQuarter: '2023-Q4',
    failedNotificationId: 1,
    ingestEvent: () => created(),
    displayToken: 'x'.repeat(43),
  };
});
afterAll(async () => {
  await s?.close();
});

const issuesOf = (body: unknown) => (body as { issues?: { path: string; message: string }[] }).issues ?? [];
const storeState = () => ({ seq: s.store.latestSeq(), reports: s.store.listReports({ limit: 1 }, new Date()).total });

describe('unknown query parameters', () => {
  it('every API route the app registers has a query rule', () => {
    const api = registeredRoutes(s.app.fastify).filter((r) => !r.startsWith('HEAD ') && r.includes(' /api'));
    expect(api.filter((r) => !Object.hasOwn(QUERY_RULES, r)), 'API routes missing from src/shared/contract/query-rules.ts').toEqual([]);
  });

  for (const rule of HTTP_RULES.filter((r) => r.endpoint.includes(' /api'))) {
    it(`${rule.endpoint}: an unknown parameter is a 400 naming it`, async () => {
      const method = rule.endpoint.split(' ')[0] ?? 'GET';
      const base = rule.path ? rule.path(ctx) : rule.endpoint.slice(method.length + 1);
      const caller = rule.allow[0] ?? 'anonymous';
      const before = storeState();
      const res = await s.request(method, `${base}${base.includes('?') ? '&' : '?'}agencyid=x`, { caller, body: rule.body ? rule.body(ctx, caller) : method === 'POST' ? {} : undefined });
      expect(res.status, res.text).toBe(400);
      expect(res.body).toMatchObject({ error: 'invalid_input' });
      expect(issuesOf(res.body).map((i) => i.path)).toEqual(['agencyid']);
      expect(issuesOf(res.body)[0]?.message).toMatch(/unknown query parameter/);
      expect(storeState()).toEqual(before);
    });
  }

  it('names every unknown parameter, and tells which ones the endpoint accepts', async () => {
    const res = await s.request('GET', '/api/v1/reports?limit=5&sort=desc&__proto__=1&constructor=x');
    expect(res.status).toBe(400);
    expect(issuesOf(res.body).map((i) => i.path).sort()).toEqual(['__proto__', 'constructor', 'sort'].sort());
    expect(issuesOf(res.body)[0]?.message).toContain('agencyId');
  });

  it('leaves the pages alone: SPA routes carry their own query (filters, ?report=)', async () => {
    const res = await s.request('GET', '/map?report=12&period=30d&anything=else');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="root">');
  });
});

describe('errors name the field and the reason', () => {
  it.each([
    ['/api/v1/reports?limit=abc', 'limit'],
    ['/api/v1/reports?status=lost', 'status.0'],
    ['/api/v1/reports?from=yesterday', 'from'],
    ['/api/v1/reports/-3', 'id'],
    ['/api/v1/events?before=1e309', 'before'],
    ['/api/v1/rankings/2024-Q5', 'quarter'],
    ['/api/v1/stats/kpis?from=2024-01-01T00:00:00Z', 'to'],
  ])('%s → 400 at %s', async (path, field) => {
    const res = await s.request('GET', path);
    expect(res.status, res.text).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_input', message: expect.any(String) });
    expect(issuesOf(res.body).map((i) => i.path)).toContain(field);
    expect(issuesOf(res.body).every((i) => i.message.length > 0)).toBe(true);
  });
});

describe('pagination limits', () => {
  it.each([
    ['/api/v1/reports', 500],
    ['/api/v1/events', 200],
    ['/api/v1/reports/due-soon', 1000],
    ['/api/v1/stats/hotspots?from=2024-01-01T00:00:00Z&to=2024-03-01T00:00:00Z', 500],
  ])('%s takes limit ≤ %i and refuses more', async (path, max) => {
    const sep = path.includes('?') ? '&' : '?';
    expect((await s.request('GET', `${path}${sep}limit=${max}`)).status).toBe(200);
    const over = await s.request('GET', `${path}${sep}limit=${max + 1}`);
    expect(over.status).toBe(400);
    expect(issuesOf(over.body).map((i) => i.path)).toEqual(['limit']);
    expect((await s.request('GET', `${path}${sep}limit=0`)).status).toBe(400);
  });

  it.each([
    ['/api/v1/overdue-queue', 500],
    ['/api/v1/notifications', 500],
  ])('%s (operators) takes limit ≤ %i and refuses more', async (path, max) => {
    expect((await s.request('GET', `${path}?limit=${max}`, { caller: 'operator' })).status).toBe(200);
    expect((await s.request('GET', `${path}?limit=${max + 1}`, { caller: 'operator' })).status).toBe(400);
  });
});

describe('bodies', () => {
  it('ignores fields the contract does not define (stated rule), storing only the contract fields', async () => {
    const c = created({ zzzUnknown: 'x', internalScore: 99, report: undefined });
    const res = await s.request('POST', '/api/v1/events', { caller: 'ingest', body: c });
    expect(res.status).toBe(201);
    const id = (res.body as { results: { reportId: number }[] }).results[0]?.reportId;
    const detail = await s.request('GET', `/api/v1/reports/${id}`);
    expect(detail.text).not.toContain('zzzUnknown');
    expect(detail.text).not.toContain('internalScore');
    expect(JSON.stringify([...s.store.allEvents()].at(-1))).not.toContain('zzzUnknown');
  });

  it('refuses prototype-pollution keys in JSON bodies before anything is parsed into objects', async () => {
    const before = storeState();
    for (const raw of [
      `{"__proto__":{"polluted":1},${JSON.stringify(created()).slice(1)}`,
      `[{"constructor":{"prototype":{"polluted":1}},${JSON.stringify(created()).slice(1)}]`,
    ]) {
      const res = await s.request('POST', '/api/v1/events', { caller: 'ingest', body: raw });
      expect(res.status, res.text).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(storeState()).toEqual(before);
  });

  it('limits body size per route: ingest batches up to 2 MiB, every other body 64 KiB', async () => {
    expect(BODY_LIMIT).toBe(2 * 1024 * 1024);
    const bigNote = { channel: 'sms', target: 'officer', note: 'x'.repeat(SMALL_BODY_LIMIT) };
    const small = await s.request('POST', `/api/v1/reports/${ctx.reportId}/reminders`, { caller: 'operator', body: bigNote });
    expect(small.status).toBe(413);
    expect(small.body).toMatchObject({ error: 'payload_too_large' });
    // a 1.5 MiB batch is read (and judged on its content), a 2.5 MiB one is not
    const batch = Array.from({ length: 150 }, () => created({ description: 'd'.repeat(9_990) }));
    const read = await s.request('POST', '/api/v1/events', { caller: 'ingest', body: batch });
    expect(read.status, read.text.slice(0, 200)).toBe(201);
    const tooBig = Array.from({ length: 250 }, () => created({ description: 'd'.repeat(9_990) }));
    const refused = await s.request('POST', '/api/v1/events', { caller: 'ingest', body: tooBig });
    expect(refused.status).toBe(413);
  });

  it('takes JSON only', async () => {
    const res = await s.request('POST', '/api/v1/events', { caller: 'ingest', body: JSON.stringify(created()), headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
    const form = await s.request('POST', '/api/v1/events', { caller: 'ingest', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
  });
});
