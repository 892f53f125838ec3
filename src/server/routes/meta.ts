import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store';

export function metaRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/v1/meta', () => store.meta());
}
