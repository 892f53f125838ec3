import type Database from 'better-sqlite3';
import type { AccountRole } from '../../../shared/contract/session';

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  role: AccountRole;
  agencyId: string | null;
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
}

export interface DisplayTokenRecord {
  id: number;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export type SessionKind = 'user' | 'display' | 'demo';

/** A session row joined with what can end it (the account disabled, the display token revoked). */
export interface SessionRecord {
  kind: SessionKind;
  role: AccountRole;
  agencyId: string | null;
  createdAt: number;
  /** epoch ms; null: until the display token is revoked */
  expiresAt: number | null;
  user: { username: string; displayName: string; disabled: boolean } | null;
  displayTokenRevoked: boolean | null;
}

export interface NewSession {
  idHash: string;
  kind: SessionKind;
  userId: number | null;
  displayTokenId: number | null;
  role: AccountRole;
  agencyId: string | null;
  createdAt: number;
  expiresAt: number | null;
}

/** Accounts, sessions and display tokens (migration 8). Hashing happens in src/server/auth; this only stores. */
export interface AuthStore {
  createUser(u: { username: string; displayName: string; role: AccountRole; agencyId: string | null; passwordHash: string }, now: Date): UserRecord;
  userByName(username: string): UserRecord | null;
  listUsers(): UserRecord[];
  /** sets a new password and ends the account's sessions (a reset is usually because someone else may know the old one) */
  setPassword(username: string, passwordHash: string, now: Date): boolean;
  /** disables the account and ends its sessions */
  disableUser(username: string, now: Date): boolean;
  countUsers(): number;

  createDisplayToken(label: string, tokenHash: string, now: Date): DisplayTokenRecord;
  /** the live token with this hash (null when unknown or revoked) */
  displayTokenByHash(tokenHash: string): DisplayTokenRecord | null;
  listDisplayTokens(): DisplayTokenRecord[];
  /** revokes by id or label and ends the sessions made from it; false when there is no such live token */
  revokeDisplayToken(idOrLabel: string, now: Date): DisplayTokenRecord | null;

  createSession(s: NewSession): void;
  session(idHash: string): SessionRecord | null;
  deleteSession(idHash: string): void;
  /** drops sessions that ended before `nowMs` (they are refused anyway; this keeps the table small) */
  purgeExpired(nowMs: number): number;
}

/** A users row as either store returns it: SQLite gives `disabled` as 0/1, PostgreSQL as a boolean. */
export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: AccountRole;
  agency_id: string | null;
  password_hash: string;
  disabled: number | boolean;
  created_at: string;
}
export interface TokenRow {
  id: number;
  label: string;
  created_at: string;
  revoked_at: string | null;
}
/** SESSION_SELECT's row */
export interface SessionRow {
  kind: SessionKind;
  role: AccountRole;
  agency_id: string | null;
  created_at: number;
  expires_at: number | null;
  user_id: number | null;
  username: string | null;
  display_name: string | null;
  disabled: number | boolean | null;
  display_token_id: number | null;
  revoked_at: string | null;
}

/**
 * A session with what can end it; the caller appends its dialect's placeholder for the id hash. A user's role and
 * unit are read from the account on every request: a change applies at once.
 */
export const SESSION_SELECT = `SELECT s.kind, COALESCE(u.role, s.role) AS role, CASE WHEN u.id IS NULL THEN s.agency_id ELSE u.agency_id END AS agency_id,
              s.created_at, s.expires_at, s.user_id, u.username, u.display_name, u.disabled, s.display_token_id, t.revoked_at
       FROM sessions s
       LEFT JOIN users u ON u.id = s.user_id
       LEFT JOIN display_tokens t ON t.id = s.display_token_id
       WHERE s.id_hash = `;

const isSet = (v: number | boolean | null): boolean => v === true || (typeof v === 'number' && v !== 0);

export const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  agencyId: r.agency_id,
  passwordHash: r.password_hash,
  disabled: isSet(r.disabled),
  createdAt: r.created_at,
});
export const toToken = (r: TokenRow): DisplayTokenRecord => ({ id: r.id, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at });
export const toSession = (r: SessionRow): SessionRecord => ({
  kind: r.kind,
  role: r.role,
  agencyId: r.agency_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  user: r.user_id === null ? null : { username: r.username ?? '', displayName: r.display_name ?? '', disabled: r.username === null || isSet(r.disabled) },
  displayTokenRevoked: r.display_token_id === null ? null : r.revoked_at !== null,
});

