import type { FastifyInstance } from 'fastify';
import { summaryQuery } from '../../shared/contract/api';
import type { Reads } from '../store/read-pool';
import { requireCapability } from '../auth/guard';

export function statsRoutes(app: FastifyInstance, deps: { reads: Reads; clock: () => Date }) {
  app.get('/api/v1/stats/summary', { onRequest: requireCapability('stats.read') }, (request) => {
    const period = summaryQuery.parse(request.query);
    return deps.reads.summary(deps.clock(), period);
  });
}
