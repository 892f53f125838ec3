import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../lib/i18n/i18n-context';
import { resetLocaleFromStorage } from '../lib/i18n/locale-store';
import { setupMockApi } from '../test/mock-api';
import { appRoutes } from './router';

setupMockApi();

function renderApp(path = '/') {
  const router = createMemoryRouter(appRoutes, { initialEntries: [path] });
  const view = render(
    <I18nProvider>
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  return { router, ...view };
}

const NAV_VI = ['Bản đồ trực tiếp', 'Tồn đọng & quá hạn', 'Mức độ hài lòng', 'Xếp hạng thi đua', 'Thống kê', 'Đơn vị', 'Màn hình tường'];
const NAV_EN = ['Live map', 'Backlog & overdue', 'Satisfaction', 'Rankings', 'Statistics', 'Units', 'Wall screen'];
const HREFS = ['/map', '/backlog', '/satisfaction', '/rankings', '/stats', '/units', '/wall'];

describe('app shell', () => {
  it('redirects / to the live map and renders every navigation entry', { timeout: 30_000 }, async () => {
    const { router } = renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/map'), { timeout: 15_000 });
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(NAV_VI);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(HREFS);
    await vi.waitFor(() => expect(within(nav).getByRole('link', { name: 'Bản đồ trực tiếp' }).getAttribute('aria-current')).toBe('page'), { timeout: 15_000 });
  });

  it('routes to every page from the navigation, marking the current one', { timeout: 120_000 }, async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/map');
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    for (const [i, label] of NAV_VI.entries()) {
      if (label === 'Màn hình tường') continue;
      await user.click(within(nav).getByRole('link', { name: label }));
      await vi.waitFor(() => expect(router.state.location.pathname).toBe(HREFS[i]), { timeout: 15_000 }); // lazy chunks load first
      await vi.waitFor(() => expect(within(nav).getByRole('link', { name: label }).getAttribute('aria-current'), label).toBe('page'), { timeout: 15_000 });
      // each page has its own main heading once its chunk has loaded
      await within(screen.getByRole('main')).findAllByRole('heading', { level: 2 }, { timeout: 15_000 });
    }

    // the wall screen has no navigation chrome, but a clock and the KPIs
    await user.click(within(nav).getByRole('link', { name: 'Màn hình tường' }));
    await screen.findByRole('timer', {}, { timeout: 15_000 });
    expect(router.state.location.pathname).toBe('/wall');
    expect(screen.queryByRole('navigation', { name: 'Điều hướng chính' })).toBeNull();
    expect(screen.getAllByText('Tiếp nhận hôm nay').length).toBeGreaterThan(0);
    // the theme is applied by an effect after the first paint
    await vi.waitFor(() => expect(document.documentElement.dataset.theme).toBe('wall'));
  });

  it('switches language, updates <html lang> and remembers the choice', { timeout: 60_000 }, async () => {
    const user = userEvent.setup();
    const first = renderApp('/backlog');
    await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    expect(document.documentElement.lang).toBe('vi');

    await user.click(screen.getByRole('button', { name: 'English' }));
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(NAV_EN);
    expect(screen.getAllByText('Received today').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('paht.locale')).toBe('en');

    // a reload (fresh read of storage) comes back in English
    first.unmount();
    resetLocaleFromStorage();
    renderApp('/map');
    await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(document.documentElement.lang).toBe('en');

    await user.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    expect(localStorage.getItem('paht.locale')).toBe('vi');
  });
});
