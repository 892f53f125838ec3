import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../lib/i18n/i18n-context';
import { setupMockApi } from '../../../test/mock-api';
import { signInAs } from '../../../test/session';
import { OverdueQueue } from './overdue-queue';

const mock = setupMockApi({ days: 25 });

async function renderQueue() {
  await signInAs('operator');
  return render(
    <I18nProvider>
      <OverdueQueue onOpenReport={() => {}} />
    </I18nProvider>,
  );
}

const row = (id: number) => document.querySelector(`tr[data-report="${id}"]`) as HTMLElement;
const count = (id: number) => Number(row(id)?.querySelector('[data-count]')?.getAttribute('data-count') ?? 0);

describe('overdue queue (operators)', () => {
  it('most overdue first; a reminder is recorded once and counted; a failed send shows its error and retries', async () => {
    await renderQueue();
    const queue = await screen.findByTestId('overdue-queue', {}, { timeout: 15_000 });
    await vi.waitFor(() => expect(queue.querySelectorAll('tr.oq-row').length).toBeGreaterThan(0), { timeout: 15_000 });
    const now = mock.store.now();
    const api = mock.store.backlog.overdueQueue({ state: 'all', sort: 'by_due', limit: 50, offset: 0 }, now);
    expect([...queue.querySelectorAll('tr.oq-row')].map((r) => Number(r.getAttribute('data-report')))).toEqual(api.items.map((i) => i.report.id));

    const target = api.items.find((i) => i.state === 'overdue' && i.report.agencyId !== null);
    expect(target).toBeDefined();
    const id = target!.report.id;
    const before = count(id);

    // the gateway is down: the reminder is recorded, its send fails and says why
    mock.store.backlog.setNotifier(() => Promise.reject(new Error('webhook answered HTTP 503')));
    fireEvent.click(within(row(id)).getByRole('button', { name: 'Nhắc việc' }));
    const dialog = await screen.findByTestId('reminder-dialog');
    fireEvent.click(within(dialog).getByLabelText('Lãnh đạo đơn vị'));
    fireEvent.change(within(dialog).getByLabelText('Nội dung / ghi chú'), { target: { value: 'Khẩn trương xử lý' } });
    const submit = within(dialog).getByRole('button', { name: 'Ghi nhận và gửi' });
    fireEvent.click(submit);
    fireEvent.click(submit);
    await vi.waitFor(() => expect(screen.getByTestId('queue-status').textContent).toContain('HTTP 503'), { timeout: 10_000 });
    await vi.waitFor(() => expect(count(id)).toBe(before + 1), { timeout: 10_000 });
    // one reminder, however many clicks
    expect(mock.store.getReport(id, { withReporter: false })?.events.filter((e) => e.type === 'reminded').length).toBe(target!.report.reminderCount + 1);
    const failed = await within(row(id)).findByTestId('notification-failed');
    expect(failed.textContent).toContain('HTTP 503');

    mock.store.backlog.setNotifier(() => Promise.resolve());
    fireEvent.click(within(failed).getByRole('button', { name: 'Gửi lại' }));
    await vi.waitFor(() => expect(within(row(id)).queryByTestId('notification-failed')).toBeNull(), { timeout: 10_000 });
    expect(screen.getByTestId('queue-status').textContent).toBe('Đã gửi');
  }, 60_000);
});
