import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHistory } from '../../mocks/scenario/history';
import type { Notification, OverdueQueueResponse, ReminderResponse } from '../../src/shared/contract/backlog';
import type { Report } from '../../src/shared/contract/report';
import { createApp, type App } from '../../src/server/app';
import { createLogNotifier } from '../../src/server/notify/notifier';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import { INGEST_TOKEN, liveClient, NOW, OPERATOR_TOKEN, waitFor } from './harness';

// Reminders end to end over HTTP: operator-only, a `reminded` event through ingest (timeline, live stream, queue),
// idempotent on the client's key, sent to a webhook on loopback; a failing webhook leaves a failed notification
// with its error that a retry sends once the hook recovers.
const HOOK_PORT = 18541;
let hookStatus = 200;
const received: { body: Record<string, unknown>; headers: IncomingMessage['headers'] }[] = [];
let hook: Server;
let dir: string;
let store: Store;
let app: App;
let url: string;

async function call(method: 'GET' | 'POST', path: string, body?: unknown, token: string | null = OPERATOR_TOKEN, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
}

beforeAll(async () => {
  hook = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      received.push({ body: JSON.parse(data) as Record<string, unknown>, headers: req.headers });
      res.statusCode = hookStatus;
      res.end(hookStatus === 200 ? 'ok' : 'gateway down');
    });
  });
  await new Promise<void>((resolve) => hook.listen(HOOK_PORT, '127.0.0.1', resolve));
  dir = mkdtempSync(join(tmpdir(), 'paht-reminders-'));
  store = openSqliteStore(join(dir, 'r.sqlite'));
  const events = [...createHistory({ seed: 5, end: NOW, days: 30 }).events()];
  for (let i = 0; i < events.length; i += 1000) store.ingest(events.slice(i, i + 1000), NOW);
  app = createApp({
    store,
    clock: () => NOW,
    config: {
      host: '127.0.0.1',
      port: 0,
      ingestToken: INGEST_TOKEN,
      operatorToken: OPERATOR_TOKEN,
      liveBatchMs: 20,
      escalationThresholds: [1, 3, 8],
      notifyWebhookUrl: `http://127.0.0.1:${HOOK_PORT}/sms`,
      notifyWebhookToken: 'hook-secret',
      notifyTimeoutMs: 2000,
      // visitors read the public figures and the stream (PUBLIC_VIEW=1); reminders stay the centre's
      publicView: true,
    },
    staticDir: dir,
  });
  url = await app.listen();
});

