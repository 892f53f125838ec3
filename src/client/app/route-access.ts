import type { CallerRole, SessionResponse } from '../../shared/contract/session';
import { can } from '../../shared/domain/access';
import type { Capability } from '../../shared/domain/access';

/**
 * What each top-level view needs (capabilities from src/shared/domain/access.ts). The map, backlog, satisfaction
 * and statistics pages read province-wide figures (`stats.read`): a unit head has none of them and gets its own
 * unit page instead. One table for the navigation and the route gate, so they never disagree.
 */
const ROUTE_NEEDS: readonly (readonly [prefix: string, needs: readonly Capability[]])[] = [
  ['/map', ['reports.read', 'stats.read']],
  ['/backlog', ['stats.read']],
  ['/satisfaction', ['stats.read']],
  ['/rankings', ['rankings.read']],
  ['/stats', ['stats.read']],
  ['/units', ['unit.read']],
  ['/wall', ['wall.view']],
];

const matches = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Whether a role may open a path; paths the table does not name (not-found pages) are open to any caller who got in. */
export function canOpen(role: CallerRole, path: string): boolean {
  const rule = ROUTE_NEEDS.find(([prefix]) => matches(path, prefix));
  return rule ? rule[1].every((c) => can(role, c)) : true;
}

/** Where a caller starts: a unit head on their own unit, everyone else on the first view they may use. */
export function landingPath(session: Pick<SessionResponse, 'role' | 'agencyId'>): string {
  if (session.role === 'unit_head' && session.agencyId) return `/units/${encodeURIComponent(session.agencyId)}`;
  const first = ROUTE_NEEDS.find(([prefix]) => canOpen(session.role, prefix));
  return first ? first[0] : '/login';
}

/**
 * For a unit head, the path to show instead of the one asked for: the unit directory and other units' pages lead
 * to their own unit (the server would refuse the other units' lists anyway). null when the path is fine.
 */
export function unitHeadRedirect(session: Pick<SessionResponse, 'role' | 'agencyId'>, path: string): string | null {
  if (session.role !== 'unit_head' || !session.agencyId) return null;
  const own = `/units/${encodeURIComponent(session.agencyId)}`;
  if (path === '/' || path === '/units' || path === '/units/') return own;
  if (matches(path, '/units') && path !== own && !path.startsWith(`${own}/`)) return own;
  return null;
}

/** A `next=` target from the URL, only if it is a path inside this app (never another origin or the login page). */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/login/')) return null;
  return next;
}
