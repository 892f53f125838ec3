/**
 * `npm run bench:scale` — live fan-out at scale (issue 7). Starts the real server (one node by default; 127.0.0.1
 * ports 18740+, each its own process group and DATA_DIR), connects N socket.io clients (default 500, held by child
 * processes so the clients' own JSON parsing is spread over both cores), then ingests new reports at a steady
 * rate (default 200 events/s, 10 POSTs of 20 a second) through the first node for a while, and prints:
 *   - delivery latency p50/p95/p99/max: from the moment the ingest POST was sent to the moment each client
 *     received the event (so it includes validation, the transaction, the live batch window and the wire) — over
 *     all clients and, with several nodes, per node (the other node's clients include its pull from the log);
 *   - exactly-once and in-order: every client got every acknowledged event once, in seq order;
 *   - each node's event-loop delay during the phase (p50/p99/max) and memory per connection (RSS and live-heap
 *     growth after connecting its clients, each measured after a full GC, divided by their number).
 * Figures, not a timed test. The clients run on the same 2 cores as the servers, so latencies are pessimistic.
 *
 *   --store=sqlite (default) | pg   pg: every node on one fresh PostgreSQL database (created on the server of
 *                                  TEST_DATABASE_URL, a maintenance URL, and dropped afterwards)
 *   --nodes=1 (default) | N        N > 1 needs --store=pg; clients are split evenly across the nodes
 *   --clients=500 --rate=200 --seconds=30 --procs=max(2, nodes)
 *   --million                      instead of the fan-out: the 1,000,000-report rows — ingest throughput and
 *                                  p50/p95 of the stats and list endpoints on a copy of data/bench-stats/paht.sqlite
 *                                  (built by `npm run bench:stats`; the original is never opened). With
 *                                  --store=pg the copy's log is COPYed into a fresh PostgreSQL database and the copy
 *                                  becomes the node's read model (same rows and seq, so no rebuild at start).
 */
import { fork } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { created } from '../server/fixtures';
import { freshDatabase } from '../support/pg';
import { removeBenchDir, startBenchNode, type BenchNode, type Probe } from './scale/nodes';
import { loadLogIntoPg } from './scale/pg-load';

const arg = (name: string, fallback: number) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
};
const argText = (name: string, fallback: string) => process.argv.find((x) => x.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const STORE = argText('store', 'sqlite');
const NODES = arg('nodes', 1);
const CLIENTS = arg('clients', 500);
const RATE = arg('rate', 200);
const SECONDS = arg('seconds', 30);
const PROCS = Math.max(1, Math.min(CLIENTS, arg('procs', Math.max(2, NODES))));
const MILLION = process.argv.includes('--million');
const BASE_PORT = 18740;
const INGEST = 'bench-scale-ingest-token-0123456789';
const OPERATOR = 'bench-scale-operator-token-0123456789';
const TICK_MS = 100;

interface ClientReport {
  seqs: number[];
  times: number[];
  connected: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
const MB = 2 ** 20;

function storeLabel(): string {
  return STORE === 'pg' ? 'PostgreSQL log + SQLite read model per node' : 'SQLite';
}

async function ingestBatch(node: BenchNode, n: number): Promise<{ seq: number; ms: number }> {
  const batch = Array.from({ length: n }, () => created({ at: new Date().toISOString() }));
  const sent = Date.now();
  const res = await fetch(`${node.url}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST}` },
    body: JSON.stringify(batch),
  });
  const body = (await res.json()) as { seq?: number };
  if (res.status !== 201 || typeof body.seq !== 'number') throw new Error(`ingest through ${node.name} answered ${res.status}: ${JSON.stringify(body)}`);
  return { seq: body.seq, ms: Date.now() - sent };
}

