/** Rotation interval when the URL gives none, and its bounds (a view must be readable, a screen must move). */
export const DEFAULT_ROTATE_S = 30;
export const MIN_ROTATE_S = 5;
export const MAX_ROTATE_S = 3600;
/** The stream counts as stale after this long down, unless `?stale=` says otherwise (tests, sites). */
export const DEFAULT_STALE_S = 60;
export const MIN_STALE_S = 1;
export const MAX_STALE_S = 86_400;

export interface WallParams {
  /** the views to rotate through, in URL order, each once, only those that exist */
  views: string[];
  /** names in the URL that are not (yet) views: listed in a note, never shown as empty panels */
  unknown: string[];
  rotateMs: number;
  staleMs: number;
}

const seconds = (raw: string | null, fallback: number, min: number, max: number): number => {
  if (raw === null || raw.trim() === '') return fallback;
  const n = Number(raw);
  // a typo on a wall screen should not stop it: out-of-range values are clamped, garbage falls back
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
};

/**
 * Reads `/wall?views=map,feed,backlog,rankings&rotate=30&stale=60`. Without `views`, every available view
 * rotates. `rotate=0` holds the first view (no rotation).
 */
export function parseWallParams(search: URLSearchParams, available: readonly string[]): WallParams {
  const raw = search.get('views');
  const asked = raw === null ? [...available] : raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const views: string[] = [];
  const unknown: string[] = [];
  for (const name of asked) {
    if (available.includes(name)) {
      if (!views.includes(name)) views.push(name);
    } else if (!unknown.includes(name)) unknown.push(name);
  }
  const rotateRaw = search.get('rotate');
  const rotateS = rotateRaw !== null && rotateRaw.trim() === '0' ? 0 : seconds(rotateRaw, DEFAULT_ROTATE_S, MIN_ROTATE_S, MAX_ROTATE_S);
  return {
    views,
    unknown,
    rotateMs: rotateS * 1000,
    staleMs: seconds(search.get('stale'), DEFAULT_STALE_S, MIN_STALE_S, MAX_STALE_S) * 1000,
  };
}
