import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistory } from '../../../../mocks/scenario/history';
import type { Report } from '../../../shared/contract/report';
import { computeSummary } from '../../../shared/domain/summary';
import { replay } from '../../../shared/domain/workflow';
import { openSqliteStore, type SqliteStore } from '../sqlite-store';

// The KPI summary read from rollups + open-report counters (sqlite/summary-counts) against computeSummary over
// every report (the reference definition), for random clocks and periods whose bounds cut days anywhere.
const END = new Date('2024-03-15T09:30:00Z');
let dir: string;
let store: SqliteStore;
let reports: Report[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paht-summary-counts-'));
  store = openSqliteStore(join(dir, 'paht.sqlite'));
  const events = [...createHistory({ seed: 17, end: END, days: 70 }).events()];
  for (let i = 0; i < events.length; i += 1000) store.ingest(events.slice(i, i + 1000), END);
  reports = [...replay(store.allEvents()).values()];
}, 60_000);
afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const t0 = Date.parse('2023-12-20T00:00:00Z');
const span = Date.parse('2024-04-10T00:00:00Z') - t0;
// instants anywhere, or exactly on a local midnight (UTC+7), or a millisecond either side of one
const instant = fc.tuple(fc.integer({ min: 0, max: span }), fc.constantFrom(0, 1, 2, 3)).map(([x, mode]) => {
  const ms = t0 + x;
  if (mode === 0) return ms;
  const midnight = Math.floor((ms + 7 * 3_600_000) / 86_400_000) * 86_400_000 - 7 * 3_600_000;
  return midnight + (mode - 2);
});

describe('summary from rollups and open-report counters', () => {
  it('equals computeSummary for random clocks and periods', () => {
    const seq = store.latestSeq();
    let nonZero = 0;
    fc.assert(
      fc.property(instant, fc.option(instant), fc.option(instant), (now, from, to) => {
        const period: { from?: string; to?: string } = {};
        if (from !== null) period.from = new Date(from).toISOString();
        if (to !== null) period.to = new Date(to).toISOString();
        const actual = store.summary(new Date(now), period);
        expect(actual).toEqual(computeSummary(reports, new Date(now), seq, period));
        if (actual.receivedInPeriod > 0 && actual.resolvedInPeriod > 0 && actual.ratedInPeriod > 0) nonZero++;
      }),
      { numRuns: 300, seed: 99 },
    );
    // most periods held reports of every kind, or agreement proves little
    expect(nonZero).toBeGreaterThan(100);
  }, 60_000);
});
