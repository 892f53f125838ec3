import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../lib/i18n/i18n-context';
import type { LiveStore } from '../../../lib/live/live-store';
import type { LiveState } from '../../../lib/live/live-types';
import { parseWallParams } from '../model/wall-params';
import { WallScreen } from './wall-screen';
import type { WallView } from './wall-screen';

/** A live store frozen in one state (the store's own tests cover the socket side). */
function storeIn(state: Partial<LiveState>): LiveStore {
  const s: LiveState = { status: 'live', seq: 10, lastEventAt: null, lastSyncAt: Date.now(), downSince: null, ...state };
  return {
    getState: () => s,
    subscribeState: () => () => {},
    subscribe: () => () => {},
    start: () => {},
    stop: () => {},
    started: true,
  };
}

const rendered: string[] = [];
const view = (id: string): WallView => ({
  id,
  label: `Màn hình ${id}`,
  render: () => {
    rendered.push(id);
    return <p>nội dung {id}</p>;
  },
});
const AVAILABLE = ['alpha', 'beta', 'gamma'];

function renderWall(query: string, store = storeIn({})) {
  const params = parseWallParams(new URLSearchParams(query), AVAILABLE);
  render(
    <I18nProvider>
      <WallScreen
        views={params.views.map(view)}
        unknown={params.unknown}
        rotateMs={params.rotateMs}
        staleMs={params.staleMs}
        kpis={<p>KPI</p>}
        store={store}
      />
    </I18nProvider>,
  );
  return screen.getByTestId('wall');
}

const shown = () => screen.getByTestId('wall').getAttribute('data-view');
const advance = (ms: number) => {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
};

afterEach(() => {
  vi.useRealTimers();
  rendered.length = 0;
});

describe('wall playlist', () => {
  it('rotates through the views named in the URL, in order, every `rotate` seconds, and notes the unknown ones', () => {
    vi.useFakeTimers();
    renderWall('views=gamma,backlog,alpha,rankings&rotate=7');
    expect(shown()).toBe('gamma');
    expect(screen.getByText('Chưa có màn hình: backlog, rankings (bỏ qua)')).toBeTruthy();
    expect(screen.getByTestId('wall-rotation').textContent).toBe('Màn hình 1/2');
    // beta was not asked for: it is never mounted
    advance(6_999);
    expect(shown()).toBe('gamma');
    advance(1);
    expect(shown()).toBe('alpha');
    expect(screen.getByTestId('wall-rotation').textContent).toBe('Màn hình 2/2');
    advance(7_000);
    expect(shown()).toBe('gamma');
    expect(rendered).not.toContain('beta');
    // the playlist shows every view with the current one marked
    const tabs = screen.getAllByRole('listitem');
    expect(tabs.map((li) => li.textContent)).toEqual(['Màn hình gamma', 'Màn hình alpha']);
    expect(tabs[0]?.getAttribute('aria-current')).toBe('step');
  });

  it('keeps a view mounted once shown, hidden from assistive tech while another is current', () => {
    vi.useFakeTimers();
    renderWall('views=alpha,beta&rotate=5');
    expect(screen.queryByText('nội dung beta')).toBeNull();
    advance(5_000);
    advance(5_000);
    const beta = screen.getByText('nội dung beta').closest('section');
    expect(beta?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByText('nội dung alpha').closest('section')?.getAttribute('aria-hidden')).toBe('false');
  });

  it('pauses on hover and on focus, keeping what was left of the turn', () => {
    vi.useFakeTimers();
    renderWall('views=alpha,beta,gamma&rotate=10');
    const stage = screen.getByText('nội dung alpha').closest('.wall-screen__stage') as HTMLElement;
    advance(6_000);
    fireEvent.mouseEnter(stage);
    expect(screen.getByTestId('wall-rotation').textContent).toBe('Tạm dừng luân phiên');
    advance(60_000);
    expect(shown()).toBe('alpha');
    fireEvent.mouseLeave(stage);
    advance(3_999);
    expect(shown()).toBe('alpha');
    advance(1);
    expect(shown()).toBe('beta');

    fireEvent.focus(stage);
    advance(30_000);
    expect(shown()).toBe('beta');
    fireEvent.blur(stage);
    advance(10_000);
    expect(shown()).toBe('gamma');
  });

  it('holds still with one view or rotate=0', () => {
    vi.useFakeTimers();
    renderWall('views=beta&rotate=5');
    advance(60_000);
    expect(shown()).toBe('beta');
    expect(screen.queryByTestId('wall-rotation')).toBeNull();
  });
});

describe('wall staleness', () => {
  it('labels the figures as old once the stream has been down longer than ?stale=, not before', () => {
    const down = storeIn({ status: 'reconnecting', downSince: Date.now() - 8_000, lastSyncAt: Date.now() - 8_000 });
    const wall = renderWall('views=alpha&stale=5', down);
    expect(wall.getAttribute('data-stale')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/MẤT KẾT NỐI từ \d\d:\d\d:\d\d — số liệu dưới đây là số liệu cũ, KHÔNG phải số liệu hiện tại/);
    expect(wall.textContent).toContain('Số liệu cũ');
  });

  it('with the default threshold (60 s) an 8 s outage is not stale yet', () => {
    const down = storeIn({ status: 'reconnecting', downSince: Date.now() - 8_000 });
    const wall = renderWall('views=alpha', down);
    expect(wall.getAttribute('data-stale')).toBe('false');
    expect(screen.queryByTestId('wall-stale')).toBeNull();
  });
});
