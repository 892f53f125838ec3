/**
 * Accounts and roles in Chromium against the real product (built SPA + API + socket.io) with PUBLIC_VIEW=0:
 * an anonymous visitor lands on /login; a leader created with `npm run users -- create` signs in with the form and
 * the report detail shows no reporter; a unit head from the demo picker lands on their unit with no map or
 * statistics in the navigation; logout returns to /login and the API then answers 401; a wall screen opened with
 * `/wall?display=<token>` (token from the CLI) keeps no token in its address bar and is signed out when it is revoked.
 * Run `npx vite build` first.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetaResponse } from '../../src/shared/contract/meta';
import type { ReportDetailResponse, ReportListResponse } from '../../src/shared/contract/api';
import { launchBrowser, SCREENSHOTS } from './support/browser';
import { removeDir, startServer, type RunningServer } from './support/server';

const PORT = 18651;
const LEADER = { username: 'lanhdao.e2e', password: 'Mật-khẩu dài 2026!', name: 'Trần Thị Lãnh Đạo' };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** `npm run users -- …` on the running server's store (the CLI shares DATA_DIR's SQLite file with it). */
const users = (args: string[], input = '') =>
  execFileSync('npm', ['run', '--silent', 'users', '--', ...args], { input, env: { ...process.env, DATA_DIR: server.dataDir }, encoding: 'utf8' });

const asOperator = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.operatorToken}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

/** What the page's own fetch gets from the API (the session cookie goes along, as for the SPA). */
const statusInPage = (p: Page, path: string) => p.evaluate(async (u) => (await fetch(u)).status, path);

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'paht-e2e-accounts-'));
  // the server's own CLI, on the store the server then opens (password from stdin, as a script would give it)
  execFileSync('npm', ['run', '--silent', 'users', '--', 'create', LEADER.username, '--role', 'leader', '--name', LEADER.name, '--password-stdin'], {
    input: `${LEADER.password}\n`,
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  server = await startServer({ port: PORT, dataDir, env: { DEMO: '1', SIM_SPEED: '0.0001', SEED: '41', PUBLIC_VIEW: '0' } });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'vi-VN' });
  page = await context.newPage();
}, 240_000);

afterAll(async () => {
  await server?.stop();
  if (server) removeDir(server.dataDir);
  await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 15_000))]);
});

