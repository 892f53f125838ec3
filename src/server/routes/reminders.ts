import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { overdueQueueQuery, reminderRequest } from '../../shared/contract/backlog';
import type { EscalationThresholds } from '../../shared/domain/escalation';
import type { Dispatcher } from '../notify/dispatcher';
import type { Reads } from '../store/read-pool';
import type { Store } from '../store/store';
import { requireCapability } from '../auth/guard';

const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const idempotencyHeader = z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

/** Overdue queue (queue.read), unit contacts (reporter.read) and reminders (reminders.write): decision 0011. */
export function reminderRoutes(
  app: FastifyInstance,
  deps: { store: Store; reads: Reads; clock: () => Date; thresholds: EscalationThresholds; dispatcher: Dispatcher; onIngested: () => void },
) {
  const { store, clock } = deps;
  const onRequest = requireCapability('reminders.write');

  // leaders and unit heads read the queue too (a unit head only their unit's rows)
  app.get('/api/v1/overdue-queue', { onRequest: requireCapability('queue.read', { unit: 'force' }) }, (request) => deps.reads.overdueQueue(overdueQueueQuery.parse(request.query), clock(), deps.thresholds));

  app.get('/api/v1/agency-contacts', { onRequest: requireCapability('reporter.read') }, () => store.backlog.contacts());

  app.post('/api/v1/reports/:id/reminders', { onRequest }, async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const body = reminderRequest.parse(request.body ?? {});
    const header = request.headers['idempotency-key'];
    const key = body.idempotencyKey ?? (typeof header === 'string' ? idempotencyHeader.parse(header) : undefined);
    const recorded = store.backlog.recordReminder(id, { channel: body.channel, target: body.target, note: body.note, actor: body.actor, idempotencyKey: key }, clock());
    if (recorded.duplicate) return reply.status(200).send(recorded);
    // the event is stored: the live stream carries it to every screen while the notifier works
    deps.onIngested();
    // the first attempt is awaited (bounded by the notifier's timeout) so the operator sees at once whether it went out
    const notification = await deps.dispatcher.send(recorded.notification.id);
    return reply.status(201).send({ ...recorded, notification });
  });
}
