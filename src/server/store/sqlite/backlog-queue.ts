import type Database from 'better-sqlite3';
import type { OverdueQueueQuery, OverdueQueueResponse, ReminderEntry } from '../../../shared/contract/backlog';
import type { EscalationStep, ReminderChannel } from '../../../shared/contract/backlog-filter';
import type { Agency } from '../../../shared/contract/meta';
import type { Report } from '../../../shared/contract/report';
import { queueItem, type EscalationThresholds } from '../../../shared/domain/escalation';
import { dueSoonLimitMs } from '../../../shared/domain/rollup-buckets';
import { OPEN_SQL } from './backlog-filter-sql';
import { selectedAgencies } from './backlog-stats';
import type { NotificationStore } from './notification-store';

/** Reminders of these reports, newest first, from the event log (the audit trail is the source). */
export function remindersOf(db: Database.Database, reportIds: readonly number[]): Map<number, ReminderEntry[]> {
  const out = new Map<number, ReminderEntry[]>();
  if (reportIds.length === 0) return out;
  const rows = db
    .prepare(`SELECT seq, report_id, at, actor, data FROM events WHERE type = 'reminded' AND report_id IN (${reportIds.map(() => '?').join(', ')}) ORDER BY seq DESC`)
    .all(...reportIds) as { seq: number; report_id: number; at: string; actor: string | null; data: string }[];
  for (const r of rows) {
    const d = JSON.parse(r.data) as { channel: ReminderChannel; target: EscalationStep; note?: string };
    const list = out.get(r.report_id) ?? [];
    list.push({ seq: r.seq, at: r.at, channel: d.channel, target: d.target, note: d.note ?? '', actor: r.actor });
    out.set(r.report_id, list);
  }
  return out;
}

/** The operators' worklist: open reports overdue or due within one working day, most overdue first. */
export function createOverdueQueue(db: Database.Database, agencies: readonly Agency[], notifications: NotificationStore, latestSeq: () => number) {
  return db.transaction((query: OverdueQueueQuery, now: Date, thresholds: EscalationThresholds): OverdueQueueResponse => {
    const t = now.getTime();
    const where = [`${OPEN_SQL} AND due_at IS NOT NULL AND due_at <= ?`];
    const params: (string | number)[] = [dueSoonLimitMs(now)];
    const selected = selectedAgencies(agencies, query);
    if (selected !== null) {
      where.push(selected.length ? `agency_id IN (${selected.map(() => '?').join(', ')})` : '0');
      params.push(...selected.map((a) => a.id));
    }
    if (query.categoryId !== undefined) {
      where.push('category_id = ?');
      params.push(query.categoryId);
    }
    if (query.districtCode !== undefined) {
      where.push('district_code = ?');
      params.push(query.districtCode);
    }
    const counts = db
      .prepare(`SELECT COUNT(*) AS total, COALESCE(SUM(due_at < ?), 0) AS overdue FROM reports WHERE ${where.join(' AND ')}`)
      .get(t, ...params) as { total: number; overdue: number };
    if (query.state === 'overdue') where.push('due_at < ?');
    if (query.state === 'due_soon') where.push('due_at >= ?');
    if (query.state !== 'all') params.push(t);
    const order = query.sort === 'by_unit' ? 'agency_id IS NULL, agency_id, due_at, id' : 'due_at, id';
    const docs = db
      .prepare(`SELECT doc FROM reports WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, query.limit, query.offset) as string[];
    const reports = docs.map((d) => JSON.parse(d) as Report);
    const ids = reports.map((r) => r.id);
    const reminders = remindersOf(db, ids);
    const latest = notifications.latestFor(ids);
    const total = query.state === 'all' ? counts.total : query.state === 'overdue' ? counts.overdue : counts.total - counts.overdue;
    return {
      seq: latestSeq(),
      asOf: now.toISOString(),
      total,
      overdue: counts.overdue,
      dueSoon: counts.total - counts.overdue,
      failedNotifications: notifications.countFailed(),
      thresholds: [...thresholds] as [number, number, number],
      items: reports.map((r) => queueItem(r, reminders.get(r.id) ?? [], latest.get(r.id) ?? null, now, thresholds)),
    };
  });
}
