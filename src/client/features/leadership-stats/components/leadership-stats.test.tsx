import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { hotspotsQuery } from '../../../../shared/contract/hotspots';
import type { Report } from '../../../../shared/contract/report';
import { findHotspots } from '../../../../shared/domain/hotspots';
import { isOverdue } from '../../../../shared/domain/timeliness';
import { periodFiguresOf, previousPeriod } from '../../../../shared/domain/stats';
import { createFormatters } from '../../../lib/i18n/format';
import { I18nProvider } from '../../../lib/i18n/i18n-context';
import { newReportInput, setupMockApi } from '../../../test/mock-api';
import { presetRange, toInstants } from '../model/period';
import { LeadershipStats } from './leadership-stats';

const mock = setupMockApi({ days: 75 });
const fmt = createFormatters('vi');

/** every report in the mock store, read through its list method (the test's own view of the data) */
function allReports(): Report[] {
  const out: Report[] = [];
  let cursor: string | undefined;
  do {
    const page = mock.store.listReports({ limit: 500, cursor });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

function renderPage(url: string) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <I18nProvider>
        <LeadershipStats />
      </I18nProvider>
    </MemoryRouter>,
  );
}

const kpiText = (id: string) => screen.getByTestId(`stats-kpi-${id}-value`).textContent;

