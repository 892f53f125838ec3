import type { MapPoint } from '../../../../shared/contract/map';
import type { Bbox, ListItem, QueryResult, Totals } from './cluster-engine';

/** Main thread → worker. Requests with `req` are answered with the same `req`. */
export type ToWorker =
  /** a snapshot body (the JSON of GET /api/v1/map/points) as bytes: parsed and validated off the main thread */
  | { type: 'load'; req: number; body: ArrayBuffer; mask: number; radius?: number }
  | { type: 'changes'; upserts: MapPoint[]; removes: number[]; changeId: number }
  | { type: 'mask'; mask: number }
  | { type: 'query'; req: number; bbox: Bbox; zoom: number }
  | { type: 'expansion'; req: number; clusterId: number }
  | { type: 'list'; req: number; bbox: Bbox; offset: number; limit: number }
  /** tests and the benchmark: rebuild now rather than at the next throttle slot */
  | { type: 'flush' };

export interface BuiltInfo {
  version: number;
  /** the index build alone (supercluster load) */
  ms: number;
  totals: Totals;
  /** the last `changes` message included in this build */
  changeId: number;
  reason: 'load' | 'changes' | 'mask' | 'time';
}

/** Worker → main thread. */
export type FromWorker =
  | { type: 'loaded'; req: number; seq: number; count: number; parseMs: number; error?: string }
  | { type: 'built'; info: BuiltInfo }
  | { type: 'query'; req: number; result: QueryResult }
  | { type: 'expansion'; req: number; zoom: number }
  | { type: 'list'; req: number; total: number; items: ListItem[]; version: number };
