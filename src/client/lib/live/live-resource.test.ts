import { describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '../../../shared/contract/event';
import { FakeSocket } from './fake-socket.test-util';
import { runLiveResource } from './live-resource';
import type { LiveResourceState } from './live-resource';
import { createLiveStore } from './live-store';
import type { LiveStore } from './live-store';
import type { LiveListener, LiveSignal } from './live-types';

interface Snap {
  seq: number;
  seen: number[];
}
const ev = (seq: number) => ({ seq }) as unknown as LiveEvent;

function setup() {
  const socket = new FakeSocket();
  const store = createLiveStore({ createSocket: () => Promise.resolve(socket) });
  return { socket, store };
}

/** A loader whose responses the test releases one by one, each stamped with the seq the test chooses. */
function controlledLoader() {
  const calls: ((seq: number) => void)[] = [];
  const load = () => new Promise<Snap>((resolve) => calls.push((seq) => resolve({ seq, seen: [] })));
  return { load, calls };
}

/** A started store at `seq` whose signals the test emits directly (the store's own tests cover the socket side). */
function fakeStore(seq: number) {
  const { store } = setup();
  const listeners: LiveListener[] = [];
  const fake: LiveStore = {
    ...store,
    started: true,
    getState: () => ({ ...store.getState(), seq }),
    subscribe: (l) => {
      listeners.push(l);
      return () => {};
    },
    start: () => {},
  };
  return { store: fake, emit: (s: LiveSignal) => listeners.forEach((l) => l(s)) };
}

describe('live resource (snapshot + stream)', () => {
  it('starts the stream from the first snapshot it gets', async () => {
    const { socket, store } = setup();
    const loader = controlledLoader();
    const states: LiveResourceState<Snap>[] = [];
    runLiveResource<Snap>(store, () => ({ load: loader.load }), (s) => states.push(s));
    expect(store.started).toBe(false);
    loader.calls[0]?.(100);
    await vi.waitFor(() => expect(socket.wired).toBe(true));
    socket.serverConnect();
    expect(socket.subscriptions()).toEqual([{ since: 100 }]);
    expect(states.at(-1)).toMatchObject({ data: { seq: 100 }, loading: false, error: null });
  });

  it('buffers events while the snapshot loads and folds in only those after its seq, once each', async () => {
    const { store, emit } = fakeStore(50);
    const loader = controlledLoader();
    const states: LiveResourceState<Snap>[] = [];
    const apply = (d: Snap, evs: LiveEvent[]) => ({ ...d, seen: [...d.seen, ...evs.map((e) => e.seq)] });
    runLiveResource<Snap>(store, () => ({ load: loader.load, apply }), (s) => states.push(s));
    emit({ type: 'events', events: [ev(51), ev(52)] });
    emit({ type: 'events', events: [ev(53)] });
    loader.calls[0]?.(52);
    await vi.waitFor(() => expect(states.at(-1)?.data).toEqual({ seq: 52, seen: [53] }));
    emit({ type: 'events', events: [ev(53), ev(54)] });
    expect(states.at(-1)?.data).toEqual({ seq: 52, seen: [53, 54] });
  });

  it('fetches again, once, when its snapshot predates what the stream already delivered', async () => {
    const { store } = fakeStore(80);
    const loader = controlledLoader();
    const states: LiveResourceState<Snap>[] = [];
    runLiveResource<Snap>(store, () => ({ load: loader.load }), (s) => states.push(s));
    loader.calls[0]?.(70);
    await vi.waitFor(() => expect(loader.calls).toHaveLength(2));
    expect(states).toHaveLength(0);
    loader.calls[1]?.(85);
    await vi.waitFor(() => expect(states.at(-1)?.data?.seq).toBe(85));
  });

  it('refetches (throttled) instead of folding when there is no reducer, and re-snapshots on resync', async () => {
    const { store: fake, emit } = fakeStore(10);
    const loader = controlledLoader();
    const states: LiveResourceState<Snap>[] = [];
    const run = runLiveResource<Snap>(fake, () => ({ load: loader.load, refetchThrottleMs: 50 }), (s) => states.push(s));
    loader.calls[0]?.(10);
    await vi.waitFor(() => expect(states.at(-1)?.data?.seq).toBe(10));

    // events at or below the snapshot are in it already: no refetch
    emit({ type: 'events', events: [ev(9), ev(10)] });
    await new Promise((r) => setTimeout(r, 80));
    expect(loader.calls).toHaveLength(1);

    // a burst of newer events: one refetch, not one per batch
    emit({ type: 'events', events: [ev(11)] });
    emit({ type: 'events', events: [ev(12)] });
    emit({ type: 'events', events: [ev(13)] });
    await vi.waitFor(() => expect(loader.calls).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 80));
    expect(loader.calls).toHaveLength(2);
    loader.calls[1]?.(13);
    await vi.waitFor(() => expect(states.at(-1)?.data?.seq).toBe(13));

    // resync: a new snapshot at once; one older than the resync point is fetched again
    emit({ type: 'resync', seq: 500 });
    expect(loader.calls).toHaveLength(3);
    loader.calls[2]?.(400);
    await vi.waitFor(() => expect(loader.calls).toHaveLength(4));
    loader.calls[3]?.(500);
    await vi.waitFor(() => expect(states.at(-1)?.data?.seq).toBe(500));
    // data stayed on screen throughout (values, not spinners)
    expect(states.filter((s) => s.loading === false).every((s) => s.data !== null)).toBe(true);
    run.dispose();
  });
});
