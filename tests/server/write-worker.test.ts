import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestResult, LiveEvent } from '../../src/shared/contract/event';
import { DomainError } from '../../src/shared/domain/errors';
import { createApp, type App } from '../../src/server/app';
import { createIngestWriter, type IngestWriter } from '../../src/server/store/ingest-writer';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import { IngestItemError, type Store } from '../../src/server/store/store';
import { created, later, reference } from './fixtures';
import { INGEST_TOKEN, NOW, OPERATOR_TOKEN, liveClient, waitFor, type LiveClient } from './harness';

// POST /api/v1/events on the writer worker (decision 0014): concurrent batches are committed in groups, each batch
// in its own savepoint — a refused one leaves nothing and answers its own 4xx, the others are stored exactly once.
let dir: string;
let file: string;
let store: Store;
let writer: IngestWriter;
let app: App;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'paht-write-worker-'));
  file = join(dir, 'store.sqlite');
  store = openSqliteStore(file);
  writer = await createIngestWriter({ file });
  app = createApp({
    store,
    clock: () => NOW,
    config: { host: '127.0.0.1', port: 0, ingestToken: INGEST_TOKEN, operatorToken: OPERATOR_TOKEN, liveBatchMs: 20, publicView: true, demoLogin: false },
    staticDir: dir,
    security: { loginRate: null, ingestRate: null },
    writer,
  });
  url = await app.listen();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await writer?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Input = ReturnType<typeof created>;