describe('/stats (leadership statistics)', () => {
  it('shows the period figures the shared domain computes, and each one drills down to that many reports', async () => {
    const now = mock.store.now();
    // last month: a whole month of the seeded history, never empty whatever day the test runs
    const period = toInstants(presetRange('last_month', now));
    const reports = allReports();
    const f = periodFiguresOf(reports, period.from, period.to, now);
    const before = previousPeriod(period.from, period.to);
    const prev = periodFiguresOf(reports, before.from, before.to, now);
    expect(f.received).toBeGreaterThan(100);
    renderPage('/stats?period=last_month');

    await vi.waitFor(() => expect(kpiText('received')).toBe(fmt.number(f.received)), { timeout: 15_000 });
    expect(kpiText('resolved')).toBe(fmt.number(f.resolved));
    expect(kpiText('onTime')).toBe(fmt.percent(f.onTime / f.resolved));
    expect(kpiText('late')).toBe(fmt.percent(f.late / f.resolved));
    expect(kpiText('rejected')).toBe(fmt.percent(f.rejected / f.received));
    expect(kpiText('satisfaction')).toBe(fmt.percent(f.satisfied / f.rated));
    expect(kpiText('overdueNow')).toBe(fmt.number(reports.filter((r) => isOverdue(r, now)).length));
    // the change on the previous period of the same length
    // (the history may not reach back into the previous period: then there is nothing to compare with)
    const change = (f.received - prev.received) / prev.received;
    const card = screen.getByTestId('stats-kpi-received');
    const expectedDelta =
      prev.received === 0 ? 'Kỳ trước chưa có số liệu' : Math.round(Math.abs(change) * 1000) === 0 ? 'Bằng kỳ trước' : `${change > 0 ? '▲ +' : '▼ −'}${fmt.percent(Math.abs(change))}`;
    expect(card.textContent).toContain(expectedDelta);

    fireEvent.click(screen.getByTestId('stats-kpi-onTime'));
    const drill = await screen.findByTestId('stats-drill');
    await vi.waitFor(() => expect(within(drill).getByTestId('stats-drill-total').textContent).toBe(`${fmt.number(f.onTime)} phản ánh`), { timeout: 10_000 });
    expect(drill.querySelectorAll('[data-report]').length).toBe(Math.min(50, f.onTime));
    fireEvent.click(within(drill).getByRole('button', { name: 'Đóng' }));
    expect(screen.queryByTestId('stats-drill')).toBeNull();
  }, 40_000);

  it('breaks the period down by category and district (choropleth), adding up to the total', async () => {
    const now = mock.store.now();
    const period = toInstants(presetRange('last_month', now));
    const reports = allReports();
    renderPage('/stats?period=last_month');
    const table = await screen.findByTestId('stats-breakdown-category', {}, { timeout: 15_000 });
    const inPeriod = (r: Report) => Date.parse(r.receivedAt) >= Date.parse(period.from) && Date.parse(r.receivedAt) < Date.parse(period.to);
    const categories = mock.store.meta().categories;
    for (const c of categories) {
      const n = reports.filter((r) => r.categoryId === c.id && inPeriod(r)).length;
      const row = table.querySelector(`tbody tr[data-key="${c.id}"]`);
      if (n === 0) continue;
      expect(row?.querySelector('.lstats-table__received')?.textContent, c.name).toBe(fmt.number(n));
    }
    const map = await screen.findByTestId('stats-choropleth');
    const paths = map.querySelectorAll('path[data-district]');
    expect(paths).toHaveLength(9);
    for (const p of paths) {
      const code = p.getAttribute('data-district');
      expect(p.getAttribute('data-value'), code ?? '').toBe(String(reports.filter((r) => r.districtCode === code && inPeriod(r)).length));
    }
    // a district drills down to its reports of the period
    const busiest = [...paths].sort((a, b) => Number(b.getAttribute('data-value')) - Number(a.getAttribute('data-value')))[0] as SVGPathElement;
    fireEvent.click(busiest);
    const drill = await screen.findByTestId('stats-drill');
    await vi.waitFor(() => expect(within(drill).getByTestId('stats-drill-total').textContent).toBe(`${fmt.number(Number(busiest.getAttribute('data-value')))} phản ánh`), {
      timeout: 10_000,
    });
  }, 40_000);

  it('lists repeat hotspots, planted ones included, with their counts; a hotspot lists its reports', async () => {
    const category = mock.store.meta().categories[2]?.id as string;
    // the same pavement, reported three times within a few metres
    mock.store.ingest([0, 0.00012, -0.0001].map((d, i) => newReportInput(category, { lat: 16.4637 + d, lng: 107.5909 + d / 2, title: `Lấn chiếm vỉa hè lần ${i + 1}` })));
    const now = mock.store.now();
    const period = toInstants(presetRange('this_month', now));
    const reports = allReports().filter((r) => r.status !== 'rejected' && Date.parse(r.receivedAt) >= Date.parse(period.from) && Date.parse(r.receivedAt) < Date.parse(period.to));
    const expected = findHotspots(
      reports.map((r) => ({ id: r.id, categoryId: r.categoryId, lat: r.lat, lng: r.lng, receivedAt: Date.parse(r.receivedAt), resolvedAt: r.resolvedAt === null ? null : Date.parse(r.resolvedAt), open: r.status !== 'resolved' })),
      { radius: 50, minCount: 3, windowMs: 60 * 86_400_000 },
    );
    expect(hotspotsQuery.parse({ ...period }).radius).toBe(50);
    renderPage('/stats');
    const list = await screen.findByTestId('stats-hotspots', {}, { timeout: 15_000 });
    await vi.waitFor(() => expect(list.querySelectorAll('tbody tr[data-hotspot]').length).toBe(Math.min(100, expected.length)), { timeout: 10_000 });
    const planted = expected.find((h) => h.members.some((m) => reports.find((r) => r.id === m.id)?.title === 'Lấn chiếm vỉa hè lần 1'));
    expect(planted).toBeDefined();
    const row = list.querySelector(`tr[data-hotspot="${planted?.categoryId}:${Math.min(...(planted?.members ?? []).map((m) => m.id))}"]`) as HTMLElement;
    expect(row).not.toBeNull();
    const countButton = within(row).getByRole('button', { name: /Xem các phản ánh/ });
    expect(countButton.textContent).toBe(fmt.number(planted?.members.length ?? 0));
    expect(screen.getByTestId('stats-hotspot-map').querySelectorAll('circle[data-hotspot]').length).toBe(Math.min(100, expected.length));
    fireEvent.click(countButton);
    const drill = await screen.findByTestId('stats-drill');
    await vi.waitFor(() => expect(within(drill).getByTestId('stats-drill-total').textContent).toBe(`${fmt.number(planted?.members.length ?? 0)} phản ánh`), { timeout: 10_000 });
    expect(within(drill).getByText('Lấn chiếm vỉa hè lần 2')).toBeTruthy();
  }, 40_000);

  it('keeps the period and filters in the URL, and refuses an inverted custom period', async () => {
    renderPage('/stats?period=custom&from=2024-03-01&to=2024-03-10');
    expect(await screen.findByTestId('stats-range')).toHaveProperty('textContent', expect.stringContaining('01/03/2024 – 10/03/2024'));
    const from = screen.getByLabelText('Từ ngày');
    fireEvent.change(from, { target: { value: '2024-03-20' } });
    expect(screen.getByRole('alert').textContent).toContain('Ngày bắt đầu phải trước');
    expect((screen.getByRole('button', { name: 'Xem' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
