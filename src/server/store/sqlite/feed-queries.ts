import type Database from 'better-sqlite3';
import { openStatuses } from '../../../shared/contract/common';
import type { LiveEvent, StoredEvent } from '../../../shared/contract/event';
import type { DueSoonQuery, DueSoonResponse, FeedQuery, FeedResponse } from '../../../shared/contract/feed';
import type { Report } from '../../../shared/contract/report';

interface EventDocRow {
  seq: number;
  type: StoredEvent['type'];
  report_id: number;
  at: string;
  recorded_at: string;
  actor: string | null;
  data: string;
  doc: string;
}

const OPEN_PARAMS = openStatuses.map(() => '?').join(', ');

export interface FeedQueries {
  recentEvents(query: FeedQuery): FeedResponse;
  dueSoon(now: Date, query: DueSoonQuery): DueSoonResponse;
}

/**
 * The live feed's two reads. Both read the log head in the same transaction as their rows, so a client that
 * subscribes from the returned seq misses nothing and sees nothing twice.
 */
export function createFeedQueries(db: Database.Database): FeedQueries {
  const q = {
    maxSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) FROM events').pluck(),
    // newest first by the primary key: a backwards range scan, whatever the log's size
    recent: db.prepare(
      `SELECT e.seq, e.type, e.report_id, e.at, e.recorded_at, e.actor, e.data, r.doc
       FROM events e JOIN reports r ON r.id = e.report_id WHERE e.seq < ? ORDER BY e.seq DESC LIMIT ?`,
    ),
    // reports_status_due (status, due_at) serves each open status as one range
    due: db.prepare(
      `SELECT due_at, doc FROM reports WHERE status IN (${OPEN_PARAMS}) AND due_at > ? AND due_at <= ?
       ORDER BY due_at, id LIMIT ?`,
    ),
    dueAt: db.prepare(`SELECT doc FROM reports WHERE status IN (${OPEN_PARAMS}) AND due_at = ? ORDER BY id`).pluck(),
  };

  const recentTx = db.transaction((query: FeedQuery): FeedResponse => {
    const rows = q.recent.all(query.before ?? Number.MAX_SAFE_INTEGER, query.limit) as EventDocRow[];
    const docs = new Map<number, Report>();
    const items = rows.map((row): LiveEvent => {
      let report = docs.get(row.report_id);
      if (!report) {
        report = JSON.parse(row.doc) as Report;
        docs.set(row.report_id, report);
      }
      return {
        seq: row.seq,
        type: row.type,
        reportId: row.report_id,
        at: row.at,
        recordedAt: row.recorded_at,
        actor: row.actor,
        data: JSON.parse(row.data) as Record<string, unknown>,
        report,
      };
    });
    return { items, seq: q.maxSeq.get() as number };
  });

  const dueTx = db.transaction((now: Date, query: DueSoonQuery): DueSoonResponse => {
    const asOf = now.getTime();
    const end = asOf + query.within;
    const rows = q.due.all(...openStatuses, asOf, end, query.limit + 1) as { due_at: number; doc: string }[];
    let until = end;
    let docs = rows.map((r) => r.doc);
    const truncated = rows.length > query.limit;
    if (truncated) {
      const first = rows[0]?.due_at ?? end;
      const cut = rows[query.limit]?.due_at ?? end;
      if (cut > first) {
        // complete up to just before the first instant the limit split: the ties at `cut` come with the next fetch
        until = cut - 1;
        docs = rows.filter((r) => r.due_at < cut).map((r) => r.doc);
      } else {
        // every row shares one due instant (working-day deadlines end at 23:59:59.999): send that whole group
        until = first;
        docs = q.dueAt.all(...openStatuses, first) as string[];
      }
    }
    return {
      items: docs.map((d) => JSON.parse(d) as Report),
      seq: q.maxSeq.get() as number,
      asOf: now.toISOString(),
      until: new Date(until).toISOString(),
      truncated,
    };
  });

  return {
    recentEvents: (query) => recentTx(query),
    dueSoon: (now, query) => dueTx(now, query),
  };
}
