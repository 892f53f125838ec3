import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedHistory } from '../../src/server/demo/seed';
import { startSimulator } from '../../src/server/demo/simulator';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import { replay } from '../../src/shared/domain/workflow';
import { waitFor } from './harness';

let dir: string | null = null;
let store: Store | null = null;
afterEach(() => {
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  store = null;
  dir = null;
});
const freshStore = () => {
  dir = mkdtempSync(join(tmpdir(), 'paht-demo-test-'));
  store = openSqliteStore(join(dir, 'demo.sqlite'));
  return store;
};

describe('demo data', () => {
  it('seeds the scenario through the ingest path without refusals', () => {
    const s = freshStore();
    const now = new Date();
    const r = seedHistory(s, { seed: 3, now, days: 8, batchSize: 250 });
    expect(r.skipped).toBe(0);
    expect(r.events).toBe(s.latestSeq());
    expect(s.isEmpty()).toBe(false);
    const summary = s.summary(now, {});
    expect(summary.receivedInPeriod + summary.beingHandled).toBeGreaterThan(0);
    expect(replay(s.allEvents()).size).toBe(s.listReports({ limit: 1 }, now).total);
  });

  it('runs the simulator on top of the seeded reports, announcing what it stored', async () => {
    const s = freshStore();
    seedHistory(s, { seed: 4, now: new Date(), days: 3 });
    const before = s.latestSeq();
    let notified = 0;
    // fast enough that a few real seconds bring several events
    const sim = startSimulator({ store: s, clock: () => new Date(), seed: 4, speed: 20_000, tickMs: 25, onIngested: () => notified++ });
    try {
      await waitFor(() => s.latestSeq() > before + 3, 15_000, 'simulated events');
    } finally {
      sim.stop();
    }
    expect(notified).toBeGreaterThan(0);
    const after = s.latestSeq();
    await new Promise((r) => setTimeout(r, 100));
    expect(s.latestSeq()).toBe(after);
    // the continuation is consistent with the log
    const reports = replay(s.allEvents());
    for (const r of s.openReports()) expect(reports.get(r.id)).toEqual(r);
  });
});
