import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Report } from '../../shared/contract/report';
import { can, isUnitScoped, type Capability } from '../../shared/domain/access';
import { HttpError } from '../http/http-error';
import { isApiPath } from '../security/headers';
import { originVerdict } from '../security/origin';
import { clearedSessionCookie } from './cookies';
import type { Principal, PrincipalResolver } from './principal';

const PRINCIPALS = new WeakMap<FastifyRequest, Principal>();

const ANONYMOUS: Principal = { role: 'anonymous', user: null, agencyId: null, via: 'none', session: null, staleCookie: false, ingest: false };

/** The caller of a request (anonymous when the auth hook has not run: fail closed). */
export const principalOf = (request: FastifyRequest): Principal => PRINCIPALS.get(request) ?? ANONYMOUS;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves every request's caller once, before any route hook (so each guard is one table lookup), clears a
 * session cookie that no longer opens a session, and refuses cookie-authenticated writes from any page but our
 * own (CSRF: SameSite=Strict already keeps the cookie off cross-site requests; this covers CORS-listed origins and
 * browsers that ignore SameSite).
 */
export function installAuth(fastify: FastifyInstance, resolver: PrincipalResolver, opts: { cookieSecure: boolean }) {
  fastify.addHook('onRequest', (request, reply, done) => {
    const p = resolver.resolve(request.headers);
    PRINCIPALS.set(request, p);
    // cleared by the API's answer (the 401 that tells the SPA the session ended), not by the page load before it
    if (p.staleCookie && isApiPath(request.url)) void reply.header('set-cookie', clearedSessionCookie(opts.cookieSecure));
    if (p.via === 'cookie' && WRITES.has(request.method) && request.headers.origin !== undefined && originVerdict(request.headers, []) !== 'same') {
      return done(new HttpError(403, 'cross_origin', 'a signed-in session may only be used from the dashboard’s own pages'));
    }
    done();
  });
}

/**
 * How a route treats a unit-scoped caller (a unit head):
 * - `refuse` (default): 403 — a province-wide view (the live map), even where the role holds the capability;
 * - `force`: allowed with `unit.read` (or the capability), narrowed to their unit: the query's `agencyId` is set to
 *   it, and asking for another unit (`agencyId`, `agencyIds`) is a 403;
 * - `filter`: allowed with the capability; the handler drops what is not their unit's (`visibleTo`), a single
 *   report of another unit is a 404;
 * - `any`: allowed with the capability, not narrowed (figures about every unit that are public anyway: rankings).
 */
export type UnitRule = 'refuse' | 'force' | 'filter' | 'any';

function refusal(p: Principal, what: string): HttpError {
  return p.role === 'anonymous'
    ? new HttpError(401, 'unauthenticated', p.staleCookie ? 'the session has ended (expired or signed out): sign in again' : 'sign in first (POST /api/v1/session)')
    : new HttpError(403, 'forbidden', `the role ${p.role} may not use this: it needs the capability '${what}'`);
}

/** onRequest guard: the route needs `cap` (docs/decisions/0011). Runs before the body is read. */
export function requireCapability(cap: Capability, opts: { unit?: UnitRule } = {}): onRequestHookHandler {
  const unit = opts.unit ?? 'refuse';
  return (request, _reply, done) => {
    const p = principalOf(request);
    if (!isUnitScoped(p.role)) return done(can(p.role, cap) ? undefined : refusal(p, cap));
    const own = p.agencyId;
    if (own === null) return done(refusal({ ...p, role: 'anonymous' }, cap));
    if (unit === 'refuse') {
      return done(can(p.role, cap) ? new HttpError(403, 'forbidden', `a province-wide view: a unit head sees their own unit's reports and figures (${own})`) : refusal(p, cap));
    }
    if (unit === 'filter' || unit === 'any') return done(can(p.role, cap) ? undefined : refusal(p, cap));
    if (!can(p.role, cap) && !can(p.role, 'unit.read')) return done(refusal(p, cap));
    const query = request.query as Record<string, unknown> | undefined;
    if (query && typeof query === 'object') {
      const asked = [query.agencyId, ...String(query.agencyIds ?? '').split(',')].filter((v) => typeof v === 'string' && v.trim() !== '');
      const other = asked.find((a) => String(a).trim() !== own);
      if (other !== undefined) return done(new HttpError(403, 'forbidden', `a unit head sees only their own unit (${own}), not ${String(other)}`));
      query.agencyId = own;
    }
    done();
  };
}

/** The unit a caller is narrowed to (null: not unit-scoped). */
export function unitScopeOf(request: FastifyRequest): string | null {
  const p = principalOf(request);
  return isUnitScoped(p.role) ? p.agencyId : null;
}

/** A report belongs to a unit when the unit leads it or coordinates on it. */
export const reportOfUnit = (report: Pick<Report, 'agencyId' | 'coordinatingAgencyIds'>, agencyId: string): boolean =>
  report.agencyId === agencyId || report.coordinatingAgencyIds.includes(agencyId);

/** Whether the caller may see reporter name and phone (and unit contacts). */
export const mayReadReporter = (request: FastifyRequest): boolean => can(principalOf(request).role, 'reporter.read');
