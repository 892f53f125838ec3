import { afterEach, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/shared/contract/event';
import { MAX_REPLAY } from '../../src/shared/contract/socket';
import { created, later, reference } from './fixtures';
import { liveClient, sleep, startTestServer, waitFor, type LiveClient, type TestServer } from './harness';

let s: TestServer | null = null;
const clients: LiveClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await s?.close();
  s = null;
});
const open = async (url: string) => {
  const c = await liveClient(url);
  clients.push(c);
  return c;
};

const seqs = (events: LiveEvent[]) => events.map((e) => e.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** n new reports, each with a few more events, sent as separate requests (several batches on the wire) */
async function traffic(server: TestServer, n: number) {
  const { agency } = reference();
  for (let i = 0; i < n; i++) {
    const c = created();
    expect((await server.ingest(c)).status).toBe(201);
    expect((await server.ingest([later(c.externalId, 'assigned', { agencyId: agency.id }), later(c.externalId, 'started')])).status).toBe(201);
  }
}

describe('live stream (socket.io)', () => {
  it('gives two clients the same events in seq order, without gaps, in batches', async () => {
    s = await startTestServer({ liveBatchMs: 30 });
    await traffic(s, 2);
    const start = s.store.latestSeq();
    const a = await open(s.url);
    const b = await open(s.url);
    expect(await a.subscribe(start)).toEqual({ since: start, seq: start });
    expect(await b.subscribe(start)).toEqual({ since: start, seq: start });
    const batches: number[] = [];
    a.socket.on('report:events', (batch) => batches.push(batch.length));
    await traffic(s, 10);
    const end = s.store.latestSeq();
    await waitFor(() => a.events.length >= end - start && b.events.length >= end - start, 5000, 'both clients');
    await sleep(100);
    expect(seqs(a.events)).toEqual(range(start + 1, end));
    expect(seqs(b.events)).toEqual(seqs(a.events));
    expect(b.events).toEqual(a.events);
    // every event carries what the dashboard needs
    for (const e of a.events) expect(e).toMatchObject({ seq: expect.any(Number), type: expect.any(String), reportId: expect.any(Number), at: expect.any(String), report: { id: e.reportId } });
    expect(Math.max(...batches)).toBeGreaterThan(0);
  });

  it('sends one array per window rather than one emit per event', async () => {
    s = await startTestServer({ liveBatchMs: 150 });
    const c = await open(s.url);
    await c.subscribe(0);
    const sizes: number[] = [];
    c.socket.on('report:events', (batch) => sizes.push(batch.length));
    for (let i = 0; i < 20; i++) expect((await s.ingest(created())).status).toBe(201);
    expect((await s.ingest(Array.from({ length: 50 }, () => created()))).status).toBe(201);
    await waitFor(() => c.events.length === 70, 3000, 'all events');
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(70);
    expect(sizes.length).toBeLessThan(10);
    expect(seqs(c.events)).toEqual(range(1, 70));
  });

  it('replays exactly the missed events to a client that resubscribes with its last seq', async () => {
    s = await startTestServer({ liveBatchMs: 20 });
    const first = await open(s.url);
    await first.subscribe(0);
    await traffic(s, 3);
    const seen = s.store.latestSeq();
    await waitFor(() => first.events.length === seen, 3000, 'first events');
    first.close();

    await traffic(s, 4); // missed while away
    const missedTo = s.store.latestSeq();
    const again = await open(s.url);
    const lastSeq = first.events.at(-1)?.seq ?? 0;
    expect(lastSeq).toBe(seen);
    const ack = await again.subscribe(lastSeq);
    expect(ack).toMatchObject({ since: seen });
    await traffic(s, 2); // live after the replay
    const end = s.store.latestSeq();
    await waitFor(() => again.events.length >= end - seen, 3000, 'replay + live');
    await sleep(100);
    expect(seqs(again.events)).toEqual(range(seen + 1, end));
    expect(missedTo).toBeGreaterThan(seen);
  });

  it('does not duplicate when a client subscribes again on the same connection', async () => {
    s = await startTestServer({ liveBatchMs: 20 });
    await traffic(s, 2);
    const c = await open(s.url);
    await c.subscribe(0);
    await traffic(s, 2);
    await waitFor(() => c.events.length === s!.store.latestSeq(), 3000, 'events');
    const last = c.events.at(-1)?.seq ?? 0;
    await c.subscribe(last);
    await c.subscribe(last);
    await traffic(s, 2);
    await waitFor(() => c.events.length === s!.store.latestSeq(), 3000, 'more events');
    await sleep(100);
    expect(seqs(c.events)).toEqual(range(1, s.store.latestSeq()));
  });

  it('does not duplicate for a client whose snapshot is newer than the last batch', async () => {
    // a long window: the snapshot's seq is ahead of what the room has been sent
    s = await startTestServer({ liveBatchMs: 400 });
    const watcher = await open(s.url);
    await watcher.subscribe(0);
    await traffic(s, 2);
    const snapshot = await s.get('/api/v1/reports?limit=1');
    const c = await open(s.url);
    const ack = await c.subscribe(snapshot.body.seq);
    expect(ack).toEqual({ since: snapshot.body.seq, seq: snapshot.body.seq });
    await traffic(s, 1);
    const end = s.store.latestSeq();
    await waitFor(() => c.events.length >= end - snapshot.body.seq, 3000, 'live events');
    await sleep(500);
    expect(seqs(c.events)).toEqual(range(snapshot.body.seq + 1, end));
    await waitFor(() => watcher.events.length === end, 3000, 'watcher');
    expect(seqs(watcher.events)).toEqual(range(1, end));
  });

  it('asks a client to re-snapshot when it is too far behind or ahead of the server', async () => {
    s = await startTestServer();
    const batch = Array.from({ length: 1000 }, () => created());
    for (let i = 0; i * 1000 <= MAX_REPLAY; i++) expect((await s.ingest(batch.map((c) => ({ ...c, sourceEventId: `${c.sourceEventId}-${i}`, externalId: `${c.externalId}-${i}` })))).status).toBe(201);
    const latest = s.store.latestSeq();
    expect(latest).toBeGreaterThan(MAX_REPLAY);
    const c = await open(s.url);
    expect(await c.subscribe(0)).toEqual({ reason: 'too_far_behind', seq: latest });
    expect(await c.subscribe(latest + 5)).toEqual({ reason: 'ahead_of_server', seq: latest });
    expect(c.events).toHaveLength(0);
    // within reach it replays in pages
    const ack = await c.subscribe(latest - MAX_REPLAY);
    expect(ack).toEqual({ since: latest - MAX_REPLAY, seq: latest });
    expect(seqs(c.events)).toEqual(range(latest - MAX_REPLAY + 1, latest));
  });

  it('disconnects a client that sends a malformed subscription', async () => {
    s = await startTestServer();
    const c = await open(s.url);
    const gone = new Promise<string>((resolve) => c.socket.once('disconnect', (reason) => resolve(reason)));
    c.socket.emit('live:subscribe', { since: -1 });
    expect(await gone).toBe('io server disconnect');
  });
});
