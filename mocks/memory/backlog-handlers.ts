import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { z } from 'zod';
import { agencyStatsQuery, notificationListQuery, overdueQueueQuery } from '../../src/shared/contract/backlog';
import type { Capability } from '../../src/shared/domain/access';
import type { MemoryStore } from '../memory-store';

const queryOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);
const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const idempotencyHeader = z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

const forbidden = (needs: Capability) => HttpResponse.json({ error: 'forbidden', message: `your role may not use this (needs ${needs})` }, { status: 403 });

/**
 * MSW handlers of issue 4 (per-unit stats, overdue queue, contacts, reminders, notifications), as the server answers
 * them. The session endpoints and the role table live in session-handlers.ts; the checks here repeat the capability
 * each endpoint needs so a handler is never open by accident.
 */
export function backlogHandlers(
  store: MemoryStore,
  opts: { allows: (request: Request, capability: Capability) => boolean; toResponse: (err: unknown) => Response },
): HttpHandler[] {
  const { toResponse } = opts;
  const need = (request: Request, capability: Capability) => (opts.allows(request, capability) ? null : forbidden(capability));
  const guard = (request: Request) => need(request, 'reminders.write');
  return [

    http.get('*/api/v1/stats/agencies', ({ request }) => {
      try {
        return HttpResponse.json(store.backlog.agencyStats(agencyStatsQuery.parse(queryOf(request)), store.now()));
      } catch (err) {
        return toResponse(err);
      }
    }),

    http.get('*/api/v1/overdue-queue', ({ request }) => {
      const denied = need(request, 'queue.read');
      if (denied) return denied;
      try {
        return HttpResponse.json(store.backlog.overdueQueue(overdueQueueQuery.parse(queryOf(request)), store.now()));
      } catch (err) {
        return toResponse(err);
      }
    }),

    http.get('*/api/v1/agency-contacts', ({ request }) => need(request, 'reporter.read') ?? HttpResponse.json(store.backlog.contacts())),

    http.post('*/api/v1/reports/:id/reminders', async ({ request, params }) => {
      const denied = guard(request);
      if (denied) return denied;
      try {
        const { id } = idParams.parse(params);
        const body: unknown = await request.json().catch(() => ({}));
        const header = request.headers.get('idempotency-key');
        const key = header === null ? undefined : idempotencyHeader.parse(header);
        const res = await store.backlog.recordReminder(id, body as never, store.now(), key);
        return HttpResponse.json(res, { status: res.duplicate ? 200 : 201 });
      } catch (err) {
        return toResponse(err);
      }
    }),

    http.get('*/api/v1/notifications', ({ request }) => {
      const denied = need(request, 'queue.read');
      if (denied) return denied;
      try {
        return HttpResponse.json(store.backlog.notifications(notificationListQuery.parse(queryOf(request))));
      } catch (err) {
        return toResponse(err);
      }
    }),

    http.post('*/api/v1/notifications/:id/retry', async ({ request, params }) => {
      const denied = guard(request);
      if (denied) return denied;
      try {
        const { id } = idParams.parse(params);
        const res = await store.backlog.retry(id, store.now());
        if ('error' in res) return HttpResponse.json({ error: res.error, message: res.message }, { status: res.status });
        return HttpResponse.json(res);
      } catch (err) {
        return toResponse(err);
      }
    }),
  ];
}
