import { describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '../../../shared/contract/event';
import type { Report } from '../../../shared/contract/report';
import { FakeSocket } from './fake-socket.test-util';
import { createLiveStore, HIDDEN_FLUSH_MS } from './live-store';
import type { LiveSignal } from './live-types';

const at = '2026-11-30T02:00:00.000Z';
const report = (id: number, lastSeq: number): Report => ({
  id,
  externalId: `ext-${id}`,
  title: `Báo cáo ${id}`,
  description: '',
  categoryId: 'cat',
  urgent: false,
  lat: 16.46,
  lng: 107.59,
  address: 'Huế',
  wardCode: null,
  districtCode: null,
  channel: 'app',
  media: [],
  status: 'received',
  agencyId: null,
  coordinatingAgencyIds: [],
  receivedAt: at,
  verifiedAt: null,
  assignedAt: null,
  dueAt: null,
  originalDueAt: null,
  sla: null,
  extensions: [],
  resolvedAt: null,
  resultText: null,
  rejectedReason: null,
  rating: null,
  ratedAt: null,
  commentCount: 0,
  reopenCount: 0,
  reminderCount: 0,
  lastRemindedAt: null,
  updatedAt: at,
  lastSeq,
});
const ev = (seq: number): LiveEvent => ({
  seq,
  type: 'created',
  reportId: seq,
  at,
  recordedAt: at,
  actor: null,
  data: {},
  report: report(seq, seq),
});

/** A store on a fake socket, started from `since` and subscribed; `signals` collects what listeners get. */
async function setup(since = 10) {
  const socket = new FakeSocket();
  const store = createLiveStore({ createSocket: () => Promise.resolve(socket) });
  const signals: LiveSignal[] = [];
  store.subscribe((s) => signals.push(s));
  store.start(since);
  await vi.waitFor(() => expect(socket.wired).toBe(true));
  socket.serverConnect();
  socket.serverEmit('live:subscribed', { since, seq: since });
  return { socket, store, signals };
}

const nextFlush = () => new Promise((r) => setTimeout(r, HIDDEN_FLUSH_MS + 20));
const seqs = (signals: LiveSignal[]) => signals.flatMap((s): (number | string)[] => (s.type === 'events' ? s.events.map((e) => e.seq) : [`resync@${s.seq}`]));

describe('live store', () => {
  it('subscribes from the snapshot seq on connect and goes live', async () => {
    const { socket, store } = await setup(10);
    expect(socket.subscriptions()).toEqual([{ since: 10 }]);
    expect(store.getState().status).toBe('live');
    expect(store.getState().downSince).toBeNull();
    expect(store.getState().lastSyncAt).not.toBeNull();
  });

  it('delivers batches in one signal per frame and ignores duplicate seqs', async () => {
    const { socket, store, signals } = await setup(10);
    socket.serverEmit('report:events', [ev(11), ev(12)]);
    socket.serverEmit('report:events', [ev(13)]);
    await nextFlush();
    expect(signals).toHaveLength(1);
    expect(seqs(signals)).toEqual([11, 12, 13]);

    // a replay that overlaps what we have: 11–13 again, plus 14
    socket.serverEmit('report:events', [ev(11), ev(12), ev(13), ev(14)]);
    socket.serverEmit('report:events', [ev(14)]);
    await nextFlush();
    expect(seqs(signals)).toEqual([11, 12, 13, 14]);
    expect(store.getState().seq).toBe(14);
  });

  it('requests a resync (re-snapshot) on a gap instead of applying events out of order', async () => {
    const { socket, store, signals } = await setup(10);
    socket.serverEmit('report:events', [ev(11)]);
    await nextFlush();
    socket.serverEmit('report:events', [ev(13), ev(14)]);
    await nextFlush();
    expect(seqs(signals)).toEqual([11, 'resync@14']);
    // the stream continues after the gap batch: the snapshot the listeners fetch covers 12–14
    socket.serverEmit('report:events', [ev(15)]);
    await nextFlush();
    expect(seqs(signals)).toEqual([11, 'resync@14', 15]);
    expect(store.getState().seq).toBe(15);
  });

  it("a unit head's scoped stream: seq jumps are other units' events, not losses; a reconnect resumes from the head", async () => {
    const socket = new FakeSocket();
    const store = createLiveStore({ createSocket: () => Promise.resolve(socket), isScoped: () => true });
    const signals: LiveSignal[] = [];
    store.subscribe((s) => signals.push(s));
    store.start(10);
    await vi.waitFor(() => expect(socket.wired).toBe(true));
    socket.serverConnect();
    // the replay comes before live:subscribed: already scoped from the session, so no resync for the jump to 14
    socket.serverEmit('report:events', [ev(14)]);
    socket.serverEmit('live:subscribed', { since: 10, seq: 20, scope: { agencyId: 'u1' } });
    socket.serverEmit('report:events', [ev(22), ev(23)]);
    socket.serverEmit('report:events', [ev(23)]);
    await nextFlush();
    expect(seqs(signals)).toEqual([14, 22, 23]);
    socket.serverDrop();
    socket.serverConnect();
    expect(socket.subscriptions()).toEqual([{ since: 10 }, { since: 23 }]);
    // the server's head moved past the unit's last event while we were away: resume there, no re-snapshot
    socket.serverEmit('live:subscribed', { since: 23, seq: 40, scope: { agencyId: 'u1' } });
    socket.serverEmit('report:events', [ev(41)]);
    await nextFlush();
    expect(seqs(signals)).toEqual([14, 22, 23, 41]);
    expect(store.getState().seq).toBe(41);
  });

  it('an unscoped stream whose live:subscribed names a scope switches to scoped reading', async () => {
    const { socket, signals } = await setup(10);
    socket.serverEmit('live:subscribed', { since: 10, seq: 30, scope: { agencyId: 'u1' } });
    socket.serverEmit('report:events', [ev(35)]);
    await nextFlush();
    expect(seqs(signals)).toEqual([35]);
  });

  it('a handshake refused as unauthenticated (the session ended) is reported once per refusal; other errors are not', async () => {
    const socket = new FakeSocket();
    const ended = vi.fn();
    const store = createLiveStore({ createSocket: () => Promise.resolve(socket), onUnauthenticated: ended });
    store.start(10);
    await vi.waitFor(() => expect(socket.wired).toBe(true));
    socket.serverEmit('connect_error', new Error('xhr poll error'));
    expect(ended).not.toHaveBeenCalled();
    socket.serverEmit('connect_error', Object.assign(new Error('unauthenticated'), { data: { error: 'unauthenticated' } }));
    expect(ended).toHaveBeenCalledTimes(1);
    expect(store.getState().status).toBe('reconnecting');
  });

  it('on live:resync, signals listeners and resubscribes from the server seq', async () => {
    const { socket, signals } = await setup(10);
    socket.serverEmit('live:resync', { reason: 'too_far_behind', seq: 9000 });
    await nextFlush();
    expect(seqs(signals)).toEqual(['resync@9000']);
    expect(socket.subscriptions()).toEqual([{ since: 10 }, { since: 9000 }]);
  });

  it('resubscribes from the last seq after a reconnect and reports reconnecting meanwhile', async () => {
    const { socket, store, signals } = await setup(10);
    socket.serverEmit('report:events', [ev(11), ev(12)]);
    await nextFlush();
    socket.serverDrop();
    expect(store.getState().status).toBe('reconnecting');
    expect(store.getState().downSince).not.toBeNull();
    socket.serverConnect();
    expect(socket.subscriptions()).toEqual([{ since: 10 }, { since: 12 }]);
    // the replay after the reconnect overlaps by one: still applied once
    socket.serverEmit('report:events', [ev(12), ev(13)]);
    socket.serverEmit('live:subscribed', { since: 12, seq: 13 });
    await nextFlush();
    expect(store.getState().status).toBe('live');
    expect(seqs(signals)).toEqual([11, 12, 13]);
  });

  it('treats a batch that breaks the contract as a reason to re-snapshot', async () => {
    const { socket, signals } = await setup(10);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    socket.serverEmit('report:events', [{ seq: 'eleven' }]);
    await nextFlush();
    expect(seqs(signals)).toEqual(['resync@10']);
    errors.mockRestore();
  });

  it('keeps a heartbeat: a ping while live refreshes lastSyncAt', async () => {
    const { socket, store } = await setup(10);
    const before = store.getState().lastSyncAt ?? 0;
    await new Promise((r) => setTimeout(r, 5));
    socket.serverPing();
    expect(store.getState().lastSyncAt).toBeGreaterThan(before);
  });

  it('the first start wins: a later snapshot does not move the stream', async () => {
    const { socket, store } = await setup(10);
    store.start(50);
    expect(socket.subscriptions()).toEqual([{ since: 10 }]);
    expect(store.getState().seq).toBe(10);
  });
});
