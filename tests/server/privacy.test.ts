import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { created, later, reference } from './fixtures';
import { liveClient, OPERATOR_TOKEN, INGEST_TOKEN, startTestServer, waitFor, type TestServer } from './harness';

const NAME = 'Trần Thị Kín Đáo';
const PHONE = '0914 765 432';
const leaks = (text: string) => text.includes(NAME) || text.includes(PHONE) || text.includes('0914765432');

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

describe('reporter identity', () => {
  it('never appears in the list, the public detail, the event log or the live stream; operators see it', async () => {
    const client = await liveClient(s.url);
    await client.subscribe(s.store.latestSeq());
    const raw: string[] = [];
    client.socket.onAny((_name, ...args) => raw.push(JSON.stringify(args)));

    const c = created({ reporter: { name: NAME, phone: PHONE }, title: 'Ổ gà lớn giữa đường' });
    const res = await s.ingest([c, later(c.externalId, 'assigned', { agencyId: reference().agency.id })]);
    expect(res.status).toBe(201);
    expect(JSON.stringify(res.body)).not.toContain(NAME);
    const id = res.body.results[0].reportId as number;
    await waitFor(() => client.events.length >= 2, 3000, 'broadcast');

    const list = await s.get('/api/v1/reports?q=o ga');
    expect(list.body.items.map((r: { id: number }) => r.id)).toContain(id);
    expect(leaks(list.text)).toBe(false);
    expect(leaks((await s.get(`/api/v1/reports?q=${encodeURIComponent(NAME)}`)).text)).toBe(false);
    expect((await s.get(`/api/v1/reports?q=${encodeURIComponent(NAME)}`)).body.total).toBe(0);

    const pub = await s.get(`/api/v1/reports/${id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.reporter).toBeUndefined();
    expect(leaks(pub.text)).toBe(false);
    // other tokens are not the operator's
    expect(leaks((await s.get(`/api/v1/reports/${id}`, INGEST_TOKEN)).text)).toBe(false);
    expect(leaks((await s.get(`/api/v1/reports/${id}`, 'guess')).text)).toBe(false);

    expect(leaks(JSON.stringify([...s.store.allEvents()]))).toBe(false);
    expect(leaks(raw.join('\n'))).toBe(false);
    // a fresh client replaying from 0 sees the same public events
    const late = await liveClient(s.url);
    await late.subscribe(0);
    expect(late.events.length).toBeGreaterThanOrEqual(2);
    expect(leaks(JSON.stringify(late.events))).toBe(false);

    const op = await s.get(`/api/v1/reports/${id}`, OPERATOR_TOKEN);
    expect(op.body.reporter).toEqual({ name: NAME, phone: PHONE });
    client.close();
    late.close();
  });
});
