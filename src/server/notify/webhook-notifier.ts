import type { Notifier } from './notifier';

export interface WebhookOptions {
  url: string;
  /** sent as Authorization: Bearer <token> when set */
  token?: string | null;
  timeoutMs: number;
}

/**
 * POSTs each reminder as JSON to a webhook (a real SMS gateway is such an HTTP call). 2xx = accepted; anything
 * else, a timeout or a network error is a failure whose message is kept for the operator. The
 * Idempotency-Key header is the same on every retry of a notification, so the receiver can drop repeats.
 */
export function createWebhookNotifier(opts: WebhookOptions): Notifier {
  return {
    kind: 'webhook',
    async send(msg) {
      let res: Response;
      try {
        res = await fetch(opts.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': `paht-notification-${msg.notificationId}`,
            ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          },
          body: JSON.stringify(msg),
          signal: AbortSignal.timeout(opts.timeoutMs),
        });
      } catch (err) {
        const e = err as Error & { cause?: { code?: string } };
        if (e.name === 'TimeoutError') throw new Error(`webhook did not answer within ${opts.timeoutMs} ms`);
        throw new Error(`webhook unreachable: ${e.cause?.code ?? e.message}`);
      }
      if (res.ok) {
        await res.body?.cancel();
        return;
      }
      const text = (await res.text().catch(() => '')).trim().slice(0, 200);
      throw new Error(`webhook answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${text ? `: ${text}` : ''}`);
    },
  };
}