afterAll(async () => {
  await app?.close();
  store?.close();
  await new Promise<void>((resolve) => (hook ? hook.close(() => resolve()) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const queue = async (q = '') => (await call('GET', `/api/v1/overdue-queue?limit=500${q}`)).body as OverdueQueueResponse;

describe('overdue queue, reminders and notifications', () => {
  it('operators only: the session says who you are, the rest answers 403 without the operator token', async () => {
    expect((await call('GET', '/api/v1/session', undefined, null)).body).toMatchObject({ role: 'public' });
    // a wrong token is refused even where visitors may read (a tool with a typo must hear about it)
    expect((await call('GET', '/api/v1/session', undefined, 'wrong')).body).toMatchObject({ role: 'anonymous' });
    expect((await call('GET', '/api/v1/session')).body).toMatchObject({ role: 'operator', user: null });
    for (const [method, path] of [
      ['GET', '/api/v1/overdue-queue'],
      ['GET', '/api/v1/agency-contacts'],
      ['GET', '/api/v1/notifications'],
      ['POST', '/api/v1/reports/1/reminders'],
      ['POST', '/api/v1/notifications/1/retry'],
    ] as const) {
      const res = await call(method, path, method === 'POST' ? { channel: 'sms', target: 'officer' } : undefined, null);
      expect(res.status, path).toBe(403);
      expect(res.body.error).toBe('forbidden');
    }
    // the per-unit figures are public (no reporter identity, no contacts)
    expect((await call('GET', '/api/v1/stats/agencies', undefined, null)).status).toBe(200);
  });

  it('the queue: overdue and due soon, most overdue first, with the configured ladder', async () => {
    const q = await queue();
    expect(q.thresholds).toEqual([1, 3, 8]);
    expect(q.total).toBe(q.overdue + q.dueSoon);
    expect(q.overdue).toBeGreaterThan(5);
    const dues = q.items.map((i) => Date.parse(i.report.dueAt as string));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    for (const item of q.items) {
      const overdue = Date.parse(item.report.dueAt as string) < NOW.getTime();
      expect(item.state).toBe(overdue ? 'overdue' : 'due_soon');
      const d = item.overdueWorkingDays;
      expect(item.escalation.step).toBe(!overdue || d < 1 ? null : d < 3 ? 'officer' : d < 8 ? 'unit_leader' : 'province');
    }
    const stats = (await call('GET', '/api/v1/stats/agencies')).body;
    expect(q.overdue).toBe(stats.totals.overdue);
    expect(q.dueSoon).toBe(stats.totals.dueSoon);
    // filtered by unit
    const unit = q.items.find((i) => i.report.agencyId !== null)?.report.agencyId as string;
    const mine = await queue(`&agencyId=${unit}`);
    expect(mine.items.every((i) => i.report.agencyId === unit)).toBe(true);
    expect(mine.total).toBe(q.items.filter((i) => i.report.agencyId === unit).length);
  });

  let target: Report;
  let first: ReminderResponse;

  it('records a reminder: a reminded event in the timeline and the live stream, sent to the webhook, counted in the queue', async () => {
    const before = await queue('&state=overdue');
    // one not reminded yet since its due date was set, past the unit-leader step
    const item = before.items.find((i) => i.report.agencyId !== null && i.escalation.remindedStep === null && i.overdueWorkingDays >= 3);
    expect(item?.escalation).toMatchObject({ due: true, overdueAfterReminder: false });
    expect(item).toBeDefined();
    target = item!.report;
    const socket = await liveClient(url);
    await socket.subscribe(store.latestSeq());
    const res = await call('POST', `/api/v1/reports/${target.id}/reminders`, {
      channel: 'sms',
      target: 'unit_leader',
      note: 'Đề nghị khẩn trương xử lý',
      idempotencyKey: 'test-reminder-0001',
    });
    expect(res.status).toBe(201);
    first = res.body as ReminderResponse;
    expect(first.duplicate).toBe(false);
    expect(first.notification.status).toBe('sent');
    expect(first.notification.attempts).toBe(1);
    expect(first.notification.recipient?.name).toBeTruthy();
    // timeline (the detail's events are the audit log)
    const detail = (await call('GET', `/api/v1/reports/${target.id}`, undefined, null)).body;
    const ev = detail.events.at(-1);
    expect(ev).toMatchObject({ type: 'reminded', seq: first.seq, data: { channel: 'sms', target: 'unit_leader', note: 'Đề nghị khẩn trương xử lý' } });
    expect(detail.reminderCount).toBe(target.reminderCount + 1);
    // live stream
    await waitFor(() => socket.events.some((e) => e.seq === first.seq && e.type === 'reminded'), 3000, 'the reminded event on the stream');
    socket.close();
    // webhook
    const sent = received.at(-1);
    expect(sent?.headers.authorization).toBe('Bearer hook-secret');
    expect(sent?.headers['idempotency-key']).toBe(`paht-notification-${first.notification.id}`);
    expect(sent?.body).toMatchObject({ type: 'paht.reminder', reportId: target.id, externalId: target.externalId, channel: 'sms', target: 'unit_leader', notificationId: first.notification.id });
    // queue: the count and time for that report
    const after = (await queue()).items.find((i) => i.report.id === target.id);
    expect(after?.report.reminderCount).toBe(target.reminderCount + 1);
    expect(after?.report.lastRemindedAt).toBe(NOW.toISOString());
    expect(after?.reminders[0]).toMatchObject({ seq: first.seq, channel: 'sms', target: 'unit_leader' });
    expect(after?.escalation).toMatchObject({ remindedStep: 'unit_leader', due: after!.escalation.step === 'province', overdueAfterReminder: true });
    expect(after?.notification).toMatchObject({ id: first.notification.id, status: 'sent' });
  });

  it('a repeated idempotency key (double click) stores and sends nothing new', async () => {
    const hooks = received.length;
    const seq = store.latestSeq();
    const res = await call('POST', `/api/v1/reports/${target.id}/reminders`, { channel: 'phone', target: 'officer' }, OPERATOR_TOKEN, {
      'idempotency-key': 'test-reminder-0001',
    });
    expect(res.status).toBe(200);
    expect(res.body.duplicate).toBe(true);
    expect(res.body.seq).toBe(first.seq);
    expect(res.body.notification.id).toBe(first.notification.id);
    expect(store.latestSeq()).toBe(seq);
    expect(received.length).toBe(hooks);
  });

  it('a failing webhook leaves a failed notification with its error, shown in the queue; retry sends it once the hook recovers', async () => {
    hookStatus = 500;
    const res = await call('POST', `/api/v1/reports/${target.id}/reminders`, { channel: 'phone', target: 'province', idempotencyKey: 'test-reminder-0002' });
    expect(res.status).toBe(201);
    const failed = res.body.notification as Notification;
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toContain('HTTP 500');
    const q = await queue();
    expect(q.failedNotifications).toBe(1);
    expect(q.items.find((i) => i.report.id === target.id)?.notification).toMatchObject({ id: failed.id, status: 'failed' });
    expect((await call('GET', '/api/v1/notifications?status=failed')).body.items.map((n: Notification) => n.id)).toEqual([failed.id]);
    // still down: a retry fails again and counts the attempt
    const again = await call('POST', `/api/v1/notifications/${failed.id}/retry`);
    expect(again.body).toMatchObject({ status: 'failed', attempts: 2 });
    hookStatus = 200;
    const retried = await call('POST', `/api/v1/notifications/${failed.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: failed.id, status: 'sent', attempts: 3, lastError: null });
    expect(received.at(-1)?.headers['idempotency-key']).toBe(`paht-notification-${failed.id}`);
    expect((await queue()).failedNotifications).toBe(0);
    // a sent notification is not sent again
    expect((await call('POST', `/api/v1/notifications/${failed.id}/retry`)).status).toBe(409);
    expect((await call('POST', '/api/v1/notifications/99999/retry')).status).toBe(404);
  });

  it('refuses what the workflow or the contract refuses, naming the field', async () => {
    const resolved = (await call('GET', '/api/v1/reports?status=resolved&limit=1')).body.items[0] as Report;
    const r1 = await call('POST', `/api/v1/reports/${resolved.id}/reminders`, { channel: 'sms', target: 'officer' });
    expect(r1.status).toBe(409);
    expect(r1.body.error).toBe('illegal_transition');
    expect((await call('POST', '/api/v1/reports/999999/reminders', { channel: 'sms', target: 'officer' })).status).toBe(404);
    const r3 = await call('POST', `/api/v1/reports/${target.id}/reminders`, { channel: 'fax', target: 'officer' });
    expect(r3.status).toBe(400);
    expect(r3.body.issues[0].path).toBe('channel');
    const r4 = await call('POST', `/api/v1/reports/${target.id}/reminders`, { channel: 'sms', target: 'mayor' });
    expect(r4.body.issues[0].path).toBe('target');
    const r5 = await call('GET', '/api/v1/overdue-queue?sort=random');
    expect(r5.status).toBe(400);
    expect(r5.body.issues[0].path).toBe('sort');
  });

  it('unit contacts are data, for operators', async () => {
    const body = (await call('GET', '/api/v1/agency-contacts')).body;
    expect(body.items.length).toBe(store.meta().agencies.length);
    expect(body.items[0]).toMatchObject({ agencyId: store.meta().agencies[0]?.id, leader: { name: expect.any(String), phone: expect.any(String) } });
  });
});

describe('notifier default', () => {
  it('without a webhook, reminders are written to the log and reported sent', async () => {
    const lines: string[] = [];
    const n = createLogNotifier({ info: (m: string) => lines.push(m) });
    await n.send({ notificationId: 1, type: 'paht.reminder', reportId: 1, externalId: 'X-1', title: 'Đèn hỏng', agencyId: 'a', agencyName: 'A', channel: 'sms', target: 'officer', recipient: null, note: 'gấp', dueAt: null, at: NOW.toISOString(), actor: null, seq: 3 });
    expect(lines[0]).toContain('X-1');
  });
});
