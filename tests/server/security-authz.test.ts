import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../src/server/http/hardening';
import { HTTP_RULES, SOCKET_RULES, type MatrixContext } from './authz-matrix';
import { CALLERS, failingNotifier, prepareCallers, socketAs, startHardenedServer, type Caller, type HardenedServer } from './authz-support';
import { makeDisplayToken } from './auth-support';
import { created, later, reference } from './fixtures';
import { waitFor } from './harness';

/** the closed server (PUBLIC_VIEW off): every caller kind but `public` */
let s: HardenedServer;
/** the same data with PUBLIC_VIEW=1: where the `public` caller (no credentials) is sent */
let sp: HardenedServer;
const contexts = new Map<HardenedServer, MatrixContext>();

const serverOf = (caller: Caller) => (caller === 'public' ? sp : s);
const ctxOf = (caller: Caller) => contexts.get(serverOf(caller)) as MatrixContext;

/** Refused callers that are not signed in (or whose session ended) hear 401; signed-in roles hear 403. */
const SIGNED_OUT: readonly Caller[] = ['anonymous', 'wrong', 'expired', 'logged_out', 'revoked_display'];
const SIGNED_IN: readonly Caller[] = ['display', 'display_token', 'unit_head', 'home_affairs', 'leader', 'operator_session', 'operator'];

async function setUp(server: HardenedServer): Promise<void> {
  const { agency } = reference();
  // a report from the last quarter (so 2023-Q4 has data), still open and assigned: reminders apply to it
  const c = created({ at: '2023-11-20T02:00:00.000Z' });
  const seeded = await server.request('POST', '/api/v1/events', {
    caller: 'ingest',
    body: [c, later(c.externalId, 'assigned', { agencyId: agency.id }, '2023-11-20T03:00:00.000Z')],
  });
  expect(seeded.status).toBe(201);
  const reportId = (seeded.body as { results: { reportId: number }[] }).results[0]?.reportId ?? 0;
  const reminder = await server.request('POST', `/api/v1/reports/${reportId}/reminders`, { caller: 'operator', body: { channel: 'phone', target: 'unit_leader' } });
  expect(reminder.status).toBe(201);
  const notification = (reminder.body as { notification: { id: number; status: string } }).notification;
  expect(notification.status).toBe('failed');
  contexts.set(server, {
    reportId,
    agencyId: agency.id,
    pastQuarter: '2023-Q4',
    failedNotificationId: notification.id,
    ingestEvent: (caller) => created({ sourceEventId: `authz-${caller}-${Math.random()}`, externalId: `AUTHZ-${caller}-${Math.random()}` }),
    displayToken: makeDisplayToken(server.store, 'matrix sign-in row').token,
  });
  await prepareCallers(server, agency.id);
}

beforeAll(async () => {
  // loginRate off: the matrix signs in dozens of times from one address (the limit has its own tests)
  s = await startHardenedServer({ notifier: failingNotifier, publicView: false, demoLogin: true, security: { loginRate: null } });
  sp = await startHardenedServer({ notifier: failingNotifier, publicView: true, demoLogin: true, security: { loginRate: null } });
  await setUp(s);
  await setUp(sp);
}, 60_000);
afterAll(async () => {
  await s?.close();
  await sp?.close();
});

// the SPA's HEAD twins follow their GET (same handler and hooks); socket.io's own endpoint is not a Fastify route
const apiAndPages = () => registeredRoutes(s.app.fastify).filter((r) => !r.startsWith('HEAD '));

