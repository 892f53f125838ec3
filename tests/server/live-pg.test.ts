import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventInput } from '../../src/shared/contract/event';
import { openPgStore } from '../../src/server/store/pg-store';
import { freshDatabase } from '../support/pg';
import { created, later } from './fixtures';
import { liveClient, NOW, startTestServer } from './harness';

// A client that was on node A reconnects to node B (decision 0013) with a seq B's read model has not pulled yet:
// B must pull from the shared log and carry on, not tell the client it is ahead of the server.
const dir = mkdtempSync(join(tmpdir(), 'paht-live-pg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('live stream on a PostgreSQL node', () => {
  it('resubscribes a client from a seq only the shared log has yet, and replays from the log to one behind', async () => {
    const database = await freshDatabase();
    const a = openPgStore({ url: database.url, replicaFile: join(dir, 'a.sqlite') });
    const b = openPgStore({ url: database.url, replicaFile: join(dir, 'b.sqlite') });
    // node B without its follower: its read model moves only when something pulls
    const s = await startTestServer({ store: b });
    try {
      const r = created();
      a.ingest([eventInput.parse(r), eventInput.parse(later(r.externalId, 'verified')), eventInput.parse(created())], NOW);
      expect(b.latestSeq()).toBe(0);
      const moved = await liveClient(s.url);
      expect(await moved.subscribe(3)).toEqual({ since: 3, seq: 3 });
      moved.close();
      const behind = await liveClient(s.url);
      expect(await behind.subscribe(1)).toEqual({ since: 1, seq: 3 });
      expect(behind.events.map((e) => e.seq)).toEqual([2, 3]);
      behind.close();
    } finally {
      await s.close();
      a.close();
      b.close();
      await database.drop();
    }
  });
});
