import { describe, expect, it } from 'vitest';
import { eventInput } from '../src/shared/contract/event';
import type { EventInput } from '../src/shared/contract/event';
import { compareForList } from '../src/shared/domain/filter';
import { createMemoryStore, MockIngestError } from './memory-store';

const store = createMemoryStore({ days: 3 });
const categoryId = store.meta().categories[0]?.id ?? '';
let n = 0;
const created = (over: Record<string, unknown> = {}): EventInput => {
  n += 1;
  return eventInput.parse({
    type: 'created',
    sourceEventId: `mem-src-${n}`,
    externalId: `mem-ext-${n}`,
    at: new Date().toISOString(),
    title: 'Rác thải tồn đọng',
    categoryId,
    lat: 16.4637,
    lng: 107.5909,
    address: '1 Lê Lợi, Huế',
    reporter: { name: 'Nguyễn Văn A', phone: '0905 123 456' },
    ...over,
  }) as EventInput;
};

describe('memory store', () => {
  it('is seeded from the scenario with a gap-free log', () => {
    const seq = store.latestSeq();
    expect(seq).toBeGreaterThan(100);
    const all = store.eventsAfter(0, seq);
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
  });

  it('is idempotent on sourceEventId', () => {
    const input = created();
    const [first] = store.ingest([input]);
    const seq = store.latestSeq();
    const [again] = store.ingest([input]);
    expect(again).toEqual({ ...first, duplicate: true });
    expect(store.latestSeq()).toBe(seq);
  });

  it('stores a batch all-or-nothing and names the failing item', () => {
    const seq = store.latestSeq();
    const ok = created();
    const bad = created({ categoryId: 'no-such-category' });
    let thrown: unknown;
    try {
      store.ingest([ok, bad]);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(MockIngestError);
    expect((thrown as MockIngestError).index).toBe(1);
    expect(store.latestSeq()).toBe(seq);
    // the first item was not kept either: ingesting it now creates it afresh
    expect(store.ingest([ok])[0]?.duplicate).toBe(false);
  });

  it('pages with a keyset cursor through every matching report exactly once, in list order', () => {
    const total = store.listReports({ limit: 1 }).total;
    const seen: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = store.listReports({ limit: 37, cursor });
      seen.push(...page.items.map((r) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const all = store.listReports({ limit: 500 }).items;
    expect([...all].sort(compareForList).map((r) => r.id)).toEqual(all.map((r) => r.id));
  });

  it('shows the reporter only to operators', () => {
    const [res] = store.ingest([created()]);
    const id = res?.reportId ?? 0;
    expect(store.getReport(id, { withReporter: false })?.reporter).toBeUndefined();
    expect(store.getReport(id, { withReporter: true })?.reporter).toEqual({ name: 'Nguyễn Văn A', phone: '0905 123 456' });
    const detail = store.getReport(id, { withReporter: false });
    expect(detail?.events.map((e) => e.type)).toEqual(['created']);
    expect(JSON.stringify(detail?.events)).not.toContain('0905');
  });

  it('tells listeners about each stored batch, with the reports as they now are', () => {
    const got: number[] = [];
    const off = store.onIngested((evs) => got.push(...evs.map((e) => e.seq)));
    const [res] = store.ingest([created()]);
    off();
    expect(got).toEqual([res?.seq]);
  });
});
