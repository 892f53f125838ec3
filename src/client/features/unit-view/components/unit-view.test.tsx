import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { scoreComponentKeys } from '../../../../shared/contract/rankings';
import type { Report } from '../../../../shared/contract/report';
import { DEFAULT_SCORING_CONFIG } from '../../../../shared/domain/scoring/formula';
import { quarterBounds, quarterOf } from '../../../../shared/domain/scoring/quarter';
import { rankingFor } from '../../../../shared/domain/scoring/rankings-service';
import { periodFiguresOf } from '../../../../shared/domain/stats';
import { isOverdue } from '../../../../shared/domain/timeliness';
import { createFormatters } from '../../../lib/i18n/format';
import { I18nProvider } from '../../../lib/i18n/i18n-context';
import { setupMockApi } from '../../../test/mock-api';
import { UnitView } from './unit-view';

const mock = setupMockApi({ days: 75 });
const fmt = createFormatters('vi');

// every response body the page receives, to check that no reporter identity ever reaches a unit head
const bodies: Promise<string>[] = [];
const collect = ({ response }: { response: Response }) => {
  bodies.push(response.clone().text());
};
mock.server.events.on('response:mocked', collect);
afterAll(() => {
  mock.server.events.removeListener('response:mocked', collect);
});

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

/** median written out here, independently of the page's model */
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

