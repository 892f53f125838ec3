import type { Agency } from '../../contract/meta';
import type {
  QuarterListResponse,
  RankingResponse,
  Recomputation,
  ScoreItems,
  ScoringConfig,
  UnitDifference,
  UnitRanking,
  UnitScoreResponse,
} from '../../contract/rankings';
import { scoreComponentKeys } from '../../contract/rankings';
import type { Counts } from './formula';
import { EMULATION_FORMULA_VERSION, THRESHOLDS } from './formula';
import { computeQuarter, windowOf } from './compute';
import type { QuarterComputation } from './compute';
import { previousQuarter, quarterBounds, quarterOf, quarterPhase, shiftQuarter } from './quarter';
import type { ScoringWindow } from './quarter-items';
import { emptyItems, previousRanksOf } from './ranking';
import type { PreviousRanks } from './ranking';
import type { ScoringEvent } from './report-history';

/** What a finalisation freezes: the table as published, and the inputs behind every figure. */
export interface RankingSnapshot {
  quarter: string;
  finalisedAt: string;
  finalisedBy: string;
  formulaVersion: string;
  config: ScoringConfig;
  seq: number;
  /** the ranking as finalised (state 'finalised', recomputation null) */
  ranking: RankingResponse;
  /** per unit: the counts and the report rounds behind each component */
  inputs: Record<string, { counts: Counts; volume: number; items: ScoreItems }>;
}

/** What the server's SQLite store and the memory store provide to the ranking service. */
export interface RankingSource {
  agencies(): readonly Agency[];
  latestSeq(): number;
  /** every event of every report that may contribute to the window (a superset is fine), grouped per report */
  eventsForWindow(w: ScoringWindow): Iterable<readonly ScoringEvent[]>;
  /** the instant of the oldest event, or null for an empty log */
  firstEventAt(): string | null;
  /** the earliest `at` among events with seq > `seq`, or null when there are none */
  earliestAtAfter(seq: number): string | null;
  getSnapshot(quarter: string): RankingSnapshot | null;
  listSnapshots(): { quarter: string; finalisedAt: string; finalisedBy: string }[];
}

