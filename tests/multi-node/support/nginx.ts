import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The deployment example the README points to; the tests run this very file, not a copy of it. */
export const DEPLOY_CONFIG = resolve('docs/deploy/nginx.conf');

const CANDIDATES = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'].filter((p): p is string => !!p);

/** Debian's nginx binary (tests/run-all.ts and .ci/run install it), or null. */
export function nginxBinary(): string | null {
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export interface ProxyConfigOptions {
  /** loopback ports of the API nodes, in upstream order */
  upstreams: number[];
  listenPort: number;
  /**
   * false removes the upstream's `hash` line (nginx then balances round-robin): the control that shows the
   * stickiness test can fail
   */
  sticky?: boolean;
}

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = text.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`));
  if (matches?.length !== 1) throw new Error(`docs/deploy/nginx.conf: expected exactly one ${what}, found ${matches?.length ?? 0}`);
  return text.replace(pattern, replacement);
}

/**
 * docs/deploy/nginx.conf with only the deployment-specific parts substituted: the upstream's server lines, the
 * listen address, server_name. Everything else (maps, hash, headers, timeouts, cookie) is the documented text, so
 * a change to the example is a change to what the test runs.
 */
export function renderProxyConfig(opts: ProxyConfigOptions, source = readFileSync(DEPLOY_CONFIG, 'utf8')): string {
  const upstream = /upstream paht_api \{[\s\S]*?\n\}/;
  const block = source.match(upstream)?.[0];
  if (!block) throw new Error('docs/deploy/nginx.conf: no `upstream paht_api { … }` block');
  const serverLines = block.match(/^\s*server\s+\S+(?:\s+[^;]*)?;\s*$/gm) ?? [];
  if (serverLines.length === 0) throw new Error('docs/deploy/nginx.conf: the upstream lists no server');
  // keep the documented per-server parameters (max_fails, fail_timeout) and swap only the address
  const params = serverLines[0]!.trim().replace(/^server\s+\S+/, '').replace(/;$/, '');
  let newBlock = block.replace(/^\s*server\s+\S+(?:\s+[^;]*)?;\s*\n/gm, '');
  newBlock = newBlock.replace(/\n\}$/, `\n${opts.upstreams.map((p) => `    server 127.0.0.1:${p}${params};`).join('\n')}\n}`);
  if (opts.sticky === false) newBlock = replaceOnce(newBlock, /^\s*hash\s[^;]*;\s*\n/m, '', '`hash` line in the upstream');
  let text = source.replace(upstream, newBlock);
  text = replaceOnce(text, /^(\s*)listen\s+80;/m, `$1listen 127.0.0.1:${opts.listenPort};`, '`listen 80;`');
  text = replaceOnce(text, /^(\s*)server_name\s+[^;]+;/m, '$1server_name 127.0.0.1;', 'server_name');
  return text;
}

export interface RunningProxy {
  url: string;
  port: number;
  config: string;
  errorLog: () => string;
  stop: () => Promise<void>;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${log()}`);
    const ok = await new Promise<boolean>((res) => {
      const s = connect({ host: '127.0.0.1', port }, () => {
        s.end();
        res(true);
      });
      s.on('error', () => res(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * nginx in the foreground (`daemon off`) in its own process group, with a throwaway prefix holding its pid,
 * logs and temp paths, and the rendered site config included in the http block the way Debian's nginx.conf
 * includes conf.d/*.conf.
 */
export async function startProxy(opts: ProxyConfigOptions): Promise<RunningProxy> {
  const bin = nginxBinary();
  if (!bin) throw new Error('nginx not found: apt-get install nginx (npm test installs it when run as root)');
  const dir = mkdtempSync(join(tmpdir(), 'paht-nginx-'));
  // as root nginx's workers run as nobody: they must reach the temp paths inside
  chmodSync(dir, 0o755);
  const site = renderProxyConfig(opts);
  writeFileSync(join(dir, 'paht.conf'), site);
  const errorLog = join(dir, 'error.log');
  const main = [
    'daemon off;',
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${errorLog} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    '    access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${join(dir, t)};`),
    `    include ${join(dir, 'paht.conf')};`,
    '}',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'nginx.conf'), main);
  const readLog = () => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '');
  const check = spawnSync(bin, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf'), '-e', errorLog], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t refused the config:\n${check.stderr}\n${site}`);

  let out = '';
  const child = spawn(bin, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', errorLog], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const log = () => `${out}${readLog()}`;
  try {
    await waitForPort(opts.listenPort, child, log);
  } catch (err) {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  const stop = async () => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      // SIGTERM = nginx's fast shutdown; the group also holds the worker
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => {
        try {
          process.kill(-(child.pid as number), 'SIGKILL');
        } catch {
          // gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `http://127.0.0.1:${opts.listenPort}`, port: opts.listenPort, config: site, errorLog: log, stop };
}
