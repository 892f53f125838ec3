/**
 * Crash test: the real server (src/server/main.ts, own process group) takes a steady ingest from this test — each
 * POST awaited, every acknowledged sourceEventId recorded — and is killed with SIGKILL in the middle of the burst,
 * twice, restarting on the same DATA_DIR each time. Then:
 * - every acknowledged event is there exactly once: re-posting it answers `duplicate: true` with the seq and
 *   report it was acknowledged with, and the log (read straight from the SQLite file) holds each sourceEventId once;
 * - nothing is half-applied: the batch that was in flight at a kill is wholly stored or wholly absent, the log's
 *   seq is gap-free, and replaying the whole log through the domain reducer gives exactly the stored projections;
 * - a live client (the SPA's own live store, in Node) connected through both crashes resubscribes by itself and
 *   converges: the seqs it applied are exactly 1..head, each once, with no re-snapshot needed, and the reports it
 *   folded from the stream equal a fresh REST snapshot.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent, StoredEvent } from '../../src/shared/contract/event';
import type { Report } from '../../src/shared/contract/report';
import { applyEvent } from '../../src/shared/domain/workflow';
import { createLiveStore, type LiveStore } from '../../src/client/lib/live/live-store';
import { connectSocketIo } from '../../src/client/lib/live/socket-io-connection';
import type { LiveSignal } from '../../src/client/lib/live/live-types';
import { created, later, reference } from '../server/fixtures';
import { removeDir, startServer, type RunningServer } from './support/server';

const PORT = 18621;

let server: RunningServer;
let live: LiveStore;
const signals: LiveSignal[] = [];

beforeAll(async () => {
  server = await startServer({ port: PORT, env: { DEMO: '0', INGEST_RATE_PER_SECOND: '0', LIVE_BATCH_MS: '50' } });
  live = createLiveStore({ createSocket: () => connectSocketIo({ url: server.url, transports: ['websocket'] }) });
  live.subscribe((s) => signals.push(s));
  live.start(0);
}, 180_000);

afterAll(async () => {
  live?.stop();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

type Input = Record<string, unknown> & { sourceEventId: string; externalId: string };
interface Ack {
  input: Input;
  seq: number;
  reportId: number;
}

const post = async (body: unknown): Promise<{ status: number; body: { results: { sourceEventId: string; seq: number; reportId: number; duplicate: boolean }[] } }> => {
  const res = await fetch(`${server.url}/api/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.ingestToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as never };
};

/** The source platform: new reports and the next step of earlier acknowledged ones, in batches of 1–60. */
function makeSource() {
  const { agency } = reference();
  const steps = ['assigned', 'started', 'resolved', 'rated'] as const;
  const progress = new Map<string, number>();
  let n = 0;
  const t0 = Date.now() - 3_600_000;
  const at = () => new Date(t0 + ++n * 100).toISOString();
  return {
    batch(): Input[] {
      const size = 1 + (n % 60);
      const out: Input[] = [];
      const advanced = new Set<string>();
      for (const [ext, step] of progress) {
        if (out.length >= size / 2) break;
        const type = steps[step];
        if (!type || advanced.has(ext)) continue;
        advanced.add(ext);
        const fields = type === 'assigned' ? { agencyId: agency.id } : type === 'resolved' ? { resultText: 'Đã xử lý xong' } : type === 'rated' ? { rating: 'acceptable' } : {};
        out.push(later(ext, type, fields, at()) as Input);
      }
      while (out.length < size) out.push(created({ at: at() }) as Input);
      return out;
    },
    acknowledged(inputs: Input[]) {
      for (const i of inputs) {
        if (i.type === 'created') progress.set(i.externalId, 0);
        else progress.set(i.externalId, (progress.get(i.externalId) ?? 0) + 1);
      }
    },
  };
}

