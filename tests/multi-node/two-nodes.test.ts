import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { LiveEvent } from '../../src/shared/contract/event';
import type { SessionResponse } from '../../src/shared/contract/session';
import type { LiveSubscribed, ResyncRequired } from '../../src/shared/contract/socket';
import { freshDatabase } from '../support/pg';
import { startNodes, type ApiNode, type NodeCluster } from './support/nodes';
import { createTraffic, finalReports, range, seqsOf, sleep, waitFor, withoutReports } from './support/traffic';

// ports 187xx (H4's range): nodes A and B
const PORTS = [18720, 18721];

interface Client {
  name: string;
  socket: Socket;
  events: LiveEvent[];
  subscribed: LiveSubscribed[];
  resyncs: ResyncRequired[];
}
const lastSeq = (c: Client) => c.events.at(-1)?.seq ?? 0;

/**
 * A socket.io client as the dashboard holds one (WebSocket, a bearer-style token), subscribed from `since`; pass
 * `into` to reconnect an existing client (its events so far are kept, as the app's live store keeps them).
 */
async function subscribe(name: string, node: ApiNode, token: string, since: number, into?: Client): Promise<Client> {
  const socket = connect(node.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token } });
  const c: Client = into ?? { name, socket, events: [], subscribed: [], resyncs: [] };
  c.socket = socket;
  socket.on('report:events', (batch: LiveEvent[]) => c.events.push(...batch));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  await new Promise<void>((resolve) => {
    const ok = (s: LiveSubscribed) => {
      c.subscribed.push(s);
      done();
    };
    const resync = (r: ResyncRequired) => {
      c.resyncs.push(r);
      done();
    };
    const done = () => {
      socket.off('live:subscribed', ok);
      socket.off('live:resync', resync);
      resolve();
    };
    socket.on('live:subscribed', ok);
    socket.on('live:resync', resync);
    socket.emit('live:subscribe', { since });
  });
  return c;
}

