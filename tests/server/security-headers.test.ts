import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socketAs, startHardenedServer, type HardenedServer } from './authz-support';
import { created } from './fixtures';

const ALLOWED = 'https://partner.hue.example';
const FOREIGN = 'https://evil.example';

let s: HardenedServer;
let open: HardenedServer;
beforeAll(async () => {
  s = await startHardenedServer({ security: { tileUrl: 'https://{s}.tile.example.org/{z}/{x}/{y}.png', mediaOrigins: ['https://media.hue-s.example'] } });
  open = await startHardenedServer({ security: { corsOrigins: [ALLOWED] } });
});
afterAll(async () => {
  await s?.close();
  await open?.close();
});

const directives = (csp: string | null) => new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([k = '', ...v]) => [k, v]));

describe('security headers on every response', () => {
  const cases: [string, string, () => Promise<{ status: number; headers: Headers }>][] = [
    ['the SPA at /', 'page', () => s.request('GET', '/')],
    ['a client route (/backlog)', 'page', () => s.request('GET', '/backlog')],
    ['a static asset', 'page', () => s.request('GET', '/assets/app-test.js')],
    ['an API answer', 'api', () => s.request('GET', '/api/v1/meta')],
    ['a 400', 'api', () => s.request('GET', '/api/v1/reports?limit=0')],
    ['a 401', 'api', () => s.request('POST', '/api/v1/events', { body: {} })],
    ['a 403', 'api', () => s.request('GET', '/api/v1/agency-contacts')],
    ['a 404', 'api', () => s.request('GET', '/api/v1/nowhere')],
    ['a 413', 'api', () => s.request('POST', '/api/v1/reports/1/reminders', { caller: 'operator', body: { note: 'x'.repeat(70_000) } })],
    ['a CSV export', 'api', () => s.request('GET', '/api/v1/rankings/2023-Q4/export.csv')],
  ];
  it.each(cases)('%s', async (_name, kind, call) => {
    const res = await call();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    if (kind === 'api') {
      expect(csp.get('default-src')).toEqual(["'none'"]);
    } else {
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://*.tile.example.org', 'https://media.hue-s.example']);
      expect(csp.get('connect-src')).toEqual(["'self'", `ws://${new URL(s.url).host}`, `wss://${new URL(s.url).host}`]);
    }
  });

  it('API answers are never cached (operators get reporter identities); exports say their own policy', async () => {
    expect((await s.request('GET', '/api/v1/reports')).headers.get('cache-control')).toBe('no-store');
    expect((await s.request('GET', '/api/v1/reports/1', { caller: 'operator' })).headers.get('cache-control')).toBe('no-store');
    expect((await s.request('GET', '/api/v1/rankings/2023-Q4/export.csv')).headers.get('cache-control')).toBe('no-cache');
  });

  it('engine.io polling answers carry them too, and no CORS header; a foreign page is refused there as well', async () => {
    const res = await fetch(`${s.url}/socket.io/?EIO=4&transport=polling`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    await res.text();
    const foreign = await fetch(`${s.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: FOREIGN } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    await foreign.text();
  });
});

describe('CORS: closed by default', () => {
  it('answers a foreign page no CORS header, and refuses its preflight', async () => {
    const get = await s.request('GET', '/api/v1/reports', { headers: { origin: FOREIGN } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await s.request('OPTIONS', '/api/v1/events', { headers: { origin: FOREIGN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('refuses writes from a foreign page even with a valid token, but not from our own pages or from servers', async () => {
    const before = s.store.latestSeq();
    const foreign = await s.request('POST', '/api/v1/events', { caller: 'ingest', body: created(), headers: { origin: FOREIGN } });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ error: 'cross_origin' });
    expect((await s.request('POST', '/api/v1/events', { caller: 'ingest', body: created(), headers: { origin: 'null' } })).status).toBe(403);
    expect(s.store.latestSeq()).toBe(before);
    expect((await s.request('POST', '/api/v1/events', { caller: 'ingest', body: created(), headers: { origin: s.url } })).status).toBe(201);
    expect((await s.request('POST', '/api/v1/events', { caller: 'ingest', body: created() })).status).toBe(201);
  });

  it('opens exactly to the origins in CORS_ORIGINS', async () => {
    const get = await open.request('GET', '/api/v1/reports', { headers: { origin: ALLOWED } });
    expect(get.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(get.headers.get('vary')).toMatch(/Origin/);
    const pre = await open.request('OPTIONS', '/api/v1/events', { headers: { origin: ALLOWED, 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
    expect((await open.request('POST', '/api/v1/events', { caller: 'ingest', body: created(), headers: { origin: ALLOWED } })).status).toBe(201);
    const other = await open.request('GET', '/api/v1/reports', { headers: { origin: FOREIGN } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('live stream handshakes', () => {
  const outcome = (url: string, origin?: string) =>
    new Promise<string>((resolve) => {
      const sock = socketAs(url, 'anonymous', origin ? { origin } : {});
      const done = (v: string) => {
        sock.close();
        resolve(v);
      };
      sock.on('connect', () => done('connected'));
      sock.on('connect_error', () => done('refused'));
      setTimeout(() => done('timeout'), 4000);
    });

  it('refuses a foreign page (cross-site WebSocket hijacking), accepts our own pages, listed origins and servers', async () => {
    expect(await outcome(s.url, FOREIGN)).toBe('refused');
    expect(await outcome(s.url, 'null')).toBe('refused');
    expect(await outcome(s.url, s.url)).toBe('connected');
    expect(await outcome(s.url)).toBe('connected');
    expect(await outcome(open.url, ALLOWED)).toBe('connected');
    expect(await outcome(open.url, FOREIGN)).toBe('refused');
  });
});
