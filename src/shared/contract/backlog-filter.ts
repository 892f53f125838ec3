import { z } from 'zod';

/**
 * The figures of the backlog page as report conditions (see shared/domain/rollup-buckets inBucket). A bucket
 * says nothing about the period: the drill-down puts the period on receivedAt (`from`/`to`) or resolvedAt
 * (`resolvedFrom`/`resolvedTo`) next to it, as the figure counts it.
 */
export const backlogBuckets = [
  'received',
  'rejected',
  'open',
  'in_progress',
  'due_soon',
  'overdue',
  'resolved',
  'on_time',
  'late_extended',
  'late',
] as const;
export const backlogBucket = z.enum(backlogBuckets);
export type BacklogBucket = z.infer<typeof backlogBucket>;

/** Working days past the due date of an overdue report (the first bucket also holds the non-working days right after it). */
export const ageingBuckets = ['1-3', '4-7', '8-15', '16+'] as const;
export const ageingBucket = z.enum(ageingBuckets);
export type AgeingBucket = z.infer<typeof ageingBucket>;

/** Steps of the escalation ladder, which are also the targets of a reminder. */
export const escalationSteps = ['officer', 'unit_leader', 'province'] as const;
export const escalationStep = z.enum(escalationSteps);
export type EscalationStep = z.infer<typeof escalationStep>;

export const reminderChannels = ['sms', 'phone', 'email'] as const;
export const reminderChannel = z.enum(reminderChannels);
export type ReminderChannel = z.infer<typeof reminderChannel>;
