import type { AgencyKind } from '../../contract/common';
import type { Agency } from '../../contract/meta';
import type { ScoreItems, ScoringConfig, UnitRanking } from '../../contract/rankings';
import { scoreComponentKeys } from '../../contract/rankings';
import { badgesOf, emptyCounts, scoreOf, THRESHOLDS } from './formula';
import type { Counts } from './formula';
import type { UnitItem } from './quarter-items';

/** The unit groups in the order the page and the exports show them. */
export const UNIT_GROUPS: readonly AgencyKind[] = ['department', 'district_pc', 'commune_pc', 'public_service', 'central_agency'];

export interface UnitTally {
  counts: Counts;
  /** distinct reports in the on-time and handling denominators */
  volume: number;
  items: ScoreItems;
}

export const emptyItems = (): ScoreItems => ({ onTime: [], satisfaction: [], handling: [], interaction: [] });

/** Adds up the items per unit (every known unit gets a tally, so units with no reports are listed too). */
export function tallyUnits(items: Iterable<UnitItem>, agencyIds: Iterable<string>): Map<string, UnitTally> {
  const tallies = new Map<string, UnitTally>();
  const volumes = new Map<string, Set<number>>();
  for (const id of agencyIds) {
    tallies.set(id, { counts: emptyCounts(), volume: 0, items: emptyItems() });
    volumes.set(id, new Set());
  }
  for (const u of items) {
    let t = tallies.get(u.agencyId);
    if (!t) {
      // a unit missing from the reference data still gets its figures (never silently dropped)
      t = { counts: emptyCounts(), volume: 0, items: emptyItems() };
      tallies.set(u.agencyId, t);
      volumes.set(u.agencyId, new Set());
    }
    const c = t.counts[u.component];
    c.denominator += 1;
    if (u.item.counted) c.numerator += 1;
    t.items[u.component].push(u.item);
    if (u.component === 'onTime' || u.component === 'handling') volumes.get(u.agencyId)?.add(u.item.reportId);
  }
  for (const [id, t] of tallies) {
    t.volume = volumes.get(id)?.size ?? 0;
    // a stable order for snapshots and exports: by report, round, instant
    for (const k of scoreComponentKeys) t.items[k].sort((a, b) => a.reportId - b.reportId || a.round - b.round || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
  return tallies;
}

/** a/b vs c/d without floating point; a missing rate is lower than any rate */
function compareRates(x: { numerator: number; denominator: number }, y: { numerator: number; denominator: number }): number {
  const xn = x.denominator > 0;
  const yn = y.denominator > 0;
  if (!xn || !yn) return xn === yn ? 0 : xn ? 1 : -1;
  return x.numerator * y.denominator - y.numerator * x.denominator;
}

type Row = Omit<UnitRanking, 'rank' | 'groupRank' | 'previousRank' | 'previousGroupRank' | 'rankChange' | 'groupRankChange'>;

/**
 * Order of merit (negative when `a` ranks before `b`): the higher score (as shown, 2 decimals); on equal scores
 * the higher on-time rate, then the higher satisfaction rate, then the larger volume. Still equal → tied.
 */
export function compareMerit(a: Row, b: Row): number {
  const sa = a.score ?? -1;
  const sb = b.score ?? -1;
  if (sa !== sb) return sb - sa;
  const onTime = compareRates(b.components.onTime, a.components.onTime);
  if (onTime !== 0) return onTime;
  const sat = compareRates(b.components.satisfaction, a.components.satisfaction);
  if (sat !== 0) return sat;
  return b.volume - a.volume;
}

/** Competition ranking ("1, 2, 2, 4") of rows already sorted by merit. */
function ranksOf(sorted: readonly Row[]): Map<string, number> {
  const ranks = new Map<string, number>();
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    const rank = prev && compareMerit(prev, r) === 0 ? (ranks.get(prev.agencyId) as number) : i + 1;
    ranks.set(r.agencyId, rank);
  });
  return ranks;
}

export interface PreviousRanks {
  rank: ReadonlyMap<string, number>;
  groupRank: ReadonlyMap<string, number>;
}

/**
 * Scores, ranks (overall and in each unit group) and badges every unit. Units below the minimum volume, or with
 * no score, are not ranked and come after the ranked ones (by name), whatever their score.
 */
export function rankUnits(
  tallies: ReadonlyMap<string, Pick<UnitTally, 'counts' | 'volume'>>,
  agencies: readonly Pick<Agency, 'id' | 'name' | 'shortName' | 'kind'>[],
  config: ScoringConfig,
  previous: PreviousRanks | null,
): UnitRanking[] {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const rows: Row[] = [...tallies].map(([agencyId, t]) => {
    const a = byId.get(agencyId);
    const { components, score } = scoreOf(t.counts, config.weights);
    const notRanked = t.volume < config.minVolume ? 'too_few_reports' : score === null ? 'no_data' : null;
    return {
      agencyId,
      name: a?.name ?? agencyId,
      shortName: a?.shortName ?? agencyId,
      group: a?.kind ?? 'department',
      volume: t.volume,
      components,
      score,
      ranked: notRanked === null,
      notRanked,
      badges: badgesOf(components, THRESHOLDS),
    };
  });
  const byName = (a: Row, b: Row) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0);
  const ranked = rows.filter((r) => r.ranked).sort((a, b) => compareMerit(a, b) || byName(a, b));
  const overall = ranksOf(ranked);
  const group = new Map<string, number>();
  for (const g of UNIT_GROUPS) for (const [id, rank] of ranksOf(ranked.filter((r) => r.group === g))) group.set(id, rank);
  const unranked = rows.filter((r) => !r.ranked).sort(byName);
  return [...ranked, ...unranked].map((r) => {
    const rank = overall.get(r.agencyId) ?? null;
    const groupRank = group.get(r.agencyId) ?? null;
    const previousRank = previous?.rank.get(r.agencyId) ?? null;
    const previousGroupRank = previous?.groupRank.get(r.agencyId) ?? null;
    return {
      ...r,
      rank,
      groupRank,
      previousRank,
      previousGroupRank,
      rankChange: rank !== null && previousRank !== null ? previousRank - rank : null,
      groupRankChange: groupRank !== null && previousGroupRank !== null ? previousGroupRank - groupRank : null,
    };
  });
}

export function previousRanksOf(units: readonly Pick<UnitRanking, 'agencyId' | 'rank' | 'groupRank'>[]): PreviousRanks {
  const rank = new Map<string, number>();
  const groupRank = new Map<string, number>();
  for (const u of units) {
    if (u.rank !== null) rank.set(u.agencyId, u.rank);
    if (u.groupRank !== null) groupRank.set(u.agencyId, u.groupRank);
  }
  return { rank, groupRank };
}
