import { liveSubscribe, MAX_REPLAY } from '../../shared/contract/socket';
import type { Store } from '../store/store';
import { LIVE_ROOM, PAGE, type Broadcaster, type LiveServer } from './broadcaster';

/**
 * live:subscribe {since}: replay since < seq ≤ flushedSeq from the log, confirm, then join the room that
 * receives everything after flushedSeq. Done in one synchronous step, so no batch can slip between the
 * replay and the join (which would be a gap) or land in both (a duplicate).
 */
export function attachLiveSubscriptions(io: LiveServer, store: Store, broadcaster: Broadcaster) {
  io.on('connection', (socket) => {
    socket.on('live:subscribe', (raw: unknown) => {
      const parsed = liveSubscribe.safeParse(raw);
      if (!parsed.success) {
        // the contract has no error event; a client that sends garbage is broken, and a reconnect resets it
        socket.disconnect(true);
        return;
      }
      const { since } = parsed.data;
      // a resubscribe starts over: out of the room first so the replay is the only source until we rejoin
      void socket.leave(LIVE_ROOM);
      // send the room its pending batch now: then flushedSeq is the head of the log, and a snapshot
      // (whose seq is read straight from the log, possibly ahead of the last batch) is always covered
      broadcaster.flush();
      const head = broadcaster.flushedSeq;
      if (since > head) {
        socket.emit('live:resync', { reason: 'ahead_of_server', seq: head });
        return;
      }
      if (head - since > MAX_REPLAY) {
        socket.emit('live:resync', { reason: 'too_far_behind', seq: head });
        return;
      }
      let after = since;
      while (after < head) {
        const page = store.eventsAfter(after, Math.min(PAGE, head - after));
        const last = page.at(-1);
        if (!last) break;
        socket.emit('report:events', page);
        after = last.seq;
      }
      socket.emit('live:subscribed', { since, seq: head });
      void socket.join(LIVE_ROOM);
    });
  });
}
