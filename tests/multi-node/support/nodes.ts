import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ApiNode {
  name: string;
  url: string;
  port: number;
  /** the node's own DATA_DIR (its local read model) */
  dataDir: string;
  output: () => string;
  readonly alive: boolean;
  /** signals the node's whole process group (default SIGKILL: a crash, no graceful drain) and waits for its exit */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

export interface NodeCluster {
  nodes: ApiNode[];
  databaseUrl: string;
  /** the same on every node, as README "Several API nodes" requires */
  ingestToken: string;
  operatorToken: string;
  /** SIGTERM every node still running, then remove their data folders */
  stop: () => Promise<void>;
}

export interface NodesOptions {
  /** one loopback port per node (H4's range is 187xx) */
  ports: number[];
  /** a fresh database (tests/support/pg.ts freshDatabase()) shared by every node */
  databaseUrl: string;
  /** extra environment for every node (overrides the defaults below) */
  env?: Record<string, string>;
  timeoutMs?: number;
}

const NAMES = 'ABCDEFGH';

async function waitHealthy(url: string, child: ChildProcess, out: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`node at ${url} exited (${child.exitCode ?? child.signalCode}):\n${out()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`node at ${url} did not become healthy:\n${out()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * N real API servers (`src/server/main.ts`, as tests/e2e/support/server.ts runs one) on one PostgreSQL database:
 * each on its own loopback port with its own DATA_DIR and process group, DEMO=0 (no node seeds or simulates), the
 * same INGEST_TOKEN and OPERATOR_TOKEN. Started one after the other so the first applies the schema.
 */
export async function startNodes(opts: NodesOptions): Promise<NodeCluster> {
  const tag = opts.ports.join('-');
  const ingestToken = `ingest-multi-node-${tag}`;
  const operatorToken = `operator-multi-node-${tag}`;
  const nodes: ApiNode[] = [];
  const children: ChildProcess[] = [];

  const stopAll = async () => {
    await Promise.all(nodes.map((n) => n.kill('SIGTERM')));
    for (const n of nodes) rmSync(n.dataDir, { recursive: true, force: true });
  };

  try {
    for (const [i, port] of opts.ports.entries()) {
      const name = NAMES[i] ?? `N${i}`;
      const dataDir = mkdtempSync(join(tmpdir(), `paht-node-${name}-`));
      const url = `http://127.0.0.1:${port}`;
      let out = '';
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: String(port),
          DATA_DIR: dataDir,
          DATABASE_URL: opts.databaseUrl,
          DEMO: '0',
          INGEST_TOKEN: ingestToken,
          OPERATOR_TOKEN: operatorToken,
          // the demo role picker gives a test a real session cookie without creating accounts
          DEMO_LOGIN: '1',
          PUBLIC_VIEW: '0',
          // tests ingest faster than the field platform's default rate
          INGEST_RATE_PER_SECOND: '0',
          ...opts.env,
        },
      });
      children.push(child);
      child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      const running = () => child.exitCode === null && child.signalCode === null;
      const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
        if (!running() || child.pid === undefined) return;
        try {
          process.kill(-child.pid, signal);
        } catch {
          return;
        }
        const timer = setTimeout(() => {
          try {
            process.kill(-(child.pid as number), 'SIGKILL');
          } catch {
            // gone
          }
        }, 15_000);
        await exited;
        clearTimeout(timer);
      };
      nodes.push({
        name,
        url,
        port,
        dataDir,
        output: () => out,
        get alive() {
          return running();
        },
        kill,
      });
      await waitHealthy(url, child, () => out, opts.timeoutMs ?? 120_000);
    }
  } catch (err) {
    await stopAll();
    throw err;
  }
  return { nodes, databaseUrl: opts.databaseUrl, ingestToken, operatorToken, stop: stopAll };
}
