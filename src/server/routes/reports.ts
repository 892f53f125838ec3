import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { reportListQuery } from '../../shared/contract/api';
import { hasBearer } from '../http/auth';
import { HttpError } from '../http/http-error';
import type { Store } from '../store/store';

const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export function reportRoutes(app: FastifyInstance, deps: { store: Store; clock: () => Date; operatorToken: string }) {
  const { store, clock } = deps;
  app.get('/api/v1/reports', (request) => store.listReports(reportListQuery.parse(request.query), clock()));

  app.get('/api/v1/reports/:id', (request) => {
    const { id } = idParams.parse(request.params);
    // until roles exist, the operator token is what makes a viewer "authorised centre staff"
    const detail = store.getReport(id, { withReporter: hasBearer(request, deps.operatorToken) });
    if (!detail) throw new HttpError(404, 'not_found', `no report with id ${id}`);
    return detail;
  });
}
