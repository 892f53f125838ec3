import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { LiveEvent } from '../../src/shared/contract/event';
import type { ClientToServerEvents, LiveSubscribed, ResyncRequired, ServerToClientEvents } from '../../src/shared/contract/socket';
import { createApp, type App } from '../../src/server/app';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';

export const INGEST_TOKEN = 'ingest-token-for-tests';
export const OPERATOR_TOKEN = 'operator-token-for-tests';
/** A fixed Vietnam-afternoon instant for the injectable clock. */
export const NOW = new Date('2024-03-15T07:00:00.000Z');

// response bodies are checked by the assertions (and contract schemas), not by the type system
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface TestServer {
  url: string;
  store: Store;
  app: App;
  dir: string;
  setNow(d: Date): void;
  /** POST /api/v1/events with the ingest token (or `token`) */
  ingest(body: unknown, token?: string | null): Promise<{ status: number; body: Json }>;
  get(path: string, token?: string): Promise<{ status: number; body: Json; text: string; headers: Headers }>;
  close(): Promise<void>;
}

/** A real server on a random loopback port over a temporary SQLite file, with an injectable clock. */
export async function startTestServer(opts: { now?: Date; liveBatchMs?: number; publicView?: boolean; demoLogin?: boolean; store?: Store } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'paht-server-test-'));
  // another store (a PostgreSQL node's) is the caller's to close
  const store = opts.store ?? openSqliteStore(join(dir, 'test.sqlite'));
  let now = opts.now ?? NOW;
  const app = createApp({
    store,
    clock: () => now,
    config: {
      host: '127.0.0.1',
      port: 0,
      ingestToken: INGEST_TOKEN,
      operatorToken: OPERATOR_TOKEN,
      liveBatchMs: opts.liveBatchMs ?? 20,
      // the API tests read as a visitor of a public dashboard; the authorisation matrix builds closed apps
      publicView: opts.publicView ?? true,
      demoLogin: opts.demoLogin ?? false,
    },
    // an empty folder: these tests are about the API, not the built SPA
    staticDir: dir,
    // tests sign in many times from one address; the login limit has its own tests (session.test.ts)
    security: { loginRate: null },
  });
  const url = await app.listen();
  return {
    url,
    store,
    app,
    dir,
    setNow: (d) => (now = d),
    async ingest(body, token = INGEST_TOKEN) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      const res = await fetch(`${url}/api/v1/events`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    },
    async get(path, token) {
      const res = await fetch(`${url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      const text = await res.text();
      let body: unknown = null;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON (the SPA hint)
      }
      return { status: res.status, body, text, headers: res.headers };
    },
    async close() {
      await app.close();
      if (!opts.store) store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client that records everything the server sends it. */
export interface LiveClient {
  socket: LiveSocket;
  events: LiveEvent[];
  subscribed: LiveSubscribed[];
  resyncs: ResyncRequired[];
  subscribe(since: number): Promise<LiveSubscribed | ResyncRequired>;
  close(): void;
}

export async function liveClient(url: string): Promise<LiveClient> {
  const socket: LiveSocket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  const c: LiveClient = {
    socket,
    events: [],
    subscribed: [],
    resyncs: [],
    subscribe(since) {
      return new Promise((resolve) => {
        const done = (v: LiveSubscribed | ResyncRequired) => {
          socket.off('live:subscribed', done);
          socket.off('live:resync', done);
          resolve(v);
        };
        socket.on('live:subscribed', done);
        socket.on('live:resync', done);
        socket.emit('live:subscribe', { since });
      });
    },
    close: () => socket.close(),
  };
  socket.on('report:events', (batch) => c.events.push(...batch));
  socket.on('live:subscribed', (s) => c.subscribed.push(s));
  socket.on('live:resync', (r) => c.resyncs.push(r));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return c;
}

export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
