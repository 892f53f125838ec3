import type { EventType, ReportStatus } from '../contract/common';
import type { StoredEvent } from '../contract/event';
import type { Report, SlaApplied } from '../contract/report';
import { DomainError } from './errors';

/**
 * The report workflow:
 * received → (rejected | assigned) → in_progress → resolved → reopened → in_progress,
 * with transferred / extended / commented / rated / reminded / verified as events that keep or set a status.
 * `null` in `from` means the event needs no existing report (only `created`).
 */
interface Transition {
  from: readonly ReportStatus[] | null;
  /** the status after the event; undefined keeps the current one */
  to?: ReportStatus;
}

const OPEN_WITH_UNIT: readonly ReportStatus[] = ['assigned', 'in_progress', 'reopened'];

export const TRANSITIONS: Record<EventType, Transition> = {
  created: { from: null, to: 'received' },
  verified: { from: ['received'] },
  rejected: { from: ['received'], to: 'rejected' },
  assigned: { from: ['received'], to: 'assigned' },
  transferred: { from: OPEN_WITH_UNIT, to: 'assigned' },
  started: { from: ['assigned', 'reopened'], to: 'in_progress' },
  extended: { from: OPEN_WITH_UNIT },
  commented: { from: ['received', 'rejected', 'assigned', 'in_progress', 'resolved', 'reopened'] },
  resolved: { from: ['in_progress'], to: 'resolved' },
  rated: { from: ['resolved'] },
  reopened: { from: ['resolved'], to: 'reopened' },
  reminded: { from: OPEN_WITH_UNIT },
};

/** Why `type` may not happen to a report in `status`, or null when it may. */
export function refusalReason(status: ReportStatus | null, type: EventType): string | null {
  const t = TRANSITIONS[type];
  if (t.from === null) {
    return status === null ? null : `a report with this externalId already exists (status ${status})`;
  }
  if (status === null) return `no report with this externalId: '${type}' needs an existing report`;
  if (!t.from.includes(status)) {
    return `'${type}' is not allowed when the report is '${status}' (allowed from: ${t.from.join(', ')})`;
  }
  return null;
}

export function statusAfter(status: ReportStatus | null, type: EventType): ReportStatus {
  const reason = refusalReason(status, type);
  if (reason) {
    throw new DomainError(status === null ? 'unknown_report' : type === 'created' ? 'duplicate_report' : 'illegal_transition', reason, 'type');
  }
  return TRANSITIONS[type].to ?? (status as ReportStatus);
}

/** Fields the `created` event's data carries (reporter identity is never in the event log). */
export interface CreatedData {
  externalId: string;
  title: string;
  description: string;
  categoryId: string;
  urgent: boolean;
  lat: number;
  lng: number;
  address: string;
  wardCode: string | null;
  districtCode: string | null;
  channel: Report['channel'];
  media: Report['media'];
  dueAt: string;
  sla: SlaApplied;
}

const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/**
 * Applies one stored event to the report it concerns, returning the new report. Pure: the same log
 * always gives the same projection (due dates are computed at ingest and carried in the event data).
 */
export function applyEvent(prev: Report | null, ev: StoredEvent): Report {
  const status = statusAfter(prev?.status ?? null, ev.type);
  const d = ev.data;
  if (ev.type === 'created') {
    const c = d as unknown as CreatedData;
    return {
      id: ev.reportId,
      externalId: c.externalId,
      title: c.title,
      description: c.description,
      categoryId: c.categoryId,
      urgent: c.urgent,
      lat: c.lat,
      lng: c.lng,
      address: c.address,
      wardCode: c.wardCode,
      districtCode: c.districtCode,
      channel: c.channel,
      media: c.media,
      status,
      agencyId: null,
      coordinatingAgencyIds: [],
      receivedAt: ev.at,
      verifiedAt: null,
      assignedAt: null,
      dueAt: c.dueAt,
      originalDueAt: c.dueAt,
      sla: c.sla,
      extensions: [],
      resolvedAt: null,
      resultText: null,
      rejectedReason: null,
      rating: null,
      ratedAt: null,
      commentCount: 0,
      reopenCount: 0,
      reminderCount: 0,
      lastRemindedAt: null,
      updatedAt: ev.at,
      lastSeq: ev.seq,
    };
  }
  const r: Report = { ...(prev as Report), status, updatedAt: ev.at, lastSeq: ev.seq };
  switch (ev.type) {
    case 'verified':
      r.verifiedAt = ev.at;
      if (typeof d.categoryId === 'string') r.categoryId = d.categoryId;
      if (typeof d.urgent === 'boolean') r.urgent = d.urgent;
      // screening may change the category or urgency, and with it the deadline (computed at ingest)
      if (typeof d.dueAt === 'string') {
        r.dueAt = d.dueAt;
        r.originalDueAt = d.dueAt;
        r.sla = d.sla as SlaApplied;
      }
      break;
    case 'rejected':
      r.rejectedReason = str(d.reason);
      break;
    case 'assigned':
      r.agencyId = str(d.agencyId);
      r.assignedAt = ev.at;
      r.coordinatingAgencyIds = Array.isArray(d.coordinatingAgencyIds) ? (d.coordinatingAgencyIds as string[]) : [];
      break;
    case 'transferred':
      r.agencyId = str(d.agencyId);
      break;
    case 'extended': {
      const to = str(d.dueAt);
      r.extensions = [...r.extensions, { at: ev.at, fromDueAt: r.dueAt ?? to, toDueAt: to, reason: str(d.reason) }];
      r.dueAt = to;
      break;
    }
    case 'commented':
      r.commentCount += 1;
      break;
    case 'resolved':
      r.resolvedAt = ev.at;
      r.resultText = str(d.resultText);
      if (Array.isArray(d.media) && d.media.length > 0) r.media = [...r.media, ...(d.media as Report['media'])];
      break;
    case 'rated':
      r.rating = d.rating as Report['rating'];
      r.ratedAt = ev.at;
      break;
    case 'reopened':
      r.reopenCount += 1;
      // a reopened report is judged again when it is resolved again; its old rating no longer stands
      r.resolvedAt = null;
      r.rating = null;
      r.ratedAt = null;
      // it gets a fresh deadline from the moment it was reopened (computed at ingest)
      if (typeof d.dueAt === 'string') {
        r.dueAt = d.dueAt;
        r.originalDueAt = d.dueAt;
        r.sla = d.sla as SlaApplied;
      }
      break;
    case 'reminded':
      r.reminderCount += 1;
      r.lastRemindedAt = ev.at;
      break;
    case 'started':
      break;
  }
  return r;
}

/** Rebuilds every report from an event log in seq order (used by tests and by the store's self-check). */
export function replay(events: Iterable<StoredEvent>): Map<number, Report> {
  const reports = new Map<number, Report>();
  for (const ev of events) reports.set(ev.reportId, applyEvent(reports.get(ev.reportId) ?? null, ev));
  return reports;
}
