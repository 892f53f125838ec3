import type { ApiError } from '../../../shared/contract/api';

export type ApiErrorKind = 'network' | 'http' | 'invalid_response';

/** What went wrong talking to the API, with enough detail to tell the operator something useful. */
export class ApiRequestError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null = null,
    /** the server's error body, when it sent one in the contract's shape */
    readonly body: ApiError | null = null,
    /** a 429's Retry-After, in seconds (login and ingest rate limits) */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/**
 * One line for a person: the server's message plus the fields it complained about, e.g.
 * "limit must be at most 500 (limit: Too big)". Callers prefix it with a localised sentence.
 */
export function readableDetail(err: unknown): string {
  if (err instanceof ApiRequestError && err.body) {
    const issues = err.body.issues ?? [];
    const fields = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    return fields && !err.body.message.includes(fields) ? `${err.body.message} (${fields})` : err.body.message;
  }
  return err instanceof Error ? err.message : String(err);
}
