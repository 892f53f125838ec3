import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import type { ApiError } from '../../shared/contract/api';
import { DomainError } from '../../shared/domain/errors';
import { IngestItemError } from '../store/store';
import { HttpError } from './http-error';

type Issue = NonNullable<ApiError['issues']>[number];
export type Log = Pick<Console, 'info' | 'warn' | 'error'>;

const joinPath = (...parts: (string | number | undefined)[]) => parts.filter((p) => p !== undefined && p !== '').join('.');

const describe = (issues: Issue[]) => issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');

/** Where a problem is: zod paths are relative to what was parsed, so callers that parse a part pass its prefix. */
export function zodToApiError(err: ZodError, prefix?: string | number): ApiError {
  const issues = err.issues.map((i) => ({ path: joinPath(prefix, ...i.path.map(String)), message: i.message }));
  return { error: 'invalid_input', message: describe(issues), issues };
}

function domainToApiError(err: DomainError, prefix?: number): ApiError {
  const path = joinPath(prefix, err.path);
  const issues = [{ path, message: err.message }];
  return { error: err.code, message: describe(issues), issues };
}

/** Fastify's own request errors (body parsing, limits) keep their status with a stable code. */
function fastifyCode(err: FastifyError): string {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'payload_too_large';
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported_media_type';
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
    return 'invalid_json';
  }
  return 'bad_request';
}

/**
 * The one place errors become responses: bad input is a 4xx with the field path, a refused domain rule is
 * the status the rule names, anything else is a 500 whose details stay in the log.
 */
export function createErrorHandler(log?: Log) {
  return (err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const send = (status: number, body: ApiError) => reply.status(status).send(body);
    if (err instanceof ZodError) return send(400, zodToApiError(err));
    if (err instanceof HttpError) return send(err.status, { error: err.code, message: err.message });
    if (err instanceof IngestItemError && err.cause instanceof DomainError) {
      // a single event's paths are its own fields; a batch's are prefixed with the failing index
      const prefix = Array.isArray(request.body) ? err.index : undefined;
      return send(err.cause.status, domainToApiError(err.cause, prefix));
    }
    if (err instanceof DomainError) return send(err.status, domainToApiError(err));
    const status = (err as FastifyError).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return send(status, { error: fastifyCode(err as FastifyError), message: err.message });
    }
    log?.error(`${request.method} ${request.url} failed:`, err);
    return send(500, { error: 'internal', message: 'internal server error' });
  };
}