/** Ingests steadily until SIGKILL lands `killAfterMs` into the burst; returns what was acknowledged and what was in flight. */
async function burstAndKill(source: ReturnType<typeof makeSource>, killAfterMs: number) {
  const acks: Ack[] = [];
  let inFlight: Input[] | null = null;
  let killed = false;
  const killer = (async () => {
    await new Promise((r) => setTimeout(r, killAfterMs));
    killed = true;
    await server.stop('SIGKILL');
  })();
  while (!killed) {
    const batch = source.batch();
    inFlight = batch;
    try {
      const res = await post(batch);
      if (res.status !== 201 && res.status !== 200) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
      res.body.results.forEach((r, i) => acks.push({ input: batch[i] as Input, seq: r.seq, reportId: r.reportId }));
      source.acknowledged(batch);
      inFlight = null;
    } catch (err) {
      // the connection died with the server: this batch was never acknowledged
      if (!killed) throw err;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await killer;
  return { acks, inFlight };
}

const allReports = async (): Promise<Report[]> => {
  const out: Report[] = [];
  let cursor: string | null = null;
  do {
    const res = await fetch(`${server.url}/api/v1/reports?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const body = (await res.json()) as { items: Report[]; nextCursor: string | null };
    out.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return out;
};

describe('SIGKILL in the middle of an ingest burst', () => {
  it('loses no acknowledged event, stores none twice, half-applies nothing; a live client converges', async () => {
    const source = makeSource();
    const acks: Ack[] = [];
    let inFlightAtKills = 0;
    for (const killAfterMs of [1500, 2300]) {
      const r = await burstAndKill(source, killAfterMs);
      acks.push(...r.acks);
      expect(r.acks.length).toBeGreaterThan(20);
      await server.restart();
      if (r.inFlight) {
        // the source re-sends the batch it got no answer for, as it would: the batch was stored whole or not at all
        inFlightAtKills += 1;
        const res = await post(r.inFlight);
        expect([200, 201]).toContain(res.status);
        const dup = res.body.results.map((x) => x.duplicate);
        expect(dup.every((d) => d) || dup.every((d) => !d), `half-applied batch: ${dup.join(',')}`).toBe(true);
        res.body.results.forEach((x, i) => acks.push({ input: r.inFlight?.[i] as Input, seq: x.seq, reportId: x.reportId }));
        source.acknowledged(r.inFlight);
      }
    }

    // 1. every acknowledged event is there, with the seq and report it was acknowledged with
    for (let i = 0; i < acks.length; i += 500) {
      const chunk = acks.slice(i, i + 500);
      const res = await post(chunk.map((a) => a.input));
      expect(res.status).toBe(200);
      res.body.results.forEach((r, j) => {
        const a = chunk[j] as Ack;
        expect(r).toEqual({ sourceEventId: a.input.sourceEventId, seq: a.seq, reportId: a.reportId, duplicate: true });
      });
    }

    // 3. the log, read from the file: each sourceEventId once, seq gap-free, and replaying it gives the projections
    const db = new Database(join(server.dataDir, 'paht.sqlite'), { readonly: true, fileMustExist: true });
    try {
      const { n, maxSeq, uniq } = db.prepare('SELECT COUNT(*) AS n, MAX(seq) AS maxSeq, COUNT(DISTINCT source_event_id) AS uniq FROM events').get() as { n: number; maxSeq: number; uniq: number };
      expect(uniq).toBe(n);
      expect(maxSeq).toBe(n);
      const acked = db.prepare('SELECT COUNT(*) AS c FROM events WHERE source_event_id = ?');
      for (const a of acks) expect((acked.get(a.input.sourceEventId) as { c: number }).c).toBe(1);
      const replay = new Map<number, Report>();
      for (const row of db.prepare('SELECT * FROM events ORDER BY seq').iterate() as Iterable<Record<string, unknown>>) {
        const ev: StoredEvent = { seq: row.seq as number, type: row.type as StoredEvent['type'], reportId: row.report_id as number, at: row.at as string, recordedAt: row.recorded_at as string, actor: (row.actor as string | null) ?? null, data: JSON.parse(row.data as string) as Record<string, unknown> };
        replay.set(ev.reportId, applyEvent(replay.get(ev.reportId) ?? null, ev));
      }
      const stored = new Map((db.prepare('SELECT id, doc FROM reports').all() as { id: number; doc: string }[]).map((r) => [r.id, JSON.parse(r.doc) as Report]));
      expect(stored.size).toBe(replay.size);
      for (const [id, doc] of stored) expect(doc).toEqual(replay.get(id));
      console.info(`crash test: ${acks.length} acknowledged events, ${n} in the log, ${stored.size} reports, ${inFlightAtKills} batches in flight at a kill`);
    } finally {
      db.close();
    }

    // 4. the live client resubscribed by itself after each restart and holds exactly the log
    const head = ((await (await fetch(`${server.url}/api/health`)).json()) as { seq: number }).seq;
    const deadline = Date.now() + 60_000;
    while (live.getState().seq !== head || live.getState().status !== 'live') {
      if (Date.now() > deadline) throw new Error(`live client stuck at ${live.getState().seq}/${head} (${live.getState().status})`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(signals.filter((s) => s.type === 'resync')).toEqual([]);
    const events = signals.flatMap((s) => (s.type === 'events' ? s.events : []));
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    const folded = new Map<number, LiveEvent['report']>();
    for (const e of events) folded.set(e.report.id, e.report);
    const snapshot = await allReports();
    expect(folded.size).toBe(snapshot.length);
    for (const r of snapshot) expect(folded.get(r.id)).toEqual(r);
  }, 240_000);
});
