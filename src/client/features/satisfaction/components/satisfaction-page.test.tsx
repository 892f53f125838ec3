import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createFormatters } from '../../../lib/i18n/format';
import { I18nProvider } from '../../../lib/i18n/i18n-context';
import { setupMockApi } from '../../../test/mock-api';
import { satisfactionFor } from '../../../../shared/domain/scoring/satisfaction';
import { SatisfactionPage } from './satisfaction-page';

const NOW = new Date('2026-10-21T03:00:00.000Z');
const mock = setupMockApi({ days: 40, now: () => NOW });
const fmt = createFormatters('vi');
// "Quý trước" = Q3 2026, Vietnam time
const Q3 = { from: '2026-06-30T17:00:00.000Z', to: '2026-09-30T17:00:00.000Z' };

describe('satisfaction page', () => {
  it('shows the period’s official rate and shares, narrows to a unit, and lists its unsatisfied results', async () => {
    const user = userEvent.setup();
    const opened: number[] = [];
    render(
      <I18nProvider>
        <SatisfactionPage now={() => NOW} onOpenReport={(id) => opened.push(id)} />
      </I18nProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Quý trước' }));
    const api = satisfactionFor(mock.store.satisfaction, Q3, NOW);
    expect(api.overall.rated).toBeGreaterThan(20);
    await vi.waitFor(() => expect(screen.getByText('Từ 01/07/2026 đến 30/09/2026')).toBeTruthy(), { timeout: 8000 });
    await vi.waitFor(() => expect(screen.getByTestId('sat-rate').textContent).toBe(fmt.percent(api.overall.rate as number)));
    const table = screen.getByRole('table', { name: 'Mức độ hài lòng theo đơn vị' });
    expect(within(table).getAllByRole('row')).toHaveLength(api.units.length + 1);

    // pick the unit with the most unsatisfied ratings from the table
    const unit = [...api.units].sort((a, b) => b.unsatisfied - a.unsatisfied)[0];
    if (!unit || unit.unsatisfied === 0) throw new Error('no unsatisfied ratings in the period');
    await user.click(within(table).getByRole('button', { name: unit.name }));
    const one = satisfactionFor(mock.store.satisfaction, { ...Q3, agencyId: unit.agencyId }, NOW);
    await vi.waitFor(() => expect(screen.getByTestId('sat-rate').textContent).toBe(fmt.percent(one.overall.rate as number)), { timeout: 8000 });
    const drill = screen.getByRole('region', { name: 'Kết quả chưa hài lòng và tranh chấp' });
    expect(within(drill).getByRole('tab', { name: `Không hài lòng (${unit.unsatisfied})` })).toBeTruthy();
    const items = await within(drill).findAllByRole('button', { name: /^Mở chi tiết phản ánh/ }, { timeout: 8000 });
    expect(items).toHaveLength(Math.min(25, unit.unsatisfied));
    await user.click(items[0] as HTMLElement);
    expect(opened).toHaveLength(1);
    expect(mock.store.getReport(opened[0] as number, { withReporter: false })).toMatchObject({ rating: 'unsatisfied', agencyId: unit.agencyId });
  }, 30_000);
});
