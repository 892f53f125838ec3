import type { FastifyInstance } from 'fastify';
import { agencyStatsQuery } from '../../shared/contract/backlog';
import type { Store } from '../store/store';
import { requireCapability } from '../auth/guard';

/** Per-unit backlog and overdue for a period: rollups for the period, the reports projection for "now". */
export function statsAgenciesRoutes(app: FastifyInstance, deps: { store: Store; clock: () => Date }) {
  app.get('/api/v1/stats/agencies', { onRequest: requireCapability('stats.read', { unit: 'force' }) }, (request) => deps.store.backlog.agencyStats(agencyStatsQuery.parse(request.query), deps.clock()));
}
