import { z } from 'zod';
import { reportFilter } from './api';
import { ageingBuckets, escalationStep, reminderChannel } from './backlog-filter';
import { isoInstant } from './common';
import { report } from './report';

const count = z.number().int().nonnegative();
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * GET /api/v1/stats/agencies: the fields of reportFilter the rollups can answer. Anything else (text search,
 * ward, status, …) is refused with a 400 naming the field rather than silently ignored, so a figure and its
 * drill-down list can never disagree.
 */
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A Vietnam-local date 'YYYY-MM-DD' also works as a period bound: `from` = its start, `to` = its end (inclusive). */
const periodBound = (end: boolean) =>
  z.preprocess((v) => {
    if (typeof v !== 'string' || !LOCAL_DATE.test(v)) return v;
    if (!end) return `${v}T00:00:00+07:00`;
    const next = new Date(Date.parse(`${v}T00:00:00+07:00`) + 86_400_000);
    return Number.isNaN(next.getTime()) ? v : next.toISOString();
  }, isoInstant);

const agencyStatsFields = reportFilter
  .pick({ agencyId: true, agencyIds: true, agencyKind: true, categoryId: true, districtCode: true })
  .extend({ from: periodBound(false).optional(), to: periodBound(true).optional() });
export const agencyStatsQuery = agencyStatsFields.catchall(z.custom(() => false, 'is not a filter the per-unit figures support (the rollups cannot answer it)'));
export type AgencyStatsQuery = z.infer<typeof agencyStatsFields>;

export const ageingCounts = z.object(Object.fromEntries(ageingBuckets.map((b) => [b, count])) as Record<(typeof ageingBuckets)[number], typeof count>);
export type AgeingCounts = z.infer<typeof ageingCounts>;

/** The figures of one handling unit (or of all of them: `totals`). */
export const agencyFigures = z.object({
  // --- in the period (whole Vietnam-local days), from the rollups
  /** reports received in the period that are with this unit now */
  received: count,
  /** reports first assigned in the period that are with this unit now */
  assigned: count,
  /** rejected at screening (only the centre's row, agencyId null) */
  rejected: count,
  /** resolved in the period, by timeliness: on time against the original due date … */
  onTime: count,
  /** … after it but by the extended due date … */
  lateExtended: count,
  /** … or after the current due date */
  late: count,
  resolved: count,
  /** median working days from the SLA start (receipt or reopening) to resolution, of the period's resolutions */
  medianHandlingDays: z.number().nonnegative().nullable(),
  ratedSatisfied: count,
  ratedAcceptable: count,
  ratedUnsatisfied: count,
  /** reminders sent in the period while the unit had the report */
  reminders: count,
  // --- now, whatever the period, from the reports
  /** waiting on the centre or the unit: received, assigned, in progress, reopened */
  open: count,
  /** the unit has started work (in_progress) */
  inProgress: count,
  /** open, not overdue, at most one working day left */
  dueSoon: count,
  /** open and past the current due date */
  overdue: count,
  /** overdue reports by working days past due */
  ageing: ageingCounts,
});
export type AgencyFigures = z.infer<typeof agencyFigures>;

export const agencyStatsRow = agencyFigures.extend({
  /** null: reports still with the centre (not assigned to a unit yet, or rejected) */
  agencyId: z.string().nullable(),
});
export type AgencyStatsRow = z.infer<typeof agencyStatsRow>;

export const overdueTrendPoint = z.object({
  /** Vietnam-local date */
  date: localDate,
  /** overdue at the close of that day (today: overdue now) */
  overdue: count,
});
export type OverdueTrendPoint = z.infer<typeof overdueTrendPoint>;

export const agencyStatsResponse = z.object({
  seq: count,
  asOf: isoInstant,
  /** the period used: whole Vietnam-local days, [from, to) */
  from: isoInstant,
  to: isoInstant,
  /** every unit the filter selects (zeros included), and the centre's row (agencyId null) when no unit filter is set */
  agencies: z.array(agencyStatsRow),
  totals: agencyFigures,
  /** the daily overdue count over the period's days up to today (at most MAX_TREND_POINTS, evenly sampled) */
  trend: z.array(overdueTrendPoint),
});
export type AgencyStatsResponse = z.infer<typeof agencyStatsResponse>;

export const MAX_TREND_POINTS = 1000;

// ——— overdue queue, reminders, notifications (operators)

export const notificationStatus = z.enum(['pending', 'sent', 'failed']);
export type NotificationStatus = z.infer<typeof notificationStatus>;

export const contactPerson = z.object({
  name: z.string(),
  title: z.string(),
  phone: z.string(),
  email: z.string(),
});
export type ContactPerson = z.infer<typeof contactPerson>;

