import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MOCK_DEMO_PASSWORD, MOCK_DISPLAY_TOKEN } from '../../../mocks/memory/session-store';
import { CAPABILITIES } from '../../shared/domain/access';
import { I18nProvider } from '../lib/i18n/i18n-context';
import { setHardNavigate } from '../lib/session/hard-navigate';
import { bootSession, getSessionState, resetSessionForTests } from '../lib/session/session-store';
import { setupMockApi } from '../test/mock-api';
import { signInAs } from '../test/session';
import { appRoutes } from './router';

// like `npm start` and the server-less demo: nobody sees anything without signing in; the demo picker is on
const mock = setupMockApi({ days: 3, publicView: false, demoLogin: true });

/** Where a successful sign-in sent the browser (a full page load in the product; recorded here). */
const loads: string[] = [];
setHardNavigate((url) => loads.push(url));
afterAll(() => setHardNavigate((url) => location.assign(url)));

beforeEach(() => {
  mock.store.sessions.logout();
  resetSessionForTests();
  loads.length = 0;
});

function renderApp(path: string) {
  const router = createMemoryRouter(appRoutes, { initialEntries: [path] });
  render(
    <I18nProvider>
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  return router;
}

const navLabels = async () => {
  const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' }, { timeout: 15_000 });
  return within(nav)
    .getAllByRole('link')
    .map((a) => a.getAttribute('href'));
};

describe('login page', () => {
  it('sends a visitor without a session to /login?next=, says nothing about expiry, and the API refused them', async () => {
    const router = renderApp('/stats?period=month');
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/login'), { timeout: 15_000 });
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/stats?period=month');
    await screen.findByRole('heading', { name: 'Đăng nhập', level: 1 }, { timeout: 15_000 });
    expect(screen.queryByTestId('login-expired')).toBeNull();
    // the server is the guard: the same visitor gets 401 from a data endpoint
    const res = await fetch(new URL('/api/v1/stats/summary', location.href));
    expect(res.status).toBe(401);
  });

  it('a wrong password says so (and clears the field); the right one returns to where they were', async () => {
    const user = userEvent.setup();
    renderApp('/login?next=%2Fbacklog');
    const name = await screen.findByLabelText('Tên đăng nhập', {}, { timeout: 15_000 });
    const pass = screen.getByLabelText('Mật khẩu');
    await user.type(name, 'lanhdao');
    await user.type(pass, 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect((pass as HTMLInputElement).value).toBe('');
    expect(pass.getAttribute('aria-invalid')).toBe('true');
    expect(loads).toEqual([]);
    expect(getSessionState().session?.role).toBe('anonymous');

    await user.type(pass, MOCK_DEMO_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    await vi.waitFor(() => expect(loads).toEqual(['/backlog']));
    expect(getSessionState().session).toMatchObject({ role: 'leader', user: { username: 'lanhdao' } });
  });

  it('after repeated failures the rate limit answers with when to try again', async () => {
    const user = userEvent.setup();
    renderApp('/login');
    const name = await screen.findByLabelText('Tên đăng nhập', {}, { timeout: 15_000 });
    await user.type(name, 'noivu');
    for (let i = 0; i < 10; i++) {
      await user.type(screen.getByLabelText('Mật khẩu'), `wrong-${i}`);
      await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
      await screen.findByText('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    // the 11th attempt is refused even with the right password
    await user.type(screen.getByLabelText('Mật khẩu'), MOCK_DEMO_PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect((await screen.findByText(/^Đăng nhập sai quá nhiều lần\. Hãy thử lại sau \d+ giây\.$/)).getAttribute('role')).toBe('alert');
    expect(loads).toEqual([]);
  }, 60_000);

  it('demo picker: clearly labelled; a unit head must pick a unit and lands on it', async () => {
    const user = userEvent.setup();
    renderApp('/login?next=%2Fmap');
    const picker = await screen.findByTestId('demo-picker', {}, { timeout: 15_000 });
    expect(within(picker).getByRole('heading', { level: 2 }).textContent).toBe('DEMO Chế độ trình diễn');
    await user.click(within(picker).getByRole('button', { name: 'Vào với vai trò Thủ trưởng đơn vị' }));
    expect((await within(picker).findByRole('alert')).textContent).toBe('Chọn một đơn vị trước khi vào với vai trò thủ trưởng đơn vị.');
    expect(loads).toEqual([]);

    const unit = mock.store.meta().agencies.find((a) => a.kind === 'district_pc');
    if (!unit) throw new Error('no district unit');
    const select = within(picker).getByLabelText('Đơn vị của thủ trưởng');
    await vi.waitFor(() => expect(within(select).getAllByRole('option').length).toBe(mock.store.meta().agencies.length + 1));
    await user.selectOptions(select, unit.id);
    await user.click(within(picker).getByRole('button', { name: 'Vào với vai trò Thủ trưởng đơn vị' }));
    // next=/map is not a unit head's page: they land on their own unit instead
    await vi.waitFor(() => expect(loads).toEqual([`/units/${unit.id}`]));
    expect(getSessionState().session).toMatchObject({ role: 'unit_head', agencyId: unit.id, demo: true });
  });
});

describe('navigation by role', () => {
  it('a unit head lands on their unit, sees only rankings and their unit, and cannot wander to other units or the map', async () => {
    const [own, other] = mock.store.meta().agencies;
    if (!own || !other) throw new Error('need two units');
    await signInAs('unit_head', own.id);
    const router = renderApp('/');
    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/units/${own.id}`), { timeout: 15_000 });
    expect(await navLabels()).toEqual(['/rankings', '/units']);
    expect((await screen.findByTestId('session-role')).textContent).toBe(`Thủ trưởng đơn vị · ${own.shortName}`);
    await vi.waitFor(() => expect(screen.getByTestId('unit-name').textContent).toBe(own.name), { timeout: 15_000 });
    // no province-wide KPI strip (the server refuses it to them) and no picker to other units
    expect(screen.queryByText('Tiếp nhận hôm nay')).toBeNull();
    expect(screen.queryByRole('combobox', { name: /đơn vị/i })).toBeNull();

    await router.navigate(`/units/${other.id}`);
    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/units/${own.id}`));
    await router.navigate('/map');
    expect((await screen.findByTestId('not-available')).textContent).toContain('Không dùng được với vai trò của bạn');
    expect(screen.getByText('Trang này không dành cho vai trò “Thủ trưởng đơn vị”. Máy chủ cũng sẽ từ chối dữ liệu của nó.')).toBeTruthy();
  }, 60_000);

  it('every role sees exactly the views its capabilities allow', async () => {
    // the oracle: the capability table itself, read per view as the views' data needs it
    const expectFor = (role: keyof typeof CAPABILITIES) => {
      const c = new Set(CAPABILITIES[role]);
      return [
        c.has('reports.read') && c.has('stats.read') && '/map',
        c.has('stats.read') && '/backlog',
        c.has('stats.read') && '/satisfaction',
        c.has('rankings.read') && '/rankings',
        c.has('stats.read') && '/stats',
        c.has('unit.read') && '/units',
        c.has('wall.view') && '/wall',
      ].filter(Boolean);
    };
    for (const role of ['operator', 'leader', 'home_affairs'] as const) {
      await signInAs(role);
      resetSessionForTests();
      const { unmount } = render(
        <I18nProvider>
          <RouterProvider router={createMemoryRouter(appRoutes, { initialEntries: ['/rankings'] })} />
        </I18nProvider>,
      );
      expect(await navLabels(), role).toEqual(expectFor(role));
      const label = { operator: 'Điều hành viên', leader: 'Lãnh đạo', home_affairs: 'Sở Nội vụ' }[role];
      expect((await screen.findByTestId('session-role')).textContent).toBe(label);
      unmount();
    }
  }, 60_000);
});

describe('session end', () => {
  it('a 401 from any request (the session expired) returns to /login?next=<here> saying the session expired', async () => {
    await signInAs('leader');
    const router = renderApp('/rankings');
    await screen.findByRole('heading', { level: 2, name: /^Xếp hạng thi đua/ }, { timeout: 15_000 });
    mock.store.sessions.expire();
    await router.navigate('/satisfaction');
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/login'), { timeout: 15_000 });
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/satisfaction');
    expect((await screen.findByTestId('login-expired')).textContent).toBe('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
  }, 60_000);

  it('logout ends the session on the server and reloads on the login page', async () => {
    const user = userEvent.setup();
    await signInAs('operator');
    renderApp('/rankings');
    await user.click(await screen.findByRole('button', { name: 'Đăng xuất' }, { timeout: 15_000 }));
    await vi.waitFor(() => expect(loads).toEqual(['/login']));
    expect(mock.store.sessions.current()).toBeNull();
    expect((await fetch(new URL('/api/v1/rankings', location.href))).status).toBe(401);
  });

  it('a wall screen’s ?display= token becomes its session and leaves the address bar', async () => {
    history.replaceState(null, '', `/wall?views=feed&display=${MOCK_DISPLAY_TOKEN}`);
    const s = await bootSession();
    expect(s.role).toBe('display');
    expect(location.pathname + location.search).toBe('/wall?views=feed');
    // a revoked token: the page says why it shows the login page
    mock.store.sessions.logout();
    mock.store.sessions.revokeDisplayToken(MOCK_DISPLAY_TOKEN);
    resetSessionForTests();
    history.replaceState(null, '', `/wall?display=${MOCK_DISPLAY_TOKEN}`);
    expect((await bootSession()).role).toBe('anonymous');
    expect(getSessionState().notice).toBe('display_rejected');
    expect(location.search).toBe('');
    history.replaceState(null, '', '/');
  });
});
