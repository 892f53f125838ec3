import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistory } from '../../mocks/scenario/history';
import type { Report } from '../../src/shared/contract/report';
import { reportListQuery, type ReportFilter } from '../../src/shared/contract/api';
import { compareForList, matchesFilter } from '../../src/shared/domain/filter';
import { foldText } from '../../src/shared/domain/text';
import { replay } from '../../src/shared/domain/workflow';
import { created } from './fixtures';
import { NOW, startTestServer, type TestServer } from './harness';

let s: TestServer;
let all: Report[];
beforeAll(async () => {
  s = await startTestServer();
  const events = [...createHistory({ seed: 11, end: NOW, days: 12 }).events()];
  for (let i = 0; i < events.length; i += 1000) expect((await s.ingest(events.slice(i, i + 1000))).status).toBe(201);
  // reports with diacritics-heavy text to search for
  for (const [title, address] of [
    ['Rác thải đổ trộm bên bờ sông Hương', '5 Nguyễn Huệ'],
    ['Đèn đường hư hỏng', '20 Đống Đa, gần rác thải'],
    ['Cây xanh ngã đổ', '1 Trần Hưng Đạo'],
    ['50% vỉa hè bị lấn chiếm_', '2 Hùng Vương'],
  ]) {
    expect((await s.ingest(created({ title, address, description: '' }))).status).toBe(201);
  }
  all = [...replay(s.store.allEvents()).values()];
});
afterAll(async () => {
  await s.close();
});

const qs = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

/** every page of the list for `params`, following nextCursor */
async function pages(params: Record<string, string | number | undefined>) {
  const ids: number[] = [];
  const totals = new Set<number>();
  let cursor: string | undefined;
  let guard = 0;
  do {
    const res = await s.get(`/api/v1/reports?${qs({ ...params, cursor })}`);
    expect(res.status, res.text).toBe(200);
    ids.push(...(res.body.items as Report[]).map((r) => r.id));
    totals.add(res.body.total as number);
    cursor = res.body.nextCursor ?? undefined;
    if (++guard > 1000) throw new Error('cursor does not end');
  } while (cursor);
  return { ids, totals: [...totals] };
}

function oracle(params: Record<string, string | undefined>): number[] {
  const { limit: _l, cursor: _c, ...filter } = reportListQuery.parse(params);
  return all.filter((r) => matchesFilter(r, filter as ReportFilter, NOW)).sort(compareForList).map((r) => r.id);
}

describe('GET /api/v1/reports', () => {
  it('has a scenario to test against', () => {
    expect(all.length).toBeGreaterThan(400);
    expect(new Set(all.map((r) => r.status)).size).toBeGreaterThanOrEqual(4);
    expect(all.some((r) => matchesFilter(r, { overdue: true }, NOW))).toBe(true);
  });

  it('agrees with matchesFilter for every filter and combination, across cursor pages', async () => {
    const sample = all[Math.floor(all.length / 3)] as Report;
    const resolved = all.find((r) => r.status === 'resolved' && r.agencyId) as Report;
    const word = foldText(sample.title).split(' ').find((w) => w.length > 3) ?? 'duong';
    const cases: Record<string, string | undefined>[] = [
      {},
      { status: 'received' },
      { status: 'assigned,in_progress,reopened' },
      { status: 'resolved', agencyId: resolved.agencyId ?? undefined },
      { agencyId: sample.agencyId ?? undefined },
      { categoryId: sample.categoryId },
      { districtCode: sample.districtCode ?? undefined },
      { wardCode: sample.wardCode ?? undefined },
      { overdue: 'true' },
      { overdue: 'false' },
      { overdue: 'true', districtCode: '474' },
      { from: '2024-03-10T00:00:00+07:00' },
      { to: '2024-03-08T00:00:00Z' },
      { from: sample.receivedAt, to: '2024-03-14T17:00:00Z' },
      { q: word },
      { q: `${word} ${foldText(sample.address).split(' ')[1] ?? ''}` },
      { q: 'rác thải' },
      { q: '50%' },
      { q: 'chiếm_' },
      { q: 'no-such-text-anywhere' },
      { status: 'resolved,rejected', overdue: 'false', categoryId: sample.categoryId, from: '2024-03-05T00:00:00Z' },
    ];
    for (const c of cases) {
      const expected = oracle(c);
      for (const limit of [7, 500]) {
        const got = await pages({ ...c, limit });
        expect(got.ids, JSON.stringify(c)).toEqual(expected);
        expect(got.totals, JSON.stringify(c)).toEqual([expected.length]);
      }
    }
  });

  it('matches Vietnamese text with or without diacritics', async () => {
    const withMarks = await pages({ q: 'rác thải', limit: 500 });
    const without = await pages({ q: 'RAC THAI', limit: 500 });
    expect(withMarks.ids.length).toBeGreaterThanOrEqual(2);
    expect(without.ids).toEqual(withMarks.ids);
    const dd = await pages({ q: 'dong da', limit: 500 });
    expect(dd.ids).toEqual((await pages({ q: 'Đống Đa', limit: 500 })).ids);
    expect(dd.ids.length).toBeGreaterThanOrEqual(1);
  });

  it('pages newest first with every report exactly once, and stamps the seq of the snapshot', async () => {
    const res = await s.get('/api/v1/reports?limit=3');
    expect(res.body.items).toHaveLength(3);
    expect(res.body.total).toBe(all.length);
    expect(res.body.seq).toBe(s.store.latestSeq());
    const { ids } = await pages({ limit: 13 });
    expect(new Set(ids).size).toBe(all.length);
    expect(ids).toEqual([...all].sort(compareForList).map((r) => r.id));
  });

  it('refuses bad query values with the parameter named', async () => {
    for (const [query, path] of [
      ['status=open', 'status'],
      ['overdue=yes', 'overdue'],
      ['from=yesterday', 'from'],
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
    ]) {
      const res = await s.get(`/api/v1/reports?${query}`);
      expect(res.status, query).toBe(400);
      // a list parameter's issue may name the item (`status.0`)
      expect(res.body.issues.map((i: { path: string }) => i.path.split('.')[0])).toContain(path);
    }
  });
});
