import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../shared/contract/event';
import { BatchRefused, serverSink, SinkError } from './sink';

const event: EventInput = { sourceEventId: 's1', externalId: 'e1', type: 'started', at: '2024-01-01T00:00:00.000Z' };

async function withServer(handler: (n: number, body: string) => { status: number; headers?: Record<string, string>; body: unknown }, run: (url: string) => Promise<void>) {
  let n = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const r = handler(++n, body);
      res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers });
      res.end(JSON.stringify(r.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  try {
    await run(`http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('serverSink', () => {
  it('waits out a rate limit (429 + retry-after) and sends the batch again', async () => {
    const seen: number[] = [];
    await withServer(
      (n) => {
        seen.push(Date.now());
        return n === 1
          ? { status: 429, headers: { 'retry-after': '1' }, body: { error: 'rate_limited', message: 'too many' } }
          : { status: 201, body: { results: [{ sourceEventId: 's1', seq: 1, reportId: 1, duplicate: false }], seq: 1 } };
      },
      async (url) => {
        const r = await serverSink(url, 't').ingest([event]);
        expect(r).toEqual([{ sourceEventId: 's1', seq: 1, reportId: 1, duplicate: false }]);
      },
    );
    expect(seen).toHaveLength(2);
    expect((seen[1] as number) - (seen[0] as number)).toBeGreaterThanOrEqual(900);
  });

  it('turns a refusal naming `<index>.<field>` into BatchRefused, and other failures into SinkError', async () => {
    await withServer(
      (n) =>
        n === 1
          ? { status: 409, body: { error: 'illegal_transition', message: 'x', issues: [{ path: '3.type', message: "'started' is not allowed" }] } }
          : n === 2
            ? { status: 401, body: { error: 'unauthorized', message: 'no' } }
            : { status: 500, body: { error: 'internal', message: 'internal server error' } },
      async (url) => {
        const sink = serverSink(url, 't');
        const refused = await sink.ingest([event]).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(BatchRefused);
        expect(refused).toMatchObject({ index: 3, message: "type: 'started' is not allowed" });
        await expect(sink.ingest([event])).rejects.toThrow(/refused the ingest token/);
        await expect(sink.ingest([event])).rejects.toBeInstanceOf(SinkError);
      },
    );
  });
});
