import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS } from './support/browser';
import { removeDir, startServer, type RunningServer } from './support/server';
import { signIn } from './support/session';

// The reminder flow in Chromium against the real product: an operator signs in through the header dialog,
// records a reminder on an overdue report from the queue; it shows in the queue's count and in the report's
// timeline; the webhook notifier (a test server on loopback) receives it; with the webhook failing the queue
// shows the error, and Retry succeeds once the hook recovers. Ports 18546 (app) and 18547 (webhook).
const HOOK_PORT = 18547;
let hookStatus = 200;
const hookBodies: Record<string, unknown>[] = [];
let hook: Server;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hookBodies.push(JSON.parse(body) as Record<string, unknown>);
      res.statusCode = hookStatus;
      res.end(hookStatus === 200 ? 'queued' : 'gateway unavailable');
    });
  });
  await new Promise<void>((resolve) => hook.listen(HOOK_PORT, '127.0.0.1', resolve));
  server = await startServer({
    port: 18546,
    env: { DEMO: '1', SIM_SPEED: '0.0001', SEED: '19', NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${HOOK_PORT}/sms`, ESCALATION_THRESHOLDS: '0,2,5' },
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
  await new Promise<void>((resolve) => (hook ? hook.close(() => resolve()) : resolve()));
});

const queueRow = (id: number) => page.locator(`[data-testid="overdue-queue"] tr[data-report="${id}"]`);
const countOf = async (id: number) => Number((await queueRow(id).locator('[data-count]').getAttribute('data-count').catch(() => '0')) ?? '0');

async function remind(id: number, opts: { channel: string; target: string; note: string }) {
  await queueRow(id).getByRole('button', { name: 'Nhắc việc' }).click();
  const dialog = page.getByTestId('reminder-dialog');
  await dialog.waitFor();
  await dialog.getByLabel(opts.channel).check();
  await dialog.getByLabel(opts.target).check();
  await dialog.getByLabel('Nội dung / ghi chú').fill(opts.note);
  // a double click records one reminder (the dialog's idempotency key; the button disables while sending)
  await dialog.getByRole('button', { name: 'Ghi nhận và gửi' }).dblclick();
  await dialog.waitFor({ state: 'detached' });
}

describe('overdue queue and reminders, end to end', () => {
  it('the backlog page is public (PUBLIC_VIEW); the queue appears only after signing in as operator', async () => {
    await page.goto(`${server.url}/backlog`);
    await page.waitForSelector('[data-testid="tile-overdue"]');
    await page.waitForSelector('[data-testid="units-table"] tbody tr[data-unit]');
    expect(await page.getByTestId('overdue-queue').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/backlog-1600x900.png` });

    // a visitor has no "Đăng xuất", only "Đăng nhập"; an operator signs in (demo picker's endpoint) and gets the queue
    expect(await page.getByRole('button', { name: 'Đăng xuất' }).count()).toBe(0);
    await signIn(page, 'operator');
    await page.reload();
    await page.getByTestId('session-state').and(page.locator('[data-role="operator"]')).waitFor();
    await page.waitForSelector('[data-testid="overdue-queue"] tr.oq-row--overdue');
  });

  let target = 0;
  it('records a reminder: the queue count goes up, the webhook receives it, the timeline shows it', async () => {
    const row = page.locator('[data-testid="overdue-queue"] tr.oq-row--overdue', { has: page.locator('button:has-text("Nhắc việc"):not([disabled])') }).first();
    target = Number(await row.getAttribute('data-report'));
    const before = await countOf(target);
    const hooks = hookBodies.length;
    await remind(target, { channel: 'Gọi điện', target: 'Lãnh đạo đơn vị', note: 'E2E: đề nghị xử lý dứt điểm trong ngày' });
    await page.getByTestId('queue-status').and(page.getByText('Đã ghi nhận nhắc việc')).waitFor();
    await page.waitForFunction(
      ([id, n]) => Number(document.querySelector(`[data-testid="overdue-queue"] tr[data-report="${id}"] [data-count]`)?.getAttribute('data-count')) === n,
      [target, before + 1] as const,
      { timeout: 5000 },
    );
    expect(hookBodies.length).toBe(hooks + 1);
    expect(hookBodies.at(-1)).toMatchObject({ reportId: target, channel: 'phone', target: 'unit_leader', note: 'E2E: đề nghị xử lý dứt điểm trong ngày' });
    await queueRow(target).screenshot({ path: `${SCREENSHOTS}/backlog-queue-row-after-reminder.png` });

    // the detail drawer's timeline (the report's event log)
    await queueRow(target).getByRole('button').first().click();
    await page.getByText('Nhắc việc qua Gọi điện tới lãnh đạo đơn vị').last().waitFor();
    const note = page.getByText('E2E: đề nghị xử lý dứt điểm trong ngày');
    await note.waitFor();
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/backlog-detail-timeline-reminder.png` });
    await page.keyboard.press('Escape');
  });

  it('a failing webhook shows the error in the queue; Retry sends it once the hook is back', async () => {
    hookStatus = 500;
    await remind(target, { channel: 'SMS', target: 'Lãnh đạo tỉnh', note: 'E2E: chuyển lãnh đạo tỉnh' });
    await page.getByTestId('queue-status').and(page.getByText('gửi thông báo lỗi')).waitFor();
    const failed = queueRow(target).getByTestId('notification-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('HTTP 500');
    await queueRow(target).screenshot({ path: `${SCREENSHOTS}/backlog-queue-row-send-failed.png` });
    hookStatus = 200;
    const hooks = hookBodies.length;
    await failed.getByRole('button', { name: 'Gửi lại' }).click();
    await page.getByTestId('queue-status').and(page.getByText('Đã gửi')).waitFor();
    await failed.waitFor({ state: 'detached' });
    expect(hookBodies.length).toBe(hooks + 1);
    expect(hookBodies.at(-1)).toMatchObject({ reportId: target, channel: 'sms', target: 'province' });
    await page.screenshot({ path: `${SCREENSHOTS}/backlog-after-retry.png` });
  });
});
