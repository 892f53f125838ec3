import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/shared/contract/report';
import { open311MappingSchema } from '../../src/shared/domain/open311';
import { referenceData } from '../../src/shared/domain/reference';
import { createAddressGeocoder } from '../../src/server/import/address-geocoder';
import { createOpen311Client } from '../../src/server/import/open311/client';
import { createOpen311Importer } from '../../src/server/import/open311/importer';
import { loadOpen311Mapping } from '../../src/server/import/open311/mapping-file';
import { startOpen311Poller } from '../../src/server/import/open311/poller';
import { memoryOpen311State, openOpen311State, type Open311State } from '../../src/server/import/open311/state';
import { serverSink, storeSink } from '../../src/server/import/sink';
import { openSqliteStore } from '../../src/server/store/sqlite-store';
import type { Store } from '../../src/server/store/store';
import { loadFixtureRecords, startFixtureServer, type FixtureServer } from '../fixtures/open311/fixture-server';
import { created } from './fixtures';
import { INGEST_TOKEN, liveClient, startTestServer, waitFor } from './harness';

const FIXTURES = join(import.meta.dirname, '../fixtures/open311');
const MAPPING = join(FIXTURES, 'mapping.json');
const ALL = ['hue-requests.json', 'spec-requests.json', 'malformed-requests.json'];
const FROM = new Date('2024-01-01T00:00:00+07:00');
const TO = new Date('2024-07-01T00:00:00+07:00');
const ref = referenceData();
const geocode = createAddressGeocoder(ref.wards, ref.districts);
const ward = (name: string) => {
  const w = ref.wards.find((x) => x.name === name);
  if (!w) throw new Error(`no ward ${name}`);
  return w;
};

function reports(store: Store): Map<string, Report> {
  const list = store.listReports({ limit: 500 }, new Date());
  return new Map(list.items.map((r) => [r.externalId, r]));
}
function eventTypes(store: Store, r: Report | undefined): string[] {
  if (!r) throw new Error('report missing');
  return (store.getReport(r.id, { withReporter: false })?.events ?? []).map((e) => e.type);
}

