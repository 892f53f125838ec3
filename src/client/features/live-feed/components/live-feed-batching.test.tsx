import { Profiler } from 'react';
import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '../../../../shared/contract/event';
import { I18nProvider } from '../../../lib/i18n/i18n-context';
import type { LiveStore } from '../../../lib/live/live-store';
import type { LiveListener, LiveState } from '../../../lib/live/live-types';
import { newReportInput, setupMockApi } from '../../../test/mock-api';
import { FEED_RENDER_MS } from '../hooks/use-feed-store';
import { FEED_CAP } from '../model/feed-store';
import { FEED_WINDOW, LiveFeed } from './live-feed';

const mock = setupMockApi();
const STREAM_MS = 10_000;
configure({ asyncUtilTimeout: STREAM_MS });

const items = () => within(screen.getByRole('list', { name: /sự kiện mới nhất/i })).queryAllByTestId('feed-item');
const seqs = () => items().map((el) => Number(el.getAttribute('data-seq')));

/**
 * A live store the test plays: every `deliver` is one delivery to the feed, as the live client makes one per
 * animation frame of socket batches. The REST backfill comes from the mock API as usual.
 */
function scriptedLive(): LiveStore & { deliver: (events: LiveEvent[]) => void } {
  const listeners = new Set<LiveListener>();
  let started = false;
  let seq: number | null = null;
  const state = (): LiveState => ({ status: 'live', seq, lastEventAt: null, lastSyncAt: null, downSince: null });
  return {
    getState: state,
    subscribeState: () => () => {},
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    start(since) {
      if (started) return;
      started = true;
      seq = since;
    },
    stop() {},
    get started() {
      return started;
    },
    deliver(events) {
      seq = events.at(-1)?.seq ?? seq;
      for (const l of [...listeners]) l({ type: 'events', events });
    },
  };
}

function renderFeed(live: LiveStore) {
  let commits = 0;
  render(
    <I18nProvider>
      <Profiler id="feed" onRender={() => (commits += 1)}>
        <LiveFeed onSelect={vi.fn()} live={live} />
      </Profiler>
    </I18nProvider>,
  );
  return { commits: () => commits };
}

/** 200 new reports in the mock store; their log events (with the reports' public fields) to deliver by hand. */
function newEvents(n: number): LiveEvent[] {
  const head = mock.store.latestSeq();
  const categoryId = mock.store.meta().categories[1]?.id ?? '';
  mock.store.ingest(Array.from({ length: n }, () => newReportInput(categoryId)));
  return mock.store.eventsAfter(head, n);
}

/** Delivers each event on its own, each delivery in its own task (as socket messages come). */
async function deliverOneByOne(live: ReturnType<typeof scriptedLive>, events: LiveEvent[]): Promise<number> {
  const t0 = performance.now();
  for (const ev of events) {
    live.deliver([ev]);
    await new Promise((r) => setTimeout(r, 0));
  }
  return performance.now() - t0;
}

describe('live feed under a burst', { timeout: 60_000 }, () => {
  it('renders a burst of 200 deliveries a few times, not 200, and ends with all of them newest first', async () => {
    const live = scriptedLive();
    const probe = renderFeed(live);
    await vi.waitFor(() => expect(items().length).toBe(FEED_WINDOW), { timeout: STREAM_MS });
    const events = newEvents(200);
    const before = probe.commits();

    const elapsed = await deliverOneByOne(live, events);
    // the newest event reaches the top of the list
    await vi.waitFor(() => expect(seqs()[0]).toBe(events.at(-1)?.seq), { timeout: STREAM_MS });
    await act(() => new Promise((r) => setTimeout(r, 2 * FEED_RENDER_MS)));
    // renders follow the clock (one per FEED_RENDER_MS at most, plus the last one), never the deliveries
    const renders = probe.commits() - before;
    expect(renders).toBeLessThanOrEqual(Math.ceil(elapsed / FEED_RENDER_MS) + 2);
    expect(renders).toBeLessThan(events.length / 10);

    // oracle: the log, newest first; the rendered window is its head, and the keyboard reaches all of it
    const expected = events.map((e) => e.seq).reverse();
    expect(seqs()).toEqual(expected.slice(0, FEED_WINDOW));
    expect(screen.getByTestId('feed-more')).toBeTruthy();
    items()[0]?.focus();
    await userEvent.keyboard('{End}');
    expect(seqs()).toEqual(expected.slice(0, FEED_CAP));
    expect(document.activeElement).toBe(items().at(-1));
  });

  it('counts every delivery that arrived while scrolled away on "N mới", exactly, and brings them all in', async () => {
    const live = scriptedLive();
    renderFeed(live);
    await vi.waitFor(() => expect(items().length).toBe(FEED_WINDOW), { timeout: STREAM_MS });
    const list = screen.getByRole('list', { name: /sự kiện mới nhất/i });
    let top = 0;
    Object.defineProperty(list, 'scrollTop', { configurable: true, get: () => top, set: (v: number) => (top = v) });
    top = 400;
    fireEvent.scroll(list);
    const before = seqs();

    // 30 deliveries in one synchronous go, then 70 more one by one
    const events = newEvents(100);
    act(() => {
      for (const ev of events.slice(0, 30)) live.deliver([ev]);
    });
    await deliverOneByOne(live, events.slice(30));
    const button = await screen.findByRole('button', { name: /^100 mới$/ }, { timeout: STREAM_MS });
    // the list did not move under the reader
    expect(seqs()).toEqual(before);

    await userEvent.click(button);
    const expected = events.map((e) => e.seq).reverse();
    expect(seqs().slice(0, 100)).toEqual(expected);
    expect(seqs().slice(100)).toEqual(before);
    expect(screen.queryByTestId('feed-new')).toBeNull();
  });
});
