import { PG_AUTH_MIGRATION } from './auth-schema';
import { PG_LOG_MIGRATION } from './log-schema';
import { PG_RANKINGS_MIGRATION } from './rankings-store';
import { openSyncPg, type SyncPg } from './sync-pg';

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/** Versioned, append-only, as SQLite's (src/server/store/migrations.ts): never edit or remove a released one. */
export const PG_MIGRATIONS: readonly PgMigration[] = [PG_LOG_MIGRATION, PG_AUTH_MIGRATION, PG_RANKINGS_MIGRATION];

/** Held for the whole run: several nodes starting at once apply each migration exactly once, one after another. */
export const MIGRATION_LOCK = 7_313_000;

// migrations only add: a statement that throws data away is refused before anything runs (DROP INDEX is allowed)
const DESTRUCTIVE = /\b(DROP\s+(TABLE|COLUMN|SCHEMA|DATABASE|VIEW|MATERIALIZED\s+VIEW|SEQUENCE|TYPE)|TRUNCATE|DELETE\s+FROM)\b/i;

/** A bridge to DATABASE_URL with this build's schema applied (what the server and the CLIs open); closed on failure. */
export function openMigratedPg(url: string): SyncPg {
  const pg = openSyncPg(url);
  try {
    applyPgMigrations(pg, PG_MIGRATIONS);
  } catch (err) {
    pg.close();
    throw err;
  }
  return pg;
}

/**
 * Brings the database to this build's schema and returns its version. Each migration runs in its own transaction
 * with its row in schema_migrations, so a failed one leaves the database at the previous version. A database
 * newer than the build is refused: old code could corrupt what a newer one wrote.
 */
export function applyPgMigrations(pg: SyncPg, migrations: readonly PgMigration[]): number {
  migrations.forEach((m, i) => {
    const prev = migrations[i - 1];
    if (prev && m.version <= prev.version) throw new Error(`migration ${m.version} (${m.name}) is out of order after ${prev.version}`);
    const bad = DESTRUCTIVE.exec(m.sql);
    if (bad) throw new Error(`migration ${m.version} (${m.name}) is destructive (${bad[0]}): migrations only add`);
  });
  const latest = migrations.at(-1)?.version ?? 0;

  pg.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    pg.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const current = pg.query<{ v: number }>('SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_migrations').rows[0]?.v ?? 0;
    if (current > latest) {
      throw new Error(`database schema version ${current} is newer than this build supports (${latest})`);
    }
    for (const m of migrations) {
      if (m.version <= current) continue;
      pg.query('BEGIN');
      try {
        pg.query(m.sql);
        pg.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
        pg.query('COMMIT');
      } catch (err) {
        rollbackQuietly(pg);
        throw err;
      }
    }
    return latest;
  } finally {
    // a connection that died has lost the lock with it; the migration's own error is the one to report
    try {
      pg.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    } catch {
      // nothing held any more
    }
  }
}

function rollbackQuietly(pg: SyncPg): void {
  try {
    pg.query('ROLLBACK');
  } catch {
    // the connection is gone, and the transaction with it
  }
}

/** The database's schema version (0 before the first migration). */
export function pgSchemaVersion(pg: SyncPg): number {
  const exists = pg.query("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'").rowCount > 0;
  if (!exists) return 0;
  return pg.query<{ v: number }>('SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_migrations').rows[0]?.v ?? 0;
}
