import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/server/store/migrations';
import { createPgAuth } from '../../src/server/store/pg/auth-store';
import { applyPgMigrations, PG_MIGRATIONS } from '../../src/server/store/pg/pg-migrations';
import { openSyncPg } from '../../src/server/store/pg/sync-pg';
import { createSqliteAuth, type AuthStore, type NewSession } from '../../src/server/store/sqlite/auth-store';
import { freshDatabase } from '../support/pg';

// ONE suite for accounts, sessions and display tokens, run on both stores (issue 7): the PostgreSQL store must
// be indistinguishable from SQLite's to the sign-in routes and the users CLI.

interface Opened {
  auth: AuthStore;
  close(): Promise<void>;
}

const factories: [string, () => Promise<Opened>][] = [
  [
    'SQLite',
    () => {
      const db = new Database(':memory:');
      applyMigrations(db);
      return Promise.resolve({ auth: createSqliteAuth(db), close: () => Promise.resolve(void db.close()) });
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const fresh = await freshDatabase();
      const pg = openSyncPg(fresh.url);
      applyPgMigrations(pg, PG_MIGRATIONS);
      return {
        auth: createPgAuth(pg),
        close: async () => {
          pg.close();
          await fresh.drop();
        },
      };
    },
  ],
];

const T0 = new Date('2026-11-30T02:00:00.000Z');
const later = (minutes: number): Date => new Date(T0.getTime() + minutes * 60_000);
const HASH = 'scrypt$32768$8$1$salt$hash';