describe('two API nodes on one PostgreSQL event log', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let cluster: NodeCluster;
  let A: ApiNode;
  let B: ApiNode;
  const clients: Client[] = [];
  let traffic: ReturnType<typeof createTraffic>;

  beforeAll(async () => {
    db = await freshDatabase();
    cluster = await startNodes({ ports: PORTS, databaseUrl: db.url, env: { LIVE_BATCH_MS: '50' } });
    [A, B] = cluster.nodes as [ApiNode, ApiNode];
    traffic = createTraffic(cluster.ingestToken);
  });
  afterAll(async () => {
    for (const c of clients) c.socket.close();
    await cluster?.stop();
    await db?.drop();
  });

  const ingest = (node: ApiNode, batch: Record<string, unknown>[]) => traffic.ingest(node.url, node.name, batch);
  const nextBatch = (n: number) => traffic.nextBatch(n);

  /** every client holds exactly seqs 1..head, once each, in order, each matching what the ingest acknowledged */
  function expectWholeLog(c: Client, head: number) {
    expect(seqsOf(c.events), `${c.name}: seqs`).toEqual(range(1, head));
    for (const e of c.events) {
      const a = traffic.acked.get(e.seq);
      if (a) expect({ seq: e.seq, type: e.type, reportId: e.reportId }, c.name).toEqual({ seq: e.seq, type: a.type, reportId: a.reportId });
    }
  }

  it('a session cookie signed in through A works on B, and signing out on B ends it on A', async () => {
    const signIn = await fetch(`${A.url}/api/v1/session/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'operator' }) });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('paht_session='))
      ?.split(';')[0];
    if (!cookie) throw new Error('no session cookie from A');
    const roleOn = async (node: ApiNode, withCookie: boolean) => ((await (await fetch(`${node.url}/api/v1/session`, { headers: withCookie ? { cookie } : {} })).json()) as SessionResponse).role;
    expect(await roleOn(B, false)).toBe('anonymous');
    expect(await roleOn(B, true)).toBe('operator');
    // a read that needs a session (PUBLIC_VIEW=0 on the nodes)
    expect((await fetch(`${B.url}/api/v1/reports`)).status).toBe(401);
    expect((await fetch(`${B.url}/api/v1/reports`, { headers: { cookie } })).status).toBe(200);
    // B's live stream takes it too
    const s = connect(B.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
    try {
      await new Promise<void>((resolve, reject) => {
        s.once('connect', () => resolve());
        s.once('connect_error', reject);
      });
    } finally {
      s.close();
    }
    expect((await fetch(`${B.url}/api/v1/session`, { method: 'DELETE', headers: { cookie } })).status).toBe(204);
    expect(await roleOn(A, true)).toBe('anonymous');
  });

  it('ingest through A and B at once: every client on both nodes gets every event exactly once, in seq order, gap-free', async () => {
    const token = cluster.operatorToken;
    for (const [i, node] of [A, A, A, B, B, B].entries()) clients.push(await subscribe(`${node.name}${i}`, node, token, 0));
    // 20 batches through A and 12 through B concurrently (each side one request at a time, as a platform sends)
    const through = async (node: ApiNode, n: number) => {
      for (let k = 0; k < n; k++) await ingest(node, nextBatch(1 + (k % 4)));
    };
    await Promise.all([through(A, 20), through(B, 12)]);
    const head = Math.max(...traffic.acked.keys());
    // the log is gap-free under two writers: the acknowledged seqs are exactly 1..head
    expect([...traffic.acked.keys()].sort((a, b) => a - b)).toEqual(range(1, head));
    expect(new Set([...traffic.acked.values()].map((a) => a.via))).toEqual(new Set(['A', 'B']));
    await waitFor(
      () => clients.every((c) => lastSeq(c) >= head),
      15_000,
      () => `every client at seq ${head}: ${clients.map((c) => `${c.name}@${lastSeq(c)}`).join(', ')}`,
    );
    await sleep(300); // a duplicate would arrive now
    for (const c of clients) {
      expect(c.resyncs, c.name).toEqual([]);
      expectWholeLog(c, head);
    }
    // both nodes sent the same events, and every report ends in the same state on every screen
    for (const c of clients.slice(1)) {
      expect(withoutReports(c.events), c.name).toEqual(withoutReports(clients[0]!.events));
      expect(finalReports(c.events), c.name).toEqual(finalReports(clients[0]!.events));
    }
  });

  it("SIGKILL node A: its clients resubscribe on B from their last seq — nothing lost, nothing duplicated", async () => {
    const token = cluster.operatorToken;
    const onA = clients.filter((c) => c.name.startsWith('A'));
    const onB = clients.filter((c) => c.name.startsWith('B'));
    const countA = [...traffic.acked.values()].filter((a) => a.via === 'A').length;
    const dropped = onA.map((c) => new Promise<void>((resolve) => c.socket.once('disconnect', () => resolve())));
    // writers on both nodes; A dies in the middle of its stream (its request in flight may or may not commit)
    let stopA = false;
    const throughA = (async () => {
      for (let k = 0; !stopA; k++) {
        try {
          await ingest(A, nextBatch(2));
        } catch {
          return; // A is gone: the platform would retry through B
        }
      }
    })();
    const throughB = (async () => {
      for (let k = 0; k < 15; k++) {
        await ingest(B, nextBatch(2));
        await sleep(20);
      }
    })();
    await sleep(400);
    await A.kill('SIGKILL');
    stopA = true;
    expect(A.alive).toBe(false);
    await Promise.all(dropped);
    // events A's clients certainly missed while they were away
    await ingest(B, nextBatch(3));
    // each of A's clients comes back on B (the proxy would route it there) from the last seq it holds
    const resumedFrom = onA.map(lastSeq);
    for (const c of onA) await subscribe(c.name, B, token, lastSeq(c), c);
    await Promise.all([throughA, throughB]);
    // after A died, B takes more
    for (let k = 0; k < 5; k++) await ingest(B, nextBatch(3));

    // the truth: the whole log as B replays it to a new client (every committed event, including any A committed
    // without acknowledging), which must hold every acknowledged event
    const fresh = await subscribe('fresh', B, token, 0);
    clients.push(fresh);
    const head = Math.max(...traffic.acked.keys(), lastSeq(fresh));
    await waitFor(() => lastSeq(fresh) >= head, 15_000, () => `the fresh client at ${head} (has ${lastSeq(fresh)})`);
    expect(fresh.resyncs).toEqual([]);
    expectWholeLog(fresh, lastSeq(fresh));
    for (const seq of traffic.acked.keys()) expect(seq).toBeLessThanOrEqual(lastSeq(fresh));

    await waitFor(
      () => [...onA, ...onB].every((c) => lastSeq(c) >= lastSeq(fresh)),
      15_000,
      () => `every client at ${lastSeq(fresh)}: ${[...onA, ...onB].map((c) => `${c.name}@${lastSeq(c)}`).join(', ')}`,
    );
    await sleep(300);
    for (const c of [...onA, ...onB]) {
      expect(c.resyncs, `${c.name} resyncs`).toEqual([]);
      expectWholeLog(c, lastSeq(fresh));
      expect(withoutReports(c.events), c.name).toEqual(withoutReports(fresh.events));
      expect(finalReports(c.events), c.name).toEqual(finalReports(fresh.events));
    }
    // the resubscribes really started from where each client was (not from 0), and B replayed what they missed
    expect(onA.map((c) => c.subscribed.at(-1)?.since)).toEqual(resumedFrom);
    expect(Math.min(...resumedFrom)).toBeGreaterThan(0);
    onA.forEach((c, i) => expect(c.subscribed.at(-1)?.seq, c.name).toBeGreaterThanOrEqual(resumedFrom[i]! + 3));
    // A took part in this phase's writes before it died
    expect([...traffic.acked.values()].filter((a) => a.via === 'A').length).toBeGreaterThan(countA);
  });
});
