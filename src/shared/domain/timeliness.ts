// STUB — to be implemented (helper "domain").
import type { Timeliness } from '../contract/common';
import type { Report } from '../contract/report';
import type { WorkingCalendar } from './calendar';

export type TimelinessInput = Pick<Report, 'status' | 'dueAt' | 'originalDueAt' | 'resolvedAt'>;

/**
 * pending: open and not past its current due date; overdue: open and past it; on_time: resolved by the original
 * due date; late_extended: resolved after the original but by the extended due date; late: resolved after the
 * current due date; not_applicable: rejected.
 */
export function timelinessOf(_r: TimelinessInput, _now: Date): Timeliness {
  throw new Error('not implemented');
}
export function isOverdue(_r: TimelinessInput, _now: Date): boolean {
  throw new Error('not implemented');
}
/** Open, not overdue, and due within one working day of `now`. */
export function isDueSoon(_r: TimelinessInput, _now: Date, _cal?: WorkingCalendar): boolean {
  throw new Error('not implemented');
}
