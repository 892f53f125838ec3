// STUB — to be implemented (helper "domain").
import type { Category, SlaSpec } from '../contract/meta';
import type { SlaApplied } from '../contract/report';
import type { WorkingCalendar } from './calendar';

export const DEFAULT_ROUTINE_SLA: SlaSpec = { amount: 7, unit: 'working_days' };
export const DEFAULT_URGENT_SLA: SlaSpec = { amount: 8, unit: 'working_hours' };

/** The due date of a report of `category` received (or reopened) at `from`, and the rule that produced it. */
export function computeDue(
  _category: Pick<Category, 'id' | 'sla'>,
  _urgent: boolean,
  _from: Date,
  _cal?: WorkingCalendar,
): { dueAt: Date; sla: SlaApplied } {
  throw new Error('not implemented');
}
