import contactsJson from '../../src/shared/data/agency-contacts.json';
import type {
  AgencyContactsResponse,
  AgencyStatsQuery,
  AgencyStatsResponse,
  ContactPerson,
  Notification,
  NotificationListResponse,
  NotificationStatus,
  OverdueQueueQuery,
  OverdueQueueResponse,
  ReminderEntry,
  ReminderRequest,
  ReminderResponse,
} from '../../src/shared/contract/backlog';
import { agencyContactsResponse, reminderRequest } from '../../src/shared/contract/backlog';
import type { EscalationStep, ReminderChannel } from '../../src/shared/contract/backlog-filter';
import type { EventInput, IngestResult, StoredEvent } from '../../src/shared/contract/event';
import type { Agency } from '../../src/shared/contract/meta';
import type { Report } from '../../src/shared/contract/report';
import { DomainError } from '../../src/shared/domain/errors';
import { DEFAULT_ESCALATION_THRESHOLDS, queueItem } from '../../src/shared/domain/escalation';
import type { EscalationThresholds } from '../../src/shared/domain/escalation';
import { ROLLUP_COUNTERS } from '../../src/shared/domain/rollup';
import { ageingOf, inBucket, localDayOfMs } from '../../src/shared/domain/rollup-buckets';
import { addCurrent, addHistogram, addSums, assembleFigures, emptyCurrent, overdueTrend, statsPeriod } from '../../src/shared/domain/rollup-stats';
import type { CurrentCounts } from '../../src/shared/domain/rollup-stats';
import type { MemoryRollups } from './backlog-rollups';

/** What the mock's notifier does with a reminder (tests can make it fail, then recover). */
export type MockNotifier = (n: Notification) => Promise<void>;

export interface MemoryBacklog {
  agencyStats(query: AgencyStatsQuery, now: Date): AgencyStatsResponse;
  overdueQueue(query: OverdueQueueQuery, now: Date): OverdueQueueResponse;
  contacts(): AgencyContactsResponse;
  recordReminder(reportId: number, body: ReminderRequest, now: Date, idempotencyKey?: string): Promise<ReminderResponse>;
  notifications(q: { status?: NotificationStatus; reportId?: number; limit: number }): NotificationListResponse;
  /** sends a failed (or stuck) notification again; an error result for an unknown or already sent one */
  retry(id: number, now: Date): Promise<Notification | { status: 404 | 409; error: string; message: string }>;
  setNotifier(n: MockNotifier): void;
}

function selected(agencies: readonly Agency[], q: Pick<AgencyStatsQuery, 'agencyId' | 'agencyIds' | 'agencyKind'>): Agency[] | null {
  if (q.agencyId === undefined && q.agencyIds === undefined && q.agencyKind === undefined) return null;
  return agencies.filter(
    (a) =>
      (q.agencyId === undefined || a.id === q.agencyId) &&
      (q.agencyIds === undefined || q.agencyIds.includes(a.id)) &&
      (q.agencyKind === undefined || a.kind === q.agencyKind),
  );
}

/**
 * The backlog endpoints over the memory store, with the server's behaviour: period figures from the same
 * rollups, current figures from the reports with the shared domain rules, reminders through ingest.
 */
