import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../lib/i18n/i18n-context';
import { live } from '../../../lib/live/live-client';
import { newReportInput, setupMockApi } from '../../../test/mock-api';
import { LiveFeed } from './live-feed';

const mock = setupMockApi();
/** How long a pushed event may take to reach the screen here (a loaded CI machine, not the product's budget). */
const STREAM_MS = 10_000;
configure({ asyncUtilTimeout: STREAM_MS });

const items = () => within(screen.getByRole('list', { name: /sự kiện mới nhất/i })).queryAllByTestId('feed-item');
const seqs = () => items().map((el) => Number(el.getAttribute('data-seq')));
const categoryId = () => mock.store.meta().categories[2]?.id ?? '';

/** jsdom has no layout: the list's scroll position is whatever the test says it is. */
function scrollable(el: HTMLElement) {
  let top = 0;
  Object.defineProperty(el, 'scrollTop', { configurable: true, get: () => top, set: (v: number) => (top = v) });
  return (to: number) => {
    top = to;
    fireEvent.scroll(el);
  };
}

function renderFeed(onSelect = vi.fn()) {
  render(
    <I18nProvider>
      <LiveFeed onSelect={onSelect} />
    </I18nProvider>,
  );
  return onSelect;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('live feed', { timeout: 30_000 }, () => {
  it('shows the recent events newest first, then puts a pushed event on top', async () => {
    const onSelect = renderFeed();
    const head = mock.store.latestSeq();
    // oracle: the log itself (what the stream replays), newest first
    const expected = mock.store.eventsAfter(head - 50, 50).map((e) => e.seq).reverse();
    await vi.waitFor(() => expect(seqs()).toEqual(expected), { timeout: STREAM_MS });
    await vi.waitFor(() => expect(live.getState().status).toBe('live'), { timeout: STREAM_MS });

    const input = newReportInput(categoryId(), { title: 'Cống thoát nước bị tắc trên đường Hùng Vương' });
    const [result] = mock.store.ingest([input]);
    await vi.waitFor(() => expect(seqs()[0]).toBe(result?.seq), { timeout: STREAM_MS });
    const top = items()[0] as HTMLElement;
    expect(top.textContent).toContain('Cống thoát nước bị tắc trên đường Hùng Vương');
    expect(top.textContent).toContain('Phản ánh mới');
    expect(top.getAttribute('data-kind')).toBe('created');
    // category and place names, not ids
    const category = mock.store.meta().categories.find((c) => c.id === categoryId());
    // names come from the reference data, which may arrive after the events
    await vi.waitFor(() => expect(items()[0]?.textContent).toContain(category?.name), { timeout: STREAM_MS });
    expect(seqs().slice(1, 4)).toEqual(expected.slice(0, 3));

    await userEvent.click(top);
    expect(onSelect).toHaveBeenCalledWith(result?.reportId);
  });

  it('while scrolled away, new events wait behind "N mới" and the list does not move; the button brings them in', async () => {
    renderFeed();
    await vi.waitFor(() => expect(items().length).toBeGreaterThan(10), { timeout: STREAM_MS });
    await vi.waitFor(() => expect(live.getState().status).toBe('live'), { timeout: STREAM_MS });
    const list = screen.getByRole('list', { name: /sự kiện mới nhất/i });
    const scrollTo = scrollable(list);
    scrollTo(400);
    const before = seqs();

    const r1 = mock.store.ingest([newReportInput(categoryId(), { title: 'Ngập nước tại kiệt 12 Phan Bội Châu' })]);
    const r2 = mock.store.ingest([newReportInput(categoryId(), { title: 'Cây đổ trên đường Trần Hưng Đạo' })]);
    const button = await screen.findByRole('button', { name: /2 mới/ }, { timeout: STREAM_MS });
    expect(seqs()).toEqual(before);
    expect(screen.queryByText('Ngập nước tại kiệt 12 Phan Bội Châu')).toBeNull();

    await userEvent.click(button);
    expect(list.scrollTop).toBe(0);
    expect(seqs().slice(0, 2)).toEqual([r2[0]?.seq, r1[0]?.seq]);
    expect(seqs().slice(2)).toEqual(before.slice(0, before.length));
    expect(screen.queryByTestId('feed-new')).toBeNull();
    // keyboard users land on the newest item
    expect(document.activeElement).toBe(items()[0]);

    // scrolling back to the top by hand shows new events at once as well
    scrollTo(300);
    const r3 = mock.store.ingest([newReportInput(categoryId())]);
    await screen.findByRole('button', { name: /1 mới/ }, { timeout: STREAM_MS });
    scrollTo(0);
    expect(seqs()[0]).toBe(r3[0]?.seq);
  });

  it('announces a burst once, politely', async () => {
    renderFeed();
    await vi.waitFor(() => expect(items().length).toBeGreaterThan(10), { timeout: STREAM_MS });
    await vi.waitFor(() => expect(live.getState().status).toBe('live'), { timeout: STREAM_MS });
    const region = document.querySelector('.feed [aria-live="polite"]') as HTMLElement;
    expect(region.textContent).toBe('');
    mock.store.ingest([newReportInput(categoryId())]);
    mock.store.ingest([newReportInput(categoryId()), newReportInput(categoryId())]);
    await vi.waitFor(() => expect(region.textContent).toBe('3 sự kiện mới trong dòng sự kiện'), { timeout: STREAM_MS });
  });

  it('moves between items with the arrow keys', async () => {
    renderFeed();
    await vi.waitFor(() => expect(items().length).toBeGreaterThan(10), { timeout: STREAM_MS });
    const [first, second] = items() as HTMLElement[];
    first?.focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(second);
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(items().at(-1));
    await userEvent.keyboard('{Home}');
    expect(document.activeElement).toBe(first);
  });

  it('adds "overdue reached" when the clock passes a due date, with no event from the server', async () => {
    const [created] = mock.store.ingest([newReportInput(categoryId(), { title: 'Đèn tín hiệu giao thông hỏng ở ngã tư' })]);
    const report = mock.store.getReport(created?.reportId ?? 0, { withReporter: false });
    const dueAt = Date.parse(report?.dueAt ?? '');
    expect(dueAt).toBeGreaterThan(Date.now());
    // only Date is faked: the clock jumps to just before the due date and runs on from there in real time
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(dueAt - 1500);
    const seqBefore = mock.store.latestSeq();
    renderFeed();
    await vi.waitFor(() => expect(items().length).toBeGreaterThan(10), { timeout: STREAM_MS });
    expect(items().some((el) => el.getAttribute('data-kind') === 'overdue')).toBe(false);

    const idsOf = (el: HTMLElement) => (el.getAttribute('data-report-id') ?? el.getAttribute('data-report-ids') ?? '').split(',');
    const overdueItem = () => items().find((el) => el.getAttribute('data-kind') === 'overdue' && idsOf(el).includes(String(created?.reportId)));
    await vi.waitFor(() => expect(overdueItem()).toBeDefined(), { timeout: STREAM_MS });
    expect(Date.now()).toBeGreaterThan(dueAt);
    const item = overdueItem() as HTMLElement;
    expect(item.textContent).toContain('Quá hạn');
    // working-day deadlines all end at 23:59:59.999, so the report may arrive in a group of the same instant
    const open = mock.store.listReports({ status: ['received', 'assigned', 'in_progress', 'reopened'], limit: 500 }).items;
    const others = open.filter((r) => r.dueAt === report?.dueAt);
    if (others.length > 3) {
      expect(item.textContent).toContain(`${others.length} phản ánh chuyển sang quá hạn`);
      await userEvent.click(within(item).getByRole('button', { name: 'Xem danh sách' }));
    }
    expect(item.textContent).toContain('Đèn tín hiệu giao thông hỏng ở ngã tư');
    // nothing came from the server for it
    expect(mock.store.latestSeq()).toBe(seqBefore);
    await act(async () => {});
  });
});