describe('Open311 import into the store', () => {
  let dir: string;
  let store: Store;
  let state: Open311State;
  let src: FixtureServer;
  const importer = (opts: { state?: Open311State; dryRun?: boolean } = {}) =>
    createOpen311Importer({ source: 'hue311', mapping: loadOpen311Mapping(MAPPING), ref, sink: storeSink(store, () => new Date()), state: opts.state ?? state, geocode, dryRun: opts.dryRun });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paht-open311-'));
    store = openSqliteStore(join(dir, 'paht.sqlite'));
    state = openOpen311State(join(dir, 'open311-state.sqlite'));
    src = await startFixtureServer(loadFixtureRecords(...ALL));
  });
  afterEach(async () => {
    await src.close();
    state.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a 6-month range in ≤ 90-day windows, follows paging, and maps the records onto reports', async () => {
    const client = createOpen311Client({ url: src.url, pageSize: 4 });
    const s = await importer().importRange(client, FROM, TO);

    // windows: contiguous, each ≤ 90 days, covering exactly [from, to) (the fixture server refuses longer ones)
    const windows = [...new Map(src.queries.map((q) => [`${q.get('start_date')}|${q.get('end_date')}`, q])).values()].map((q) => ({
      start: Date.parse(q.get('start_date') ?? ''),
      end: Date.parse(q.get('end_date') ?? ''),
    }));
    expect(windows.length).toBe(3);
    expect(windows[0]?.start).toBe(FROM.getTime());
    expect(windows.at(-1)?.end).toBe(TO.getTime());
    for (const [i, w] of windows.entries()) {
      expect(w.end - w.start).toBeLessThanOrEqual(90 * 86_400_000);
      if (i > 0) expect(w.start).toBe(windows[i - 1]?.end);
    }
    // paging: the first window (6 records + 1 unplaceable) needs pages 1 and 2 of 4 and stops at the short page
    const firstWindowPages = src.queries.filter((q) => q.get('start_date') === src.queries[0]?.get('start_date')).map((q) => q.get('page'));
    expect(firstWindowPages).toEqual(['1', '2']);
    expect(src.queries.every((q) => q.get('page_size') === '4')).toBe(true);

    const byId = reports(store);
    // the spec's own example, 638344: closed, no agency_responsible → the mapping's default unit; times at -08:00
    const r344 = byId.get('open311:hue311:638344');
    expect(r344).toMatchObject({
      status: 'resolved',
      agencyId: 'ubnd-tp-hue',
      categoryId: 'ha-tang-giao-thong',
      receivedAt: '2024-04-14T14:37:38.000Z',
      resolvedAt: '2024-04-14T14:37:38.000Z',
      resultText: 'Duplicate request.',
      media: [{ url: 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg', kind: 'image' }],
    });
    expect(eventTypes(store, r344)).toEqual(['created', 'assigned', 'started', 'resolved']);
    // no description: the service name is the title; otherwise the citizen's words are
    expect(r344?.title).toBe('Sidewalk and Curb Issues');
    expect(byId.get('open311:hue311:HUE-1001')?.title).toBe('Rác sinh hoạt để ven đường Trần Hưng Đạo hai ngày chưa thu gom, bốc mùi.');
    // open, no agency: stays with the centre
    expect(byId.get('open311:hue311:638349')).toMatchObject({ status: 'received', agencyId: null, receivedAt: '2024-04-19T14:37:38.000Z' });
    // "Cans left out 24x7" by service_code 001; "HEPCO" matches the unit's short name without a mapping line
    expect(byId.get('open311:hue311:638350')).toMatchObject({ status: 'assigned', agencyId: 'hepco', categoryId: 've-sinh-moi-truong', receivedAt: '2024-04-20T02:05:00.000Z' });
    // the record repeated across pages: the newer (closed) version wins
    expect(byId.get('open311:hue311:HUE-1002')).toMatchObject({
      status: 'resolved',
      agencyId: 'chieu-sang-do-thi-hue',
      resolvedAt: '2024-02-07T02:30:00.000Z',
      resultText: 'Đã thay bóng đèn LED, hệ thống hoạt động bình thường.',
    });
    // timestamps without an offset are Vietnam time (UTC+7)
    expect(byId.get('open311:hue311:HUE-1004')).toMatchObject({ receivedAt: '2024-03-01T07:20:00.000Z', resolvedAt: '2024-03-04T03:00:00.000Z', agencyId: 'hepco' });
    // -05:00 converted
    expect(byId.get('open311:hue311:HUE-1005')).toMatchObject({ receivedAt: '2024-03-19T02:10:00.000Z', resolvedAt: '2024-03-20T04:30:00.000Z', categoryId: 'cay-xanh', agencyId: 'cong-vien-cay-xanh-hue' });
    expect(byId.get('open311:hue311:HUE-1003')).toMatchObject({ status: 'assigned', agencyId: 'ubnd-p-phu-hoi', media: [{ url: 'https://media.hue.example/paht/1003.mp4', kind: 'video' }] });
    // an agency nobody mapped: imported, unassigned, and counted
    expect(byId.get('open311:hue311:HUE-1006')).toMatchObject({ status: 'received', agencyId: null, categoryId: 'tieng-on' });
    // no coordinates: placed at the ward its address names
    const vinhNinh = ward('Phường Vĩnh Ninh');
    expect(byId.get('open311:hue311:BAD-2001')).toMatchObject({ lat: vinhNinh.lat, lng: vinhNinh.lng, wardCode: vinhNinh.code });
    // no service: the default category; coordinates given as strings; status in capitals
    expect(byId.get('open311:hue311:BAD-2005')).toMatchObject({ categoryId: 'khac' });
    expect(byId.get('open311:hue311:BAD-2006')).toMatchObject({ lat: 16.4681, lng: 107.6043, status: 'received' });

    expect(byId.size).toBe(14);
    expect(s.importedRecords).toBe(14);
    expect(s.importedEvents).toBe(32);
    expect(store.latestSeq()).toBe(32);
    expect(s.duplicateEvents).toBe(0);
    expect(s.locatedByAddress).toBe(1);
    expect(s.unmappedServices).toEqual({ 'Abandoned Vehicle': 1, '(no service)': 1 });
    expect(s.unmappedAgencies).toEqual({ 'Công an phường Vĩ Dạ': 1, 'Phòng Quản lý đô thị XYZ': 1 });
    const skipped = Object.fromEntries(s.skipped.map((k) => [k.id, k.reason]));
    expect(Object.keys(skipped).sort()).toEqual(['?', 'BAD-2002', 'BAD-2003', 'BAD-2004', 'BAD-2007', 'BAD-2008', 'BAD-2010']);
    expect(skipped['?']).toMatch(/no service_request_id/);
    expect(skipped['BAD-2002']).toMatch(/no coordinates.*names no known ward/);
    expect(skipped['BAD-2003']).toMatch(/unknown status 'pending'/);
    expect(skipped['BAD-2004']).toMatch(/unparseable requested_datetime/);
    expect(skipped['BAD-2007']).toMatch(/updated_datetime is before requested_datetime/);
    expect(skipped['BAD-2008']).toMatch(/unparseable expected_datetime/);
    expect(skipped['BAD-2010']).toMatch(/closed without updated_datetime/);
    // nothing half-done: a skipped request left no report behind
    for (const id of Object.keys(skipped)) expect(byId.has(`open311:hue311:${id}`)).toBe(false);
  });

  it('stores nothing new when run again — with its memory, and without it (ids are deterministic)', async () => {
    const client = createOpen311Client({ url: src.url, pageSize: 4 });
    await importer().importRange(client, FROM, TO);
    const seq = store.latestSeq();
    const before = [...reports(store).values()];

    const again = await importer().importRange(client, FROM, TO);
    expect(again.importedEvents).toBe(0);
    expect(again.unchangedRecords).toBe(14);

    const forgetful = await importer({ state: memoryOpen311State() }).importRange(client, FROM, TO);
    expect(forgetful.importedEvents).toBe(0);
    expect(forgetful.duplicateEvents).toBe(32);
    expect(store.latestSeq()).toBe(seq);
    expect([...reports(store).values()]).toEqual(before);
  });

  it('applies later versions: closes, transfers, extends, reopens — each change once', async () => {
    const client = createOpen311Client({ url: src.url, pageSize: 50 });
    await importer().importRange(client, FROM, TO);
    const records = loadFixtureRecords(...ALL);
    const edit = (id: string | number, patch: Record<string, unknown>) => {
      const r = records.filter((x) => x.service_request_id === id).at(-1);
      if (!r) throw new Error(`no record ${id}`);
      Object.assign(r, patch);
    };
    edit('HUE-1001', { status: 'closed', status_notes: 'Đã thu gom.', updated_datetime: '2024-06-20T10:00:00+07:00' });
    edit('HUE-1003', { agency_responsible: 'UBND phường Vĩ Dạ', expected_datetime: '2024-07-15T17:00:00+07:00', status_notes: 'Gia hạn do cần phối hợp', updated_datetime: '2024-06-21T09:00:00+07:00' });
    edit(638344, { status: 'open', status_notes: 'Người dân phản ánh lại', updated_datetime: '2024-06-22T08:00:00-08:00' });
    src.setRecords(records);

    const s = await importer().importRange(client, FROM, TO);
    const byId = reports(store);
    expect(byId.get('open311:hue311:HUE-1001')).toMatchObject({ status: 'resolved', resolvedAt: '2024-06-20T03:00:00.000Z', resultText: 'Đã thu gom.' });
    expect(eventTypes(store, byId.get('open311:hue311:HUE-1001'))).toEqual(['created', 'assigned', 'started', 'resolved']);
    const r1003 = byId.get('open311:hue311:HUE-1003');
    expect(r1003).toMatchObject({ agencyId: 'ubnd-p-vi-da', dueAt: '2024-07-15T10:00:00.000Z' });
    expect(r1003?.originalDueAt).not.toBe('2024-07-15T10:00:00.000Z');
    expect(eventTypes(store, r1003)).toEqual(['created', 'assigned', 'transferred', 'extended']);
    expect(byId.get('open311:hue311:638344')).toMatchObject({ status: 'reopened', reopenCount: 1 });
    expect(s.importedEvents).toBe(2 + 2 + 1);
    expect(s.unchangedRecords).toBe(11);

    // and once more: nothing new
    const seq = store.latestSeq();
    expect((await importer().importRange(client, FROM, TO)).importedEvents).toBe(0);
    expect((await importer({ state: memoryOpen311State() }).importRange(client, FROM, TO)).importedEvents).toBe(0);
    expect(store.latestSeq()).toBe(seq);

    // closed again after the reopening: round 2 gets its own ids
    edit(638344, { status: 'closed', status_notes: 'Đã xử lý lần 2', updated_datetime: '2024-06-25T08:00:00+07:00' });
    src.setRecords(records);
    await importer().importRange(client, FROM, TO);
    const r344 = reports(store).get('open311:hue311:638344');
    expect(r344).toMatchObject({ status: 'resolved', resultText: 'Đã xử lý lần 2', resolvedAt: '2024-06-25T01:00:00.000Z' });
    expect(eventTypes(store, r344)).toEqual(['created', 'assigned', 'started', 'resolved', 'reopened', 'started', 'resolved']);
  });

  it('a dry run fetches and checks but writes nothing', async () => {
    const s = await importer({ dryRun: true }).importRange(createOpen311Client({ url: src.url }), FROM, TO);
    expect(s.importedEvents).toBe(32);
    expect(s.skipped).toHaveLength(7);
    expect(store.latestSeq()).toBe(0);
    expect(state.get('hue311', 'HUE-1001')).toBeNull();
  });

  it('reads a server without the paging extension one call per window', async () => {
    await src.close();
    src = await startFixtureServer(loadFixtureRecords(...ALL), { paging: false });
    const s = await importer().importRange(createOpen311Client({ url: src.url, pageSize: 4 }), FROM, TO);
    // window 1 returns 7 records for page 1 (more than page_size 4): the server ignores paging → no page 2
    expect(src.queries.filter((q) => q.get('page') === '2')).toHaveLength(0);
    expect(s.importedEvents).toBe(32);
  });
});

