import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster for the test run (`npm test` starts one when TEST_DATABASE_URL is not set):
 * initdb into a temporary directory, trust authentication, listening on 127.0.0.1 only (and a Unix socket in the
 * same directory, never /var/run). Durability is switched off (fsync, full_page_writes): it holds nothing worth
 * keeping and the suite runs faster. As root the binaries run as the `postgres` user (initdb refuses root).
 */
export interface PgCluster {
  url: string;
  dir: string;
  stop(): void;
}

/** The newest installed server's bin directory (Debian: /usr/lib/postgresql/<major>/bin), or null. */
export function findPgBin(): string | null {
  const root = process.env.PG_BIN_ROOT ?? '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root)
    .filter((d) => /^[0-9]+$/.test(d) && existsSync(join(root, d, 'bin', 'initdb')) && existsSync(join(root, d, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] === undefined ? null : join(root, majors[0], 'bin');
}

const asRoot = (): boolean => process.getuid?.() === 0;

function run(bin: string, args: string[]): { ok: boolean; output: string } {
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

export function startPgCluster(opts: { port: number }): PgCluster {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)');
  stopStale(bin, opts.port);
  const dir = mkdtempSync(join(tmpdir(), 'paht-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  if (asRoot()) {
    const chown = spawnSync('chown', ['-R', 'postgres:postgres', dir], { encoding: 'utf8' });
    if (chown.status !== 0) throw new Error(`chown postgres ${dir} failed: ${chown.stderr}`);
  }
  chmodSync(dir, 0o700);
  // who started it: a cluster whose owner is gone is stale (see stopStale)
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  const fail = (what: string, output: string): never => {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${what} failed:\n${output}\n${log}`);
  };

  const init = run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  if (!init.ok) fail('initdb', init.output);
  const serverOptions = [
    `-h 127.0.0.1 -p ${opts.port} -k ${dir}`,
    '-c fsync=off -c full_page_writes=off -c synchronous_commit=off',
    // every test file opens a few bridges, pools and LISTEN connections, several files at once
    '-c max_connections=300',
  ].join(' ');
  const start = run(join(bin, 'pg_ctl'), ['-D', data, '-l', logFile, '-w', '-t', '60', '-o', serverOptions, 'start']);
  if (!start.ok) fail(`pg_ctl start on 127.0.0.1:${opts.port}`, start.output);

  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${opts.port}/postgres`,
    dir,
    stop() {
      if (stopped) return;
      stopped = true;
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A run killed hard (SIGKILL) leaves its cluster behind on the port: stop it and remove its directory. */
function stopStale(bin: string, port: number): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('paht-pg-')) continue;
    const dir = join(tmpdir(), name);
    const pidFile = join(dir, 'data', 'postmaster.pid');
    let lines: string[];
    try {
      lines = readFileSync(pidFile, 'utf8').split('\n');
    } catch {
      continue;
    }
    // postmaster.pid: pid, data directory, start time, port, …
    if (Number(lines[3]) !== port) continue;
    // another test run still alive (an engineer's npm test next to ours) keeps its cluster
    const ownerFile = join(dir, 'owner.pid');
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : 0;
    if (owner > 0 && isAlive(owner)) continue;
    run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', '-w', '-t', '30', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  }
}
