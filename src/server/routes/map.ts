import { promisify } from 'node:util';
import { gzip as gzipCb, constants as zlib } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { districtStatsQuery, mapPointsQuery } from '../../shared/contract/map';
import type { MapTiles } from '../../shared/contract/map';
import type { Reads } from '../store/read-pool';
import { requireCapability } from '../auth/guard';
import { clientConfig, mapTilesFromEnv } from './map-config';

const gzip = promisify(gzipCb);

/** Below this a response is not worth compressing. */
const GZIP_MIN_BYTES = 16 * 1024;

/**
 * The live map's data: every point in scope as compact columns (gzip'd here: at 100k reports the JSON is a
 * few MB and compresses ~4×, and no compression plugin is installed), the per-district aggregate for the
 * choropleth, and the client configuration (optional tile layer).
 */
export function mapRoutes(
  app: FastifyInstance,
  deps: { reads: Reads; clock: () => Date; tiles?: MapTiles | null; env?: Record<string, string | undefined> },
) {
  const tiles = deps.tiles !== undefined ? deps.tiles : mapTilesFromEnv(deps.env ?? process.env);

  app.get('/api/v1/map/points', { onRequest: requireCapability('reports.read', { unit: 'refuse' }) }, async (request, reply) => {
    const query = mapPointsQuery.parse(request.query);
    const body = JSON.stringify(await deps.reads.mapPoints(query, deps.clock()));
    reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').header('vary', 'accept-encoding');
    const accepts = String(request.headers['accept-encoding'] ?? '');
    if (body.length >= GZIP_MIN_BYTES && /\bgzip\b/.test(accepts)) {
      // level 4: most of level 9's ratio on digit columns at a fraction of the time (zlib runs off the event loop)
      const zipped = await gzip(body, { level: 4, strategy: zlib.Z_DEFAULT_STRATEGY });
      return reply.header('content-encoding', 'gzip').send(zipped);
    }
    return reply.send(body);
  });

  app.get('/api/v1/stats/districts', { onRequest: requireCapability('stats.read') }, (request) => deps.reads.districtStats(districtStatsQuery.parse(request.query), deps.clock()));

  app.get('/api/v1/config', () => clientConfig(tiles));
}
