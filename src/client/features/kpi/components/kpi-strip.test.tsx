import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SummaryResponse } from '../../../../shared/contract/api';
import { createFormatters } from '../../../lib/i18n/format';
import { I18nProvider } from '../../../lib/i18n/i18n-context';
import { live } from '../../../lib/live/live-client';
import { newReportInput, setupMockApi } from '../../../test/mock-api';
import { KpiStrip } from './kpi-strip';

const mock = setupMockApi();
const fmt = createFormatters('vi');

const shown = (id: string) => screen.getByTestId(`kpi-${id}`).textContent;

/** What the header must show for a summary, formatted as a Vietnamese operator reads it. */
function expected(s: SummaryResponse) {
  return {
    receivedToday: fmt.number(s.receivedToday),
    beingHandled: fmt.number(s.beingHandled),
    overdueNow: fmt.number(s.overdueNow),
    handledThisMonth: fmt.number(s.handledThisMonth),
    satisfactionRate: s.satisfactionRate === null ? '—' : fmt.percent(s.satisfactionRate),
  };
}
const displayed = () => ({
  receivedToday: shown('receivedToday'),
  beingHandled: shown('beingHandled'),
  overdueNow: shown('overdueNow'),
  handledThisMonth: shown('handledThisMonth'),
  satisfactionRate: shown('satisfactionRate'),
});

describe('KPI header', () => {
  it('shows the figures the API computes, then follows a live report:events batch', async () => {
    render(
      <I18nProvider>
        <KpiStrip />
      </I18nProvider>,
    );
    const before = mock.store.summary();
    expect(before.beingHandled).toBeGreaterThan(0);
    await vi.waitFor(() => expect(displayed()).toEqual(expected(before)));
    const ratings = screen.getByText(/lượt đánh giá|Chưa có đánh giá/);
    expect(ratings.textContent).toBe(before.ratedInPeriod > 0 ? `${fmt.number(before.ratedInPeriod)} lượt đánh giá` : 'Chưa có đánh giá');
    expect(screen.getByText('Tiếp nhận hôm nay')).toBeTruthy();
    expect(document.querySelector('[aria-live="polite"]')).not.toBeNull();

    // the stream is up before anything is pushed
    await vi.waitFor(() => expect(live.getState().status).toBe('live'));

    // the field platform reports something now: the mock ingests it and pushes a report:events batch
    const categoryId = mock.store.meta().categories[0]?.id ?? '';
    mock.store.ingest([newReportInput(categoryId)]);
    const after = mock.store.summary();
    expect(after.receivedToday).toBe(before.receivedToday + 1);
    expect(after.beingHandled).toBe(before.beingHandled + 1);

    await vi.waitFor(() => expect(displayed()).toEqual(expected(after)), { timeout: 4000 });
    expect(live.getState().seq).toBe(after.seq);
    // the changed figures are highlighted, the unchanged ones are not
    expect(screen.getByTestId('kpi-receivedToday').className).toContain('kpi__number--changed');
    expect(screen.getByTestId('kpi-handledThisMonth').className).not.toContain('kpi__number--changed');
  });
});
