/**
 * npm run bench:map — the live map under load, against a baseline, in headless Chromium.
 *
 * A dedicated in-process server (the real createApp over a temporary SQLite store) is seeded with 100,000 open
 * reports and serves the BUILT app (vite build, run here) plus a bench-only baseline page (react-leaflet +
 * Leaflet.markercluster, one marker per report; built here into the same folder, never part of the app's
 * bundle). A stream of 50 events/s (new reports, assignments, starts, resolutions) is ingested through the
 * store and broadcast on the real socket.io stream while each page is measured the same way:
 *   - index build: our worker's supercluster load; the baseline's markercluster addLayers (chunked) until done
 *   - frames while panning and zooming: requestAnimationFrame deltas, p50/p95/max
 *   - long tasks (PerformanceObserver 'longtask') during 15 s of steady streaming
 *   - event-to-screen: ingest instant (server) → the page's first draw of that new report ('paht:map-drawn')
 *   - JS heap after forced GC (CDP HeapProfiler.collectGarbage + Performance.getMetrics), page and workers
 * Prints the figures and ours/baseline ratios. Not part of `npm test`. Options: --reports=N --no-build --port=N, and
 * --serve (seed, stream and serve until Ctrl-C, for profiling by hand).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import type { EventInput } from '../../../src/shared/contract/event';
import { referenceData } from '../../../src/shared/domain/reference';
import { createApp } from '../../../src/server/app';
import { loadConfig } from '../../../src/server/config';
import { openSqliteStore } from '../../../src/server/store/sqlite-store';
import { rng, seedOpenReports } from './seed';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const REPORTS = Number(arg('reports') ?? 100_000);
const RATE = 50;
// --port= keeps parallel runs (other engineers' servers) apart
const PORT = Number(arg('port') ?? 18510);
const STEADY_MS = 10_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const root = new URL('../../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'paht-bench-map-'));
const www = join(work, 'www');

function build() {
  if (process.argv.includes('--no-build')) {
    cpSync(join(root, 'dist'), www, { recursive: true });
  } else {
    console.log('building the app and the baseline page…');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', www], { cwd: root, stdio: 'inherit' });
  }
  for (const page of ['baseline', 'ours']) {
    execFileSync('npx', ['vite', 'build', '--config', 'tests/bench/map/vite.baseline.config.ts', '--outDir', join(www, `bench-${page}`)], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, BENCH_PAGE: page },
    });
  }
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

/** Runs in the page before anything else: frame deltas, long tasks, draws and builds, all into window.__bench. */
const PROBE = `
  window.__bench = { frames: [], recording: false, longtasks: [], drawn: {}, built: [], loaded: [] };
  (() => {
    let last;
    const loop = (t) => { if (window.__bench.recording && last !== undefined) window.__bench.frames.push(t - last); last = t; requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__bench.longtasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
    addEventListener('paht:map-drawn', (e) => { for (const id of e.detail.ids) if (!(id in window.__bench.drawn)) window.__bench.drawn[id] = e.detail.at; });
    addEventListener('paht:map-built', (e) => window.__bench.built.push({ at: performance.now(), ms: e.detail.ms, reason: e.detail.reason, count: e.detail.totals && e.detail.totals.count }));
    addEventListener('paht:map-loaded', (e) => window.__bench.loaded.push(e.detail));
  })();
`;

interface Figures {
  loadMs: number;
  indexBuildMs: number;
  rebuildP95Ms: number;
  parseMs: number;
  fetchMs: number;
  payloadBytes: number;
  frameP50: number;
  frameP95: number;
  frameMax: number;
  framesOver50: number;
  longTasks: number;
  longTaskMaxMs: number;
  latencyP50: number;
  latencyP95: number;
  latencySamples: number;
  heapPageMB: number;
  heapWorkersMB: number;
  transferBytes: number;
  mapWidth: number;
  mapHeight: number;
}

/** JS heap of the page and of its dedicated workers after a forced GC (CDP; workers through target attach). */
async function heapAfterGc(page: Page): Promise<{ page: number; workers: number }> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const pageHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  let workers = 0;
  const { targetInfos } = await cdp.send('Target.getTargets');
  for (const t of targetInfos.filter((x) => x.type === 'worker')) {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
    let nextId = 1;
    const call = (method: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const id = nextId++;
        const onMsg = (e: { sessionId?: string; message: string }) => {
          const msg = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown> };
          if (e.sessionId === sessionId && msg.id === id) {
            cdp.off('Target.receivedMessageFromTarget', onMsg);
            resolve(msg.result ?? {});
          }
        };
        cdp.on('Target.receivedMessageFromTarget', onMsg);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    workers += Number(usage.usedSize ?? 0);
  }
  await cdp.detach();
  return { page: pageHeap / 2 ** 20, workers: workers / 2 ** 20 };
}

