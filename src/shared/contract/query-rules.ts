import { z } from 'zod';
import { reportListQuery, summaryQuery } from './api';
import { agencyStatsQuery, notificationListQuery, overdueQueueQuery } from './backlog';
import { dueSoonQuery, feedQuery } from './feed';
import { hotspotsQuery } from './hotspots';
import { disputeListQuery, satisfactionQuery } from './satisfaction';
import { districtStatsQuery, mapPointsQuery } from './map';
import { breakdownQuery, kpisQuery, timeseriesQuery } from './stats';

/**
 * The query-string rule of the API (docs/decisions/0006): a parameter the endpoint does not define is refused
 * with 400 naming it, never silently ignored — a misspelt filter (`agencyid=`) would otherwise answer with
 * unfiltered figures that look right. Each API route names the zod schema its handler parses the query with;
 * `null` = the route takes no query parameters. The server (an onRoute hook) and the MSW mock both enforce it
 * from this one table, and a server test fails when a registered API route has no entry.
 *
 * Keys are `METHOD url` exactly as the route is registered in Fastify (`:param` syntax).
 */
export const QUERY_RULES: Readonly<Record<string, z.ZodType | null>> = {
  'GET /api/health': null,
  'GET /api/v1/meta': null,
  'GET /api/v1/config': null,
  'GET /api/v1/session': null,
  'POST /api/v1/session': null,
  'DELETE /api/v1/session': null,
  'POST /api/v1/session/display': null,
  'POST /api/v1/session/demo': null,
  'GET /api/v1/reports': reportListQuery,
  'GET /api/v1/reports/:id': null,
  'GET /api/v1/reports/due-soon': dueSoonQuery,
  'GET /api/v1/events': feedQuery,
  'POST /api/v1/events': null,
  'GET /api/v1/stats/summary': summaryQuery,
  'GET /api/v1/stats/kpis': kpisQuery,
  'GET /api/v1/stats/timeseries': timeseriesQuery,
  'GET /api/v1/stats/breakdown': breakdownQuery,
  'GET /api/v1/stats/hotspots': hotspotsQuery,
  'GET /api/v1/stats/districts': districtStatsQuery,
  'GET /api/v1/stats/agencies': agencyStatsQuery,
  'GET /api/v1/stats/satisfaction': satisfactionQuery,
  'GET /api/v1/stats/satisfaction/disputes': disputeListQuery,
  'GET /api/v1/map/points': mapPointsQuery,
  'GET /api/v1/rankings': null,
  'GET /api/v1/rankings/:quarter': null,
  'GET /api/v1/rankings/:quarter/units/:agencyId': null,
  'GET /api/v1/rankings/:quarter/export.csv': null,
  'GET /api/v1/rankings/:quarter/export.xlsx': null,
  'POST /api/v1/rankings/:quarter/finalise': null,
  'GET /api/v1/overdue-queue': overdueQueueQuery,
  'GET /api/v1/agency-contacts': null,
  'POST /api/v1/reports/:id/reminders': null,
  'GET /api/v1/notifications': notificationListQuery,
  'POST /api/v1/notifications/:id/retry': null,
};

/** The parameter names a query schema defines (through preprocess/pipe wrappers); null when it is not an object. */
export function queryKeysOf(schema: z.ZodType): ReadonlySet<string> | null {
  let s: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    if (s instanceof z.ZodObject) return new Set(Object.keys(s.shape));
    const def = (s as { _zod: { def: { type: string; in?: z.ZodType; out?: z.ZodType; innerType?: z.ZodType } } })._zod.def;
    // a pipe's object is its input, unless the input is a preprocess function (then the object is the output)
    if (def.type === 'pipe') s = (def.in && !(def.in instanceof z.ZodTransform) ? def.in : def.out) as z.ZodType;
    else if (def.innerType) s = def.innerType;
    else return null;
  }
  return null;
}

const keyCache = new Map<z.ZodType, ReadonlySet<string> | null>();

export type QueryIssue = { path: string; message: string };

/**
 * The query parameters of a request to `routeKey` that its rule does not define (one issue each), or null when
 * the route has no rule in the table (then nothing is checked here; the server's route test flags it).
 */
export function unknownQueryParams(routeKey: string, names: Iterable<string>): QueryIssue[] | null {
  if (!Object.hasOwn(QUERY_RULES, routeKey)) return null;
  const schema = QUERY_RULES[routeKey] ?? null;
  let allowed: ReadonlySet<string> | null = new Set();
  if (schema) {
    if (!keyCache.has(schema)) keyCache.set(schema, queryKeysOf(schema));
    allowed = keyCache.get(schema) ?? null;
    // not an object schema: the handler's own parse is the whole rule
    if (allowed === null) return [];
  }
  const issues: QueryIssue[] = [];
  for (const name of names) {
    if (!allowed.has(name)) {
      issues.push({
        path: name,
        message: schema ? `unknown query parameter (accepted: ${[...allowed].join(', ')})` : 'unknown query parameter (this endpoint takes none)',
      });
    }
  }
  return issues;
}
