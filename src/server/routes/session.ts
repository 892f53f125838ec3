import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SessionResponse } from '../../shared/contract/session';
import { hasBearer } from '../http/auth';
import { HttpError } from '../http/http-error';

/** Interim roles until accounts exist: the operator token makes a request a centre operator's. */
export const roleOf = (request: FastifyRequest, operatorToken: string): SessionResponse['role'] =>
  hasBearer(request, operatorToken) ? 'operator' : 'public';

/** onRequest hook for operator-only routes: refused before the body is read. */
export function operatorOnly(operatorToken: string) {
  return (request: FastifyRequest, _reply: unknown, done: (err?: Error) => void) => {
    done(
      roleOf(request, operatorToken) === 'operator'
        ? undefined
        : new HttpError(403, 'forbidden', 'centre operators only: send Authorization: Bearer <OPERATOR_TOKEN> (sign in as operator)'),
    );
  };
}

export function sessionRoutes(app: FastifyInstance, deps: { operatorToken: string }) {
  app.get('/api/v1/session', (request, reply): SessionResponse => {
    // the answer depends on the Authorization header: never from a shared cache
    void reply.header('cache-control', 'no-store').header('vary', 'Authorization');
    return { role: roleOf(request, deps.operatorToken), user: null, agencyId: null, expiresAt: null, demo: false };
  });
}
