import type { StoredEvent } from '../../../../shared/contract/event';

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** An event with the due date that was in force before it (to say "extended from → to"). */
export interface TimelineEntry {
  event: StoredEvent;
  /** the due date before this event (null when none was set yet) */
  dueBefore: string | null;
  /** the due date after it */
  dueAfter: string | null;
}

/**
 * Replays the log in seq order to know the due date in force at each event: the stored `extended` event holds
 * only the new date, and the report's extension history is keyed by time, not by event.
 */
export function timelineOf(events: readonly StoredEvent[]): TimelineEntry[] {
  let due: string | null = null;
  return [...events]
    .sort((a, b) => a.seq - b.seq)
    .map((event) => {
      const before = due;
      // created, re-categorising verification, extension and reopening each set a due date
      const next = str(event.data.dueAt);
      if (next !== null) due = next;
      return { event, dueBefore: before, dueAfter: due };
    });
}
