import type { FastifyInstance } from 'fastify';
import { hotspotsQuery } from '../../shared/contract/hotspots';
import type { Reads } from '../store/read-pool';
import { requireCapability } from '../auth/guard';

export function hotspotRoutes(app: FastifyInstance, deps: { reads: Reads; clock: () => Date }) {
  app.get('/api/v1/stats/hotspots', { onRequest: requireCapability('stats.read') }, (request) => deps.reads.hotspots(hotspotsQuery.parse(request.query), deps.clock()));
}
