import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistory } from '../../mocks/scenario/history';
import { reportListQuery } from '../../src/shared/contract/api';
import { agencyStatsQuery, overdueQueueQuery } from '../../src/shared/contract/backlog';
import { dueSoonQuery, feedQuery } from '../../src/shared/contract/feed';
import { hotspotsQuery } from '../../src/shared/contract/hotspots';
import { mapPointsQuery } from '../../src/shared/contract/map';
import { breakdownQuery, kpisQuery, timeseriesQuery } from '../../src/shared/contract/stats';
import { DEFAULT_ESCALATION_THRESHOLDS } from '../../src/shared/domain/escalation';
import { createReadPool, localReads, type Reads } from '../../src/server/store/read-pool';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import { created } from './fixtures';
import { NOW } from './harness';

// The statistics and list endpoints run on read workers (decision 0012): a worker's answer must be the one the
// writer's own connection gives, errors included, and an acknowledged ingest must be visible to the next read.
let dir: string;
let store: Store;
let pool: Reads;
let local: Reads;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paht-read-pool-'));
  const file = join(dir, 'store.sqlite');
  store = openSqliteStore(file);
  const events = [...createHistory({ seed: 61, end: NOW, days: 45 }).events()];
  for (let i = 0; i < events.length; i += 1000) store.ingest(events.slice(i, i + 1000), NOW);
  local = localReads(store);
  pool = await createReadPool({ file, size: 2 });
}, 60_000);
afterAll(async () => {
  await pool.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const from = '2024-02-01T00:00:00+07:00';
const to = '2024-03-15T00:00:00+07:00';

describe('read workers', () => {
  it('answer every read exactly as the writer connection does', async () => {
    const agencyId = store.listReports(reportListQuery.parse({ limit: '1', status: 'resolved' }), NOW).items[0]?.agencyId ?? undefined;
    expect(agencyId).toBeDefined();
    const cases: [string, (r: Reads) => Promise<unknown>][] = [
      ['listReports', (r) => r.listReports(reportListQuery.parse({ limit: '50', agencyId }), NOW)],
      ['listReports overdue', (r) => r.listReports(reportListQuery.parse({ limit: '20', bucket: 'overdue' }), NOW)],
      ['summary', (r) => r.summary(NOW, {})],
      ['mapPoints', (r) => r.mapPoints(mapPointsQuery.parse({}), NOW)],
      ['districtStats', (r) => r.districtStats(reportListQuery.parse({}), NOW)],
      ['statsKpis', (r) => r.statsKpis(kpisQuery.parse({ from, to }), NOW)],
      ['statsTimeseries', (r) => r.statsTimeseries(timeseriesQuery.parse({ from, to, interval: 'week' }), NOW)],
      ['statsBreakdown', (r) => r.statsBreakdown(breakdownQuery.parse({ from, to, by: 'agency' }), NOW)],
      ['hotspots', (r) => r.hotspots(hotspotsQuery.parse({ from, to }), NOW)],
      ['recentEvents', (r) => r.recentEvents(feedQuery.parse({}))],
      ['dueSoon', (r) => r.dueSoon(NOW, dueSoonQuery.parse({}))],
      ['agencyStats', (r) => r.agencyStats(agencyStatsQuery.parse({ from, to }), NOW)],
      ['overdueQueue', (r) => r.overdueQueue(overdueQueueQuery.parse({}), NOW, DEFAULT_ESCALATION_THRESHOLDS)],
    ];
    for (const [name, run] of cases) {
      const [a, b] = await Promise.all([run(local), run(pool)]);
      expect(b, name).toEqual(a);
    }
    // the figures are not empty: the comparison above compared something
    expect((await pool.agencyStats(agencyStatsQuery.parse({ from, to }), NOW)).totals.received).toBeGreaterThan(100);
  });

  it('sees an acknowledged ingest on the very next read', async () => {
    const before = (await pool.summary(NOW, {})).seq;
    const input = created({ at: '2024-03-15T06:50:00.000Z' });
    const [result] = store.ingest([{ ...input, media: [] } as never], NOW);
    expect(result?.seq).toBe(before + 1);
    const after = await pool.summary(NOW, {});
    expect(after.seq).toBe(before + 1);
    const found = await pool.listReports(reportListQuery.parse({ q: 'Lê Lợi', limit: '200' }), NOW);
    expect(found.items.some((r) => r.id === result?.reportId)).toBe(true);
  });

  it('fails a bad call the way the local read fails it', async () => {
    const bad = reportListQuery.parse({ cursor: 'not-a-cursor' });
    const l = await local.listReports(bad, NOW).then(() => null, (e: unknown) => e as { name: string; status?: number; message: string });
    const p = await pool.listReports(bad, NOW).then(() => null, (e: unknown) => e as { name: string; status?: number; message: string });
    expect(l).not.toBeNull();
    expect(p).toMatchObject({ name: l?.name, status: l?.status, message: l?.message });
  });

  it('refuses to write through a read-only connection', () => {
    const ro = openSqliteStore(join(dir, 'store.sqlite'), { readOnly: true });
    try {
      expect(() => ro.ingest([created() as never], NOW)).toThrow(/readonly/i);
    } finally {
      ro.close();
    }
  });
});
