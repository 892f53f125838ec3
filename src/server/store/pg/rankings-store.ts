import { toSnapshot, type RankingStore, type SnapshotRow } from '../sqlite/rankings-store';
import type { SyncPg } from './sync-pg';

/**
 * Migration 3 on PostgreSQL: finalised quarters, shared by every node (a quarter Home Affairs finalises through
 * one node is final on all of them). Never updated or deleted, as in SQLite (decision 0005).
 */
export const PG_RANKINGS_MIGRATION = {
  version: 3,
  name: 'finalised emulation rankings (snapshots with inputs and frozen exports)',
  sql: `
    CREATE TABLE ranking_snapshots (
      quarter TEXT PRIMARY KEY,
      finalised_at TEXT NOT NULL,
      finalised_by TEXT NOT NULL,
      formula_version TEXT NOT NULL,
      config TEXT NOT NULL,
      seq BIGINT NOT NULL,
      ranking TEXT NOT NULL,
      inputs TEXT NOT NULL,
      export_csv BYTEA NOT NULL,
      export_xlsx BYTEA NOT NULL
    );
    CREATE FUNCTION ranking_snapshots_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'a finalised ranking is never changed or deleted'; END $$;
    CREATE TRIGGER ranking_snapshots_frozen BEFORE UPDATE OR DELETE ON ranking_snapshots
      FOR EACH ROW EXECUTE FUNCTION ranking_snapshots_frozen();
  `,
} as const;

type SnapshotMethods = Pick<RankingStore, 'getSnapshot' | 'listSnapshots' | 'saveSnapshot' | 'frozenExport'>;

/** The finalised-quarter half of the ranking store on PostgreSQL; the quarter's events come from the read model. */
export function createPgRankingSnapshots(db: SyncPg): SnapshotMethods {
  return {
    getSnapshot(quarter) {
      const row = db.query<SnapshotRow>(
        'SELECT quarter, finalised_at, finalised_by, formula_version, config, seq, ranking, inputs FROM ranking_snapshots WHERE quarter = $1',
        [quarter],
      ).rows[0];
      return row ? toSnapshot(row) : null;
    },
    listSnapshots: () =>
      db
        .query<Pick<SnapshotRow, 'quarter' | 'finalised_at' | 'finalised_by'>>('SELECT quarter, finalised_at, finalised_by FROM ranking_snapshots ORDER BY quarter DESC')
        .rows.map((r) => ({ quarter: r.quarter, finalisedAt: r.finalised_at, finalisedBy: r.finalised_by })),
    saveSnapshot(s, exports) {
      const r = db.query(
        `INSERT INTO ranking_snapshots (quarter, finalised_at, finalised_by, formula_version, config, seq, ranking, inputs, export_csv, export_xlsx)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (quarter) DO NOTHING`,
        [s.quarter, s.finalisedAt, s.finalisedBy, s.formulaVersion, JSON.stringify(s.config), s.seq, JSON.stringify(s.ranking), JSON.stringify(s.inputs), Buffer.from(exports.csv), Buffer.from(exports.xlsx)],
      );
      return r.rowCount === 1;
    },
    frozenExport(quarter, kind) {
      const row = db.query<{ v: Uint8Array }>(`SELECT ${kind === 'csv' ? 'export_csv' : 'export_xlsx'} AS v FROM ranking_snapshots WHERE quarter = $1`, [quarter]).rows[0];
      // the bridge hands bytes over as a Uint8Array (structured clone): the exports are served as a Buffer
      return row ? Buffer.from(row.v.buffer, row.v.byteOffset, row.v.byteLength) : null;
    },
  };
}
