import type { Socket } from 'socket.io';
import { can } from '../../shared/domain/access';
import type { Principal, PrincipalResolver } from '../auth/principal';
import type { LiveServer } from './broadcaster';

interface SocketAuth {
  principal: Principal;
  /** the handshake's credentials resolved again (a session may end, a display token be revoked) */
  resolve(): Principal;
  checkedAt: number;
  /** the credentials the socket connected with: sockets sharing them (one browser's tabs, one wall's screens) share a check */
  key: string;
}

const AUTH = new WeakMap<Socket, SocketAuth>();

const ANONYMOUS: Principal = { role: 'anonymous', user: null, agencyId: null, via: 'none', session: null, staleCookie: false, ingest: false };

/** Who opened this socket (anonymous if it was never authenticated: fail closed). */
export const socketPrincipal = (socket: Socket): Principal => AUTH.get(socket)?.principal ?? ANONYMOUS;

/** How often a connected socket's credentials are checked again (≤ this much staleness after a logout/revocation). */
export const RECHECK_MS = 1000;

export interface SocketAuthControl {
  /** disconnects sockets whose session ended or whose role changed (each checked at most every RECHECK_MS) */
  revalidate(): void;
  stop(): void;
}

/**
 * Live-stream authentication (docs/decisions/0011): the handshake's session cookie (same origin: foreign pages are
 * refused earlier, by allowRequest) or `auth.token` (a bearer-style token for tools and display screens). No
 * `live.subscribe` → the connection is refused with `unauthenticated` or `forbidden`. Sockets are checked again at
 * every broadcast and every few seconds; one whose session ended (logout, expiry, revoked display token) is
 * disconnected.
 */
export function installSocketAuth(io: LiveServer, resolver: PrincipalResolver): SocketAuthControl {
  io.use((socket, next) => {
    const raw: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    const token = typeof raw === 'string' && raw.length > 0 ? raw : null;
    const headers = socket.request.headers;
    const resolve = () => resolver.resolve(headers, token);
    const principal = resolve();
    if (!can(principal.role, 'live.subscribe')) {
      const code = principal.role === 'anonymous' ? 'unauthenticated' : 'forbidden';
      const err = new Error(code) as Error & { data?: unknown };
      err.data = { error: code, message: code === 'unauthenticated' ? 'sign in first' : `the role ${principal.role} may not subscribe to the live stream` };
      return next(err);
    }
    AUTH.set(socket, { principal, resolve, checkedAt: Date.now(), key: `${headers.cookie ?? ''}\n${headers.authorization ?? ''}\n${token ?? ''}` });
    next();
  });

  const revalidate = () => {
    const t = Date.now();
    // one lookup per distinct credential per round: with the accounts in PostgreSQL each lookup is a round trip
    const seen = new Map<string, Principal>();
    for (const socket of io.sockets.sockets.values()) {
      const a = AUTH.get(socket);
      if (!a || t - a.checkedAt < RECHECK_MS) continue;
      a.checkedAt = t;
      let p = seen.get(a.key);
      if (!p) seen.set(a.key, (p = a.resolve()));
      // ended, or now someone else (a role or unit change takes effect on the next connection, with its own scope)
      if (!can(p.role, 'live.subscribe') || p.role !== a.principal.role || p.agencyId !== a.principal.agencyId) socket.disconnect(true);
    }
  };
  // also without traffic: a revoked wall screen must not sit on an idle stream
  const timer = setInterval(revalidate, 5000);
  timer.unref();
  return { revalidate, stop: () => clearInterval(timer) };
}
