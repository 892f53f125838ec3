import L from 'leaflet';

/** requestAnimationFrame, or a 16 ms timer where there is none (jsdom). */
export const nextFrame = (fn: () => void): number =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(fn) : (setTimeout(fn, 16) as unknown as number);
export const cancelFrame = (id: number): void => (typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(id) : clearTimeout(id));

interface ZoomAnimEvent {
  zoom: number;
  center: L.LatLng;
}
/** Leaflet's own renderers use this during zoom animation; it is not in the public typings. */
interface MapInternals {
  _latLngToNewLayerPoint(latlng: L.LatLng, zoom: number, center: L.LatLng): L.Point;
}

/**
 * A canvas covering the view plus a margin, positioned in layer space like Leaflet's own canvas renderer:
 * while the map pans the canvas moves with it (no redraw), during a zoom animation it is scaled by CSS, and
 * `draw` runs when the view settles or when the subclass asks. One canvas whatever the number of points.
 */
export abstract class CanvasOverlay extends L.Layer {
  protected canvas: HTMLCanvasElement | null = null;
  protected ctx: CanvasRenderingContext2D | null = null;
  /** layer point of the canvas's top-left corner at the last draw */
  protected topLeft = L.point(0, 0);
  protected drawZoom = 0;
  private topLeftLatLng: L.LatLng = L.latLng(0, 0);
  private frame: number | null = null;

  constructor(
    private readonly paneName: string,
    /** margin around the view, as a share of its size, drawn in advance for panning */
    protected readonly padding = 0.25,
  ) {
    super();
  }

  override onAdd(map: L.Map): this {
    const canvas = document.createElement('canvas');
    canvas.className = 'map-canvas leaflet-zoom-animated';
    canvas.style.position = 'absolute';
    canvas.style.pointerEvents = 'none';
    map.getPane(this.paneName)?.appendChild(canvas);
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    map.on('moveend', this.reset, this);
    map.on('resize', this.reset, this);
    map.on('zoomanim', this.animateZoom, this);
    this.reset();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend', this.reset, this);
    map.off('resize', this.reset, this);
    map.off('zoomanim', this.animateZoom, this);
    if (this.frame !== null) cancelFrame(this.frame);
    if (this.delayed !== null) clearTimeout(this.delayed);
    this.frame = null;
    this.delayed = null;
    this.canvas?.remove();
    this.canvas = null;
    this.ctx = null;
    return this;
  }

  /** Minimum time between two draws (0: every frame). */
  protected minIntervalMs = 0;
  private lastPaint = 0;
  private delayed: ReturnType<typeof setTimeout> | null = null;

  /** Redraws in the next animation frame (coalesced, and no more often than minIntervalMs unless `now`). */
  requestDraw(now = false): void {
    if (!this.canvas) return;
    if (now && this.delayed !== null) {
      clearTimeout(this.delayed);
      this.delayed = null;
    }
    if (this.frame !== null || this.delayed !== null) return;
    const wait = now ? 0 : this.lastPaint + this.minIntervalMs - performance.now();
    const go = () => {
      this.frame = nextFrame(() => {
        this.frame = null;
        this.lastPaint = performance.now();
        this.paint();
      });
    };
    if (wait > 4) {
      this.delayed = setTimeout(() => {
        this.delayed = null;
        go();
      }, wait);
    } else go();
  }

  /** Draw in layer coordinates shifted by `topLeft` (the context is already scaled for the device pixel ratio). */
  protected abstract draw(ctx: CanvasRenderingContext2D, map: L.Map): void;

  /** The canvas position of a point, for subclasses: layer point minus the canvas origin. */
  protected toCanvas(map: L.Map, lat: number, lng: number): L.Point {
    return map.latLngToLayerPoint([lat, lng]).subtract(this.topLeft);
  }

  private reset(): void {
    const map = this._map as L.Map | undefined;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const size = map.getSize();
    const pad = size.multiplyBy(this.padding).round();
    const topLeft = map.containerPointToLayerPoint(pad.multiplyBy(-1)).round();
    const width = size.x + 2 * pad.x;
    const height = size.y + 2 * pad.y;
    const dpr = Math.min(window.devicePixelRatio || 1, 2);
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    this.topLeft = topLeft;
    this.topLeftLatLng = map.layerPointToLatLng(topLeft);
    this.drawZoom = map.getZoom();
    L.DomUtil.setPosition(canvas, topLeft);
    this.fullClear = true;
    this.paint();
  }

  /** Areas (canvas CSS px) drawn last time, when the subclass reports them: only those are cleared. */
  protected dirty: { x: number; y: number; w: number; h: number }[] | null = null;
  private fullClear = true;

  private paint(): void {
    const map = this._map as L.Map | undefined;
    const ctx = this.ctx;
    const canvas = this.canvas;
    if (!map || !ctx || !canvas) return;
    const dpr = canvas.width / Math.max(1, parseFloat(canvas.style.width) || 1);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // a layer that animates a few small things clears just those: the rest of a large canvas is left alone,
    // so the browser re-rasterises and uploads only the damaged rectangles
    if (this.dirty && !this.fullClear) for (const r of this.dirty) ctx.clearRect(r.x, r.y, r.w, r.h);
    else ctx.clearRect(0, 0, canvas.width, canvas.height);
    this.fullClear = false;
    this.draw(ctx, map);
  }

  private animateZoom(e: L.LeafletEvent): void {
    const map = this._map as (L.Map & MapInternals) | undefined;
    if (!map || !this.canvas) return;
    const ev = e as unknown as ZoomAnimEvent;
    const scale = map.getZoomScale(ev.zoom, this.drawZoom);
    const offset = map._latLngToNewLayerPoint(this.topLeftLatLng, ev.zoom, ev.center);
    L.DomUtil.setTransform(this.canvas, offset, scale);
  }
}
