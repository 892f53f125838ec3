import { z } from 'zod';
import type { LiveEvent } from './event';

export const liveSubscribe = z.object({ since: z.number().int().nonnegative() });
export type LiveSubscribe = z.infer<typeof liveSubscribe>;

export interface LiveSubscribed {
  /** the seq the replay started after */
  since: number;
  /** seq of the last event included in the replay; live batches continue after it */
  seq: number;
  /**
   * Set when the stream is narrowed to one unit (a unit head, decision 0011): the replay and the batches carry
   * only that unit's events, so their seqs have gaps that are not losses.
   */
  scope?: { agencyId: string };
}
export interface ResyncRequired {
  reason: 'too_far_behind' | 'ahead_of_server';
  seq: number;
}

/** socket.io event names, shared by server, client and mocks. */
export const SOCKET_EVENTS = {
  subscribe: 'live:subscribe',
  subscribed: 'live:subscribed',
  resync: 'live:resync',
  events: 'report:events',
} as const;

export interface ServerToClientEvents {
  'report:events': (batch: LiveEvent[]) => void;
  'live:subscribed': (info: LiveSubscribed) => void;
  'live:resync': (info: ResyncRequired) => void;
}
export interface ClientToServerEvents {
  'live:subscribe': (msg: LiveSubscribe) => void;
}

/** Replay at most this many events to a resubscribing client; beyond that it must re-snapshot. */
export const MAX_REPLAY = 5000;