async function fanOut(nodes: BenchNode[]) {
  const before = await Promise.all(nodes.map((n) => n.collectedProbe()));
  // clients, split over PROCS processes; process p holds clients of node p mod N
  const per = Math.ceil(CLIENTS / PROCS);
  const children: { proc: ReturnType<typeof fork>; node: BenchNode; count: number }[] = [];
  const ready: Promise<number>[] = [];
  for (let p = 0; p < PROCS; p++) {
    const n = Math.min(per, CLIENTS - p * per);
    if (n <= 0) break;
    const node = nodes[p % nodes.length] as BenchNode;
    const proc = fork(resolve('tests/bench/scale/clients.ts'), [node.url, String(n), OPERATOR], { execArgv: ['--import', 'tsx'] });
    children.push({ proc, node, count: n });
    ready.push(
      new Promise((res, rej) => {
        proc.on('message', (m: { cmd: string; count?: number; message?: string }) => {
          if (m.cmd === 'connected') res(m.count ?? 0);
          if (m.cmd === 'error') rej(new Error(m.message));
        });
        proc.once('exit', (code) => rej(new Error(`client process exited (${code})`)));
      }),
    );
    proc.send({ cmd: 'connect', since: 0 });
  }
  const stopClients = () => {
    for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
  };
  process.on('exit', stopClients);
  const tc = performance.now();
  const connected = (await Promise.all(ready)).reduce((a, b) => a + b, 0);
  console.log(`${fmt(connected)} socket.io clients connected and subscribed in ${fmt((performance.now() - tc) / 1000, 1)} s (${children.length} client processes, ${nodes.length} node(s))`);
  await sleep(3000);
  const withClients = await Promise.all(nodes.map((n) => n.collectedProbe()));

  // the measured phase: ingest through the first node
  for (const n of nodes) n.resetDelay();
  await sleep(600);
  const perTick = Math.max(1, Math.round((RATE * TICK_MS) / 1000));
  const sentAt = new Map<number, number>();
  let lastSeq = 0;
  let acked = 0;
  let maxPostMs = 0;
  const t0 = Date.now();
  const ticks = Math.round((SECONDS * 1000) / TICK_MS);
  const writer = nodes[0] as BenchNode;
  for (let k = 0; k < ticks; k++) {
    const due = t0 + k * TICK_MS;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    const sent = Date.now();
    const r = await ingestBatch(writer, perTick);
    maxPostMs = Math.max(maxPostMs, r.ms);
    for (let s = lastSeq + 1; s <= r.seq; s++) sentAt.set(s, sent);
    acked += r.seq - lastSeq;
    lastSeq = r.seq;
  }
  const elapsed = (Date.now() - t0) / 1000;
  // the machine is shared: a busy one makes every latency here worse
  const load = loadavg()[0] ?? Number.NaN;
  // the clients may be behind (they share the cores): wait until each has reached the last acknowledged seq, or
  // give up after a minute (then the exactly-once line says how many did not)
  const progress = () =>
    Promise.all(
      children.map(
        (c) =>
          new Promise<number>((res) => {
            c.proc.once('message', (m: { cmd: string; min: number }) => res(m.min));
            c.proc.send({ cmd: 'progress' });
          }),
      ),
    );
  const caughtUpBy = Date.now() + 60_000;
  while (Math.min(...(await progress())) < lastSeq && Date.now() < caughtUpBy) await sleep(250);
  const drained = (Date.now() - t0) / 1000 - elapsed;
  await sleep(500);
  const during = nodes.map((n) => n.probe());

  const reports = await Promise.all(
    children.map(
      (c) =>
        new Promise<{ node: BenchNode; clients: ClientReport[] }>((res) => {
          c.proc.once('message', (m: { cmd: string; clients: ClientReport[] }) => res({ node: c.node, clients: m.clients }));
          c.proc.send({ cmd: 'report' });
        }),
    ),
  );
  const expected = Array.from({ length: lastSeq }, (_, i) => i + 1);
  const tally = (clients: ClientReport[]) => {
    let exact = 0;
    const latencies: number[] = [];
    for (const c of clients) {
      if (c.seqs.length === expected.length && c.seqs.every((s, i) => s === expected[i])) exact++;
      c.seqs.forEach((s, i) => {
        const t = sentAt.get(s);
        const r = c.times[i];
        if (t !== undefined && r !== undefined) latencies.push(r - t);
      });
    }
    latencies.sort((a, b) => a - b);
    return { exact, total: clients.length, latencies };
  };
  const line = (l: number[]) => `p50 ${fmt(pct(l, 50))} ms, p95 ${fmt(pct(l, 95))} ms, p99 ${fmt(pct(l, 99))} ms, max ${fmt(l.at(-1) ?? Number.NaN)} ms`;
  const all = tally(reports.flatMap((r) => r.clients));
  const label = nodes.length === 1 ? `one node (${storeLabel()})` : `${nodes.length} nodes (${storeLabel()}), ingest through ${writer.name}`;
  console.log(`\n${label}, ${fmt(connected)} clients, ${fmt(acked)} events acknowledged in ${fmt(elapsed, 1)} s = ${fmt(acked / elapsed)} events/s (target ${RATE}); slowest ingest POST ${fmt(maxPostMs)} ms; 1-min load average ${fmt(load, 1)} on ${cpus().length} cores`);
  console.log(`  delivered ${fmt(all.latencies.length)} event copies (the last ${fmt(drained, 1)} s after the ingest ended); clients with every event exactly once, in order: ${fmt(all.exact)} / ${fmt(all.total)}`);
  console.log(`  delivery latency (POST sent → client received): ${line(all.latencies)}`);
  nodes.forEach((n, i) => {
    const mine = tally(reports.filter((r) => r.node === n).flatMap((r) => r.clients));
    const b = before[i] as Probe;
    const w = withClients[i] as Probe;
    const d = during[i] as Probe;
    const prefix = nodes.length === 1 ? '  server' : `  node ${n.name}${n === writer ? ' (ingest)' : ''}`;
    if (nodes.length > 1) console.log(`${prefix}: ${fmt(mine.total)} clients, exactly once in order ${fmt(mine.exact)} / ${fmt(mine.total)}; latency ${line(mine.latencies)}`);
    console.log(`${prefix} event-loop delay during the phase: p50 ${fmt(d.delay.p50, 1)} ms, p99 ${fmt(d.delay.p99, 1)} ms, max ${fmt(d.delay.max, 1)} ms`);
    const count = Math.max(1, mine.total);
    console.log(
      `${prefix} memory: RSS ${fmt(b.rss / MB, 1)} MB idle → ${fmt(w.rss / MB, 1)} MB with its clients → ${fmt(d.rss / MB, 1)} MB after the phase; per connection ≈ ${fmt((w.rss - b.rss) / count / 1024, 1)} KB RSS, ${fmt((w.heapUsed - b.heapUsed) / count / 1024, 1)} KB heap`,
    );
  });
  if (all.exact !== all.total) process.exitCode = 1;
  for (const c of children) c.proc.send({ cmd: 'close' });
  await sleep(200);
  stopClients();
}

