import type { StoredEvent } from '../../src/shared/contract/event';
import type { Report } from '../../src/shared/contract/report';
import { cellKey, RollupAccumulator, rollupStep, ROLLUP_COUNTERS } from '../../src/shared/domain/rollup';
import type { OverdueSegment, RollupKey } from '../../src/shared/domain/rollup';

/** The rollup tables of decision 0004 in memory, maintained by the same pure step as the SQLite store's. */
export interface MemoryRollups {
  /** applies a committed batch's events (report before and after each) */
  apply(applied: readonly (readonly [Report | null, Report, StoredEvent])[]): void;
  cells(): Iterable<{ key: RollupKey; values: readonly number[] }>;
  handling(): Iterable<{ key: RollupKey; workingDays: number; n: number }>;
}

export function createMemoryRollups(): MemoryRollups {
  const cells = new Map<string, { key: RollupKey; values: number[] }>();
  const handling = new Map<string, { key: RollupKey; workingDays: number; n: number }>();
  const segments = new Map<number, OverdueSegment | null>();
  const acc = new RollupAccumulator();
  return {
    apply(applied) {
      for (const [prev, next, ev] of applied) {
        const step = rollupStep(prev, next, ev, segments.get(ev.reportId) ?? null);
        acc.add(step);
        segments.set(ev.reportId, step.segment);
      }
      for (const c of acc.changedCells()) {
        const k = cellKey(c.key);
        const cur = cells.get(k);
        if (cur) c.values.forEach((v, i) => (cur.values[i] = (cur.values[i] ?? 0) + v));
        else cells.set(k, { key: c.key, values: [...c.values] });
      }
      for (const h of acc.changedHandling()) {
        const k = `${cellKey(h.key)}\t${h.workingDays}`;
        const cur = handling.get(k);
        if (cur) cur.n += h.n;
        else handling.set(k, { ...h });
      }
      acc.clear();
    },
    cells: () => cells.values(),
    handling: () => handling.values(),
  };
}

export const COUNTERS = ROLLUP_COUNTERS;
