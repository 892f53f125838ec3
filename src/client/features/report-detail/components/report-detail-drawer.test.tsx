import { configure, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../lib/i18n/i18n-context';
import { live } from '../../../lib/live/live-client';
import { newReportInput, setupMockApi } from '../../../test/mock-api';
import { signInAs, signOutAfterTest } from '../../../test/session';
import { ReportDetailDrawer } from './report-detail-drawer';

const mock = setupMockApi();
/** How long a pushed event may take to reach the screen here (a loaded CI machine, not the product's budget). */
const STREAM_MS = 10_000;
configure({ asyncUtilTimeout: STREAM_MS });

/** What the API answered to each detail request: did the body carry the reporter at all? */
const detailReporter: unknown[] = [];
mock.server.events.on('response:mocked', ({ request, response }) => {
  if (!/\/api\/v1\/reports\/\d+$/.test(new URL(request.url).pathname)) return;
  const slot = detailReporter.push(undefined) - 1;
  void response
    .clone()
    .json()
    .then((b: { reporter?: unknown }) => (detailReporter[slot] = b.reporter ?? null));
});

afterEach(async () => {
  await signOutAfterTest();
  detailReporter.length = 0;
});

const category = () => mock.store.meta().categories[4];

function createReport(overrides: Record<string, unknown> = {}) {
  const input = newReportInput(category()?.id ?? '', {
    title: 'Xe tải đổ trộm phế thải xây dựng bên bờ sông Hương',
    description: 'Sáng nay có xe tải đổ phế thải ngay bờ sông, đề nghị xử lý.',
    reporter: { name: 'Phạm Thị Riêng Tư', phone: '0914 555 666' },
    media: [
      { url: '/demo-media/xay-dung-1.svg', kind: 'image', name: 'Toàn cảnh' },
      { url: '/demo-media/video-1.svg', kind: 'video' },
      { url: '/demo-media/khong-ton-tai.jpg', kind: 'image' },
    ],
    ...overrides,
  });
  const [res] = mock.store.ingest([input]);
  return { id: res?.reportId ?? 0, externalId: input.externalId };
}

/** A page with a button that opens the drawer, as the map or the feed would. */
function Harness({ id, onClose = () => {} }: { id: number; onClose?: () => void }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <I18nProvider>
      <button type="button" onClick={() => setOpen(id)}>
        Mở phản ánh
      </button>
      <ReportDetailDrawer
        reportId={open}
        onClose={() => {
          onClose();
          setOpen(null);
        }}
      />
    </I18nProvider>
  );
}

async function openDrawer(id: number, onClose?: () => void) {
  render(<Harness id={id} onClose={onClose} />);
  await userEvent.click(screen.getByRole('button', { name: 'Mở phản ánh' }));
  const dialog = await screen.findByRole('dialog', { name: /Chi tiết phản ánh: / });
  return dialog;
}

