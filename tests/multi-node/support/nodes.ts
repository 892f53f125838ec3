import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../e2e/support/server';

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

/**
 * N real API servers (`src/server/main.ts`, started by tests/e2e/support/server.ts's startServer) on one PostgreSQL
 * database: each on its own loopback port with its own DATA_DIR and process group, DEMO=0 (no node seeds or
 * simulates), the same INGEST_TOKEN and OPERATOR_TOKEN. Started one after the other so the first applies the schema.
 */
export async function startNodes(opts: NodesOptions): Promise<NodeCluster> {
  const tag = opts.ports.join('-');
  const ingestToken = `ingest-multi-node-${tag}`;
  const operatorToken = `operator-multi-node-${tag}`;
  const nodes: ApiNode[] = [];

  const stopAll = async () => {
    await Promise.all(nodes.map((n) => n.kill('SIGTERM')));
    for (const n of nodes) rmSync(n.dataDir, { recursive: true, force: true });
  };

  try {
    for (const [i, port] of opts.ports.entries()) {
      const name = NAMES[i] ?? `N${i}`;
      const dataDir = mkdtempSync(join(tmpdir(), `paht-node-${name}-`));
      const start = startServer({
        port,
        dataDir,
        ingestToken,
        operatorToken,
        timeoutMs: opts.timeoutMs ?? 120_000,
        killAfterMs: 15_000,
        env: {
          DATABASE_URL: opts.databaseUrl,
          DEMO: '0',
          // the demo role picker gives a test a real session cookie without creating accounts
          DEMO_LOGIN: '1',
          PUBLIC_VIEW: '0',
          // tests ingest faster than the field platform's default rate
          INGEST_RATE_PER_SECOND: '0',
          ...opts.env,
        },
      });
      const server = await start.catch((err: unknown) => {
        rmSync(dataDir, { recursive: true, force: true });
        throw err;
      });
      nodes.push({
        name,
        url: server.url,
        port,
        dataDir,
        output: server.output,
        get alive() {
          return server.pid() !== undefined;
        },
        // default SIGKILL: a crash, no graceful drain
        kill: (signal: NodeJS.Signals = 'SIGKILL') => server.stop(signal),
      });
    }
  } catch (err) {
    await stopAll();
    throw err;
  }
  return { nodes, databaseUrl: opts.databaseUrl, ingestToken, operatorToken, stop: stopAll };
}
