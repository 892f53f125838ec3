import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import type { LiveSocket } from './live-types';

export interface LiveConnectionOptions {
  /** defaults to the page's origin (the API serves socket.io on the same port) */
  url?: string;
  /** e.g. ['websocket'] for the MSW demo, or [WebSocket] from engine.io-client in tests */
  transports?: ManagerOptions['transports'];
}

/**
 * socket.io-client is imported lazily: the bundle's entry stays small, and the demo/test mocks (MSW) must
 * patch the global WebSocket before engine.io-client captures it at import time.
 */
export async function connectSocketIo(opts: LiveConnectionOptions): Promise<LiveSocket> {
  const { io } = await import('socket.io-client');
  const options: Partial<ManagerOptions & SocketOptions> = {
    // a wall screen runs for days: keep trying, but not more often than every 10 s once it has been down a while
    reconnection: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
    timeout: 10_000,
    ...(opts.transports ? { transports: opts.transports } : {}),
  };
  const socket = opts.url ? io(opts.url, options) : io(options);
  return socket as unknown as LiveSocket;
}
