import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { ZodError } from 'zod';
import type { ApiError } from '../../src/shared/contract/api';
import { demoLoginRequest, displayLoginRequest, loginRequest } from '../../src/shared/contract/session';
import type { SessionResponse } from '../../src/shared/contract/session';
import { can } from '../../src/shared/domain/access';
import type { Capability } from '../../src/shared/domain/access';
import { zodToApiError } from '../api-errors';
import type { MemoryStore } from '../memory-store';
import type { MockCaller, MockSessions } from './session-store';

export interface AccessOptions {
  operatorToken: string;
  ingestToken: string;
  /** PUBLIC_VIEW=1: a visitor without credentials reads what a wall screen reads */
  publicView: boolean;
  /** DEMO_LOGIN=1: POST /api/v1/session/demo answers (404 otherwise) */
  demoLogin: boolean;
}

const fail = (status: number, body: ApiError, headers?: Record<string, string>) => HttpResponse.json(body, { status, headers });

const bearerOf = (request: Request) => /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? null;

const nobody = (role: 'public' | 'anonymous'): MockCaller => ({ role, user: null, agencyId: null, expiresAt: null });

/**
 * Who a request is, in the server's order: the (emulated) cookie session, then a bearer token (tools, tests), then
 * a visitor — public on a PUBLIC_VIEW server. A dead cookie (session just ended) and an unknown bearer token are
 * anonymous even there, so the page learns its session ended (401) instead of silently becoming a visitor.
 */
export function callerOf(request: Request, sessions: MockSessions, opts: AccessOptions): MockCaller {
  const current = sessions.current();
  if (current) return current;
  if (sessions.takeEnded()) return nobody('anonymous');
  const token = bearerOf(request);
  if (token !== null) {
    if (token === opts.operatorToken) return { role: 'operator', user: null, agencyId: null, expiresAt: null };
    if (sessions.isDisplayToken(token)) return { role: 'display', user: null, agencyId: null, expiresAt: null };
    // the ingest token reads like a visitor; any other token is a mistake, refused
    return nobody(opts.publicView && token === opts.ingestToken ? 'public' : 'anonymous');
  }
  return nobody(opts.publicView ? 'public' : 'anonymous');
}

const asResponse = (c: MockCaller, demo: boolean): SessionResponse => ({ role: c.role, user: c.user, agencyId: c.agencyId, expiresAt: c.expiresAt, demo });

