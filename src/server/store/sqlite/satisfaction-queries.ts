import type Database from 'better-sqlite3';
import type { Rating } from '../../../shared/contract/common';
import type { Agency } from '../../../shared/contract/meta';
import type { Report } from '../../../shared/contract/report';
import { VN_OFFSET_MINUTES } from '../../../shared/domain/calendar';
import { groupByReport, reportHistory } from '../../../shared/domain/scoring/report-history';
import type { DisputeEpisode, ScoringEvent } from '../../../shared/domain/scoring/report-history';
import type { SatisfactionSource } from '../../../shared/domain/scoring/satisfaction';

const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;

/**
 * The satisfaction page's reads. Ratings and resolutions are aggregated in SQL on the projection's indexed
 * columns (reports_rated, reports_resolved); disputes need each disputed report's history, read for the reports
 * with a reopening or a comment in the period (events_at).
 */
export function createSatisfactionQueries(db: Database.Database, agencies: () => readonly Agency[]): SatisfactionSource {
  const q = {
    maxSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) FROM events').pluck(),
    ratings: db.prepare(
      `SELECT agency_id AS agencyId, rating, strftime('%Y-%m', (rated_at + ${OFFSET_MS}) / 1000, 'unixepoch') AS month, COUNT(*) AS n
       FROM reports WHERE rated_at >= @from AND rated_at < @to AND rating IS NOT NULL AND (@agencyId IS NULL OR agency_id = @agencyId)
       GROUP BY agency_id, rating, month`,
    ),
    resolved: db.prepare(
      `SELECT agency_id AS agencyId, COUNT(*) AS resolved, COALESCE(SUM(rating IS NOT NULL), 0) AS rated
       FROM reports WHERE status = 'resolved' AND resolved_at >= @from AND resolved_at < @to AND (@agencyId IS NULL OR agency_id = @agencyId)
       GROUP BY agency_id`,
    ),
    disputeEvents: db.prepare(
      `SELECT e.seq, e.type, e.report_id, e.at, e.data FROM events e
       WHERE e.report_id IN (SELECT report_id FROM events WHERE at >= @fromIso AND at < @toIso AND type IN ('commented', 'reopened'))
       ORDER BY e.report_id, e.seq`,
    ),
    docs: db.prepare('SELECT doc FROM reports WHERE id IN (SELECT value FROM json_each(?))').pluck(),
  };
  return {
    agencies,
    latestSeq: () => q.maxSeq.get() as number,
    ratingRows: (from, to, agencyId) => q.ratings.all({ from, to, agencyId: agencyId ?? null }) as { agencyId: string | null; rating: Rating; month: string; n: number }[],
    resolvedRows: (from, to, agencyId) => q.resolved.all({ from, to, agencyId: agencyId ?? null }) as { agencyId: string | null; resolved: number; rated: number }[],
    disputes(from, to, now) {
      const rows = q.disputeEvents.all({ fromIso: new Date(from).toISOString(), toIso: new Date(to).toISOString() }) as {
        seq: number;
        type: ScoringEvent['type'];
        report_id: number;
        at: string;
        data: string;
      }[];
      const events = rows.map((r): ScoringEvent => ({ seq: r.seq, type: r.type, reportId: r.report_id, at: r.at, data: JSON.parse(r.data) as Record<string, unknown> }));
      const out: DisputeEpisode[] = [];
      for (const list of groupByReport(events).values()) {
        for (const e of reportHistory(list, now)?.disputes ?? []) if (e.at >= from && e.at < to) out.push(e);
      }
      return out;
    },
    reportsByIds: (ids) => (q.docs.all(JSON.stringify(ids)) as string[]).map((d) => JSON.parse(d) as Report),
  };
}
