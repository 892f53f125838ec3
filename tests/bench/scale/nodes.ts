import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../../e2e/support/server';

export interface Probe {
  at: number;
  delay: { p50: number; p99: number; max: number };
  rss: number;
  heapUsed: number;
}

export interface BenchNode {
  name: string;
  url: string;
  pid: number;
  dataDir: string;
  probe: () => Probe;
  /** resets the node's event-loop delay histogram (the probe's SIGUSR2) */
  resetDelay: () => void;
  /** a full garbage collection in the node, then its memory (the probe's SIGHUP) */
  collectedProbe: () => Promise<Probe>;
  output: () => string;
  stop: () => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One real server (`src/server/main.ts`, started by tests/e2e/support/server.ts's startServer) for bench:scale: its
 * own process group, DATA_DIR and port on 127.0.0.1, DEMO=0, the probe (event-loop delay, memory) loaded before
 * tsx. `dataDir` may be given (a copied store).
 */
export async function startBenchNode(opts: { name: string; port: number; env: Record<string, string>; dataDir?: string; timeoutMs?: number }): Promise<BenchNode> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), `paht-bench-scale-${opts.name}-`));
  const probeFile = join(dataDir, 'probe.json');
  const server = await startServer({
    port: opts.port,
    dataDir,
    execArgv: ['--expose-gc', '--import', 'tsx', '--import', resolve('tests/bench/scale/server-probe.mjs')],
    timeoutMs: opts.timeoutMs ?? 300_000,
    env: {
      DEMO: '0',
      DEMO_LOGIN: '0',
      PUBLIC_VIEW: '1',
      INGEST_RATE_PER_SECOND: '0',
      BENCH_PROBE_FILE: probeFile,
      ...opts.env,
    },
  }).catch((err: unknown) => {
    throw new Error(`node ${opts.name}: ${err instanceof Error ? err.message : String(err)}`);
  });
  const pid = server.pid() as number;
  // the probe writes every 500 ms
  while (!existsSync(probeFile)) await sleep(100);
  return {
    name: opts.name,
    url: server.url,
    pid,
    dataDir,
    probe: () => JSON.parse(readFileSync(probeFile, 'utf8')) as Probe,
    resetDelay: () => process.kill(pid, 'SIGUSR2'),
    collectedProbe: async () => {
      const asked = Date.now();
      process.kill(pid, 'SIGHUP');
      for (;;) {
        await sleep(100);
        const p = JSON.parse(readFileSync(probeFile, 'utf8')) as Probe;
        if (p.at >= asked) return p;
      }
    },
    output: server.output,
    // the signal goes out at once (also from an 'exit' handler); the wait for the exit is not needed here
    stop: () => void server.stop(),
  };
}

export function removeBenchDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
