import { scoreComponentKeys, scoringConfig } from '../../contract/rankings';
import type {
  ComponentFigure,
  ComponentFigures,
  ScoreComponentKey,
  ScoreThresholds,
  ScoreWeights,
  ScoringConfig,
} from '../../contract/rankings';

/**
 * The emulation formula's version. Bump it whenever a definition below or in items.ts changes what is counted
 * or how the score is formed: a finalised quarter records the version it was computed with, and a
 * recomputation under a different version is flagged as such.
 *
 * Version 1 (see docs/decisions/0005-emulation-score.md for the full, worked definition):
 *   score = 100 × Σ wᵢ·rateᵢ / Σ wᵢ over the components whose rate exists (denominator > 0),
 *   rounded to 2 decimals; components: on-time, satisfaction, handling, citizen interaction.
 */
export const EMULATION_FORMULA_VERSION = '1';

/** On time and satisfaction are what the province's emulation rules judge; handling and interaction refine them. */
export const DEFAULT_WEIGHTS: ScoreWeights = { onTime: 0.4, satisfaction: 0.3, handling: 0.2, interaction: 0.1 };

/** A unit judged on fewer reports than this in a quarter is not ranked: one fast fix must not top the table. */
export const DEFAULT_MIN_VOLUME = 10;

export const DEFAULT_SCORING_CONFIG: ScoringConfig = { weights: DEFAULT_WEIGHTS, minVolume: DEFAULT_MIN_VOLUME };

/** The province's thresholds (DOMAIN.md): collectives > 75% on time; heads of units ≥ 70% at "chấp nhận" or better. */
export const THRESHOLDS: ScoreThresholds = { onTime: 0.75, satisfaction: 0.7 };

/** An interaction dispute must be answered within this many working days. */
export const ANSWER_WORKING_DAYS = 2;

export type Counts = Record<ScoreComponentKey, { numerator: number; denominator: number }>;

/**
 * Reads the scoring configuration from the environment: SCORE_WEIGHTS (JSON object with any of onTime,
 * satisfaction, handling, interaction; missing keys keep their default) and SCORE_MIN_VOLUME (whole number ≥ 1).
 * Throws with the variable's name when a value is unusable.
 */
export function scoringConfigFromEnv(env: Record<string, string | undefined>): ScoringConfig {
  let weights: unknown = DEFAULT_WEIGHTS;
  const rawWeights = env.SCORE_WEIGHTS?.trim();
  if (rawWeights) {
    let given: unknown;
    try {
      given = JSON.parse(rawWeights);
    } catch {
      given = null;
    }
    if (!given || typeof given !== 'object' || Array.isArray(given)) {
      throw new Error(`SCORE_WEIGHTS must be a JSON object, e.g. {"onTime":0.4,"satisfaction":0.3,"handling":0.2,"interaction":0.1}`);
    }
    const unknown = Object.keys(given).filter((k) => !(scoreComponentKeys as readonly string[]).includes(k));
    if (unknown.length > 0) throw new Error(`SCORE_WEIGHTS: unknown component ${unknown.join(', ')} (known: ${scoreComponentKeys.join(', ')})`);
    weights = { ...DEFAULT_WEIGHTS, ...given };
  }
  const rawMin = env.SCORE_MIN_VOLUME?.trim();
  const minVolume = rawMin ? Number(rawMin) : DEFAULT_MIN_VOLUME;
  const parsed = scoringConfig.safeParse({ weights, minVolume });
  if (!parsed.success) {
    const what = parsed.error.issues
      .map((i) => `${i.path[0] === 'minVolume' ? 'SCORE_MIN_VOLUME' : 'SCORE_WEIGHTS'}${i.path.length > 1 ? `.${i.path.slice(1).join('.')}` : ''}: ${i.message}`)
      .join('; ');
    throw new Error(`invalid scoring configuration: ${what}`);
  }
  return parsed.data;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The components' rates and effective weights, and the score. A component whose denominator is 0 has no rate
 * (null) and drops out: the other weights are renormalised to sum to 1, so a unit is neither punished nor
 * rewarded for, say, receiving no ratings. No rate at all (or only zero-weighted ones) → score null.
 */
export function scoreOf(counts: Counts, weights: ScoreWeights): { components: ComponentFigures; score: number | null } {
  const rates = {} as Record<ScoreComponentKey, number | null>;
  let weightSum = 0;
  for (const k of scoreComponentKeys) {
    const c = counts[k];
    rates[k] = c.denominator > 0 ? c.numerator / c.denominator : null;
    if (rates[k] !== null) weightSum += weights[k];
  }
  const components = {} as Record<ScoreComponentKey, ComponentFigure>;
  let score = 0;
  for (const k of scoreComponentKeys) {
    const rate = rates[k];
    const effectiveWeight = rate !== null && weightSum > 0 ? weights[k] / weightSum : 0;
    if (rate !== null) score += effectiveWeight * rate;
    components[k] = { numerator: counts[k].numerator, denominator: counts[k].denominator, rate, effectiveWeight };
  }
  return { components, score: weightSum > 0 ? round2(score * 100) : null };
}

export function badgesOf(components: ComponentFigures, t: ScoreThresholds = THRESHOLDS): { onTime: boolean; satisfaction: boolean } {
  const onTime = components.onTime.rate;
  const sat = components.satisfaction.rate;
  return { onTime: onTime !== null && onTime > t.onTime, satisfaction: sat !== null && sat >= t.satisfaction };
}

export const emptyCounts = (): Counts => ({
  onTime: { numerator: 0, denominator: 0 },
  satisfaction: { numerator: 0, denominator: 0 },
  handling: { numerator: 0, denominator: 0 },
  interaction: { numerator: 0, denominator: 0 },
});
