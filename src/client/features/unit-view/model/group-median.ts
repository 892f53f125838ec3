import type { ScoreComponentKey, UnitRanking } from '../../../../shared/contract/rankings';

/** The median of numbers (mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * A component's median over the unit's group: the ranked units of that group that have a rate for it. Units
 * below the minimum volume are left out, as they are left out of the ranking.
 */
export function groupMedian(units: readonly UnitRanking[], group: UnitRanking['group'], key: ScoreComponentKey): { median: number | null; units: number } {
  const rates = units.filter((u) => u.group === group && u.ranked).map((u) => u.components[key].rate).filter((r): r is number => r !== null);
  return { median: median(rates), units: rates.length };
}

export function rankedCounts(units: readonly UnitRanking[], group: UnitRanking['group']): { overall: number; group: number } {
  return { overall: units.filter((u) => u.ranked).length, group: units.filter((u) => u.ranked && u.group === group).length };
}
