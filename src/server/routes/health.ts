import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/store';

export function healthRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/health', () => ({ status: 'ok' as const, seq: store.latestSeq() }));
}
