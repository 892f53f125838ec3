import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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
 * One real server (`src/server/main.ts`) for bench:scale: its own process group, DATA_DIR and port on 127.0.0.1,
 * DEMO=0, the probe (event-loop delay, memory) loaded before tsx. `dataDir` may be given (a copied store).
 */
export async function startBenchNode(opts: { name: string; port: number; env: Record<string, string>; dataDir?: string; timeoutMs?: number }): Promise<BenchNode> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), `paht-bench-scale-${opts.name}-`));
  const probeFile = join(dataDir, 'probe.json');
  const url = `http://127.0.0.1:${opts.port}`;
  const child: ChildProcess = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', '--import', resolve('tests/bench/scale/server-probe.mjs'), 'src/server/main.ts'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(opts.port),
      DATA_DIR: dataDir,
      DEMO: '0',
      PUBLIC_VIEW: '1',
      INGEST_RATE_PER_SECOND: '0',
      BENCH_PROBE_FILE: probeFile,
      ...opts.env,
    },
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // gone
      }
    }
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 300_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`node ${opts.name} exited:\n${out}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`node ${opts.name} did not start:\n${out}`);
    }
    await sleep(250);
  }
  // the probe writes every 500 ms
  while (!existsSync(probeFile)) await sleep(100);
  return {
    name: opts.name,
    url,
    pid: child.pid as number,
    dataDir,
    probe: () => JSON.parse(readFileSync(probeFile, 'utf8')) as Probe,
    resetDelay: () => process.kill(child.pid as number, 'SIGUSR2'),
    collectedProbe: async () => {
      const asked = Date.now();
      process.kill(child.pid as number, 'SIGHUP');
      for (;;) {
        await sleep(100);
        const p = JSON.parse(readFileSync(probeFile, 'utf8')) as Probe;
        if (p.at >= asked) return p;
      }
    },
    output: () => out,
    stop,
  };
}

export function removeBenchDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