describe('Open311 poller', () => {
  let dir: string;
  let store: Store;
  let src: FixtureServer;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paht-open311-poll-'));
    store = openSqliteStore(join(dir, 'paht.sqlite'));
    src = await startFixtureServer(loadFixtureRecords('hue-requests.json'));
  });
  afterEach(async () => {
    await src.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('polls updated_after from its watermark, remembers it across restarts, and notifies the live stream', async () => {
    let notified = 0;
    const clock = () => new Date('2024-06-30T00:00:00Z');
    const config = { url: src.url, pollSeconds: 3600, mappingFile: MAPPING, source: 'hue311', initialDays: 200, pageSize: 100 };
    const log = { info: () => {}, warn: () => {}, error: (m: string) => expect.fail(m) };
    const p1 = startOpen311Poller({ store, clock, config, dataDir: dir, onIngested: () => notified++, log });
    const s1 = await p1.pollNow();
    expect(s1?.importedEvents).toBe(22);
    expect(notified).toBeGreaterThan(0);
    expect(src.queries[0]?.get('updated_after')).toBe('2023-12-13T00:00:00Z');
    await p1.stop();

    // a restart continues from the newest updated_datetime seen (HUE-1008: 2024-06-12T08:45Z), overlapping by a minute
    const p2 = startOpen311Poller({ store, clock, config, dataDir: dir, onIngested: () => notified++, log });
    const s2 = await p2.pollNow();
    await p2.stop();
    expect(src.queries.at(-1)?.get('updated_after')).toBe('2024-06-12T08:44:00Z');
    expect(s2?.importedEvents).toBe(0);
    expect(store.latestSeq()).toBe(22);
  });
});