describe.each(factories)('AuthStore on %s', (_name, open) => {
  let opened: Opened;
  let auth: AuthStore;
  beforeEach(async () => {
    opened = await open();
    auth = opened.auth;
  });
  afterEach(async () => {
    await opened.close();
  });

  const userSession = (idHash: string, userId: number, expiresAt: number | null = T0.getTime() + 3_600_000): NewSession => ({
    idHash,
    kind: 'user',
    userId,
    displayTokenId: null,
    role: 'operator',
    agencyId: null,
    createdAt: T0.getTime(),
    expiresAt,
  });

  it('creates accounts and finds them by name whatever the case', () => {
    const u = auth.createUser({ username: 'Dieu.Hanh', displayName: 'Nguyễn Thị Điều Hành', role: 'operator', agencyId: null, passwordHash: HASH }, T0);
    expect(u).toEqual({
      id: expect.any(Number) as number,
      username: 'Dieu.Hanh',
      displayName: 'Nguyễn Thị Điều Hành',
      role: 'operator',
      agencyId: null,
      passwordHash: HASH,
      disabled: false,
      createdAt: '2026-11-30T02:00:00.000Z',
    });
    expect(auth.userByName('dieu.hanh')).toEqual(u);
    expect(auth.userByName('DIEU.HANH')).toEqual(u);
    expect(auth.userByName('dieu')).toBeNull();
    const head = auth.createUser({ username: 'truong', displayName: 'Trưởng', role: 'unit_head', agencyId: 'so-xay-dung', passwordHash: HASH }, later(1));
    expect(head.id).not.toBe(u.id);
    expect(auth.userByName('truong')).toMatchObject({ role: 'unit_head', agencyId: 'so-xay-dung', createdAt: later(1).toISOString() });
  });

  it('refuses a second account with the same name in another case, and a unit that does not fit the role', () => {
    auth.createUser({ username: 'ngan', displayName: 'Ngân', role: 'leader', agencyId: null, passwordHash: HASH }, T0);
    expect(() => auth.createUser({ username: 'NGAN', displayName: 'x', role: 'leader', agencyId: null, passwordHash: HASH }, T0)).toThrow();
    expect(() => auth.createUser({ username: 'head', displayName: 'x', role: 'unit_head', agencyId: null, passwordHash: HASH }, T0)).toThrow();
    expect(() => auth.createUser({ username: 'lead', displayName: 'x', role: 'leader', agencyId: 'so-xay-dung', passwordHash: HASH }, T0)).toThrow();
    expect(auth.listUsers().map((u) => u.username)).toEqual(['ngan']);
  });

  it('lists accounts by name ignoring case; counts only enabled accounts', () => {
    for (const name of ['bravo', 'Alpha', 'charlie', 'Delta']) auth.createUser({ username: name, displayName: name, role: 'leader', agencyId: null, passwordHash: HASH }, T0);
    expect(auth.listUsers().map((u) => u.username)).toEqual(['Alpha', 'bravo', 'charlie', 'Delta']);
    expect(auth.countUsers()).toBe(4);
    expect(auth.disableUser('BRAVO', later(5))).toBe(true);
    expect(auth.countUsers()).toBe(3);
    expect(auth.userByName('bravo')?.disabled).toBe(true);
    expect(auth.disableUser('nobody', later(5))).toBe(false);
  });

  it('a password reset ends that account’s sessions only', () => {
    const a = auth.createUser({ username: 'a.user', displayName: 'A', role: 'operator', agencyId: null, passwordHash: HASH }, T0);
    const b = auth.createUser({ username: 'b.user', displayName: 'B', role: 'leader', agencyId: null, passwordHash: HASH }, T0);
    auth.createSession(userSession('sa1', a.id));
    auth.createSession(userSession('sa2', a.id));
    auth.createSession(userSession('sb1', b.id));
    expect(auth.setPassword('A.USER', 'scrypt$new', later(2))).toBe(true);
    expect(auth.userByName('a.user')?.passwordHash).toBe('scrypt$new');
    expect(auth.session('sa1')).toBeNull();
    expect(auth.session('sa2')).toBeNull();
    expect(auth.session('sb1')).not.toBeNull();
    expect(auth.setPassword('nobody', 'scrypt$new', later(2))).toBe(false);
  });

  it('disabling an account ends its sessions; a session made later shows the account disabled', () => {
    const a = auth.createUser({ username: 'tam.thoi', displayName: 'Tạm Thời', role: 'operator', agencyId: null, passwordHash: HASH }, T0);
    auth.createSession(userSession('s1', a.id));
    expect(auth.disableUser('tam.thoi', later(1))).toBe(true);
    expect(auth.session('s1')).toBeNull();
    auth.createSession(userSession('s2', a.id));
    expect(auth.session('s2')?.user).toEqual({ username: 'tam.thoi', displayName: 'Tạm Thời', disabled: true });
  });

  it('a user session reads role and unit from the account; demo sessions carry their own', () => {
    const head = auth.createUser({ username: 'truong', displayName: 'Trưởng Phòng', role: 'unit_head', agencyId: 'so-y-te', passwordHash: HASH }, T0);
    // the session row says operator; the account (unit head of so-y-te) is what counts
    auth.createSession({ ...userSession('u1', head.id), role: 'operator', agencyId: null });
    expect(auth.session('u1')).toEqual({
      kind: 'user',
      role: 'unit_head',
      agencyId: 'so-y-te',
      createdAt: T0.getTime(),
      expiresAt: T0.getTime() + 3_600_000,
      user: { username: 'truong', displayName: 'Trưởng Phòng', disabled: false },
      displayTokenRevoked: null,
    });
    auth.createSession({ idHash: 'd1', kind: 'demo', userId: null, displayTokenId: null, role: 'unit_head', agencyId: 'so-giao-thong', createdAt: T0.getTime(), expiresAt: T0.getTime() + 60_000 });
    expect(auth.session('d1')).toEqual({
      kind: 'demo',
      role: 'unit_head',
      agencyId: 'so-giao-thong',
      createdAt: T0.getTime(),
      expiresAt: T0.getTime() + 60_000,
      user: null,
      displayTokenRevoked: null,
    });
    auth.deleteSession('d1');
    expect(auth.session('d1')).toBeNull();
    expect(auth.session('never')).toBeNull();
  });

  it('display tokens: found by hash while live; revoked by label or id, which ends their sessions', () => {
    const wall = auth.createDisplayToken('Màn hình tường P.201', 'hash-wall', T0);
    const room = auth.createDisplayToken('Phòng họp', 'hash-room', later(1));
    expect(wall).toEqual({ id: expect.any(Number) as number, label: 'Màn hình tường P.201', createdAt: T0.toISOString(), revokedAt: null });
    expect(auth.displayTokenByHash('hash-wall')).toEqual(wall);
    expect(auth.displayTokenByHash('hash-none')).toBeNull();
    expect(() => auth.createDisplayToken('Phòng họp', 'hash-other', T0)).toThrow();
    expect(auth.listDisplayTokens().map((t) => t.label)).toEqual(['Màn hình tường P.201', 'Phòng họp']);

    const session = (idHash: string, tokenId: number): NewSession => ({ idHash, kind: 'display', userId: null, displayTokenId: tokenId, role: 'display', agencyId: null, createdAt: T0.getTime(), expiresAt: null });
    auth.createSession(session('w1', wall.id));
    auth.createSession(session('r1', room.id));
    expect(auth.session('w1')).toMatchObject({ kind: 'display', role: 'display', expiresAt: null, user: null, displayTokenRevoked: false });

    expect(auth.revokeDisplayToken('Màn hình tường P.201', later(10))).toEqual({ ...wall, revokedAt: later(10).toISOString() });
    expect(auth.session('w1')).toBeNull();
    expect(auth.session('r1')).not.toBeNull();
    expect(auth.displayTokenByHash('hash-wall')).toBeNull();
    expect(auth.revokeDisplayToken('Màn hình tường P.201', later(11))).toBeNull();

    expect(auth.revokeDisplayToken(String(room.id), later(12))?.revokedAt).toBe(later(12).toISOString());
    expect(auth.session('r1')).toBeNull();
    expect(auth.revokeDisplayToken(String(room.id), later(13))).toBeNull();
    expect(auth.revokeDisplayToken('no such screen', later(13))).toBeNull();
    expect(auth.revokeDisplayToken('99999999999999999999', later(13))).toBeNull();
    expect(auth.listDisplayTokens().map((t) => t.revokedAt)).toEqual([later(10).toISOString(), later(12).toISOString()]);
  });

  it('purges sessions that ended before now, keeping live ones and those without an end', () => {
    const u = auth.createUser({ username: 'u', displayName: 'U', role: 'leader', agencyId: null, passwordHash: HASH }, T0);
    const now = T0.getTime() + 10_000;
    auth.createSession(userSession('gone1', u.id, now - 1));
    auth.createSession(userSession('gone2', u.id, now - 5_000));
    auth.createSession(userSession('edge', u.id, now));
    auth.createSession(userSession('live', u.id, now + 1));
    const token = auth.createDisplayToken('wall', 'h', T0);
    auth.createSession({ idHash: 'forever', kind: 'display', userId: null, displayTokenId: token.id, role: 'display', agencyId: null, createdAt: 0, expiresAt: null });
    expect(auth.purgeExpired(now)).toBe(2);
    expect(['gone1', 'gone2', 'edge', 'live', 'forever'].map((id) => auth.session(id) !== null)).toEqual([false, false, true, true, true]);
    expect(auth.purgeExpired(now)).toBe(0);
  });
});

describe('AuthStore on PostgreSQL, two nodes', () => {
  it('a session created through node A is valid on node B, and ends on both', async () => {
    const fresh = await freshDatabase();
    const pgA = openSyncPg(fresh.url);
    const pgB = openSyncPg(fresh.url);
    try {
      applyPgMigrations(pgA, PG_MIGRATIONS);
      applyPgMigrations(pgB, PG_MIGRATIONS);
      const a = createPgAuth(pgA);
      const b = createPgAuth(pgB);
      const u = a.createUser({ username: 'dieu.hanh', displayName: 'Điều Hành', role: 'operator', agencyId: null, passwordHash: HASH }, T0);
      a.createSession({ idHash: 'x', kind: 'user', userId: u.id, displayTokenId: null, role: 'operator', agencyId: null, createdAt: T0.getTime(), expiresAt: null });
      expect(b.session('x')).toMatchObject({ kind: 'user', role: 'operator', user: { username: 'dieu.hanh' } });
      b.disableUser('dieu.hanh', later(1));
      expect(a.session('x')).toBeNull();
      expect(a.userByName('dieu.hanh')?.disabled).toBe(true);
    } finally {
      pgA.close();
      pgB.close();
      await fresh.drop();
    }
  });
});
