import type Database from 'better-sqlite3';
import { BACKLOG_INDEX_MIGRATION, ROLLUP_FINE_MONTHLY_MIGRATION, ROLLUP_MIGRATION, ROLLUP_MONTHLY_MIGRATION } from './sqlite/rollup-schema';
import { RANKINGS_MIGRATION } from './sqlite/rankings-schema';
import { STATS_MIGRATION } from './sqlite/stats-schema';
import { AUTH_MIGRATION } from './sqlite/auth-schema';
import { OPEN_COUNTS_MIGRATION } from './sqlite/open-counts-schema';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Versioned, append-only: a released migration is never edited or removed, and none drops data. Times are
 * kept twice: as the ISO text the API returns (inside `doc`) and as epoch milliseconds in the indexed columns,
 * because text only compares correctly when every writer formats instants identically.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'event log, report projections, reporters, reference data',
    sql: `
      CREATE TABLE agencies (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
      CREATE TABLE categories (id TEXT PRIMARY KEY, doc TEXT NOT NULL);

      CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        external_id TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        category_id TEXT NOT NULL REFERENCES categories(id),
        agency_id TEXT REFERENCES agencies(id),
        district_code TEXT,
        ward_code TEXT,
        received_at INTEGER NOT NULL,
        due_at INTEGER,
        original_due_at INTEGER,
        resolved_at INTEGER,
        rating TEXT,
        rated_at INTEGER,
        search_text TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX reports_list ON reports(received_at DESC, id DESC);
      CREATE INDEX reports_status_due ON reports(status, due_at);
      CREATE INDEX reports_resolved ON reports(status, resolved_at);
      CREATE INDEX reports_rated ON reports(rated_at, rating);
      CREATE INDEX reports_agency ON reports(agency_id, received_at);
      CREATE INDEX reports_category ON reports(category_id, received_at);
      CREATE INDEX reports_district ON reports(district_code, received_at);
      CREATE INDEX reports_ward ON reports(ward_code, received_at);

      -- seq is assigned by the store (max + 1 inside the write transaction), so it is gap-free;
      -- the report row is written at the end of the same transaction, hence the deferred key
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        source_event_id TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        report_id INTEGER NOT NULL REFERENCES reports(id) DEFERRABLE INITIALLY DEFERRED,
        at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        actor TEXT,
        data TEXT NOT NULL
      );
      CREATE INDEX events_report ON events(report_id, seq);

      -- reporter identity lives only here, never in the event log or the public report document
      CREATE TABLE reporters (
        report_id INTEGER PRIMARY KEY REFERENCES reports(id) DEFERRABLE INITIALLY DEFERRED,
        name TEXT NOT NULL,
        phone TEXT NOT NULL
      );
    `,
  },
  ROLLUP_MIGRATION,
  RANKINGS_MIGRATION,
  STATS_MIGRATION,
  ROLLUP_MONTHLY_MIGRATION,
  ROLLUP_FINE_MONTHLY_MIGRATION,
  BACKLOG_INDEX_MIGRATION,
  AUTH_MIGRATION,
  OPEN_COUNTS_MIGRATION,
];

export function applyMigrations(db: Database.Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  if (current > latest) {
    // a newer build wrote this file; running old code against it could corrupt the projections
    throw new Error(`database schema version ${current} is newer than this build supports (${latest})`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
  return latest;
}

/** For a read-only connection: the file must already be at this build's schema (the writer migrates it first). */
export function assertSchemaCurrent(db: Database.Database): void {
  const latest = MIGRATIONS.at(-1)?.version ?? 0;
  const row = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  const current = row === undefined ? 0 : (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
  if (current !== latest) throw new Error(`database schema version ${current} is not this build's (${latest}): open it read-write first`);
}
