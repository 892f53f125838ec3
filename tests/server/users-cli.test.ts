import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import { post, sessionCookieOf } from './auth-support';
import { INGEST_TOKEN, NOW, OPERATOR_TOKEN } from './harness';

// `npm run users -- …` spawned for real against a temporary DATA_DIR, while a server has the same store open:
// what the CLI writes is what the server's sign-in reads.

const CLI = join(import.meta.dirname, '../../src/server/cli/users.ts');
const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');

let dir: string;
let store: Store;
let app: App;
let url: string;

function users(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...args], { env: { ...process.env, DATA_DIR: dir }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const signIn = (username: string, password: string) => post(url, '/api/v1/session', { username, password });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paht-users-cli-'));
  store = openSqliteStore(join(dir, 'paht.sqlite'));
  app = createApp({
    store,
    clock: () => NOW,
    config: { host: '127.0.0.1', port: 0, ingestToken: INGEST_TOKEN, operatorToken: OPERATOR_TOKEN, liveBatchMs: 20 },
    staticDir: dir,
    security: { loginRate: null },
    // a failure (500) says why in the test output
    log: { info() {}, warn: console.warn, error: console.error },
  });
  url = await app.listen();
});
afterAll(async () => {
  await app?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run users', () => {
  it('creates an operator whose password signs in on the running server; no default account exists', async () => {
    expect((await signIn('admin', 'admin')).status).toBe(401);
    const r = await users(['create', 'dieu.hanh', '--role', 'operator', '--name', 'Nguyễn Thị Điều Hành'], 'mat khau rat dai 01\n');
    expect(r, r.stderr).toMatchObject({ code: 0 });
    const ok = await signIn('dieu.hanh', 'mat khau rat dai 01');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ role: 'operator', user: { username: 'dieu.hanh', displayName: 'Nguyễn Thị Điều Hành' } });
    // the password is not in the database file, only its scrypt hash
    expect(readFileSync(join(dir, 'paht.sqlite')).includes('mat khau rat dai 01')).toBe(false);
    expect(store.auth.userByName('dieu.hanh')?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
  }, 30_000);

  it('a unit head needs a real unit; bad input exits non-zero and creates nothing', async () => {
    const agency = store.meta().agencies[5]?.id as string;
    expect((await users(['create', 'truong.a', '--role', 'unit_head'], 'mat khau rat dai 02\n')).code).toBe(1);
    expect((await users(['create', 'truong.a', '--role', 'unit_head', '--agency', 'no-such-unit'], 'mat khau rat dai 02\n')).code).toBe(1);
    expect((await users(['create', 'ngan', '--role', 'leader'], 'short\n')).code).toBe(1);
    expect((await users(['create', 'x', '--role', 'king'], 'mat khau rat dai 02\n')).code).toBe(1);
    expect((await users(['create', 'y', '--colour', 'red'])).code).toBe(2);
    expect(store.auth.listUsers().map((u) => u.username)).toEqual(['dieu.hanh']);
    const r = await users(['create', 'truong.a', '--role', 'unit_head', '--agency', agency, '--password-stdin'], 'mat khau rat dai 02\n');
    expect(r.code, r.stderr).toBe(0);
    expect((await signIn('truong.a', 'mat khau rat dai 02')).body).toMatchObject({ role: 'unit_head', agencyId: agency });
    const list = await users(['list']);
    expect(list.stdout).toMatch(/dieu\.hanh\s+operator\s+-\s+Nguyễn Thị Điều Hành\s+active/);
    expect(list.stdout).toMatch(new RegExp(`truong\\.a\\s+unit_head\\s+${agency.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // a duplicate name is refused
    expect((await users(['create', 'TRUONG.A', '--role', 'leader'], 'mat khau rat dai 03\n')).code).toBe(1);
  }, 60_000);

  it('reset-password replaces the password and ends the old sessions; disable signs the user out and refuses sign-in', async () => {
    const before = sessionCookieOf((await signIn('dieu.hanh', 'mat khau rat dai 01')).headers) as string;
    expect((await fetch(`${url}/api/v1/agency-contacts`, { headers: { cookie: before } })).status).toBe(200);
    expect((await users(['reset-password', 'dieu.hanh'], 'mat khau moi rat dai\n')).code).toBe(0);
    // whoever knew the old password is signed out with it
    expect((await fetch(`${url}/api/v1/agency-contacts`, { headers: { cookie: before } })).status).toBe(401);
    expect((await signIn('dieu.hanh', 'mat khau rat dai 01')).status).toBe(401);
    const fresh = await signIn('dieu.hanh', 'mat khau moi rat dai');
    expect(fresh.status).toBe(200);
    const after = sessionCookieOf(fresh.headers) as string;
    expect((await users(['reset-password', 'nobody'], 'mat khau moi rat dai\n')).code).toBe(1);
    expect((await fetch(`${url}/api/v1/agency-contacts`, { headers: { cookie: after } })).status).toBe(200);
    expect((await users(['disable', 'dieu.hanh'])).code).toBe(0);
    expect((await fetch(`${url}/api/v1/agency-contacts`, { headers: { cookie: after } })).status).toBe(401);
    expect((await signIn('dieu.hanh', 'mat khau moi rat dai')).status).toBe(401);
    expect((await users(['list'])).stdout).toMatch(/dieu\.hanh\s+operator.*disabled/);
  }, 60_000);

  it('display tokens: printed once, stored hashed, usable until revoked by label or id', async () => {
    const issued = await users(['display-token', 'issue', 'Màn hình tường P.201']);
    expect(issued.code, issued.stderr).toBe(0);
    const token = issued.stdout.trim().split('\n').at(-1) as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(join(dir, 'paht.sqlite')).includes(token)).toBe(false);
    const session = await post(url, '/api/v1/session/display', { token });
    expect(session.body).toMatchObject({ role: 'display' });
    const cookie = sessionCookieOf(session.headers) as string;
    expect((await fetch(`${url}/api/v1/stats/summary`, { headers: { cookie } })).status).toBe(200);
    const second = await users(['display-token', 'issue', 'Phòng họp']);
    const token2 = second.stdout.trim().split('\n').at(-1) as string;
    const listed = await users(['display-token', 'list']);
    expect(listed.stdout).toMatch(/1\s+Màn hình tường P\.201\s+\S+\s+active/);
    expect(listed.stdout).not.toContain(token);
    expect((await users(['display-token', 'revoke', 'Màn hình tường P.201'])).code).toBe(0);
    expect((await fetch(`${url}/api/v1/stats/summary`, { headers: { cookie } })).status).toBe(401);
    expect((await fetch(`${url}/api/v1/stats/summary`, { headers: { authorization: `Bearer ${token2}` } })).status).toBe(200);
    expect((await users(['display-token', 'revoke', '2'])).code).toBe(0);
    expect((await fetch(`${url}/api/v1/stats/summary`, { headers: { authorization: `Bearer ${token2}` } })).status).toBe(401);
    expect((await users(['display-token', 'revoke', '2'])).code).toBe(1);
    expect((await users(['display-token', 'list'])).stdout).toMatch(/2\s+Phòng họp\s+\S+\s+revoked/);
  }, 60_000);
});
