import type { FastifyInstance } from 'fastify';
import { summaryQuery } from '../../shared/contract/api';
import type { Store } from '../store/store';
import { requireCapability } from '../auth/guard';

export function statsRoutes(app: FastifyInstance, deps: { store: Store; clock: () => Date }) {
  app.get('/api/v1/stats/summary', { onRequest: requireCapability('stats.read') }, (request) => {
    const period = summaryQuery.parse(request.query);
    return deps.store.summary(deps.clock(), period);
  });
}
