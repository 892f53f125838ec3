import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/contract/socket';
import type { Store } from '../store/store';
import { reportOfUnit } from '../auth/guard';

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** Room of subscribed sockets that have been replayed up to `flushedSeq` and take the live batches. */
export const LIVE_ROOM = 'live';
/** Rooms of unit heads' sockets: only events whose report their unit leads or coordinates (decision 0011). */
const UNIT_ROOM_PREFIX = 'live:unit:';
export const unitRoom = (agencyId: string) => `${UNIT_ROOM_PREFIX}${agencyId}`;
/** Events per emitted array, for both replay and live batches. */
export const PAGE = 1000;

export interface Broadcaster {
  /** Something was ingested: a batch goes out within one window (many notifies → one emit). */
  notify(): void;
  /** Sends everything after flushedSeq to the room now. */
  flush(): void;
  /** seq of the last event sent to the room: a subscriber is replayed up to here, then joins */
  readonly flushedSeq: number;
  stop(): void;
}

/**
 * Pulls new events from the log rather than being handed them, so what the room receives is by construction
 * exactly the log after flushedSeq: nothing ingested can be skipped, and replay and live read the same rows.
 * Everything here is synchronous (better-sqlite3), so a flush never interleaves with a subscriber's replay.
 */
export function createBroadcaster(deps: { store: Store; io: LiveServer; batchMs: number; beforeFlush?: () => void }): Broadcaster {
  const { store, io, batchMs } = deps;
  let flushedSeq = store.latestSeq();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const flush = () => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    // sockets whose session ended (logout, expiry, revoked display token) leave before anything is sent
    deps.beforeFlush?.();
    const rooms = io.sockets.adapter.rooms;
    const full = (rooms.get(LIVE_ROOM)?.size ?? 0) > 0;
    const units = [...rooms].filter(([name, members]) => name.startsWith(UNIT_ROOM_PREFIX) && members.size > 0).map(([name]) => name.slice(UNIT_ROOM_PREFIX.length));
    // nobody listening: nothing to read or encode; a later subscriber is replayed from the log anyway
    if (!full && units.length === 0) {
      flushedSeq = store.latestSeq();
      return;
    }
    for (;;) {
      const events = store.eventsAfter(flushedSeq, PAGE);
      const last = events.at(-1);
      if (!last) return;
      if (full) io.to(LIVE_ROOM).emit('report:events', events);
      for (const unit of units) {
        const mine = events.filter((e) => reportOfUnit(e.report, unit));
        if (mine.length > 0) io.to(unitRoom(unit)).emit('report:events', mine);
      }
      flushedSeq = last.seq;
    }
  };

  return {
    notify() {
      if (stopped || timer) return;
      timer = setTimeout(flush, batchMs);
    },
    flush,
    get flushedSeq() {
      return flushedSeq;
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
