import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHardenedServer, type HardenedServer } from './authz-support';
import { created } from './fixtures';
import { sleep } from './harness';

let s: HardenedServer;
beforeAll(async () => {
  s = await startHardenedServer({
    security: { ingestRate: { ratePerSecond: 2, burst: 3 }, loginRate: { ratePerSecond: 1 / 30, burst: 2 } },
    // the login route arrives with accounts; any POST …/login is limited per client address by the same hook
    extraRoutes: (app) => app.fastify.post('/api/v1/test-only/login', () => ({ ok: true })),
  });
});
afterAll(async () => {
  await s?.close();
});

describe('ingest rate limit (per token)', () => {
  it('takes a burst, then answers 429 with Retry-After and stores nothing; the limit lifts after that long', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await s.request('POST', '/api/v1/events', { caller: 'ingest', body: created() })).status);
    expect(codes).toEqual([201, 201, 201]);
    const seq = s.store.latestSeq();
    const limited = await s.request('POST', '/api/v1/events', { caller: 'ingest', body: created() });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: 'rate_limited', message: expect.stringContaining('retry after') });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
    expect(limited.headers.get('x-content-type-options')).toBe('nosniff');
    expect(s.store.latestSeq()).toBe(seq);
    // a wrong token is refused as such (401), not counted against the real one
    expect((await s.request('POST', '/api/v1/events', { caller: 'wrong', body: created() })).status).toBe(401);
    await sleep(retryAfter * 1000);
    expect((await s.request('POST', '/api/v1/events', { caller: 'ingest', body: created() })).status).toBe(201);
  });

  it('leaves reads alone', async () => {
    const codes = await Promise.all(Array.from({ length: 20 }, () => s.request('GET', '/api/v1/reports?limit=1')));
    expect(codes.every((r) => r.status === 200)).toBe(true);
  });
});

describe('login rate limit (per client address)', () => {
  it('limits any POST …/login route: a burst of 2, then 429 with Retry-After', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await s.request('POST', '/api/v1/test-only/login', { body: {} })).status);
    expect(codes).toEqual([200, 200, 429]);
    const limited = await s.request('POST', '/api/v1/test-only/login', { body: {} });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(20);
  });
});

describe('login rate limit behind a reverse proxy (TRUST_PROXY)', () => {
  const login = (srv: HardenedServer, forwardedFor: string) =>
    srv.request('POST', '/api/v1/test-only/login', { body: {}, headers: { 'x-forwarded-for': forwardedFor } }).then((r) => r.status);

  it('without TRUST_PROXY a forged X-Forwarded-For does not escape the limit', async () => {
    const fresh = await startHardenedServer({
      security: { loginRate: { ratePerSecond: 1 / 30, burst: 2 } },
      extraRoutes: (app) => app.fastify.post('/api/v1/test-only/login', () => ({ ok: true })),
    });
    try {
      expect([await login(fresh, '203.0.113.1'), await login(fresh, '203.0.113.2'), await login(fresh, '203.0.113.3')]).toEqual([200, 200, 429]);
    } finally {
      await fresh.close();
    }
  });

  it('with TRUST_PROXY=1 each client behind the proxy has its own limit', async () => {
    const proxied = await startHardenedServer({
      security: { loginRate: { ratePerSecond: 1 / 30, burst: 2 }, trustProxy: 1 },
      extraRoutes: (app) => app.fastify.post('/api/v1/test-only/login', () => ({ ok: true })),
    });
    try {
      // one operations centre's client is limited…
      expect([await login(proxied, '203.0.113.1'), await login(proxied, '203.0.113.1'), await login(proxied, '203.0.113.1')]).toEqual([200, 200, 429]);
      // …while another client behind the same proxy still signs in
      expect(await login(proxied, '198.51.100.7')).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});
