import { DEFAULT_MAP_PERIOD, mapPeriod, mapPointsQuery } from '../../../../shared/contract/map';
import type { MapPeriod, MapPointsQuery } from '../../../../shared/contract/map';
import type { MapState } from '../../../../shared/domain/timeliness';
import { ALL_STATES_MASK, MAP_STATES, maskOf, statesOf, statusesForStates } from './map-state';

/** What the map shows, as kept in the URL (`/map?state=overdue,due_soon&districtCode=474&q=rac`). */
export interface MapFilters {
  /** bit mask over MAP_STATES */
  states: number;
  categoryId: string | null;
  agencyId: string | null;
  districtCode: string | null;
  period: MapPeriod;
  q: string | null;
}

export type Choropleth = 'off' | 'open' | 'overdue';

export const DEFAULT_FILTERS: MapFilters = {
  states: ALL_STATES_MASK,
  categoryId: null,
  agencyId: null,
  districtCode: null,
  period: DEFAULT_MAP_PERIOD,
  q: null,
};

/** The URL parameters the map owns (others, like `report`, are left alone). */
export const FILTER_PARAMS = ['state', 'categoryId', 'agencyId', 'districtCode', 'period', 'q', 'choropleth'] as const;

const text = (v: string | null, max: number) => {
  const t = v?.trim() ?? '';
  return t === '' ? null : t.slice(0, max);
};

/** Lenient: a hand-edited or old bookmark with an unknown value falls back to the default for that field. */
export function parseMapFilters(params: URLSearchParams): MapFilters {
  const stateParam = params.get('state');
  let states = ALL_STATES_MASK;
  if (stateParam !== null) {
    const names = stateParam.split(',').filter((s): s is MapState => (MAP_STATES as readonly string[]).includes(s));
    if (names.length > 0) states = maskOf(names);
  }
  const period = mapPeriod.safeParse(params.get('period'));
  return {
    states,
    categoryId: text(params.get('categoryId'), 100),
    agencyId: text(params.get('agencyId'), 100),
    districtCode: text(params.get('districtCode'), 20),
    period: period.success ? period.data : DEFAULT_MAP_PERIOD,
    q: text(params.get('q'), 200),
  };
}

export function parseChoropleth(params: URLSearchParams): Choropleth {
  const v = params.get('choropleth');
  return v === 'open' || v === 'overdue' ? v : 'off';
}

/** Writes the filters into a copy of `params`, leaving defaults out so URLs stay short. */
export function writeMapFilters(params: URLSearchParams, f: MapFilters, choropleth?: Choropleth): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (k: string, v: string | null) => (v === null ? next.delete(k) : next.set(k, v));
  set('state', f.states === ALL_STATES_MASK ? null : statesOf(f.states).join(','));
  set('categoryId', f.categoryId);
  set('agencyId', f.agencyId);
  set('districtCode', f.districtCode);
  set('period', f.period === DEFAULT_MAP_PERIOD ? null : f.period);
  set('q', f.q);
  if (choropleth !== undefined) set('choropleth', choropleth === 'off' ? null : choropleth);
  return next;
}

/** The query of GET /api/v1/map/points for these filters (states become workflow statuses; the rest as is). */
export function pointsQueryParams(f: MapFilters): Record<string, string> {
  const q: Record<string, string> = { period: f.period };
  const statuses = statusesForStates(f.states);
  if (statuses) q.status = statuses.length > 0 ? statuses.join(',') : 'rejected';
  if (f.categoryId) q.categoryId = f.categoryId;
  if (f.agencyId) q.agencyId = f.agencyId;
  if (f.districtCode) q.districtCode = f.districtCode;
  if (f.q) q.q = f.q;
  return q;
}

/** The same query parsed by the contract: live events are matched against exactly what the server filtered by. */
export function pointsQuery(f: MapFilters): MapPointsQuery {
  return mapPointsQuery.parse(pointsQueryParams(f));
}

/** The district aggregate's filter (open reports only are counted there; states do not apply). */
export function districtQueryParams(f: MapFilters): Record<string, string> {
  const { period: _p, status: _s, ...rest } = pointsQueryParams(f);
  return rest;
}

/** A stable key for "the same data set" (a new key re-downloads the points). */
export function filtersKey(f: MapFilters): string {
  return new URLSearchParams(pointsQueryParams(f)).toString();
}
