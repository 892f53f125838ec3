import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { eventInput, MAX_INGEST_BATCH, type EventInput, type IngestResponse } from '../../shared/contract/event';
import { principalOf } from '../auth/guard';
import { HttpError } from '../http/http-error';
import type { IngestWriter } from '../store/ingest-writer';
import type { Store } from '../store/store';

// the two shapes of the contract's ingestBody, parsed apart so a refusal names the field (`3.lat`), which
// a failed union cannot
const batch = z.array(eventInput).min(1).max(MAX_INGEST_BATCH);

export function ingestRoutes(
  app: FastifyInstance,
  deps: { store: Store; writer?: IngestWriter; clock: () => Date; ingestToken: string; onIngested: () => void },
) {
  app.post(
    '/api/v1/events',
    {
      // checked before the body is read: an unauthenticated caller cannot make us parse megabytes
      onRequest: (request, _reply, done) => {
        // not a role's capability but a credential of its own: anyone without it (signed-in people and the
        // operator token included) is asked for it, 401
        done(principalOf(request).ingest ? undefined : new HttpError(401, 'unauthorized', 'missing or wrong ingest token (Authorization: Bearer <INGEST_TOKEN>)'));
      },
    },
    async (request, reply) => {
      const inputs: EventInput[] = Array.isArray(request.body) ? batch.parse(request.body) : [eventInput.parse(request.body)];
      // with the writer worker (decision 0014) the transaction and its fsync run off this thread; the answer
      // still waits for the COMMIT, so what is acknowledged is on disk either way
      const results = deps.writer ? await deps.writer.ingest(inputs, deps.clock()) : deps.store.ingest(inputs, deps.clock());
      const stored = results.some((r) => !r.duplicate);
      if (stored) deps.onIngested();
      const body: IngestResponse = { results, seq: deps.store.latestSeq() };
      return reply.status(stored ? 201 : 200).send(body);
    },
  );
}
