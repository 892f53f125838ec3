import type { FastifyInstance } from 'fastify';
import { disputeListQuery, satisfactionQuery } from '../../shared/contract/satisfaction';
import { disputeList, satisfactionFor } from '../../shared/domain/scoring/satisfaction';
import type { Store } from '../store/store';
import { requireCapability } from '../auth/guard';

/** Satisfaction statistics and the disputed-reports drill-down (docs/decisions/0005). */
export function satisfactionRoutes(app: FastifyInstance, deps: { store: Store; clock: () => Date }) {
  app.get('/api/v1/stats/satisfaction', { onRequest: requireCapability('stats.read', { unit: 'force' }) }, (request) => satisfactionFor(deps.store.satisfaction, satisfactionQuery.parse(request.query), deps.clock()));
  app.get('/api/v1/stats/satisfaction/disputes', { onRequest: requireCapability('stats.read', { unit: 'force' }) }, (request) => disputeList(deps.store.satisfaction, disputeListQuery.parse(request.query), deps.clock()));
}
