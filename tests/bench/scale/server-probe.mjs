// Loaded into the benchmarked server with `node --import` (bench:scale only; plain JS so it loads before tsx):
// every 500 ms writes the event-loop delay since the last reset and the process memory to BENCH_PROBE_FILE;
// SIGUSR2 resets the delay histogram (the bench sends it when a measured phase starts); SIGHUP runs a full garbage
// collection (the server runs with --expose-gc) and writes at once, so memory per connection compares live
// heaps rather than wherever the collector happened to be. Not part of the product.
import { renameSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.BENCH_PROBE_FILE;
if (file) {
  // the histogram holds the time between its timer's ticks, i.e. the resolution plus the delay: report the delay
  const RESOLUTION_MS = 10;
  const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  h.enable();
  process.on('SIGUSR2', () => h.reset());
  const ms = (ns) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  const write = () => {
    const m = process.memoryUsage();
    // written aside then renamed: the bench never reads half a file
    writeFileSync(`${file}.tmp`, JSON.stringify({ at: Date.now(), delay: { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) }, rss: m.rss, heapUsed: m.heapUsed }));
    renameSync(`${file}.tmp`, file);
  };
  process.on('SIGHUP', () => {
    globalThis.gc?.();
    write();
  });
  const timer = setInterval(write, 500);
  timer.unref();
}
