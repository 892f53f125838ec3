import type { ReminderMessage } from '../store/sqlite/notification-store';

/** A reminder as handed to a notifier: the stored message plus its notification id (the receiver's dedupe key). */
export interface OutgoingReminder extends ReminderMessage {
  notificationId: number;
}

/**
 * Sends reminders on their way (an SMS gateway, a mail relay, a chat bot…). `send` resolves when the receiver
 * accepted the message and rejects with a readable error otherwise; the dispatcher records either outcome.
 */
export interface Notifier {
  readonly kind: string;
  send(msg: OutgoingReminder): Promise<void>;
}

/** The default: writes the reminder to the server log and reports it sent (nothing leaves the machine). */
export function createLogNotifier(log?: Pick<Console, 'info'>): Notifier {
  return {
    kind: 'log',
    send(msg) {
      const to = msg.recipient ? `${msg.recipient.name} (${msg.recipient.phone})` : 'no contact on file';
      log?.info(`notify[log]: ${msg.channel} to ${msg.target} ${to}: report ${msg.externalId} "${msg.title}"${msg.note ? ` — ${msg.note}` : ''}`);
      return Promise.resolve();
    },
  };
}
