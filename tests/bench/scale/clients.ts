/**
 * A child process of bench:scale holding N socket.io clients (argv: url, count, token). Each subscribes from the
 * log's head and records, for every event it receives, the receive time. On 'report' from the parent it sends back,
 * per client, the seqs in arrival order (to check order and exactly-once) and, per seq, the receive times; on
 * 'progress', the lowest seq its clients have reached.
 */
import { io, type Socket } from 'socket.io-client';

const [url, countArg, token] = process.argv.slice(2);
const count = Number(countArg);
if (!url || !Number.isInteger(count) || count < 1) throw new Error('usage: clients.ts <url> <count> [token]');

interface Client {
  socket: Socket;
  seqs: number[];
  times: number[];
}
const clients: Client[] = [];

async function connectOne(since: number): Promise<Client> {
  const socket = io(url as string, { transports: ['websocket'], forceNew: true, reconnection: false, auth: token ? { token } : undefined });
  const c: Client = { socket, seqs: [], times: [] };
  socket.on('report:events', (batch: { seq: number }[]) => {
    const now = Date.now();
    for (const e of batch) {
      c.seqs.push(e.seq);
      c.times.push(now);
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  await new Promise<void>((resolve) => {
    socket.once('live:subscribed', () => resolve());
    socket.emit('live:subscribe', { since });
  });
  return c;
}

process.on('message', (msg: { cmd: string; since?: number }) => {
  if (msg.cmd === 'connect') {
    void (async () => {
      try {
        // in waves of 25, as screens would come up over a few seconds rather than all in one tick
        for (let i = 0; i < count; i += 25) {
          const wave = await Promise.all(Array.from({ length: Math.min(25, count - i) }, () => connectOne(msg.since ?? 0)));
          clients.push(...wave);
        }
        process.send?.({ cmd: 'connected', count: clients.length });
      } catch (err) {
        process.send?.({ cmd: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    })();
  } else if (msg.cmd === 'progress') {
    // the lowest seq any of this process's clients has reached: the bench waits for all to catch up
    process.send?.({ cmd: 'progress', min: Math.min(...clients.map((c) => c.seqs.at(-1) ?? 0)) });
  } else if (msg.cmd === 'report') {
    process.send?.({ cmd: 'report', clients: clients.map((c) => ({ seqs: c.seqs, times: c.times, connected: c.socket.connected })) });
  } else if (msg.cmd === 'close') {
    for (const c of clients) c.socket.close();
    process.exit(0);
  }
});
