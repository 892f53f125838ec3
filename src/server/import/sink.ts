import type { ReportDetailResponse } from '../../shared/contract/api';
import { reportDetailResponse } from '../../shared/contract/api';
import type { EventInput, IngestResult } from '../../shared/contract/event';
import { ingestResponse } from '../../shared/contract/event';
import type { Report } from '../../shared/contract/report';
import { IngestItemError, type Store } from '../store/store';

/**
 * Where imported events go: the store in this process (the server's poller, the CLI with --data-dir) or a
 * running server's ingest API (the CLI's default when one answers, so the live stream carries the import).
 */
export interface ImportSink {
  readonly kind: 'store' | 'server';
  /** one all-or-nothing batch; a refused item throws BatchRefused naming it */
  ingest(events: readonly EventInput[]): Promise<IngestResult[]>;
  /** a report's current state (null: no such report) */
  report(id: number): Promise<Report | null>;
  /** the largest batch the sink takes in one call, in events and in bytes of JSON */
  readonly maxBatch: number;
  readonly maxBatchBytes: number;
}

/** One event of a batch was refused (an ingest rule or the contract); nothing of the batch was stored. */
export class BatchRefused extends Error {
  override name = 'BatchRefused';
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(message);
  }
}

/** Anything else: the sink cannot be used (server down, wrong token, disk error). Stops the import. */
export class SinkError extends Error {
  override name = 'SinkError';
}

export function storeSink(store: Store, clock: () => Date, onIngested: () => void = () => {}): ImportSink {
  return {
    kind: 'store',
    // the store takes any size in one transaction (--atomic relies on it)
    maxBatch: Number.MAX_SAFE_INTEGER,
    maxBatchBytes: Number.MAX_SAFE_INTEGER,
    ingest(events) {
      try {
        const results = store.ingest(events, clock());
        if (results.some((r) => !r.duplicate)) onIngested();
        return Promise.resolve(results);
      } catch (err) {
        if (err instanceof IngestItemError) {
          const cause = err.cause as { path?: unknown } | undefined;
          const path = typeof cause?.path === 'string' && cause.path ? `${cause.path}: ` : '';
          return Promise.reject(new BatchRefused(err.index, `${path}${err.message}`));
        }
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    },
    report(id) {
      const r = store.getReport(id, { withReporter: false });
      if (!r) return Promise.resolve(null);
      const { events: _events, reporter: _reporter, ...report } = r;
      return Promise.resolve(report);
    },
  };
}

const MAX_HTTP_BATCH = 1000;
/** below the server's 2 MB body limit, with room for escaping */
const MAX_HTTP_BYTES = 1_500_000;
/** the ingest API is rate-limited per token (429 + retry-after): wait and retry this many times */
const MAX_RATE_RETRIES = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The ingest API of a running server: POST /api/v1/events with the ingest token; reports via GET /api/v1/reports/:id. */
export function serverSink(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): ImportSink {
  const base = baseUrl.replace(/\/+$/, '');
  const call = async (path: string, init?: RequestInit) => {
    try {
      return await fetchImpl(`${base}${path}`, init);
    } catch (err) {
      throw new SinkError(`cannot reach the server at ${base}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return {
    kind: 'server',
    maxBatch: MAX_HTTP_BATCH,
    maxBatchBytes: MAX_HTTP_BYTES,
    async ingest(events) {
      const body = JSON.stringify(events);
      let res: Response;
      for (let attempt = 0; ; attempt++) {
        res = await call('/api/v1/events', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
        if (res.status !== 429 || attempt >= MAX_RATE_RETRIES) break;
        await res.body?.cancel();
        const wait = Number(res.headers.get('retry-after'));
        await sleep(Math.min(Number.isFinite(wait) && wait > 0 ? wait : 1, 30) * 1000);
      }
      const answer: unknown = await res.json().catch(() => null);
      if (res.ok) return ingestResponse.parse(answer).results;
      if (res.status === 401) throw new SinkError('the server refused the ingest token (give --token, or INGEST_TOKEN)');
      // a refused item: the error body names it as `<index>.<field>`
      const b = answer as { message?: unknown; issues?: { path?: unknown; message?: unknown }[] } | null;
      const first = b?.issues?.[0];
      const m = typeof first?.path === 'string' ? /^(\d+)(?:\.|$)/.exec(first.path) : null;
      if (res.status < 500 && m) {
        const rest = (first?.path as string).slice(m[0].length);
        throw new BatchRefused(Number(m[1]), `${rest ? `${rest}: ` : ''}${String(first?.message ?? b?.message ?? res.statusText)}`);
      }
      throw new SinkError(`the server answered ${res.status}: ${typeof b?.message === 'string' ? b.message : res.statusText}`);
    },
    async report(id) {
      const res = await call(`/api/v1/reports/${id}`);
      if (res.status === 404) return null;
      if (!res.ok) throw new SinkError(`GET /api/v1/reports/${id} answered ${res.status}`);
      const { events: _events, reporter: _reporter, ...report }: ReportDetailResponse = reportDetailResponse.parse(await res.json());
      return report;
    },
  };
}
