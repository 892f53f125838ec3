import { openStatuses } from '../contract/common';
import type { Timeliness } from '../contract/common';
import type { Report } from '../contract/report';
import { defaultCalendar, workingDayMs, workingMsBetween } from './calendar';
import type { WorkingCalendar } from './calendar';

export type TimelinessInput = Pick<Report, 'status' | 'dueAt' | 'originalDueAt' | 'resolvedAt'>;

/** What the live map colours a report by. */
export type MapState = 'new' | 'handling' | 'due_soon' | 'overdue' | 'resolved' | 'rejected';

export type MapStateInput = Pick<Report, 'status' | 'dueAt' | 'originalDueAt' | 'resolvedAt' | 'agencyId'>;

const isOpen = (r: Pick<Report, 'status'>) => openStatuses.includes(r.status);

/**
 * pending: open and not past its current due date; overdue: open and past it; on_time: resolved by the original
 * due date; late_extended: resolved after the original but by the extended due date; late: resolved after the
 * current due date; not_applicable: rejected.
 */
export function timelinessOf(r: TimelinessInput, now: Date): Timeliness {
  if (r.status === 'rejected') return 'not_applicable';
  if (r.status === 'resolved') {
    // a deadline-free report cannot be late
    if (r.dueAt === null && r.originalDueAt === null) return 'on_time';
    // a projection without the instant is judged at the moment of asking rather than guessed as on time
    const resolved = r.resolvedAt !== null ? Date.parse(r.resolvedAt) : now.getTime();
    const original = Date.parse(r.originalDueAt ?? (r.dueAt as string));
    const current = r.dueAt !== null ? Date.parse(r.dueAt) : original;
    if (resolved <= original) return 'on_time';
    if (resolved <= current) return 'late_extended';
    return 'late';
  }
  return isOverdue(r, now) ? 'overdue' : 'pending';
}

export function isOverdue(r: TimelinessInput, now: Date): boolean {
  return isOpen(r) && r.dueAt !== null && now.getTime() > Date.parse(r.dueAt);
}

/**
 * Open, not overdue, and due within one working day of `now`: at most one full working day's working time
 * (7.5 h by default) is left before the due date, so the measure means the same for day and hour SLAs.
 */
export function isDueSoon(r: TimelinessInput, now: Date, cal: WorkingCalendar = defaultCalendar): boolean {
  if (!isOpen(r) || r.dueAt === null || isOverdue(r, now)) return false;
  return workingMsBetween(now, new Date(r.dueAt), cal) <= workingDayMs(cal);
}

/**
 * new = received and not yet assigned to a unit. Deadline states outrank the workflow ones: an overdue report is
 * shown overdue whether or not a unit has it yet, and overdue wins over due_soon, which wins over new/handling.
 */
export function mapStateOf(r: MapStateInput, now: Date, cal: WorkingCalendar = defaultCalendar): MapState {
  if (r.status === 'rejected') return 'rejected';
  if (r.status === 'resolved') return 'resolved';
  if (isOverdue(r, now)) return 'overdue';
  if (isDueSoon(r, now, cal)) return 'due_soon';
  return r.status === 'received' && r.agencyId === null ? 'new' : 'handling';
}
