import type { MapState } from '../../../../shared/domain/timeliness';

/**
 * Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), and a shape per state so
 * colour is never the only cue: overdue is a large filled triangle, due soon a square, new a diamond,
 * handling a circle, resolved a small circle, rejected a small cross.
 */
export type MarkerShape = 'circle' | 'diamond' | 'square' | 'triangle' | 'dot' | 'cross';

export interface StateStyle {
  color: string;
  /** the outline drawn around the shape (contrast against the land colour and neighbours) */
  outline: string;
  shape: MarkerShape;
  /** half-size in CSS px at the default scale */
  size: number;
}

export const STATE_STYLE: Record<MapState, StateStyle> = {
  new: { color: '#CC79A7', outline: '#4a1d3a', shape: 'diamond', size: 6.5 },
  handling: { color: '#0072B2', outline: '#ffffff', shape: 'circle', size: 5 },
  due_soon: { color: '#E69F00', outline: '#3d2a00', shape: 'square', size: 5.5 },
  overdue: { color: '#D55E00', outline: '#2b1000', shape: 'triangle', size: 8 },
  resolved: { color: '#009E73', outline: '#ffffff', shape: 'dot', size: 3.5 },
  rejected: { color: '#6b6b6b', outline: '#ffffff', shape: 'cross', size: 3.5 },
};

/** Adds one state's shape at (x, y) to the current path (many markers of a state share one fill and stroke). */
export function traceMarker(ctx: CanvasRenderingContext2D, x: number, y: number, style: StateStyle, scale = 1): void {
  const r = style.size * scale;
  switch (style.shape) {
    case 'circle':
    case 'dot':
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, Math.PI * 2);
      break;
    case 'diamond':
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r);
      ctx.lineTo(x - r, y);
      ctx.closePath();
      break;
    case 'square':
      ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 'triangle':
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r * 0.95, y + r * 0.7);
      ctx.lineTo(x - r * 0.95, y + r * 0.7);
      ctx.closePath();
      break;
    case 'cross': {
      const a = r * 0.8;
      ctx.moveTo(x - a, y - a);
      ctx.lineTo(x + a, y + a);
      ctx.moveTo(x + a, y - a);
      ctx.lineTo(x - a, y + a);
      break;
    }
  }
}

/** Fills and outlines the path traced with traceMarker. */
export function paintMarkers(ctx: CanvasRenderingContext2D, style: StateStyle, scale = 1): void {
  if (style.shape === 'cross') {
    ctx.lineCap = 'round';
    ctx.lineWidth = 4 * scale;
    ctx.strokeStyle = style.outline;
    ctx.stroke();
    ctx.lineWidth = 2 * scale;
    ctx.strokeStyle = style.color;
    ctx.stroke();
    return;
  }
  ctx.fillStyle = style.color;
  ctx.fill();
  ctx.lineWidth = (style.shape === 'triangle' ? 2 : 1.5) * scale;
  ctx.strokeStyle = style.outline;
  ctx.stroke();
}

/** Draws one state marker centred on (x, y). */
export function drawMarker(ctx: CanvasRenderingContext2D, x: number, y: number, style: StateStyle, scale = 1): void {
  ctx.beginPath();
  traceMarker(ctx, x, y, style, scale);
  paintMarkers(ctx, style, scale);
}

/** Choropleth classes: sequential blue–purple (ColorBrewer BuPu, colour-blind safe), lightest = fewest. */
export const CHOROPLETH_COLORS = ['#edf8fb', '#bfd3e6', '#9ebcda', '#8c96c6', '#8856a7', '#810f7c'] as const;

/** Upper bounds of the classes above 0 for values up to `max`: "nice" round steps, at most 5 classes. */
export function choroplethBreaks(max: number): number[] {
  if (max <= 0) return [];
  const classes = Math.min(5, max);
  const raw = max / classes;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const breaks: number[] = [];
  for (let b = step; breaks.length < classes; b += step) {
    breaks.push(Math.round(b));
    if (b >= max) break;
  }
  return breaks;
}

/** Index into CHOROPLETH_COLORS: 0 for none, else the first class whose upper bound holds the value. */
export function choroplethClass(value: number, breaks: readonly number[]): number {
  if (value <= 0) return 0;
  const i = breaks.findIndex((b) => value <= b);
  return (i < 0 ? breaks.length - 1 : i) + 1;
}
