import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { demoLoginRequest, displayLoginRequest, loginRequest, type AccountRole, type SessionResponse } from '../../shared/contract/session';
import type { AuthConfig } from '../auth/auth-config';
import { clearedSessionCookie, sessionCookie } from '../auth/cookies';
import { principalOf } from '../auth/guard';
import { dummyHash, verifyPassword } from '../auth/password';
import type { PrincipalResolver } from '../auth/principal';
import { digestOf, newSecret } from '../auth/secrets';
import { HttpError } from '../http/http-error';
import { z } from 'zod';
import { createTokenBuckets, type RateLimit } from '../security/rate-limit';
import type { AuthStore, SessionKind } from '../store/sqlite/auth-store';

export interface SessionDeps {
  auth: AuthStore;
  resolver: PrincipalResolver;
  clock: () => Date;
  config: AuthConfig;
  /** the agencies a demo unit head may pick */
  agencyIds: () => readonly string[];
  /** per-username sign-in attempts (the per-address limit is the hardening layer's, `rateLimit: 'login'`) */
  loginRate: RateLimit | null;
}

const HOUR = 3_600_000;

/** 400 invalid_input naming the field, as the error handler answers zod failures. */
const badAgency = (message: string) => new z.ZodError([{ code: 'custom', path: ['agencyId'], message, input: undefined }]);

/**
 * Sign-in, sign-out and "who am I" (docs/decisions/0011). Sessions are server-side rows; the browser holds only
 * a random id in an HttpOnly, SameSite=Strict cookie, and the table holds only the id's digest.
 */
export function sessionRoutes(app: FastifyInstance, deps: SessionDeps) {
  const { auth, resolver, clock, config } = deps;
  const perUser = deps.loginRate ? createTokenBuckets(deps.loginRate) : null;

  const begin = (reply: FastifyReply, s: { kind: SessionKind; role: AccountRole; agencyId: string | null; userId: number | null; displayTokenId: number | null }, request: FastifyRequest) => {
    const now = clock().getTime();
    // a sign-in replaces the session this browser had (no orphan sessions behind a new cookie)
    const previous = principalOf(request).session;
    if (previous) auth.deleteSession(previous.idHash);
    auth.purgeExpired(now);
    const id = newSecret();
    const expiresAt = s.kind === 'display' ? null : now + config.sessionTtlHours * HOUR;
    auth.createSession({ idHash: digestOf(id), createdAt: now, expiresAt, ...s });
    void reply.header('set-cookie', sessionCookie(id, { maxAgeSeconds: expiresAt === null ? null : (expiresAt - now) / 1000, secure: config.cookieSecure }));
    // answer as the new session (the request itself came in under the old one, or none)
    return resolver.sessionResponse(resolver.resolve({ cookie: `paht_session=${id}` }));
  };

  app.get('/api/v1/session', (request, reply): SessionResponse => {
    // the answer depends on the caller's cookie or token: never from a shared cache
    void reply.header('cache-control', 'no-store').header('vary', 'Cookie, Authorization');
    return resolver.sessionResponse(principalOf(request));
  });

  app.post('/api/v1/session', { config: { rateLimit: 'login' } }, async (request, reply) => {
    const { username, password } = loginRequest.parse(request.body ?? {});
    const key = username.toLowerCase();
    const limited = perUser?.take(key);
    if (limited && !limited.ok) {
      void reply.header('retry-after', String(limited.retryAfterSeconds));
      throw new HttpError(429, 'rate_limited', `too many sign-in attempts for this account: retry after ${limited.retryAfterSeconds} s`);
    }
    const user = auth.userByName(username);
    // an unknown or disabled account costs a full hash too: the answer and its timing are the same as a wrong password
    const ok = await verifyPassword(password, user && !user.disabled ? user.passwordHash : await dummyHash());
    if (!user || user.disabled || !ok) throw new HttpError(401, 'invalid_credentials', 'wrong username or password');
    return begin(reply, { kind: 'user', role: user.role, agencyId: user.agencyId, userId: user.id, displayTokenId: null }, request);
  });

  app.delete('/api/v1/session', (request, reply) => {
    const s = principalOf(request).session;
    if (s) auth.deleteSession(s.idHash);
    return reply.header('set-cookie', clearedSessionCookie(config.cookieSecure)).status(204).send();
  });

  app.post('/api/v1/session/display', { config: { rateLimit: 'login' } }, (request, reply) => {
    const { token } = displayLoginRequest.parse(request.body ?? {});
    const found = auth.displayTokenByHash(digestOf(token));
    if (!found) throw new HttpError(401, 'invalid_token', 'unknown or revoked display token');
    return begin(reply, { kind: 'display', role: 'display', agencyId: null, userId: null, displayTokenId: found.id }, request);
  });

  app.post('/api/v1/session/demo', (request, reply) => {
    if (!config.demoLogin) throw new HttpError(404, 'not_found', 'demo sign-in is off (DEMO_LOGIN=1 turns it on, never in production)');
    const { role, agencyId } = demoLoginRequest.parse(request.body ?? {});
    if (role === 'unit_head') {
      if (agencyId === undefined) throw badAgency('required for a unit head');
      if (!deps.agencyIds().includes(agencyId)) throw badAgency(`no unit ${agencyId} (see GET /api/v1/meta)`);
    } else if (agencyId !== undefined) {
      throw badAgency(`only a unit head has a unit, not ${role}`);
    }
    return begin(reply, { kind: 'demo', role, agencyId: agencyId ?? null, userId: null, displayTokenId: null }, request);
  });
}
