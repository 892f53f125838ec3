import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportListQuery } from '../../../shared/contract/api';
import { mapStateOf } from '../../../shared/domain/timeliness';
import { I18nProvider } from '../../lib/i18n/i18n-context';
import { newReportInput, setupMockApi } from '../../test/mock-api';
import { MapRoute } from './map-route';

// a 10-day scenario: enough reports for clusters, overdue ones and search hits
const mock = setupMockApi({ days: 10 });

// jsdom lays nothing out: give Leaflet's container a size, and observers that never fire
const sizes = { clientWidth: 900, clientHeight: 640 };
beforeAll(() => {
  for (const [prop, value] of Object.entries(sizes)) {
    Object.defineProperty(HTMLElement.prototype, prop, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('leaflet-container') ? value : 0;
      },
    });
  }
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  // jsdom has no canvas: the layers draw nothing, but still record what they would draw
  HTMLCanvasElement.prototype.getContext = () => null;
});
afterAll(() => {
  for (const prop of Object.keys(sizes)) delete (HTMLElement.prototype as unknown as Record<string, unknown>)[prop];
});

function renderMap(path: string) {
  const router = createMemoryRouter([{ path: '/map', Component: MapRoute }], { initialEntries: [path] });
  render(
    <I18nProvider>
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  return router;
}

const panel = () => screen.getByTestId('map-panel');
const container = () => panel().querySelector<HTMLElement>('.leaflet-container') as HTMLElement;
const mapCount = () => Number(panel().dataset.mapCount);
const drawnReports = () => Number(container().dataset.drawnReports);
const number = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));

/** The list API's total for a filter: an independent count of the same reports. */
const listTotal = (params: Record<string, string>) => mock.store.listReports(reportListQuery.parse({ ...params, limit: '1' })).total;

describe('/map', { timeout: 30_000 }, () => {
  it('shows exactly the overdue reports of a district when the URL asks for them, in clusters that add up, with a legend', async () => {
    const router = renderMap('/map?state=overdue&districtCode=474');
    const expected = listTotal({ overdue: 'true', districtCode: '474' } );
    expect(expected).toBeGreaterThan(0);
    await vi.waitFor(() => expect(mapCount()).toBe(expected), { timeout: 5000 });
    // the whole province is in view: the clusters and points drawn stand for every report shown
    await vi.waitFor(() => expect(drawnReports()).toBe(expected), { timeout: 5000 });
    expect(number(/^[\d.]+/.exec(screen.getByTestId('map-total').textContent ?? '')?.[0] ?? '')).toBe(expected);

    const legend = screen.getByTestId('map-legend');
    const items = within(legend).getAllByRole('listitem');
    expect(items.map((li) => li.dataset.state)).toEqual(['new', 'handling', 'due_soon', 'overdue', 'resolved', 'rejected']);
    expect(within(legend).getByText('Quá hạn')).toBeTruthy();
    expect(number(items[3]?.querySelector('.map-legend__count')?.textContent ?? '')).toBe(expected);
    expect(router.state.location.search).toBe('?state=overdue&districtCode=474');
  });

  it('puts filter changes in the URL and shows what the API counts for them (search without diacritics too)', async () => {
    const user = userEvent.setup();
    const router = renderMap('/map?state=overdue');
    await vi.waitFor(() => expect(mapCount()).toBe(listTotal({ overdue: 'true' } )), { timeout: 5000 });

    // add "due soon": the count is every open report due within a working day or overdue, derived independently
    // the chip in the filter bar (a live feed row may carry the same state name)
    await user.click(within(screen.getByRole('search')).getByRole('button', { name: /Sắp đến hạn/ }));
    await vi.waitFor(() => expect(router.state.location.search).toBe('?state=due_soon%2Coverdue'));
    const now = new Date();
    const all = mock.store.listReports({ limit: 500, status: ['received', 'assigned', 'in_progress', 'reopened'] });
    expect(all.total).toBeLessThanOrEqual(500);
    const dueOrOver = all.items.filter((r) => ['due_soon', 'overdue'].includes(mapStateOf(r, now))).length;
    await vi.waitFor(() => expect(mapCount()).toBe(dueOrOver), { timeout: 5000 });

    // text search, typed without diacritics, reaches the URL and the server
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'duong' } });
    await vi.waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('duong'), { timeout: 3000 });
    const withText = mock.store
      .listReports({ limit: 500, q: 'đường', status: ['received', 'assigned', 'in_progress', 'reopened'] })
      .items.filter((r) => ['due_soon', 'overdue'].includes(mapStateOf(r, now))).length;
    expect(withText).toBeGreaterThan(0);
    await vi.waitFor(() => expect(mapCount()).toBe(withText), { timeout: 5000 });

    await user.click(screen.getByRole('button', { name: 'Xóa bộ lọc' }));
    await vi.waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('its keyboard list counts the reports in view as the clusters do, and Enter opens the detail', async () => {
    const user = userEvent.setup();
    const router = renderMap('/map?period=30d');
    await vi.waitFor(() => expect(mapCount()).toBeGreaterThan(50), { timeout: 5000 });
    await vi.waitFor(() => expect(drawnReports()).toBe(mapCount()), { timeout: 5000 });
    await user.click(screen.getByRole('tab', { name: 'Danh sách' }));
    await vi.waitFor(() => expect(number(screen.getByTestId('map-list-total').textContent)).toBe(drawnReports()), { timeout: 5000 });
    const options = await within(screen.getByRole('listbox')).findAllByRole('option');
    expect(options.length).toBe(50);
    options[0]?.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(options[2]);
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(new URLSearchParams(router.state.location.search).get('report')).toBe(options[2]?.dataset.reportId));
    expect(await screen.findByRole('dialog')).toBeTruthy();
  });

  it('a report pushed live joins the map without a reload', async () => {
    renderMap('/map?state=new');
    await vi.waitFor(() => expect(Number.isFinite(mapCount()) && panel().dataset.mapCount !== '').toBe(true), { timeout: 5000 });
    const before = mapCount();
    const categoryId = mock.store.meta().categories[0]?.id ?? '';
    mock.store.ingest([newReportInput(categoryId, { title: 'Ổ gà lớn giữa đường Hùng Vương' })]);
    await vi.waitFor(() => expect(mapCount()).toBe(before + 1), { timeout: 4000 });
    await vi.waitFor(() => expect(drawnReports()).toBe(before + 1), { timeout: 4000 });
  });
});
