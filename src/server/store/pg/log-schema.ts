/**
 * PostgreSQL schema of the shared event log (decision 0013): the log is the only thing the nodes share for
 * reports; every node projects it into its own SQLite read model. Columns mirror the SQLite `events` and
 * `reporters` tables byte for byte (data stays TEXT, not JSONB: JSONB would reorder keys and the log must
 * replay to identical documents). seq is assigned under the advisory lock LOG_WRITE_LOCK, so it is gap-free
 * across nodes; the primary key refuses a second writer that somehow got the same number.
 */
export const LOG_WRITE_LOCK = 7_313_001;

/** NOTIFY channel: payload is the newest seq after a committed append */
export const LOG_CHANNEL = 'paht_events';

export const PG_LOG_MIGRATION = {
  version: 1,
  name: 'event log and reporter identity (shared by every node)',
  sql: `
    CREATE TABLE events (
      seq BIGINT PRIMARY KEY,
      source_event_id TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL,
      report_id BIGINT NOT NULL,
      at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      actor TEXT,
      data TEXT NOT NULL
    );
    CREATE INDEX events_report ON events(report_id, seq);
    -- reporter identity: only operators ever receive it; kept apart from the log as in SQLite
    -- seq: the event that carried it (the report's creation), so a replica attaches it to that event only
    CREATE TABLE reporters (
      report_id BIGINT PRIMARY KEY,
      seq BIGINT NOT NULL UNIQUE REFERENCES events(seq),
      name TEXT NOT NULL,
      phone TEXT NOT NULL
    );
  `,
} as const;
