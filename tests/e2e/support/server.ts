import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  ingestToken: string;
  operatorToken: string;
  output: () => string;
  /** the running process (its group has the same id), undefined once it exited */
  pid: () => number | undefined;
  /** SIGTERM the whole process group and wait for it to exit */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  /** start again on the same port and data folder */
  restart: () => Promise<void>;
}

export interface ServerOptions {
  port: number;
  env?: Record<string, string>;
  dataDir?: string;
  /** how long to wait for /api/health (seeding a demo store takes a few seconds) */
  timeoutMs?: number;
  /** node options before the entry point (`--expose-gc`, `--import <probe>`…) */
  execArgv?: string[];
  /** INGEST_TOKEN / OPERATOR_TOKEN (default: derived from the port); several nodes of one cluster share them */
  ingestToken?: string;
  operatorToken?: string;
  /** after a stop signal, how long before the group is SIGKILLed */
  killAfterMs?: number;
}

/** Runs the real product (`src/server/main.ts`) in its own process group on 127.0.0.1. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'paht-e2e-'));
  const ingestToken = opts.ingestToken ?? `ingest-${opts.port}-test`;
  const operatorToken = opts.operatorToken ?? `operator-${opts.port}-test`;
  const url = `http://127.0.0.1:${opts.port}`;
  let out = '';
  let child: ChildProcess | null = null;

  const launch = async () => {
    child = spawn(process.execPath, [...(opts.execArgv ?? []), '--import', 'tsx', 'src/server/main.ts'], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(opts.port),
        DATA_DIR: dataDir,
        INGEST_TOKEN: ingestToken,
        OPERATOR_TOKEN: operatorToken,
        // the demo role picker (support/session.ts signIn) and an open read-only view; a test of refusals passes PUBLIC_VIEW=0
        DEMO_LOGIN: '1',
        PUBLIC_VIEW: '1',
        ...opts.env,
      },
    });
    const c = child;
    c.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
    for (;;) {
      if (c.exitCode !== null || c.signalCode !== null) throw new Error(`server on ${url} exited (${c.exitCode ?? c.signalCode}):\n${out}`);
      try {
        const res = await fetch(`${url}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        // no process left behind by a start that failed
        await stop();
        throw new Error(`server on ${url} did not become healthy:\n${out}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const c = child as ChildProcess | null;
    if (!c || c.exitCode !== null || c.signalCode !== null || c.pid === undefined) return;
    const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    try {
      process.kill(-c.pid, signal);
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-(c.pid as number), 'SIGKILL');
      } catch {
        // already gone
      }
    }, opts.killAfterMs ?? 10_000);
    await exited;
    clearTimeout(timer);
  };

  await launch();
  return {
    url,
    port: opts.port,
    dataDir,
    ingestToken,
    operatorToken,
    output: () => out,
    pid: () => {
      const c = child as ChildProcess | null;
      return c && c.exitCode === null && c.signalCode === null ? c.pid : undefined;
    },
    stop,
    restart: launch,
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
