import type { StoredEvent } from '../../src/shared/contract/event';
import type { Agency } from '../../src/shared/contract/meta';
import type { RankingSnapshot, RankingSource } from '../../src/shared/domain/scoring/rankings-service';

export type ExportKind = 'csv' | 'xlsx';

export interface MemoryRankings extends RankingSource {
  saveSnapshot(snapshot: RankingSnapshot, exports: Record<ExportKind, Uint8Array>): boolean;
  frozenExport(quarter: string, kind: ExportKind): Uint8Array | null;
}

/**
 * The memory store's twin of the SQLite rankings store: every report's events (a superset of what a quarter
 * needs; the pure scoring decides), indexed incrementally as the log grows, and finalised snapshots kept as
 * structured clones so later changes to the objects cannot alter them.
 */
export function createMemoryRankings(log: readonly StoredEvent[], agencies: () => readonly Agency[]): MemoryRankings {
  const byReport = new Map<number, StoredEvent[]>();
  let indexed = 0;
  const catchUp = () => {
    for (; indexed < log.length; indexed++) {
      const e = log[indexed] as StoredEvent;
      const list = byReport.get(e.reportId);
      if (list) list.push(e);
      else byReport.set(e.reportId, [e]);
    }
  };
  const snapshots = new Map<string, { snapshot: RankingSnapshot; exports: Record<ExportKind, Uint8Array> }>();
  return {
    agencies,
    latestSeq: () => log.length,
    eventsForWindow() {
      catchUp();
      return byReport.values();
    },
    firstEventAt: () => {
      let min: string | null = null;
      for (const e of log) if (min === null || e.at < min) min = e.at;
      return min;
    },
    earliestAtAfter(seq) {
      let min: string | null = null;
      for (let i = Math.max(0, seq); i < log.length; i++) {
        const at = (log[i] as StoredEvent).at;
        if (min === null || at < min) min = at;
      }
      return min;
    },
    getSnapshot: (quarter) => {
      const s = snapshots.get(quarter);
      return s ? structuredClone(s.snapshot) : null;
    },
    listSnapshots: () =>
      [...snapshots.values()]
        .map(({ snapshot: s }) => ({ quarter: s.quarter, finalisedAt: s.finalisedAt, finalisedBy: s.finalisedBy }))
        .sort((a, b) => (a.quarter < b.quarter ? 1 : -1)),
    saveSnapshot(snapshot, exports) {
      if (snapshots.has(snapshot.quarter)) return false;
      snapshots.set(snapshot.quarter, { snapshot: structuredClone(snapshot), exports: { csv: exports.csv.slice(), xlsx: exports.xlsx.slice() } });
      return true;
    },
    frozenExport: (quarter, kind) => snapshots.get(quarter)?.exports[kind].slice() ?? null,
  };
}
