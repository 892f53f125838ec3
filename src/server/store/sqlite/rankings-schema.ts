/**
 * Migration 3 (decision 0005): finalised quarterly rankings, and the indexes the quarter reads use. Kept here so
 * migrations.ts only lists it. Released: never edit, add a new migration instead.
 */
export const RANKINGS_MIGRATION = {
  version: 3,
  name: 'finalised emulation rankings (snapshots with inputs and frozen exports); events by instant; reports by original due date',
  sql: `
      -- one row per finalised quarter, never updated or deleted: later data must not alter a published ranking
      CREATE TABLE ranking_snapshots (
        quarter TEXT PRIMARY KEY,
        finalised_at TEXT NOT NULL,
        finalised_by TEXT NOT NULL,
        formula_version TEXT NOT NULL,
        config TEXT NOT NULL,
        seq INTEGER NOT NULL,
        ranking TEXT NOT NULL,
        inputs TEXT NOT NULL,
        export_csv BLOB NOT NULL,
        export_xlsx BLOB NOT NULL
      );
      CREATE TRIGGER ranking_snapshots_frozen BEFORE UPDATE ON ranking_snapshots
        BEGIN SELECT RAISE(ABORT, 'a finalised ranking is never changed'); END;
      CREATE TRIGGER ranking_snapshots_kept BEFORE DELETE ON ranking_snapshots
        BEGIN SELECT RAISE(ABORT, 'a finalised ranking is never deleted'); END;
      -- events.at is UTC ISO text written by one formatter (ingest normalises it), so text order is time order
      CREATE INDEX events_at ON events(at);
      CREATE INDEX reports_original_due ON reports(original_due_at);
  `,
};
