/// <reference lib="webworker" />
import { createEngineHost } from './engine-host';
import type { ToWorker } from './protocol';

// the shell only: everything it does is in engine-host.ts / cluster-engine.ts (unit-tested without a worker)
declare const self: DedicatedWorkerGlobalScope;
const host = createEngineHost((msg, transfer) => self.postMessage(msg, transfer ?? []));
self.onmessage = (e: MessageEvent<ToWorker>) => host.handle(e.data);
