import type { ZodError } from 'zod';
import type { ApiError } from '../src/shared/contract/api';
import { DomainError } from '../src/shared/domain/errors';

type Issue = NonNullable<ApiError['issues']>[number];

// the same shapes as the server's central error handler, so a client cannot tell the mock from the API
const joinPath = (...parts: (string | number | undefined)[]) => parts.filter((p) => p !== undefined && p !== '').join('.');
const describe = (issues: Issue[]) => issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');

export function zodToApiError(err: ZodError, prefix?: string | number): ApiError {
  const issues = err.issues.map((i) => ({ path: joinPath(prefix, ...i.path.map(String)), message: i.message }));
  return { error: 'invalid_input', message: describe(issues), issues };
}

export function domainToApiError(err: DomainError, prefix?: number): ApiError {
  const issues = [{ path: joinPath(prefix, err.path), message: err.message }];
  return { error: err.code, message: describe(issues), issues };
}

export { DomainError };
