import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { z, ZodError } from 'zod';
import { reportListQuery, summaryQuery } from '../src/shared/contract/api';
import type { ApiError, ReportDetailResponse } from '../src/shared/contract/api';
import { eventInput, MAX_INGEST_BATCH } from '../src/shared/contract/event';
import type { EventInput, IngestResponse } from '../src/shared/contract/event';
import { dueSoonQuery, feedQuery } from '../src/shared/contract/feed';
import { districtStatsQuery, mapPointsQuery } from '../src/shared/contract/map';
import { DomainError, domainToApiError, zodToApiError } from './api-errors';
import { MockIngestError } from './memory-store';
import type { MemoryStore } from './memory-store';
import { backlogHandlers } from './memory/backlog-handlers';
import { queryRuleHandler } from './memory/security-query-rules';
import { accessGuardHandler, callerOf, sessionHandlers } from './memory/session-handlers';
import type { AccessOptions } from './memory/session-handlers';
import { can } from '../src/shared/domain/access';
import type { Capability } from '../src/shared/domain/access';
import { statsHandlers } from './memory/stats-handlers';
import { rankingHandlers } from './memory/rankings-handlers';
import { satisfactionHandlers } from './memory/satisfaction-handlers';

/** Tokens the mock accepts; the real server generates its own (INGEST_TOKEN / OPERATOR_TOKEN). */
export const MOCK_INGEST_TOKEN = 'mock-ingest-token';
export const MOCK_OPERATOR_TOKEN = 'mock-operator-token';

export interface HandlerOptions {
  ingestToken?: string;
  operatorToken?: string;
  /** PUBLIC_VIEW: visitors without credentials read what a wall screen reads (default on, as in the e2e servers) */
  publicView?: boolean;
  /** DEMO_LOGIN: the demo role picker's POST /api/v1/session/demo answers (default on) */
  demoLogin?: boolean;
}

const batch = z.array(eventInput).min(1).max(MAX_INGEST_BATCH);
const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

const fail = (status: number, body: ApiError) => HttpResponse.json(body, { status });

const hasBearer = (request: Request, token: string) => {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return m?.[1] === token;
};

const queryOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

/** The one place errors become responses, as in the server: bad input 400 with paths, domain rules their status. */
function toResponse(err: unknown, isBatch = false) {
  if (err instanceof ZodError) return fail(400, zodToApiError(err));
  if (err instanceof MockIngestError && err.cause instanceof DomainError) {
    return fail(err.cause.status, domainToApiError(err.cause, isBatch ? err.index : undefined));
  }
  if (err instanceof DomainError) return fail(err.status, domainToApiError(err));
  console.error('mock API failed', err);
  return fail(500, { error: 'internal', message: 'internal server error' });
}

/** MSW handlers for every REST endpoint of the API, answering from a memory store. */
export function createHandlers(store: MemoryStore, opts: HandlerOptions = {}): HttpHandler[] {
  const ingestToken = opts.ingestToken ?? MOCK_INGEST_TOKEN;
  const operatorToken = opts.operatorToken ?? MOCK_OPERATOR_TOKEN;
  const access: AccessOptions = { operatorToken, ingestToken, publicView: opts.publicView ?? true, demoLogin: opts.demoLogin ?? true };
  /** whether the request's caller (bearer token or the emulated session cookie) has a capability */
  const allows = (request: Request, capability: Capability) => can(callerOf(request, store.sessions, access).role, capability);

  return [
    // who may use what, first (docs/decisions/0011): 401 for nobody, 403 for a role without the capability
    accessGuardHandler(store, access),
    // unknown query parameters are a 400 naming them, as on the server (docs/decisions/0006)
    queryRuleHandler(),
    ...sessionHandlers(store, access),
    http.get('*/api/health', () => HttpResponse.json({ status: 'ok' as const, seq: store.latestSeq() })),

    http.get('*/api/v1/meta', () => HttpResponse.json(store.meta())),

    http.get('*/api/v1/reports', ({ request }) => {
      try {
        return HttpResponse.json(store.listReports(reportListQuery.parse(queryOf(request))));
      } catch (err) {
        return toResponse(err);
      }
    }),

    http.get('*/api/v1/events', ({ request }) => {
      try {
        return HttpResponse.json(store.recentEvents(feedQuery.parse(queryOf(request))));
      } catch (err) {
        return toResponse(err);
      }
    }),

    // before /reports/:id, which would take "due-soon" for an id
    http.get('*/api/v1/reports/due-soon', ({ request }) => {
      try {
        return HttpResponse.json(store.dueSoon(store.now(), dueSoonQuery.parse(queryOf(request))));
      } catch (err) {
        return toResponse(err);
      }
    }),

    http.get('*/api/v1/reports/:id', ({ request, params }) => {
      try {
        const { id } = idParams.parse(params);
        const detail: ReportDetailResponse | null = store.getReport(id, { withReporter: allows(request, 'reporter.read') });
        if (!detail) return fail(404, { error: 'not_found', message: `no report with id ${id}` });
        return HttpResponse.json(detail);
      } catch (err) {
        return toResponse(err);
      }
    }),

    http.get('*/api/v1/stats/summary', ({ request }) => {
      try {
        return HttpResponse.json(store.summary(store.now(), summaryQuery.parse(queryOf(request))));
      } catch (err) {
        return toResponse(err);
      }
    }),

    http.get('*/api/v1/map/points', ({ request }) => {
      try {
        return HttpResponse.json(store.mapPoints(mapPointsQuery.parse(queryOf(request)), store.now()));
      } catch (err) {
        return toResponse(err);
      }
    }),

    http.get('*/api/v1/stats/districts', ({ request }) => {
      try {
        return HttpResponse.json(store.districtStats(districtStatsQuery.parse(queryOf(request)), store.now()));
      } catch (err) {
        return toResponse(err);
      }
    }),

    // the mock serves no raster tiles: the map shows its own offline boundary layer
    http.get('*/api/v1/config', () => HttpResponse.json({ mapTiles: null })),

    http.post('*/api/v1/events', async ({ request }) => {
      if (!hasBearer(request, ingestToken)) {
        return fail(401, { error: 'unauthorized', message: 'missing or wrong ingest token (Authorization: Bearer <INGEST_TOKEN>)' });
      }
      let body: unknown;
      try {
        body = await request.json();
      } catch (err) {
        return fail(400, { error: 'invalid_json', message: err instanceof Error ? err.message : 'invalid JSON body' });
      }
      const isBatch = Array.isArray(body);
      try {
        const inputs: EventInput[] = isBatch ? batch.parse(body) : [eventInput.parse(body)];
        const results = store.ingest(inputs, store.now());
        const stored = results.some((r) => !r.duplicate);
        const res: IngestResponse = { results, seq: store.latestSeq() };
        return HttpResponse.json(res, { status: stored ? 201 : 200 });
      } catch (err) {
        return toResponse(err, isBatch);
      }
    }),

    ...statsHandlers(store, toResponse),
    ...rankingHandlers(store.rankings, store.now, { allows, toResponse }),
    ...satisfactionHandlers(store.satisfaction, store.now, toResponse),

    ...backlogHandlers(store, { allows, toResponse }),

    // anything else under /api is an unknown route, not a page for the SPA fallback
    http.all('*/api/*', ({ request }) =>
      fail(404, { error: 'not_found', message: `Route ${request.method}:${new URL(request.url).pathname} not found` }),
    ),
  ];
}
