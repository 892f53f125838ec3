import type { FastifyInstance } from 'fastify';
import { hotspotsQuery } from '../../shared/contract/hotspots';
import type { Store } from '../store/store';
import { requireCapability } from '../auth/guard';

export function hotspotRoutes(app: FastifyInstance, deps: { store: Store; clock: () => Date }) {
  app.get('/api/v1/stats/hotspots', { onRequest: requireCapability('stats.read') }, (request) => deps.store.hotspots(hotspotsQuery.parse(request.query), deps.clock()));
}
