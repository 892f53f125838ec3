/**
 * `npx tsx tests/e2e/support/readme-shot.ts` — the README's screenshot, as a newcomer sees the product after
 * `npm start`: the real server with the demo scenario (127.0.0.1:18599, a temporary DATA_DIR), the built SPA in
 * headless Chromium at 1600×900, signed in through the demo role picker as a centre operator, the live map.
 * Writes docs/screenshots/dashboard.png and docs/screenshots/login.png. Run `npx vite build` first.
 */
import { launchBrowser } from './browser';
import { startServer } from './server';

const server = await startServer({ port: 18599, env: { DEMO: '1', PUBLIC_VIEW: '0' }, timeoutMs: 180_000 });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(`${server.url}/`);
  await page.waitForURL(/\/login/, { timeout: 30_000 });
  await page.getByRole('button', { name: /Điều hành viên/ }).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshots/login.png' });
  await page.getByRole('button', { name: /Điều hành viên/ }).first().click();
  await page.waitForURL(/\/map/, { timeout: 30_000 });
  // the map's points, the feed's backfill and a few live events
  await page.waitForTimeout(12_000);
  await page.screenshot({ path: 'docs/screenshots/dashboard.png' });
  console.log('wrote docs/screenshots/login.png and docs/screenshots/dashboard.png');
} finally {
  await browser.close();
  await server.stop();
}