describe('authorisation matrix: coverage', () => {
  it('has exactly one rule for every route the app registers, and no rule for a route it does not', () => {
    const registered = new Set(apiAndPages());
    expect(registered.size).toBeGreaterThan(20);
    const ruled = HTTP_RULES.map((r) => r.endpoint);
    expect(new Set(ruled).size, 'duplicate rows').toBe(ruled.length);
    const missing = [...registered].filter((r) => !ruled.includes(r));
    expect(missing, 'routes without a row in tests/server/authz-matrix.ts').toEqual([]);
    const stale = ruled.filter((r) => !registered.has(r));
    expect(stale, 'rows for routes the app does not register').toEqual([]);
  });

  it('has a rule for every socket event the server listens to', async () => {
    const names: string[] = [];
    s.app.io.on('connection', (sock) => {
      // after the app's own connection handler (registered first) has attached its listeners
      setImmediate(() => names.push(...sock.eventNames().map(String)));
    });
    const probe = socketAs(s.url, 'operator');
    await waitFor(() => names.length > 0, 5000, 'server-side socket listeners');
    probe.close();
    const ruled = SOCKET_RULES.map((r) => r.event);
    const missing = [...new Set(names)].filter((n) => !ruled.includes(n) && n !== 'disconnect' && n !== 'disconnecting' && n !== 'error');
    expect(missing, 'socket events without a row in tests/server/authz-matrix.ts').toEqual([]);
    expect(ruled.filter((r) => !names.includes(r)), 'rows for events the server does not listen to').toEqual([]);
  });
});

describe('authorisation matrix: every cell over real HTTP', () => {
  // refused callers first: they must change nothing, and the allowed call after them still succeeds
  const order = (allow: readonly Caller[]) => [...CALLERS].sort((a, b) => Number(allow.includes(a)) - Number(allow.includes(b)));
  for (const rule of HTTP_RULES) {
    it(`${rule.endpoint}: ${rule.allow.join(', ')} allowed; everyone else refused`, async () => {
      const method = rule.endpoint.split(' ')[0] ?? 'GET';
      const url = rule.endpoint.slice(method.length + 1);
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const caller of order(rule.allow)) {
        const ctx = ctxOf(caller);
        const path = rule.path ? rule.path(ctx) : url;
        const body = rule.body ? rule.body(ctx, caller) : method === 'POST' ? {} : undefined;
        const res = await serverOf(caller).request(method, path, { caller, body });
        const allowed = rule.allow.includes(caller);
        const code = (res.body as { error?: string } | null)?.error;
        const refusal = SIGNED_OUT.includes(caller) || rule.refusedAs401
          ? res.status === 401 && (code === 'unauthenticated' || code === 'unauthorized')
          : SIGNED_IN.includes(caller)
            ? res.status === 403 && code === 'forbidden'
            : (res.status === 401 || res.status === 403) && code !== undefined;
        const ok = allowed ? (rule.allowedStatus ?? [200, 201]).includes(res.status) : refusal;
        outcomes.push(`${caller}: ${res.status}${ok ? '' : ` ${res.text.slice(0, 200)}`}`);
        expected.push(`${caller}: ${allowed ? 'allowed' : 'refused'}${ok ? '' : ' ✗'}`);
        // a sign-in or sign-out replaced or ended this caller's session: make them again for the next cells
        if (rule.changesSessions && serverOf(caller).credentials.get(caller)?.cookie) await prepareCallers(serverOf(caller), ctx.agencyId);
      }
      expect(expected.join('\n'), outcomes.join('\n')).not.toContain('✗');
    }, 30_000);
  }
});

describe('authorisation matrix: socket events', () => {
  for (const rule of SOCKET_RULES) {
    for (const caller of CALLERS) {
      const allowed = rule.allow.includes(caller);
      it(`${rule.event} as ${caller}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const server = serverOf(caller);
        const sock = socketAs(server.url, caller, { creds: server.credentials.get(caller) });
        try {
          const outcome = await new Promise<string>((resolve) => {
            const timer = setTimeout(() => resolve('no answer'), 4000);
            const done = (v: string) => {
              clearTimeout(timer);
              resolve(v);
            };
            sock.on('live:subscribed', () => done('allowed'));
            sock.on('live:resync', () => done('allowed'));
            // the handshake is refused with the reason, before any event can be sent
            sock.on('connect_error', (err) => done(`refused: ${err.message}`));
            sock.on('disconnect', () => done('disconnected'));
            sock.on('connect', () => sock.emit(rule.event as 'live:subscribe', rule.payload(ctxOf(caller)) as { since: number }));
          });
          expect(outcome).toBe(allowed ? 'allowed' : SIGNED_IN.includes(caller) ? 'refused: forbidden' : 'refused: unauthenticated');
        } finally {
          sock.close();
        }
      });
    }
  }
});
