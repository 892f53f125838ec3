import type { FastifyInstance } from 'fastify';
import { kpisQuery, timeseriesQuery } from '../../shared/contract/stats';
import type { Store } from '../store/store';
import { requireCapability } from '../auth/guard';

/** Leadership statistics over a period: KPIs against the previous period, and the downsampled time series. */
export function statsTimeseriesRoutes(app: FastifyInstance, deps: { store: Store; clock: () => Date }) {
  app.get('/api/v1/stats/kpis', { onRequest: requireCapability('stats.read', { unit: 'force' }) }, (request) => deps.store.statsKpis(kpisQuery.parse(request.query), deps.clock()));
  app.get('/api/v1/stats/timeseries', { onRequest: requireCapability('stats.read', { unit: 'force' }) }, (request) => deps.store.statsTimeseries(timeseriesQuery.parse(request.query), deps.clock()));
}
