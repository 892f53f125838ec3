import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { startEchoNode, type EchoNode } from './support/echo-nodes';
import { nginxBinary, renderProxyConfig, startProxy, type RunningProxy } from './support/nginx';

// ports 187xx (H4's range): proxy 18700, nodes 18701–18702, the round-robin control's proxy 18703
const NODE_PORTS = [18701, 18702];

interface Outcome {
  ok: boolean;
  /** node that greeted the socket */
  node: string | null;
  ticks: { node: string; i: number }[];
  transport: string | null;
  error: string | null;
}

/**
 * One socket.io client through the proxy: connects, takes the node's greeting, asks for `n` ticks spaced out
 * (so a long-polling client must come back several times) and reports what it got.
 */
async function session(url: string, opts: { transports: ('polling' | 'websocket')[]; cookies: boolean; upgrade?: boolean; n?: number }): Promise<Outcome> {
  const n = opts.n ?? 5;
  const socket: Socket = connect(url, { transports: opts.transports, withCredentials: opts.cookies, forceNew: true, reconnection: false, timeout: 3000 });
  const out: Outcome = { ok: false, node: null, ticks: [], transport: null, error: null };
  try {
    await new Promise<void>((resolve) => {
      const fail = (why: string) => {
        // our own close after success is not a failure
        if (!out.ok) out.error ??= why;
        resolve();
      };
      const timer = setTimeout(() => fail('timed out'), 5000);
      socket.on('connect_error', (e) => fail(`connect_error: ${e.message}`));
      socket.on('disconnect', (reason) => fail(`disconnect: ${reason}`));
      socket.on('node', (id: string) => {
        out.node = id;
        const ask = () => socket.emit('burst', { n, gapMs: 40 });
        // a WebSocket check waits for the upgrade so the ticks travel over it
        if (opts.upgrade && socket.io.engine.transport.name !== 'websocket') socket.io.engine.once('upgrade', ask);
        else ask();
      });
      socket.on('tick', (t: { node: string; i: number }) => {
        out.ticks.push(t);
        if (out.ticks.length === n) {
          clearTimeout(timer);
          out.ok = true;
          out.transport = socket.io.engine.transport.name;
          resolve();
        }
      });
    });
  } finally {
    socket.close();
  }
  return out;
}

const expectComplete = (o: Outcome, n = 5) => {
  expect(o.error).toBeNull();
  expect(o.ok).toBe(true);
  expect(o.node).not.toBeNull();
  // every tick from the node that holds the session, in order, none missing
  expect(o.ticks).toEqual(Array.from({ length: n }, (_, i) => ({ node: o.node, i })));
};

describe('docs/deploy/nginx.conf in front of two socket.io nodes', () => {
  const nodes: EchoNode[] = [];
  let proxy: RunningProxy;

  beforeAll(async () => {
    if (!nginxBinary()) throw new Error('nginx is not installed (apt-get install nginx; npm test installs it when run as root)');
    nodes.push(await startEchoNode('A', NODE_PORTS[0]!), await startEchoNode('B', NODE_PORTS[1]!));
    proxy = await startProxy({ upstreams: NODE_PORTS, listenPort: 18700 });
  });
  afterAll(async () => {
    await proxy?.stop();
    for (const n of nodes) await n.close();
  });

  it('is the documented file with only the upstream servers, listen address and server_name replaced', () => {
    const cfg = renderProxyConfig({ upstreams: NODE_PORTS, listenPort: 18700 });
    expect(cfg).toContain('server 127.0.0.1:18701 max_fails=1 fail_timeout=5s;');
    expect(cfg).toContain('server 127.0.0.1:18702 max_fails=1 fail_timeout=5s;');
    expect(cfg).not.toContain('10.0.0.1');
    expect(cfg).toMatch(/listen 127\.0\.0\.1:18700;/);
    expect(cfg).toMatch(/hash \$paht_sticky consistent;/);
  });

  it('keeps every long-polling session on one node: handshake, events and polls complete for all clients, spread over both nodes', async () => {
    const before = nodes.map((n) => n.sessions);
    const outcomes = await Promise.all(Array.from({ length: 16 }, () => session(proxy.url, { transports: ['polling'], cookies: true })));
    for (const o of outcomes) {
      expectComplete(o);
      expect(o.transport).toBe('polling');
    }
    // the key is a per-client cookie, not the address: 16 clients from one address still use both nodes
    // (all on one node by chance: about 2 in 100,000)
    const served = nodes.map((n, i) => n.sessions - before[i]!);
    expect(served.reduce((a, b) => a + b, 0)).toBe(16);
    expect(Math.min(...served)).toBeGreaterThan(0);
    expect(new Set(outcomes.map((o) => o.node))).toEqual(new Set(['A', 'B']));
  });

  it('upgrades to WebSocket through the proxy (Upgrade/Connection headers passed) and delivers over it', async () => {
    const o = await session(proxy.url, { transports: ['polling', 'websocket'], cookies: true, upgrade: true });
    expectComplete(o);
    expect(o.transport).toBe('websocket');
  });

  it('serves a WebSocket-only client that keeps no cookies (one long request needs no stickiness)', async () => {
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => session(proxy.url, { transports: ['websocket'], cookies: false })));
    for (const o of outcomes) {
      expectComplete(o);
      expect(o.transport).toBe('websocket');
    }
  });

  it('passes the original Host with its port and X-Forwarded-For, and pins plain requests by the paht_node cookie', async () => {
    const first = await fetch(`${proxy.url}/api/health`);
    const cookie = first.headers.getSetCookie().find((c) => c.startsWith('paht_node='));
    expect(cookie).toMatch(/^paht_node=[0-9a-f]{32}; Path=\/; HttpOnly; SameSite=Lax$/);
    const body = (await first.json()) as { node: string; host: string; forwardedFor: string; forwardedHost: string; forwardedProto: string };
    // the nodes compare a browser's Origin (port included) with these
    expect(body.host).toBe('127.0.0.1:18700');
    expect(body.forwardedHost).toBe('127.0.0.1:18700');
    expect(body.forwardedFor).toBe('127.0.0.1');
    expect(body.forwardedProto).toBe('http');
    const pair = cookie!.split(';')[0]!;
    const again = await Promise.all(Array.from({ length: 10 }, async () => ((await (await fetch(`${proxy.url}/x`, { headers: { cookie: pair } })).json()) as { node: string }).node));
    expect(new Set(again)).toEqual(new Set([body.node]));
  });

  it('control: the same file without its hash line (round-robin) breaks long-polling sessions', async () => {
    const rr = await startProxy({ upstreams: NODE_PORTS, listenPort: 18703, sticky: false });
    try {
      // one client at a time: round-robin sends each client's second request to the other node
      const outcomes: Outcome[] = [];
      for (let i = 0; i < 4; i++) outcomes.push(await session(rr.url, { transports: ['polling'], cookies: true }));
      expect(outcomes.filter((o) => o.ok)).toEqual([]);
      expect(outcomes.every((o) => o.error !== null)).toBe(true);
    } finally {
      await rr.stop();
    }
  });
});
