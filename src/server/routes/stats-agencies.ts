import type { FastifyInstance } from 'fastify';
import { agencyStatsQuery } from '../../shared/contract/backlog';
import type { Reads } from '../store/read-pool';
import { requireCapability } from '../auth/guard';

/** Per-unit backlog and overdue for a period: rollups for the period, the reports projection for "now". */
export function statsAgenciesRoutes(app: FastifyInstance, deps: { reads: Reads; clock: () => Date }) {
  app.get('/api/v1/stats/agencies', { onRequest: requireCapability('stats.read', { unit: 'force' }) }, (request) => deps.reads.agencyStats(agencyStatsQuery.parse(request.query), deps.clock()));
}
