import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { createApp, type App, type AppDeps } from '../../src/server/app';
import type { Notifier } from '../../src/server/notify/notifier';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import type { LiveSocket } from './harness';
import type { AccountRole } from '../../src/shared/contract/session';
import { makeDisplayToken, makeUser, PASSWORD, sessionCookieOf } from './auth-support';
import { INGEST_TOKEN, NOW, OPERATOR_TOKEN } from './harness';

/**
 * Every kind of caller the server distinguishes (docs/decisions/0011). Sessions are real: accounts made by the
 * CLI's code, signed in through POST /api/v1/session (`prepareCallers`).
 * - tokens: `operator` (OPERATOR_TOKEN), `ingest`, `wrong` (a token of no one), `display_token` (a live display token);
 * - cookie sessions: `operator_session`, `leader`, `home_affairs`, `unit_head` (scoped to the matrix's unit),
 *   `display` (a display token exchanged for a cookie);
 * - ended sessions: `expired` (signed in SESSION_TTL_HOURS ago), `logged_out`, `revoked_display` (its token revoked);
 * - nothing at all: `anonymous` (PUBLIC_VIEW off) and `public` (PUBLIC_VIEW=1: the caller is sent to a second server).
 */
export const CALLERS = [
  'anonymous',
  'public',
  'wrong',
  'ingest',
  'expired',
  'logged_out',
  'revoked_display',
  'display',
  'display_token',
  'unit_head',
  'home_affairs',
  'leader',
  'operator_session',
  'operator',
] as const;
export type Caller = (typeof CALLERS)[number];

export const WRONG_TOKEN = 'not-a-token-of-this-server';

/** Bearer tokens that exist without any setup (the others are made per server by prepareCallers). */
export const tokenOf = (caller: Caller): string | null =>
  caller === 'ingest' ? INGEST_TOKEN : caller === 'operator' ? OPERATOR_TOKEN : caller === 'wrong' ? WRONG_TOKEN : null;

export interface Credentials {
  cookie?: string;
  token?: string;
}

export const authHeaders = (caller: Caller, creds?: Credentials): Record<string, string> => {
  const t = creds?.token ?? tokenOf(caller);
  return { ...(t ? { authorization: `Bearer ${t}` } : {}), ...(creds?.cookie ? { cookie: creds.cookie } : {}) };
};

const HOUR = 3_600_000;

/**
 * Accounts, sessions and display tokens for every caller kind on `s` (accounts made by the CLI's code, sessions
 * through the real endpoints). Run again after a request that may have replaced or ended a caller's session.
 */
