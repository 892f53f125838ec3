import { describe, expect, it } from 'vitest';
import type { AgencyStatsRow } from '../../../../shared/contract/backlog';
import { matchesUnitSearch, topUnitBars, type UnitRow } from './unit-rows';

const row = (id: string | null, name: string, open: number, overdue: number): UnitRow =>
  ({ agencyId: id, name, shortName: name, kind: null, homeDistrict: null, search: name.toLowerCase(), open, overdue }) as unknown as UnitRow & AgencyStatsRow;

describe('top units chart data', () => {
  const rows = [row('a', 'A', 10, 1), row('b', 'B', 4, 4), row('c', 'C', 7, 0), row('d', 'D', 0, 0), row('e', 'E', 2, 2), row(null, 'Centre', 3, 3)];
  it('sorts by overdue (then open) and sums the rest as "others", which lists the ids behind it', () => {
    const bars = topUnitBars(rows, 2, 'overdue', (n) => `others ${n}`);
    expect(bars.map((b) => b.key)).toEqual(['b', 'centre', 'others']);
    const others = bars[2];
    expect(others).toMatchObject({ agencyIds: ['e', 'a', 'c'], overdue: 3, open: 19, onTrack: 16, label: 'others 3' });
    // units with nothing open are not bars
    expect(topUnitBars(rows, 10, 'open', String).map((b) => b.key)).toEqual(['a', 'c', 'b', 'centre', 'e']);
  });
});

describe('unit search', () => {
  it('matches every word, with or without diacritics', () => {
    const r = { ...row('x', 'UBND Phường Phú Hội', 0, 0), search: 'ubnd phuong phu hoi' };
    expect(matchesUnitSearch(r, 'phú hội')).toBe(true);
    expect(matchesUnitSearch(r, 'PHU HOI')).toBe(true);
    expect(matchesUnitSearch(r, 'phu thuan')).toBe(false);
  });
});
