import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHistory } from '../../mocks/scenario/history';
import { eventInput } from '../../src/shared/contract/event';
import { openSqliteStore, type ReplicatedEvent } from '../../src/server/store/sqlite-store';
import { IngestItemError } from '../../src/server/store/store';
import { created, later } from './fixtures';
import { NOW } from './harness';

// The read model of a node on the shared PostgreSQL log (decision 0013) is a SQLite store fed by replica.apply
// with the events another store's replica.dryRun numbered. It must end up identical to the store that ingested.
const dir = mkdtempSync(join(tmpdir(), 'paht-replica-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite read model fed from a log', () => {
  it('dry-runs a batch exactly as ingest numbers it, storing nothing', () => {
    const store = openSqliteStore(join(dir, 'dry.sqlite'));
    store.ingest([eventInput.parse(created())], NOW);
    const batch = [created(), created()].map((e) => eventInput.parse(e));
    const dry = store.replica.dryRun(batch, NOW);
    expect(store.latestSeq()).toBe(1);
    expect(store.listReports({ limit: 10 }, NOW).total).toBe(1);
    expect(dry.events.map((e) => e.seq)).toEqual([2, 3]);
    expect(dry.events[0]?.reporter).toEqual({ name: 'Nguyễn Văn Bí Mật', phone: '0905 123 456' });
    expect(store.ingest(batch, NOW)).toEqual(dry.results);
    // a refused batch is refused by the dry run the same way, and leaves nothing behind either
    expect(() => store.replica.dryRun([eventInput.parse(created()), eventInput.parse(later('missing', 'verified'))], NOW)).toThrow(IngestItemError);
    expect(store.latestSeq()).toBe(3);
    store.close();
  });

  it('applies numbered events into a second store that then answers like the store that ingested them', () => {
    const origin = openSqliteStore(join(dir, 'origin.sqlite'));
    const copy = openSqliteStore(join(dir, 'copy.sqlite'));
    const history = [...createHistory({ seed: 11, end: NOW, days: 15 }).events()].map((e) => eventInput.parse(e));
    for (let i = 0; i < history.length; i += 300) {
      const batch = history.slice(i, i + 300);
      const { events } = origin.replica.dryRun(batch, NOW);
      origin.ingest(batch, NOW);
      copy.replica.apply(events);
    }
    expect(copy.latestSeq()).toBe(origin.latestSeq());
    expect([...copy.allEvents()]).toEqual([...origin.allEvents()]);
    const period = { from: new Date(NOW.getTime() - 20 * 86_400_000).toISOString(), to: NOW.toISOString() };
    expect(copy.backlog.agencyStats(period, NOW)).toEqual(origin.backlog.agencyStats(period, NOW));
    expect(copy.summary(NOW, {})).toEqual(origin.summary(NOW, {}));
    expect(copy.listReports({ limit: 100 }, NOW)).toEqual(origin.listReports({ limit: 100 }, NOW));
    const some = origin.listReports({ limit: 20 }, NOW).items.map((r) => r.id);
    for (const id of some) expect(copy.getReport(id, { withReporter: true })).toEqual(origin.getReport(id, { withReporter: true }));
    expect(copy.replica.sourceEventIdOf(5)).toBe(origin.replica.sourceEventIdOf(5));
    origin.close();
    copy.close();
  });

  it('refuses an event that does not follow its newest seq (a missed or repeated event)', () => {
    const origin = openSqliteStore(join(dir, 'gap-origin.sqlite'));
    const copy = openSqliteStore(join(dir, 'gap-copy.sqlite'));
    const a = created();
    const { events } = origin.replica.dryRun([eventInput.parse(a), eventInput.parse(later(a.externalId, 'verified'))], NOW);
    const [first, second] = events as [ReplicatedEvent, ReplicatedEvent];
    expect(() => copy.replica.apply([second])).toThrow(/does not follow/);
    copy.replica.apply([first]);
    expect(() => copy.replica.apply([first])).toThrow(/does not follow/);
    expect(copy.latestSeq()).toBe(1);
    origin.close();
    copy.close();
  });
});