/** Who a reminder goes to at a unit (synthetic data in src/shared/data/agency-contacts.json): operators only. */
export const agencyContact = z.object({
  agencyId: z.string(),
  /** the unit's desk for field reports (the handling officer's line) */
  officer: contactPerson,
  leader: contactPerson,
});
export type AgencyContact = z.infer<typeof agencyContact>;
export const agencyContactsResponse = z.object({ items: z.array(agencyContact), province: contactPerson });
export type AgencyContactsResponse = z.infer<typeof agencyContactsResponse>;

export const notification = z.object({
  id: z.number().int().positive(),
  reportId: z.number().int().positive(),
  /** seq of the `reminded` event it sends */
  seq: z.number().int().positive(),
  channel: reminderChannel,
  target: escalationStep,
  /** who it was addressed to (null: the unit has no contact on file) */
  recipient: contactPerson.nullable(),
  status: notificationStatus,
  attempts: count,
  lastError: z.string().nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  sentAt: isoInstant.nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationListQuery = z.object({
  status: notificationStatus.optional(),
  reportId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const notificationListResponse = z.object({ items: z.array(notification) });
export type NotificationListResponse = z.infer<typeof notificationListResponse>;

/** POST /api/v1/reports/:id/reminders */
export const reminderRequest = z.object({
  channel: reminderChannel,
  target: escalationStep,
  note: z.string().trim().max(2000).default(''),
  /** the operator's name for the audit trail (free text until accounts exist) */
  actor: z.string().trim().min(1).max(200).optional(),
  /**
   * Chosen by the client once per reminder (e.g. when the dialog opens): a repeated request with the same key
   * (double click, retry after a timeout) stores nothing new. Also accepted as the Idempotency-Key header.
   */
  idempotencyKey: z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only').optional(),
});
export type ReminderRequest = z.input<typeof reminderRequest>;

export const reminderResponse = z.object({
  /** true when this idempotency key had been used before: nothing new was stored or sent */
  duplicate: z.boolean(),
  seq: z.number().int().positive(),
  report,
  notification,
});
export type ReminderResponse = z.infer<typeof reminderResponse>;

export const queueStates = ['overdue', 'due_soon'] as const;
export const queueState = z.enum(queueStates);

const overdueQueueFields = z
  .object({
    state: z.enum(['all', ...queueStates]).default('all'),
    /** by_due: most overdue first; by_unit: grouped by unit, most overdue first within each */
    sort: z.enum(['by_due', 'by_unit']).default('by_due'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .extend(reportFilter.pick({ agencyId: true, agencyKind: true, categoryId: true, districtCode: true }).shape);
export const overdueQueueQuery = overdueQueueFields.catchall(z.custom(() => false, 'is not a filter of the overdue queue'));
export type OverdueQueueQuery = z.infer<typeof overdueQueueFields>;

export const reminderEntry = z.object({
  seq: z.number().int().positive(),
  at: isoInstant,
  channel: reminderChannel,
  target: escalationStep,
  note: z.string(),
  actor: z.string().nullable(),
});
export type ReminderEntry = z.infer<typeof reminderEntry>;

export const escalationState = z.object({
  /** the ladder step the report has reached by time (null: not overdue yet) */
  step: escalationStep.nullable(),
  /** the highest step reminded since the current due date was set (null: none) */
  remindedStep: escalationStep.nullable(),
  /** a reminder at `step` is due (the step reached is above the one reminded) */
  due: z.boolean(),
  /** still overdue after a reminder sent since the current due date was set */
  overdueAfterReminder: z.boolean(),
});
export type EscalationState = z.infer<typeof escalationState>;

export const overdueQueueItem = z.object({
  report,
  state: queueState,
  /** working days past due (overdue), or 0 */
  overdueWorkingDays: count,
  ageing: z.enum(ageingBuckets).nullable(),
  escalation: escalationState,
  /** reminders since the current due date was set, newest first */
  reminders: z.array(reminderEntry),
  /** the newest notification for this report (a failed one shows its error and can be retried) */
  notification: notification.nullable(),
});
export type OverdueQueueItem = z.infer<typeof overdueQueueItem>;

export const overdueQueueResponse = z.object({
  seq: count,
  asOf: isoInstant,
  total: count,
  overdue: count,
  dueSoon: count,
  /** notifications that failed and wait for a retry (all units) */
  failedNotifications: count,
  /** working days overdue at which each step of the ladder is due: officer, unit leader, province */
  thresholds: z.tuple([count, count, count]),
  items: z.array(overdueQueueItem),
});
export type OverdueQueueResponse = z.infer<typeof overdueQueueResponse>;
