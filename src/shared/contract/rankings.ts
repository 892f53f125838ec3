import { z } from 'zod';
import { agencyKind, isoInstant, rating, timeliness } from './common';
import { slaApplied } from './report';

/** A calendar quarter in Vietnam local time, e.g. `2026-Q3`. */
export const quarterId = z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter like 2026-Q3');
export const quarterParams = z.object({ quarter: quarterId });

export const scoreComponentKeys = ['onTime', 'satisfaction', 'handling', 'interaction'] as const;
export const scoreComponentKey = z.enum(scoreComponentKeys);
export type ScoreComponentKey = z.infer<typeof scoreComponentKey>;

const weight = z.number().finite().min(0).max(1000);
/** Relative weights of the four components (they need not add up to 1: the score divides by their sum). */
export const scoreWeights = z
  .object({ onTime: weight, satisfaction: weight, handling: weight, interaction: weight })
  .refine((w) => w.onTime + w.satisfaction + w.handling + w.interaction > 0, 'at least one weight must be positive');
export type ScoreWeights = z.infer<typeof scoreWeights>;

export const scoringConfig = z.object({
  weights: scoreWeights,
  /** units judged on fewer reports than this are listed as "not ranked (too few reports)" */
  minVolume: z.number().int().min(1).max(100_000),
});
export type ScoringConfig = z.infer<typeof scoringConfig>;

export const scoreThresholds = z.object({
  /** the province's collective threshold: strictly more than this share handled on time */
  onTime: z.number(),
  /** heads of units: at least this share of ratings at "chấp nhận" or better */
  satisfaction: z.number(),
});
export type ScoreThresholds = z.infer<typeof scoreThresholds>;

/** One component of a unit's score: the counts behind it, the rate and the weight it had in the score. */
export const componentFigure = z.object({
  numerator: z.number().int().nonnegative(),
  denominator: z.number().int().nonnegative(),
  /** numerator ÷ denominator; null when the denominator is 0 (the component then has no weight) */
  rate: z.number().min(0).max(1).nullable(),
  /** the component's share of the score after renormalising over the components that have a rate (0..1) */
  effectiveWeight: z.number().min(0).max(1),
});
export type ComponentFigure = z.infer<typeof componentFigure>;

export const componentFigures = z.object({
  onTime: componentFigure,
  satisfaction: componentFigure,
  handling: componentFigure,
  interaction: componentFigure,
});
export type ComponentFigures = z.infer<typeof componentFigures>;

export const notRankedReasons = ['too_few_reports', 'no_data'] as const;
export const notRankedReason = z.enum(notRankedReasons);
export type NotRankedReason = z.infer<typeof notRankedReason>;

export const unitRanking = z.object({
  agencyId: z.string(),
  name: z.string(),
  shortName: z.string(),
  /** the unit group it is ranked in (its agency kind) */
  group: agencyKind,
  /** distinct reports the unit was judged on for timeliness (on-time and handling denominators) */
  volume: z.number().int().nonnegative(),
  components: componentFigures,
  /** 0–100 points, rounded to 2 decimals; null when no component has a rate */
  score: z.number().min(0).max(100).nullable(),
  ranked: z.boolean(),
  notRanked: notRankedReason.nullable(),
  /** 1 = best; equal after every tie-break → equal rank (1, 2, 2, 4) */
  rank: z.number().int().positive().nullable(),
  groupRank: z.number().int().positive().nullable(),
  previousRank: z.number().int().positive().nullable(),
  previousGroupRank: z.number().int().positive().nullable(),
  /** previousRank − rank: positive = moved up; null when either is missing */
  rankChange: z.number().int().nullable(),
  groupRankChange: z.number().int().nullable(),
  badges: z.object({ onTime: z.boolean(), satisfaction: z.boolean() }),
});
export type UnitRanking = z.infer<typeof unitRanking>;

export const rankingFinalisation = z.object({
  at: isoInstant,
  /** who finalised (until roles exist: the name given with the operator token) */
  by: z.string(),
  formulaVersion: z.string(),
  config: scoringConfig,
  /** the event-log position the frozen figures reflect */
  seq: z.number().int().nonnegative(),
});
export type RankingFinalisation = z.infer<typeof rankingFinalisation>;

