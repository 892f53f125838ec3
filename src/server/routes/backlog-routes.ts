import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { Log } from '../http/error-handler';
import { createDispatcher, type Dispatcher } from '../notify/dispatcher';
import { createLogNotifier, type Notifier } from '../notify/notifier';
import { createWebhookNotifier } from '../notify/webhook-notifier';
import type { Reads } from '../store/read-pool';
import type { Store } from '../store/store';
import { DEFAULT_ESCALATION_THRESHOLDS } from '../../shared/domain/escalation';
import { notificationRoutes } from './notifications';
import { reminderRoutes } from './reminders';
import { statsAgenciesRoutes } from './stats-agencies';

export type BacklogConfig = Partial<Pick<Config, 'escalationThresholds' | 'notifyWebhookUrl' | 'notifyWebhookToken' | 'notifyTimeoutMs'>>;

/** The notifier the configuration asks for: the webhook when NOTIFY_WEBHOOK_URL is set, else the log. */
export function notifierFor(config: BacklogConfig, log?: Log): Notifier {
  if (config.notifyWebhookUrl) {
    return createWebhookNotifier({ url: config.notifyWebhookUrl, token: config.notifyWebhookToken, timeoutMs: config.notifyTimeoutMs ?? 5000 });
  }
  return createLogNotifier(log);
}

/**
 * Issue 4's routes (per-unit stats, overdue queue, reminders, notifications) and the reminder
 * dispatcher, wired from the configuration. Notifications a previous run left pending are sent again.
 */
export function backlogRoutes(
  app: FastifyInstance,
  deps: { store: Store; reads: Reads; clock: () => Date; config: BacklogConfig; notifier?: Notifier; log?: Log; onIngested: () => void },
): Dispatcher {
  const dispatcher = createDispatcher({
    notifications: deps.store.backlog.notifications,
    notifier: deps.notifier ?? notifierFor(deps.config, deps.log),
    clock: deps.clock,
    log: deps.log,
  });
  const thresholds = deps.config.escalationThresholds ?? DEFAULT_ESCALATION_THRESHOLDS;
  statsAgenciesRoutes(app, deps);
  reminderRoutes(app, { ...deps, thresholds, dispatcher });
  notificationRoutes(app, { ...deps, dispatcher });
  app.addHook('onReady', () => {
    void dispatcher.resumePending();
  });
  return dispatcher;
}
