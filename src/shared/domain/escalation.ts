import type { EscalationStep } from '../contract/backlog-filter';
import { escalationSteps } from '../contract/backlog-filter';
import type { EscalationState, OverdueQueueItem, ReminderEntry } from '../contract/backlog';
import type { Report } from '../contract/report';
import { ageingOf, overdueWorkingDays } from './rollup-buckets';
import { isOverdue } from './timeliness';

/** Working days overdue at which each step is due: the handling officer, the unit's leader, provincial leadership. */
export type EscalationThresholds = readonly [number, number, number];

/** The seed's practice: the officer at the due date, the unit leader after 2 working days, the province after 5. */
export const DEFAULT_ESCALATION_THRESHOLDS: EscalationThresholds = [0, 2, 5];

/** Parses "0,2,5": three whole numbers of working days, not decreasing. Throws a RangeError naming the problem. */
export function parseEscalationThresholds(text: string): EscalationThresholds {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 3) throw new RangeError('needs three numbers of working days overdue: officer, unit leader, province (e.g. 0,2,5)');
  const nums = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  if (nums.some((n) => !Number.isInteger(n))) throw new RangeError(`each step must be a whole number of working days, got "${text}"`);
  const [a, b, c] = nums as [number, number, number];
  if (a > b || b > c) throw new RangeError(`steps must not decrease (officer ≤ unit leader ≤ province), got "${text}"`);
  return [a, b, c];
}

export const stepRank = (s: EscalationStep): number => escalationSteps.indexOf(s);

/** The step an overdue report has reached after `overdueDays` working days past due (null: none yet, or not overdue). */
export function escalationStepFor(overdue: boolean, overdueDays: number, thresholds: EscalationThresholds): EscalationStep | null {
  if (!overdue) return null;
  let step: EscalationStep | null = null;
  escalationSteps.forEach((s, i) => {
    if (overdueDays >= (thresholds[i] as number)) step = s;
  });
  return step;
}

/**
 * When the current due date was set: the start of the SLA count (receipt, or the reopening), or the latest
 * extension. Reminders before it were about an earlier deadline and do not count for the current ladder.
 */
export function dueSetAtMs(r: Pick<Report, 'sla' | 'receivedAt' | 'extensions'>): number {
  let t = Date.parse(r.sla?.from ?? r.receivedAt);
  for (const e of r.extensions) t = Math.max(t, Date.parse(e.at));
  return t;
}

/**
 * Where a report stands on the escalation ladder: the step reached by time, the highest step reminded since the
 * current due date was set, whether a reminder at the reached step is due, and whether it stayed overdue after
 * a reminder.
 */
export function escalationOf(
  input: { overdue: boolean; overdueDays: number; reminders: readonly { at: string; target: EscalationStep }[]; dueSetAtMs: number },
  thresholds: EscalationThresholds,
): EscalationState {
  const step = escalationStepFor(input.overdue, input.overdueDays, thresholds);
  const current = input.reminders.filter((r) => Date.parse(r.at) >= input.dueSetAtMs);
  let remindedStep: EscalationStep | null = null;
  for (const r of current) if (remindedStep === null || stepRank(r.target) > stepRank(remindedStep)) remindedStep = r.target;
  return {
    step,
    remindedStep,
    due: step !== null && (remindedStep === null || stepRank(step) > stepRank(remindedStep)),
    overdueAfterReminder: input.overdue && current.length > 0,
  };
}

/** A row of the overdue queue: where the report stands now and on the escalation ladder (SQLite and memory stores alike). */
export function queueItem(
  report: Report,
  allReminders: readonly ReminderEntry[],
  notification: OverdueQueueItem['notification'],
  now: Date,
  thresholds: EscalationThresholds,
): OverdueQueueItem {
  const overdue = isOverdue(report, now);
  const days = overdue && report.dueAt !== null ? overdueWorkingDays(report.dueAt, now) : 0;
  const since = dueSetAtMs(report);
  const reminders = allReminders.filter((r) => Date.parse(r.at) >= since);
  return {
    report,
    state: overdue ? 'overdue' : 'due_soon',
    overdueWorkingDays: days,
    ageing: ageingOf(report, now),
    escalation: escalationOf({ overdue, overdueDays: days, reminders, dueSetAtMs: since }, thresholds),
    reminders,
    notification,
  };
}
