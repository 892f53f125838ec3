import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AgencyStatsQuery } from '../../../../shared/contract/backlog';
import { agencyKinds, type AgencyKind } from '../../../../shared/contract/common';
import { isLocalDate, PERIOD_PRESETS, presetRange, rangeToQuery, type LocalRange, type PeriodPreset } from '../model/period';
import type { BarSort } from '../model/unit-rows';

export interface BacklogParams {
  preset: PeriodPreset;
  range: LocalRange;
  kind: AgencyKind | null;
  district: string | null;
  q: string;
  sort: BarSort;
}

/**
 * The page's state in the URL (`?period=month&kind=commune_pc&district=474&q=…`), so a view can be bookmarked or
 * put on a wall screen. Unknown or malformed values fall back to the defaults.
 */
export function useBacklogParams(now: Date): [BacklogParams, (patch: Partial<BacklogParams>) => void, AgencyStatsQuery] {
  const [sp, setSp] = useSearchParams();
  const rawPreset = sp.get('period');
  const preset: PeriodPreset = (PERIOD_PRESETS as readonly string[]).includes(rawPreset ?? '') ? (rawPreset as PeriodPreset) : 'month';
  const from = sp.get('from') ?? '';
  const to = sp.get('to') ?? '';
  const customOk = preset === 'custom' && isLocalDate(from) && isLocalDate(to) && from <= to;
  const day = now.toISOString().slice(0, 13);
  const range = useMemo(
    () => (customOk ? { fromDate: from, toDate: to } : presetRange(preset === 'custom' ? 'month' : preset, now)),
    // the range only changes with the hour (a new day), not with every clock tick
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [customOk, from, to, preset, day],
  );
  const rawKind = sp.get('kind');
  const kind = (agencyKinds as readonly string[]).includes(rawKind ?? '') ? (rawKind as AgencyKind) : null;
  const district = sp.get('district') || null;
  const q = sp.get('q') ?? '';
  const sort: BarSort = sp.get('sort') === 'open' ? 'open' : 'overdue';
  const params: BacklogParams = { preset: customOk ? 'custom' : preset === 'custom' ? 'month' : preset, range, kind, district, q, sort };

  const update = useCallback(
    (patch: Partial<BacklogParams>) => {
      setSp(
        (prev) => {
          const next = new URLSearchParams(prev);
          const put = (k: string, v: string | null) => (v === null || v === '' ? next.delete(k) : next.set(k, v));
          if (patch.preset !== undefined) {
            put('period', patch.preset === 'month' ? null : patch.preset);
            if (patch.preset !== 'custom') {
              next.delete('from');
              next.delete('to');
            }
          }
          if (patch.range !== undefined) {
            put('from', patch.range.fromDate);
            put('to', patch.range.toDate);
          }
          if (patch.kind !== undefined) put('kind', patch.kind);
          if (patch.district !== undefined) put('district', patch.district);
          if (patch.q !== undefined) put('q', patch.q);
          if (patch.sort !== undefined) put('sort', patch.sort === 'overdue' ? null : patch.sort);
          return next;
        },
        { replace: true },
      );
    },
    [setSp],
  );

  const query = useMemo<AgencyStatsQuery>(() => {
    const q: AgencyStatsQuery = { ...rangeToQuery(range) };
    if (kind) q.agencyKind = kind;
    if (district) q.districtCode = district;
    return q;
  }, [range, kind, district]);

  return [params, update, query];
}
