import { z } from 'zod';
import { channel, isoInstant, rating, reportStatus, slaUnit } from './common';

export const mediaKind = z.enum(['image', 'video', 'audio']);
export const mediaItem = z.object({
  url: z.string().min(1).max(2000),
  kind: mediaKind,
  name: z.string().max(300).optional(),
});
export type MediaItem = z.infer<typeof mediaItem>;

/** Which rule produced a report's due date, so "which SLA was used?" is always answerable. */
export const slaApplied = z.object({
  mode: z.enum(['routine', 'urgent']),
  amount: z.number().int().positive(),
  unit: slaUnit,
  /** 'category' when the category defines it, 'default' for the 7-working-day fallback */
  source: z.enum(['category', 'default']),
  categoryId: z.string(),
  /** the instant the count started from */
  from: isoInstant,
});
export type SlaApplied = z.infer<typeof slaApplied>;

export const extension = z.object({ at: isoInstant, fromDueAt: isoInstant, toDueAt: isoInstant, reason: z.string() });
export type Extension = z.infer<typeof extension>;

/** A report as every viewer may see it: no reporter identity. */
export const report = z.object({
  id: z.number().int().positive(),
  externalId: z.string(),
  title: z.string(),
  description: z.string(),
  categoryId: z.string(),
  urgent: z.boolean(),
  lat: z.number(),
  lng: z.number(),
  address: z.string(),
  wardCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  channel,
  media: z.array(mediaItem),
  status: reportStatus,
  agencyId: z.string().nullable(),
  coordinatingAgencyIds: z.array(z.string()),
  receivedAt: isoInstant,
  verifiedAt: isoInstant.nullable(),
  assignedAt: isoInstant.nullable(),
  /** current due date (after extensions) */
  dueAt: isoInstant.nullable(),
  /** due date before any extension: "on time" is judged against it */
  originalDueAt: isoInstant.nullable(),
  sla: slaApplied.nullable(),
  extensions: z.array(extension),
  resolvedAt: isoInstant.nullable(),
  resultText: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  rating: rating.nullable(),
  ratedAt: isoInstant.nullable(),
  commentCount: z.number().int().nonnegative(),
  reopenCount: z.number().int().nonnegative(),
  reminderCount: z.number().int().nonnegative(),
  lastRemindedAt: isoInstant.nullable(),
  updatedAt: isoInstant,
  /** seq of the last event applied to this report */
  lastSeq: z.number().int().nonnegative(),
});
export type Report = z.infer<typeof report>;

export const reporter = z.object({
  name: z.string().trim().min(1).max(200),
  phone: z.string().trim().regex(/^\+?[0-9 .()-]{3,30}$/, 'must be a phone number'),
});
export type Reporter = z.infer<typeof reporter>;
