import type { Category, SlaSpec } from '../contract/meta';
import type { SlaApplied } from '../contract/report';
import { addWorkingDays, addWorkingHours, defaultCalendar } from './calendar';
import type { WorkingCalendar } from './calendar';

export const DEFAULT_ROUTINE_SLA: SlaSpec = { amount: 7, unit: 'working_days' };
export const DEFAULT_URGENT_SLA: SlaSpec = { amount: 8, unit: 'working_hours' };

/** The due instant of an SLA counted from `from`. */
export function dueFrom(spec: SlaSpec, from: Date, cal: WorkingCalendar = defaultCalendar): Date {
  return spec.unit === 'working_days' ? addWorkingDays(from, spec.amount, cal) : addWorkingHours(from, spec.amount, cal);
}

/**
 * The due date of a report of `category` received (or reopened) at `from`, and the rule that produced it.
 * The rule travels with the due date so "which SLA was used?" stays answerable after categories change.
 */
export function computeDue(
  category: Pick<Category, 'id' | 'sla'>,
  urgent: boolean,
  from: Date,
  cal: WorkingCalendar = defaultCalendar,
): { dueAt: Date; sla: SlaApplied } {
  const mode = urgent ? 'urgent' : 'routine';
  const own = category.sla[mode];
  const spec = own ?? (urgent ? DEFAULT_URGENT_SLA : DEFAULT_ROUTINE_SLA);
  return {
    dueAt: dueFrom(spec, from, cal),
    sla: {
      mode,
      amount: spec.amount,
      unit: spec.unit,
      source: own ? 'category' : 'default',
      categoryId: category.id,
      from: from.toISOString(),
    },
  };
}
