import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventInput, IngestResult } from '../../shared/contract/event';
import { ingestGroups } from './grouped-ingest';
import { BatchRefused, type ImportSink } from './sink';

const ev = (id: string): EventInput => ({ sourceEventId: id, externalId: id.split('/')[0] as string, type: 'started', at: '2024-01-01T00:00:00.000Z' });

/** A sink that refuses any batch holding an event whose id ends in '!' (nothing of that batch is stored). */
function fakeSink(maxBatch: number, maxBatchBytes = Number.MAX_SAFE_INTEGER) {
  const stored: string[] = [];
  const batches: string[][] = [];
  const sink: ImportSink = {
    kind: 'store',
    maxBatch,
    maxBatchBytes,
    ingest(events) {
      batches.push(events.map((e) => e.sourceEventId));
      if (events.length > maxBatch) throw new Error('batch too large');
      const bad = events.findIndex((e) => e.sourceEventId.endsWith('!'));
      if (bad >= 0) return Promise.reject(new BatchRefused(bad, 'refused'));
      const results: IngestResult[] = events.map((e) => {
        const duplicate = stored.includes(e.sourceEventId);
        if (!duplicate) stored.push(e.sourceEventId);
        return { sourceEventId: e.sourceEventId, seq: stored.indexOf(e.sourceEventId) + 1, reportId: 1, duplicate };
      });
      return Promise.resolve(results);
    },
    report: () => Promise.resolve(null),
  };
  return { sink, stored, batches };
}

describe('ingestGroups', () => {
  it('stores every good group whole, reports every refused group, and never splits a group across batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ size: fc.integer({ min: 1, max: 6 }), bad: fc.boolean() }), { maxLength: 30 }),
        fc.integer({ min: 6, max: 15 }),
        async (spec, maxBatch) => {
          const groups = spec.map((g, i) => ({ key: i, events: Array.from({ length: g.size }, (_, j) => ev(`g${i}/${j}${g.bad && j === g.size - 1 ? '!' : ''}`)) }));
          const { sink, stored, batches } = fakeSink(maxBatch);
          const out = await ingestGroups(sink, groups);
          expect(out.map((o) => o.key).sort((a, b) => a - b)).toEqual(groups.map((g) => g.key));
          for (const o of out) {
            const g = groups[o.key];
            expect(o.ok).toBe(!spec[o.key]?.bad);
            if (o.ok) expect(o.results.map((r) => r.sourceEventId)).toEqual(g?.events.map((e) => e.sourceEventId));
          }
          // the store holds exactly the good groups' events, once each
          const expected = groups.filter((_, i) => !spec[i]?.bad).flatMap((g) => g.events.map((e) => e.sourceEventId));
          expect([...stored].sort()).toEqual([...expected].sort());
          for (const b of batches) {
            expect(b.length).toBeLessThanOrEqual(maxBatch);
            // each group's events sit together, all of them
            const byGroup = new Map<string, number[]>();
            b.forEach((id, i) => byGroup.set(id.split('/')[0] as string, [...(byGroup.get(id.split('/')[0] as string) ?? []), i]));
            for (const [gid, idx] of byGroup) {
              expect(idx.length).toBe(groups[Number(gid.slice(1))]?.events.length);
              expect(idx.at(-1)! - idx[0]!).toBe(idx.length - 1);
            }
          }
        },
      ),
    );
  });

  it('packs by bytes too, and reports a group larger than one batch', async () => {
    const big = (i: number) => ({ key: i, events: [ev(`g${i}/${'x'.repeat(300)}`)] });
    const { sink, batches } = fakeSink(1000, 1000);
    const out = await ingestGroups(sink, [big(0), big(1), big(2), big(3), { key: 4, events: [ev(`g4/${'y'.repeat(2000)}`)] }]);
    expect(batches.map((b) => b.length)).toEqual([2, 2]);
    expect(out.find((o) => o.key === 4)).toMatchObject({ ok: false, reason: expect.stringMatching(/too large for one batch/) as unknown });
  });
});
