import type { Interval } from '../../../../shared/contract/stats';
import { intervals } from '../../../../shared/contract/stats';
import { isLocalDate, presetRange, PRESETS, toInstants, type LocalRange, type PresetId } from './period';

export const RADII = [25, 50, 100, 200] as const;
export const MIN_COUNTS = [2, 3, 5, 10] as const;
export const WINDOWS = [30, 60, 90, 365] as const;
export const MAP_METRICS = ['received', 'overdueNow', 'onTimeRate'] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

/** Everything /stats shows is in the URL, so a view can be bookmarked, shared or put on a wall. */
export interface StatsParams {
  preset: PresetId;
  range: LocalRange;
  categoryId?: string;
  districtCode?: string;
  agencyId?: string;
  interval?: Interval;
  radius: number;
  minCount: number;
  windowDays: number;
  mapMetric: MapMetric;
}

const oneOf = <T extends string | number>(list: readonly T[], raw: string | null, fallback: T): T => {
  const hit = list.find((v) => String(v) === raw);
  return hit ?? fallback;
};

const id = (raw: string | null) => (raw && /^[\w.-]{1,100}$/.test(raw) ? raw : undefined);

export function readStatsParams(sp: URLSearchParams, now: Date): StatsParams {
  let preset = oneOf(PRESETS, sp.get('period'), 'this_month');
  let range: LocalRange;
  const fromDate = sp.get('from');
  const toDate = sp.get('to');
  if (preset === 'custom' && isLocalDate(fromDate) && isLocalDate(toDate) && fromDate <= toDate) range = { fromDate, toDate };
  else {
    if (preset === 'custom') preset = 'this_month';
    range = presetRange(preset as Exclude<PresetId, 'custom'>, now);
  }
  const interval = sp.get('interval');
  return {
    preset,
    range,
    categoryId: id(sp.get('categoryId')),
    districtCode: id(sp.get('districtCode')),
    agencyId: id(sp.get('agencyId')),
    interval: (intervals as readonly string[]).includes(interval ?? '') ? (interval as Interval) : undefined,
    radius: oneOf(RADII, sp.get('radius'), 50),
    minCount: oneOf(MIN_COUNTS, sp.get('minCount'), 3),
    windowDays: oneOf(WINDOWS, sp.get('windowDays'), 60),
    mapMetric: oneOf(MAP_METRICS, sp.get('metric'), 'received'),
  };
}

/** Applies a change to the URL parameters; defaults are left out so links stay short. */
export function writeStatsParams(prev: URLSearchParams, patch: Partial<StatsParams>): URLSearchParams {
  const next = new URLSearchParams(prev);
  const set = (key: string, value: string | number | undefined, fallback?: string | number) => {
    if (value === undefined || value === '' || value === fallback) next.delete(key);
    else next.set(key, String(value));
  };
  if (patch.preset !== undefined) {
    set('period', patch.preset, 'this_month');
    if (patch.preset !== 'custom') {
      next.delete('from');
      next.delete('to');
    } else if (patch.range) {
      next.set('from', patch.range.fromDate);
      next.set('to', patch.range.toDate);
    }
  }
  if ('categoryId' in patch) set('categoryId', patch.categoryId);
  if ('districtCode' in patch) set('districtCode', patch.districtCode);
  if ('agencyId' in patch) set('agencyId', patch.agencyId);
  if ('interval' in patch) set('interval', patch.interval);
  if (patch.radius !== undefined) set('radius', patch.radius, 50);
  if (patch.minCount !== undefined) set('minCount', patch.minCount, 3);
  if (patch.windowDays !== undefined) set('windowDays', patch.windowDays, 60);
  if (patch.mapMetric !== undefined) set('metric', patch.mapMetric, 'received');
  return next;
}

/** The API query of the period and dimensions. */
export function periodQuery(p: StatsParams) {
  const { from, to } = toInstants(p.range);
  const q: { from: string; to: string; categoryId?: string; districtCode?: string; agencyId?: string } = { from, to };
  if (p.categoryId) q.categoryId = p.categoryId;
  if (p.districtCode) q.districtCode = p.districtCode;
  if (p.agencyId) q.agencyId = p.agencyId;
  return q;
}
