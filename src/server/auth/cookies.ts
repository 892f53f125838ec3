import type { IncomingHttpHeaders } from 'node:http';

/** The session cookie's name (the SPA never reads it: HttpOnly). */
export const SESSION_COOKIE = 'paht_session';

/** Browsers cap cookie lifetimes at 400 days; a display session lasts until its token is revoked. */
const MAX_COOKIE_SECONDS = 400 * 86_400;

/** The session id from a Cookie header, or null. Only our cookie is read; a malformed header is no cookie. */
export function sessionIdFrom(headers: IncomingHttpHeaders): string | null {
  const header = headers.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    // our ids are base64url; anything else is not one of ours
    return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
  }
  return null;
}

export function sessionCookie(id: string, opts: { maxAgeSeconds: number | null; secure: boolean }): string {
  const maxAge = Math.max(1, Math.min(MAX_COOKIE_SECONDS, Math.floor(opts.maxAgeSeconds ?? MAX_COOKIE_SECONDS)));
  return `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}${opts.secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0${secure ? '; Secure' : ''}`;
}
