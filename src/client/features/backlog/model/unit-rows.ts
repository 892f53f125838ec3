import type { AgencyStatsResponse, AgencyStatsRow } from '../../../../shared/contract/backlog';
import type { AgencyKind } from '../../../../shared/contract/common';
import type { MetaResponse } from '../../../../shared/contract/meta';
import { foldText } from '../../../../shared/domain/text';

/** A table row: a unit's figures with the names it is shown and searched by. */
export interface UnitRow extends AgencyStatsRow {
  name: string;
  shortName: string;
  /** null: the centre (reports not assigned to a unit yet) */
  kind: AgencyKind | null;
  /** the unit's home district (null: province-wide) */
  homeDistrict: string | null;
  search: string;
}

export function unitRows(stats: AgencyStatsResponse, meta: MetaResponse | null, centreName: string): UnitRow[] {
  const agencies = new Map(meta?.agencies.map((a) => [a.id, a]));
  return stats.agencies.map((r) => {
    const a = r.agencyId === null ? undefined : agencies.get(r.agencyId);
    const name = r.agencyId === null ? centreName : (a?.name ?? r.agencyId);
    const shortName = r.agencyId === null ? centreName : (a?.shortName ?? r.agencyId);
    return { ...r, name, shortName, kind: a?.kind ?? null, homeDistrict: a?.districtCode ?? null, search: foldText(`${name} ${shortName} ${r.agencyId ?? ''}`) };
  });
}

/** Text search over unit names, diacritics optional: every word must occur. */
export function matchesUnitSearch(row: UnitRow, q: string): boolean {
  const terms = foldText(q).split(' ').filter(Boolean);
  return terms.every((t) => row.search.includes(t));
}

export type BarSort = 'overdue' | 'open';

export interface UnitBar {
  key: string;
  label: string;
  /** one unit (null = the centre) or several ("others") */
  agencyId: string | null;
  agencyIds: string[] | null;
  overdue: number;
  /** open and not overdue */
  onTrack: number;
  open: number;
}

/** The top `n` units by overdue (or open) reports, and the rest summed as one "others" bar. */
export function topUnitBars(rows: readonly UnitRow[], n: number, sort: BarSort, othersLabel: (count: number) => string): UnitBar[] {
  const active = rows.filter((r) => r.open > 0);
  const sorted = [...active].sort((a, b) => (sort === 'overdue' ? b.overdue - a.overdue || b.open - a.open : b.open - a.open || b.overdue - a.overdue) || a.name.localeCompare(b.name, 'vi'));
  const top = sorted.slice(0, n).map(
    (r): UnitBar => ({ key: r.agencyId ?? 'centre', label: r.shortName, agencyId: r.agencyId, agencyIds: null, overdue: r.overdue, onTrack: r.open - r.overdue, open: r.open }),
  );
  const rest = sorted.slice(n).filter((r) => r.agencyId !== null);
  if (rest.length > 0) {
    const overdue = rest.reduce((s, r) => s + r.overdue, 0);
    const open = rest.reduce((s, r) => s + r.open, 0);
    top.push({ key: 'others', label: othersLabel(rest.length), agencyId: null, agencyIds: rest.map((r) => r.agencyId as string), overdue, onTrack: open - overdue, open });
  }
  return top;
}
