import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agencyStatsQuery } from '../../../../shared/contract/backlog';
import { createFormatters } from '../../../lib/i18n/format';
import { I18nProvider } from '../../../lib/i18n/i18n-context';
import { setupMockApi } from '../../../test/mock-api';
import { presetRange, rangeToQuery } from '../model/period';
import { BacklogPage } from './backlog-page';

const mock = setupMockApi({ days: 25 });
const fmt = createFormatters('vi');

function renderPage(url = '/backlog?period=last90') {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <I18nProvider>
        <BacklogPage onOpenReport={() => {}} />
      </I18nProvider>
    </MemoryRouter>,
  );
}

const tile = (figure: string) => screen.getByTestId(`tile-${figure}`).querySelector('.bl-tile__value')?.textContent;

afterEach(() => vi.restoreAllMocks());

describe('/backlog page', () => {
  it('shows the API figures; a number in the table lists exactly that many reports', async () => {
    renderPage();
    const now = mock.store.now();
    const expected = mock.store.backlog.agencyStats(agencyStatsQuery.parse(rangeToQuery(presetRange('last90', now))), now);
    expect(expected.totals.overdue).toBeGreaterThan(0);
    await vi.waitFor(() => expect(tile('overdue')).toBe(fmt.number(expected.totals.overdue)), { timeout: 15_000 });
    expect(tile('received')).toBe(fmt.number(expected.totals.received));
    expect(tile('onTime')).toBe(fmt.number(expected.totals.onTime));

    // sorted by overdue, most first: the first row's overdue number is the largest
    const table = screen.getByTestId('units-table');
    const first = table.querySelector('tbody tr[data-unit] [data-figure="overdue"]') as HTMLButtonElement;
    const most = Math.max(...expected.agencies.map((r) => r.overdue));
    expect(first.textContent).toBe(fmt.number(most));
    fireEvent.click(first);
    const drill = await screen.findByTestId('backlog-drill');
    await vi.waitFor(() => expect(within(drill).getByTestId('drill-total').textContent).toBe(`${fmt.number(most)} phản ánh`), { timeout: 10_000 });
    expect(drill.querySelectorAll('tbody tr[data-report]').length).toBe(Math.min(most, 50));
    fireEvent.click(within(drill).getByRole('button', { name: 'Đóng' }));
    expect(screen.queryByTestId('backlog-drill')).toBeNull();

    // an ageing figure too
    const bucket = (['1-3', '4-7', '8-15', '16+'] as const).find((b) => expected.totals.ageing[b] > 0) ?? '16+';
    fireEvent.click(screen.getByTestId(`ageing-${bucket}`));
    await vi.waitFor(() => expect(screen.getByTestId('drill-total').textContent).toBe(`${fmt.number(expected.totals.ageing[bucket])} phản ánh`), { timeout: 10_000 });
  }, 40_000);

  it('searches units without diacritics and exports what is shown as CSV', async () => {
    renderPage('/backlog?period=last90&q=phu%20vang');
    const table = await screen.findByTestId('units-table', {}, { timeout: 15_000 });
    await vi.waitFor(() => expect(table.querySelectorAll('tbody tr[data-unit]').length).toBeGreaterThan(0), { timeout: 10_000 });
    const shown = [...table.querySelectorAll('tbody tr[data-unit] .bl-unit')].map((e) => e.getAttribute('title'));
    expect(shown.every((n) => /Phú Vang/.test(n ?? ''))).toBe(true);

    let blob: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fireEvent.click(screen.getByTestId('units-csv'));
    expect(blob).not.toBeNull();
    const text = await (blob as unknown as Blob).text();
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^"Đơn vị","Loại","Tiếp nhận","Tồn đọng"/);
    expect(lines.length).toBe(shown.length + 1);
    expect(lines.slice(1).map((l) => /^"([^"]+)"/.exec(l)?.[1])).toEqual(shown);
  }, 40_000);
});
