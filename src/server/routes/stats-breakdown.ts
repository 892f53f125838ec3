import type { FastifyInstance } from 'fastify';
import { breakdownQuery } from '../../shared/contract/stats';
import type { Reads } from '../store/read-pool';
import { requireCapability } from '../auth/guard';

export function statsBreakdownRoutes(app: FastifyInstance, deps: { reads: Reads; clock: () => Date }) {
  app.get('/api/v1/stats/breakdown', { onRequest: requireCapability('stats.read') }, (request) => deps.reads.statsBreakdown(breakdownQuery.parse(request.query), deps.clock()));
}
