import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../lib/i18n/i18n-context';
import { setupMockApi } from '../../../test/mock-api';
import { signInAs } from '../../../test/session';
import { rankingFor } from '../../../../shared/domain/scoring/rankings-service';
import { DEFAULT_SCORING_CONFIG } from '../../../../shared/domain/scoring/formula';
import { RankingsPage } from './rankings-page';

// three weeks into Q4 2026, with the second half of Q3 in the memory store
const NOW = new Date('2026-10-21T03:00:00.000Z');
const mock = setupMockApi({ days: 60, now: () => NOW });

const page = (quarter: string | null = '2026-Q3') =>
  render(
    <I18nProvider>
      <RankingsPage quarter={quarter} onQuarterChange={() => {}} />
    </I18nProvider>,
  );

describe('rankings page', () => {
  it('shows every ranked unit in rank order with its components next to its score, and the unranked apart', async () => {
    const api = rankingFor(mock.store.rankings, '2026-Q3', NOW, DEFAULT_SCORING_CONFIG);
    const ranked = api.units.filter((u) => u.ranked);
    const unranked = api.units.filter((u) => !u.ranked);
    expect(ranked.length).toBeGreaterThan(3);
    expect(unranked.length).toBeGreaterThan(0);
    const { unmount } = page();
    const table = await screen.findByRole('table', {}, { timeout: 8000 });
    expect(screen.getByRole('heading', { level: 2, name: /^Xếp hạng thi đua/ }).textContent).toBe('Xếp hạng thi đua Quý 3/2026');
    expect(screen.getByText('Chưa chốt')).toBeTruthy();
    // a visitor (public view) reads the ranking but is not offered to freeze it
    expect(screen.queryByRole('button', { name: 'Chốt xếp hạng quý' })).toBeNull();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-agency'))).toEqual(ranked.map((u) => u.agencyId));
    const first = ranked[0];
    if (!first) throw new Error('no ranked unit');
    const cells = within(rows[0] as HTMLElement).getAllByRole('cell');
    expect(cells[1]?.textContent).toContain(first.name);
    expect(cells[2]?.textContent).toBe((first.score as number).toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    expect(cells[3]?.textContent).toContain(`${first.components.onTime.numerator}/${first.components.onTime.denominator}`);
    // the formula with its weights, in words and numbers
    expect(screen.getByText(/0,4 × Đúng hạn \+ 0,3 × Hài lòng \+ 0,2 × Giải quyết \+ 0,1 × Tương tác/)).toBeTruthy();
    // units below the minimum volume are listed, not ranked
    const list = screen.getByRole('heading', { name: new RegExp(`Chưa xếp hạng \\(${unranked.length} đơn vị\\)`) });
    expect(list).toBeTruthy();
    // a group tab ranks within the group
    await userEvent.click(screen.getByRole('tab', { name: 'UBND cấp xã' }));
    const communes = ranked.filter((u) => u.group === 'commune_pc');
    const groupRows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(groupRows.map((r) => r.getAttribute('data-agency'))).toEqual(communes.map((u) => u.agencyId));
    expect(within(groupRows[0] as HTMLElement).getAllByRole('cell')[0]?.textContent).toMatch(/^1/);
    unmount();
  }, 20_000);

  it('finalises after confirmation, then reports how today’s data differs', async () => {
    const user = userEvent.setup();
    // Home Affairs freezes quarters (rankings.finalise); the session cookie is what the server checks
    await signInAs('home_affairs');
    const { unmount } = page();
    await user.click(await screen.findByRole('button', { name: 'Chốt xếp hạng quý' }, { timeout: 8000 }));
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Người chốt (họ tên, đơn vị)'), 'Lê Văn Nội Vụ');
    await user.click(within(dialog).getByRole('button', { name: 'Chốt' }));
    await vi.waitFor(() => expect(screen.getByText('Đã chốt')).toBeTruthy(), { timeout: 20_000 });
    expect(screen.getByText(/Chốt bởi Lê Văn Nội Vụ/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Chốt xếp hạng quý' })).toBeNull();
    unmount();

    // a late, back-dated rating for a report a unit resolved in Q3
    const resolved = mock.store
      .listReports({ limit: 500, status: ['resolved'], resolvedFrom: '2026-08-01T00:00:00+07:00', resolvedTo: '2026-09-20T00:00:00+07:00' } as never)
      .items.find((r) => r.rating === null);
    if (!resolved) throw new Error('no unrated Q3 report');
    mock.store.ingest([{ type: 'rated', rating: 'unsatisfied', sourceEventId: 'late-rating', externalId: resolved.externalId, at: new Date(Date.parse(resolved.resolvedAt as string) + 60_000).toISOString() }], NOW);
    page();
    const notice = await screen.findByText(/Tính lại từ dữ liệu hiện tại cho kết quả khác ở 1 đơn vị/, {}, { timeout: 8000 });
    expect(notice.closest('[role="status"]')?.textContent).toContain('Hài lòng');
  }, 45_000);
});
