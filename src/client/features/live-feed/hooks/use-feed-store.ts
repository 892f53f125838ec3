import { useEffect, useState, useSyncExternalStore } from 'react';
import { live } from '../../../lib/live/live-client';
import type { LiveStore } from '../../../lib/live/live-store';
import { getDueSoon } from '../api/get-due-soon';
import { getRecentEvents } from '../api/get-recent-events';
import { BACKFILL, createFeedStore } from '../model/feed-store';
import type { FeedState } from '../model/feed-store';

/** The window of the overdue timers' set: a day ahead, refetched when the clock reaches its end. */
export const DUE_WINDOW = '24h';
export const DUE_LIMIT = 500;

/** One feed store per mounted feed: started while mounted (StrictMode's remount restarts it). */
export function useFeedState(store: LiveStore = live): FeedState {
  const [feed] = useState(() =>
    createFeedStore({
      live: store,
      loadRecent: (signal) => getRecentEvents(BACKFILL, signal),
      loadDueSoon: (signal) => getDueSoon(DUE_WINDOW, DUE_LIMIT, signal),
    }),
  );
  useEffect(() => {
    feed.start();
    return () => feed.stop();
  }, [feed]);
  return useSyncExternalStore(feed.subscribe, feed.getState, feed.getState);
}
