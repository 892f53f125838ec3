
import { agencyContactsResponse, notification, overdueQueueResponse, reminderResponse } from '../../../../shared/contract/backlog';
import type { AgencyContactsResponse, Notification, OverdueQueueQuery, OverdueQueueResponse, ReminderRequest, ReminderResponse } from '../../../../shared/contract/backlog';
import { fetchJson } from '../../../lib/api/http';
import { useLiveResource } from '../../../lib/live/use-live-resource';

export function getOverdueQueue(query: Partial<OverdueQueueQuery>, signal?: AbortSignal): Promise<OverdueQueueResponse> {
  return fetchJson('/api/v1/overdue-queue', overdueQueueResponse, { query: { ...query }, signal });
}

/** The operators' worklist, refetched (at most once a second) as events arrive and every 30 s (time makes reports overdue). */
export function useOverdueQueue(query: Partial<OverdueQueueQuery>) {
  return useLiveResource<OverdueQueueResponse>(`overdue-queue:${JSON.stringify(query)}`, {
    load: (signal) => getOverdueQueue(query, signal),
    refetchThrottleMs: 1000,
    pollMs: 30_000,
  });
}

/** Records a reminder; the same idempotency key (a double click, a retried request) never records it twice. */
export function recordReminder(reportId: number, body: ReminderRequest): Promise<ReminderResponse> {
  return fetchJson(`/api/v1/reports/${reportId}/reminders`, reminderResponse, { method: 'POST', body });
}

export function retryNotification(id: number): Promise<Notification> {
  return fetchJson(`/api/v1/notifications/${id}/retry`, notification, { method: 'POST', body: {} });
}

let contacts: Promise<AgencyContactsResponse> | null = null;
/** Unit contacts (operators only), fetched once per page load. */
export function getAgencyContacts(): Promise<AgencyContactsResponse> {
  contacts ??= fetchJson('/api/v1/agency-contacts', agencyContactsResponse).catch((err: unknown) => {
    contacts = null;
    throw err;
  });
  return contacts;
}

export const idempotencyKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? `ui-${crypto.randomUUID()}` : `ui-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

