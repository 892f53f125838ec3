import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AgencyContactsResponse, ContactPerson, ReminderResponse } from '../../../shared/contract/backlog';
import type { EscalationStep, ReminderChannel } from '../../../shared/contract/backlog-filter';
import type { EventInput, IngestResult } from '../../../shared/contract/event';
import type { Report } from '../../../shared/contract/report';
import { DomainError } from '../../../shared/domain/errors';
import type { NotificationStore, ReminderMessage } from './notification-store';

export interface ReminderInput {
  channel: ReminderChannel;
  target: EscalationStep;
  note: string;
  actor?: string;
  idempotencyKey?: string;
}

/** Who a reminder at `target` goes to for a unit. */
export function recipientFor(contacts: AgencyContactsResponse, agencyId: string | null, target: EscalationStep): ContactPerson | null {
  if (target === 'province') return contacts.province;
  const c = contacts.items.find((i) => i.agencyId === agencyId);
  if (!c) return null;
  return target === 'officer' ? c.officer : c.leader;
}

/** The source id of an operator's reminder: derived from the client's idempotency key, so a repeat is a duplicate. */
export const reminderSourceId = (reportId: number, key: string) => `ioc-reminder:${reportId}:${key}`;

/**
 * Records a reminder: the `reminded` event goes through the normal ingest path (log, projection, rollups, live
 * stream, audit) and its pending notification is written in the same transaction, so neither exists without
 * the other. A repeated idempotency key returns the original reminder and notification.
 */
export function createReminderRecorder(
  db: Database.Database,
  deps: {
    ingest: (inputs: readonly EventInput[], now: Date) => IngestResult[];
    report: (id: number) => Report | null;
    notifications: NotificationStore;
    contacts: () => AgencyContactsResponse;
    agencyName: (id: string | null) => string | null;
  },
) {
  return db.transaction((reportId: number, req: ReminderInput, now: Date): ReminderResponse => {
    const before = deps.report(reportId);
    if (!before) throw new DomainError('unknown_report', `no report with id ${reportId}`, 'id', 404);
    const input: EventInput = {
      type: 'reminded',
      sourceEventId: reminderSourceId(reportId, req.idempotencyKey ?? randomUUID()),
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
      const existing = deps.notifications.bySeq(result.seq);
      if (!existing) throw new Error(`reminder ${result.seq} has no notification`);
      return { duplicate: true, seq: result.seq, report, notification: existing };
    }
    const msg: ReminderMessage = {
      type: 'paht.reminder',
      reportId,
      externalId: report.externalId,
      title: report.title,
      agencyId: report.agencyId,
      agencyName: deps.agencyName(report.agencyId),
      channel: req.channel,
      target: req.target,
      recipient: recipientFor(deps.contacts(), report.agencyId, req.target),
      note: req.note,
      dueAt: report.dueAt,
      at: input.at,
      actor: input.actor ?? null,
      seq: result.seq,
    };
    return { duplicate: false, seq: result.seq, report, notification: deps.notifications.create(msg, now) };
  });
}
