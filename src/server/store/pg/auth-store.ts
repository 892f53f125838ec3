import { SESSION_SELECT, toSession, toToken, toUser, type AuthStore, type SessionRow, type TokenRow, type UserRow } from '../sqlite/auth-store';
import type { SyncPg } from './sync-pg';

/**
 * Accounts, sessions and display tokens on PostgreSQL (migration 2, pg/auth-schema.ts): the same AuthStore as
 * SQLite's createSqliteAuth, shared by every API node, so a session made through one node is valid on all.
 * Each operation is ONE statement (the changes that end sessions are data-modifying CTEs), so it is atomic
 * without a transaction of its own and costs one round trip through the bridge. Usernames compare ignoring case
 * (lower(), as SQLite's COLLATE NOCASE; usernames are ASCII by rule) and list in that order, byte-wise.
 */

const USER_COLUMNS = 'id, username, display_name, role, agency_id, password_hash, disabled, created_at';
const TOKEN_COLUMNS = 'id, label, created_at, revoked_at';

export function createPgAuth(pg: SyncPg): AuthStore {
  const one = <R>(sql: string, params: readonly unknown[]): R | undefined => pg.query<R>(sql, params).rows[0];

  return {
    createUser(u, now) {
      const at = now.toISOString();
      const row = one<UserRow>(
        `INSERT INTO users (username, display_name, role, agency_id, password_hash, disabled, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, FALSE, $6, $6) RETURNING ${USER_COLUMNS}`,
        [u.username, u.displayName, u.role, u.agencyId, u.passwordHash, at],
      );
      if (!row) throw new Error('INSERT … RETURNING gave no row');
      return toUser(row);
    },
    userByName(username) {
      const r = one<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE lower(username) = lower($1)`, [username]);
      return r ? toUser(r) : null;
    },
    listUsers: () => pg.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY lower(username) COLLATE "C"`).rows.map(toUser),
    // the new password and the end of the account's sessions in one statement: nobody signs in between with the old
    setPassword(username, hash, now) {
      const r = one<{ n: number }>(
        `WITH u AS (UPDATE users SET password_hash = $1, updated_at = $2 WHERE lower(username) = lower($3) RETURNING id),
              ended AS (DELETE FROM sessions WHERE user_id IN (SELECT id FROM u))
         SELECT count(*)::int AS n FROM u`,
        [hash, now.toISOString(), username],
      );
      return (r?.n ?? 0) > 0;
    },
    disableUser(username, now) {
      const r = one<{ n: number }>(
        `WITH u AS (UPDATE users SET disabled = TRUE, updated_at = $1 WHERE lower(username) = lower($2) RETURNING id),
              ended AS (DELETE FROM sessions WHERE user_id IN (SELECT id FROM u))
         SELECT count(*)::int AS n FROM u`,
        [now.toISOString(), username],
      );
      return (r?.n ?? 0) > 0;
    },
    countUsers: () => one<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE NOT disabled', [])?.n ?? 0,

    createDisplayToken(label, hash, now) {
      const row = one<TokenRow>(`INSERT INTO display_tokens (label, token_hash, created_at) VALUES ($1, $2, $3) RETURNING ${TOKEN_COLUMNS}`, [
        label,
        hash,
        now.toISOString(),
      ]);
      if (!row) throw new Error('INSERT … RETURNING gave no row');
      return toToken(row);
    },
    displayTokenByHash(hash) {
      const r = one<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM display_tokens WHERE token_hash = $1 AND revoked_at IS NULL`, [hash]);
      return r ? toToken(r) : null;
    },
    listDisplayTokens: () => pg.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM display_tokens ORDER BY id`).rows.map(toToken),
    revokeDisplayToken(idOrLabel, now) {
      const id = /^[0-9]+$/.test(idOrLabel) && idOrLabel.length < 16 ? Number(idOrLabel) : -1;
      const r = one<TokenRow>(
        `WITH t AS (
           UPDATE display_tokens SET revoked_at = $3
           WHERE id = (SELECT id FROM display_tokens WHERE (id = $1 OR label = $2) AND revoked_at IS NULL ORDER BY id LIMIT 1)
           RETURNING ${TOKEN_COLUMNS}),
         ended AS (DELETE FROM sessions WHERE display_token_id IN (SELECT id FROM t))
         SELECT ${TOKEN_COLUMNS} FROM t`,
        [id, idOrLabel, now.toISOString()],
      );
      return r ? toToken(r) : null;
    },

    createSession(s) {
      pg.query(
        `INSERT INTO sessions (id_hash, kind, user_id, display_token_id, role, agency_id, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [s.idHash, s.kind, s.userId, s.displayTokenId, s.role, s.agencyId, s.createdAt, s.expiresAt],
      );
    },
    session(idHash) {
      const r = one<SessionRow>(`${SESSION_SELECT}$1`, [idHash]);
      return r ? toSession(r) : null;
    },
    deleteSession: (idHash) => void pg.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]),
    purgeExpired: (nowMs) => pg.query('DELETE FROM sessions WHERE expires_at IS NOT NULL AND expires_at < $1', [nowMs]).rowCount,
  };
}
