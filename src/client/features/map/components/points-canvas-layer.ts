import type L from 'leaflet';
import { paintMarkers, STATE_STYLE, traceMarker } from '../model/map-style';
import { MAP_STATES, STATE_COUNT } from '../model/map-state';
import type { Override } from '../hooks/map-controller';
import type { QueryResult } from '../worker/cluster-engine';
import { CanvasOverlay } from './canvas-overlay';

/** Single points are drawn state by state in this order: the urgent ones last, on top. */
const POINT_ORDER = [4, 5, 1, 0, 2, 3];

/** The order a cluster's ring is split in, clockwise from 12 o'clock: the urgent states first. */
const RING_ORDER = [3, 2, 0, 1, 4, 5];

export interface Hit {
  kind: 'cluster' | 'point';
  /** cluster id or report id */
  id: number;
  lat: number;
  lng: number;
  count: number;
}

export function clusterRadius(count: number, scale: number): number {
  return (14 + 5 * Math.log10(Math.max(2, count))) * scale;
}

export function abbreviate(count: number, locale: string): string {
  if (count < 1000) return String(count);
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: count < 10_000 ? 1 : 0 });
  return `${nf.format(count / 1000)}k`;
}

/**
 * Clusters (badge with the count and a ring split by the state mix) and single points (state shape and colour)
 * of the last viewport query, on one canvas. A point whose state changed since the index was built is drawn
 * with its new state (or not at all) from `overrides`, so a status change recolours it in place at once.
 */
export class PointsCanvasLayer extends CanvasOverlay {
  private items: QueryResult | null = null;
  /** layer-space x, y and hit radius per item, from the last draw */
  private geometry = new Float64Array(0);
  private overrides: () => ReadonlyMap<number, Override> = () => new Map();
  scale = 1;
  locale = 'vi-VN';
  /** called after each draw with the ids of single points drawn (the e2e tests and the benchmark read it) */
  onDrawn: ((items: QueryResult) => void) | null = null;

  constructor(pane: string) {
    super(pane, 0.3);
    // live recolours arrive with every stream batch (~10/s): repaint for them at most 4 times a second
    this.minIntervalMs = 250;
  }

  setOverrides(get: () => ReadonlyMap<number, Override>): void {
    this.overrides = get;
  }

  /** report ids drawn as single points (not inside a cluster) from the last query */
  private singles = new Set<number>();
  /** the newest override change already looked at */
  private seenChange = 0;

  setItems(items: QueryResult): void {
    this.items = items;
    this.singles = new Set();
    for (let i = 0; i < items.n; i++) if (items.cluster[i] !== 1) this.singles.add(items.id[i] ?? 0);
    // a new view or a new index is drawn at once; only live recolours wait for the interval
    this.requestDraw(true);
  }

  /**
   * New recolours arrived: repaint only if one of them is a point drawn on its own. A report inside a cluster
   * shows no change until the index is rebuilt (its ring then counts it), and a repaint re-uploads the whole canvas,
   * so under a stream most of these (4 a second otherwise) are skipped, at the province view nearly all.
   */
  overridesChanged(): void {
    let newest = this.seenChange;
    let visible = false;
    for (const [id, o] of this.overrides()) {
      if (o.changeId <= this.seenChange) continue;
      newest = Math.max(newest, o.changeId);
      if (this.singles.has(id)) visible = true;
    }
    this.seenChange = newest;
    if (visible) this.requestDraw();
  }

  getItems(): QueryResult | null {
    return this.items;
  }

