/**
 * `npm run bench:scale` — live fan-out at scale (issue 7). Starts the real server (127.0.0.1:18590, its own process
 * group, a fresh SQLite store), connects N socket.io clients (default 500, held by 2 child processes so the
 * clients' own JSON parsing is spread over both cores), then ingests new reports at a steady rate (default
 * 200 events/s, 10 POSTs of 20 a second) for a while, and prints:
 *   - delivery latency p50/p95/p99/max: from the moment the ingest POST was sent to the moment each client
 *     received the event (so it includes validation, the transaction, the 100 ms live batch window and the wire);
 *   - exactly-once and in-order: every client got every acknowledged event once, in seq order;
 *   - the server's event-loop delay during the phase (p50/p99/max) and its memory per connection (RSS and heap
 *     growth after connecting the clients, divided by their number).
 * Figures, not a timed test. The clients run on the same 2 cores as the server, so latencies are pessimistic.
 * 1,000,000 reports on SQLite: `npm run bench:stats` (p50/p95 of stats and list endpoints, ingest while queried).
 * The PostgreSQL store and the two-node runs of issue 7 are not built yet; this bench says so rather than
 * printing figures for them.
 *
 * Options: --clients=500 --rate=200 --seconds=30 --procs=2
 */
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { created } from '../server/fixtures';

const arg = (name: string, fallback: number) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
};
const CLIENTS = arg('clients', 500);
const RATE = arg('rate', 200);
const SECONDS = arg('seconds', 30);
const PROCS = Math.max(1, Math.min(CLIENTS, arg('procs', 2)));
const PORT = 18590;
const BASE = `http://127.0.0.1:${PORT}`;
const INGEST = 'bench-scale-ingest-token-0123456789';
const OPERATOR = 'bench-scale-operator-token-0123456789';
const TICK_MS = 100;

