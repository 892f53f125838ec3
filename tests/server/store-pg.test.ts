import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { eventInput } from '../../src/shared/contract/event';
import { openPgStore } from '../../src/server/store/pg-store';
import { freshDatabase } from '../support/pg';
import { created, later, reference } from './fixtures';
import { NOW, waitFor } from './harness';
import { storeContract } from './store-contract';

// The shared store suite on PostgreSQL (issue 7), then what only the shared log has: several nodes writing at
// once, read models that converge, a read model that belongs to another log, the NOTIFY-driven follower.
const dir = mkdtempSync(join(tmpdir(), 'paht-pg-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const replicaFile = () => join(dir, `replica-${++n}.sqlite`);

storeContract('PostgreSQL', async () => {
  const database = await freshDatabase();
  const store = openPgStore({ url: database.url, replicaFile: replicaFile() });
  return {
    store,
    close: async () => {
      store.close();
      await database.drop();
    },
  };
});

async function logOf(url: string): Promise<{ seq: number; source: string }[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ seq: string; source_event_id: string }>('SELECT seq, source_event_id FROM events ORDER BY seq');
    return r.rows.map((row) => ({ seq: Number(row.seq), source: row.source_event_id }));
  } finally {
    await c.end();
  }
}

describe('PostgreSQL store: several nodes on one log', () => {
  it('numbers events gap-free while two processes write at once, and every read model converges to the log', async () => {
    const database = await freshDatabase();
    try {
      // two writer processes, each its own store (connection, advisory lock, read model), 40 batches of 25 each
      const run = (name: string) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', 'tests/server/support/pg-writer.ts', database.url, join(dir, `writer-${name}.sqlite`), name, '40', '25'], {
            stdio: ['ignore', 'inherit', 'inherit'],
          });
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${name} exited with ${code}`))));
        });
      await Promise.all([run('a'), run('b')]);
      const log = await logOf(database.url);
      expect(log.length).toBe(2 * 40 * 25);
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
      expect(new Set(log.map((e) => e.source)).size).toBe(log.length);
      // both writers really interleaved (otherwise this test proves nothing about concurrency)
      const switches = log.filter((e, i) => i > 0 && e.source.split('-')[1] !== log[i - 1]?.source.split('-')[1]).length;
      expect(switches).toBeGreaterThan(2);

      // a third node starting now builds its read model from the log and agrees with the log event for event
      const reader = openPgStore({ url: database.url, replicaFile: replicaFile() });
      try {
        expect(reader.latestSeq()).toBe(log.length);
        expect([...reader.allEvents()].map((e) => e.seq)).toEqual(log.map((e) => e.seq));
        expect(reader.listReports({ limit: 1 }, NOW).total).toBe(2 * 40 * 5);
      } finally {
        reader.close();
      }
    } finally {
      await database.drop();
    }
  }, 120_000);

  it('keeps two nodes in step: what one ingests the other pulls, refusals store nothing anywhere', async () => {
    const database = await freshDatabase();
    const a = openPgStore({ url: database.url, replicaFile: replicaFile() });
    const b = openPgStore({ url: database.url, replicaFile: replicaFile() });
    try {
      const r1 = created();
      a.ingest([eventInput.parse(r1)], NOW);
      // b writes next: it must first bring its read model up to a's event (same report, next seq)
      const res = b.ingest([eventInput.parse(later(r1.externalId, 'verified'))], NOW);
      expect(res[0]?.seq).toBe(2);
      expect(res[0]?.reportId).toBe(1);
      expect(a.latestSeq()).toBe(1);
      expect(a.pull()).toBe(1);
      expect(a.getReport(1, { withReporter: true })).toEqual(b.getReport(1, { withReporter: true }));
      // a duplicate through the other node is recognised from the shared log
      expect(a.ingest([eventInput.parse(r1)], NOW)[0]).toMatchObject({ seq: 1, duplicate: true });
      // a refused batch through b leaves the log and both read models as they were
      expect(() => b.ingest([eventInput.parse(created()), eventInput.parse(later('missing', 'verified'))], NOW)).toThrow();
      expect((await logOf(database.url)).length).toBe(2);
      expect(a.pull()).toBe(0);
      expect(b.latestSeq()).toBe(2);
    } finally {
      a.close();
      b.close();
      await database.drop();
    }
  });

  it('follows the log: events another node appends reach this node and its live stream cue without a request', async () => {
    const database = await freshDatabase();
    const a = openPgStore({ url: database.url, replicaFile: replicaFile() });
    const b = openPgStore({ url: database.url, replicaFile: replicaFile() });
    let cues = 0;
    // a long poll interval: only the NOTIFY can bring the events over in time
    const follower = await b.follow(() => cues++, 60_000);
    try {
      a.ingest([eventInput.parse(created()), eventInput.parse(created())], NOW);
      await waitFor(() => b.latestSeq() === 2, 5000, 'node b to receive node a events');
      expect(cues).toBeGreaterThan(0);
      expect(b.eventsAfter(0, 10).map((e) => e.seq)).toEqual([1, 2]);
    } finally {
      await follower.stop();
      a.close();
      b.close();
      await database.drop();
    }
  });

  it("records an operator's reminder in the shared log, not only in the node's read model", async () => {
    const database = await freshDatabase();
    const a = openPgStore({ url: database.url, replicaFile: replicaFile() });
    const b = openPgStore({ url: database.url, replicaFile: replicaFile() });
    try {
      const r = created();
      const [first] = a.ingest([eventInput.parse(r), eventInput.parse(later(r.externalId, 'assigned', { agencyId: reference().agency.id }))], NOW);
      const id = first?.reportId ?? 0;
      const rec = a.backlog.recordReminder(id, { channel: 'sms', target: 'officer', note: 'Đề nghị xử lý sớm', idempotencyKey: 'k1' }, NOW);
      expect(rec.duplicate).toBe(false);
      expect((await logOf(database.url)).map((e) => e.seq)).toEqual([1, 2, 3]);
      b.pull();
      expect(b.getReport(id, { withReporter: false })?.events.map((e) => e.type)).toEqual(['created', 'assigned', 'reminded']);
      // the same key again is the same reminder; and the log goes on without a gap from the other node
      expect(a.backlog.recordReminder(id, { channel: 'sms', target: 'officer', note: 'Đề nghị xử lý sớm', idempotencyKey: 'k1' }, NOW)).toMatchObject({ duplicate: true, seq: 3 });
      expect(b.ingest([eventInput.parse(later(r.externalId, 'started'))], NOW)[0]?.seq).toBe(4);
      expect(a.pull()).toBe(1);
    } finally {
      a.close();
      b.close();
      await database.drop();
    }
  });

  it('shares finalised quarters: finalised through one node, final and byte-identical on the other', async () => {
    const database = await freshDatabase();
    const a = openPgStore({ url: database.url, replicaFile: replicaFile() });
    const b = openPgStore({ url: database.url, replicaFile: replicaFile() });
    try {
      const snapshot = {
        quarter: '2026-Q3',
        finalisedAt: '2026-10-02T03:00:00.000Z',
        finalisedBy: 'home-affairs',
        formulaVersion: 'v1',
        config: {} as never,
        seq: 0,
        ranking: { quarter: '2026-Q3' } as never,
        inputs: [] as never,
      };
      // every byte value, so an encoding slip (text vs bytes) shows
      const xlsx = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
      const csv = new TextEncoder().encode('\uFEFFĐơn vị;Điểm\n');
      expect(a.rankings.saveSnapshot(snapshot, { csv, xlsx })).toBe(true);
      expect(b.rankings.getSnapshot('2026-Q3')).toEqual(snapshot);
      expect(b.rankings.listSnapshots()).toEqual([{ quarter: '2026-Q3', finalisedAt: snapshot.finalisedAt, finalisedBy: 'home-affairs' }]);
      expect(Buffer.compare(b.rankings.frozenExport('2026-Q3', 'xlsx') ?? Buffer.alloc(0), Buffer.from(xlsx))).toBe(0);
      expect(b.rankings.frozenExport('2026-Q3', 'csv')?.toString('utf8')).toBe('\uFEFFĐơn vị;Điểm\n');
      expect(b.rankings.frozenExport('2026-Q4', 'csv')).toBeNull();
      // a second finalisation changes nothing, and the row cannot be altered behind the store's back
      expect(b.rankings.saveSnapshot({ ...snapshot, finalisedBy: 'someone-else' }, { csv, xlsx })).toBe(false);
      expect(a.rankings.getSnapshot('2026-Q3')?.finalisedBy).toBe('home-affairs');
      const c = new pg.Client({ connectionString: database.url });
      await c.connect();
      await expect(c.query("UPDATE ranking_snapshots SET finalised_by = 'x'")).rejects.toThrow(/never changed/);
      await expect(c.query('DELETE FROM ranking_snapshots')).rejects.toThrow(/never changed or deleted/);
      await c.end();
    } finally {
      a.close();
      b.close();
      await database.drop();
    }
  });

  it('rebuilds a read model that belongs to another log instead of serving it', async () => {
    const one = await freshDatabase();
    const two = await freshDatabase();
    const file = replicaFile();
    try {
      const s1 = openPgStore({ url: one.url, replicaFile: file });
      s1.ingest([eventInput.parse(created()), eventInput.parse(created())], NOW);
      s1.close();
      const other = openPgStore({ url: two.url, replicaFile: replicaFile() });
      const lone = created();
      other.ingest([eventInput.parse(lone)], NOW);
      other.close();
      // the same file opened against the other database: its 2 events are not that log's
      const s2 = openPgStore({ url: two.url, replicaFile: file });
      expect(s2.latestSeq()).toBe(1);
      expect(s2.listReports({ limit: 5 }, NOW).items.map((r) => r.externalId)).toEqual([lone.externalId]);
      s2.close();
      expect(existsSync(file)).toBe(true);
    } finally {
      await one.drop();
      await two.drop();
    }
  });
});
