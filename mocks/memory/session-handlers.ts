import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { ZodError } from 'zod';
import type { ApiError } from '../../src/shared/contract/api';
import { demoLoginRequest, displayLoginRequest, loginRequest } from '../../src/shared/contract/session';
import type { SessionResponse } from '../../src/shared/contract/session';
import { can, isUnitScoped } from '../../src/shared/domain/access';
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
          return fail(429, { error: 'rate_limited', message: `too many sign-in attempts for this account: retry after ${r.retryAfterSeconds} s` }, { 'retry-after': String(r.retryAfterSeconds) });
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
      if (!opts.demoLogin) return fail(404, { error: 'not_found', message: 'demo sign-in is off (DEMO_LOGIN=1 turns it on, never in production)' });
      try {
        const { role, agencyId } = demoLoginRequest.parse(await bodyOf(request));
        // the same 400 as the server's: a zod issue on agencyId
        const badAgency = (message: string) => fail(400, zodToApiError(new ZodError([{ code: 'custom', path: ['agencyId'], message, input: undefined }])));
        if (role === 'unit_head') {
          if (agencyId === undefined) return badAgency('required for a unit head');
          if (!agencyIds.has(agencyId)) return badAgency(`no unit ${agencyId} (see GET /api/v1/meta)`);
        } else if (agencyId !== undefined) {
          return badAgency(`only a unit head has a unit, not ${role}`);
        }
        return HttpResponse.json(asResponse(sessions.demo(role, agencyId ?? null), opts.demoLogin));
      } catch (err) {
        return invalid(err) ?? fail(500, { error: 'internal', message: 'internal server error' });
      }
    }),
  ];
}

type UnitRule = 'refuse' | 'force' | 'filter' | 'any';

interface Rule {
  method: string;
  re: RegExp;
  /** null: open to anyone (sign-in, reference data); 'ingest': the ingest handler checks its own token */
  needs: Capability | null | 'ingest';
  /** how a unit head is treated (src/server/auth/guard.ts): refuse, force their agencyId, filter to their unit, any */
  unit: UnitRule;
}

const r = (method: string, path: string, needs: Rule['needs'], unit: UnitRule = 'refuse'): Rule => ({
  method,
  re: new RegExp(`^${path.replace(/:[a-zA-Z]+/g, '[^/]+').replace(/\./g, '\\.')}$`),
  needs,
  unit,
});

/** The mock's twin of the server's route guards (src/server/routes/*: requireCapability): first match wins. */
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
  r('GET', '/api/v1/events', 'reports.read', 'filter'),
  r('GET', '/api/v1/reports', 'reports.read', 'force'),
  r('GET', '/api/v1/reports/due-soon', 'reports.read', 'filter'),
  r('GET', '/api/v1/reports/:id', 'reports.read', 'filter'),
  r('POST', '/api/v1/reports/:id/reminders', 'reminders.write'),
  r('GET', '/api/v1/overdue-queue', 'queue.read', 'force'),
  r('GET', '/api/v1/notifications', 'reminders.write'),
  r('POST', '/api/v1/notifications/:id/retry', 'reminders.write'),
  r('GET', '/api/v1/agency-contacts', 'reporter.read'),
  r('POST', '/api/v1/rankings/:quarter/finalise', 'rankings.finalise'),
  r('GET', '/api/v1/rankings', 'rankings.read', 'any'),
  r('GET', '/api/v1/rankings/:quarter', 'rankings.read', 'any'),
  r('GET', '/api/v1/rankings/:quarter/export.csv', 'rankings.read', 'any'),
  r('GET', '/api/v1/rankings/:quarter/export.xlsx', 'rankings.read', 'any'),
  r('GET', '/api/v1/rankings/:quarter/units/:agencyId', 'rankings.read', 'any'),
  r('GET', '/api/v1/map/points', 'reports.read', 'refuse'),
  r('GET', '/api/v1/stats/districts', 'stats.read'),
  r('GET', '/api/v1/stats/summary', 'stats.read'),
  r('GET', '/api/v1/stats/breakdown', 'stats.read'),
  r('GET', '/api/v1/stats/hotspots', 'stats.read'),
  r('GET', '/api/v1/stats/agencies', 'stats.read', 'force'),
  r('GET', '/api/v1/stats/kpis', 'stats.read', 'force'),
  r('GET', '/api/v1/stats/timeseries', 'stats.read', 'force'),
  r('GET', '/api/v1/stats/satisfaction', 'stats.read', 'force'),
  r('GET', '/api/v1/stats/satisfaction/disputes', 'stats.read', 'force'),
];

