import type { Server } from 'node:http';

export interface InFlight {
  /** HTTP requests started and not yet answered (socket.io's long polls excluded) */
  readonly count: number;
  /** Resolves when no request is in flight, or after `timeoutMs` with false. */
  idle(timeoutMs: number): Promise<boolean>;
}

/**
 * Counts API and page requests on the raw server, from the moment their headers arrive (a large ingest body
 * still being received counts) until the response is finished or the connection dropped — so a graceful
 * shutdown can wait for exactly the requests it has accepted.
 */
export function trackInFlight(server: Server): InFlight {
  let count = 0;
  let waiters: (() => void)[] = [];
  server.on('request', (req, res) => {
    // engine.io holds polling requests open for up to a ping interval; they are not work to drain
    if (req.url?.startsWith('/socket.io/')) return;
    count += 1;
    res.once('close', () => {
      count -= 1;
      if (count === 0) {
        const w = waiters;
        waiters = [];
        for (const f of w) f();
      }
    });
  });
  return {
    get count() {
      return count;
    },
    idle(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((f) => f !== done);
          resolve(false);
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        waiters.push(done);
      });
    },
  };
}
