import { setupServer } from 'msw/node';
import { createHandlers } from './handlers';
import type { HandlerOptions } from './handlers';
import { createMemoryStore } from './memory-store';
import type { MemoryStoreOptions } from './memory-store';
import { createSocketHandler } from './socket';
import type { SocketMockOptions } from './socket';

export interface MockServerOptions extends MemoryStoreOptions, HandlerOptions, SocketMockOptions {
  /** the origin the app under test talks to (jsdom's location by default) */
  origin?: string;
}

/**
 * MSW for tests: the same handlers as the demo over a fresh memory store. Call `server.listen()` BEFORE
 * anything imports socket.io-client/engine.io-client — engine.io-client captures the global WebSocket at import.
 */
export function createMockServer(opts: MockServerOptions = {}) {
  const origin = opts.origin ?? globalThis.location?.origin ?? 'http://localhost';
  const store = createMemoryStore({ days: 3, ...opts });
  const server = setupServer(...createHandlers(store, opts), createSocketHandler(store, origin, opts));
  return { server, store, origin };
}
