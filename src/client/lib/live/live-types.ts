import type { LiveEvent } from '../../../shared/contract/event';
import type { LiveSubscribe, LiveSubscribed, ResyncRequired } from '../../../shared/contract/socket';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface LiveState {
  status: LiveStatus;
  /** seq of the last event handed to listeners (null before the stream was started) */
  seq: number | null;
  /** wall-clock ms when the last event arrived */
  lastEventAt: number | null;
  /** wall-clock ms when the stream was last known to be current (subscribed, events, heartbeat) */
  lastSyncAt: number | null;
  /** wall-clock ms since when the stream has been down (null while live) */
  downSince: number | null;
  /**
   * the last time the server could not replay what this client missed (`live:resync`: too far behind, or the
   * server's log was replaced) and every view re-snapshotted; shown to the user for a while (absent = never)
   */
  resync?: { at: number; reason: ResyncRequired['reason'] } | null;
}

/**
 * What listeners receive, at most once per frame: a batch of new events in seq order, or `resync` when the
 * stream cannot be trusted to be complete (a gap, or the server asked) and snapshots must be fetched again.
 */
export type LiveSignal = { type: 'events'; events: LiveEvent[] } | { type: 'resync'; seq: number };
export type LiveListener = (signal: LiveSignal) => void;

/** The part of a socket.io-client Socket the store uses, so tests can hand it a fake. */
export interface LiveSocket {
  on(event: 'connect', fn: () => void): unknown;
  on(event: 'disconnect', fn: (reason: string) => void): unknown;
  on(event: 'connect_error', fn: (err: Error) => void): unknown;
  on(event: 'report:events', fn: (batch: unknown) => void): unknown;
  on(event: 'live:subscribed', fn: (info: LiveSubscribed) => void): unknown;
  on(event: 'live:resync', fn: (info: ResyncRequired) => void): unknown;
  emit(event: 'live:subscribe', msg: LiveSubscribe): unknown;
  connect(): unknown;
  disconnect(): unknown;
  readonly connected: boolean;
  /** the Manager: its `ping` is the server heartbeat */
  readonly io: { on(event: 'ping', fn: () => void): unknown };
}
export type SocketFactory = () => Promise<LiveSocket>;
