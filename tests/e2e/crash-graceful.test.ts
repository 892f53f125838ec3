/**
 * Graceful shutdown on SIGTERM (the real server in its own process group): it stops accepting connections, lets a
 * request it had already accepted finish and answers it, sends that request's events to connected live clients
 * before closing their sockets, closes the store (the WAL is checkpointed away) and exits 0. A request that never
 * finishes is cut off after SHUTDOWN_TIMEOUT_MS instead of holding the shutdown forever.
 */
import { existsSync, statSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/shared/contract/event';
import { created } from '../server/fixtures';
import { removeDir, startServer, type RunningServer } from './support/server';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) {
    await s.stop('SIGKILL');
    removeDir(s.dataDir);
  }
});

/** A POST whose body is sent in two halves, so the test decides when the request completes. */
function slowPost(server: RunningServer, body: string) {
  let req!: ClientRequest;
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req = httpRequest(
      `${server.url}/api/v1/events`,
      { method: 'POST', headers: { authorization: `Bearer ${server.ingestToken}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res: IncomingMessage) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { response, finish: () => req.end(body.slice(half)) };
}

const refused = async (url: string) => {
  try {
    await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch {
    return true;
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SIGTERM', () => {
  it('drains the request in flight, delivers its events live, closes the store and exits cleanly', async () => {
    const server = await startServer({ port: 18622, env: { DEMO: '0', LIVE_BATCH_MS: '2000' } });
    servers.push(server);
    const sock = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    const received: LiveEvent[] = [];
    let disconnectedAt = 0;
    sock.on('report:events', (batch: LiveEvent[]) => received.push(...batch));
    sock.on('disconnect', () => (disconnectedAt = Date.now()));
    await new Promise<void>((resolve) => {
      sock.on('live:subscribed', () => resolve());
      sock.on('connect', () => sock.emit('live:subscribe', { since: 0 }));
    });

    const events = Array.from({ length: 200 }, () => created({ at: new Date(Date.now() - 60_000).toISOString() }));
    const inFlight = slowPost(server, JSON.stringify(events));
    await sleep(400);
    const t0 = Date.now();
    const exited = server.stop('SIGTERM');
    await sleep(600);
    // no longer accepting: a new connection is refused while the accepted request is still open
    expect(await refused(server.url)).toBe(true);
    inFlight.finish();
    const res = await inFlight.response;
    expect(res.status).toBe(201);
    const results = (JSON.parse(res.text) as { results: { seq: number; sourceEventId: string }[] }).results;
    expect(results).toHaveLength(200);
    await exited;
    // the live batch window is 2 s: the events went out because shutdown flushed them, before the socket closed
    expect(received.map((e) => e.seq)).toEqual(results.map((r) => r.seq));
    expect(disconnectedAt).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(server.output()).toContain('SIGTERM: shutting down');
    expect(server.output()).toContain('shutdown complete: store closed');
    // a cleanly closed SQLite store checkpoints its write-ahead log away
    const wal = join(server.dataDir, 'paht.sqlite-wal');
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    sock.close();

    // and the events are there after a restart
    await server.restart();
    const again = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.ingestToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(events),
    });
    expect(again.status).toBe(200);
    const dup = (await again.json()) as { results: { duplicate: boolean; seq: number }[] };
    expect(dup.results.every((r) => r.duplicate)).toBe(true);
    expect(dup.results.map((r) => r.seq)).toEqual(results.map((r) => r.seq));
    await server.stop('SIGTERM');
  }, 120_000);

  it('does not wait forever for a request that never finishes (SHUTDOWN_TIMEOUT_MS)', async () => {
    const server = await startServer({ port: 18623, env: { DEMO: '0', SHUTDOWN_TIMEOUT_MS: '1000' } });
    servers.push(server);
    const stuck = slowPost(server, JSON.stringify([created()]));
    stuck.response.catch(() => undefined);
    await sleep(300);
    const t0 = Date.now();
    await server.stop('SIGTERM');
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(900);
    expect(took).toBeLessThan(5000);
    expect(server.output()).toMatch(/still running after 1000 ms/);
    expect(server.output()).toContain('shutdown complete: store closed');
    await expect(stuck.response).rejects.toThrow();
  }, 60_000);
});
