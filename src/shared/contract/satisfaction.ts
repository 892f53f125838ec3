import { z } from 'zod';
import { agencyKind, isoInstant } from './common';
import { report } from './report';

/** At most five years per request: the monthly trend stays ≤ 60 points. */
export const MAX_SATISFACTION_SPAN_MS = 5 * 366 * 86_400_000;

const period = {
  /** start of the period (inclusive); default: the start of the current month, Vietnam time */
  from: isoInstant.optional(),
  /** end of the period (exclusive); default: the start of next month */
  to: isoInstant.optional(),
  /** one handling unit only */
  agencyId: z.string().min(1).max(100).optional(),
};
const ordered = <T extends { from?: string; to?: string }>(q: T, ctx: z.RefinementCtx) => {
  if (q.from !== undefined && q.to !== undefined) {
    const span = Date.parse(q.to) - Date.parse(q.from);
    if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    else if (span > MAX_SATISFACTION_SPAN_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'the period may span at most 5 years' });
  }
};

export const satisfactionQuery = z.object(period).superRefine(ordered);
export type SatisfactionQuery = z.infer<typeof satisfactionQuery>;

export const ratingCounts = z.object({
  /** ratings given in the period and still standing (a reopening voids a rating) */
  rated: z.number().int().nonnegative(),
  satisfied: z.number().int().nonnegative(),
  acceptable: z.number().int().nonnegative(),
  unsatisfied: z.number().int().nonnegative(),
  /** the official rate: (hài lòng + chấp nhận) ÷ rated; null when nothing was rated */
  rate: z.number().min(0).max(1).nullable(),
});
export type RatingCounts = z.infer<typeof ratingCounts>;

export const satisfactionFigures = ratingCounts.extend({
  /** reports resolved in the period (and still resolved) */
  resolved: z.number().int().nonnegative(),
  /** of those, how many carry a rating */
  resolvedRated: z.number().int().nonnegative(),
  /** resolvedRated ÷ resolved; null when nothing was resolved */
  ratedShare: z.number().min(0).max(1).nullable(),
  /** disputes raised in the period (comments after resolution, reopenings, "phản ánh lần 2") */
  disputes: z.number().int().nonnegative(),
  /** of those, answered by the unit within 2 working days */
  disputesAnsweredInTime: z.number().int().nonnegative(),
});
export type SatisfactionFigures = z.infer<typeof satisfactionFigures>;

export const satisfactionResponse = z.object({
  seq: z.number().int().nonnegative(),
  asOf: isoInstant,
  from: isoInstant,
  to: isoInstant,
  agencyId: z.string().nullable(),
  overall: satisfactionFigures,
  /** the period of the same length just before */
  previous: z.object({ from: isoInstant, to: isoInstant, figures: satisfactionFigures }),
  /** overall.rate − previous rate (fraction, e.g. 0.031 = +3.1 points); null when either is missing */
  rateChange: z.number().nullable(),
  /** calendar months (Vietnam time) overlapping the period, oldest first, each limited to the period */
  months: z.array(ratingCounts.extend({ month: z.string().regex(/^\d{4}-\d{2}$/), from: isoInstant, to: isoInstant })),
  /** units with any rating, resolution or dispute in the period, most ratings first */
  units: z.array(satisfactionFigures.extend({ agencyId: z.string(), name: z.string(), shortName: z.string(), group: agencyKind })),
});
export type SatisfactionResponse = z.infer<typeof satisfactionResponse>;

export const disputeStates = ['answered_in_time', 'answered_late', 'unanswered', 'pending'] as const;

export const disputeListQuery = z
  .object({
    ...period,
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .superRefine(ordered);
export type DisputeListQuery = z.infer<typeof disputeListQuery>;

export const disputeItem = z.object({
  report,
  dispute: z.object({
    /** the first event of the episode (its seq identifies it) */
    seq: z.number().int().positive(),
    at: isoInstant,
    kinds: z.array(z.enum(['comment', 'reopened', 'second_report'])).min(1),
    /** end of the 2nd working day after the dispute */
    deadline: isoInstant,
    answeredAt: isoInstant.nullable(),
    /** pending = not answered and the deadline has not passed yet */
    state: z.enum(disputeStates),
    /** the unit answerable for it (holding the report at the answer or when the deadline passed) */
    agencyId: z.string().nullable(),
  }),
});
export type DisputeItem = z.infer<typeof disputeItem>;

export const disputeListResponse = z.object({
  items: z.array(disputeItem),
  nextCursor: z.string().nullable(),
  total: z.number().int().nonnegative(),
  seq: z.number().int().nonnegative(),
});
export type DisputeListResponse = z.infer<typeof disputeListResponse>;