/** A route the table does not name (added later without a rule): read as province-wide statistics. */
const DEFAULT_RULE: Omit<Rule, 'method' | 're'> = { needs: 'stats.read', unit: 'refuse' };

const refusal = (caller: MockCaller, stale: boolean, what: Capability) =>
  caller.role === 'anonymous'
    ? fail(401, { error: 'unauthenticated', message: stale ? 'the session has ended (expired or signed out): sign in again' : 'sign in first (POST /api/v1/session)' })
    : fail(403, { error: 'forbidden', message: `the role ${caller.role} may not use this: it needs the capability '${what}'` });

/**
 * First in the handler list: refuses what the caller may not use with the server's answers (401 `unauthenticated`
 * when nobody is signed in, 403 `forbidden` naming the capability, a unit head's province-wide views and other
 * units refused, another unit's report 404) and lets the rest fall through to the endpoint's handler.
 * Known difference: the mock cannot rewrite a request, so a unit head's list WITHOUT agencyId is not narrowed to
 * their unit (the server forces it; the SPA always names the unit), nor are their feed and due-soon lists.
 */
export function accessGuardHandler(store: MemoryStore, opts: AccessOptions): HttpHandler {
  return http.all('*/api/*', ({ request }) => {
    const url = new URL(request.url);
    const found = RULES.find((x) => x.method === request.method && x.re.test(url.pathname));
    if (found?.needs === null || found?.needs === 'ingest') return undefined;
    if (!found && !url.pathname.startsWith('/api/v1/')) return undefined;
    const rule = found ?? DEFAULT_RULE;
    const needs = rule.needs as Capability;
    const stale = store.sessions.current() === null && store.sessions.takeEnded();
    const caller = stale ? { role: 'anonymous' as const, user: null, agencyId: null, expiresAt: null } : callerOf(request, store.sessions, opts);
    if (!isUnitScoped(caller.role)) return can(caller.role, needs) ? undefined : refusal(caller, stale, needs);
    const own = caller.agencyId ?? '';
    if (rule.unit === 'refuse') {
      return can(caller.role, needs)
        ? fail(403, { error: 'forbidden', message: `a province-wide view: a unit head sees their own unit's reports and figures (${own})` })
        : refusal(caller, stale, needs);
    }
    if (rule.unit === 'filter' || rule.unit === 'any') {
      if (!can(caller.role, needs)) return refusal(caller, stale, needs);
      const id = /^\/api\/v1\/reports\/(\d+)$/.exec(url.pathname)?.[1];
      if (id !== undefined) {
        // another unit's report does not exist for a unit head (404, not 403: its id says nothing)
        const report = store.getReport(Number(id), { withReporter: false });
        if (!report || (report.agencyId !== own && !report.coordinatingAgencyIds.includes(own))) {
          return fail(404, { error: 'not_found', message: `no report with id ${id}` });
        }
      }
      return undefined;
    }
    if (!can(caller.role, needs) && !can(caller.role, 'unit.read')) return refusal(caller, stale, needs);
    const asked = [url.searchParams.get('agencyId'), ...(url.searchParams.get('agencyIds') ?? '').split(',')].filter((v): v is string => v !== null && v.trim() !== '');
    const other = asked.find((a) => a.trim() !== own);
    if (other !== undefined) return fail(403, { error: 'forbidden', message: `a unit head sees only their own unit (${own}), not ${other}` });
    return undefined;
  });
}
