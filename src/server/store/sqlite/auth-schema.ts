/**
 * Migration 8 (issue 6, decision 0011): accounts, server-side sessions and wall-screen display tokens. Additive
 * only. Secrets are never stored: passwords as scrypt hashes, session ids and display tokens as SHA-256 digests.
 * Released: never edit, add a new migration instead.
 */
export const AUTH_MIGRATION = {
  version: 8,
  name: 'accounts, sessions and display tokens (issue 6)',
  sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('operator', 'leader', 'home_affairs', 'unit_head', 'display')),
        agency_id TEXT,
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((role = 'unit_head') = (agency_id IS NOT NULL))
      );

      CREATE TABLE display_tokens (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL UNIQUE,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );

      -- kind: user (an account signed in), display (a display token exchanged for a cookie), demo (the demo picker)
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('user', 'display', 'demo')),
        user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
        display_token_id INTEGER REFERENCES display_tokens(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        agency_id TEXT,
        created_at INTEGER NOT NULL,
        expires_at INTEGER
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE INDEX sessions_expiry ON sessions(expires_at);
    `,
};
