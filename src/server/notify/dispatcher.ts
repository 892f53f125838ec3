import type { Notification } from '../../shared/contract/backlog';
import type { NotificationStore } from '../store/sqlite/notification-store';
import type { Notifier } from './notifier';

export interface Dispatcher {
  readonly kind: string;
  /** sends a notification now and records the outcome; resolves with the notification as it then stands */
  send(id: number): Promise<Notification>;
  /** true while a send of this notification is in flight (a retry then would send it twice) */
  sending(id: number): boolean;
  /** sends what a previous run left pending (it stopped between storing a reminder and hearing back) */
  resumePending(): Promise<void>;
}

/**
 * Sends stored notifications through the notifier and records every attempt: a failure keeps its error and stays
 * 'failed' until an operator retries it (POST /api/v1/notifications/:id/retry) — never silently dropped.
 */
export function createDispatcher(deps: {
  notifications: NotificationStore;
  notifier: Notifier;
  clock: () => Date;
  log?: Pick<Console, 'warn'>;
}): Dispatcher {
  const inflight = new Map<number, Promise<Notification>>();

  async function attempt(id: number): Promise<Notification> {
    const msg = deps.notifications.message(id);
    if (!msg) throw new Error(`no notification ${id}`);
    deps.notifications.markAttempt(id, deps.clock());
    try {
      await deps.notifier.send({ ...msg, notificationId: id });
      return deps.notifications.markSent(id, deps.clock());
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      deps.log?.warn(`notify[${deps.notifier.kind}]: notification ${id} (report ${msg.externalId}) failed: ${message}`);
      return deps.notifications.markFailed(id, deps.clock(), message);
    }
  }

  const send = (id: number) => {
    const running = inflight.get(id);
    if (running) return running;
    const p = attempt(id).finally(() => inflight.delete(id));
    inflight.set(id, p);
    return p;
  };

  return {
    kind: deps.notifier.kind,
    send,
    sending: (id) => inflight.has(id),
    async resumePending() {
      for (const id of deps.notifications.pending()) await send(id);
    },
  };
}