describe('accounts and roles, end to end', () => {
  it('an anonymous visitor lands on /login (with the demo picker), and the API refuses them', async () => {
    await page.goto(`${server.url}/stats`);
    await page.waitForURL((u) => u.pathname === '/login', { timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('next')).toBe('/stats');
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    await page.getByTestId('demo-picker').waitFor();
    expect(await page.getByTestId('demo-picker').getByRole('heading', { level: 2 }).textContent()).toContain('Chế độ trình diễn');
    expect(await statusInPage(page, '/api/v1/reports?limit=1')).toBe(401);
    expect(await statusInPage(page, '/api/v1/session')).toBe(200);
    await page.screenshot({ path: `${SCREENSHOTS}/login-vi-1600x900.png` });
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await phone.goto(`${server.url}/login`);
      await phone.getByTestId('demo-picker').waitFor();
      await phone.screenshot({ path: `${SCREENSHOTS}/login-vi-390x844.png`, fullPage: true });
    } finally {
      await phone.close();
    }
  });

  it('a leader signs in with the form (a wrong password first) and the report detail shows no reporter', async () => {
    // a report whose reporter the operator can see: the oracle for "the leader does not"
    const list = await asOperator<ReportListResponse>('/api/v1/reports?limit=60');
    let target: ReportDetailResponse | null = null;
    for (const item of list.items) {
      const d = await asOperator<ReportDetailResponse>(`/api/v1/reports/${item.id}`);
      if (d.reporter?.name) {
        target = d;
        break;
      }
    }
    if (!target?.reporter) throw new Error('no report with a reporter in the demo store');

    await page.goto(`${server.url}/login?next=${encodeURIComponent(`/wall?views=feed&rotate=0&report=${target.id}`)}`);
    await page.getByLabel('Tên đăng nhập').fill(LEADER.username);
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    await page.screenshot({ path: `${SCREENSHOTS}/login-vi-wrong-password.png` });

    await page.getByLabel('Mật khẩu').fill(LEADER.password);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/wall', { timeout: 15_000 });
    const dialog = page.getByRole('dialog', { name: target.title });
    await dialog.getByTestId('detail-reporter-hidden').waitFor({ timeout: 15_000 });
    const text = (await dialog.textContent()) ?? '';
    expect(text).not.toContain(target.reporter.name);
    if (target.reporter.phone) expect(text).not.toContain(target.reporter.phone);
    // not merely hidden: the leader's session gets no reporter from the API
    const seen = await page.evaluate(async (id) => (await (await fetch(`/api/v1/reports/${id}`)).json()) as { reporter?: unknown }, target.id);
    expect(seen.reporter ?? null).toBeNull();

    await page.goto(`${server.url}/stats`);
    expect(await page.getByTestId('session-user').textContent()).toBe(LEADER.name);
    expect(await page.getByTestId('session-role').textContent()).toBe('Lãnh đạo');
    await page.screenshot({ path: `${SCREENSHOTS}/accounts-leader-stats.png` });
  });

  it('logout returns to /login and the API answers 401 again', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((u) => u.pathname === '/login', { timeout: 15_000 });
    await page.getByRole('heading', { name: 'Đăng nhập', level: 1 }).waitFor();
    expect(await statusInPage(page, '/api/v1/stats/summary')).toBe(401);
    expect(await page.evaluate(async () => ((await (await fetch('/api/v1/session')).json()) as { role: string }).role)).toBe('anonymous');
  });

  it('a unit head picked in the demo picker lands on their unit; the navigation has no map or statistics', async () => {
    const meta = (await (await fetch(`${server.url}/api/v1/meta`)).json()) as MetaResponse;
    const unit = meta.agencies.find((a) => a.kind === 'district_pc') ?? meta.agencies[0];
    if (!unit) throw new Error('no units');
    await page.goto(`${server.url}/login`);
    const picker = page.getByTestId('demo-picker');
    await picker.getByLabel('Đơn vị của thủ trưởng').selectOption(unit.id);
    await picker.getByRole('button', { name: 'Vào với vai trò Thủ trưởng đơn vị' }).click();
    await page.waitForURL((u) => u.pathname === `/units/${unit.id}`, { timeout: 15_000 });
    await page.getByTestId('unit-name').and(page.getByText(unit.name, { exact: true })).waitFor({ timeout: 15_000 });
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    const hrefs = await nav.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['/rankings', '/units']);
    expect(await page.getByTestId('session-role').textContent()).toBe(`Thủ trưởng đơn vị · ${unit.shortName}`);
    // the map is not theirs: a plain page says so (the server refuses its data too)
    expect(await statusInPage(page, '/api/v1/map/points')).toBe(403);
    await page.goto(`${server.url}/map`);
    await page.getByTestId('not-available').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/accounts-unit-head-map-denied.png` });
    await page.goto(`${server.url}/units/${unit.id}`);
    await page.getByTestId('unit-name').and(page.getByText(unit.name, { exact: true })).waitFor({ timeout: 15_000 });
    // their own page works in full: the rank (public rankings) loads and no panel shows a refusal
    await page.locator('section[aria-labelledby="unit-rank-title"]').getByText('Đang tải…').first().waitFor({ state: 'detached', timeout: 15_000 });
    // the unit-scoped live stream connects (the socket takes the session cookie)
    await page.locator('.conn[data-state="live"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('.unit-error').allTextContents()).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/accounts-unit-head.png` });
  });

  it('a wall screen opens with ?display=<token>, the token leaves the URL, and revoking it sends the screen to /login', async () => {
    const printed = users(['display-token', 'issue', 'e2e-wall']);
    const token = printed.trim().split('\n').at(-1)?.trim() ?? '';
    expect(token.length).toBeGreaterThanOrEqual(16);
    const wall = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      const screen = await wall.newPage();
      await screen.goto(`${server.url}/wall?views=feed&rotate=0&display=${encodeURIComponent(token)}`);
      await screen.locator('[data-testid="wall"][data-live-status="live"]').waitFor({ timeout: 20_000 });
      expect(new URL(screen.url()).search).toBe('?views=feed&rotate=0');
      expect((await wall.cookies()).map((c) => [c.name, c.httpOnly])).toEqual([['paht_session', true]]);
      await screen.screenshot({ path: `${SCREENSHOTS}/accounts-wall-display-token.png` });

      users(['display-token', 'revoke', 'e2e-wall']);
      // an event makes the server broadcast (and drop the ended session's socket); the refused reconnect → /login
      const ev = await fetch(`${server.url}/api/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.ingestToken}` },
        body: JSON.stringify({ sourceEventId: 'e2e-acc-1', externalId: 'E2E-ACC-1', type: 'created', at: new Date().toISOString(), title: 'Cây đổ chắn đường Lê Lợi', description: '', categoryId: (await (await fetch(`${server.url}/api/v1/meta`)).json() as MetaResponse).categories[0]?.id, lat: 16.4637, lng: 107.5909, address: 'Lê Lợi, Huế' }),
      });
      expect(ev.status).toBeLessThan(300);
      await screen.waitForURL((u) => u.pathname === '/login', { timeout: 30_000 });
      expect(await screen.getByRole('alert').first().textContent()).toBe('Mã màn hình tường không hợp lệ hoặc đã bị thu hồi. Hãy xin mã mới từ Trung tâm.');
      expect(await statusInPage(screen, '/api/v1/events?limit=1')).toBe(401);
    } finally {
      await wall.close();
    }
  }, 90_000);
});
