import { apiError } from '../../../../shared/contract/api';
import { ApiRequestError } from '../../../lib/api/api-error';
import { apiUrl, reportUnauthorized } from '../../../lib/api/http';

/**
 * GET /api/v1/map/points as raw bytes: the body is handed to the worker, which parses and validates it, so the
 * main thread never parses megabytes of JSON (a long task at 100k points).
 */
export async function fetchMapPointsBody(query: Record<string, string>, signal?: AbortSignal): Promise<ArrayBuffer> {
  let res: Response;
  try {
    res = await fetch(apiUrl('/api/v1/map/points', query), { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiRequestError('network', err instanceof Error ? err.message : 'network error');
  }
  if (!res.ok) {
    if (res.status === 401) reportUnauthorized('/api/v1/map/points');
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      // not the API's error shape
    }
    const parsed = apiError.safeParse(body);
    throw new ApiRequestError('http', parsed.success ? parsed.data.message : `HTTP ${res.status}`, res.status, parsed.success ? parsed.data : null);
  }
  return res.arrayBuffer();
}
