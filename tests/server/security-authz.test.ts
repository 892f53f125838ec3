import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from '../../src/server/http/hardening';
import { HTTP_RULES, SOCKET_RULES, type MatrixContext } from './authz-matrix';
import { CALLERS, failingNotifier, socketAs, startHardenedServer, type Caller, type HardenedServer } from './authz-support';
import { created, later, reference } from './fixtures';
import { waitFor } from './harness';

let s: HardenedServer;
let ctx: MatrixContext;

beforeAll(async () => {
  s = await startHardenedServer({ notifier: failingNotifier });
  const { agency } = reference();
  // a report from the last quarter (so 2023-Q4 has data), still open and assigned: reminders apply to it
  const c = created({ at: '2023-11-20T02:00:00.000Z' });
  const seeded = await s.request('POST', '/api/v1/events', {
    caller: 'ingest',
    body: [c, later(c.externalId, 'assigned', { agencyId: agency.id }, '2023-11-20T03:00:00.000Z')],
  });
  expect(seeded.status).toBe(201);
  const reportId = (seeded.body as { results: { reportId: number }[] }).results[0]?.reportId ?? 0;
  const reminder = await s.request('POST', `/api/v1/reports/${reportId}/reminders`, { caller: 'operator', body: { channel: 'phone', target: 'unit_leader' } });
  expect(reminder.status).toBe(201);
  const notification = (reminder.body as { notification: { id: number; status: string } }).notification;
  expect(notification.status).toBe('failed');
  ctx = {
    reportId,
    agencyId: agency.id,
    pastQuarter: '2023-Q4',
    failedNotificationId: notification.id,
    ingestEvent: (caller) => created({ sourceEventId: `authz-${caller}-${Math.random()}`, externalId: `AUTHZ-${caller}-${Math.random()}` }),
  };
});
afterAll(async () => {
  await s?.close();
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
    const probe = socketAs(s.url, 'anonymous');
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
        const path = rule.path ? rule.path(ctx) : url;
        const body = rule.body ? rule.body(ctx, caller) : method === 'POST' ? {} : undefined;
        const res = await s.request(method, path, { caller, body });
        const allowed = rule.allow.includes(caller);
        const ok = allowed ? (rule.allowedStatus ?? [200, 201]).includes(res.status) : res.status === 401 || res.status === 403;
        outcomes.push(`${caller}: ${res.status}${ok ? '' : ` ${res.text.slice(0, 200)}`}`);
        expected.push(`${caller}: ${allowed ? 'allowed' : 'refused'}${ok ? '' : ' ✗'}`);
      }
      expect(expected.join('\n'), outcomes.join('\n')).not.toContain('✗');
    });
  }
});

describe('authorisation matrix: socket events', () => {
  for (const rule of SOCKET_RULES) {
    for (const caller of CALLERS) {
      const allowed = rule.allow.includes(caller);
      it(`${rule.event} as ${caller}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const sock = socketAs(s.url, caller);
        try {
          const outcome = await new Promise<string>((resolve) => {
            const timer = setTimeout(() => resolve('no answer'), 4000);
            const done = (v: string) => {
              clearTimeout(timer);
              resolve(v);
            };
            sock.on('live:subscribed', () => done('allowed'));
            sock.on('live:resync', () => done('allowed'));
            sock.on('connect_error', () => done('refused'));
            sock.on('disconnect', () => done('refused'));
            sock.on('connect', () => sock.emit(rule.event as 'live:subscribe', rule.payload(ctx) as { since: number }));
          });
          expect(outcome).toBe(allowed ? 'allowed' : 'refused');
        } finally {
          sock.close();
        }
      });
    }
  }
});
