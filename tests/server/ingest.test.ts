import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, later, reference } from './fixtures';
import { liveClient, startTestServer, waitFor, type TestServer } from './harness';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

/** latest seq and number of reports: what "the store is unchanged" is checked by */
async function storeState() {
  const health = await s.get('/api/health');
  const list = await s.get('/api/v1/reports?limit=1');
  return { seq: health.body.seq as number, total: list.body.total as number };
}

describe('POST /api/v1/events', () => {
  it('stores a valid event, shows it by id and in the list, and broadcasts it', async () => {
    const client = await liveClient(s.url);
    await client.subscribe(s.store.latestSeq());
    const input = created();
    const res = await s.ingest(input);
    expect(res.status).toBe(201);
    expect(res.body.results).toHaveLength(1);
    const [result] = res.body.results;
    expect(result).toMatchObject({ sourceEventId: input.sourceEventId, duplicate: false });
    expect(res.body.seq).toBe(result.seq);

    const detail = await s.get(`/api/v1/reports/${result.reportId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: result.reportId, externalId: input.externalId, title: input.title, status: 'received' });
    // ward and district are derived from the position
    expect(detail.body.districtCode).toBe('474');
    expect(detail.body.wardCode).not.toBeNull();
    expect(detail.body.events.map((e: { seq: number }) => e.seq)).toEqual([result.seq]);

    const list = await s.get('/api/v1/reports');
    expect(list.body.items.map((r: { id: number }) => r.id)).toContain(result.reportId);
    expect(list.body.seq).toBeGreaterThanOrEqual(result.seq);

    await waitFor(() => client.events.some((e) => e.seq === result.seq), 3000, 'broadcast');
    const ev = client.events.find((e) => e.seq === result.seq);
    expect(ev).toMatchObject({ type: 'created', reportId: result.reportId, report: { id: result.reportId, status: 'received' } });
    client.close();
  });

  it('is idempotent on sourceEventId: a repeat stores nothing and returns the original result', async () => {
    const input = created();
    const first = await s.ingest(input);
    expect(first.status).toBe(201);
    const before = await storeState();
    const again = await s.ingest(input);
    expect(again.status).toBe(200);
    expect(again.body.results[0]).toEqual({ ...first.body.results[0], duplicate: true });
    expect(await storeState()).toEqual(before);
    // also inside a batch, next to a new event: only the new one is stored
    const fresh = created();
    const mixed = await s.ingest([input, fresh]);
    expect(mixed.status).toBe(201);
    expect(mixed.body.results[0]).toEqual({ ...first.body.results[0], duplicate: true });
    expect(mixed.body.results[1]).toMatchObject({ duplicate: false, seq: before.seq + 1 });
  });

  it('accepts a batch whose later events refer to a report created earlier in it', async () => {
    const c = created();
    const { agency } = reference();
    const res = await s.ingest([c, later(c.externalId, 'assigned', { agencyId: agency.id }), later(c.externalId, 'started')]);
    expect(res.status).toBe(201);
    const seqs = res.body.results.map((r: { seq: number }) => r.seq);
    expect(seqs).toEqual([seqs[0], seqs[0] + 1, seqs[0] + 2]);
    const detail = await s.get(`/api/v1/reports/${res.body.results[0].reportId}`);
    expect(detail.body).toMatchObject({ status: 'in_progress', agencyId: agency.id });
    expect(detail.body.events.map((e: { type: string }) => e.type)).toEqual(['created', 'assigned', 'started']);
  });

  it('accepts the report nested under `report` in a created event', async () => {
    const { sourceEventId, externalId, type, at, ...fields } = created();
    const res = await s.ingest({ sourceEventId, externalId, type, at, report: fields });
    expect(res.status).toBe(201);
  });

  const bad: [string, () => unknown, number, string][] = [
    ['wrong type (lat as text)', () => created({ lat: 'abc' }), 400, 'lat'],
    ['bad coordinates (lat 200)', () => created({ lat: 200 }), 400, 'lat'],
    ['missing field (title)', () => created({ title: undefined }), 400, 'title'],
    ['unknown event type', () => created({ type: 'exploded' }), 400, 'type'],
    ['bad instant', () => created({ at: 'yesterday' }), 400, 'at'],
    ['unknown category', () => created({ categoryId: 'no-such-category' }), 400, 'categoryId'],
    ['huge string (1 MB title)', () => created({ title: 'x'.repeat(1024 * 1024) }), 400, 'title'],
    ['event in the future', () => created({ at: '2030-01-01T00:00:00.000Z' }), 400, 'at'],
    ['unknown report for a later event', () => later('never-created', 'assigned', { agencyId: reference().agency.id }), 404, 'externalId'],
    ['unknown handling unit', () => later(createdExternal, 'assigned', { agencyId: 'nobody' }), 400, 'agencyId'],
    ['illegal transition (resolve a received report)', () => later(createdExternal, 'resolved', { resultText: 'xong' }), 409, 'type'],
    ['duplicate externalId', () => created({ externalId: createdExternal }), 409, 'externalId'],
    ['empty batch', () => [], 400, ''],
  ];
  let createdExternal = '';
  beforeAll(async () => {
    const c = created();
    createdExternal = c.externalId;
    expect((await s.ingest(c)).status).toBe(201);
  });

  it.each(bad)('refuses %s with the field path and leaves the store unchanged', async (_name, make, status, path) => {
    const before = await storeState();
    const res = await s.ingest(make());
    expect(res.status).toBe(status);
    expect(res.body.error).toEqual(expect.any(String));
    if (path) {
      expect(res.body.issues.map((i: { path: string }) => i.path)).toContain(path);
      expect(res.body.message).toContain(`${path}:`);
    }
    expect(await storeState()).toEqual(before);
  });

  it('stores nothing of a batch with one bad event, and names its index', async () => {
    const before = await storeState();
    const ok = created();
    const res = await s.ingest([ok, created({ lat: 200 }), created()]);
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(['1.lat']);
    // a refusal by the domain rules (not the schema) in a batch is rolled back too
    const refused = await s.ingest([created(), later(ok.externalId, 'assigned', { agencyId: 'nobody' })]);
    expect(refused.status).toBe(404);
    expect(refused.body.issues[0].path).toBe('1.externalId');
    const illegal = await s.ingest([ok, later(ok.externalId, 'rated', { rating: 'satisfied' })]);
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ error: 'illegal_transition', issues: [{ path: '1.type' }] });
    expect(await storeState()).toEqual(before);
    expect((await s.get(`/api/v1/reports?q=${encodeURIComponent(ok.externalId)}`)).body.total).toBe(0);
  });

  it('refuses malformed JSON, an oversized body and a wrong content type without storing anything', async () => {
    const before = await storeState();
    const broken = await s.ingest('{"type": "created",');
    expect(broken.status).toBe(400);
    expect(broken.body.error).toBe('invalid_json');
    const big = await s.ingest(JSON.stringify(created({ description: 'y'.repeat(3 * 1024 * 1024) })));
    expect(big.status).toBe(413);
    const form = await fetch(`${s.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: 'Bearer ingest-token-for-tests', 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(form.status).toBe(415);
    expect(await storeState()).toEqual(before);
  });

  it('answers 401 without the ingest token, or with a wrong one, and stores nothing', async () => {
    const before = await storeState();
    for (const token of [null, 'wrong', '']) {
      const res = await s.ingest(created(), token);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('unauthorized');
    }
    // the operator token is not an ingest token
    expect((await s.ingest(created(), 'operator-token-for-tests')).status).toBe(401);
    expect(await storeState()).toEqual(before);
  });
});
