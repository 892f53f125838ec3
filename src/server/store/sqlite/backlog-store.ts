import type Database from 'better-sqlite3';
import contactsJson from '../../../shared/data/agency-contacts.json';
import type {
  AgencyContactsResponse,
  AgencyStatsQuery,
  AgencyStatsResponse,
  OverdueQueueQuery,
  OverdueQueueResponse,
  ReminderResponse,
} from '../../../shared/contract/backlog';
import { agencyContactsResponse } from '../../../shared/contract/backlog';
import type { EventInput, IngestResult } from '../../../shared/contract/event';
import type { Agency } from '../../../shared/contract/meta';
import type { Report } from '../../../shared/contract/report';
import type { EscalationThresholds } from '../../../shared/domain/escalation';
import { createOverdueQueue } from './backlog-queue';
import { createAgencyStats } from './backlog-stats';
import { createNotificationStore, type NotificationStore } from './notification-store';
import { createReminderRecorder, type ReminderInput } from './reminder-store';

/** The backlog part of the storage seam (issue 4): per-unit figures, the overdue queue, reminders and notifications. */
export interface BacklogStore {
  agencyStats(query: AgencyStatsQuery, now: Date): AgencyStatsResponse;
  overdueQueue(query: OverdueQueueQuery, now: Date, thresholds: EscalationThresholds): OverdueQueueResponse;
  /** unit contacts (operators only) */
  contacts(): AgencyContactsResponse;
  recordReminder(reportId: number, input: ReminderInput, now: Date): ReminderResponse;
  notifications: NotificationStore;
}

/** The shipped synthetic contacts, checked against the contract when the store opens. */
export function shippedContacts(): AgencyContactsResponse {
  const { province, agencies } = contactsJson as { province: unknown; agencies: unknown };
  return agencyContactsResponse.parse({ province, items: agencies });
}

export function createSqliteBacklog(
  db: Database.Database,
  deps: {
    /** a read-only connection: the contacts are read as the writer stored them */
    readOnly?: boolean;
    agencies: readonly Agency[];
    ingest: (inputs: readonly EventInput[], now: Date) => IngestResult[];
    report: (id: number) => Report | null;
    latestSeq: () => number;
  },
): BacklogStore {
  // contacts are data: loaded into their table on every open, like the reference data
  const shipped = shippedContacts();
  const upsert = db.prepare('INSERT INTO agency_contacts (agency_id, doc) VALUES (?, ?) ON CONFLICT (agency_id) DO UPDATE SET doc = excluded.doc');
  if (!deps.readOnly) {
    db.transaction(() => {
      for (const c of shipped.items) upsert.run(c.agencyId, JSON.stringify(c));
    }).immediate();
  }
  const contacts: AgencyContactsResponse = {
    province: shipped.province,
    items: (db.prepare('SELECT doc FROM agency_contacts ORDER BY rowid').pluck().all() as string[]).map((d) => JSON.parse(d) as AgencyContactsResponse['items'][number]),
  };
  const names = new Map(deps.agencies.map((a) => [a.id, a.name]));
  const notifications = createNotificationStore(db);
  const stats = createAgencyStats(db, deps.agencies, deps.latestSeq);
  const queue = createOverdueQueue(db, deps.agencies, notifications, deps.latestSeq);
  const record = createReminderRecorder(db, {
    ingest: deps.ingest,
    report: deps.report,
    notifications,
    contacts: () => contacts,
    agencyName: (id) => (id === null ? null : (names.get(id) ?? id)),
  });
  return {
    agencyStats: (query, now) => stats(query, now),
    overdueQueue: (query, now, thresholds) => queue(query, now, thresholds),
    contacts: () => contacts,
    // IMMEDIATE: it reads the report before writing, and the writer worker (decision 0014) writes the same file
    recordReminder: (reportId, input, now) => record.immediate(reportId, input, now),
    notifications,
  };
}
