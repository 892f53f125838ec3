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

const NAV_VI = ['Bản đồ trực tiếp', 'Tồn đọng & quá hạn', 'Mức độ hài lòng', 'Xếp hạng thi đua', 'Màn hình tường'];

describe('app shell', () => {
  it('redirects / to the live map and renders the five navigation entries', async () => {
    const { router } = renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/map'));
    const links = within(nav).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(NAV_VI);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/map', '/backlog', '/satisfaction', '/rankings', '/wall']);
    expect(within(nav).getByRole('link', { name: 'Bản đồ trực tiếp' }).getAttribute('aria-current')).toBe('page');
  });

  it('routes to every page; the placeholders describe what will come and show no figures', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/map');
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });

    await user.click(within(nav).getByRole('link', { name: 'Tồn đọng & quá hạn' }));
    const main = screen.getByRole('main');
    expect((await within(main).findByRole('heading', { level: 2 })).textContent).toBe('Tồn đọng & quá hạn');
    expect(main.textContent).toContain('hàng đợi quá hạn');
    expect(main.textContent).not.toMatch(/\d/);

    await user.click(within(nav).getByRole('link', { name: 'Mức độ hài lòng' }));
    expect((await within(main).findByRole('heading', { level: 2, name: 'Mức độ hài lòng' })).textContent).toBe('Mức độ hài lòng');
    expect(main.textContent).not.toMatch(/\d/);

    await user.click(within(nav).getByRole('link', { name: 'Xếp hạng thi đua' }));
    await within(main).findByRole('heading', { level: 2, name: 'Xếp hạng thi đua' });
    expect(main.textContent).toContain('thi đua hằng quý');

    await user.click(within(nav).getByRole('link', { name: 'Bản đồ trực tiếp' }));
    await within(main).findByRole('heading', { level: 2, name: 'Bản đồ trực tiếp' });
    expect(router.state.location.pathname).toBe('/map');

    // the wall screen has no navigation chrome, but a clock and the KPIs
    await user.click(within(nav).getByRole('link', { name: 'Màn hình tường' }));
    await screen.findByRole('timer');
    expect(router.state.location.pathname).toBe('/wall');
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.getByText('Tiếp nhận hôm nay')).toBeTruthy();
    // the theme is applied by an effect after the first paint
    await vi.waitFor(() => expect(document.documentElement.dataset.theme).toBe('wall'));
  });

  it('switches language, updates <html lang> and remembers the choice', async () => {
    const user = userEvent.setup();
    const first = renderApp('/backlog');
    await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    expect(document.documentElement.lang).toBe('vi');

    await user.click(screen.getByRole('button', { name: 'English' }));
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Live map',
      'Backlog & overdue',
      'Satisfaction',
      'Rankings',
      'Wall screen',
    ]);
    expect(screen.getByText('Received today')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Backlog & overdue');
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
