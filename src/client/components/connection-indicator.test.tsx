import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFormatters } from '../lib/i18n/format';
import { I18nProvider } from '../lib/i18n/i18n-context';
import { setLocale } from '../lib/i18n/locale-store';
import { FakeSocket } from '../lib/live/fake-socket.test-util';
import { createLiveStore } from '../lib/live/live-store';
import type { LiveState } from '../lib/live/live-types';
import { STALE_AFTER_MS } from '../lib/live/use-live';
import { ConnectionIndicator, ConnectionStatus } from './connection-indicator';
import { StaleBanner } from './stale-banner';

const NOW = Date.parse('2026-11-30T03:04:05.000Z'); // 10:04:05 in Huế
const base: LiveState = { status: 'live', seq: 42, lastEventAt: NOW - 2000, lastSyncAt: NOW - 2000, downSince: null };
const vi_ = createFormatters('vi');

function show(state: LiveState) {
  const view = render(
    <I18nProvider>
      <ConnectionStatus state={state} now={NOW} />
    </I18nProvider>,
  );
  return view.container.querySelector('.conn') as HTMLElement;
}

describe('connection indicator', () => {
  it('live: text, icon and the last update in Vietnam time', () => {
    const el = show(base);
    expect(el.dataset.state).toBe('live');
    expect(el.textContent).toContain('Đã kết nối');
    expect(el.textContent).toContain(`Cập nhật lúc ${vi_.time(NOW - 2000)}`);
    expect(vi_.time(NOW - 2000)).toBe('10:04:03');
    // not colour alone: an icon is part of the status
    expect(el.querySelector('svg')).not.toBeNull();
  });

  it('reconnecting while the outage is short', () => {
    const el = show({ ...base, status: 'reconnecting', downSince: NOW - 5000 });
    expect(el.dataset.state).toBe('reconnecting');
    expect(el.textContent).toContain('Mất kết nối, đang thử lại…');
  });

  it('stale once the stream has been down for more than a minute', () => {
    const el = show({ ...base, status: 'reconnecting', downSince: NOW - STALE_AFTER_MS - 1000 });
    expect(el.dataset.state).toBe('stale');
    expect(el.textContent).toContain('Mất kết nối');
    expect(el.textContent).not.toContain('Đã kết nối');
  });

  it('speaks English after a language switch', () => {
    setLocale('en');
    const el = show(base);
    expect(el.textContent).toContain('Connected');
    expect(el.textContent).toContain('Updated at 10:04:03');
    setLocale('vi');
  });

  it('follows a real store: connecting, live, then reconnecting when the socket drops', async () => {
    const socket = new FakeSocket();
    const store = createLiveStore({ createSocket: () => Promise.resolve(socket) });
    render(
      <I18nProvider>
        <ConnectionIndicator store={store} />
      </I18nProvider>,
    );
    const state = () => (document.querySelector('.conn') as HTMLElement).dataset.state;
    store.start(7);
    await vi.waitFor(() => expect(socket.wired).toBe(true));
    expect(state()).toBe('connecting');
    socket.serverConnect();
    socket.serverEmit('live:subscribed', { since: 7, seq: 7 });
    await vi.waitFor(() => expect(state()).toBe('live'));
    socket.serverDrop();
    await vi.waitFor(() => expect(state()).toBe('reconnecting'));
    expect(screen.getByRole('status').textContent).toContain('đang thử lại');
  });

  it('the stale banner appears only after the threshold', async () => {
    const socket = new FakeSocket();
    // the store's clock runs two minutes behind, so its "down since" is long past for the banner's clock
    const store = createLiveStore({ createSocket: () => Promise.resolve(socket), now: () => Date.now() - 2 * 60_000 });
    render(
      <I18nProvider>
        <StaleBanner store={store} />
      </I18nProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    store.start(1);
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Số liệu trên màn hình có thể đã cũ'));
  });
});
