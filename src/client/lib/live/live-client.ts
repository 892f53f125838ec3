import { createLiveStore } from './live-store';
import { connectSocketIo } from './socket-io-connection';
import type { LiveConnectionOptions } from './socket-io-connection';

let connection: LiveConnectionOptions = {};

/** Sets where and how to connect; call before the first snapshot starts the stream (main.tsx, tests). */
export function configureLive(opts: LiveConnectionOptions): void {
  connection = opts;
}

/** The one live stream of the app: outside React, shared by every view. */
export const live = createLiveStore({ createSocket: () => connectSocketIo(connection) });
