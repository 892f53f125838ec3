import type { FastifyInstance } from 'fastify';
import { breakdownQuery } from '../../shared/contract/stats';
import type { Store } from '../store/store';

export function statsBreakdownRoutes(app: FastifyInstance, deps: { store: Store; clock: () => Date }) {
  app.get('/api/v1/stats/breakdown', (request) => deps.store.statsBreakdown(breakdownQuery.parse(request.query), deps.clock()));
}
