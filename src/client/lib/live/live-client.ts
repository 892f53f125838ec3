import { isUnitScoped } from '../../../shared/domain/access';
import { reportUnauthorized } from '../api/http';
import { getSessionState } from '../session/session-store';
import { createLiveStore } from './live-store';
import { connectSocketIo } from './socket-io-connection';
import type { LiveConnectionOptions } from './socket-io-connection';

let connection: LiveConnectionOptions = {};

/** Sets where and how to connect; call before the first snapshot starts the stream (main.tsx, tests). */
export function configureLive(opts: LiveConnectionOptions): void {
  connection = opts;
}

/**
 * The one live stream of the app: outside React, shared by every view. A unit head's stream is narrowed to their
 * unit (the views start it only after the session gate knows the role; signing in or out reloads the page).
 */
export const live = createLiveStore({
  createSocket: () => connectSocketIo(connection),
  isScoped: () => isUnitScoped(getSessionState().session?.role ?? 'anonymous'),
  // a refused handshake means the same as a REST 401: back to /login (saying the session ended, if there was one)
  onUnauthenticated: () => reportUnauthorized('socket.io'),
});
