import { z } from 'zod';

/** ISO-8601 instant with an explicit offset (Z or ±hh:mm). Stored and sent as UTC (`…Z`). */
export const isoInstant = z.iso.datetime({ offset: true });

export const reportStatuses = ['received', 'rejected', 'assigned', 'in_progress', 'resolved', 'reopened'] as const;
export const reportStatus = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof reportStatus>;

/** Statuses in which a report waits on a handling unit (counted as "being handled"). */
export const openStatuses: readonly ReportStatus[] = ['received', 'assigned', 'in_progress', 'reopened'];

export const eventTypes = [
  'created',
  'verified',
  'rejected',
  'assigned',
  'transferred',
  'started',
  'extended',
  'commented',
  'resolved',
  'rated',
  'reopened',
  'reminded',
] as const;
export const eventType = z.enum(eventTypes);
export type EventType = z.infer<typeof eventType>;

export const ratings = ['satisfied', 'acceptable', 'unsatisfied'] as const;
/** hài lòng / chấp nhận / không hài lòng */
export const rating = z.enum(ratings);
export type Rating = z.infer<typeof rating>;

export const channels = ['app', 'web', 'hotline', 'facebook', 'zalo', 'email'] as const;
export const channel = z.enum(channels);
export type Channel = z.infer<typeof channel>;

/** Derived, never stored: see shared/domain/timeliness.ts */
export const timelinessValues = ['pending', 'overdue', 'on_time', 'late_extended', 'late', 'not_applicable'] as const;
export const timeliness = z.enum(timelinessValues);
export type Timeliness = z.infer<typeof timeliness>;

export const agencyKinds = ['department', 'district_pc', 'commune_pc', 'public_service', 'central_agency'] as const;
export const agencyKind = z.enum(agencyKinds);
export type AgencyKind = z.infer<typeof agencyKind>;

export const slaUnits = ['working_days', 'working_hours'] as const;
export const slaUnit = z.enum(slaUnits);
export type SlaUnit = z.infer<typeof slaUnit>;