async function bodyOf(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

/** The session endpoints (docs/decisions/0011) with the server's answers and errors. */
export function sessionHandlers(store: MemoryStore, opts: AccessOptions): HttpHandler[] {
  const sessions = store.sessions;
  const agencyIds = new Set(store.meta().agencies.map((a) => a.id));
  const invalid = (err: unknown) => (err instanceof ZodError ? fail(400, zodToApiError(err)) : null);
  return [
    http.get('*/api/v1/session', ({ request }) => HttpResponse.json(asResponse(callerOf(request, sessions, opts), opts.demoLogin))),

    http.post('*/api/v1/session', async ({ request }) => {
      try {
        const { username, password } = loginRequest.parse(await bodyOf(request));
        const r = sessions.login(username, password);
        if (r === 'invalid') return fail(401, { error: 'invalid_credentials', message: 'wrong username or password' });
        if ('retryAfterSeconds' in r) {
          return fail(429, { error: 'rate_limited', message: `too many sign-in attempts; retry in ${r.retryAfterSeconds} s` }, { 'retry-after': String(r.retryAfterSeconds) });
        }
        return HttpResponse.json(asResponse(r, opts.demoLogin));
      } catch (err) {
        return invalid(err) ?? fail(500, { error: 'internal', message: 'internal server error' });
      }
    }),

    http.delete('*/api/v1/session', () => {
      sessions.logout();
      return new HttpResponse(null, { status: 204 });
    }),

    http.post('*/api/v1/session/display', async ({ request }) => {
      try {
        const { token } = displayLoginRequest.parse(await bodyOf(request));
        const c = sessions.display(token);
        if (!c) return fail(401, { error: 'invalid_token', message: 'unknown or revoked display token' });
        return HttpResponse.json(asResponse(c, opts.demoLogin));
      } catch (err) {
        return invalid(err) ?? fail(500, { error: 'internal', message: 'internal server error' });
      }
    }),

    http.post('*/api/v1/session/demo', async ({ request }) => {
      if (!opts.demoLogin) return fail(404, { error: 'not_found', message: 'Route POST:/api/v1/session/demo not found' });
      try {
        const { role, agencyId } = demoLoginRequest.parse(await bodyOf(request));
        if (role === 'unit_head' && !agencyId) {
          return fail(400, { error: 'invalid_input', message: 'agencyId: required for unit_head', issues: [{ path: 'agencyId', message: 'required for unit_head' }] });
        }
        if (role !== 'unit_head' && agencyId !== undefined) {
          return fail(400, { error: 'invalid_input', message: 'agencyId: only for unit_head', issues: [{ path: 'agencyId', message: 'only for unit_head' }] });
        }
        if (agencyId !== undefined && !agencyIds.has(agencyId)) {
          return fail(400, { error: 'invalid_input', message: `agencyId: unknown unit ${agencyId}`, issues: [{ path: 'agencyId', message: `unknown unit ${agencyId}` }] });
        }
        return HttpResponse.json(asResponse(sessions.demo(role, agencyId ?? null), opts.demoLogin));
      } catch (err) {
        return invalid(err) ?? fail(500, { error: 'internal', message: 'internal server error' });
      }
    }),
  ];
}

interface Rule {
  method: string;
  re: RegExp;
  /** null: open to anyone (sign-in, reference data); 'ingest': the ingest handler checks its own token */
  needs: Capability | null | 'ingest';
  /** a unit head may use it for their own unit only (agencyId forced / checked) */
  unitScoped?: boolean;
}

const r = (method: string, path: string, needs: Rule['needs'], unitScoped = false): Rule => ({
  method,
  re: new RegExp(`^${path.replace(/:[a-zA-Z]+/g, '[^/]+').replace(/\./g, '\\.')}$`),
  needs,
  unitScoped,
});

/** The mock's twin of the server's route table (docs/decisions/0011): first match wins. */
const RULES: Rule[] = [
  r('GET', '/api/health', null),
  r('GET', '/api/v1/meta', null),
  r('GET', '/api/v1/config', null),
  r('GET', '/api/v1/session', null),
  r('POST', '/api/v1/session', null),
  r('DELETE', '/api/v1/session', null),
  r('POST', '/api/v1/session/display', null),
  r('POST', '/api/v1/session/demo', null),
  r('POST', '/api/v1/events', 'ingest'),
  r('GET', '/api/v1/events', 'reports.read'),
  r('GET', '/api/v1/reports', 'reports.read', true),
  r('GET', '/api/v1/reports/due-soon', 'reports.read'),
  r('GET', '/api/v1/reports/:id', 'reports.read', true),
  r('POST', '/api/v1/reports/:id/reminders', 'reminders.write'),
  r('GET', '/api/v1/overdue-queue', 'queue.read', true),
  r('GET', '/api/v1/notifications', 'queue.read'),
  r('POST', '/api/v1/notifications/:id/retry', 'reminders.write'),
  r('GET', '/api/v1/agency-contacts', 'reporter.read'),
  r('POST', '/api/v1/rankings/:quarter/finalise', 'rankings.finalise'),
  r('GET', '/api/v1/rankings', 'rankings.read'),
  r('GET', '/api/v1/rankings/:quarter', 'rankings.read'),
  r('GET', '/api/v1/rankings/:quarter/export.csv', 'rankings.read'),
  r('GET', '/api/v1/rankings/:quarter/export.xlsx', 'rankings.read'),
  r('GET', '/api/v1/rankings/:quarter/units/:agencyId', 'rankings.read'),
  // one unit's own figures: a unit head reads them for their unit
  r('GET', '/api/v1/stats/agencies', 'stats.read', true),
  r('GET', '/api/v1/stats/kpis', 'stats.read', true),
  r('GET', '/api/v1/stats/timeseries', 'stats.read', true),
  r('GET', '/api/v1/stats/satisfaction', 'stats.read', true),
  r('GET', '/api/v1/stats/satisfaction/disputes', 'stats.read', true),
];

/** Anything else under /api (map, province-wide statistics, hotspots, breakdowns): province-wide reading. */
const DEFAULT_NEEDS: Capability = 'stats.read';

/**
 * First in the handler list: refuses what the caller may not use, as the server does (401 `unauthenticated`
 * when nobody is signed in, 403 `forbidden` naming the capability), and lets the rest fall through to the
 * endpoint's handler. A unit head may ask only for their own unit (another unit's agencyId → 403, another
 * unit's report → 404). The mock cannot rewrite a request, so a unit head's list without agencyId is refused
 * (the server narrows it instead; the SPA always names the unit), and the feed and due-soon lists are not narrowed
 * (the server filters them to the unit; no view of a unit head reads them).
 */
export function accessGuardHandler(store: MemoryStore, opts: AccessOptions): HttpHandler {
  return http.all('*/api/*', ({ request }) => {
    const url = new URL(request.url);
    const rule = RULES.find((x) => x.method === request.method && x.re.test(url.pathname));
    if (rule?.needs === null || rule?.needs === 'ingest') return undefined;
    if (!rule && !url.pathname.startsWith('/api/v1/')) return undefined;
    const caller = callerOf(request, store.sessions, opts);
    const needs = rule?.needs ?? DEFAULT_NEEDS;
    if (caller.role === 'anonymous') return fail(401, { error: 'unauthenticated', message: 'sign in first (POST /api/v1/session); a session that ended must sign in again' });
    // a unit head uses the unit-scoped endpoints for their own unit, whatever the capability says province-wide
    if (caller.role === 'unit_head' && rule?.unitScoped) return unitScope(store, caller.agencyId ?? '', url);
    if (!can(caller.role, needs)) return forbidden(needs);
    return undefined;
  });
}

const forbidden = (needs: Capability) => fail(403, { error: 'forbidden', message: `your role may not use this (needs ${needs})` });

function unitScope(store: MemoryStore, own: string, url: URL): Response | undefined {
  const id = /^\/api\/v1\/reports\/(\d+)$/.exec(url.pathname)?.[1];
  if (id !== undefined) {
    const report = store.getReport(Number(id), { withReporter: false });
    const ours = report !== null && (report.agencyId === own || report.coordinatingAgencyIds.includes(own));
    return ours ? undefined : fail(404, { error: 'not_found', message: `no report with id ${id}` });
  }
  const asked = url.searchParams.get('agencyId');
  if (asked === null || asked === '') {
    return fail(403, { error: 'forbidden', message: `a unit head reads their own unit only: add agencyId=${own}` });
  }
  if (asked !== own) return fail(403, { error: 'forbidden', message: `a unit head reads their own unit only (${own})` });
  return undefined;
}