export function createMemoryBacklog(deps: {
  agencies: readonly Agency[];
  rollups: MemoryRollups;
  reports: () => Iterable<Report>;
  report: (id: number) => Report | null;
  log: () => readonly StoredEvent[];
  latestSeq: () => number;
  ingest: (inputs: readonly EventInput[], now: Date) => IngestResult[];
  thresholds?: EscalationThresholds;
}): MemoryBacklog {
  const thresholds = deps.thresholds ?? DEFAULT_ESCALATION_THRESHOLDS;
  const shipped = contactsJson as { province: unknown; agencies: unknown };
  const contacts = agencyContactsResponse.parse({ province: shipped.province, items: shipped.agencies });
  const notifications: Notification[] = [];
  let notifier: MockNotifier = () => Promise.resolve();

  const recipient = (agencyId: string | null, target: EscalationStep): ContactPerson | null => {
    if (target === 'province') return contacts.province;
    const c = contacts.items.find((i) => i.agencyId === agencyId);
    return c ? (target === 'officer' ? c.officer : c.leader) : null;
  };

  async function send(n: Notification, now: Date): Promise<Notification> {
    n.attempts += 1;
    n.updatedAt = now.toISOString();
    try {
      await notifier({ ...n });
      n.status = 'sent';
      n.lastError = null;
      n.sentAt = now.toISOString();
    } catch (err) {
      n.status = 'failed';
      n.lastError = err instanceof Error ? err.message : String(err);
    }
    return { ...n };
  }

  const remindersOf = (reportId: number): ReminderEntry[] =>
    deps
      .log()
      .filter((e) => e.reportId === reportId && e.type === 'reminded')
      .reverse()
      .map((e) => ({
        seq: e.seq,
        at: e.at,
        channel: e.data.channel as ReminderChannel,
        target: e.data.target as EscalationStep,
        note: typeof e.data.note === 'string' ? e.data.note : '',
        actor: e.actor,
      }));

  return {
    agencyStats(query, now) {
      const period = statsPeriod(query, now);
      const sel = selected(deps.agencies, query);
      const allowed = sel === null ? null : new Set(sel.map((a) => a.id));
      const inScope = (k: { agencyId: string; categoryId: string; districtCode: string }) =>
        (allowed === null || allowed.has(k.agencyId)) &&
        (query.categoryId === undefined || k.categoryId === query.categoryId) &&
        (query.districtCode === undefined || k.districtCode === query.districtCode);
      const sums = new Map<string, number[]>();
      let before = 0;
      const byDay = new Map<number, number>();
      const iNet = ROLLUP_COUNTERS.indexOf('overdueNet');
      for (const { key, values } of deps.rollups.cells()) {
        if (!inScope(key)) continue;
        const net = values[iNet] ?? 0;
        if (key.day < period.fromDay) before += net;
        else byDay.set(key.day, (byDay.get(key.day) ?? 0) + net);
        if (key.day < period.fromDay || key.day >= period.toDay) continue;
        const s = sums.get(key.agencyId) ?? ROLLUP_COUNTERS.map(() => 0);
        addSums(s, values);
        sums.set(key.agencyId, s);
      }
      const hist = new Map<string, Map<number, number>>();
      for (const h of deps.rollups.handling()) {
        if (!inScope(h.key) || h.key.day < period.fromDay || h.key.day >= period.toDay || h.n === 0) continue;
        const m = hist.get(h.key.agencyId) ?? new Map<number, number>();
        m.set(h.workingDays, (m.get(h.workingDays) ?? 0) + h.n);
        hist.set(h.key.agencyId, m);
      }
      const current = new Map<string, CurrentCounts>();
      for (const r of deps.reports()) {
        if (!inBucket(r, 'open', now)) continue;
        const key = { agencyId: r.agencyId ?? '', categoryId: r.categoryId, districtCode: r.districtCode ?? '' };
        if (!inScope(key)) continue;
        const c = current.get(key.agencyId) ?? emptyCurrent();
        c.open += 1;
        if (r.status === 'in_progress') c.inProgress += 1;
        if (inBucket(r, 'due_soon', now)) c.dueSoon += 1;
        if (inBucket(r, 'overdue', now)) c.overdue += 1;
        const a = ageingOf(r, now);
        if (a !== null) c.ageing[a] += 1;
        current.set(key.agencyId, c);
      }
      const ids = [...(sel ?? deps.agencies).map((a) => a.id), ...(sel === null ? [''] : [])];
      const total = ROLLUP_COUNTERS.map(() => 0);
      const totalHist = new Map<number, number>();
      const totalCurrent = emptyCurrent();
      const rows = ids.map((id) => {
        const s = sums.get(id);
        const h = hist.get(id);
        const c = current.get(id);
        if (s) addSums(total, s);
        if (h) addHistogram(totalHist, h);
        if (c) addCurrent(totalCurrent, c);
        return { agencyId: id === '' ? null : id, ...assembleFigures(s, h, c) };
      });
      // the trend's per-day sums stop before today, as the server's
      const today = localDayOfMs(now.getTime());
      for (const d of [...byDay.keys()]) if (d >= Math.min(period.toDay, today)) byDay.delete(d);
      return {
        seq: deps.latestSeq(),
        asOf: now.toISOString(),
        from: period.from,
        to: period.to,
        agencies: rows,
        totals: assembleFigures(total, totalHist, totalCurrent),
        trend: overdueTrend(period, now, before, byDay, totalCurrent.overdue),
      };
    },

    overdueQueue(query, now) {
      const sel = selected(deps.agencies, query);
      const allowed = sel === null ? null : new Set(sel.map((a) => a.id));
      const rows = [...deps.reports()].filter(
        (r) =>
          (inBucket(r, 'overdue', now) || inBucket(r, 'due_soon', now)) &&
          (allowed === null || (r.agencyId !== null && allowed.has(r.agencyId))) &&
          (query.categoryId === undefined || r.categoryId === query.categoryId) &&
          (query.districtCode === undefined || r.districtCode === query.districtCode),
      );
      const overdue = rows.filter((r) => inBucket(r, 'overdue', now)).length;
      const shown = rows.filter((r) => query.state === 'all' || (query.state === 'overdue') === inBucket(r, 'overdue', now));
      const due = (r: Report) => Date.parse(r.dueAt as string);
      shown.sort((a, b) => {
        if (query.sort === 'by_unit') {
          const ua = a.agencyId ?? '\uffff';
          const ub = b.agencyId ?? '\uffff';
          if (ua !== ub) return ua < ub ? -1 : 1;
        }
        return due(a) - due(b) || a.id - b.id;
      });
      const page = shown.slice(query.offset, query.offset + query.limit);
      const latest = (id: number) => [...notifications].reverse().find((n) => n.reportId === id) ?? null;
      return {
        seq: deps.latestSeq(),
        asOf: now.toISOString(),
        total: shown.length,
        overdue,
        dueSoon: rows.length - overdue,
        failedNotifications: notifications.filter((n) => n.status === 'failed').length,
        thresholds: [...thresholds] as [number, number, number],
        items: page.map((r) => {
          const n = latest(r.id);
          return queueItem(r, remindersOf(r.id), n ? { ...n } : null, now, thresholds);
        }),
      };
    },

    contacts: () => contacts,

    async recordReminder(reportId, body, now, headerKey) {
      const req = reminderRequest.parse(body);
      const before = deps.report(reportId);
      if (!before) throw new DomainError('unknown_report', `no report with id ${reportId}`, 'id', 404);
      const key = req.idempotencyKey ?? headerKey ?? crypto.randomUUID();
      const input: EventInput = {
        type: 'reminded',
        sourceEventId: `ioc-reminder:${reportId}:${key}`,
        externalId: before.externalId,
        at: now.toISOString(),
        actor: req.actor ?? 'Trung tâm IOC',
        channel: req.channel,
        target: req.target,
        note: req.note,
      };
      const [result] = deps.ingest([input], now);
      if (!result) throw new Error('ingest returned no result');
      const report = deps.report(reportId) as Report;
      if (result.duplicate) {
        const n = notifications.find((x) => x.seq === result.seq);
        if (!n) throw new Error(`reminder ${result.seq} has no notification`);
        return { duplicate: true, seq: result.seq, report, notification: { ...n } };
      }
      const n: Notification = {
        id: notifications.length + 1,
        reportId,
        seq: result.seq,
        channel: req.channel,
        target: req.target,
        recipient: recipient(report.agencyId, req.target),
        status: 'pending',
        attempts: 0,
        lastError: null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        sentAt: null,
      };
      notifications.push(n);
      return { duplicate: false, seq: result.seq, report, notification: await send(n, now) };
    },

    notifications: ({ status, reportId, limit }) => ({
      items: [...notifications]
        .reverse()
        .filter((n) => (status === undefined || n.status === status) && (reportId === undefined || n.reportId === reportId))
        .slice(0, limit)
        .map((n) => ({ ...n })),
    }),

    async retry(id, now) {
      const n = notifications.find((x) => x.id === id);
      if (!n) return { status: 404, error: 'not_found', message: `no notification with id ${id}` };
      if (n.status === 'sent') return { status: 409, error: 'already_sent', message: `notification ${id} was sent at ${n.sentAt}` };
      return send(n, now);
    },

    setNotifier(n) {
      notifier = n;
    },
  };
}
