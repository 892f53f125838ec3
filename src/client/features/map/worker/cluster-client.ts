import type { MapPoint } from '../../../../shared/contract/map';
import type { Bbox, ListItem, QueryResult } from './cluster-engine';
import { createEngineHost } from './engine-host';
import type { BuiltInfo, FromWorker, ToWorker } from './protocol';

type Pending = { resolve: (msg: FromWorker) => void };

export interface ClusterClient {
  load(body: ArrayBuffer, mask: number, radius?: number): Promise<{ seq: number; count: number; parseMs: number }>;
  /** returns the change id, reported back in BuiltInfo once a build includes it */
  changes(upserts: MapPoint[], removes: number[]): number;
  setMask(mask: number): void;
  query(bbox: Bbox, zoom: number): Promise<QueryResult>;
  expansionZoom(clusterId: number): Promise<number>;
  list(bbox: Bbox, offset: number, limit: number): Promise<{ total: number; items: ListItem[]; version: number }>;
  flush(): void;
  onBuilt(listener: (info: BuiltInfo) => void): () => void;
  readonly lastBuilt: BuiltInfo | null;
  readonly inWorker: boolean;
  dispose(): void;
}

/**
 * The main thread's handle on the clustering engine: a real Web Worker in browsers; in-process where there is
 * none (jsdom), with the same asynchronous protocol so the components cannot tell the difference.
 */
export function createClusterClient(): ClusterClient {
  let req = 0;
  let changeId = 0;
  const pending = new Map<number, Pending>();
  const builtListeners = new Set<(info: BuiltInfo) => void>();
  let lastBuilt: BuiltInfo | null = null;

  const receive = (msg: FromWorker) => {
    if (msg.type === 'built') {
      lastBuilt = msg.info;
      for (const l of [...builtListeners]) l(msg.info);
      return;
    }
    const p = pending.get(msg.req);
    if (p) {
      pending.delete(msg.req);
      p.resolve(msg);
    }
  };

  let send: (msg: ToWorker, transfer?: Transferable[]) => void;
  let terminate: () => void;
  const inWorker = typeof Worker !== 'undefined';
  if (inWorker) {
    const worker = new Worker(new URL('./cluster.worker.ts', import.meta.url), { type: 'module', name: 'map-clusters' });
    worker.onmessage = (e: MessageEvent<FromWorker>) => receive(e.data);
    worker.onerror = (e) => console.error('map cluster worker failed', e.message);
    send = (msg, transfer) => worker.postMessage(msg, transfer ?? []);
    terminate = () => worker.terminate();
  } else {
    // asynchronous both ways, like a worker
    const host = createEngineHost((msg) => queueMicrotask(() => receive(msg)));
    send = (msg) => setTimeout(() => host.handle(msg), 0);
    terminate = () => host.dispose();
  }

  const ask = <T extends FromWorker['type']>(msg: ToWorker & { req: number }, transfer?: Transferable[]) =>
    new Promise<Extract<FromWorker, { type: T }>>((resolve) => {
      pending.set(msg.req, { resolve: resolve as (m: FromWorker) => void });
      send(msg, transfer);
    });

  return {
    get lastBuilt() {
      return lastBuilt;
    },
    inWorker,
    async load(body, mask, radius) {
      const res = await ask<'loaded'>({ type: 'load', req: ++req, body, mask, radius }, [body]);
      if (res.error !== undefined) throw new Error(`map points: ${res.error}`);
      return { seq: res.seq, count: res.count, parseMs: res.parseMs };
    },
    changes(upserts, removes) {
      changeId += 1;
      send({ type: 'changes', upserts, removes, changeId });
      return changeId;
    },
    setMask: (mask) => send({ type: 'mask', mask }),
    query: async (bbox, zoom) => (await ask<'query'>({ type: 'query', req: ++req, bbox, zoom })).result,
    expansionZoom: async (clusterId) => (await ask<'expansion'>({ type: 'expansion', req: ++req, clusterId })).zoom,
    list: async (bbox, offset, limit) => {
      const r = await ask<'list'>({ type: 'list', req: ++req, bbox, offset, limit });
      return { total: r.total, items: r.items, version: r.version };
    },
    flush: () => send({ type: 'flush' }),
    onBuilt(listener) {
      builtListeners.add(listener);
      return () => builtListeners.delete(listener);
    },
    dispose() {
      terminate();
      pending.clear();
      builtListeners.clear();
    },
  };
}