interface Probe {
  at: number;
  delay: { p50: number; p99: number; max: number };
  rss: number;
  heapUsed: number;
}
interface ClientReport {
  seqs: number[];
  times: number[];
  connected: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'paht-bench-scale-'));
  const probeFile = join(dir, 'probe.json');
  const server = spawn(process.execPath, ['--import', 'tsx', '--import', resolve('tests/bench/scale/server-probe.mjs'), 'src/server/main.ts'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(PORT),
      DATA_DIR: dir,
      DEMO: '0',
      PUBLIC_VIEW: '1',
      INGEST_TOKEN: INGEST,
      OPERATOR_TOKEN: OPERATOR,
      INGEST_RATE_PER_SECOND: '0',
      BENCH_PROBE_FILE: probeFile,
    },
  });
  let out = '';
  server.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const children: ReturnType<typeof fork>[] = [];
  const stopAll = () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    if (server.pid !== undefined && server.exitCode === null) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // gone
      }
    }
  };
  process.on('exit', stopAll);
  const probe = (): Probe => JSON.parse(readFileSync(probeFile, 'utf8')) as Probe;

  try {
    for (let i = 0; ; i++) {
      if (server.exitCode !== null) throw new Error(`server exited:\n${out}`);
      try {
        if ((await fetch(`${BASE}/api/health`)).ok) break;
      } catch {
        // not yet
      }
      if (i > 240) throw new Error(`server did not start:\n${out}`);
      await sleep(250);
    }
    await sleep(1500);
    const before = probe();

    // clients, split over PROCS processes
    const per = Math.ceil(CLIENTS / PROCS);
    const ready: Promise<number>[] = [];
    for (let p = 0; p < PROCS; p++) {
      const n = Math.min(per, CLIENTS - p * per);
      if (n <= 0) break;
      const child = fork(resolve('tests/bench/scale/clients.ts'), [BASE, String(n), OPERATOR], { execArgv: ['--import', 'tsx'] });
      children.push(child);
      ready.push(
        new Promise((res, rej) => {
          child.on('message', (m: { cmd: string; count?: number; message?: string }) => {
            if (m.cmd === 'connected') res(m.count ?? 0);
            if (m.cmd === 'error') rej(new Error(m.message));
          });
          child.once('exit', (code) => rej(new Error(`client process exited (${code})`)));
        }),
      );
      child.send({ cmd: 'connect', since: 0 });
    }
    const tc = performance.now();
    const connected = (await Promise.all(ready)).reduce((a, b) => a + b, 0);
    console.log(`${fmt(connected)} socket.io clients connected and subscribed in ${fmt((performance.now() - tc) / 1000, 1)} s (${PROCS} client processes)`);
    await sleep(3000);
    const withClients = probe();

    // the measured phase
    if (server.pid !== undefined) process.kill(server.pid, 'SIGUSR2');
    await sleep(600);
    const perTick = Math.max(1, Math.round((RATE * TICK_MS) / 1000));
    const sentAt = new Map<number, number>();
    let lastSeq = 0;
    let acked = 0;
    let maxPostMs = 0;
    const t0 = Date.now();
    const ticks = Math.round((SECONDS * 1000) / TICK_MS);
    for (let k = 0; k < ticks; k++) {
      const due = t0 + k * TICK_MS;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      const batch = Array.from({ length: perTick }, () => created({ at: new Date().toISOString() }));
      const sent = Date.now();
      const res = await fetch(`${BASE}/api/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST}` },
        body: JSON.stringify(batch),
      });
      const body = (await res.json()) as { seq?: number };
      maxPostMs = Math.max(maxPostMs, Date.now() - sent);
      if (res.status !== 201 || typeof body.seq !== 'number') throw new Error(`ingest answered ${res.status}: ${JSON.stringify(body)}`);
      for (let s = lastSeq + 1; s <= body.seq; s++) sentAt.set(s, sent);
      acked += body.seq - lastSeq;
      lastSeq = body.seq;
    }
    const elapsed = (Date.now() - t0) / 1000;
    await sleep(1500);
    const during = probe();

    const reports = await Promise.all(
      children.map(
        (c) =>
          new Promise<ClientReport[]>((res) => {
            c.once('message', (m: { cmd: string; clients: ClientReport[] }) => res(m.clients));
            c.send({ cmd: 'report' });
          }),
      ),
    );
    const all = reports.flat();
    const expected = Array.from({ length: lastSeq }, (_, i) => i + 1);
    let exact = 0;
    const latencies: number[] = [];
    for (const c of all) {
      if (c.seqs.length === expected.length && c.seqs.every((s, i) => s === expected[i])) exact++;
      c.seqs.forEach((s, i) => {
        const t = sentAt.get(s);
        const r = c.times[i];
        if (t !== undefined && r !== undefined) latencies.push(r - t);
      });
    }
    latencies.sort((a, b) => a - b);
    console.log(`\none node (SQLite), ${fmt(connected)} clients, ${fmt(acked)} events acknowledged in ${fmt(elapsed, 1)} s = ${fmt(acked / elapsed)} events/s (target ${RATE}); slowest ingest POST ${fmt(maxPostMs)} ms`);
    console.log(`  delivered ${fmt(latencies.length)} event copies; clients with every event exactly once, in order: ${fmt(exact)} / ${fmt(all.length)}`);
    console.log(`  delivery latency (POST sent → client received): p50 ${fmt(pct(latencies, 50))} ms, p95 ${fmt(pct(latencies, 95))} ms, p99 ${fmt(pct(latencies, 99))} ms, max ${fmt(latencies.at(-1) ?? Number.NaN)} ms`);
    console.log(`  server event-loop delay during the phase: p50 ${fmt(during.delay.p50, 1)} ms, p99 ${fmt(during.delay.p99, 1)} ms, max ${fmt(during.delay.max, 1)} ms`);
    console.log(
      `  server memory: RSS ${fmt(before.rss / 2 ** 20, 1)} MB idle → ${fmt(withClients.rss / 2 ** 20, 1)} MB with the clients → ${fmt(during.rss / 2 ** 20, 1)} MB after the phase; per connection ≈ ${fmt((withClients.rss - before.rss) / connected / 1024, 1)} KB RSS, ${fmt((withClients.heapUsed - before.heapUsed) / connected / 1024, 1)} KB heap`,
    );
    console.log('\ntwo nodes: not measured — several API nodes need the PostgreSQL store and the socket.io adapter (issue 7), not built yet.');
    console.log('1,000,000 reports: SQLite figures come from `npm run bench:stats`; PostgreSQL not built yet.');
    if (exact !== all.length) process.exitCode = 1;
    for (const c of children) c.send({ cmd: 'close' });
  } finally {
    await sleep(200);
    stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
