import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { LiveEvent } from '../../src/shared/contract/event';
import type { LiveSubscribed, ResyncRequired } from '../../src/shared/contract/socket';
import { freshDatabase } from '../support/pg';
import { nginxBinary, startProxy, type RunningProxy } from './support/nginx';
import { startNodes, type ApiNode, type NodeCluster } from './support/nodes';
import { createTraffic, finalReports, range, seqsOf, sleep, waitFor, withoutReports } from './support/traffic';

// ports 187xx (H4's range): nodes 18730–18731, nginx 18732
const NODE_PORTS = [18730, 18731];
const PROXY_PORT = 18732;

interface Screen {
  socket: Socket;
  events: LiveEvent[];
  subscribed: LiveSubscribed[];
  resyncs: ResyncRequired[];
  disconnects: number;
}
const lastSeq = (s: Screen) => s.events.at(-1)?.seq ?? 0;

/**
 * A wall screen as the browser app runs one, through the proxy: long-polling first then the WebSocket upgrade,
 * cookies kept (the proxy's paht_node), socket.io's own reconnection, and a resubscribe from the last seq it holds
 * on every (re)connect — what src/client/lib/live does.
 */
function screen(url: string, token: string): Screen {
  const socket = connect(url, { withCredentials: true, reconnectionDelay: 100, reconnectionDelayMax: 300, randomizationFactor: 0, auth: { token } });
  const s: Screen = { socket, events: [], subscribed: [], resyncs: [], disconnects: 0 };
  socket.on('connect', () => socket.emit('live:subscribe', { since: lastSeq(s) }));
  socket.on('disconnect', () => s.disconnects++);
  socket.on('live:subscribed', (x: LiveSubscribed) => s.subscribed.push(x));
  socket.on('live:resync', (x: ResyncRequired) => s.resyncs.push(x));
  socket.on('report:events', (batch: LiveEvent[]) => s.events.push(...batch));
  return s;
}

describe('docs/deploy/nginx.conf in front of two real API nodes on one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let cluster: NodeCluster;
  let proxy: RunningProxy;
  let traffic: ReturnType<typeof createTraffic>;
  const screens: Screen[] = [];

  beforeAll(async () => {
    if (!nginxBinary()) throw new Error('nginx is not installed (apt-get install nginx; npm test installs it when run as root)');
    db = await freshDatabase();
    // configured as README "Several API nodes" says for nodes behind the proxy
    cluster = await startNodes({ ports: NODE_PORTS, databaseUrl: db.url, env: { LIVE_BATCH_MS: '50', TRUST_PROXY: '1' } });
    proxy = await startProxy({ upstreams: NODE_PORTS, listenPort: PROXY_PORT });
    traffic = createTraffic(cluster.ingestToken);
  });
  afterAll(async () => {
    for (const s of screens) s.socket.close();
    await proxy?.stop();
    await cluster?.stop();
    await db?.drop();
  });

  it('screens on both nodes keep every event exactly once, in order, through the proxy — also when a node is killed and they reconnect to the other', async () => {
    const [A] = cluster.nodes as [ApiNode, ApiNode];
    // 12 screens: the cookie hash puts some on each node (none on A by chance: 1 in 4,096)
    for (let i = 0; i < 12; i++) screens.push(screen(proxy.url, cluster.operatorToken));
    await waitFor(() => screens.every((s) => s.subscribed.length === 1), 15_000, () => 'every screen subscribed');
    await waitFor(() => screens.every((s) => s.socket.io.engine.transport.name === 'websocket'), 10_000, () => 'every screen upgraded to WebSocket');

    // the platform posts through the proxy without cookies: its batches land on either node
    for (let k = 0; k < 12; k++) await traffic.ingest(proxy.url, 'proxy', traffic.nextBatch(2));
    await waitFor(() => screens.every((s) => lastSeq(s) >= traffic.head()), 15_000, () => `screens at ${traffic.head()}: ${screens.map(lastSeq).join(',')}`);

    await A.kill('SIGKILL');
    await waitFor(() => screens.some((s) => s.disconnects > 0), 5000, () => "a screen noticing A's death");
    await sleep(200);
    // a batch while A's screens are away: they must get it on reconnecting
    for (let k = 0; k < 3; k++) await traffic.ingest(proxy.url, 'proxy', traffic.nextBatch(3));
    const moved = screens.filter((s) => s.disconnects > 0);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.length).toBeLessThan(screens.length);
    await waitFor(() => moved.every((s) => s.subscribed.length >= 2), 15_000, () => 'the moved screens resubscribed');
    for (let k = 0; k < 5; k++) await traffic.ingest(proxy.url, 'proxy', traffic.nextBatch(2));
    const head = traffic.head();
    await waitFor(() => screens.every((s) => lastSeq(s) >= head), 15_000, () => `screens at ${head}: ${screens.map(lastSeq).join(',')}`);
    await sleep(300); // a duplicate would arrive now

    // the log is gap-free and every screen holds all of it, once, in order, as acknowledged
    expect([...traffic.acked.keys()].sort((a, b) => a - b)).toEqual(range(1, head));
    for (const s of screens) {
      expect(s.resyncs).toEqual([]);
      expect(seqsOf(s.events)).toEqual(range(1, head));
      for (const e of s.events) expect({ type: e.type, reportId: e.reportId }).toEqual({ type: traffic.acked.get(e.seq)?.type, reportId: traffic.acked.get(e.seq)?.reportId });
      expect(withoutReports(s.events)).toEqual(withoutReports(screens[0]!.events));
      expect(finalReports(s.events)).toEqual(finalReports(screens[0]!.events));
    }
    // the moved screens resumed from where they were, not from 0
    for (const s of moved) expect(s.subscribed.at(-1)!.since).toBeGreaterThan(0);
  });
});
