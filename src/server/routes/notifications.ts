import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notificationListQuery } from '../../shared/contract/backlog';
import { HttpError } from '../http/http-error';
import type { Dispatcher } from '../notify/dispatcher';
import type { Store } from '../store/store';
import { requireCapability } from '../auth/guard';

const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** The reminder outbox: list, and retry a failed send. Operators only. */
export function notificationRoutes(app: FastifyInstance, deps: { store: Store; dispatcher: Dispatcher }) {
  // the outbox holds unit leaders' contacts: those who send reminders only
  const onRequest = requireCapability('reminders.write');
  const notifications = () => deps.store.backlog.notifications;

  app.get('/api/v1/notifications', { onRequest }, (request) => ({ items: notifications().list(notificationListQuery.parse(request.query)) }));

  app.post('/api/v1/notifications/:id/retry', { onRequest }, async (request) => {
    const { id } = idParams.parse(request.params);
    const current = notifications().get(id);
    if (!current) throw new HttpError(404, 'not_found', `no notification with id ${id}`);
    if (current.status === 'sent') throw new HttpError(409, 'already_sent', `notification ${id} was sent at ${current.sentAt}`);
    // a retry while the first attempt is still running joins it instead of sending twice
    return deps.dispatcher.send(id);
  });
}
