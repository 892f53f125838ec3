import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/server/app';
import { SUMMARY_SHARE_MS } from '../../src/server/routes/stats';
import { localReads } from '../../src/server/store/read-pool';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import { created } from './fixtures';
import { INGEST_TOKEN, NOW, OPERATOR_TOKEN } from './harness';

// Every open screen refetches the KPI strip after each live batch: the same position and period within a second
// must cost one computation, and never hide an event that was acknowledged before the request.
let dir: string;
let store: Store;
let app: App;
let now = NOW;
let computed = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'paht-summary-share-'));
  store = openSqliteStore(join(dir, 'test.sqlite'));
  const reads = localReads(store);
  const summary = reads.summary;
  reads.summary = (...args) => {
    computed++;
    return summary(...args);
  };
  app = createApp({
    store,
    reads,
    clock: () => now,
    config: { host: '127.0.0.1', port: 0, ingestToken: INGEST_TOKEN, operatorToken: OPERATOR_TOKEN, liveBatchMs: 20, publicView: true },
    staticDir: dir,
  });
});
afterAll(async () => {
  await app.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const summary = async (query = '') => {
  const res = await app.fastify.inject({ method: 'GET', url: `/api/v1/stats/summary${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ seq: number; receivedToday: number; asOf: string }>();
};
const ingest = async () => {
  const res = await app.fastify.inject({
    method: 'POST',
    url: '/api/v1/events',
    headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' },
    payload: JSON.stringify(created({ at: new Date(now.getTime() - 60_000).toISOString() })),
  });
  expect(res.statusCode, res.body).toBe(201);
};

describe('KPI summary shared between screens', () => {
  it('answers simultaneous identical requests with one computation', async () => {
    computed = 0;
    const answers = await Promise.all(Array.from({ length: 20 }, () => summary()));
    expect(computed).toBe(1);
    for (const a of answers) expect(a).toEqual(answers[0]);
  });

  it('recomputes as soon as an event is acknowledged, so the new report is counted', async () => {
    const before = await summary();
    computed = 0;
    await ingest();
    const after = await summary();
    expect(computed).toBe(1);
    expect(after.seq).toBe(before.seq + 1);
    expect(after.receivedToday).toBe(before.receivedToday + 1);
  });

  it('keeps periods apart and recomputes once the answer is a second old', async () => {
    await summary();
    computed = 0;
    await summary('?from=2024-03-01T00:00:00Z&to=2024-03-10T00:00:00Z');
    expect(computed).toBe(1);
    await summary();
    expect(computed).toBe(1);
    now = new Date(now.getTime() + SUMMARY_SHARE_MS);
    const later = await summary();
    expect(computed).toBe(2);
    expect(later.asOf).toBe(now.toISOString());
  });
});
