import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
const isSocket = (path: string) => path.startsWith('/socket.io');

/**
 * Serves the built SPA from `dir`, with history fallback: any other GET that is not API or socket.io gets
 * index.html so client-side routes survive a reload. Without a build, `/` says how to make one.
 */
export function registerSpa(app: FastifyInstance, dir: string) {
  const built = existsSync(join(dir, 'index.html'));
  if (built) {
    // loaded with the other plugins when the app starts (ready/listen), so createApp can stay synchronous
    void app.register(fastifyStatic, {
      root: dir,
      // the library's default (max-age=0 on everything) would override ours
      cacheControl: false,
      setHeaders(res, path) {
        // vite puts content-hashed files under assets/: they never change; index.html always may
        res.setHeader('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !isApi(path) && !isSocket(path);
    if (isPage && built) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    if (isPage) {
      return reply
        .status(path === '/' ? 200 : 404)
        .type('text/plain; charset=utf-8')
        .send('The dashboard is not built yet: run `npm run build` (or `npm start`), then reload. The API is under /api.\n');
    }
    return reply.status(404).send({ error: 'not_found', message: `no route ${request.method} ${path}` });
  });
}
