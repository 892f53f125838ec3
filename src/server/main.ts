import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { seedHistory } from './demo/seed';
import { startSimulator, type Simulator } from './demo/simulator';
import { createIngestWriter, type IngestWriter } from './store/ingest-writer';
import { createReadPool, type Reads } from './store/read-pool';
import { openSqliteStore } from './store/sqlite-store';
import { openPgStore, type PgStore } from './store/pg-store';
import { redactUrl } from './store/pg/pg-url';
import type { Store } from './store/store';
import { keepGeneratedTokens } from './token-file';
import { startOpen311Poller, type Open311Poller } from './import/open311/poller';

// wiring only: everything testable lives in createApp, the store and the demo modules
function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

let config = readConfig();
const log = console;
const clock = () => new Date();

const dataDir = resolve(config.dataDir);
mkdirSync(dataDir, { recursive: true });
config = keepGeneratedTokens(config, dataDir);
// DATABASE_URL: the event log lives in PostgreSQL, shared by every node; this node answers reads from its own
// SQLite read model of it (decision 0013). Otherwise the whole store is one SQLite file in DATA_DIR.
let store: Store;
let pgStore: PgStore | null = null;
let readFile = join(dataDir, 'paht.sqlite');
if (config.databaseUrl) {
  const where = redactUrl(config.databaseUrl);
  try {
    pgStore = openPgStore({ url: config.databaseUrl, replicaFile: join(dataDir, 'paht-replica.sqlite'), log });
  } catch (err) {
    log.error(`cannot open the PostgreSQL store at ${where}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  store = pgStore;
  readFile = pgStore.replicaFile;
  log.info(`Store: PostgreSQL ${where} (shared event log, ${store.latestSeq()} events); read model ${readFile}`);
} else {
  store = openSqliteStore(readFile);
  log.info(`Store: ${readFile} (${store.latestSeq()} events)`);
}
// accounts (decision 0011): no default passwords; without the demo picker and without users nobody can sign in
const users = store.auth.countUsers();
log.info(`Accounts: ${users} user(s); demo sign-in ${config.demoLogin ? 'ON (DEMO_LOGIN; never in production)' : 'off'}; public view ${config.publicView ? 'on (PUBLIC_VIEW=1)' : 'off'}`);
if (users === 0 && !config.demoLogin) {
  log.warn('No user accounts yet. Create the first operator with:  npm run users -- create <username> --role operator  (DATA_DIR must be the same)');
}

if (config.demo && store.isEmpty()) {
  log.info(`demo: seeding ${config.demoDays} days of the Huế scenario (seed ${config.seed}; DEMO_DAYS changes it)…`);
  const r = seedHistory(store, { seed: config.seed, now: clock(), days: config.demoDays, log });
  log.info(`demo: seeded ${r.events} events in ${(r.ms / 1000).toFixed(1)} s (${Math.round(r.events / (r.ms / 1000))} events/s)${r.skipped ? `, ${r.skipped} refused and skipped` : ''}`);
}

// the statistics and list reads run on worker threads with their own read-only connections (decision 0012)
let reads: Reads | undefined;
if (config.readWorkers > 0) {
  reads = await createReadPool({ file: readFile, size: config.readWorkers });
  log.info(`Reads: ${config.readWorkers} worker thread(s) (READ_WORKERS)`);
}
// the ingest API's transactions run on a writer worker with group commit (decision 0014); PostgreSQL ingests as before
let writer: IngestWriter | undefined;
if (config.writeWorker && !pgStore) {
  writer = await createIngestWriter({ file: readFile });
  log.info('Ingest: writer worker with group commit (WRITE_WORKER=0 ingests on the request thread)');
}
const app = createApp({ store, clock, config, log, security: config, reads, writer });
// events other nodes append reach this node's read model, then its live stream (LISTEN + LOG_POLL_MS pulls)
const follower = pgStore ? await pgStore.follow(() => app.broadcaster.notify(), config.logPollMs) : null;
let simulator: Simulator | null = null;
if (config.demo) {
  simulator = startSimulator({ store, clock, seed: config.seed, speed: config.simSpeed, onIngested: () => app.broadcaster.notify(), log });
  log.info(`demo: live simulator running at ${config.simSpeed}× speed (DEMO=0 turns it off)`);
}

let url: string;
try {
  url = await app.listen();
} catch (err) {
  log.error(`cannot listen on ${config.host}:${config.port}: ${err instanceof Error ? err.message : String(err)}`);
  simulator?.stop();
  await reads?.close();
  await writer?.close();
  store.close();
  process.exit(1);
}
log.info(`Dashboard: ${url}/`);
log.info(`Ingest token:   ${config.ingestToken}${config.ingestTokenGenerated ? '   (generated, kept in DATA_DIR/tokens.json; set INGEST_TOKEN to choose it)' : ''}`);
log.info(`Operator token: ${config.operatorToken}${config.operatorTokenGenerated ? '   (generated, kept in DATA_DIR/tokens.json; set OPERATOR_TOKEN to choose it)' : ''}`);
for (const [name, token] of [['INGEST_TOKEN', config.ingestToken], ['OPERATOR_TOKEN', config.operatorToken]] as const) {
  if (token.length < 16) log.warn(`warning: ${name} is short (${token.length} characters); use a long random value outside tests`);
}

// Open311 source (decision 0007): polls OPEN311_URL and ingests like the ingest API, live stream included
let open311: Open311Poller | null = null;
if (config.open311) {
  try {
    open311 = startOpen311Poller({ store, clock, config: config.open311, dataDir, onIngested: () => app.broadcaster.notify(), log });
    log.info(`open311: polling ${config.open311.url} every ${config.open311.pollSeconds} s`);
  } catch (err) {
    log.error(`open311: not started: ${err instanceof Error ? err.message : String(err)}`);
  }
}

let stopping = false;
/**
 * SIGTERM/SIGINT: no new events from the simulator; stop accepting connections and let the requests already
 * accepted finish (bounded by SHUTDOWN_TIMEOUT_MS); send the pending live batch; close the sockets; close the
 * store (its last transaction is already durable: synchronous=FULL). A second signal, or a close that hangs,
 * ends the process at once — every acknowledged event is on disk either way.
 */
const shutdown = async (signal: string) => {
  if (stopping) {
    log.warn(`${signal} again: exiting now`);
    process.exit(1);
  }
  stopping = true;
  log.info(`${signal}: shutting down (draining requests, up to ${config.shutdownTimeoutMs} ms)`);
  const hang = setTimeout(() => {
    log.error('shutdown did not finish in time: exiting');
    process.exit(1);
  }, config.shutdownTimeoutMs + 5000);
  hang.unref();
  simulator?.stop();
  await open311?.stop();
  await follower?.stop();
  let code = 0;
  try {
    await app.close();
  } catch (err) {
    code = 1;
    log.error('shutdown:', err);
  } finally {
    await reads?.close();
    // after app.close: the requests it drained have had their answers, so no batch is left with the worker
    await writer?.close();
    store.close();
  }
  log.info('shutdown complete: store closed');
  process.exit(code);
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
