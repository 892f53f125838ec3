import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ACCOUNT_ROLES } from '../../shared/contract/session';
import { AccountError, createAccount, issueDisplayToken, resetPassword } from '../auth/accounts';
import { referenceData } from '../../shared/domain/reference';
import { createPgAuth } from '../store/pg/auth-store';
import { openMigratedPg } from '../store/pg/pg-migrations';
import { isPostgresUrl, POSTGRES_URL_RULE } from '../store/pg/pg-url';
import { openSqliteStore } from '../store/sqlite-store';
import type { AuthStore } from '../store/sqlite/auth-store';

const USAGE = `npm run users -- <command>    (works on the server's own store: DATA_DIR/paht.sqlite, default ./data,
                                  or PostgreSQL's accounts when DATABASE_URL is set, as for the server)

  create <username> --role <role> [--agency <unit id>] [--name "Display name"] [--password-stdin]
        roles: ${ACCOUNT_ROLES.join(', ')}; a unit_head needs --agency (ids: GET /api/v1/meta)
        the password is prompted twice (hidden), or read from the first line of stdin when it is not a terminal
  reset-password <username> [--password-stdin]
  disable <username>                  signs the user out everywhere; the account can no longer sign in
  list
  display-token issue <label>         prints the token ONCE (only its digest is stored): give it to the wall screen
                                      as /wall?display=<token>, or as Authorization: Bearer <token>
  display-token list
  display-token revoke <id|label>     the screens using it are signed out within seconds

  --data-dir DIR     another store than DATA_DIR (SQLite only)`;

class UsageError extends Error {
  override name = 'UsageError';
}

const VALUE_OPTIONS = ['role', 'agency', 'name', 'data-dir'] as const;
const FLAG_OPTIONS = ['password-stdin', 'help'] as const;

function parse(argv: readonly string[]) {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const m = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(a);
    if (!m) {
      positional.push(a);
      continue;
    }
    const name = m[1] as string;
    if ((FLAG_OPTIONS as readonly string[]).includes(name)) flags.add(name);
    else if ((VALUE_OPTIONS as readonly string[]).includes(name)) {
      const v = m[2] ?? argv[++i];
      if (v === undefined) throw new UsageError(`--${name} needs a value`);
      values[name] = v;
    } else throw new UsageError(`unknown option --${name}`);
  }
  return { positional, values, flags };
}

/** Lines of stdin, read lazily (a piped password, or two for create's confirmation). */
function stdinLines(): () => Promise<string | null> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const queue: string[] = [];
  const waiting: ((v: string | null) => void)[] = [];
  let ended = false;
  rl.on('line', (l) => (waiting.length ? waiting.shift()?.(l) : queue.push(l)));
  rl.on('close', () => {
    ended = true;
    for (const w of waiting.splice(0)) w(null);
  });
  return () => (queue.length ? Promise.resolve(queue.shift() ?? null) : ended ? Promise.resolve(null) : new Promise((r) => waiting.push(r)));
}

