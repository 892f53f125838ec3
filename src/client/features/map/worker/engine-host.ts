import { decodeMapPoints, parseMapPoints } from '../../../../shared/contract/map';
import { createClusterEngine } from './cluster-engine';
import type { EngineOptions } from './cluster-engine';
import type { BuiltInfo, FromWorker, ToWorker } from './protocol';

/** At most this many rebuilds a second however fast events come, and never busier than half the time. */
export const MIN_REBUILD_INTERVAL_MS = 500;
/** Due-soon starts are found by re-deriving states this often (overdue flips have an exact timer). */
export const RECLASSIFY_EVERY_MS = 60_000;

export interface HostOptions extends EngineOptions {
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

/**
 * The worker's message loop around the engine, without the worker: cluster.worker.ts wires it to `self`, and
 * jsdom (which has no Worker) runs it in-process. Changes are applied at once and the index is rebuilt on a
 * throttle; a timer at the next due instant turns points overdue while the screen is open.
 */
export function createEngineHost(post: (msg: FromWorker, transfer?: Transferable[]) => void, opts: HostOptions = {}) {
  const engine = createClusterEngine(opts);
  const now = opts.now ?? (() => Date.now());
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let lastBuildEnd = -Infinity;
  let lastBuildMs = 0;
  let rebuildTimer: unknown = null;
  let dueTimer: unknown = null;
  let pendingReason: BuiltInfo['reason'] = 'changes';
  let changeId = 0;
  let loaded = false;

  function build(reason: BuiltInfo['reason']) {
    if (rebuildTimer !== null) clearTimer(rebuildTimer);
    rebuildTimer = null;
    const { ms, totals } = engine.build();
    lastBuildMs = ms;
    lastBuildEnd = now();
    post({ type: 'built', info: { version: engine.version, ms, totals, changeId, reason } });
    armDueTimer();
  }

  function schedule(reason: BuiltInfo['reason']) {
    pendingReason = reason;
    if (rebuildTimer !== null || !loaded) return;
    const interval = Math.max(MIN_REBUILD_INTERVAL_MS, 2 * lastBuildMs);
    const wait = Math.max(0, lastBuildEnd + interval - now());
    rebuildTimer = setTimer(() => {
      rebuildTimer = null;
      if (engine.dirty) build(pendingReason);
    }, wait);
  }

  function armDueTimer() {
    if (dueTimer !== null) clearTimer(dueTimer);
    const t = now();
    const next = engine.nextDueAfter(t);
    // overdue is `now > dueAt`: wake just after the due instant, and at least once a minute for due-soon
    const wait = Math.min(next === null ? Infinity : next - t + 1, RECLASSIFY_EVERY_MS);
    dueTimer = setTimer(() => {
      dueTimer = null;
      if (engine.classify(now())) schedule('time');
      else armDueTimer();
    }, Math.max(0, wait));
  }

  function handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'load': {
        const t0 = performance.now();
        try {
          const json: unknown = JSON.parse(new TextDecoder().decode(msg.body));
          const res = parseMapPoints(json);
          const points = decodeMapPoints(res);
          engine.setMask(msg.mask);
          if (msg.radius !== undefined) engine.setRadius(msg.radius);
          engine.load(points, now());
          const parseMs = performance.now() - t0;
          loaded = true;
          post({ type: 'loaded', req: msg.req, seq: res.seq, count: points.length, parseMs });
          build('load');
        } catch (err) {
          post({ type: 'loaded', req: msg.req, seq: -1, count: 0, parseMs: 0, error: err instanceof Error ? err.message : String(err) });
        }
        return;
      }
      case 'changes':
        engine.upsert(msg.upserts, now());
        engine.remove(msg.removes);
        changeId = msg.changeId;
        if (engine.dirty) schedule('changes');
        return;
      case 'mask':
        engine.setMask(msg.mask);
        // a filter the operator just clicked is answered at once, not on the throttle
        if (loaded && engine.dirty) build('mask');
        return;
      case 'flush':
        if (loaded && engine.dirty) build(pendingReason);
        return;
      case 'query': {
        const result = engine.query(msg.bbox, msg.zoom);
        post({ type: 'query', req: msg.req, result }, [result.cluster.buffer, result.id.buffer, result.lng.buffer, result.lat.buffer, result.count.buffer, result.state.buffer, result.mix.buffer]);
        return;
      }
      case 'expansion':
        post({ type: 'expansion', req: msg.req, zoom: engine.expansionZoom(msg.clusterId) });
        return;
      case 'list': {
        const { total, items } = engine.list(msg.bbox, msg.offset, msg.limit);
        post({ type: 'list', req: msg.req, total, items, version: engine.version });
        return;
      }
    }
  }

  return {
    handle,
    dispose() {
      if (rebuildTimer !== null) clearTimer(rebuildTimer);
      if (dueTimer !== null) clearTimer(dueTimer);
    },
  };
}
