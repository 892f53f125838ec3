import { z } from 'zod';
import { reportFilter } from './api';
import { isoInstant } from './common';

/** The report dimensions a statistic can be narrowed to: the list filter's fields, without its period. */
export const statsDimensions = reportFilter.pick({ agencyId: true, categoryId: true, districtCode: true, wardCode: true, q: true });
export type StatsDimensions = z.infer<typeof statsDimensions>;

/** Longest period a statistic may cover (20 years: a month series stays far below MAX_SERIES_POINTS). */
export const MAX_PERIOD_DAYS = 7305;
const DAY_MS = 86_400_000;

const periodShape = { from: isoInstant, to: isoInstant };

type Period = { from: string; to: string };
/** `to` after `from`, and not too far after it; the issue names `to`, the field to correct. */
function checkPeriod(v: Period, ctx: z.RefinementCtx): void {
  const span = Date.parse(v.to) - Date.parse(v.from);
  if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  else if (span > MAX_PERIOD_DAYS * DAY_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: `the period may span at most ${MAX_PERIOD_DAYS} days` });
}

/**
 * What happened in a period [from, to) (Vietnam-local bounds are the client's choice; the server takes
 * instants). Each figure is a count of reports, defined so that it drills down through the list filter:
 * - received: receivedAt in the period (`from`/`to`);
 * - qualified: of those, forwarded to a unit (status assigned, in_progress, resolved or reopened);
 * - rejected: of those, rejected at screening (status rejected); the rest still await screening;
 * - resolved: resolved in the period (`resolvedFrom`/`resolvedTo`), split by timeliness into
 *   onTime + lateExtended + late (`timeliness=on_time|late_extended|late`);
 * - rated: rated in the period (`ratedFrom`/`ratedTo`); satisfied: of those, "chấp nhận" or better.
 */
export const periodFigures = z.object({
  received: z.number().int().nonnegative(),
  qualified: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  resolved: z.number().int().nonnegative(),
  onTime: z.number().int().nonnegative(),
  lateExtended: z.number().int().nonnegative(),
  late: z.number().int().nonnegative(),
  rated: z.number().int().nonnegative(),
  satisfied: z.number().int().nonnegative(),
});
export type PeriodFigures = z.infer<typeof periodFigures>;

/** Statuses counted as "qualified" (screened and forwarded to a handling unit). */
export const qualifiedStatuses = ['assigned', 'in_progress', 'resolved', 'reopened'] as const;

export const kpisQuery = statsDimensions.extend(periodShape).superRefine(checkPeriod);
export type KpisQuery = z.infer<typeof kpisQuery>;

export const kpisResponse = z.object({
  seq: z.number().int().nonnegative(),
  asOf: isoInstant,
  from: isoInstant,
  to: isoInstant,
  /** the period of the same length just before [from, to) */
  previousFrom: isoInstant,
  previousTo: isoInstant,
  current: periodFigures,
  previous: periodFigures,
  /** open and past the due date now (the `overdue=true` filter): a state, not a period figure */
  overdueNow: z.number().int().nonnegative(),
});
export type KpisResponse = z.infer<typeof kpisResponse>;

export const intervals = ['day', 'week', 'month'] as const;
export const interval = z.enum(intervals);
export type Interval = z.infer<typeof interval>;
/** Most points one series may have (charts stay readable and fast); the server coarsens the interval to fit. */
export const MAX_SERIES_POINTS = 1000;

export const timeseriesQuery = statsDimensions
  .extend({ ...periodShape, interval: interval.optional() })
  .superRefine(checkPeriod);
export type TimeseriesQuery = z.infer<typeof timeseriesQuery>;

/**
 * One bucket [from, to) (Vietnam-local day, Monday-based week or month, clipped to the period):
 * received = receivedAt in the bucket; resolved = resolvedAt in the bucket; overdue = reports whose current due
 * date fell in the bucket and that missed it: still open past it, or resolved after it
 * (`dueFrom`/`dueTo` + `timeliness=overdue,late`).
 */
export const timeseriesPoint = z.object({
  from: isoInstant,
  to: isoInstant,
  received: z.number().int().nonnegative(),
  resolved: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
});
export type TimeseriesPoint = z.infer<typeof timeseriesPoint>;

export const timeseriesResponse = z.object({
  seq: z.number().int().nonnegative(),
  asOf: isoInstant,
  from: isoInstant,
  to: isoInstant,
  /** the interval used: the requested one, coarsened when it would give more than MAX_SERIES_POINTS */
  interval,
  requestedInterval: interval.nullable(),
  points: z.array(timeseriesPoint).max(MAX_SERIES_POINTS),
});
export type TimeseriesResponse = z.infer<typeof timeseriesResponse>;

export const breakdownDimensions = ['category', 'district', 'agency'] as const;
export const breakdownBy = z.enum(breakdownDimensions);
export type BreakdownBy = z.infer<typeof breakdownBy>;

export const breakdownQuery = statsDimensions.extend({ ...periodShape, by: breakdownBy }).superRefine(checkPeriod);
export type BreakdownQuery = z.infer<typeof breakdownQuery>;

const figuresWithOverdue = periodFigures.extend({ overdueNow: z.number().int().nonnegative() });

/**
 * One category / district / handling unit. `key` is null for reports without one (no district found for the
 * position, not yet assigned to a unit), so the rows always add up to `total`.
 */
export const breakdownRow = figuresWithOverdue.extend({ key: z.string().nullable() });
export type BreakdownRow = z.infer<typeof breakdownRow>;

export const breakdownResponse = z.object({
  seq: z.number().int().nonnegative(),
  asOf: isoInstant,
  from: isoInstant,
  to: isoInstant,
  by: breakdownBy,
  /** every key with at least one non-zero figure, most received first */
  rows: z.array(breakdownRow),
  total: figuresWithOverdue,
});
export type BreakdownResponse = z.infer<typeof breakdownResponse>;
