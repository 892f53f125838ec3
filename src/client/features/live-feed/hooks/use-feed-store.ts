import { useEffect, useState, useSyncExternalStore } from 'react';
import { live } from '../../../lib/live/live-client';
import type { LiveStore } from '../../../lib/live/live-store';
import { getDueSoon } from '../api/get-due-soon';
import { getRecentEvents } from '../api/get-recent-events';
import { BACKFILL, createFeedStore } from '../model/feed-store';
import type { FeedState, FeedStore } from '../model/feed-store';
import { coalesce } from '../model/coalesce';

/** The window of the overdue timers' set: a day ahead, refetched when the clock reaches its end. */
export const DUE_WINDOW = '24h';
export const DUE_LIMIT = 500;
/**
 * The feed re-renders at most this often: at 50 events/s a render per stream batch kept the map's main thread
 * busy (decision 0009); four a second still reads as live, and the first change after a quiet spell shows in the
 * next frame.
 */
export const FEED_RENDER_MS = 250;

/** One feed store per mounted feed: started while mounted (StrictMode's remount restarts it). */
export function useFeedState(store: LiveStore = live): FeedState {
  const [feed] = useState(() =>
    createFeedStore({
      live: store,
      loadRecent: (signal) => getRecentEvents(BACKFILL, signal),
      loadDueSoon: (signal) => getDueSoon(DUE_WINDOW, DUE_LIMIT, signal),
    }),
  );
  const [subscribe] = useState(() => coalescedSubscribe(feed, FEED_RENDER_MS));
  useEffect(() => {
    feed.start();
    return () => feed.stop();
  }, [feed]);
  // every render reads the newest state (so what is shown and what "N mới" counts come from one snapshot); only
  // the notifications that ask React to render are coalesced
  return useSyncExternalStore(subscribe, feed.getState, feed.getState);
}

/** The store's subscribe with its notifications coalesced into one per frame, at most every `minMs`. */
export function coalescedSubscribe(feed: Pick<FeedStore, 'subscribe'>, minMs: number) {
  return (listener: () => void) => {
    const notify = coalesce(listener, minMs);
    const off = feed.subscribe(notify.request);
    return () => {
      off();
      notify.cancel();
    };
  };
}
