import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { createApp, type App, type AppDeps } from '../../src/server/app';
import type { Notifier } from '../../src/server/notify/notifier';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import type { LiveSocket } from './harness';
import { INGEST_TOKEN, NOW, OPERATOR_TOKEN } from './harness';

/** The caller kinds of this pass (roles and expired sessions join in the accounts pass). */
export const CALLERS = ['anonymous', 'ingest', 'operator', 'wrong'] as const;
export type Caller = (typeof CALLERS)[number];

export const WRONG_TOKEN = 'not-a-token-of-this-server';

export const tokenOf = (caller: Caller): string | null =>
  caller === 'ingest' ? INGEST_TOKEN : caller === 'operator' ? OPERATOR_TOKEN : caller === 'wrong' ? WRONG_TOKEN : null;

export const authHeaders = (caller: Caller): Record<string, string> => {
  const t = tokenOf(caller);
  return t ? { authorization: `Bearer ${t}` } : {};
};

/** A reminder gateway that is down: reminders stay `failed`, so an operator's retry has something to retry. */
export const failingNotifier: Notifier = { kind: 'test-down', send: () => Promise.reject(new Error('gateway down (test)')) };

export interface HardenedServer {
  url: string;
  app: App;
  store: Store;
  dir: string;
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
  const now = opts.now ?? NOW;
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
  return {
    url,
    app,
    store,
    dir,
    async request(method, path, { caller = 'anonymous', body, headers = {} } = {}) {
      const h: Record<string, string> = { ...authHeaders(caller), ...headers };
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

/** A socket.io client presenting the caller's token in the handshake (where the accounts pass will read it). */
export function socketAs(url: string, caller: Caller, extra: { origin?: string } = {}): LiveSocket {
  const token = tokenOf(caller);
  return connect(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(token ? { auth: { token } } : {}),
    ...(extra.origin ? { extraHeaders: { origin: extra.origin } } : {}),
  });
}
