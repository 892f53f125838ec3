import type { FastifyInstance } from 'fastify';
import { breakdownQuery } from '../../shared/contract/stats';
import type { Store } from '../store/store';
import { requireCapability } from '../auth/guard';

export function statsBreakdownRoutes(app: FastifyInstance, deps: { store: Store; clock: () => Date }) {
  app.get('/api/v1/stats/breakdown', { onRequest: requireCapability('stats.read') }, (request) => deps.store.statsBreakdown(breakdownQuery.parse(request.query), deps.clock()));
}
