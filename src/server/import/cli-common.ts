import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseOpen311Instant } from '../../shared/domain/open311';
import { openSqliteStore } from '../store/sqlite-store';
import { openPgStore } from '../store/pg-store';
import { isPostgresUrl, POSTGRES_URL_RULE, redactUrl } from '../store/pg/pg-url';
import type { Store } from '../store/store';
import { serverSink, storeSink, type ImportSink } from './sink';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** `--name value`, `--name=value` and bare flags; anything not declared is refused (a typo must not be ignored). */
export function parseArgs(argv: readonly string[], spec: { values: readonly string[]; flags: readonly string[] }) {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const m = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(a);
    if (!m) throw new UsageError(`unexpected argument '${a}'`);
    const name = m[1] as string;
    if (spec.flags.includes(name)) {
      if (m[2] !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
    } else if (spec.values.includes(name)) {
      const v = m[2] ?? argv[++i];
      if (v === undefined || (m[2] === undefined && v.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      values[name] = v;
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { values, flags };
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A command-line instant: an ISO date-time (no offset = Vietnam time, like Open311 timestamps) or a date,
 * which means the start of that day in Vietnam — or, for an end (`--to 2024-03-31`), the end of it.
 */
export function parseCliInstant(v: string, name: string, end = false): Date {
  const d = DATE_ONLY.exec(v.trim());
  const ms = d ? parseOpen311Instant(`${v.trim()}T00:00:00+07:00`) : parseOpen311Instant(v);
  if (ms === null) throw new UsageError(`--${name} '${v}': expected a date (2024-03-31) or a date-time (2024-03-31T08:00:00+07:00)`);
  return new Date(d && end ? ms + 86_400_000 : ms);
}

export interface ChosenSink {
  sink: ImportSink;
  /** one line for the operator: where the events go */
  where: string;
  dataDir: string;
  close(): void;
}

function tokenFromFile(dataDir: string): string | null {
  const file = join(dataDir, 'tokens.json');
  if (!existsSync(file)) return null;
  try {
    const t = (JSON.parse(readFileSync(file, 'utf8')) as { ingestToken?: unknown }).ingestToken;
    return typeof t === 'string' && t ? t : null;
  } catch {
    return null;
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1500) });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Where an import writes. `--server URL` posts to a running server's ingest API (the live stream then carries
 * the import); `--data-dir DIR` writes straight into DIR/paht.sqlite (for a stopped server or a fresh store), or
 * into the PostgreSQL log when DATABASE_URL is set.
 * Neither: the server on 127.0.0.1:$PORT (8080) if one answers, otherwise DATA_DIR (./data) directly.
 */
export async function chooseSink(values: Record<string, string>, env: NodeJS.ProcessEnv, clock: () => Date = () => new Date()): Promise<ChosenSink> {
  const dataDir = resolve(values['data-dir'] ?? env.DATA_DIR ?? './data');
  const server = async (url: string): Promise<ChosenSink> => {
    const token = values.token ?? env.INGEST_TOKEN ?? tokenFromFile(dataDir);
    if (!token) throw new UsageError(`no ingest token: give --token, set INGEST_TOKEN, or run where ${join(dataDir, 'tokens.json')} exists`);
    return { sink: serverSink(url, token), where: `the server at ${url} (POST /api/v1/events)`, dataDir, close: () => {} };
  };
  const direct = (): ChosenSink => {
    mkdirSync(dataDir, { recursive: true });
    const databaseUrl = env.DATABASE_URL?.trim();
    if (databaseUrl) {
      // the shared PostgreSQL log (decision 0013); the import keeps its own read model of it (a node's file may be
      // open in a running server), built from the log on first use and only topped up afterwards
      if (!isPostgresUrl(databaseUrl)) throw new UsageError(`DATABASE_URL ${POSTGRES_URL_RULE}`);
      const replicaFile = join(dataDir, 'paht-import-replica.sqlite');
      const pgStore = openPgStore({ url: databaseUrl, replicaFile });
      return { sink: storeSink(pgStore, clock), where: `PostgreSQL ${redactUrl(databaseUrl)} (direct; read model ${replicaFile})`, dataDir, close: () => pgStore.close() };
    }
    const file = join(dataDir, 'paht.sqlite');
    const store: Store = openSqliteStore(file);
    return { sink: storeSink(store, clock), where: `the store ${file} (direct)`, dataDir, close: () => store.close() };
  };
  if (values.server !== undefined && values['data-dir'] !== undefined) throw new UsageError('give --server or --data-dir, not both');
  if (values.server !== undefined) return server(values.server.replace(/\/+$/, ''));
  if (values['data-dir'] !== undefined) return direct();
  const local = `http://127.0.0.1:${env.PORT ?? '8080'}`;
  if (await answers(local)) return server(local);
  return direct();
}