const countPair = z.object({ numerator: z.number().int(), denominator: z.number().int() });

/** How a unit's figures would change if the finalised quarter were computed again from today's data. */
export const unitDifference = z.object({
  agencyId: z.string(),
  name: z.string(),
  scoreThen: z.number().nullable(),
  scoreNow: z.number().nullable(),
  /** scoreNow − scoreThen in points; null when either is null */
  scoreDelta: z.number().nullable(),
  rankThen: z.number().int().nullable(),
  rankNow: z.number().int().nullable(),
  volumeThen: z.number().int(),
  volumeNow: z.number().int(),
  /** only the components whose counts changed */
  components: z.array(z.object({ key: scoreComponentKey, then: countPair, now: countPair })),
});
export type UnitDifference = z.infer<typeof unitDifference>;

export const recomputation = z.object({
  computedAt: isoInstant,
  seq: z.number().int().nonnegative(),
  /** computed with the finalised formula version and configuration over the current event log */
  differs: z.boolean(),
  /** the formula version of this build, when it is not the finalised one (the recomputation then used this build's) */
  formulaVersionNow: z.string(),
  units: z.array(unitDifference),
});
export type Recomputation = z.infer<typeof recomputation>;

export const rankingStates = ['provisional', 'unfinalised', 'finalised'] as const;

export const rankingResponse = z.object({
  quarter: quarterId,
  from: isoInstant,
  to: isoInstant,
  /** the instant the figures are computed as of: the quarter's end, or now for the running quarter */
  asOf: isoInstant,
  /** provisional = the running quarter (live); unfinalised = ended, not frozen; finalised = frozen snapshot */
  state: z.enum(rankingStates),
  formulaVersion: z.string(),
  config: scoringConfig,
  thresholds: scoreThresholds,
  previousQuarter: quarterId,
  seq: z.number().int().nonnegative(),
  /** ranked units by rank (then name), then the units not ranked */
  units: z.array(unitRanking),
  finalised: rankingFinalisation.nullable(),
  /** only for a finalised quarter: today's data computed again and compared */
  recomputation: recomputation.nullable(),
});
export type RankingResponse = z.infer<typeof rankingResponse>;

export const finaliseBody = z.object({
  /** the person finalising, recorded with the snapshot */
  by: z.string().trim().min(1).max(200),
});

export const quarterListResponse = z.object({
  current: quarterId,
  quarters: z.array(
    z.object({
      quarter: quarterId,
      state: z.enum(rankingStates),
      finalised: z.object({ at: isoInstant, by: z.string() }).nullable(),
    }),
  ),
});
export type QuarterListResponse = z.infer<typeof quarterListResponse>;

/** One report (round) behind a component: what was counted, when, and against which deadline. */
export const scoreItem = z.object({
  reportId: z.number().int().positive(),
  /** 1 for the first handling, 2 after the first reopening, … */
  round: z.number().int().positive(),
  /** true when it counts in the numerator (it always counts in the denominator) */
  counted: z.boolean(),
  /** the instant that placed it in this quarter (resolution, quarter end, rating, dispute decision …) */
  at: isoInstant,
  outcome: z.string(),
  originalDueAt: isoInstant.nullable().optional(),
  dueAt: isoInstant.nullable().optional(),
  resolvedAt: isoInstant.nullable().optional(),
  timeliness: timeliness.optional(),
  sla: slaApplied.nullable().optional(),
  rating: rating.optional(),
  disputeAt: isoInstant.optional(),
  deadline: isoInstant.optional(),
  answeredAt: isoInstant.nullable().optional(),
});
export type ScoreItem = z.infer<typeof scoreItem>;

export const scoreItems = z.object({
  onTime: z.array(scoreItem),
  satisfaction: z.array(scoreItem),
  handling: z.array(scoreItem),
  interaction: z.array(scoreItem),
});
export type ScoreItems = z.infer<typeof scoreItems>;

export const unitScoreResponse = z.object({
  quarter: quarterId,
  state: z.enum(rankingStates),
  unit: unitRanking,
  items: scoreItems,
});
export type UnitScoreResponse = z.infer<typeof unitScoreResponse>;