/** A refusal the API answers with as is (routes turn it into their error response). */
export class RankingRefusal extends Error {
  override name = 'RankingRefusal';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Quarters before this are not offered (the product has no data before 2018's calendar). */
const EARLIEST_QUARTER = '2018-Q1';

function checkQuarter(quarter: string, now: Date): void {
  if (quarterPhase(quarter, now) === 'future') {
    throw new RankingRefusal(404, 'quarter_not_started', `quarter ${quarter} has not started yet (current quarter: ${quarterOf(now)})`);
  }
  if (quarter < EARLIEST_QUARTER) throw new RankingRefusal(404, 'quarter_out_of_range', `quarters start at ${EARLIEST_QUARTER}`);
}

/** A running quarter's table may be this old (by the injected clock) before it is computed again. */
export const PROVISIONAL_MAX_AGE_MS = 60_000;

/**
 * Memoises computations. An ended quarter reads only events dated before its end, so a cached table stays valid
 * while every event appended since is dated after that end (the usual case: new events are about now); a
 * back-dated event invalidates it. The running quarter's table is reused for up to PROVISIONAL_MAX_AGE_MS of
 * clock time (its `asOf` says when it was computed); with the clock standing still (tests), only while the log
 * is unchanged.
 */
export function createRankingCache(max = 16) {
  const entries = new Map<string, { seq: number; asOf: number; value: QuarterComputation }>();
  return {
    get(src: RankingSource, key: string, asOf: number, past: boolean, make: () => QuarterComputation): QuarterComputation {
      const seq = src.latestSeq();
      const hit = entries.get(key);
      if (hit) {
        if (hit.seq === seq && hit.asOf === asOf) return hit.value;
        if (past) {
          const earliest = src.earliestAtAfter(hit.seq);
          if (earliest !== null && Date.parse(earliest) >= asOf) {
            hit.seq = seq;
            return hit.value;
          }
        } else if (asOf > hit.asOf && asOf - hit.asOf < PROVISIONAL_MAX_AGE_MS) {
          return hit.value;
        }
        entries.delete(key);
      }
      const value = make();
      entries.set(key, { seq, asOf, value });
      if (entries.size > max) entries.delete(entries.keys().next().value as string);
      return value;
    },
  };
}
export type RankingCache = ReturnType<typeof createRankingCache>;

function compute(
  src: RankingSource,
  quarter: string,
  now: Date,
  config: ScoringConfig,
  previous: { ranks: PreviousRanks; from: string } | null,
  cache?: RankingCache,
): QuarterComputation {
  const w = windowOf(quarter, now);
  const make = () => computeQuarter({ quarter, now, eventsByReport: src.eventsForWindow(w), agencies: src.agencies(), config, previous: previous?.ranks ?? null });
  if (!cache) return make();
  const past = w.asOf === w.to;
  const key = `${quarter}|${past ? 'ended' : 'running'}|${JSON.stringify(config)}|${previous?.from ?? '-'}`;
  return cache.get(src, key, w.asOf, past, make);
}

/** Ranks of the previous quarter: its finalised snapshot when there is one, else computed now. */
function previousRanks(src: RankingSource, quarter: string, now: Date, config: ScoringConfig, cache?: RankingCache): { ranks: PreviousRanks; from: string } | null {
  const prev = previousQuarter(quarter);
  if (prev < EARLIEST_QUARTER) return null;
  const snap = src.getSnapshot(prev);
  if (snap) return { ranks: previousRanksOf(snap.ranking.units), from: `snapshot ${snap.finalisedAt}` };
  return { ranks: previousRanksOf(compute(src, prev, now, config, null, cache).units), from: 'computed' };
}

function responseOf(c: QuarterComputation, src: RankingSource, now: Date, config: ScoringConfig): RankingResponse {
  const b = quarterBounds(c.quarter);
  return {
    quarter: c.quarter,
    from: b.from.toISOString(),
    to: b.to.toISOString(),
    asOf: new Date(c.window.asOf).toISOString(),
    state: quarterPhase(c.quarter, now) === 'current' ? 'provisional' : 'unfinalised',
    formulaVersion: EMULATION_FORMULA_VERSION,
    config,
    thresholds: THRESHOLDS,
    previousQuarter: previousQuarter(c.quarter),
    seq: src.latestSeq(),
    units: c.units,
    finalised: null,
    recomputation: null,
  };
}

const countsOf = (u: UnitRanking) => Object.fromEntries(scoreComponentKeys.map((k) => [k, { numerator: u.components[k].numerator, denominator: u.components[k].denominator }]));

/** Compares the frozen table with today's recomputation, unit by unit. */
export function differences(then: readonly UnitRanking[], now: readonly UnitRanking[]): UnitDifference[] {
  const nowById = new Map(now.map((u) => [u.agencyId, u]));
  const ids = [...new Set([...then.map((u) => u.agencyId), ...now.map((u) => u.agencyId)])];
  const thenById = new Map(then.map((u) => [u.agencyId, u]));
  const out: UnitDifference[] = [];
  for (const id of ids) {
    const a = thenById.get(id);
    const b = nowById.get(id);
    const components: UnitDifference['components'] = [];
    for (const k of scoreComponentKeys) {
      const x = a?.components[k] ?? { numerator: 0, denominator: 0 };
      const y = b?.components[k] ?? { numerator: 0, denominator: 0 };
      if (x.numerator !== y.numerator || x.denominator !== y.denominator) {
        components.push({ key: k, then: { numerator: x.numerator, denominator: x.denominator }, now: { numerator: y.numerator, denominator: y.denominator } });
      }
    }
    const scoreThen = a?.score ?? null;
    const scoreNow = b?.score ?? null;
    const rankThen = a?.rank ?? null;
    const rankNow = b?.rank ?? null;
    const volumeThen = a?.volume ?? 0;
    const volumeNow = b?.volume ?? 0;
    if (components.length === 0 && scoreThen === scoreNow && rankThen === rankNow && volumeThen === volumeNow) continue;
    out.push({
      agencyId: id,
      name: (a ?? b)?.name ?? id,
      scoreThen,
      scoreNow,
      scoreDelta: scoreThen !== null && scoreNow !== null ? Math.round((scoreNow - scoreThen) * 100) / 100 : null,
      rankThen,
      rankNow,
      volumeThen,
      volumeNow,
      components,
    });
  }
  return out;
}

/**
 * The ranking of `quarter`: the frozen snapshot for a finalised quarter (with a recomputation from today's data
 * and what differs), otherwise computed from the event log (provisional while the quarter runs).
 */
export function rankingFor(src: RankingSource, quarter: string, now: Date, config: ScoringConfig, cache?: RankingCache): RankingResponse {
  checkQuarter(quarter, now);
  const snap = src.getSnapshot(quarter);
  if (snap) {
    const again = compute(src, quarter, now, snap.config, previousRanks(src, quarter, now, snap.config, cache), cache);
    const units = differences(snap.ranking.units, again.units);
    const recomputation: Recomputation = {
      computedAt: now.toISOString(),
      seq: src.latestSeq(),
      differs: units.length > 0,
      formulaVersionNow: EMULATION_FORMULA_VERSION,
      units,
    };
    return { ...snap.ranking, recomputation };
  }
  const c = compute(src, quarter, now, config, previousRanks(src, quarter, now, config, cache), cache);
  return responseOf(c, src, now, config);
}

/**
 * Freezes an ended quarter: its table, the inputs behind every figure (the report rounds per component), the
 * formula version, the configuration, who and when. Refuses the running quarter and a quarter already frozen.
 * Returns the snapshot for the store to insert (the store refuses a second insert for the same quarter).
 */
export function prepareFinalisation(src: RankingSource, quarter: string, now: Date, config: ScoringConfig, by: string, cache?: RankingCache): RankingSnapshot {
  checkQuarter(quarter, now);
  if (quarterPhase(quarter, now) !== 'past') {
    throw new RankingRefusal(409, 'quarter_not_ended', `quarter ${quarter} is still running: it can be finalised from ${quarterBounds(quarter).to.toISOString()}`);
  }
  const existing = src.getSnapshot(quarter);
  if (existing) {
    throw new RankingRefusal(409, 'already_finalised', `quarter ${quarter} was finalised on ${existing.finalisedAt} by ${existing.finalisedBy}`);
  }
  const c = compute(src, quarter, now, config, previousRanks(src, quarter, now, config, cache), cache);
  const seq = src.latestSeq();
  const at = now.toISOString();
  const ranking: RankingResponse = {
    ...responseOf(c, src, now, config),
    state: 'finalised',
    finalised: { at, by, formulaVersion: EMULATION_FORMULA_VERSION, config, seq },
  };
  const inputs: RankingSnapshot['inputs'] = {};
  for (const u of c.units) {
    const t = c.tallies.get(u.agencyId);
    inputs[u.agencyId] = { counts: countsOf(u) as Counts, volume: u.volume, items: t?.items ?? emptyItems() };
  }
  return { quarter, finalisedAt: at, finalisedBy: by, formulaVersion: EMULATION_FORMULA_VERSION, config, seq, ranking, inputs };
}

/** One unit's figures and the report rounds behind each component (frozen ones for a finalised quarter). */
export function unitScore(src: RankingSource, quarter: string, agencyId: string, now: Date, config: ScoringConfig, cache?: RankingCache): UnitScoreResponse {
  checkQuarter(quarter, now);
  const snap = src.getSnapshot(quarter);
  if (snap) {
    const unit = snap.ranking.units.find((u) => u.agencyId === agencyId);
    if (!unit) throw new RankingRefusal(404, 'not_found', `no unit '${agencyId}' in ${quarter}`);
    return { quarter, state: 'finalised', unit, items: snap.inputs[agencyId]?.items ?? emptyItems() };
  }
  const c = compute(src, quarter, now, config, previousRanks(src, quarter, now, config, cache), cache);
  const unit = c.units.find((u) => u.agencyId === agencyId);
  if (!unit) throw new RankingRefusal(404, 'not_found', `no unit '${agencyId}'`);
  return { quarter, state: quarterPhase(quarter, now) === 'current' ? 'provisional' : 'unfinalised', unit, items: c.tallies.get(agencyId)?.items ?? emptyItems() };
}

/** The quarters a picker offers: from the oldest data (at most 5 years back) to the running one, newest first. */
export function quarterList(src: RankingSource, now: Date): QuarterListResponse {
  const current = quarterOf(now);
  const first = src.firstEventAt();
  const fin = new Map(src.listSnapshots().map((s) => [s.quarter, s]));
  let oldest = first ? quarterOf(new Date(first)) : current;
  const floor = shiftQuarter(current, -20);
  if (oldest < floor) oldest = floor;
  for (const q of fin.keys()) if (q < oldest) oldest = q;
  const quarters: QuarterListResponse['quarters'] = [];
  for (let q = current; q >= oldest; q = previousQuarter(q)) {
    const f = fin.get(q);
    quarters.push({ quarter: q, state: f ? 'finalised' : q === current ? 'provisional' : 'unfinalised', finalised: f ? { at: f.finalisedAt, by: f.finalisedBy } : null });
  }
  return { current, quarters };
}
