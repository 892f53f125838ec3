import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError, reportListResponse, summaryResponse } from '../src/shared/contract/api';
import { ingestResponse } from '../src/shared/contract/event';
import { createHandlers, MOCK_INGEST_TOKEN } from './handlers';
import { createMemoryStore } from './memory-store';

const store = createMemoryStore({ days: 2 });
const server = setupServer(...createHandlers(store));
const base = 'http://mock.test';
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const post = (body: unknown, token = MOCK_INGEST_TOKEN) =>
  fetch(`${base}/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
const categoryId = store.meta().categories[0]?.id ?? '';
const created = (id: string) => ({
  type: 'created',
  sourceEventId: `h-${id}`,
  externalId: `h-ext-${id}`,
  at: new Date().toISOString(),
  title: 'Đèn đường hỏng',
  categoryId,
  lat: 16.46,
  lng: 107.59,
  address: 'Huế',
});

describe('MSW handlers', () => {
  it('serve the contract shapes', async () => {
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: 'ok', seq: store.latestSeq() });
    const list = reportListResponse.parse(await (await fetch(`${base}/api/v1/reports?limit=5&status=received,assigned`)).json());
    expect(list.items.every((r) => r.status === 'received' || r.status === 'assigned')).toBe(true);
    const summary = summaryResponse.parse(await (await fetch(`${base}/api/v1/stats/summary`)).json());
    expect(summary.seq).toBe(store.latestSeq());
  });

  it('answer bad input with 400 and the field path, like the server', async () => {
    const res = await fetch(`${base}/api/v1/reports?limit=9999`);
    expect(res.status).toBe(400);
    const body = apiError.parse(await res.json());
    expect(body.error).toBe('invalid_input');
    expect(body.issues?.[0]?.path).toBe('limit');
    const cursor = await fetch(`${base}/api/v1/reports?cursor=nonsense`);
    expect(cursor.status).toBe(400);
    expect(apiError.parse(await cursor.json()).issues?.[0]?.path).toBe('cursor');
  });

  it('404 for an unknown report, 401 without the ingest token', async () => {
    expect((await fetch(`${base}/api/v1/reports/999999`)).status).toBe(404);
    expect((await post(created('x'), 'wrong')).status).toBe(401);
  });

  it('ingest: 201 when stored, 200 for a repeat, domain refusals with the batch index', async () => {
    const first = await post(created('a'));
    expect(first.status).toBe(201);
    const seq = ingestResponse.parse(await first.json()).seq;
    const repeat = await post(created('a'));
    expect(repeat.status).toBe(200);
    expect(ingestResponse.parse(await repeat.json()).results[0]?.duplicate).toBe(true);

    const refused = await post([created('b'), { ...created('c'), categoryId: 'nope' }]);
    expect(refused.status).toBe(400);
    const body = apiError.parse(await refused.json());
    expect(body.error).toBe('unknown_reference');
    expect(body.issues?.[0]?.path).toBe('1.categoryId');
    expect(store.latestSeq()).toBe(seq);

    const unknown = await post({ type: 'started', sourceEventId: 'h-s', externalId: 'no-such-report', at: new Date().toISOString() });
    expect(unknown.status).toBe(404);
  });
});
