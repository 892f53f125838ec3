import type { IngestResponse, LiveEvent } from '../../../src/shared/contract/event';
import { created, later, reference } from '../../server/fixtures';

export interface Acked {
  type: string;
  reportId: number;
  via: string;
}

/**
 * Ingest traffic for the multi-node tests, with its own record of what was acknowledged (the oracle the clients'
 * streams are checked against): new reports, and next workflow steps (assigned, then started) of reports created
 * earlier — through any node, so a node must see the others' writes to accept them.
 */
export function createTraffic(ingestToken: string) {
  /** every acknowledged event by seq */
  const acked = new Map<number, Acked>();
  /** reports whose last acknowledged step allows another */
  const open: { externalId: string; state: 'created' | 'assigned' }[] = [];

  function nextBatch(newReports: number): Record<string, unknown>[] {
    const { agency } = reference();
    const out: Record<string, unknown>[] = Array.from({ length: newReports }, () => created());
    // taken off the list and put back (as assigned) only once acknowledged: a batch lost with a node leaves its
    // reports' state unknown, so they are not used again
    for (const r of open.splice(0, 2)) out.push(r.state === 'created' ? later(r.externalId, 'assigned', { agencyId: agency.id }) : later(r.externalId, 'started'));
    return out;
  }

  /** POSTs one batch to `url` and records what it acknowledged; throws on anything but 201 */
  async function ingest(url: string, via: string, batch: Record<string, unknown>[]): Promise<IngestResponse> {
    const res = await fetch(`${url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestToken}` },
      body: JSON.stringify(batch),
    });
    const body = (await res.json()) as IngestResponse;
    if (res.status !== 201) throw new Error(`ingest through ${via} answered ${res.status}: ${JSON.stringify(body)}`);
    batch.forEach((input, i) => {
      const r = body.results[i];
      if (!r || r.duplicate) throw new Error(`ingest through ${via}: event ${i} not stored: ${JSON.stringify(r)}`);
      if (acked.has(r.seq)) throw new Error(`seq ${r.seq} acknowledged twice (${acked.get(r.seq)?.via} and ${via})`);
      acked.set(r.seq, { type: String(input.type), reportId: r.reportId, via });
      if (input.type === 'created' || input.type === 'assigned') open.push({ externalId: String(input.externalId), state: input.type });
    });
    return body;
  }

  const head = () => Math.max(0, ...acked.keys());
  return { acked, nextBatch, ingest, head };
}

export const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
export const seqsOf = (events: LiveEvent[]) => events.map((e) => e.seq);
/** the events themselves, without the report snapshot each carries (the report as of its batch's flush) */
export const withoutReports = (events: LiveEvent[]) => events.map(({ report: _report, ...e }) => e);
/** what a dashboard fed by this stream ends up showing: each report as its last event left it */
export const finalReports = (events: LiveEvent[]) => new Map(events.map((e) => [e.reportId, e.report]));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function waitFor(check: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await sleep(20);
  }
}