/** A prompt on the terminal without echo. */
function hiddenPrompt(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    let answer = '';
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(answer);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new UsageError('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') answer = answer.slice(0, -1);
        else answer += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(flags: Set<string>): Promise<string> {
  if (flags.has('password-stdin') || !process.stdin.isTTY) {
    const line = await stdinLines()();
    if (line === null || line === '') throw new UsageError('no password on stdin');
    return line;
  }
  const first = await hiddenPrompt('Password: ');
  const second = await hiddenPrompt('Password again: ');
  if (first !== second) throw new UsageError('the two passwords differ');
  return first;
}

const pad = (rows: string[][]) => {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
};

function need(positional: string[], index: number, what: string): string {
  const v = positional[index];
  if (v === undefined || v.trim() === '') throw new UsageError(`missing ${what}`);
  return v;
}

/** Where the accounts live: the SQLite store's, or PostgreSQL's (shared by every node). */
interface Accounts {
  auth: AuthStore;
  agencyIds: readonly string[];
  close(): void;
}

function openAccounts(values: Record<string, string>): Accounts {
  const url = process.env.DATABASE_URL?.trim();
  if (url) {
    if (!isPostgresUrl(url)) throw new UsageError(`DATABASE_URL ${POSTGRES_URL_RULE}`);
    if (values['data-dir'] !== undefined) throw new UsageError('--data-dir is for the SQLite store; DATABASE_URL is set');
    // a fresh database, or one an older build left: the same migrations the server applies at start
    const pg = openMigratedPg(url);
    return { auth: createPgAuth(pg), agencyIds: referenceData().agencies.map((a) => a.id), close: () => pg.close() };
  }
  const dataDir = resolve(values['data-dir'] ?? process.env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  const store = openSqliteStore(join(dataDir, 'paht.sqlite'));
  return { auth: store.auth, agencyIds: store.meta().agencies.map((a) => a.id), close: () => store.close() };
}

async function run(store: Accounts, positional: string[], values: Record<string, string>, flags: Set<string>): Promise<void> {
  const now = new Date();
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const [command, sub] = positional;
  switch (command) {
    case 'create': {
      const username = need(positional, 1, '<username>');
      if (!values.role) throw new UsageError('--role is required');
      const password = await readPassword(flags);
      const u = await createAccount(
        store.auth,
        { username, role: values.role, agencyId: values.agency ?? null, displayName: values.name ?? null, password },
        { now, agencyIds: store.agencyIds },
      );
      out(`created ${u.username} (${u.role}${u.agencyId ? `, unit ${u.agencyId}` : ''})`);
      return;
    }
    case 'reset-password': {
      const username = need(positional, 1, '<username>');
      if (!store.auth.userByName(username)) throw new AccountError(`no user ${username}`);
      await resetPassword(store.auth, username, await readPassword(flags), now);
      out(`password of ${username} changed; the account's sessions are signed out`);
      return;
    }
    case 'disable': {
      const username = need(positional, 1, '<username>');
      if (!store.auth.disableUser(username, now)) throw new AccountError(`no user ${username}`);
      out(`${username} disabled and signed out`);
      return;
    }
    case 'list': {
      const users = store.auth.listUsers();
      if (users.length === 0) {
        out('no users (create one: npm run users -- create <username> --role operator)');
        return;
      }
      out(pad([['USERNAME', 'ROLE', 'UNIT', 'NAME', 'STATUS', 'CREATED'], ...users.map((u) => [u.username, u.role, u.agencyId ?? '-', u.displayName, u.disabled ? 'disabled' : 'active', u.createdAt])]));
      return;
    }
    case 'display-token': {
      if (sub === 'issue') {
        const { token, record } = issueDisplayToken(store.auth, need(positional, 2, '<label>'), now);
        out(`display token ${record.id} "${record.label}" (shown once, store it now):`);
        out(token);
        return;
      }
      if (sub === 'list') {
        const tokens = store.auth.listDisplayTokens();
        if (tokens.length === 0) {
          out('no display tokens');
          return;
        }
        out(pad([['ID', 'LABEL', 'CREATED', 'STATUS'], ...tokens.map((t) => [String(t.id), t.label, t.createdAt, t.revokedAt ? `revoked ${t.revokedAt}` : 'active'])]));
        return;
      }
      if (sub === 'revoke') {
        const which = need(positional, 2, '<id|label>');
        const revoked = store.auth.revokeDisplayToken(which, now);
        if (!revoked) throw new AccountError(`no active display token ${which}`);
        out(`display token ${revoked.id} "${revoked.label}" revoked`);
        return;
      }
      throw new UsageError(`display-token: expected issue, list or revoke`);
    }
    default:
      throw new UsageError(command ? `unknown command '${command}'` : 'missing command');
  }
}

async function main(argv: string[]): Promise<number> {
  let store: Accounts | null = null;
  try {
    const { positional, values, flags } = parse(argv);
    if (flags.has('help') || positional.length === 0) {
      process.stdout.write(`${USAGE}\n`);
      return positional.length === 0 && !flags.has('help') ? 2 : 0;
    }
    store = openAccounts(values);
    await run(store, positional, values, flags);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof AccountError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    store?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
