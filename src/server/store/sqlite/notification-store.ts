import type Database from 'better-sqlite3';
import type { ContactPerson, Notification, NotificationStatus } from '../../../shared/contract/backlog';
import type { EscalationStep, ReminderChannel } from '../../../shared/contract/backlog-filter';

/** What the notifier sends for a reminder (stored with the notification, so a retry sends the same message). */
export interface ReminderMessage {
  type: 'paht.reminder';
  reportId: number;
  externalId: string;
  title: string;
  agencyId: string | null;
  agencyName: string | null;
  channel: ReminderChannel;
  target: EscalationStep;
  recipient: ContactPerson | null;
  note: string;
  dueAt: string | null;
  /** when the operator recorded the reminder */
  at: string;
  actor: string | null;
  seq: number;
}

interface Row {
  id: number;
  event_seq: number;
  report_id: number;
  channel: string;
  target: string;
  payload: string;
  status: NotificationStatus;
  attempts: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

function toNotification(r: Row): Notification {
  const msg = JSON.parse(r.payload) as ReminderMessage;
  return {
    id: r.id,
    reportId: r.report_id,
    seq: r.event_seq,
    channel: r.channel as Notification['channel'],
    target: r.target as Notification['target'],
    recipient: msg.recipient,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    sentAt: r.sent_at === null ? null : iso(r.sent_at),
  };
}

export interface NotificationStore {
  /** a pending notification for a stored reminder (call inside the reminder's transaction) */
  create(msg: ReminderMessage, now: Date): Notification;
  get(id: number): Notification | null;
  message(id: number): ReminderMessage | null;
  bySeq(seq: number): Notification | null;
  list(q: { status?: NotificationStatus; reportId?: number; limit: number }): Notification[];
  /** the newest notification of each of these reports */
  latestFor(reportIds: readonly number[]): Map<number, Notification>;
  countFailed(): number;
  /** counts an attempt that is about to be made */
  markAttempt(id: number, now: Date): void;
  markSent(id: number, now: Date): Notification;
  markFailed(id: number, now: Date, error: string): Notification;
  /** still pending (a crash between the attempt and its result): these are sent again at start-up */
  pending(): number[];
}

export function createNotificationStore(db: Database.Database): NotificationStore {
  const q = {
    insert: db.prepare(
      `INSERT INTO notifications (event_seq, report_id, channel, target, payload, status, attempts, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
    ),
    get: db.prepare('SELECT * FROM notifications WHERE id = ?'),
    bySeq: db.prepare('SELECT * FROM notifications WHERE event_seq = ?'),
    failed: db.prepare("SELECT COUNT(*) FROM notifications WHERE status = 'failed'").pluck(),
    attempt: db.prepare('UPDATE notifications SET attempts = attempts + 1, updated_at = ? WHERE id = ?'),
    sent: db.prepare("UPDATE notifications SET status = 'sent', last_error = NULL, sent_at = ?, updated_at = ? WHERE id = ?"),
    failedSet: db.prepare("UPDATE notifications SET status = 'failed', last_error = ?, updated_at = ? WHERE id = ?"),
    pending: db.prepare("SELECT id FROM notifications WHERE status = 'pending' ORDER BY id").pluck(),
  };
  const get = (id: number) => {
    const r = q.get.get(id) as Row | undefined;
    return r ? toNotification(r) : null;
  };
  return {
    create(msg, now) {
      const t = now.getTime();
      const info = q.insert.run(msg.seq, msg.reportId, msg.channel, msg.target, JSON.stringify(msg), t, t);
      return get(Number(info.lastInsertRowid)) as Notification;
    },
    get,
    message(id) {
      const r = q.get.get(id) as Row | undefined;
      return r ? (JSON.parse(r.payload) as ReminderMessage) : null;
    },
    bySeq(seq) {
      const r = q.bySeq.get(seq) as Row | undefined;
      return r ? toNotification(r) : null;
    },
    list({ status, reportId, limit }) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (status !== undefined) {
        where.push('status = ?');
        params.push(status);
      }
      if (reportId !== undefined) {
        where.push('report_id = ?');
        params.push(reportId);
      }
      const rows = db.prepare(`SELECT * FROM notifications ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`).all(...params, limit) as Row[];
      return rows.map(toNotification);
    },
    latestFor(reportIds) {
      const out = new Map<number, Notification>();
      if (reportIds.length === 0) return out;
      const rows = db
        .prepare(`SELECT * FROM notifications WHERE report_id IN (${reportIds.map(() => '?').join(', ')}) ORDER BY id DESC`)
        .all(...reportIds) as Row[];
      for (const r of rows) if (!out.has(r.report_id)) out.set(r.report_id, toNotification(r));
      return out;
    },
    countFailed: () => q.failed.get() as number,
    markAttempt(id, now) {
      q.attempt.run(now.getTime(), id);
    },
    markSent(id, now) {
      q.sent.run(now.getTime(), now.getTime(), id);
      return get(id) as Notification;
    },
    markFailed(id, now, error) {
      q.failedSet.run(error.slice(0, 1000), now.getTime(), id);
      return get(id) as Notification;
    },
    pending: () => q.pending.all() as number[],
  };
}
