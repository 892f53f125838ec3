import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceData } from '../../src/shared/domain/reference';
import { createApp, type App } from '../../src/server/app';
import { openPgStore, type PgStore } from '../../src/server/store/pg-store';
import { PG_MIGRATIONS } from '../../src/server/store/pg/pg-migrations';
import { freshDatabase } from '../support/pg';
import { post, sessionCookieOf } from './auth-support';
import { INGEST_TOKEN, NOW, OPERATOR_TOKEN } from './harness';

// `npm run users -- …` with DATABASE_URL (issue 7): spawned for real against a fresh PostgreSQL database, which it
// migrates itself, while a server on the PostgreSQL store has the same database open: the accounts are the ones
// every node shares, so what the CLI writes is what the server's sign-in reads and what ends its sessions.

const CLI = join(import.meta.dirname, '../../src/server/cli/users.ts');
const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');

let database: Awaited<ReturnType<typeof freshDatabase>>;
let dir: string;
let store: PgStore | undefined;
let app: App | undefined;
let url: string;

function users(args: string[], stdin = '', env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // DATA_DIR points at an empty directory: with DATABASE_URL set nothing may land there
    const child = spawn(TSX, [CLI, ...args], { env: { ...process.env, DATA_DIR: join(dir, 'unused'), DATABASE_URL: database.url, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

async function sql<R extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: database.url });
  await c.connect();
  try {
    return (await c.query<R>(text, params)).rows;
  } finally {
    await c.end();
  }
}

// the body is read to the end: an unread one keeps its kept-alive connection busy, and the server's close waits for it
async function statusOf(input: string, init?: RequestInit): Promise<number> {
  const r = await fetch(input, init);
  await r.arrayBuffer();
  return r.status;
}

const signIn = (username: string, password: string) => post(url, '/api/v1/session', { username, password });

beforeAll(async () => {
  database = await freshDatabase();
  dir = mkdtempSync(join(tmpdir(), 'paht-users-cli-pg-'));
});
afterAll(async () => {
  await app?.close();
  store?.close();
  await database?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run users with DATABASE_URL', () => {
  it('migrates a new database itself; refuses --data-dir and a URL that is not PostgreSQL', async () => {
    const r = await users(['list']);
    expect(r, r.stderr).toMatchObject({ code: 0 });
    expect(r.stdout).toMatch(/no users/);
    const versions = await sql<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((v) => v.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
    expect((await users(['list', '--data-dir', dir])).code).toBe(2);
    const bad = await users(['list'], '', { DATABASE_URL: 'mysql://127.0.0.1/x' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/DATABASE_URL/);

    // now a server on the PostgreSQL store opens the same database
    store = openPgStore({ url: database.url, replicaFile: join(dir, 'replica.sqlite') });
    app = createApp({
      store,
      clock: () => NOW,
      config: { host: '127.0.0.1', port: 0, ingestToken: INGEST_TOKEN, operatorToken: OPERATOR_TOKEN, liveBatchMs: 20 },
      staticDir: dir,
      security: { loginRate: null },
      log: { info() {}, warn: console.warn, error: console.error },
    });
    url = await app.listen();
  }, 60_000);

  it('creates an operator whose password signs in on the server; only the scrypt hash is stored', async () => {
    expect((await signIn('dieu.hanh', 'mat khau rat dai 01')).status).toBe(401);
    const r = await users(['create', 'dieu.hanh', '--role', 'operator', '--name', 'Nguyễn Thị Điều Hành'], 'mat khau rat dai 01\n');
    expect(r, r.stderr).toMatchObject({ code: 0 });
    const ok = await signIn('dieu.hanh', 'mat khau rat dai 01');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ role: 'operator', user: { username: 'dieu.hanh', displayName: 'Nguyễn Thị Điều Hành' } });
    const rows = await sql<{ password_hash: string }>('SELECT password_hash FROM users');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    const dump = JSON.stringify(await sql('SELECT * FROM users'));
    expect(dump.includes('mat khau rat dai 01')).toBe(false);
  }, 30_000);

  it('a unit head needs a real unit; bad input exits non-zero and creates nothing; names are unique ignoring case', async () => {
    const agency = referenceData().agencies[5]?.id as string;
    expect((await users(['create', 'truong.a', '--role', 'unit_head'], 'mat khau rat dai 02\n')).code).toBe(1);
    expect((await users(['create', 'truong.a', '--role', 'unit_head', '--agency', 'no-such-unit'], 'mat khau rat dai 02\n')).code).toBe(1);
    expect((await users(['create', 'ngan', '--role', 'leader'], 'short\n')).code).toBe(1);
    expect((await sql<{ username: string }>('SELECT username FROM users ORDER BY id')).map((u) => u.username)).toEqual(['dieu.hanh']);
    const r = await users(['create', 'truong.a', '--role', 'unit_head', '--agency', agency, '--password-stdin'], 'mat khau rat dai 02\n');
    expect(r.code, r.stderr).toBe(0);
    expect((await signIn('truong.a', 'mat khau rat dai 02')).body).toMatchObject({ role: 'unit_head', agencyId: agency });
    expect((await users(['create', 'TRUONG.A', '--role', 'leader'], 'mat khau rat dai 03\n')).code).toBe(1);
    const list = await users(['list']);
    expect(list.stdout).toMatch(/dieu\.hanh\s+operator\s+-\s+Nguyễn Thị Điều Hành\s+active/);
    expect(list.stdout).toMatch(new RegExp(`truong\\.a\\s+unit_head\\s+${agency.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  }, 60_000);

  it('reset-password ends the server’s sessions of that account; disable refuses sign-in', async () => {
    const before = sessionCookieOf((await signIn('dieu.hanh', 'mat khau rat dai 01')).headers) as string;
    expect(await statusOf(`${url}/api/v1/agency-contacts`, { headers: { cookie: before } })).toBe(200);
    expect((await users(['reset-password', 'dieu.hanh'], 'mat khau moi rat dai\n')).code).toBe(0);
    expect(await statusOf(`${url}/api/v1/agency-contacts`, { headers: { cookie: before } })).toBe(401);
    expect((await signIn('dieu.hanh', 'mat khau rat dai 01')).status).toBe(401);
    const after = sessionCookieOf((await signIn('dieu.hanh', 'mat khau moi rat dai')).headers) as string;
    expect(await statusOf(`${url}/api/v1/agency-contacts`, { headers: { cookie: after } })).toBe(200);
    expect((await users(['disable', 'dieu.hanh'])).code).toBe(0);
    expect(await statusOf(`${url}/api/v1/agency-contacts`, { headers: { cookie: after } })).toBe(401);
    expect((await signIn('dieu.hanh', 'mat khau moi rat dai')).status).toBe(401);
    expect((await users(['disable', 'nobody'])).code).toBe(1);
  }, 60_000);

  it('display tokens: printed once, stored hashed, usable until revoked', async () => {
    const issued = await users(['display-token', 'issue', 'Màn hình tường P.201']);
    expect(issued.code, issued.stderr).toBe(0);
    const token = issued.stdout.trim().split('\n').at(-1) as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(await sql('SELECT * FROM display_tokens')).includes(token)).toBe(false);
    const session = await post(url, '/api/v1/session/display', { token });
    expect(session.body).toMatchObject({ role: 'display' });
    const cookie = sessionCookieOf(session.headers) as string;
    expect(await statusOf(`${url}/api/v1/stats/summary`, { headers: { cookie } })).toBe(200);
    expect((await users(['display-token', 'list'])).stdout).toMatch(/1\s+Màn hình tường P\.201\s+\S+\s+active/);
    expect((await users(['display-token', 'revoke', '1'])).code).toBe(0);
    expect(await statusOf(`${url}/api/v1/stats/summary`, { headers: { cookie } })).toBe(401);
    expect((await users(['display-token', 'revoke', 'Màn hình tường P.201'])).code).toBe(1);
  }, 60_000);
});
