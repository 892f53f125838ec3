import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConnectionIndicator, ConnectionStatus, RESYNC_NOTICE_MS } from '../../components/connection-indicator';
import { createFormatters } from '../i18n/format';
import { I18nProvider } from '../i18n/i18n-context';
import { setLocale } from '../i18n/locale-store';
import { FakeSocket } from './fake-socket.test-util';
import { createLiveStore } from './live-store';
import type { LiveSignal, LiveState } from './live-types';

const T0 = Date.parse('2026-11-30T03:04:05.000Z'); // 10:04:05 in Huế

async function started(t0 = T0) {
  let t = t0;
  const socket = new FakeSocket();
  const store = createLiveStore({ createSocket: () => Promise.resolve(socket), now: () => t });
  const signals: LiveSignal[] = [];
  store.subscribe((s) => signals.push(s));
  store.start(100);
  await Promise.resolve();
  await Promise.resolve();
  socket.serverConnect();
  socket.serverEmit('live:subscribed', { since: 100, seq: 100 });
  return { socket, store, signals, advance: (ms: number) => (t += ms) };
}

const flush = () => act(() => new Promise((r) => setTimeout(r, 300)));

describe('when the server can no longer replay (live:resync)', () => {
  it('re-snapshots every view, resubscribes from the server’s seq, and records why and when', async () => {
    const { socket, store, signals, advance } = await started();
    expect(store.getState().resync ?? null).toBeNull();
    advance(60_000);
    socket.serverEmit('live:resync', { reason: 'too_far_behind', seq: 9000 });
    await flush();
    expect(signals).toContainEqual({ type: 'resync', seq: 9000 });
    expect(socket.subscriptions().at(-1)).toEqual({ since: 9000 });
    expect(store.getState().resync).toEqual({ at: T0 + 60_000, reason: 'too_far_behind' });
    store.stop();
  });

  it('says so in the connection indicator, in Vietnamese and English, then lets it go after a while', async () => {
    setLocale('vi');
    // the indicator reads the real clock: the reload happens "now"
    const at = Date.now();
    const { socket, store } = await started(at);
    const view = render(
      <I18nProvider>
        <ConnectionIndicator store={store} />
      </I18nProvider>,
    );
    expect(view.queryByTestId('live-resynced')).toBeNull();
    act(() => socket.serverEmit('live:resync', { reason: 'ahead_of_server', seq: 3 }));
    await flush();
    const notice = view.getByTestId('live-resynced');
    expect(notice.textContent).toBe(`Đã tải lại toàn bộ dữ liệu lúc ${createFormatters('vi').time(at)} (dữ liệu máy chủ đã được thay mới)`);
    // inside the status region, so screen readers hear it too
    expect(notice.closest('[role="status"]')).not.toBeNull();
    act(() => setLocale('en'));
    expect(view.getByTestId('live-resynced').textContent).toContain('All data reloaded at');
    act(() => setLocale('vi'));
    view.unmount();
    store.stop();

    const state: LiveState = { status: 'live', seq: 3, lastEventAt: null, lastSyncAt: T0, downSince: null, resync: { at: T0, reason: 'too_far_behind' } };
    const shown = (now: number) =>
      render(
        <I18nProvider>
          <ConnectionStatus state={state} now={now} />
        </I18nProvider>,
      ).container.querySelector('[data-testid="live-resynced"]')?.textContent ?? null;
    expect(shown(T0 + RESYNC_NOTICE_MS - 1000)).toContain('mất kết nối quá lâu');
    expect(shown(T0 + RESYNC_NOTICE_MS + 1000)).toBeNull();
  });

  it('does not claim a reload for an ordinary reconnect that the server replayed', async () => {
    const { socket, store } = await started();
    socket.serverDrop();
    socket.serverConnect();
    socket.serverEmit('live:subscribed', { since: 100, seq: 100 });
    await flush();
    expect(store.getState().resync ?? null).toBeNull();
    store.stop();
  });
});
