import { z } from 'zod';
import { agencyKind, isoInstant, openStatuses, rating, reportStatus, timeliness } from './common';
import { ageingBucket, backlogBucket } from './backlog-filter';
import { report, reporter } from './report';
import { storedEvent } from './event';

export const healthResponse = z.object({ status: z.literal('ok'), seq: z.number().int().nonnegative() });

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
    z.array(item).min(1),
  );

export const MAX_PAGE = 500;

/** One filter definition shared by the list, drill-down and aggregate endpoints. */
export const reportFilter = z.object({
  status: csv(reportStatus).optional(),
  agencyId: z.string().min(1).max(100).optional(),
  categoryId: z.string().min(1).max(100).optional(),
  districtCode: z.string().min(1).max(20).optional(),
  wardCode: z.string().min(1).max(20).optional(),
  /** open and past the current due date (true) / everything else (false) */
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** receivedAt ≥ from */
  from: isoInstant.optional(),
  /** receivedAt < to */
  to: isoInstant.optional(),
  /** free text over title, description and address; diacritics optional */
  q: z.string().trim().min(1).max(200).optional(),
  // --- drill-down fields (statistics, hotspots): each figure of /stats lists its reports through these
  /** an explicit set of report ids, e.g. the members of a repeat hotspot (at most MAX_PAGE) */
  ids: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
      z.array(z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)).min(1).max(500),
    )
    .optional(),
  /** resolvedAt ≥ resolvedFrom (only reports currently resolved have a resolvedAt) */
  resolvedFrom: isoInstant.optional(),
  /** resolvedAt < resolvedTo */
  resolvedTo: isoInstant.optional(),
  /** current due date ≥ dueFrom */
  dueFrom: isoInstant.optional(),
  /** current due date < dueTo */
  dueTo: isoInstant.optional(),
  /** derived timeliness (shared/domain/timeliness timelinessOf) at the request's `now` */
  timeliness: csv(timeliness).optional(),
  /** the report's current rating (unrated reports never match) */
  rating: csv(rating).optional(),
  /** ratedAt ≥ ratedFrom */
  ratedFrom: isoInstant.optional(),
  /** ratedAt < ratedTo */
  ratedTo: isoInstant.optional(),
  // --- backlog fields (per-unit backlog and overdue): each figure of /api/v1/stats/agencies lists its reports through these
  /** a backlog figure's condition (shared/domain/rollup-buckets inBucket); the period goes in from/to or resolvedFrom/resolvedTo */
  bucket: backlogBucket.optional(),
  /** overdue by this many working days (implies overdue) */
  ageing: ageingBucket.optional(),
  /** the current handling unit is of this kind */
  agencyKind: agencyKind.optional(),
  /** the current handling unit is one of these (the "others" bar of a top-N chart) */
  agencyIds: csv(z.string().min(1).max(100)).pipe(z.array(z.string()).max(200)).optional(),
  /** the report has a handling unit (true) / is still with the centre (false) */
  hasAgency: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ReportFilter = z.infer<typeof reportFilter>;

export const reportListQuery = reportFilter.extend({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  cursor: z.string().max(200).optional(),
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const reportListResponse = z.object({
  items: z.array(report),
  nextCursor: z.string().nullable(),
  total: z.number().int().nonnegative(),
  seq: z.number().int().nonnegative(),
});
export type ReportListResponse = z.infer<typeof reportListResponse>;

export const reportDetailResponse = report.extend({
  events: z.array(storedEvent),
  /** present only when the viewer is a centre operator */
  reporter: reporter.optional(),
});
export type ReportDetailResponse = z.infer<typeof reportDetailResponse>;

export const summaryQuery = z.object({ from: isoInstant.optional(), to: isoInstant.optional() });

export const summaryResponse = z.object({
  seq: z.number().int().nonnegative(),
  asOf: isoInstant,
  /** the period the period-figures cover (defaults to the current month, Vietnam time) */
  from: isoInstant,
  to: isoInstant,
  receivedToday: z.number().int().nonnegative(),
  /** open now: received, assigned, in progress or reopened */
  beingHandled: z.number().int().nonnegative(),
  overdueNow: z.number().int().nonnegative(),
  handledThisMonth: z.number().int().nonnegative(),
  receivedInPeriod: z.number().int().nonnegative(),
  resolvedInPeriod: z.number().int().nonnegative(),
  /** ratings given in the period */
  ratedInPeriod: z.number().int().nonnegative(),
  /** share of period ratings at "chấp nhận" or better; null when nothing was rated */
  satisfactionRate: z.number().min(0).max(1).nullable(),
});
export type SummaryResponse = z.infer<typeof summaryResponse>;

export const apiError = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiError>;

export { openStatuses };
