import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { CallerRole, SessionResponse } from '../../shared/contract/session';
import type { AuthStore, SessionKind } from '../store/sqlite/auth-store';
import type { AuthConfig } from './auth-config';
import { sessionIdFrom } from './cookies';
import { digestOf } from './secrets';

/** Who is calling, as every guard sees it (docs/decisions/0011). */
export interface Principal {
  role: CallerRole;
  /** the signed-in account (null for display tokens, bearer tokens, demo, public and anonymous callers) */
  user: { username: string; displayName: string } | null;
  /** a unit head's unit */
  agencyId: string | null;
  /** how the caller proved it: the session cookie, an Authorization bearer token, or nothing */
  via: 'cookie' | 'bearer' | 'none';
  /** the cookie session (digest of its id), when `via` is cookie */
  session: { idHash: string; kind: SessionKind; expiresAt: number | null } | null;
  /** a session cookie was sent but names no live session (expired, logged out, revoked): answered as anonymous */
  staleCookie: boolean;
  /** the ingest token: may POST /api/v1/events, nothing more than the public otherwise */
  ingest: boolean;
}

export interface Credentials {
  operatorToken: string;
  ingestToken: string;
}

const sha = (s: string) => createHash('sha256').update(s).digest();
// hashing first gives equal-length buffers, so the comparison time says nothing about the token
const sameToken = (a: string, b: string) => timingSafeEqual(sha(a), sha(b));

export function bearerFrom(headers: IncomingHttpHeaders): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return m?.[1] ?? null;
}

const nobody = (publicView: boolean): Principal => ({
  role: publicView ? 'public' : 'anonymous',
  user: null,
  agencyId: null,
  via: 'none',
  session: null,
  staleCookie: false,
  ingest: false,
});

export interface PrincipalResolver {
  /**
   * Cookie session first, then a bearer token (operator, ingest, display), then PUBLIC_VIEW's `public`, else
   * `anonymous`. `token` is a bearer-style token given another way (socket.io's `auth.token`).
   */
  resolve(headers: IncomingHttpHeaders, token?: string | null): Principal;
  /** The session as the SPA sees it (GET /api/v1/session). */
  sessionResponse(p: Principal): SessionResponse;
}

export function createPrincipalResolver(deps: { auth: AuthStore; clock: () => Date; credentials: Credentials; config: AuthConfig }): PrincipalResolver {
  const { auth, clock, credentials, config } = deps;

  function fromCookie(id: string): Principal | null {
    const idHash = digestOf(id);
    const s = auth.session(idHash);
    if (!s) return null;
    if (s.expiresAt !== null && s.expiresAt <= clock().getTime()) return null;
    if (s.kind === 'user' && (!s.user || s.user.disabled)) return null;
    if (s.kind === 'display' && s.displayTokenRevoked !== false) return null;
    return {
      role: s.role,
      user: s.user ? { username: s.user.username, displayName: s.user.displayName } : null,
      agencyId: s.role === 'unit_head' ? s.agencyId : null,
      via: 'cookie',
      session: { idHash, kind: s.kind, expiresAt: s.expiresAt },
      staleCookie: false,
      ingest: false,
    };
  }

  function fromBearer(token: string): Principal {
    const base = { user: null, agencyId: null, via: 'bearer' as const, session: null, staleCookie: false };
    if (sameToken(token, credentials.operatorToken)) return { ...base, role: 'operator', ingest: false };
    // the platform's token writes events; for reading it is no more than a visitor
    if (sameToken(token, credentials.ingestToken)) return { ...base, role: config.publicView ? 'public' : 'anonymous', ingest: true };
    if (auth.displayTokenByHash(digestOf(token))) return { ...base, role: 'display', ingest: false };
    // a wrong token is refused even when visitors may read: a tool with a typo must hear about it
    return { ...base, role: 'anonymous', ingest: false };
  }

  return {
    resolve(headers, token) {
      const cookieId = sessionIdFrom(headers);
      if (cookieId) {
        const p = fromCookie(cookieId);
        if (p) return p;
      }
      const bearer = token ?? bearerFrom(headers);
      if (bearer) return fromBearer(bearer);
      // a cookie that no longer opens a session: anonymous (401), so the SPA can say the session ended; the
      // reply clears the cookie, and the next request is an ordinary visitor's
      if (cookieId || headers.cookie?.includes('paht_session=')) return { ...nobody(false), staleCookie: true };
      return nobody(config.publicView);
    },
    sessionResponse(p) {
      return {
        role: p.role,
        user: p.user,
        agencyId: p.agencyId,
        expiresAt: p.session?.expiresAt != null ? new Date(p.session.expiresAt).toISOString() : null,
        demo: config.demoLogin,
      };
    },
  };
}
