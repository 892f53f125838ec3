import { z } from 'zod';
import type { ClientConfigResponse, MapTiles } from '../../shared/contract/map';

const tileEnv = z.object({
  MAP_TILE_URL: z
    .string()
    .trim()
    .refine((v) => /^https?:\/\//.test(v), 'must start with http:// or https://')
    .refine((v) => v.includes('{z}') && v.includes('{x}') && v.includes('{y}'), 'must contain {z}, {x} and {y}')
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().trim().max(500).optional(),
  MAP_TILE_MAX_ZOOM: z.coerce.number().int().min(1).max(22).default(18),
});

/**
 * The optional raster tile layer. Off unless MAP_TILE_URL is set: the centre's screens may have no route to a
 * tile server, and the map's own boundary layer must then be all there is rather than a grid of grey tiles.
 * A bad value stops start-up with the variable named (as config.ts does for the rest of the environment).
 */
export function mapTilesFromEnv(env: Record<string, string | undefined>): MapTiles | null {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('MAP_TILE_') && v !== undefined && v.trim() !== ''));
  const parsed = tileEnv.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.MAP_TILE_URL === undefined) return null;
  return { url: e.MAP_TILE_URL, attribution: e.MAP_TILE_ATTRIBUTION ?? '', maxZoom: e.MAP_TILE_MAX_ZOOM };
}

export function clientConfig(tiles: MapTiles | null): ClientConfigResponse {
  return { mapTiles: tiles };
}
