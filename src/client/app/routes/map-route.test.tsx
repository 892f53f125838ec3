import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../lib/i18n/i18n-context';
import { newReportInput, setupMockApi } from '../../test/mock-api';
import { MapRoute } from './map-route';

const mock = setupMockApi();

describe('/map (interim list of the latest reports)', () => {
  it('lists the newest reports from the API and puts a new one on top when it is pushed', async () => {
    render(
      <I18nProvider>
        <MapRoute />
      </I18nProvider>,
    );
    const newest = mock.store.listReports({ limit: 20 });
    const list = await screen.findByRole('list');
    await vi.waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(20));
    const titles = () => within(screen.getByRole('list')).getAllByRole('listitem').map((li) => li.querySelector('.report-row__title')?.textContent ?? '');
    expect(titles()[0]).toContain(newest.items[0]?.title);
    expect(titles()[19]).toContain(newest.items[19]?.title);

    const categoryId = mock.store.meta().categories[1]?.id ?? '';
    const input = newReportInput(categoryId, { title: 'Cây xanh gãy đổ chắn đường Lê Lợi' });
    mock.store.ingest([input]);
    await vi.waitFor(() => expect(titles()[0]).toContain('Cây xanh gãy đổ chắn đường Lê Lợi'), { timeout: 4000 });
    expect(titles()).toHaveLength(20);
    expect(titles()[1]).toContain(newest.items[0]?.title);
    expect(screen.getByText(`Tổng số: ${new Intl.NumberFormat('vi-VN').format(newest.total + 1)} phản ánh`)).toBeTruthy();
  });
});