describe('report detail drawer', { timeout: 30_000 }, () => {
  it('shows the timeline with who/when and the SLA rule that produced the due date, with a working-time countdown', async () => {
    const { id, externalId } = createReport();
    const agency = mock.store.meta().agencies[5];
    const later = (type: string, extra: Record<string, unknown>) => ({
      sourceEventId: `${externalId}-${type}-${Math.random()}`,
      externalId,
      type,
      at: new Date().toISOString(),
      actor: 'Nguyễn Văn Điều Phối',
      ...extra,
    });
    mock.store.ingest([later('assigned', { agencyId: agency?.id, coordinatingAgencyIds: [] })] as never);
    const detail = mock.store.getReport(id, { withReporter: false });
    expect(detail?.sla).not.toBeNull();

    const dialog = await openDrawer(id);
    await within(dialog).findByText('Xe tải đổ trộm phế thải xây dựng bên bờ sông Hương', { exact: false });
    // unit and category names come from the reference data, which may arrive after the report
    await within(dialog).findAllByText(agency?.name ?? '-', { exact: false });
    await vi.waitFor(() => expect(within(dialog).getByTestId('detail-sla').textContent).not.toContain(category()?.id ?? '-'), { timeout: STREAM_MS });
    const timeline = within(dialog).getByRole('region', { name: 'Diễn biến xử lý' });
    const entries = within(timeline).getAllByRole('listitem');
    expect(entries.map((e) => e.getAttribute('data-type'))).toEqual(detail?.events.map((e) => e.type));
    expect(entries[0]?.textContent).toContain('Tiếp nhận phản ánh qua Ứng dụng Hue-S');
    expect(entries[1]?.textContent).toContain(`Giao ${agency?.name} chủ trì xử lý`);
    expect(entries[1]?.textContent).toContain('bởi Nguyễn Văn Điều Phối');

    const sla = detail?.sla;
    const rule = within(dialog).getByTestId('detail-sla').textContent ?? '';
    expect(rule).toContain(`${sla?.amount} ${sla?.unit === 'working_days' ? 'ngày làm việc' : 'giờ làm việc'}`);
    expect(rule).toContain(sla?.source === 'category' ? category()?.name : 'theo quy định chung');
    expect(within(dialog).getByTestId('detail-countdown').textContent).toMatch(/^còn .+ làm việc$/);
    expect(within(dialog).getByText(agency?.name ?? '-')).toBeTruthy();
  });

  it('follows the report live: an event about it while open appears in the timeline', async () => {
    const { id, externalId } = createReport();
    const dialog = await openDrawer(id);
    await within(dialog).findByRole('region', { name: 'Diễn biến xử lý' });
    // the page around the drawer (KPI header, feed, map) has started the stream from its snapshot
    live.start(mock.store.latestSeq());
    await vi.waitFor(() => expect(live.getState().status).toBe('live'), { timeout: STREAM_MS });
    mock.store.ingest([
      { sourceEventId: `${externalId}-rej`, externalId, type: 'rejected', at: new Date().toISOString(), reason: 'Trùng với phản ánh đã có' },
    ] as never);
    await within(dialog).findByText('Lý do: Trùng với phản ánh đã có', {}, { timeout: STREAM_MS });
    expect(within(dialog).getByText('Vừa cập nhật')).toBeTruthy();
  });

  it('hides the reporter from a viewer who is not an operator, and never asks for it', async () => {
    const { id } = createReport();
    const dialog = await openDrawer(id);
    await within(dialog).findByTestId('detail-reporter-hidden');
    expect(within(dialog).getByText('Thông tin người phản ánh được bảo mật')).toBeTruthy();
    expect(dialog.textContent).not.toContain('Riêng Tư');
    expect(dialog.textContent).not.toContain('555');
    // not merely hidden: the server (here the mock) never sent it to a visitor
    await vi.waitFor(() => expect(detailReporter).toEqual([null]));
  });

  it('shows name and phone to an operator (signed in: the session cookie makes the request an operator\'s)', async () => {
    await signInAs('operator');
    const { id } = createReport();
    const dialog = await openDrawer(id);
    const who = await within(dialog).findByTestId('detail-reporter');
    expect(who.textContent).toContain('Phạm Thị Riêng Tư');
    expect(within(who).getByRole('link', { name: '0914 555 666' }).getAttribute('href')).toBe('tel:0914555666');
    expect(within(dialog).queryByText('Thông tin người phản ánh được bảo mật')).toBeNull();
    await vi.waitFor(() => expect(detailReporter).toEqual([{ name: 'Phạm Thị Riêng Tư', phone: '0914 555 666' }]));
  });

  it('gallery: arrow keys move between files, Esc closes the enlarged view only, missing media shows a placeholder', async () => {
    const onClose = vi.fn();
    const { id } = createReport();
    const dialog = await openDrawer(id, onClose);
    const gallery = await within(dialog).findByRole('group', { name: 'Thư viện hình ảnh và video' });
    const title = 'Xe tải đổ trộm phế thải xây dựng bên bờ sông Hương';
    expect(within(gallery).getByRole('img', { name: `Ảnh 1/3 của phản ánh: ${title} (Toàn cảnh)` })).toBeTruthy();
    expect(within(gallery).getByText('1/3')).toBeTruthy();

    await userEvent.click(within(gallery).getByRole('button', { name: 'Ảnh sau' }));
    expect(within(gallery).getByText('2/3')).toBeTruthy();
    expect(within(gallery).getByText('Video')).toBeTruthy();
    await userEvent.keyboard('{ArrowRight}');
    expect(within(gallery).getByText('3/3')).toBeTruthy();
    // the third file does not exist: the browser reports an error and a placeholder takes its place
    const broken = within(gallery).getByRole('img', { name: `Ảnh 3/3 của phản ánh: ${title}` });
    fireEvent.error(broken);
    expect(within(gallery).getByRole('img', { name: /Ảnh 3\/3 .* Không tải được tệp này/ })).toBeTruthy();
    await userEvent.keyboard('{ArrowRight}');
    expect(within(gallery).getByText('1/3')).toBeTruthy();
    await userEvent.keyboard('{ArrowLeft}');
    expect(within(gallery).getByText('3/3')).toBeTruthy();
    await userEvent.keyboard('{Home}');
    expect(within(gallery).getByText('1/3')).toBeTruthy();

    const opener = within(gallery).getByRole('button', { name: 'Phóng to' });
    await userEvent.click(opener);
    const viewer = within(gallery).getByRole('dialog');
    expect(document.activeElement).toBe(viewer);
    await userEvent.keyboard('{ArrowRight}');
    expect(within(viewer).getByText('2/3')).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    expect(within(gallery).queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog', { name: /Chi tiết phản ánh/ })).toBeTruthy();
  });

  it('is a labelled modal: focus moves in, Tab stays inside, Esc closes and focus returns to the opener', async () => {
    const { id } = createReport({ media: [] });
    const dialog = await openDrawer(id);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    await within(dialog).findByText('Phản ánh không có hình ảnh hay video.');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: /Đóng/ }));
    // Shift+Tab from the first control wraps to the last one inside the dialog
    await userEvent.tab({ shift: true });
    expect(dialog.contains(document.activeElement)).toBe(true);
    for (let i = 0; i < 12; i++) {
      await userEvent.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Mở phản ánh' }));
  });

  it('says so when the report does not exist', async () => {
    const dialog = await openDrawer(987_654);
    await within(dialog).findByText('Không tìm thấy phản ánh này.');
  });
});