async function panAndZoom(page: Page, box: { x: number; y: number; width: number; height: number }) {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const drag = async (dx: number, dy: number) => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) {
      await page.mouse.move(cx + (dx * i) / 20, cy + (dy * i) / 20);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    await page.waitForTimeout(250);
  };
  for (const [dx, dy] of [
    [250, 0],
    [-250, 120],
    [0, -120],
    [-200, 0],
    [200, 0],
  ] as const) {
    await drag(dx, dy);
  }
  // zoom in four steps towards the city, then back out
  for (const dir of [-1, -1, -1, -1, 1, 1, 1, 1]) {
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, dir * 200);
    await page.waitForTimeout(600);
  }
  for (const [dx, dy] of [
    [180, 80],
    [-180, -80],
  ] as const) {
    await drag(dx, dy);
  }
}

async function measure(name: string, url: string, mapSelector: string, ingestTimes: Map<number, number>, startStream: () => void, stopStream: () => void): Promise<Figures> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc', '--enable-precise-memory-info', '--disable-background-timer-throttling', '--disable-renderer-backgrounding'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    page.on('pageerror', (e) => console.error(`[${name}] page error:`, e.message));
    await page.addInitScript(PROBE);
    // the app's pages need a signed-in caller (accounts and roles, decision 0011): the bench signs in as an
    // operator through the demo role picker, which this bench server offers (DEMO_LOGIN=1)
    const signIn = await page.request
      .post(new URL('/api/v1/session/demo', url).href, { data: { role: 'operator' } })
      .then((res) => (res.ok() ? null : `HTTP ${res.status()}`))
      .catch((err: unknown) => String(err));
    if (signIn !== null) console.warn(`[${name}] demo sign-in failed: ${signIn}`);
    const t0 = Date.now();
    await page.goto(url);
    // loaded = the snapshot is in and every report is indexed/clustered
    await page.waitForFunction(() => (window as unknown as { __bench: { built: { reason: string }[] } }).__bench.built.some((b) => b.reason === 'load'), undefined, { timeout: 120_000 });
    const loadMs = Date.now() - t0;
    await page.waitForTimeout(1500);
    const box = await page.locator(mapSelector).first().boundingBox();
    if (!box) throw new Error(`${name}: no map`);

    startStream();
    await page.waitForTimeout(1000);
    // steady streaming: nothing but the stream for STEADY_MS
    const steadyFrom = await page.evaluate(() => performance.now());
    await page.waitForTimeout(STEADY_MS);
    const steadyTo = await page.evaluate(() => performance.now());
    // frames while panning and zooming (the stream continues)
    await page.evaluate(() => ((window as unknown as { __bench: { recording: boolean } }).__bench.recording = true));
    await panAndZoom(page, box);
    await page.evaluate(() => ((window as unknown as { __bench: { recording: boolean } }).__bench.recording = false));
    stopStream();
    await page.waitForTimeout(1500);

    const b = (await page.evaluate(() => (window as unknown as { __bench: unknown }).__bench)) as {
      frames: number[];
      longtasks: { start: number; duration: number }[];
      drawn: Record<string, number>;
      built: { at: number; ms: number; reason: string }[];
      loaded: { bytes: number; parseMs: number; fetchMs: number }[];
    };
    const steadyTasks = b.longtasks.filter((t) => t.start >= steadyFrom && t.start <= steadyTo);
    const latencies: number[] = [];
    for (const [id, at] of Object.entries(b.drawn)) {
      const ingested = ingestTimes.get(Number(id));
      if (ingested !== undefined) latencies.push(at - ingested);
    }
    const heap = await heapAfterGc(page).catch((err: unknown) => {
      console.error(`[${name}] heap measurement failed:`, err);
      return { page: NaN, workers: NaN };
    });
    const transferBytes = await page.evaluate(
      () => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.includes('/api/v1/map/points'))?.transferSize || NaN,
    );
    const rebuilds = b.built.filter((x) => x.reason !== 'load').map((x) => x.ms);
    return {
      loadMs,
      indexBuildMs: b.built.find((x) => x.reason === 'load')?.ms ?? NaN,
      rebuildP95Ms: pct(rebuilds, 95),
      parseMs: b.loaded[0]?.parseMs ?? NaN,
      fetchMs: b.loaded[0]?.fetchMs ?? NaN,
      payloadBytes: b.loaded[0]?.bytes ?? NaN,
      frameP50: pct(b.frames, 50),
      frameP95: pct(b.frames, 95),
      frameMax: Math.max(...b.frames),
      framesOver50: b.frames.filter((f) => f > 50).length,
      longTasks: steadyTasks.length,
      longTaskMaxMs: Math.max(0, ...steadyTasks.map((t) => t.duration)),
      latencyP50: pct(latencies, 50),
      latencyP95: pct(latencies, 95),
      latencySamples: latencies.length,
      heapPageMB: heap.page,
      heapWorkersMB: heap.workers,
      transferBytes,
      mapWidth: box.width,
      mapHeight: box.height,
    };
  } finally {
    await browser.close();
  }
}

