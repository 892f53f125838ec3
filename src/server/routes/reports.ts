import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { reportListQuery } from '../../shared/contract/api';
import { mayReadReporter, reportOfUnit, requireCapability, unitScopeOf } from '../auth/guard';
import { HttpError } from '../http/http-error';
import type { Reads } from '../store/read-pool';
import type { Store } from '../store/store';

const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export function reportRoutes(app: FastifyInstance, deps: { store: Store; reads: Reads; clock: () => Date }) {
  const { store, clock } = deps;
  app.get('/api/v1/reports', { onRequest: requireCapability('reports.read', { unit: 'force' }) }, (request) => deps.reads.listReports(reportListQuery.parse(request.query), clock()));

  app.get('/api/v1/reports/:id', { onRequest: requireCapability('reports.read', { unit: 'filter' }) }, (request) => {
    const { id } = idParams.parse(request.params);
    // reporter name and phone only for 'reporter.read' (centre operators)
    const detail = store.getReport(id, { withReporter: mayReadReporter(request) });
    const unit = unitScopeOf(request);
    // another unit's report does not exist for a unit head (404, not 403: its id says nothing)
    if (!detail || (unit !== null && !reportOfUnit(detail, unit))) throw new HttpError(404, 'not_found', `no report with id ${id}`);
    return detail;
  });
}
