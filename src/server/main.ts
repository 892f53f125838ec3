import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { seedHistory } from './demo/seed';
import { startSimulator, type Simulator } from './demo/simulator';
import { openSqliteStore } from './store/sqlite-store';
import { keepGeneratedTokens } from './token-file';

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
const dbFile = join(dataDir, 'paht.sqlite');
const store = openSqliteStore(dbFile);
log.info(`Store: ${dbFile} (${store.latestSeq()} events)`);

if (config.demo && store.isEmpty()) {
  log.info(`demo: seeding 90 days of the Huế scenario (seed ${config.seed})…`);
  const r = seedHistory(store, { seed: config.seed, now: clock(), log });
  log.info(`demo: seeded ${r.events} events in ${(r.ms / 1000).toFixed(1)} s (${Math.round(r.events / (r.ms / 1000))} events/s)${r.skipped ? `, ${r.skipped} refused and skipped` : ''}`);
}

const app = createApp({ store, clock, config, log });
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
  store.close();
  process.exit(1);
}
log.info(`Dashboard: ${url}/`);
log.info(`Ingest token:   ${config.ingestToken}${config.ingestTokenGenerated ? '   (generated, kept in DATA_DIR/tokens.json; set INGEST_TOKEN to choose it)' : ''}`);
log.info(`Operator token: ${config.operatorToken}${config.operatorTokenGenerated ? '   (generated, kept in DATA_DIR/tokens.json; set OPERATOR_TOKEN to choose it)' : ''}`);
for (const [name, token] of [['INGEST_TOKEN', config.ingestToken], ['OPERATOR_TOKEN', config.operatorToken]] as const) {
  if (token.length < 16) log.warn(`warning: ${name} is short (${token.length} characters); use a long random value outside tests`);
}

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: shutting down`);
  simulator?.stop();
  try {
    await app.close();
  } finally {
    store.close();
  }
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