describe('/units/:id (unit-head view)', () => {
  it('shows the rank, the components against the group median, the backlog with reminder history and satisfaction — and no reporter', async () => {
    const now = mock.store.now();
    const quarter = quarterOf(now);
    const ranking = rankingFor(mock.store.rankings, quarter, now, DEFAULT_SCORING_CONFIG);
    const reports = allReports();
    // a ranked unit with overdue, reminded reports: the page has something to show in every section
    const unit = ranking.units
      .filter((u) => u.ranked)
      .sort((a, b) => reports.filter((r) => r.agencyId === b.agencyId && r.reminderCount > 0 && isOverdue(r, now)).length - reports.filter((r) => r.agencyId === a.agencyId && r.reminderCount > 0 && isOverdue(r, now)).length)[0];
    expect(unit).toBeDefined();
    if (!unit) return;
    const mine = reports.filter((r) => r.agencyId === unit.agencyId);
    expect(mine.some((r) => r.reminderCount > 0 && isOverdue(r, now))).toBe(true);

    render(
      <MemoryRouter initialEntries={[`/units/${unit.agencyId}`]}>
        <I18nProvider>
          <UnitView agencyId={unit.agencyId} hrefOf={(id) => `/units/${id}`} />
        </I18nProvider>
      </MemoryRouter>,
    );
    expect((await screen.findByTestId('unit-name', {}, { timeout: 10_000 })).textContent).toBe(unit.name);

    // rank: of the ranked units, overall and in the group
    const ranked = ranking.units.filter((u) => u.ranked);
    await vi.waitFor(() => expect(screen.getByTestId('unit-rank-overall').textContent).toBe(`${unit.rank}/${ranked.length}`), { timeout: 15_000 });
    expect(screen.getByTestId('unit-rank-group').textContent).toBe(`${unit.groupRank}/${ranked.filter((u) => u.group === unit.group).length}`);
    expect(screen.getByTestId('unit-rank-score').textContent).toBe(fmt.number(unit.score ?? NaN));

    // components against the median of the group's ranked units
    await vi.waitFor(() => expect(screen.getByTestId('unit-components')).toBeTruthy(), { timeout: 10_000 });
    for (const key of scoreComponentKeys) {
      const rate = unit.components[key].rate;
      expect(screen.getByTestId(`unit-component-${key}-rate`).textContent, key).toBe(rate === null ? 'chưa có' : fmt.percent(rate));
      const m = median(ranked.filter((u) => u.group === unit.group).map((u) => u.components[key].rate).filter((r): r is number => r !== null));
      expect(screen.getByTestId(`unit-component-${key}-median`).textContent, key).toBe(m === null ? 'chưa có' : fmt.percent(m));
    }

    // backlog: open and overdue now; the worklist starts with the overdue ones
    const overdue = mine.filter((r) => isOverdue(r, now));
    const open = mine.filter((r) => ['assigned', 'in_progress', 'reopened'].includes(r.status));
    await vi.waitFor(() => expect(screen.getByTestId('unit-backlog-overdue').textContent).toBe(fmt.number(overdue.length)), { timeout: 10_000 });
    expect(screen.getByTestId('unit-backlog-open').textContent).toBe(fmt.number(open.length));
    const rows = screen.getByTestId('unit-worklist').querySelectorAll('tbody tr[data-report]');
    expect(rows.length).toBe(Math.min(100, open.length));
    const overdueIds = new Set(overdue.map((r) => r.id));
    [...rows].slice(0, overdue.length).forEach((row) => expect(overdueIds.has(Number(row.getAttribute('data-report')))).toBe(true));

    // reminder history of a reminded report = its `reminded` events
    const reminded = overdue.find((r) => r.reminderCount > 0) as Report;
    const row = screen.getByTestId('unit-worklist').querySelector(`tr[data-report="${reminded.id}"]`) as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Lịch sử nhắc việc' }));
    const history = await screen.findByTestId(`unit-reminders-${reminded.id}`, {}, { timeout: 10_000 });
    const events = mock.store.getReport(reminded.id, { withReporter: false })?.events.filter((e) => e.type === 'reminded') ?? [];
    expect(events.length).toBe(reminded.reminderCount);
    expect(history.querySelectorAll('li')).toHaveLength(events.length);

    // satisfaction in the quarter (from "chấp nhận" upward) and the unsatisfied results
    const q = quarterBounds(quarter);
    const f = periodFiguresOf(mine, q.from.toISOString(), q.to.toISOString(), now);
    await vi.waitFor(() => expect(screen.getByTestId('unit-satisfaction-rate').textContent).toBe(f.rated === 0 ? '—' : fmt.percent(f.satisfied / f.rated)), { timeout: 10_000 });
    const unsatisfied = mine.filter((r) => r.rating === 'unsatisfied' && r.ratedAt !== null && Date.parse(r.ratedAt) >= q.from.getTime() && Date.parse(r.ratedAt) < q.to.getTime());
    expect(screen.getByTestId('unit-unsatisfied-count').textContent).toBe(fmt.number(unsatisfied.length));

    // no reporter identity in what the page shows or in anything the API sent it
    const identities = mine.flatMap((r) => {
      const who = mock.store.getReport(r.id, { withReporter: true })?.reporter;
      return who ? [who.name, who.phone] : [];
    });
    expect(identities.length).toBeGreaterThan(10);
    const page = document.body.textContent ?? '';
    const sent = (await Promise.all(bodies)).join('\n');
    expect(sent).toContain(reminded.title);
    for (const s of identities) {
      expect(page.includes(s), s).toBe(false);
      expect(sent.includes(s), s).toBe(false);
    }
  }, 60_000);

  it('lists units by group and finds one by name without diacritics', async () => {
    render(
      <MemoryRouter initialEntries={['/units']}>
        <I18nProvider>
          <UnitView agencyId={null} hrefOf={(id) => `/units/${id}`} />
        </I18nProvider>
      </MemoryRouter>,
    );
    const input = await screen.findByRole('combobox');
    await vi.waitFor(() => expect(screen.getAllByRole('link').length).toBe(mock.store.meta().agencies.length), { timeout: 10_000 });
    fireEvent.change(input, { target: { value: 'phu vang' } });
    const options = screen.getAllByRole('option');
    const expected = mock.store.meta().agencies.filter((a) => /Phú Vang/.test(`${a.name} ${a.shortName}`));
    expect(options.length).toBe(Math.min(12, expected.length));
    expect(options[0]?.textContent).toContain('Phú Vang');
  });
});
