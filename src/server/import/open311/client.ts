/** The most a GeoReport v2 server has to answer in one requests.json call (the spec's limit). */
export const MAX_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;
/** The spec's default cap: "a span of 90 days or first 1000 requests returned, whichever is smallest". */
const SPEC_RESULT_CAP = 1000;
const MIN_SPLIT_MS = 60 * 60_000;
const MAX_PAGES = 10_000;

export class Open311FetchError extends Error {
  override name = 'Open311FetchError';
}

export interface FetchStats {
  windows: number;
  pages: number;
  /** records as received, repeats included */
  received: number;
  warnings: string[];
}

export interface Open311ClientOptions {
  /** the endpoint's base (…/requests.json is appended) or the full …/requests.json URL; its query (jurisdiction_id, api_key) is kept */
  url: string;
  /** the paging extension's page_size; 0 = do not ask for pages */
  pageSize?: number;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** [from, to) cut into consecutive windows of at most `days` days. */
export function splitWindows(fromMs: number, toMs: number, days = MAX_WINDOW_DAYS): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let s = fromMs; s < toMs; s += days * DAY_MS) out.push({ start: s, end: Math.min(s + days * DAY_MS, toMs) });
  return out;
}

function requestsUrl(base: string): URL {
  const u = new URL(base);
  if (!/requests\.json$/i.test(u.pathname)) u.pathname = `${u.pathname.replace(/\/+$/, '')}/requests.json`;
  return u;
}

const idOf = (r: unknown) => (r && typeof r === 'object' ? String((r as Record<string, unknown>).service_request_id ?? '') : '');

/**
 * Reads service requests from a GeoReport v2 endpoint (JSON). Date ranges go in windows of ≤ 90 days
 * (start_date / end_date, the spec's limit); within a window it follows the paging extension (page, page_size)
 * until a page comes back short or empty. A server that ignores paging (the first page is longer than
 * page_size, or page 2 repeats page 1) is read one call per window, and a window that then comes back at the
 * spec's 1,000-request cap is split in two until it does not.
 */
export function createOpen311Client(opts: Open311ClientOptions) {
  const fetchImpl = opts.fetchImpl ?? fetch;
  const pageSize = opts.pageSize ?? 100;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const endpoint = requestsUrl(opts.url);

  async function get(params: Record<string, string>, stats: FetchStats): Promise<unknown[]> {
    const u = new URL(endpoint);
    for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
    let res: Response;
    try {
      res = await fetchImpl(u, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      // undici's "fetch failed" hides the reason (ECONNREFUSED, ENOTFOUND, a timeout) in `cause`
      const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
      const why = cause ? ` (${cause.code ?? cause.message ?? ''})` : '';
      throw new Open311FetchError(`GET ${u.href} failed: ${err instanceof Error ? err.message : String(err)}${why}`);
    }
    const text = await res.text();
    if (!res.ok) throw new Open311FetchError(`GET ${u.href} answered ${res.status}: ${text.slice(0, 200)}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Open311FetchError(`GET ${u.href}: the answer is not JSON (${text.slice(0, 80)}…)`);
    }
    // some servers wrap the list
    const list = Array.isArray(body) ? body : ((body as Record<string, unknown> | null)?.service_requests ?? (body as Record<string, unknown> | null)?.requests);
    if (!Array.isArray(list)) throw new Open311FetchError(`GET ${u.href}: expected a JSON array of service requests`);
    stats.pages += 1;
    stats.received += list.length;
    return list;
  }

  /** Every page of one query; `paged` false when the server showed it ignores paging. */
  async function pages(params: Record<string, string>, stats: FetchStats): Promise<{ records: unknown[]; paged: boolean }> {
    if (pageSize <= 0) return { records: await get(params, stats), paged: false };
    const records: unknown[] = [];
    let previousIds = '';
    for (let page = 1; page <= MAX_PAGES; page++) {
      const list = await get({ ...params, page: String(page), page_size: String(pageSize) }, stats);
      if (page === 1 && list.length > pageSize) return { records: list, paged: false };
      const ids = list.map(idOf).join('\u0000');
      if (page > 1 && list.length > 0 && ids === previousIds) {
        stats.received -= list.length;
        stats.warnings.push('the server ignores the page parameter: read one page per window');
        return { records, paged: false };
      }
      records.push(...list);
      if (list.length < pageSize) return { records, paged: true };
      previousIds = ids;
    }
    stats.warnings.push(`stopped after ${MAX_PAGES} pages`);
    return { records, paged: true };
  }

  async function window(start: number, end: number, stats: FetchStats, onRecords: (records: unknown[]) => Promise<void>): Promise<void> {
    stats.windows += 1;
    const { records, paged } = await pages({ start_date: iso(start), end_date: iso(end) }, stats);
    if (!paged && records.length >= SPEC_RESULT_CAP && end - start > MIN_SPLIT_MS) {
      // likely truncated at the spec's cap: read the two halves instead
      stats.received -= records.length;
      const mid = start + Math.floor((end - start) / 2);
      await window(start, mid, stats, onRecords);
      await window(mid, end, stats, onRecords);
      return;
    }
    await onRecords(records);
  }

  return {
    /** requests received in [from, to), handed over window by window */
    async range(from: Date, to: Date, onRecords: (records: unknown[]) => Promise<void>): Promise<FetchStats> {
      const stats: FetchStats = { windows: 0, pages: 0, received: 0, warnings: [] };
      for (const w of splitWindows(from.getTime(), to.getTime())) await window(w.start, w.end, stats, onRecords);
      return stats;
    },
    /** requests updated after `after` (the updated_after / updated_before extension), for incremental polls */
    async updatedSince(after: Date, before: Date, onRecords: (records: unknown[]) => Promise<void>): Promise<FetchStats> {
      const stats: FetchStats = { windows: 1, pages: 0, received: 0, warnings: [] };
      const { records } = await pages({ updated_after: iso(after.getTime()), updated_before: iso(before.getTime()) }, stats);
      await onRecords(records);
      return stats;
    },
  };
}
export type Open311Client = ReturnType<typeof createOpen311Client>;