export function createSqliteAuth(db: Database.Database): AuthStore {
  const q = {
    insertUser: db.prepare(
      `INSERT INTO users (username, display_name, role, agency_id, password_hash, disabled, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 0, ?, ?) RETURNING *`,
    ),
    userByName: db.prepare('SELECT * FROM users WHERE username = ?'),
    users: db.prepare('SELECT * FROM users ORDER BY username'),
    setPassword: db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE username = ?'),
    disable: db.prepare('UPDATE users SET disabled = 1, updated_at = ? WHERE username = ?'),
    endUserSessions: db.prepare('DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)'),
    countUsers: db.prepare('SELECT COUNT(*) FROM users WHERE disabled = 0').pluck(),
    insertToken: db.prepare('INSERT INTO display_tokens (label, token_hash, created_at) VALUES (?, ?, ?) RETURNING id, label, created_at, revoked_at'),
    tokenByHash: db.prepare('SELECT id, label, created_at, revoked_at FROM display_tokens WHERE token_hash = ? AND revoked_at IS NULL'),
    tokens: db.prepare('SELECT id, label, created_at, revoked_at FROM display_tokens ORDER BY id'),
    liveToken: db.prepare('SELECT id, label, created_at, revoked_at FROM display_tokens WHERE (id = ? OR label = ?) AND revoked_at IS NULL'),
    revoke: db.prepare('UPDATE display_tokens SET revoked_at = ? WHERE id = ?'),
    endTokenSessions: db.prepare('DELETE FROM sessions WHERE display_token_id = ?'),
    insertSession: db.prepare(
      `INSERT INTO sessions (id_hash, kind, user_id, display_token_id, role, agency_id, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    session: db.prepare(`${SESSION_SELECT}?`),
    deleteSession: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
    purge: db.prepare('DELETE FROM sessions WHERE expires_at IS NOT NULL AND expires_at < ?'),
  };

  const revokeTx = db.transaction((idOrLabel: string, now: Date): DisplayTokenRecord | null => {
    const id = /^[0-9]+$/.test(idOrLabel) ? Number(idOrLabel) : -1;
    const row = q.liveToken.get(id, idOrLabel) as TokenRow | undefined;
    if (!row) return null;
    const at = now.toISOString();
    q.revoke.run(at, row.id);
    q.endTokenSessions.run(row.id);
    return { ...toToken(row), revokedAt: at };
  });

  const setPasswordTx = db.transaction((username: string, hash: string, now: Date): boolean => {
    const changed = q.setPassword.run(hash, now.toISOString(), username).changes > 0;
    if (changed) q.endUserSessions.run(username);
    return changed;
  });

  const disableTx = db.transaction((username: string, now: Date): boolean => {
    const changed = q.disable.run(now.toISOString(), username).changes > 0;
    if (changed) q.endUserSessions.run(username);
    return changed;
  });

  return {
    createUser(u, now) {
      const at = now.toISOString();
      return toUser(q.insertUser.get(u.username, u.displayName, u.role, u.agencyId, u.passwordHash, at, at) as UserRow);
    },
    userByName(username) {
      const r = q.userByName.get(username) as UserRow | undefined;
      return r ? toUser(r) : null;
    },
    listUsers: () => (q.users.all() as UserRow[]).map(toUser),
    setPassword: (username, hash, now) => setPasswordTx.immediate(username, hash, now),
    disableUser: (username, now) => disableTx.immediate(username, now),
    countUsers: () => q.countUsers.get() as number,

    createDisplayToken: (label, hash, now) => toToken(q.insertToken.get(label, hash, now.toISOString()) as TokenRow),
    displayTokenByHash(hash) {
      const r = q.tokenByHash.get(hash) as TokenRow | undefined;
      return r ? toToken(r) : null;
    },
    listDisplayTokens: () => (q.tokens.all() as TokenRow[]).map(toToken),
    // reads the token, then writes: IMMEDIATE, since another connection (decision 0014) may commit in between
    revokeDisplayToken: (idOrLabel, now) => revokeTx.immediate(idOrLabel, now),

    createSession(s) {
      q.insertSession.run(s.idHash, s.kind, s.userId, s.displayTokenId, s.role, s.agencyId, s.createdAt, s.expiresAt);
    },
    session(idHash) {
      const r = q.session.get(idHash) as SessionRow | undefined;
      return r ? toSession(r) : null;
    },
    deleteSession: (idHash) => void q.deleteSession.run(idHash),
    purgeExpired: (nowMs) => q.purge.run(nowMs).changes,
  };
}
