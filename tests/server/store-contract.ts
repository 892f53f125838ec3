import { describe, expect, it } from 'vitest';
import { createHistory } from '../../mocks/scenario/history';
import { eventInput, type EventInput } from '../../src/shared/contract/event';
import { IngestItemError, type Store } from '../../src/server/store/store';
import { oracleFigures, replayAll } from './backlog-oracle';
import { created, later } from './fixtures';
import { NOW } from './harness';

/**
 * The store interface's behaviour, run against every implementation (SQLite, PostgreSQL — issue 7): the same
 * inputs must give the same log, the same projections and the same figures, and the checks below are independent
 * of either implementation (replay of the log through the domain reducer, the brute-force backlog oracle).
 */
export interface OpenedStore {
  store: Store;
  close(): Promise<void>;
}

const parse = (raw: Record<string, unknown>): EventInput => eventInput.parse(raw);

export function storeContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`store contract (${name})`, () => {
    it('numbers events gap-free from 1 in the order given and answers a repeat with the original seq', async () => {
      const { store, close } = await open();
      try {
        expect(store.isEmpty()).toBe(true);
        expect(store.latestSeq()).toBe(0);
        const a = created();
        const b = created();
        const first = store.ingest([parse(a), parse(later(a.externalId, 'verified')), parse(b)], NOW);
        expect(first.map((r) => r.seq)).toEqual([1, 2, 3]);
        expect(first.every((r) => !r.duplicate)).toBe(true);
        expect(first[0]?.reportId).toBe(first[1]?.reportId);
        expect(first[2]?.reportId).not.toBe(first[0]?.reportId);
        // the same source events again (a source retrying after a lost acknowledgement): nothing new stored
        const again = store.ingest([parse(a), parse(b)], NOW);
        expect(again).toEqual([
          { sourceEventId: a.sourceEventId, seq: 1, reportId: first[0]?.reportId, duplicate: true },
          { sourceEventId: b.sourceEventId, seq: 3, reportId: first[2]?.reportId, duplicate: true },
        ]);
        expect(store.latestSeq()).toBe(3);
        expect(store.isEmpty()).toBe(false);
        expect([...store.allEvents()].map((e) => e.seq)).toEqual([1, 2, 3]);
      } finally {
        await close();
      }
    });

    it('stores a batch all or nothing and names the refused input', async () => {
      const { store, close } = await open();
      try {
        const ok = created();
        store.ingest([parse(ok)], NOW);
        const fresh = created();
        // the third input resolves a report that was never created
        const bad = [parse(created()), parse(later(fresh.externalId, 'verified')), parse(later('no-such-report', 'resolved', { resultText: 'Đã xử lý' }))];
        let thrown: unknown;
        try {
          store.ingest(bad, NOW);
        } catch (err) {
          thrown = err;
        }
        expect(thrown).toBeInstanceOf(IngestItemError);
        expect((thrown as IngestItemError).index).toBe(1);
        expect(store.latestSeq()).toBe(1);
        expect(store.listReports({ limit: 50 }, NOW).total).toBe(1);
        // and the next good batch continues the numbering without a gap
        expect(store.ingest([parse(created())], NOW).map((r) => r.seq)).toEqual([2]);
      } finally {
        await close();
      }
    });

    it('keeps the reporter apart: only a detail asked for with the reporter carries it', async () => {
      const { store, close } = await open();
      try {
        const a = created({ reporter: { name: 'Trần Thị Kín', phone: '0914 000 111' } });
        const [r] = store.ingest([parse(a)], NOW);
        const id = r?.reportId ?? 0;
        expect(store.getReport(id, { withReporter: true })?.reporter).toEqual({ name: 'Trần Thị Kín', phone: '0914 000 111' });
        const pub = store.getReport(id, { withReporter: false });
        expect(pub).not.toBeNull();
        expect(JSON.stringify(pub)).not.toContain('0914 000 111');
        expect(JSON.stringify(store.eventsAfter(0, 10))).not.toContain('Trần Thị Kín');
      } finally {
        await close();
      }
    });

    it('projects a generated history so that every report equals a replay of its log, and the backlog equals the brute-force oracle', async () => {
      const { store, close } = await open();
      try {
        const history = [...createHistory({ seed: 7, end: NOW, days: 20 }).events()].map((e) => eventInput.parse(e));
        for (let i = 0; i < history.length; i += 400) store.ingest(history.slice(i, i + 400), NOW);
        const log = [...store.allEvents()];
        expect(log.length).toBe(history.length);
        expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
        // live stream order and contents: eventsAfter pages join up to the whole log
        const streamed = [...store.eventsAfter(0, 100), ...store.eventsAfter(100, 100_000)];
        expect(streamed.map((e) => e.seq)).toEqual(log.map((e) => e.seq));

        const replayed = replayAll(log);
        expect(store.listReports({ limit: 1 }, NOW).total).toBe(replayed.size);
        for (const [id, report] of [...replayed].filter((_, i) => i % 7 === 0)) {
          const { events, ...doc } = store.getReport(id, { withReporter: false }) ?? { events: [] };
          expect(doc).toEqual(report);
          expect(events.map((e) => e.seq)).toEqual(log.filter((e) => e.reportId === id).map((e) => e.seq));
        }

        const from = NOW.getTime() - 30 * 86_400_000;
        const q = { from, to: NOW.getTime() + 86_400_000, agencyIds: null };
        const oracle = oracleFigures(log, q, NOW);
        const body = store.backlog.agencyStats({ from: new Date(from).toISOString(), to: new Date(q.to).toISOString() }, NOW);
        expect(body.totals.received).toBe(oracle.totals.received);
        expect(body.totals.open).toBe(oracle.totals.open);
        expect(body.totals.overdue).toBe(oracle.totals.overdue);
        expect(body.totals.onTime).toBe(oracle.totals.onTime);
        expect(body.totals.late).toBe(oracle.totals.late);
        for (const row of body.agencies) {
          const o = oracle.byAgency.get(row.agencyId ?? '');
          expect([row.agencyId, row.open, row.overdue, row.resolved]).toEqual([row.agencyId, o?.open ?? 0, o?.overdue ?? 0, o?.resolved ?? 0]);
        }
      } finally {
        await close();
      }
    });
  });
}
