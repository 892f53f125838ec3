import type { CallerRole } from '../contract/session';

/**
 * What each caller kind may use, as capabilities (docs/decisions/0011). The server is the guard: every route and
 * socket event names the capability it needs and refuses the rest (401 when nobody is signed in, 403 otherwise);
 * the SPA reads the same table only to hide what the role cannot use.
 */
export type Capability =
  /** the live map, the live feed, report lists and details (never reporter identity unless `reporter.read`) */
  | 'reports.read'
  /** province-wide statistics: KPIs, time series, breakdowns, hotspots, per-unit backlog, satisfaction */
  | 'stats.read'
  /** the wall screen playlist */
  | 'wall.view'
  /** reporter name and phone, unit leaders' contacts */
  | 'reporter.read'
  /** record reminders, retry failed notifications */
  | 'reminders.write'
  /** the overdue queue and reminder history */
  | 'queue.read'
  /** quarterly rankings and their CSV/XLSX exports (public figures) */
  | 'rankings.read'
  /** freeze a quarter's ranking */
  | 'rankings.finalise'
  /** one unit's own page, reports and figures (a unit head: only `agencyId`'s) */
  | 'unit.read'
  /** the live stream over socket.io (scoped to one unit for unit heads) */
  | 'live.subscribe';

const READ_ONLY_LIVE: readonly Capability[] = ['reports.read', 'stats.read', 'wall.view', 'rankings.read', 'unit.read', 'live.subscribe'];

export const CAPABILITIES: Readonly<Record<CallerRole, readonly Capability[]>> = {
  operator: [...READ_ONLY_LIVE, 'queue.read', 'reporter.read', 'reminders.write', 'rankings.finalise'],
  leader: [...READ_ONLY_LIVE, 'queue.read'],
  home_affairs: [...READ_ONLY_LIVE, 'rankings.finalise'],
  // scoped: the server narrows every list, figure and stream to the unit head's own unit
  unit_head: ['reports.read', 'queue.read', 'rankings.read', 'unit.read', 'live.subscribe'],
  display: READ_ONLY_LIVE,
  public: READ_ONLY_LIVE,
  anonymous: [],
};

export function can(role: CallerRole, capability: Capability): boolean {
  return CAPABILITIES[role].includes(capability);
}

/** Roles whose lists, figures and live stream are narrowed to one unit. */
export const isUnitScoped = (role: CallerRole): boolean => role === 'unit_head';
