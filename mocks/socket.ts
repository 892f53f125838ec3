import { toSocketIo } from '@mswjs/socket.io-binding';
import { ws } from 'msw';
import type { WebSocketHandler } from 'msw';
import { liveSubscribe, MAX_REPLAY, SOCKET_EVENTS } from '../src/shared/contract/socket';
import type { LiveEvent } from '../src/shared/contract/event';
import type { MemoryStore } from './memory-store';

/** Events per emitted array, for replay and live batches (the server's PAGE). */
const PAGE = 1000;
/** The binding's handshake announces pingInterval 25 s / pingTimeout 5 s: without pings the client drops us. */
const PING_MS = 20_000;

export interface SocketMockOptions {
  /** collect events for this long before pushing them as one batch (the server uses 100 ms) */
  batchMs?: number;
}

/**
 * The socket.io side of the API over MSW's WebSocket interception: `live:subscribe {since}` is answered with the
 * replay of everything after `since`, then `live:subscribed`, then live `report:events` batches — the server's
 * protocol (docs/decisions/0003), including `live:resync` when the client is ahead or too far behind.
 *
 * `origin` is the page's origin (http:// or https://): the link matches the bare ws origin, whatever path and
 * query socket.io adds.
 */
export function createSocketHandler(store: MemoryStore, origin: string, opts: SocketMockOptions = {}): WebSocketHandler {
  const batchMs = opts.batchMs ?? 50;
  const link = ws.link(origin.replace(/^http/, 'ws'));

  return link.addEventListener('connection', (connection) => {
    const io = toSocketIo(connection);
    let unsubscribe: (() => void) | null = null;
    let closed = false;

    // one ordered outbox per connection; sending from a timer, never inside MSW's own callbacks, is what
    // makes the messages reach the client reliably
    const outbox: [string, unknown][] = [];
    let drainTimer: ReturnType<typeof setTimeout> | null = null;
    const send = (event: string, payload: unknown) => {
      outbox.push([event, payload]);
      drainTimer ??= setTimeout(drain, 0);
    };
    function drain() {
      drainTimer = null;
      if (closed) return;
      for (const [event, payload] of outbox.splice(0)) io.client.emit(event, payload);
    }

    let pending: LiveEvent[] = [];
    let batchTimer: ReturnType<typeof setTimeout> | null = null;
    const flushBatch = () => {
      batchTimer = null;
      for (let i = 0; i < pending.length; i += PAGE) send(SOCKET_EVENTS.events, pending.slice(i, i + PAGE));
      pending = [];
    };

    const ping = setInterval(() => {
      if (!closed) connection.client.send('2');
    }, PING_MS);

    connection.client.addEventListener('close', () => {
      closed = true;
      clearInterval(ping);
      if (batchTimer) clearTimeout(batchTimer);
      if (drainTimer) clearTimeout(drainTimer);
      unsubscribe?.();
    });

    io.client.on(SOCKET_EVENTS.subscribe, (_event, raw: unknown) => {
      const parsed = liveSubscribe.safeParse(raw);
      if (!parsed.success) {
        // like the server: a client that sends garbage is broken; closing makes it reconnect clean
        connection.client.close();
        return;
      }
      const { since } = parsed.data;
      // a resubscribe starts over: stop the live feed first so the replay is the only source until we rejoin
      unsubscribe?.();
      unsubscribe = null;
      pending = [];
      const head = store.latestSeq();
      if (since > head) {
        send(SOCKET_EVENTS.resync, { reason: 'ahead_of_server', seq: head });
        return;
      }
      if (head - since > MAX_REPLAY) {
        send(SOCKET_EVENTS.resync, { reason: 'too_far_behind', seq: head });
        return;
      }
      // replay and join happen in one synchronous step: nothing ingested can fall between them
      for (let after = since; after < head; ) {
        const page = store.eventsAfter(after, Math.min(PAGE, head - after));
        const last = page.at(-1);
        if (!last) break;
        send(SOCKET_EVENTS.events, page);
        after = last.seq;
      }
      send(SOCKET_EVENTS.subscribed, { since, seq: head });
      unsubscribe = store.onIngested((events) => {
        pending.push(...events);
        batchTimer ??= setTimeout(flushBatch, batchMs);
      });
    });
  });
}
