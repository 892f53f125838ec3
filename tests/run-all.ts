/**
 * `npm test`: every check the project has, in one run — typecheck, lint, build (the end-to-end tests drive the
 * built app), then every vitest project (unit, client components, server integration, contract, end-to-end in
 * Chromium). Prints `N passed, N failed` last (vitest tests from its JSON report, plus typecheck and lint as one
 * check each) and writes it to test-results/summary.txt for .ci/run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { findPgBin, startPgCluster, type PgCluster } from './support/pg-cluster';

const results = 'test-results';
mkdirSync(results, { recursive: true });
const extraArgs = process.argv.slice(2);

function step(name: string, cmd: string, args: string[]): boolean {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  console.log(`=== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return ok;
}

// The end-to-end tests drive Debian's Chromium. On a fresh machine where we are root, install it (as .ci/run
// does) instead of failing half the suite; otherwise say what is missing.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (process.getuid?.() === 0) {
    step('install chromium', 'bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null']);
  } else {
    console.log(`Chromium not found at ${chromium}: install it (apt-get install chromium) or set CHROMIUM_PATH; the end-to-end tests will fail.`);
  }
}
// The multi-node tests run Debian's nginx (docs/deploy/nginx.conf) as the reverse proxy: installed the same way.
if (!['/usr/sbin/nginx', process.env.NGINX_PATH].some((p) => p && existsSync(p))) {
  if (process.getuid?.() === 0) {
    step('install nginx', 'bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null']);
  } else {
    console.log('nginx not found at /usr/sbin/nginx: install it (apt-get install nginx) or set NGINX_PATH; the multi-node proxy test will fail.');
  }
}

const checks: Record<string, boolean> = {};

// The PostgreSQL store's tests need a server (issue 7). Without TEST_DATABASE_URL, start a throwaway cluster on
// loopback (installing Debian's PostgreSQL first when we are root, as for Chromium). If it cannot start, that is a
// failed check: those tests fail loudly rather than being skipped.
let pgCluster: PgCluster | null = null;
// 55432, or the next ports when another test run on this machine holds it
function startPgClusterNear(port: number): PgCluster {
  for (let p = port; ; p++) {
    try {
      return startPgCluster({ port: p });
    } catch (err) {
      if (p >= port + 4 || !/could not bind|Address already in use/i.test(String(err))) throw err;
    }
  }
}
if (!process.env.TEST_DATABASE_URL) {
  if (!findPgBin() && process.getuid?.() === 0) {
    step('install postgresql', 'bash', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null']);
  }
  console.log('\n=== postgresql: throwaway cluster on 127.0.0.1:55432');
  try {
    pgCluster = startPgClusterNear(55432);
    // stopped after the tests; also on Ctrl-C or a kill, so no cluster outlives the run
    process.on('exit', () => pgCluster?.stop());
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130));
    process.env.TEST_DATABASE_URL = pgCluster.url;
    checks.postgresql = true;
    console.log(`=== postgresql: ok (${pgCluster.url})`);
  } catch (err) {
    checks.postgresql = false;
    console.log(`=== postgresql: FAILED — ${err instanceof Error ? err.message : String(err)}`);
  }
}
checks.typecheck = step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
checks.lint = step('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
const built = step('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);

const report = `${results}/vitest.json`;
const vitestOk = step('tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extraArgs,
]);
pgCluster?.stop();

let passed = Object.values(checks).filter(Boolean).length;
let failed = Object.values(checks).filter((ok) => !ok).length + (built ? 0 : 1);
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  passed += json.numPassedTests;
  // a test file that fails to load has no failed tests but is a failure all the same
  failed += json.numFailedTests + (json.numFailedTests === 0 && json.numFailedTestSuites > 0 ? json.numFailedTestSuites : 0);
  skipped += json.numPendingTests + json.numTodoTests;
} else {
  failed += 1;
}
if (!vitestOk && failed === 0) failed = 1;

const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
writeFileSync(`${results}/summary.txt`, `${line}\n`);
console.log(
  `\nchecks: typecheck ${checks.typecheck ? 'ok' : 'FAILED'}, lint ${checks.lint ? 'ok' : 'FAILED'}, build ${built ? 'ok' : 'FAILED'}` +
    (checks.postgresql === undefined ? '' : `, postgresql ${checks.postgresql ? 'ok' : 'FAILED'}`),
);
console.log(line);
process.exit(failed === 0 ? 0 : 1);
