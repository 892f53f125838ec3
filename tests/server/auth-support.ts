import { request as httpRequest } from 'node:http';
import type { AccountRole } from '../../src/shared/contract/session';
import { createAccount, issueDisplayToken } from '../../src/server/auth/accounts';
import type { Store } from '../../src/server/store/store';
import { NOW } from './harness';

export const PASSWORD = 'correct horse battery staple';

/** An account made by the same code the CLI uses. */
export async function makeUser(store: Store, username: string, role: AccountRole, agencyId: string | null = null, password = PASSWORD) {
  return createAccount(store.auth, { username, role, agencyId, password, displayName: `Test ${role}` }, { now: NOW, agencyIds: store.meta().agencies.map((a) => a.id) });
}

export const makeDisplayToken = (store: Store, label: string) => issueDisplayToken(store.auth, label, NOW);

/** `paht_session=<id>` from a response's Set-Cookie, or null. */
export function sessionCookieOf(headers: Headers): string | null {
  const m = /(?:^|,\s*)paht_session=([^;]*)/.exec(headers.get('set-cookie') ?? '');
  return m && m[1] ? `paht_session=${m[1]}` : null;
}

export async function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: (text ? JSON.parse(text) : null) as Record<string, unknown> | null };
}

/** Signs in through the real endpoint; returns the cookie to send back. */
export async function login(url: string, username: string, password = PASSWORD): Promise<string> {
  const res = await post(url, '/api/v1/session', { username, password });
  const cookie = sessionCookieOf(res.headers);
  if (res.status !== 200 || !cookie) throw new Error(`login ${username}: ${res.status} ${res.text}`);
  return cookie;
}

/** A request from another loopback address (the login limit keys on the client address). */
export function postFrom(localAddress: string, url: string, path: string, body: unknown): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const u = new URL(`${url}${path}`);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