describe('Open311 CLI against a running server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let src: FixtureServer;
  let dir: string;
  beforeAll(async () => {
    server = await startTestServer({ now: new Date() });
    src = await startFixtureServer(loadFixtureRecords(...ALL));
    dir = mkdtempSync(join(tmpdir(), 'paht-open311-cli-'));
  });
  afterAll(async () => {
    await src.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/import/open311/cli.ts', ...args], { cwd: join(import.meta.dirname, '../..'), env: { ...process.env, PORT: '18619' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('posts through the ingest API, so live clients receive the import; a second run stores nothing', async () => {
    const live = await liveClient(server.url);
    await live.subscribe(0);
    const args = ['--url', src.url, '--from', '2024-01-01', '--to', '2024-06-30', '--mapping', MAPPING, '--source', 'hue311', '--server', server.url, '--token', INGEST_TOKEN, '--state', join(dir, 'state.sqlite'), '--json'];
    const first = await cli(args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const s = JSON.parse(first.stdout) as { importedEvents: number; skipped: unknown[]; to: string };
    expect(s.importedEvents).toBe(32);
    expect(s.skipped).toHaveLength(7);
    // --to as a date includes that day
    expect(s.to).toBe('2024-06-30T17:00:00.000Z');
    await waitFor(() => live.events.length === 32, 5000, 'the live stream to carry the import');
    expect(new Set(live.events.map((e) => e.report.externalId)).size).toBe(14);

    const second = await cli(args);
    expect(JSON.parse(second.stdout)).toMatchObject({ importedEvents: 0 });
    expect(server.store.latestSeq()).toBe(32);
    live.close();
  });

  it('names bad arguments and a bad mapping, and exits non-zero', async () => {
    const bad = await cli(['--url', src.url, '--from', '31/12/2024', '--server', server.url, '--token', INGEST_TOKEN]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--from '31\/12\/2024'/);
    const unknownUnit = join(dir, 'bad-mapping.json');
    await import('node:fs').then((fs) => fs.writeFileSync(unknownUnit, JSON.stringify({ agencies: { DPW: 'no-such-unit' } })));
    const badMap = await cli(['--url', src.url, '--mapping', unknownUnit, '--server', server.url, '--token', INGEST_TOKEN]);
    expect(badMap.code).toBe(1);
    expect(badMap.stderr).toMatch(/agencies\.DPW: unknown handling unit 'no-such-unit'/);
  });

  it('a request the server refuses is reported with the reason, and the others in its batch are imported', async () => {
    // the platform already pushed a report under the id this request maps to (another sourceEventId)
    const clash = created({ externalId: 'open311:other:X-638349', sourceEventId: 'platform-event-1', at: '2024-04-19T14:37:38.000Z' });
    expect((await server.ingest(clash)).status).toBe(201);
    const seq = server.store.latestSeq();
    const sink = serverSink(server.url, INGEST_TOKEN);
    const mapping = open311MappingSchema.parse({ defaultAgencyId: 'ubnd-tp-hue' });
    const records = loadFixtureRecords('spec-requests.json').map((r) => ({ ...r, service_request_id: `X-${String(r.service_request_id)}` }));
    const imp = createOpen311Importer({ source: 'other', mapping, ref, sink, state: memoryOpen311State(), geocode });
    await imp.process(records);
    const s = imp.summary();
    expect(s.skipped).toHaveLength(1);
    expect(s.skipped[0]?.id).toBe('X-638349');
    expect(s.skipped[0]?.reason).toMatch(/created event refused: externalId: a report with this externalId already exists/);
    expect(s.importedRecords).toBe(2);
    expect(server.store.latestSeq()).toBe(seq + 4 + 2);
  });
});
