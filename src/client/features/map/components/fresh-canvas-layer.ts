import type L from 'leaflet';
import { drawMarker, STATE_STYLE } from '../model/map-style';
import { MAP_STATES } from '../model/map-state';
import { PULSE_MS } from '../hooks/map-controller';
import type { FreshPoint } from '../hooks/map-controller';
import { CanvasOverlay } from './canvas-overlay';

/** Fired once per new report when it is first drawn (the benchmark's and e2e tests' event-to-screen probe). */
export const MAP_DRAWN_EVENT = 'paht:map-drawn';
export interface MapDrawnDetail {
  ids: number[];
  /** Date.now() at the draw */
  at: number;
}

/** 30 frames a second is smooth for a pulse and half the work of 60 on an unattended wall. */
const CALM_FRAME_MS = 33;
/**
 * With more pulses than this at once (a stream of several new reports a second), 15 frames a second: measured
 * with npm run bench:map, this layer's canvas uploads were half of the /map page's compositor commit time.
 */
const CROWD = 8;
const CROWD_FRAME_MS = 66;

/**
 * New reports where they land: the point itself at once (before the worker's next index build) and a ring
 * pulsing outward for PULSE_MS. Animates only while something is pulsing.
 */
export class FreshCanvasLayer extends CanvasOverlay {
  private source: () => readonly FreshPoint[] = () => [];
  private announced = new Set<number>();
  private reduceMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  scale = 1;

  constructor(pane: string) {
    super(pane, 0.1);
    this.minIntervalMs = CALM_FRAME_MS;
  }

  setSource(get: () => readonly FreshPoint[]): void {
    this.source = get;
    this.requestDraw();
  }

  protected draw(ctx: CanvasRenderingContext2D, map: L.Map): void {
    const points = this.source();
    if (points.length === 0) {
      this.announced.clear();
      this.dirty = [];
      return;
    }
    const now = performance.now();
    let animating = false;
    const firstDrawn: number[] = [];
    const dirty: { x: number; y: number; w: number; h: number }[] = [];
    const reach = 40 * this.scale;
    for (const f of points) {
      const p = this.toCanvas(map, f.lat, f.lng);
      dirty.push({ x: p.x - reach, y: p.y - reach, w: 2 * reach, h: 2 * reach });
      const style = STATE_STYLE[MAP_STATES[f.state] ?? 'new'];
      const age = (now - f.t0) / PULSE_MS;
      if (age < 1) {
        animating = true;
        // two rings chasing each other outwards, fading
        for (const phase of this.reduceMotion ? [0.5] : [0, 0.5]) {
          const a = (age * 2 + phase) % 1;
          ctx.beginPath();
          ctx.arc(p.x, p.y, (8 + a * 26) * this.scale, 0, Math.PI * 2);
          ctx.lineWidth = 3 * this.scale;
          ctx.strokeStyle = style.color;
          ctx.globalAlpha = (1 - a) * 0.9;
          ctx.stroke();
        }
        ctx.globalAlpha = 1;
      }
      drawMarker(ctx, p.x, p.y, style, this.scale * 1.15);
      if (!this.announced.has(f.id)) {
        this.announced.add(f.id);
        firstDrawn.push(f.id);
      }
    }
    this.dirty = dirty;
    // remember only what is still on this layer: a wall runs for days
    if (this.announced.size > points.length) {
      const current = new Set(points.map((f) => f.id));
      for (const id of this.announced) if (!current.has(id)) this.announced.delete(id);
    }
    if (firstDrawn.length > 0) {
      window.dispatchEvent(new CustomEvent<MapDrawnDetail>(MAP_DRAWN_EVENT, { detail: { ids: firstDrawn, at: Date.now() } }));
    }
    // every frame of this layer re-uploads the whole canvas (without a GPU, a full copy at each compositor commit)
    // however few pixels changed: under a stream, with many pulses at once, the rings tick at a lower rate
    this.minIntervalMs = points.length > CROWD ? CROWD_FRAME_MS : CALM_FRAME_MS;
    if (animating) this.requestDraw();
  }
}
