import type { FastifyInstance } from 'fastify';
import { dueSoonQuery, feedQuery } from '../../shared/contract/feed';
import type { Store } from '../store/store';

/** The live feed's backfill and the overdue timers' set (POST /api/v1/events, the ingest, is routes/ingest.ts). */
export function feedRoutes(app: FastifyInstance, deps: { store: Store; clock: () => Date }) {
  app.get('/api/v1/events', (request) => deps.store.recentEvents(feedQuery.parse(request.query)));
  app.get('/api/v1/reports/due-soon', (request) => deps.store.dueSoon(deps.clock(), dueSoonQuery.parse(request.query)));
}