export async function prepareCallers(s: HardenedServer, unitAgencyId: string): Promise<void> {
  const users: [Caller, AccountRole, string | null][] = [
    ['operator_session', 'operator', null],
    ['leader', 'leader', null],
    ['home_affairs', 'home_affairs', null],
    ['unit_head', 'unit_head', unitAgencyId],
    ['expired', 'leader', null],
    ['logged_out', 'operator', null],
  ];
  for (const [caller, role, agency] of users) {
    if (!s.store.auth.userByName(`m.${caller}`)) await makeUser(s.store, `m.${caller}`, role, agency);
  }
  const login = async (username: string) => {
    const res = await fetch(`${s.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
    const cookie = sessionCookieOf(res.headers);
    if (res.status !== 200 || !cookie) throw new Error(`sign-in of ${username}: ${res.status}`);
    return cookie;
  };
  const exchange = async (token: string) => {
    const res = await fetch(`${s.url}/api/v1/session/display`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    const cookie = sessionCookieOf(res.headers);
    if (res.status !== 200 || !cookie) throw new Error(`display sign-in: ${res.status}`);
    return cookie;
  };
  const c = s.credentials;
  c.clear();
  for (const caller of ['operator_session', 'leader', 'home_affairs', 'unit_head'] as const) c.set(caller, { cookie: await login(`m.${caller}`) });
  // signed in more than SESSION_TTL_HOURS (12) ago
  s.setNow(new Date(s.now().getTime() - 13 * HOUR));
  c.set('expired', { cookie: await login('m.expired') });
  s.setNow(new Date(s.now().getTime() + 13 * HOUR));
  const out = await login('m.logged_out');
  const bye = await fetch(`${s.url}/api/v1/session`, { method: 'DELETE', headers: { cookie: out } });
  if (bye.status !== 204) throw new Error(`sign-out: ${bye.status}`);
  c.set('logged_out', { cookie: out });
  const live = makeDisplayToken(s.store, `matrix wall ${Math.random()}`);
  c.set('display', { cookie: await exchange(live.token) });
  c.set('display_token', { token: live.token });
  const doomed = makeDisplayToken(s.store, `matrix revoked ${Math.random()}`);
  c.set('revoked_display', { cookie: await exchange(doomed.token) });
  s.store.auth.revokeDisplayToken(String(doomed.record.id), s.now());
}

/** A reminder gateway that is down: reminders stay `failed`, so an operator's retry has something to retry. */
export const failingNotifier: Notifier = { kind: 'test-down', send: () => Promise.reject(new Error('gateway down (test)')) };

export interface HardenedServer {
  url: string;
  app: App;
  store: Store;
  dir: string;
  /** cookies and tokens of the caller kinds that need setup (prepareCallers) */
  credentials: Map<Caller, Credentials>;
  now(): Date;
  setNow(d: Date): void;
  request(method: string, path: string, opts?: { caller?: Caller; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; text: string; headers: Headers; body: unknown }>;
  close(): Promise<void>;
}

/**
 * A real server (SQLite in a temp folder, real HTTP) with the SPA route registered (a one-line index.html), so the
 * route list is what production registers; security settings as given.
 */
export async function startHardenedServer(
  opts: { now?: Date; security?: AppDeps['security']; notifier?: Notifier; extraRoutes?: (app: App) => void; publicView?: boolean; demoLogin?: boolean; sessionTtlHours?: number } = {},
): Promise<HardenedServer> {
  const dir = mkdtempSync(join(tmpdir(), 'paht-security-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>PAHT</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'app-test.js'), 'export {};');
  const store = openSqliteStore(join(dir, 'test.sqlite'));
  let now = opts.now ?? NOW;
  const app = createApp({
    store,
    clock: () => now,
    config: {
      host: '127.0.0.1',
      port: 0,
      ingestToken: INGEST_TOKEN,
      operatorToken: OPERATOR_TOKEN,
      liveBatchMs: 20,
      // the hardening tests read as a visitor of a public dashboard; the authorisation matrix passes false
      publicView: opts.publicView ?? true,
      demoLogin: opts.demoLogin ?? false,
      sessionTtlHours: opts.sessionTtlHours,
    },
    staticDir: dist,
    notifier: opts.notifier,
    security: { tileUrl: null, ...opts.security },
  });
  opts.extraRoutes?.(app);
  const url = await app.listen();
  const credentials = new Map<Caller, Credentials>();
  return {
    url,
    app,
    store,
    dir,
    credentials,
    now: () => now,
    setNow: (d) => (now = d),
    async request(method, path, { caller = 'anonymous', body, headers = {} } = {}) {
      const h: Record<string, string> = { ...authHeaders(caller, credentials.get(caller)), ...headers };
      if (body !== undefined && !h['content-type']) h['content-type'] = 'application/json';
      const res = await fetch(`${url}${path}`, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
      const text = await res.text();
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        // CSV, XLSX, HTML
      }
      return { status: res.status, text, headers: res.headers, body: parsed };
    },
    async close() {
      await app.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A socket.io client with the caller's credentials: a token in `auth.token`, a session cookie in the handshake. */
export function socketAs(url: string, caller: Caller, extra: { origin?: string; creds?: Credentials } = {}): LiveSocket {
  const token = extra.creds?.token ?? tokenOf(caller);
  const headers: Record<string, string> = { ...(extra.origin ? { origin: extra.origin } : {}), ...(extra.creds?.cookie ? { cookie: extra.creds.cookie } : {}) };
  return connect(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(token ? { auth: { token } } : {}),
    ...(Object.keys(headers).length > 0 ? { extraHeaders: headers } : {}),
  });
}
