import { describe, expect, it } from 'vitest';
import type { ScoringEvent } from './report-history';
import { DEFAULT_SCORING_CONFIG } from './formula';
import { createRankingCache, PROVISIONAL_MAX_AGE_MS, rankingFor } from './rankings-service';
import type { RankingSource } from './rankings-service';

/** A source over an in-memory log that counts how often the rankings read it. */
function source() {
  const log: ScoringEvent[] = [];
  let reads = 0;
  const src: RankingSource = {
    agencies: () => [{ id: 'a', name: 'A', shortName: 'A', kind: 'department', districtCode: null, parentId: null }],
    latestSeq: () => log.length,
    eventsForWindow: () => {
      reads += 1;
      return [log];
    },
    firstEventAt: () => log[0]?.at ?? null,
    earliestAtAfter: (seq) => log.slice(seq).reduce<string | null>((m, e) => (m === null || e.at < m ? e.at : m), null),
    getSnapshot: () => null,
    listSnapshots: () => [],
  };
  const add = (at: string) => log.push({ seq: log.length + 1, type: 'commented', reportId: 1, at, data: { author: 'centre' } });
  return { src, add, reads: () => reads };
}

describe('ranking cache', () => {
  it('keeps an ended quarter until a back-dated event arrives', () => {
    const { src, add, reads } = source();
    const cache = createRankingCache();
    const now = new Date('2026-10-21T03:00:00Z');
    add('2026-08-01T03:00:00Z');
    rankingFor(src, '2026-Q3', now, DEFAULT_SCORING_CONFIG, cache);
    const first = reads();
    rankingFor(src, '2026-Q3', now, DEFAULT_SCORING_CONFIG, cache);
    add('2026-10-20T03:00:00Z'); // dated after the quarter: cannot change it
    rankingFor(src, '2026-Q3', now, DEFAULT_SCORING_CONFIG, cache);
    expect(reads()).toBe(first);
    add('2026-09-15T03:00:00Z'); // back-dated into the quarter
    rankingFor(src, '2026-Q3', now, DEFAULT_SCORING_CONFIG, cache);
    expect(reads()).toBeGreaterThan(first);
  });

  it('recomputes the running quarter when the log changes, at most once a minute of clock time', () => {
    const { src, add, reads } = source();
    const cache = createRankingCache();
    const t0 = Date.parse('2026-10-21T03:00:00Z');
    add('2026-10-20T03:00:00Z');
    const q = (ms: number) => rankingFor(src, '2026-Q4', new Date(ms), DEFAULT_SCORING_CONFIG, cache);
    q(t0);
    const base = reads();
    q(t0);
    expect(reads()).toBe(base);
    add('2026-10-21T02:00:00Z');
    q(t0); // same instant, new data: computed again
    expect(reads()).toBe(base + 1);
    add('2026-10-21T02:30:00Z');
    expect(q(t0 + 30_000).asOf).toBe(new Date(t0).toISOString()); // within the minute: the earlier table, saying so
    expect(reads()).toBe(base + 1);
    q(t0 + PROVISIONAL_MAX_AGE_MS + 1);
    expect(reads()).toBe(base + 2);
  });
});
