import { DomainError } from '../../shared/domain/errors';
import type { EventInput, IngestResult } from '../../shared/contract/event';
import { HttpError } from '../http/http-error';
import { IngestItemError } from './store';

/** One POST's batch on its way to the writer worker; `now` is that request's clock, in ms. */
export interface WriteRequest {
  id: number;
  inputs: EventInput[];
  now: number;
}
/** The main thread's messages: requests (several at once when they were made in the same tick), or close. */
export type ToWriter = { kind: 'ingest'; requests: WriteRequest[] } | { kind: 'close' };

/** How an ingest error crosses the thread boundary: enough to answer the request exactly as the route would. */
export type WireIngestError =
  | { kind: 'item'; index: number; cause: WireIngestError }
  | { kind: 'domain'; message: string; code: DomainError['code']; path?: string; status: number }
  | { kind: 'http'; message: string; status: number; code: string }
  | { kind: 'other'; message: string };

export type WriteReply = { id: number; ok: true; results: IngestResult[] } | { id: number; ok: false; error: WireIngestError };
/** The worker's messages: start-up, then one message per committed (or failed) group. */
export type FromWriter = { kind: 'ready' } | { kind: 'failed'; error: string } | { kind: 'group'; replies: WriteReply[] };

export function toWireIngestError(err: unknown): WireIngestError {
  if (err instanceof IngestItemError) return { kind: 'item', index: err.index, cause: toWireIngestError(err.cause) };
  if (err instanceof DomainError) return { kind: 'domain', message: err.message, code: err.code, path: err.path, status: err.status };
  if (err instanceof HttpError) return { kind: 'http', message: err.message, status: err.status, code: err.code };
  return { kind: 'other', message: err instanceof Error ? err.message : String(err) };
}

/** The same classes the store throws on the request thread, so the error handler answers the same 4xx. */
export function fromWireIngestError(w: WireIngestError): Error {
  switch (w.kind) {
    case 'item':
      return new IngestItemError(w.index, fromWireIngestError(w.cause));
    case 'domain':
      return new DomainError(w.code, w.message, w.path, w.status);
    case 'http':
      return new HttpError(w.status, w.code, w.message);
    case 'other':
      return new Error(`writer worker: ${w.message}`);
  }
}
