import type { FastifyInstance } from 'fastify';
import { dueSoonQuery, feedQuery } from '../../shared/contract/feed';
import type { Reads } from '../store/read-pool';
import { reportOfUnit, requireCapability, unitScopeOf } from '../auth/guard';

/** The live feed's backfill and the overdue timers' set (POST /api/v1/events, the ingest, is routes/ingest.ts). */
export function feedRoutes(app: FastifyInstance, deps: { reads: Reads; clock: () => Date }) {
  // a unit head's feed and timers hold only their unit's reports (fewer items per page; paging by seq still works)
  app.get('/api/v1/events', { onRequest: requireCapability('reports.read', { unit: 'filter' }) }, async (request) => {
    const page = await deps.reads.recentEvents(feedQuery.parse(request.query));
    const unit = unitScopeOf(request);
    return unit === null ? page : { ...page, items: page.items.filter((e) => reportOfUnit(e.report, unit)) };
  });
  app.get('/api/v1/reports/due-soon', { onRequest: requireCapability('reports.read', { unit: 'filter' }) }, async (request) => {
    const set = await deps.reads.dueSoon(deps.clock(), dueSoonQuery.parse(request.query));
    const unit = unitScopeOf(request);
    return unit === null ? set : { ...set, items: set.items.filter((r) => reportOfUnit(r, unit)) };
  });
}
