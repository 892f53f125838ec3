import { openStatuses } from '../../../../shared/contract/common';
import type { ReportStatus } from '../../../../shared/contract/common';
import type { MapPoint } from '../../../../shared/contract/map';
import { defaultCalendar, workingDayMs, workingMsBetween } from '../../../../shared/domain/calendar';
import type { MapState } from '../../../../shared/domain/timeliness';

/** Map states in drawing/legend order; a state's code is its index (typed arrays carry codes). */
export const MAP_STATES: readonly MapState[] = ['new', 'handling', 'due_soon', 'overdue', 'resolved', 'rejected'];
export const STATE_COUNT = MAP_STATES.length;
export const STATE = { new: 0, handling: 1, due_soon: 2, overdue: 3, resolved: 4, rejected: 5 } as const satisfies Record<MapState, number>;
export const ALL_STATES_MASK = (1 << STATE_COUNT) - 1;

/** A fixed origin for working-time arithmetic: W(t) − W(origin) is cached per point so due-soon is one subtraction. */
const ORIGIN = new Date(Date.UTC(2000, 0, 1));

export const workingMsSinceOrigin = (ms: number): number => workingMsBetween(ORIGIN, new Date(ms), defaultCalendar);

const DAY_WORK_MS = workingDayMs(defaultCalendar);
const OPEN = new Set<ReportStatus>(openStatuses);

/** The input of stateCodeOf: a map point plus its due date in working ms since the origin (NaN when it has none). */
export interface ClassifiedPoint extends MapPoint {
  dueWork: number;
}

export function withDueWork(p: MapPoint): ClassifiedPoint {
  return { ...p, dueWork: p.dueAt === null ? NaN : workingMsSinceOrigin(p.dueAt) };
}

/**
 * mapStateOf (shared/domain/timeliness) on a compact point, fast: `nowWork` = workingMsSinceOrigin(now) once per
 * pass, so classifying 100k points costs a comparison each. The unit tests hold it equal to mapStateOf.
 */
export function stateCodeOf(p: ClassifiedPoint, now: number, nowWork: number): number {
  if (p.status === 'rejected') return STATE.rejected;
  if (p.status === 'resolved') return STATE.resolved;
  if (OPEN.has(p.status) && p.dueAt !== null) {
    if (now > p.dueAt) return STATE.overdue;
    if (p.dueWork - nowWork <= DAY_WORK_MS) return STATE.due_soon;
  }
  return p.status === 'received' && p.agencyId === null ? STATE.new : STATE.handling;
}

export function isOpenStatus(s: ReportStatus): boolean {
  return OPEN.has(s);
}

export function maskOf(states: readonly MapState[]): number {
  let m = 0;
  for (const s of states) m |= 1 << STATE[s];
  return m;
}

export function statesOf(mask: number): MapState[] {
  return MAP_STATES.filter((_, i) => (mask & (1 << i)) !== 0);
}

/**
 * The workflow statuses that can be in any of the states: what the server is asked for (so a map of resolved
 * reports does not download every open one). Undefined = all.
 */
export function statusesForStates(mask: number): ReportStatus[] | undefined {
  if ((mask & ALL_STATES_MASK) === ALL_STATES_MASK) return undefined;
  const out = new Set<ReportStatus>();
  const has = (s: MapState) => (mask & (1 << STATE[s])) !== 0;
  if (has('new')) out.add('received');
  if (has('handling') || has('due_soon') || has('overdue')) for (const s of openStatuses) out.add(s);
  if (has('resolved')) out.add('resolved');
  if (has('rejected')) out.add('rejected');
  return [...out];
}
