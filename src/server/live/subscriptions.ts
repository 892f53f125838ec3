import { liveSubscribe, MAX_REPLAY } from '../../shared/contract/socket';
import { isUnitScoped } from '../../shared/domain/access';
import { reportOfUnit } from '../auth/guard';
import type { Store } from '../store/store';
import { LIVE_ROOM, PAGE, unitRoom, type Broadcaster, type LiveServer } from './broadcaster';
import { socketPrincipal } from './live-auth';

/**
 * A unit-scoped replay reads the whole log after `since` but sends only the unit's events, so it may go further
 * back than a full one: a quiet unit's last seq lags the province's head.
 */
export const MAX_SCOPED_SCAN = 10 * MAX_REPLAY;

/**
 * live:subscribe {since}: replay since < seq ≤ flushedSeq from the log, confirm, then join the room that
 * receives everything after flushedSeq. Done in one synchronous step, so no batch can slip between the
 * replay and the join (which would be a gap) or land in both (a duplicate). A unit head's socket replays and
 * joins only their unit's events (decision 0011); its `live:subscribed` says so (`scope`).
 */
export function attachLiveSubscriptions(io: LiveServer, store: Store, broadcaster: Broadcaster) {
  io.on('connection', (socket) => {
    const principal = socketPrincipal(socket);
    const unit = isUnitScoped(principal.role) ? principal.agencyId : null;
    const room = unit === null ? LIVE_ROOM : unitRoom(unit);
    socket.on('live:subscribe', (raw: unknown) => {
      const parsed = liveSubscribe.safeParse(raw);
      if (!parsed.success) {
        // the contract has no error event; a client that sends garbage is broken, and a reconnect resets it
        socket.disconnect(true);
        return;
      }
      const { since } = parsed.data;
      // a resubscribe starts over: out of the room first so the replay is the only source until we rejoin
      void socket.leave(room);
      // a client coming from another node may have seen events this node's read model has not pulled yet:
      // pull them rather than call the client ahead of the server
      if (since > store.latestSeq()) store.pull?.();
      // send the room its pending batch now: then flushedSeq is the head of the log, and a snapshot
      // (whose seq is read straight from the log, possibly ahead of the last batch) is always covered
      broadcaster.flush();
      // the flush may have found this socket's session ended and disconnected it
      if (socket.disconnected) return;
      const head = broadcaster.flushedSeq;
      if (since > head) {
        socket.emit('live:resync', { reason: 'ahead_of_server', seq: head });
        return;
      }
      if (head - since > (unit === null ? MAX_REPLAY : MAX_SCOPED_SCAN)) {
        socket.emit('live:resync', { reason: 'too_far_behind', seq: head });
        return;
      }
      let after = since;
      while (after < head) {
        const page = store.eventsAfter(after, Math.min(PAGE, head - after));
        const last = page.at(-1);
        if (!last) break;
        const mine = unit === null ? page : page.filter((e) => reportOfUnit(e.report, unit));
        if (mine.length > 0) socket.emit('report:events', mine);
        after = last.seq;
      }
      socket.emit('live:subscribed', unit === null ? { since, seq: head } : { since, seq: head, scope: { agencyId: unit } });
      void socket.join(room);
    });
  });
}