  protected draw(ctx: CanvasRenderingContext2D, map: L.Map): void {
    const r = this.items;
    if (!r) return;
    const overrides = this.overrides();
    const geo = this.geometry.length >= r.n * 3 ? this.geometry : (this.geometry = new Float64Array(r.n * 3));
    const s = this.scale;
    // single points first, one path per state (one fill and one stroke for thousands of markers), the least
    // urgent states underneath; then badges from the smallest up, so the biggest clusters stay readable on top
    const byState: number[][] = MAP_STATES.map(() => []);
    const clusters: number[] = [];
    for (let i = 0; i < r.n; i++) {
      const p = this.toCanvas(map, r.lat[i] ?? 0, r.lng[i] ?? 0);
      geo[i * 3] = p.x + this.topLeft.x;
      geo[i * 3 + 1] = p.y + this.topLeft.y;
      if (r.cluster[i] === 1) {
        clusters.push(i);
        continue;
      }
      const o = overrides.get(r.id[i] ?? 0);
      const state = o ? o.state : (r.state[i] ?? 1);
      if (state < 0) {
        geo[i * 3 + 2] = 0;
        continue;
      }
      geo[i * 3 + 2] = Math.max(8, STATE_STYLE[MAP_STATES[state] ?? 'handling'].size * s + 3);
      byState[state]?.push(i);
    }
    for (const state of POINT_ORDER) {
      const list = byState[state] ?? [];
      if (list.length === 0) continue;
      const style = STATE_STYLE[MAP_STATES[state] ?? 'handling'];
      ctx.beginPath();
      for (const i of list) traceMarker(ctx, (geo[i * 3] ?? 0) - this.topLeft.x, (geo[i * 3 + 1] ?? 0) - this.topLeft.y, style, s);
      paintMarkers(ctx, style, s);
    }
    clusters.sort((a, b) => (r.count[a] ?? 0) - (r.count[b] ?? 0));
    for (const i of clusters) {
      const count = r.count[i] ?? 0;
      const rad = clusterRadius(count, s);
      geo[i * 3 + 2] = rad;
      this.drawCluster(ctx, (geo[i * 3] ?? 0) - this.topLeft.x, (geo[i * 3 + 1] ?? 0) - this.topLeft.y, rad, count, r.mix.subarray(i * STATE_COUNT, (i + 1) * STATE_COUNT));
    }
    this.onDrawn?.(r);
  }

  private drawCluster(ctx: CanvasRenderingContext2D, x: number, y: number, rad: number, count: number, mix: Uint32Array): void {
    const ring = Math.max(4, rad * 0.3);
    // halo so the badge separates from boundaries and other badges
    ctx.beginPath();
    ctx.arc(x, y, rad + 1.5, 0, Math.PI * 2);
    ctx.fillStyle = 'rgba(20, 32, 46, 0.55)';
    ctx.fill();
    let start = -Math.PI / 2;
    for (const sIdx of RING_ORDER) {
      const n = mix[sIdx] ?? 0;
      if (n === 0) continue;
      const sweep = (n / count) * Math.PI * 2;
      ctx.beginPath();
      ctx.arc(x, y, rad - ring / 2, start, start + sweep);
      ctx.lineWidth = ring;
      ctx.strokeStyle = STATE_STYLE[MAP_STATES[sIdx] ?? 'handling'].color;
      ctx.stroke();
      start += sweep;
    }
    ctx.beginPath();
    ctx.arc(x, y, rad - ring, 0, Math.PI * 2);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.fillStyle = '#14202e';
    ctx.font = `700 ${Math.round((count >= 1000 ? 11.5 : 12.5) * this.scale)}px system-ui, "Segoe UI", Roboto, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(abbreviate(count, this.locale), x, y + 0.5);
  }

  /** The item under a layer point (clusters before points; the nearest within its radius). */
  hitTest(layerPoint: L.Point): Hit | null {
    const r = this.items;
    if (!r) return null;
    let best: Hit | null = null;
    let bestD = Infinity;
    for (let i = 0; i < r.n; i++) {
      const rad = this.geometry[i * 3 + 2] ?? 0;
      if (rad <= 0) continue;
      const dx = (this.geometry[i * 3] ?? 0) - layerPoint.x;
      const dy = (this.geometry[i * 3 + 1] ?? 0) - layerPoint.y;
      const d = Math.hypot(dx, dy);
      if (d > rad) continue;
      const cluster = r.cluster[i] === 1;
      // a badge drawn over points wins
      const score = cluster ? d - 1000 : d;
      if (score < bestD) {
        bestD = score;
        best = { kind: cluster ? 'cluster' : 'point', id: r.id[i] ?? 0, lat: r.lat[i] ?? 0, lng: r.lng[i] ?? 0, count: r.count[i] ?? 1 };
      }
    }
    return best;
  }
}
