import type { FastifyInstance } from 'fastify';
import { kpisQuery, timeseriesQuery } from '../../shared/contract/stats';
import type { Reads } from '../store/read-pool';
import { requireCapability } from '../auth/guard';

/** Leadership statistics over a period: KPIs against the previous period, and the downsampled time series. */
export function statsTimeseriesRoutes(app: FastifyInstance, deps: { reads: Reads; clock: () => Date }) {
  app.get('/api/v1/stats/kpis', { onRequest: requireCapability('stats.read', { unit: 'force' }) }, (request) => deps.reads.statsKpis(kpisQuery.parse(request.query), deps.clock()));
  app.get('/api/v1/stats/timeseries', { onRequest: requireCapability('stats.read', { unit: 'force' }) }, (request) => deps.reads.statsTimeseries(timeseriesQuery.parse(request.query), deps.clock()));
}
