import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistory } from '../../mocks/scenario/history';
import type { Report } from '../../src/shared/contract/report';
import { replay } from '../../src/shared/domain/workflow';
import { NOW, startTestServer, type TestServer } from './harness';

// The drill-down filter fields (ids, resolved/due/rated ranges, timeliness, rating), checked against a
// brute-force reading of the replayed event log written here, not against matchesFilter.
let s: TestServer;
let all: Report[];
beforeAll(async () => {
  s = await startTestServer();
  const events = [...createHistory({ seed: 23, end: NOW, days: 30 }).events()];
  for (let i = 0; i < events.length; i += 1000) expect((await s.ingest(events.slice(i, i + 1000))).status).toBe(201);
  all = [...replay(s.store.allEvents()).values()];
});
afterAll(async () => {
  await s.close();
});

const t = (iso: string | null) => (iso === null ? null : Date.parse(iso));
const inRange = (iso: string | null, from: string, to: string) => {
  const v = t(iso);
  return v !== null && v >= Date.parse(from) && v < Date.parse(to);
};

/** timeliness written out from its definition in DOMAIN.md / decision 0002, independently of timeliness.ts */
function judged(r: Report): string {
  if (r.status === 'rejected') return 'not_applicable';
  const due = t(r.dueAt);
  if (r.status !== 'resolved') return due !== null && NOW.getTime() > due ? 'overdue' : 'pending';
  const original = t(r.originalDueAt) ?? due;
  if (original === null) return 'on_time';
  const done = t(r.resolvedAt) as number;
  if (done <= original) return 'on_time';
  return done <= (due ?? original) ? 'late_extended' : 'late';
}

async function listIds(query: string): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const res = await s.get(`/api/v1/reports?${query}&limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, res.text).toBe(200);
    ids.push(...(res.body.items as Report[]).map((r) => r.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids.sort((a, b) => a - b);
}

const expected = (pred: (r: Report) => boolean) =>
  all
    .filter(pred)
    .map((r) => r.id)
    .sort((a, b) => a - b);

describe('drill-down filter fields of GET /api/v1/reports', () => {
  const from = '2024-03-01T00:00:00+07:00';
  const to = '2024-03-11T00:00:00+07:00';

  it('has a scenario that exercises every timeliness and rating', () => {
    const seen = new Set(all.map(judged));
    for (const v of ['on_time', 'late_extended', 'late', 'overdue', 'pending', 'not_applicable']) expect(seen, v).toContain(v);
    expect(new Set(all.map((r) => r.rating))).toEqual(new Set([null, 'satisfied', 'acceptable', 'unsatisfied']));
  });

  it('resolved, due and rated ranges', async () => {
    expect(await listIds(`resolvedFrom=${encodeURIComponent(from)}&resolvedTo=${encodeURIComponent(to)}`)).toEqual(
      expected((r) => r.status === 'resolved' && inRange(r.resolvedAt, from, to)),
    );
    expect(await listIds(`dueFrom=${encodeURIComponent(from)}&dueTo=${encodeURIComponent(to)}`)).toEqual(expected((r) => inRange(r.dueAt, from, to)));
    expect(await listIds(`ratedFrom=${encodeURIComponent(from)}&ratedTo=${encodeURIComponent(to)}&rating=unsatisfied`)).toEqual(
      expected((r) => r.rating === 'unsatisfied' && inRange(r.ratedAt, from, to)),
    );
    // one-sided bounds
    expect(await listIds(`resolvedFrom=${encodeURIComponent(to)}`)).toEqual(expected((r) => (t(r.resolvedAt) ?? -1) >= Date.parse(to)));
  });

  it('timeliness (judged at the server clock) and rating sets', async () => {
    for (const set of ['on_time', 'late_extended', 'late', 'overdue', 'pending', 'not_applicable', 'overdue,late', 'on_time,late_extended']) {
      const want = set.split(',');
      expect(await listIds(`timeliness=${set}`), set).toEqual(expected((r) => want.includes(judged(r))));
    }
    expect(await listIds('rating=satisfied,acceptable')).toEqual(expected((r) => r.rating === 'satisfied' || r.rating === 'acceptable'));
  });

  it('ids, combined with other fields', async () => {
    const pick = all.filter((_, i) => i % 37 === 0).map((r) => r.id);
    expect(await listIds(`ids=${pick.join(',')}`)).toEqual([...pick].sort((a, b) => a - b));
    const agency = all.find((r) => r.agencyId !== null)?.agencyId as string;
    expect(await listIds(`ids=${pick.join(',')}&agencyId=${agency}&timeliness=on_time`)).toEqual(
      expected((r) => pick.includes(r.id) && r.agencyId === agency && judged(r) === 'on_time'),
    );
  });

  it('refuses malformed values, naming the field', async () => {
    for (const [q, path] of [
      ['ids=1,x', 'ids.1'],
      ['ids=0', 'ids.0'],
      [`ids=${Array.from({ length: 501 }, (_, i) => i + 1).join(',')}`, 'ids'],
      ['timeliness=soon', 'timeliness.0'],
      ['rating=great', 'rating.0'],
      ['resolvedFrom=yesterday', 'resolvedFrom'],
      ['dueTo=2024-13-01', 'dueTo'],
    ] as const) {
      const res = await s.get(`/api/v1/reports?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.issues[0].path, q).toBe(path);
    }
  });
});
