import type Database from 'better-sqlite3';
import { openStatuses } from '../../../shared/contract/common';
import type { Agency } from '../../../shared/contract/meta';
import type { RankingResponse, ScoringConfig } from '../../../shared/contract/rankings';
import type { RankingSnapshot, RankingSource } from '../../../shared/domain/scoring/rankings-service';
import type { ScoringWindow } from '../../../shared/domain/scoring/quarter-items';
import type { ScoringEvent } from '../../../shared/domain/scoring/report-history';

export type ExportKind = 'csv' | 'xlsx';

export interface RankingStore extends RankingSource {
  /** Inserts a finalised quarter with its exports; false when the quarter was already finalised (nothing changes). */
  saveSnapshot(snapshot: RankingSnapshot, exports: Record<ExportKind, Uint8Array>): boolean;
  /** the export bytes frozen at finalisation, or null for a quarter not finalised */
  frozenExport(quarter: string, kind: ExportKind): Buffer | null;
}

/** A ranking_snapshots row (both stores), without the frozen export bytes. */
export interface SnapshotRow {
  quarter: string;
  finalised_at: string;
  finalised_by: string;
  formula_version: string;
  config: string;
  seq: number;
  ranking: string;
  inputs: string;
}

export const toSnapshot = (r: SnapshotRow): RankingSnapshot => ({
  quarter: r.quarter,
  finalisedAt: r.finalised_at,
  finalisedBy: r.finalised_by,
  formulaVersion: r.formula_version,
  config: JSON.parse(r.config) as ScoringConfig,
  seq: r.seq,
  ranking: JSON.parse(r.ranking) as RankingResponse,
  inputs: JSON.parse(r.inputs) as RankingSnapshot['inputs'],
});

/**
 * How far before a quarter a dispute may have been raised and still be decided in it: 2 working days, however
 * long the holiday around them (Tết is at most ~9 days off, plus weekends). Generous on purpose.
 */
const DISPUTE_LOOKBACK_MS = 31 * 86_400_000;

// constants from the contract, not input: safe to inline (named and positional parameters do not mix)
const OPEN_LIST = openStatuses.map((s) => `'${s}'`).join(', ');

/**
 * The rankings' reads and the finalised snapshots. Which reports can contribute to a quarter [from, to) as of
 * `asOf` (docs/decisions/0005): those with an event in [from, asOf); those open at asOf (still open now, or
 * resolved since — their latest resolution is then at or after `from`); those resolved in or after the quarter;
 * those whose first-round deadline falls in it (resolved early, before the quarter began); and those disputed
 * shortly before it, whose 2-working-day answer deadline may fall in it. Their whole
 * event histories are read and the pure scoring decides; a superset is harmless.
 */
export function createRankingStore(db: Database.Database, agencies: () => readonly Agency[]): RankingStore {
  const q = {
    maxSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) FROM events').pluck(),
    firstAt: db.prepare('SELECT MIN(at) FROM events').pluck(),
    earliestAfter: db.prepare('SELECT MIN(at) FROM events WHERE seq > ?').pluck(),
    windowEvents: db.prepare(
      `WITH cand(id) AS (
         SELECT report_id FROM events WHERE at >= @fromIso AND at < @asOfIso
         UNION SELECT report_id FROM events WHERE at >= @disputesFromIso AND at < @fromIso AND type IN ('commented', 'reopened')
         UNION SELECT id FROM reports WHERE status IN (${OPEN_LIST}) AND received_at < @asOf
         UNION SELECT id FROM reports WHERE status = 'resolved' AND resolved_at >= @from AND received_at < @asOf
         UNION SELECT id FROM reports WHERE original_due_at >= @from AND original_due_at < @asOf
       )
       SELECT e.seq, e.type, e.report_id, e.at, e.data FROM events e JOIN cand c ON c.id = e.report_id
       ORDER BY e.report_id, e.seq`,
    ),
    snapshot: db.prepare('SELECT * FROM ranking_snapshots WHERE quarter = ?'),
    snapshots: db.prepare('SELECT quarter, finalised_at, finalised_by FROM ranking_snapshots ORDER BY quarter DESC'),
    insert: db.prepare(
      `INSERT INTO ranking_snapshots (quarter, finalised_at, finalised_by, formula_version, config, seq, ranking, inputs, export_csv, export_xlsx)
       VALUES (@quarter, @finalisedAt, @finalisedBy, @formulaVersion, @config, @seq, @ranking, @inputs, @csv, @xlsx)
       ON CONFLICT(quarter) DO NOTHING`,
    ),
    csv: db.prepare('SELECT export_csv FROM ranking_snapshots WHERE quarter = ?').pluck(),
    xlsx: db.prepare('SELECT export_xlsx FROM ranking_snapshots WHERE quarter = ?').pluck(),
  };

  const windowTx = db.transaction((w: ScoringWindow) => {
    const rows = q.windowEvents.all({
      fromIso: new Date(w.from).toISOString(),
      disputesFromIso: new Date(w.from - DISPUTE_LOOKBACK_MS).toISOString(),
      asOfIso: new Date(w.asOf).toISOString(),
      from: w.from,
      asOf: w.asOf,
    }) as { seq: number; type: ScoringEvent['type']; report_id: number; at: string; data: string }[];
    const grouped: ScoringEvent[][] = [];
    let current: ScoringEvent[] = [];
    for (const r of rows) {
      if (current.length > 0 && current[0]?.reportId !== r.report_id) {
        grouped.push(current);
        current = [];
      }
      current.push({ seq: r.seq, type: r.type, reportId: r.report_id, at: r.at, data: JSON.parse(r.data) as Record<string, unknown> });
    }
    if (current.length > 0) grouped.push(current);
    return grouped;
  });

  return {
    agencies,
    latestSeq: () => q.maxSeq.get() as number,
    eventsForWindow: (w) => windowTx(w),
    firstEventAt: () => (q.firstAt.get() as string | null) ?? null,
    earliestAtAfter: (seq) => (q.earliestAfter.get(seq) as string | null) ?? null,
    getSnapshot(quarter) {
      const row = q.snapshot.get(quarter) as SnapshotRow | undefined;
      return row ? toSnapshot(row) : null;
    },
    listSnapshots: () =>
      (q.snapshots.all() as Pick<SnapshotRow, 'quarter' | 'finalised_at' | 'finalised_by'>[]).map((r) => ({
        quarter: r.quarter,
        finalisedAt: r.finalised_at,
        finalisedBy: r.finalised_by,
      })),
    saveSnapshot(s, exports) {
      const info = q.insert.run({
        quarter: s.quarter,
        finalisedAt: s.finalisedAt,
        finalisedBy: s.finalisedBy,
        formulaVersion: s.formulaVersion,
        config: JSON.stringify(s.config),
        seq: s.seq,
        ranking: JSON.stringify(s.ranking),
        inputs: JSON.stringify(s.inputs),
        csv: Buffer.from(exports.csv),
        xlsx: Buffer.from(exports.xlsx),
      });
      return info.changes === 1;
    },
    frozenExport(quarter, kind) {
      const v = (kind === 'csv' ? q.csv : q.xlsx).get(quarter) as Buffer | undefined;
      return v ?? null;
    },
  };
}