/** The 1,000,000-report row: ingest throughput and endpoint latencies on a copy of bench:stats' store. */
async function million() {
  const source = resolve('data/bench-stats/paht.sqlite');
  if (!existsSync(source)) throw new Error(`${source} does not exist: build it with npm run bench:stats (well over an hour)`);
  const dir = mkdtempSync(join(resolve('data'), 'bench-scale-million-'));
  try {
    const tc = performance.now();
    // on PostgreSQL the copy is the node's read model, and the log is loaded from it (same rows, same seq)
    const file = STORE === 'pg' ? 'paht-replica.sqlite' : 'paht.sqlite';
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(source + suffix)) copyFileSync(source + suffix, join(dir, `${file}${suffix}`));
    console.log(`copied the 1M-report store in ${fmt((performance.now() - tc) / 1000, 1)} s`);
    const database = STORE === 'pg' ? await freshDatabase() : null;
    if (database) {
      const tl = performance.now();
      const loaded = await loadLogIntoPg(join(dir, file), database.url);
      console.log(`loaded the log into PostgreSQL (COPY): ${fmt(loaded.events)} events, ${fmt(loaded.reporters)} reporters in ${fmt((performance.now() - tl) / 1000, 1)} s`);
    }
    const ts = performance.now();
    const env: Record<string, string> = { INGEST_TOKEN: INGEST, OPERATOR_TOKEN: OPERATOR, ...(database ? { DATABASE_URL: database.url } : {}) };
    const node = await startBenchNode({ name: 'A', port: BASE_PORT, dataDir: dir, env, timeoutMs: 1_800_000 });
    console.log(`server up in ${fmt((performance.now() - ts) / 1000, 1)} s`);
    try {
      const auth = { authorization: `Bearer ${OPERATOR}` };
      const total = ((await (await fetch(`${node.url}/api/v1/reports?limit=1`, { headers: auth })).json()) as { total: number }).total;
      const endpoints: [string, string][] = [
        ['stats   KPI summary', '/api/v1/stats/summary'],
        ['stats   backlog by unit (this month)', '/api/v1/stats/agencies'],
        ['list    newest 50', '/api/v1/reports?limit=50'],
        ['list    overdue, 50', '/api/v1/reports?bucket=overdue&limit=50'],
      ];
      const timings = async () => {
        const rows: string[] = [];
        for (const [name, path] of endpoints) {
          for (let i = 0; i < 3; i++) await (await fetch(node.url + path, { headers: auth })).arrayBuffer();
          const t: number[] = [];
          for (let i = 0; i < 40; i++) {
            const s = performance.now();
            const res = await fetch(node.url + path, { headers: auth });
            await res.arrayBuffer();
            if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
            t.push(performance.now() - s);
          }
          t.sort((a, b) => a - b);
          rows.push(`  ${name.padEnd(38)} p50 ${fmt(pct(t, 50), 1).padStart(7)} ms   p95 ${fmt(pct(t, 95), 1).padStart(7)} ms`);
        }
        return rows;
      };
      console.log(`\n1,000,000 reports (${fmt(total)} in the store), ${storeLabel()}, one node:`);
      for (const r of await timings()) console.log(r);
      // ingest flat out in batches of 100 for SECONDS (one writer, as the field platform sends)
      const t0 = performance.now();
      let events = 0;
      while (performance.now() - t0 < SECONDS * 1000) {
        await ingestBatch(node, 100);
        events += 100;
      }
      const s = (performance.now() - t0) / 1000;
      console.log(`  ingest (POST batches of 100, one writer)   ${fmt(events / s)} events/s over ${fmt(s, 1)} s`);
    } finally {
      node.stop();
      await sleep(1000);
      await database?.drop();
    }
  } finally {
    removeBenchDir(dir);
  }
}

async function main() {
  if (MILLION) return million();
  if (STORE !== 'sqlite' && STORE !== 'pg') throw new Error(`--store=${STORE}: sqlite or pg`);
  if (NODES > 1 && STORE !== 'pg') throw new Error('several nodes share their event log through PostgreSQL: add --store=pg');
  const db = STORE === 'pg' ? await freshDatabase() : null;
  const nodes: BenchNode[] = [];
  process.on('exit', () => {
    for (const n of nodes) n.stop();
  });
  try {
    for (let i = 0; i < NODES; i++) {
      nodes.push(
        await startBenchNode({
          name: 'ABCDEFGH'[i] ?? `N${i}`,
          port: BASE_PORT + i,
          env: { INGEST_TOKEN: INGEST, OPERATOR_TOKEN: OPERATOR, ...(db ? { DATABASE_URL: db.url } : {}) },
        }),
      );
    }
    await sleep(1500);
    await fanOut(nodes);
  } finally {
    for (const n of nodes) n.stop();
    await sleep(1500);
    for (const n of nodes) removeBenchDir(n.dataDir);
    await db?.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