const post = async (body: unknown) => {
  const res = await fetch(`${url}/api/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked field by field below
  return { status: res.status, body: (await res.json()) as any };
};

/** The log as the file holds it (a separate connection): sourceEventId → seq, and every seq. */
function logOnDisk(): { bySource: Map<string, number[]>; seqs: number[] } {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare('SELECT seq, source_event_id AS src FROM events ORDER BY seq').all() as { seq: number; src: string }[];
    const bySource = new Map<string, number[]>();
    for (const r of rows) bySource.set(r.src, [...(bySource.get(r.src) ?? []), r.seq]);
    return { bySource, seqs: rows.map((r) => r.seq) };
  } finally {
    db.close();
  }
}

describe('writer worker over HTTP', () => {
  it('stores every good concurrent batch exactly once, refuses the bad one alone, answers the repeat as duplicate, and streams all in order', async () => {
    const live: LiveClient = await liveClient(url);
    await live.subscribe(store.latestSeq());
    const start = store.latestSeq();

    const good: Input[][] = Array.from({ length: 24 }, (_, b) => {
      const first = created();
      // a later event on a report created earlier in the same batch, so batches are not all single-report
      return [first, ...Array.from({ length: b % 5 }, () => created()), later(first.externalId, 'assigned', { agencyId: reference().agency.id }) as Input];
    });
    // a good first item and a refused second one: the first must not be stored either
    const refused = [created(), created({ categoryId: 'no-such-category' })];
    // repeats the sourceEventIds of a good batch sent at the same time
    const repeatOf = good[3] as Input[];
    const bodies: unknown[] = [...good.slice(0, 10), refused, ...good.slice(10), repeatOf];
    const answers = await Promise.all(bodies.map((b) => post(b)));

    const refusedAnswer = answers[10];
    expect(refusedAnswer?.status).toBe(400);
    expect(refusedAnswer?.body.issues?.[0]?.path).toBe('1.categoryId');

    // the batch and its repeat: one stored it (201), the other answers duplicate:true with the same seqs
    const first = answers[3];
    const repeat = answers.at(-1);
    const both = [first, repeat];
    expect(both.map((a) => a?.status).sort()).toEqual([200, 201]);
    const storedOne = both.find((a) => a?.status === 201);
    const dupOne = both.find((a) => a?.status === 200);
    expect(dupOne?.body.results.every((r: IngestResult) => r.duplicate)).toBe(true);
    expect(dupOne?.body.results.map((r: IngestResult) => r.seq)).toEqual(storedOne?.body.results.map((r: IngestResult) => r.seq));

    const { bySource, seqs } = logOnDisk();
    const goodInputs = good.flat();
    for (const input of goodInputs) expect(bySource.get(input.sourceEventId), input.sourceEventId).toHaveLength(1);
    for (const input of refused) expect(bySource.has(input.sourceEventId)).toBe(false);
    // gap-free, and nothing but the good batches' events was added
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.length - start).toBe(goodInputs.length);
    // every answer's seqs are the ones on disk
    good.forEach((batch, b) => {
      const a = b === 3 ? storedOne : answers[b < 10 ? b : b + 1];
      expect(a?.status).toBe(201);
      expect(a?.body.results.map((r: IngestResult) => r.seq)).toEqual(batch.map((i) => bySource.get(i.sourceEventId)?.[0]));
      expect(a?.body.seq).toBeGreaterThanOrEqual(Math.max(...(a?.body.results ?? []).map((r: IngestResult) => r.seq)));
    });

    // the live stream: every stored event once, in seq order
    const end = seqs.at(-1) ?? 0;
    await waitFor(() => (live.events.at(-1)?.seq ?? 0) >= end, 5000, 'the live stream to reach the last seq');
    expect(live.events.map((e: LiveEvent) => e.seq)).toEqual(Array.from({ length: end - start }, (_, i) => start + i + 1));
    live.close();
  }, 60_000);
});

describe('group commit', () => {
  it('commits batches asked for together in one transaction, and a refused batch leaves the others', async () => {
    const before = writer.stats();
    const batches: Input[][] = [[created(), created()], [created()], [created(), created({ categoryId: 'nope' })], [created()], [created(), created(), created()]];
    const outcomes = await Promise.allSettled(batches.map((b) => writer.ingest(b as never, NOW)));
    const after = writer.stats();
    expect(after.requests - before.requests).toBe(5);
    // asked for in the same tick: one group, one COMMIT
    expect(after.groups - before.groups).toBe(1);

    const failed = outcomes[2];
    expect(failed?.status).toBe('rejected');
    const err = failed?.status === 'rejected' ? (failed.reason as unknown) : null;
    expect(err).toBeInstanceOf(IngestItemError);
    expect((err as IngestItemError).index).toBe(1);
    expect((err as IngestItemError).cause).toBeInstanceOf(DomainError);
    expect(((err as IngestItemError).cause as DomainError).path).toBe('categoryId');

    const { bySource } = logOnDisk();
    batches.forEach((batch, b) => {
      for (const input of batch) expect(bySource.get(input.sourceEventId)?.length ?? 0).toBe(b === 2 ? 0 : 1);
    });
  });

  it('recognises a duplicate of a batch in the same group (it sees the uncommitted rows)', async () => {
    const batch = [created(), created()];
    const before = writer.stats();
    const [a, b] = await Promise.all([writer.ingest(batch as never, NOW), writer.ingest(batch as never, NOW)]);
    expect(writer.stats().groups - before.groups).toBe(1);
    expect(a.map((r) => r.duplicate)).toEqual([false, false]);
    expect(b.map((r) => r.duplicate)).toEqual([true, true]);
    expect(b.map((r) => r.seq)).toEqual(a.map((r) => r.seq));
  });

  it('keeps each request its own clock', async () => {
    const t1 = new Date('2024-03-15T08:00:00.000Z');
    const t2 = new Date('2024-03-15T09:00:00.000Z');
    const [x, y] = await Promise.all([writer.ingest([created()] as never, t1), writer.ingest([created()] as never, t2)]);
    const db = new Database(file, { readonly: true });
    const recordedAt = db.prepare('SELECT recorded_at FROM events WHERE seq = ?').pluck();
    expect([recordedAt.get(x[0]?.seq), recordedAt.get(y[0]?.seq)]).toEqual([t1.toISOString(), t2.toISOString()]);
    db.close();
  });

  it('groups POSTs that arrive while a transaction runs: fewer commits than requests under concurrency', async () => {
    const before = writer.stats();
    const answers = await Promise.all(Array.from({ length: 40 }, () => post([created(), created(), created()])));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const after = writer.stats();
    expect(after.requests - before.requests).toBe(40);
    expect(after.groups - before.groups).toBeLessThan(40);
  });

  it('fails the batches of a worker that dies with a 503 (no hang), and a new worker takes the next ones', async () => {
    const input = created();
    const lost = writer.ingest([input] as never, NOW);
    await writer.crashForTest();
    const err = await lost.then(
      () => null,
      (e: unknown) => e,
    );
    // refused as unavailable with nothing stored, or (had it committed before the kill) stored: never a hang
    if (err !== null) expect((err as { status?: number }).status).toBe(503);
    expect(logOnDisk().bySource.has(input.sourceEventId)).toBe(err === null);
    const workers = writer.stats().workers;
    const next = await post([created()]);
    expect(next.status).toBe(201);
    expect(writer.stats().workers).toBe(workers + 1);
  });
});
