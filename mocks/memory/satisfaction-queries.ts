import type { StoredEvent } from '../../src/shared/contract/event';
import type { Agency } from '../../src/shared/contract/meta';
import type { Report } from '../../src/shared/contract/report';
import { groupByReport, reportHistory } from '../../src/shared/domain/scoring/report-history';
import type { DisputeEpisode } from '../../src/shared/domain/scoring/report-history';
import { monthOf } from '../../src/shared/domain/scoring/satisfaction';
import type { RatingRow, ResolvedRow, SatisfactionSource } from '../../src/shared/domain/scoring/satisfaction';

const within = (iso: string | null, from: number, to: number) => iso !== null && Date.parse(iso) >= from && Date.parse(iso) < to;

/** The memory store's twin of sqlite/satisfaction-queries.ts: the same rows, from the reports map and the log. */
export function createMemorySatisfaction(reports: ReadonlyMap<number, Report>, log: readonly StoredEvent[], agencies: () => readonly Agency[]): SatisfactionSource {
  return {
    agencies,
    latestSeq: () => log.length,
    ratingRows(from, to, agencyId) {
      const rows = new Map<string, RatingRow>();
      for (const r of reports.values()) {
        if (r.rating === null || !within(r.ratedAt, from, to) || (agencyId !== undefined && r.agencyId !== agencyId)) continue;
        const month = monthOf(Date.parse(r.ratedAt as string));
        const key = `${r.agencyId}|${r.rating}|${month}`;
        const row = rows.get(key) ?? { agencyId: r.agencyId, rating: r.rating, month, n: 0 };
        row.n += 1;
        rows.set(key, row);
      }
      return [...rows.values()];
    },
    resolvedRows(from, to, agencyId) {
      const rows = new Map<string | null, ResolvedRow>();
      for (const r of reports.values()) {
        if (r.status !== 'resolved' || !within(r.resolvedAt, from, to) || (agencyId !== undefined && r.agencyId !== agencyId)) continue;
        const row = rows.get(r.agencyId) ?? { agencyId: r.agencyId, resolved: 0, rated: 0 };
        row.resolved += 1;
        if (r.rating !== null) row.rated += 1;
        rows.set(r.agencyId, row);
      }
      return [...rows.values()];
    },
    disputes(from, to, now) {
      const ids = new Set<number>();
      for (const e of log) if ((e.type === 'commented' || e.type === 'reopened') && within(e.at, from, to)) ids.add(e.reportId);
      const out: DisputeEpisode[] = [];
      for (const list of groupByReport(log.filter((e) => ids.has(e.reportId))).values()) {
        for (const e of reportHistory(list, now)?.disputes ?? []) if (e.at >= from && e.at < to) out.push(e);
      }
      return out;
    },
    reportsByIds: (ids) => ids.flatMap((id) => reports.get(id) ?? []),
  };
}