async function main() {
  const started = Date.now();
  build();
  const now = new Date();
  const store = openSqliteStore(join(work, 'bench.sqlite'));
  console.log(`seeding ${REPORTS.toLocaleString('en')} open reports…`);
  const seeded = seedOpenReports(store, REPORTS, now);
  console.log(`  ${seeded.events.toLocaleString('en')} events in ${(seeded.ms / 1000).toFixed(1)} s`);
  const config = { ...loadConfig({ HOST: '127.0.0.1', PORT: String(PORT), INGEST_TOKEN: 'bench-ingest', OPERATOR_TOKEN: 'bench-operator', DEMO: '0', DEMO_LOGIN: '1' }), liveBatchMs: 100 };
  const app = createApp({ store, clock: () => new Date(), config, staticDir: www, log: { info() {}, warn: console.warn, error: console.error } });
  const url = await app.listen();
  // the first request after a cold start reads every report's position once (then cached): time it, and keep it
  // out of the comparison, which is about the steady state
  const cold = Date.now();
  const warm = await fetch(`${url}/api/v1/map/points`, { headers: { 'accept-encoding': 'gzip', authorization: 'Bearer bench-operator' } });
  await warm.arrayBuffer();
  if (!warm.ok) console.warn(`  warm-up request answered HTTP ${warm.status}`);
  console.log(`  first /api/v1/map/points after start (cold position cache): ${Date.now() - cold} ms`);

  // the stream: 50 events/s in 10 ticks a second; 30 % new reports, the rest moving open ones along
  const ref = referenceData();
  const r = rng(7);
  const ingestTimes = new Map<number, number>();
  let n = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  const tick = () => {
    const batch: EventInput[] = [];
    const at = new Date().toISOString();
    for (let i = 0; i < RATE / 10; i++) {
      n += 1;
      const roll = r();
      if (roll < 0.3) {
        const w = ref.wards[Math.floor(r() * ref.wards.length)] ?? ref.wards[0];
        const ext = `BENCH-LIVE-${n}`;
        batch.push({ type: 'created', sourceEventId: `bl-${n}`, externalId: ext, at, title: `Phản ánh trực tiếp ${n}`, description: '', categoryId: ref.categories[n % ref.categories.length]?.id ?? '', lat: (w?.lat ?? 16.46) + (r() - 0.5) * 0.02, lng: (w?.lng ?? 107.59) + (r() - 0.5) * 0.02, address: w?.name ?? 'Huế', channel: 'app', media: [], urgent: false } as EventInput);
        seeded.received.push(ext);
      } else if (roll < 0.6 && seeded.received.length > 0) {
        const ext = seeded.received.splice(Math.floor(r() * seeded.received.length), 1)[0] as string;
        batch.push({ type: 'assigned', sourceEventId: `bl-${n}`, externalId: ext, at, agencyId: ref.agencies[n % ref.agencies.length]?.id ?? '', coordinatingAgencyIds: [] } as EventInput);
        seeded.assigned.push(ext);
      } else if (roll < 0.8 && seeded.assigned.length > 0) {
        const ext = seeded.assigned.splice(Math.floor(r() * seeded.assigned.length), 1)[0] as string;
        batch.push({ type: 'started', sourceEventId: `bl-${n}`, externalId: ext, at } as EventInput);
        seeded.started.push(ext);
      } else if (seeded.started.length > 0) {
        const ext = seeded.started.splice(Math.floor(r() * seeded.started.length), 1)[0] as string;
        batch.push({ type: 'resolved', sourceEventId: `bl-${n}`, externalId: ext, at, resultText: 'Đã xử lý xong.', media: [] } as EventInput);
      }
    }
    const t = Date.now();
    const results = store.ingest(batch, new Date());
    batch.forEach((e, i) => {
      if (e.type === 'created') ingestTimes.set(results[i]?.reportId ?? 0, t);
    });
    app.broadcaster.notify();
  };
  const start = () => {
    timer ??= setInterval(tick, 100);
  };
  const stop = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };

  if (process.argv.includes('--serve')) {
    // for profiling by hand: the seeded server with the stream running until Ctrl-C
    start();
    console.log(`serving ${url}/map, ${url}/bench-ours/ and ${url}/bench-baseline/ with ${RATE} events/s; Ctrl-C stops`);
    await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
    stop();
    await app.close();
    store.close();
    rmSync(work, { recursive: true, force: true });
    return;
  }
  try {
    console.log('measuring ours in the app (/map of the built app: map, live feed, KPI strip)…');
    const app1 = await measure('ours /map', `${url}/map`, '[data-testid="map-panel"] .leaflet-container', ingestTimes, start, stop);
    // the bare pages get the size of the map on /map
    const size = `w=${Math.round(app1.mapWidth)}&h=${Math.round(app1.mapHeight)}`;
    console.log('measuring ours alone (the same MapPanel on a bare page)…');
    const ours = await measure('ours', `${url}/bench-ours/?${size}`, '.leaflet-container', ingestTimes, start, stop);
    console.log('measuring the baseline (react-leaflet + Leaflet.markercluster, one marker per report, bare page)…');
    const base = await measure('baseline', `${url}/bench-baseline/?${size}`, '.leaflet-container', ingestTimes, start, stop);
    console.log('\nThe map alone, ours vs the baseline (same page size, same data, same stream):');
    report(ours, base);
    console.log('\nOurs inside the app (/map, with the live feed and KPI strip on the same main thread) vs the baseline:');
    report(app1, base);
    console.log(`\n(${REPORTS.toLocaleString('en')} open reports seeded, ${RATE} events/s streamed; map ${Math.round(ours.mapWidth)}×${Math.round(ours.mapHeight)} px in a 1600×900 window for both; total run ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    stop();
    await app.close();
    store.close();
    rmSync(work, { recursive: true, force: true });
  }
}

function report(ours: Figures, base: Figures) {
  const rows: [string, keyof Figures, string, string?][] = [
    ['time to a clustered map (navigation → indexed)', 'loadMs', 'ms'],
    ['snapshot JSON size', 'payloadBytes', 'B'],
    ['snapshot bytes on the wire (gzip)', 'transferBytes', 'B'],
    ['snapshot fetch (request → bytes)', 'fetchMs', 'ms'],
    ['snapshot parse + validate', 'parseMs', 'ms'],
    ['index build (worker supercluster / markercluster)', 'indexBuildMs', 'ms', 'target < 1000'],
    ['rebuild while streaming p95', 'rebuildP95Ms', 'ms'],
    ['frame time pan/zoom p50', 'frameP50', 'ms'],
    ['frame time pan/zoom p95', 'frameP95', 'ms', 'target ≤ 20'],
    ['frame time pan/zoom max', 'frameMax', 'ms'],
    ['frames > 50 ms during pan/zoom', 'framesOver50', ''],
    ['long tasks > 50 ms, steady streaming (10 s)', 'longTasks', '', 'target 0'],
    ['longest long task, steady streaming', 'longTaskMaxMs', 'ms'],
    ['event-to-screen p50', 'latencyP50', 'ms'],
    ['event-to-screen p95', 'latencyP95', 'ms', 'target < 500'],
    ['event-to-screen samples', 'latencySamples', ''],
    ['JS heap after GC, page', 'heapPageMB', 'MB'],
    ['JS heap after GC, workers', 'heapWorkersMB', 'MB'],
  ];
  const fmt = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1)) : 'n/a');
  console.log('\n| figure | ours | baseline | ours/baseline | target |');
  console.log('|---|---:|---:|---:|---|');
  for (const [label, key, unit, target] of rows) {
    const a = ours[key];
    const b = base[key];
    const ratio = Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? (a / b).toFixed(2) : 'n/a';
    console.log(`| ${label} | ${fmt(a)} ${unit} | ${fmt(b)} ${unit} | ${ratio} | ${target ?? ''} |`);
  }
  const heapOurs = ours.heapPageMB + ours.heapWorkersMB;
  const heapBase = base.heapPageMB + base.heapWorkersMB;
  console.log(`| JS heap after GC, page + workers | ${fmt(heapOurs)} MB | ${fmt(heapBase)} MB | ${(heapOurs / heapBase).toFixed(2)} | |`);
}

main().catch((err: unknown) => {
  console.error(err);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
