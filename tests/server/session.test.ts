import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionResponse } from '../../src/shared/contract/session';
import { startHardenedServer, type HardenedServer } from './authz-support';
import { login, makeDisplayToken, makeUser, PASSWORD, post, postFrom, sessionCookieOf } from './auth-support';
import { NOW, startTestServer, type TestServer } from './harness';

// Sign-in, sign-out, expiry, display tokens and the demo picker over real HTTP (docs/decisions/0011).

const get = async (url: string, path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${url}${path}`, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
};

describe('accounts: sign-in and sign-out', () => {
  let s: TestServer;
  let agency: string;
  beforeAll(async () => {
    s = await startTestServer({ publicView: false });
    agency = s.store.meta().agencies[3]?.id as string;
    await makeUser(s.store, 'lanh.dao', 'leader');
    await makeUser(s.store, 'truong.don.vi', 'unit_head', agency);
  });
  afterAll(() => s?.close());

  it('says who is calling: nobody yet', async () => {
    const res = await get(s.url, '/api/v1/session');
    expect(res.status).toBe(200);
    expect(sessionResponse.parse(res.body)).toEqual({ role: 'anonymous', user: null, agencyId: null, expiresAt: null, demo: false });
    expect((await get(s.url, '/api/v1/reports')).status).toBe(401);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await post(s.url, '/api/v1/session', { username: 'lanh.dao', password: 'not the password' });
    const unknown = await post(s.url, '/api/v1/session', { username: 'nobody.here', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ error: 'invalid_credentials' });
    expect(sessionCookieOf(wrong.headers)).toBeNull();
    // bad input names the field
    const bad = await post(s.url, '/api/v1/session', { username: 'lanh.dao' });
    expect(bad.status).toBe(400);
    expect(bad.body?.issues).toEqual([expect.objectContaining({ path: 'password' })]);
  });

  it('signs in: an HttpOnly SameSite=Strict cookie for SESSION_TTL_HOURS, the session row holds only a digest', async () => {
    const res = await post(s.url, '/api/v1/session', { username: 'LANH.DAO', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(sessionResponse.parse(res.body)).toEqual({
      role: 'leader',
      user: { username: 'lanh.dao', displayName: 'Test leader' },
      agencyId: null,
      expiresAt: new Date(NOW.getTime() + 12 * 3_600_000).toISOString(),
      demo: false,
    });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^paht_session=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain('Max-Age=43200');
    expect(setCookie).not.toContain('Secure');
    const cookie = sessionCookieOf(res.headers) as string;
    const id = cookie.split('=')[1] as string;
    const db = new Database(join(s.dir, 'test.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT id_hash FROM sessions').pluck().all() as string[];
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).not.toContain(id);
    expect(readFileSync(join(s.dir, 'test.sqlite')).includes(id)).toBe(false);
    const me = await get(s.url, '/api/v1/session', { cookie });
    expect(me.body).toMatchObject({ role: 'leader', user: { username: 'lanh.dao' } });
    expect((await get(s.url, '/api/v1/reports?limit=1', { cookie })).status).toBe(200);
    // a leader has no reporter identities and sends no reminders
    expect((await get(s.url, '/api/v1/agency-contacts', { cookie })).status).toBe(403);
  });

  it('signs out: the cookie is cleared and the old id opens nothing any more', async () => {
    const cookie = await login(s.url, 'lanh.dao');
    const out = await fetch(`${s.url}/api/v1/session`, { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^paht_session=; .*Max-Age=0/);
    // a page load does not clear it: the API's first answer does, and says the session ended
    const page = await fetch(`${s.url}/map`, { headers: { cookie } });
    expect(page.headers.get('set-cookie')).toBeNull();
    const after = await get(s.url, '/api/v1/reports', { cookie });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: 'unauthenticated', message: expect.stringMatching(/session has ended/) });
    // the stale cookie is cleared on the way
    expect(after.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await get(s.url, '/api/v1/session', { cookie })).body).toMatchObject({ role: 'anonymous' });
  });

  it('expires SESSION_TTL_HOURS after sign-in', async () => {
    const cookie = await login(s.url, 'lanh.dao');
    s.setNow(new Date(NOW.getTime() + 12 * 3_600_000 - 1000));
    expect((await get(s.url, '/api/v1/reports?limit=1', { cookie })).status).toBe(200);
    s.setNow(new Date(NOW.getTime() + 12 * 3_600_000));
    expect((await get(s.url, '/api/v1/reports?limit=1', { cookie })).status).toBe(401);
    s.setNow(NOW);
  });

  it('a disabled account is signed out at once and cannot sign in', async () => {
    await makeUser(s.store, 'tam.thoi', 'operator');
    const cookie = await login(s.url, 'tam.thoi');
    expect((await get(s.url, '/api/v1/agency-contacts', { cookie })).status).toBe(200);
    s.store.auth.disableUser('tam.thoi', NOW);
    expect((await get(s.url, '/api/v1/agency-contacts', { cookie })).status).toBe(401);
    expect((await post(s.url, '/api/v1/session', { username: 'tam.thoi', password: PASSWORD })).status).toBe(401);
  });

  it('a unit head is told their unit', async () => {
    const cookie = await login(s.url, 'truong.don.vi');
    expect((await get(s.url, '/api/v1/session', { cookie })).body).toMatchObject({ role: 'unit_head', agencyId: agency });
  });
});

describe('display tokens', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ publicView: false });
  });
  afterAll(() => s?.close());

  it('a token is exchanged for a display cookie that lasts until the token is revoked', async () => {
    const { token, record } = makeDisplayToken(s.store, 'Màn hình tường tầng 2');
    const res = await post(s.url, '/api/v1/session/display', { token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ role: 'display', user: null, agencyId: null, expiresAt: null, demo: false });
    const cookie = sessionCookieOf(res.headers) as string;
    expect((await get(s.url, '/api/v1/stats/summary', { cookie })).status).toBe(200);
    expect((await get(s.url, '/api/v1/stats/summary', { authorization: `Bearer ${token}` })).status).toBe(200);
    // a display reads, nothing more
    expect((await get(s.url, '/api/v1/overdue-queue', { cookie })).status).toBe(403);
    // long-lived: a year later it still works
    s.setNow(new Date(NOW.getTime() + 365 * 86_400_000));
    expect((await get(s.url, '/api/v1/stats/summary', { cookie })).status).toBe(200);
    s.setNow(NOW);
    expect(s.store.auth.revokeDisplayToken(String(record.id), NOW)).not.toBeNull();
    expect((await get(s.url, '/api/v1/stats/summary', { cookie })).status).toBe(401);
    expect((await get(s.url, '/api/v1/stats/summary', { authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await post(s.url, '/api/v1/session/display', { token })).status).toBe(401);
  });

  it('an unknown token is refused', async () => {
    const res = await post(s.url, '/api/v1/session/display', { token: 'x'.repeat(43) });
    expect(res).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
  });
});

describe('demo sign-in', () => {
  it('is a 404 unless DEMO_LOGIN is on', async () => {
    const s = await startTestServer({ publicView: false, demoLogin: false });
    try {
      expect((await post(s.url, '/api/v1/session/demo', { role: 'operator' })).status).toBe(404);
    } finally {
      await s.close();
    }
  });

  it('gives any role a session; a unit head needs a real unit', async () => {
    const s = await startTestServer({ publicView: false, demoLogin: true });
    try {
      expect((await get(s.url, '/api/v1/session')).body).toMatchObject({ demo: true, role: 'anonymous' });
      const missing = await post(s.url, '/api/v1/session/demo', { role: 'unit_head' });
      expect(missing).toMatchObject({ status: 400, body: { error: 'invalid_input', issues: [{ path: 'agencyId' }] } });
      expect((await post(s.url, '/api/v1/session/demo', { role: 'unit_head', agencyId: 'no-such-unit' })).status).toBe(400);
      expect((await post(s.url, '/api/v1/session/demo', { role: 'leader', agencyId: 'x' })).status).toBe(400);
      const agency = s.store.meta().agencies[0]?.id as string;
      const res = await post(s.url, '/api/v1/session/demo', { role: 'unit_head', agencyId: agency });
      expect(res.body).toMatchObject({ role: 'unit_head', agencyId: agency, user: null, demo: true });
      const cookie = sessionCookieOf(res.headers) as string;
      expect((await get(s.url, '/api/v1/session', { cookie })).body).toMatchObject({ role: 'unit_head', agencyId: agency });
    } finally {
      await s.close();
    }
  });
});

describe('login rate limit and CSRF', () => {
  let s: HardenedServer;
  beforeAll(async () => {
    s = await startHardenedServer({ publicView: false, security: { loginRate: { ratePerSecond: 1 / 60, burst: 3 }, corsOrigins: ['https://partner.example'] } });
    await makeUser(s.store, 'nguoi.dung', 'operator');
    await makeUser(s.store, 'nguoi.khac', 'operator');
  });
  afterAll(() => s?.close());

  it('per address: after the burst even the right password is refused, with Retry-After; other addresses are not', async () => {
    for (let i = 0; i < 3; i++) expect((await postFrom('127.0.0.2', s.url, '/api/v1/session', { username: `x${i}`, password: 'wrong password' })).status).toBe(401);
    const limited = await postFrom('127.0.0.2', s.url, '/api/v1/session', { username: 'nguoi.khac', password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(limited.body)).toMatchObject({ error: 'rate_limited' });
    expect((await postFrom('127.0.0.3', s.url, '/api/v1/session', { username: 'nguoi.khac', password: PASSWORD })).status).toBe(200);
  });

  it('per username: guesses spread over addresses still lock that account only', async () => {
    for (const addr of ['127.0.0.4', '127.0.0.5', '127.0.0.6']) {
      expect((await postFrom(addr, s.url, '/api/v1/session', { username: 'nguoi.dung', password: 'guess guess' })).status).toBe(401);
    }
    const limited = await postFrom('127.0.0.7', s.url, '/api/v1/session', { username: 'NGUOI.DUNG', password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await postFrom('127.0.0.8', s.url, '/api/v1/session', { username: 'nguoi.khac', password: PASSWORD })).status).toBe(200);
  });

  it('a cookie session writes only from our own pages (Origin), even from a CORS-listed origin', async () => {
    const res = await postFrom('127.0.0.9', s.url, '/api/v1/session', { username: 'nguoi.khac', password: PASSWORD });
    const cookie = `paht_session=${/paht_session=([^;]*)/.exec(String(res.headers['set-cookie']))?.[1]}`;
    const listed = await fetch(`${s.url}/api/v1/session`, { method: 'DELETE', headers: { cookie, origin: 'https://partner.example' } });
    expect(listed.status).toBe(403);
    expect(await listed.json()).toMatchObject({ error: 'cross_origin' });
    const own = await fetch(`${s.url}/api/v1/session`, { method: 'DELETE', headers: { cookie, origin: s.url } });
    expect(own.status).toBe(204);
  });
});
