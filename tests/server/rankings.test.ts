import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventInput } from '../../src/shared/contract/event';
import type { EventInput } from '../../src/shared/contract/event';
import { rankingResponse, unitScoreResponse } from '../../src/shared/contract/rankings';
import type { RankingResponse, UnitRanking } from '../../src/shared/contract/rankings';
import { ingestGenerated } from '../../src/server/demo/generated-ingest';
import { rankingXlsx } from '../../src/server/export/rankings-xlsx';
import { DEFAULT_SCORING_CONFIG } from '../../src/shared/domain/scoring/formula';
import { rankingFor } from '../../src/shared/domain/scoring/rankings-service';
import { createMemoryStore, MockIngestError } from '../../mocks/memory-store';
import { createHistory } from '../../mocks/scenario/history';
import { startTestServer, OPERATOR_TOKEN, type TestServer } from './harness';
import { KEYS, oracleQuarter, parseCsv } from './rankings-oracle';
import type { OracleUnit } from './rankings-oracle';

// three weeks into Q4 2026: Q3 is over (can be finalised), Q4 runs (provisional), Q2 partly covered (previous ranks)
const NOW = new Date('2026-10-21T03:00:00.000Z');
const config = DEFAULT_SCORING_CONFIG;

let server: TestServer;
let inputs: EventInput[];

async function post(path: string, body: unknown, token: string | null = OPERATOR_TOKEN) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
async function bytes(path: string) {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, headers: res.headers, body: new Uint8Array(await res.arrayBuffer()) };
}
const ranking = async (quarter: string) => rankingResponse.parse((await server.get(`/api/v1/rankings/${quarter}`)).body);

/** Every unit's figures must be the oracle's, exactly. */
function expectOracle(units: readonly UnitRanking[], oracle: Map<string, OracleUnit>) {
  expect(units.map((u) => u.agencyId).sort()).toEqual([...oracle.keys()].sort());
  for (const u of units) {
    const o = oracle.get(u.agencyId) as OracleUnit;
    const got = { volume: u.volume, score: u.score, rank: u.rank, groupRank: u.groupRank, ...Object.fromEntries(KEYS.map((k) => [k, [u.components[k].numerator, u.components[k].denominator]])) };
    const want = { volume: o.volume, score: o.score, rank: o.rank, groupRank: o.groupRank, ...Object.fromEntries(KEYS.map((k) => [k, [o.num[k], o.den[k]]])) };
    expect(got, u.agencyId).toEqual(want);
  }
}

beforeAll(async () => {
  server = await startTestServer({ now: NOW });
  // a lighter day than the province's (15 reports) keeps the test quick; ~110 units still get a mix of volumes
  inputs = [...createHistory({ seed: 2019, end: NOW, days: 140, reportsPerDay: { min: 12, max: 18 } }).events()];
  for (let i = 0; i < inputs.length; i += 1000) ingestGenerated(server.store, inputs.slice(i, i + 1000), NOW);
}, 120_000);
afterAll(() => server?.close());

describe('quarterly rankings against an independent oracle over the event log', () => {
  it('matches the oracle for an ended quarter, with previous-quarter ranks', async () => {
    const r = await ranking('2026-Q3');
    expect(r).toMatchObject({ quarter: '2026-Q3', state: 'unfinalised', asOf: '2026-09-30T17:00:00.000Z', formulaVersion: '1', finalised: null, previousQuarter: '2026-Q2' });
    const agencies = server.store.meta().agencies;
    const oracle = oracleQuarter(server.store.allEvents(), agencies, '2026-Q3', NOW, config);
    expectOracle(r.units, oracle);
    // the data is rich enough to exercise the rules: ranked and unranked units, every component used
    expect(r.units.filter((u) => u.ranked).length).toBeGreaterThan(10);
    expect(r.units.filter((u) => u.notRanked === 'too_few_reports').length).toBeGreaterThan(5);
    for (const k of KEYS) expect(r.units.some((u) => u.components[k].denominator > 0), k).toBe(true);
    // ranked first, by rank; the unranked after
    const ranks = r.units.filter((u) => u.ranked).map((u) => u.rank as number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(r.units.findIndex((u) => !u.ranked)).toBe(ranks.length);
    const previous = oracleQuarter(server.store.allEvents(), agencies, '2026-Q2', NOW, config);
    for (const u of r.units) {
      const p = previous.get(u.agencyId)?.rank ?? null;
      expect(u.previousRank, u.agencyId).toBe(p);
      expect(u.rankChange).toBe(u.rank !== null && p !== null ? p - u.rank : null);
    }
  });

  it('matches the oracle for the running quarter as of now (provisional)', async () => {
    const r = await ranking('2026-Q4');
    expect(r.state).toBe('provisional');
    expect(r.asOf).toBe(NOW.toISOString());
    expectOracle(r.units, oracleQuarter(server.store.allEvents(), server.store.meta().agencies, '2026-Q4', NOW, config));
  });

  it('answers the same from the memory store the demo and component tests use', async () => {
    const memory = createMemoryStore({ days: 0, now: () => NOW });
    for (let i = 0; i < inputs.length; i += 1000) {
      let batch = inputs.slice(i, i + 1000).map((x) => eventInput.parse(x) as EventInput);
      for (;;) {
        try {
          memory.ingest(batch, NOW);
          break;
        } catch (err) {
          if (!(err instanceof MockIngestError)) throw err;
          batch = batch.filter((_, j) => j !== err.index);
        }
      }
    }
    expect(memory.latestSeq()).toBe(server.store.latestSeq());
    expect(rankingFor(memory.rankings, '2026-Q3', NOW, config)).toEqual(await ranking('2026-Q3'));
  });

  it('explains each unit: the report rounds behind every component', async () => {
    const r = await ranking('2026-Q3');
    const unit = r.units.find((u) => u.ranked) as UnitRanking;
    const detail = unitScoreResponse.parse((await server.get(`/api/v1/rankings/2026-Q3/units/${unit.agencyId}`)).body);
    const oracle = oracleQuarter(server.store.allEvents(), server.store.meta().agencies, '2026-Q3', NOW, config).get(unit.agencyId) as OracleUnit;
    for (const k of KEYS) {
      expect(detail.items[k].map((i) => i.reportId).sort((a, b) => a - b), k).toEqual([...oracle.ids[k]].sort((a, b) => a - b));
      expect(detail.items[k].filter((i) => i.counted).length).toBe(unit.components[k].numerator);
    }
    // "which SLA was used?" is answered per report
    expect(detail.items.onTime.every((i) => i.sla && i.sla.amount > 0)).toBe(true);
  });

  it('refuses bad quarters with the field named', async () => {
    expect((await server.get('/api/v1/rankings/2026-Q5')).body).toMatchObject({ error: 'invalid_input', issues: [{ path: 'quarter' }] });
    expect((await server.get('/api/v1/rankings/2027-Q1')).status).toBe(404);
    const list = (await server.get('/api/v1/rankings')).body as { current: string; quarters: { quarter: string; state: string }[] };
    expect(list.current).toBe('2026-Q4');
    expect(list.quarters.slice(0, 3).map((q) => [q.quarter, q.state])).toEqual([
      ['2026-Q4', 'provisional'],
      ['2026-Q3', 'unfinalised'],
      ['2026-Q2', 'unfinalised'],
    ]);
  });
});

describe('exports', () => {
  it('CSV: UTF-8 with BOM, Vietnamese headers and names intact, the API figures', async () => {
    const res = await bytes('/api/v1/rankings/2026-Q3/export.csv');
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toContain('xep-hang-thi-dua-2026-Q3.csv');
    expect([...res.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(res.body).slice(1));
    const [header, ...data] = rows;
    expect(header).toContain('Điểm thi đua');
    expect(header).toContain('Đúng hạn - tỉ lệ');
    const r = await ranking('2026-Q3');
    expect(data).toHaveLength(r.units.length);
    const col = (name: string) => (header as string[]).indexOf(name);
    r.units.forEach((u, i) => {
      const row = data[i] as string[];
      expect(row[col('Đơn vị')]).toBe(u.name);
      expect(row[col('Mã đơn vị')]).toBe(u.agencyId);
      expect(row[col('Điểm thi đua')]).toBe(u.score === null ? '' : String(u.score));
      expect(row[col('Hạng chung')]).toBe(u.rank === null ? '' : String(u.rank));
      expect(Number(row[col('Đúng hạn - mẫu số')])).toBe(u.components.onTime.denominator);
      const rate = row[col('Hài lòng (từ chấp nhận trở lên) - tỉ lệ')];
      expect(rate === '' ? null : Number(rate)).toBe(u.components.satisfaction.rate);
    });
    expect(data.some((row) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(row[col('Đơn vị')] ?? ''))).toBe(true);
  });

  it('XLSX: one sheet per unit group and a formula sheet, numbers as numbers', async () => {
    const res = await bytes('/api/v1/rankings/2026-Q3/export.xlsx');
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã', 'Doanh nghiệp công ích', 'Cơ quan Trung ương', 'Công thức']);
    const r = await ranking('2026-Q3');
    const sheet = wb.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(sheet.getRow(1).font?.bold).toBe(true);
    r.units.forEach((u, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(col('Đơn vị')).value).toBe(u.name);
      expect(row.getCell(col('Điểm thi đua')).value ?? null).toBe(u.score);
      expect(row.getCell(col('Số phản ánh được đánh giá')).value).toBe(u.volume);
      expect(row.getCell(col('Đúng hạn - tỉ lệ')).value ?? null).toBe(u.components.onTime.rate);
    });
    const communes = wb.getWorksheet('UBND cấp xã') as ExcelJS.Worksheet;
    expect(communes.rowCount - 1).toBe(r.units.filter((u) => u.group === 'commune_pc').length);
    const formula = (wb.getWorksheet('Công thức') as ExcelJS.Worksheet).getSheetValues().flat().map(String).join(' ');
    expect(formula).toContain('Phiên bản công thức');
    expect(formula).toContain('Tương tác với người dân');
    expect(wb.created.toISOString()).toBe(r.asOf);
  });

  it('produces the same bytes whenever asked (workbook dates and zip times fixed)', async () => {
    const r = await ranking('2026-Q3');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2027-01-01T00:00:00Z'));
      const a = await rankingXlsx(r);
      vi.setSystemTime(new Date('2031-06-15T13:37:11Z'));
      const b = await rankingXlsx(r);
      expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('neutralises text that Excel would run as a formula', async () => {
    const r = await ranking('2026-Q3');
    const evil: RankingResponse = { ...r, units: [{ ...(r.units[0] as UnitRanking), name: '=HYPERLINK("http://x")' }] };
    const { rankingCsv } = await import('../../src/shared/domain/scoring/export-table');
    const rows = parseCsv(rankingCsv(evil).slice(1));
    expect(rows[1]).toContain(`'=HYPERLINK("http://x")`);
  });
});

describe('finalisation', () => {
  it('needs rankings.finalise (the operator token here), a name, and an ended quarter', async () => {
    // a visitor of the public dashboard may read rankings, not freeze one
    expect((await post('/api/v1/rankings/2026-Q3/finalise', { by: 'Ai đó' }, null)).status).toBe(403);
    expect(await post('/api/v1/rankings/2026-Q3/finalise', {})).toMatchObject({ status: 400, body: { issues: [{ path: 'by' }] } });
    expect(await post('/api/v1/rankings/2026-Q4/finalise', { by: 'Sở Nội vụ' })).toMatchObject({ status: 409, body: { error: 'quarter_not_ended' } });
  });

  it('freezes the quarter: later data never changes it, and the difference is reported per unit', async () => {
    const agencies = server.store.meta().agencies;
    const before = await ranking('2026-Q3');
    const res = await post('/api/v1/rankings/2026-Q3/finalise', { by: 'Trần Thị Nội Vụ' });
    expect(res.status).toBe(201);
    const fin = rankingResponse.parse(res.body);
    expect(fin.state).toBe('finalised');
    expect(fin.finalised).toMatchObject({ by: 'Trần Thị Nội Vụ', at: NOW.toISOString(), formulaVersion: '1', config, seq: server.store.latestSeq() });
    expect(fin.units).toEqual(before.units);
    expect(fin.recomputation).toMatchObject({ differs: false, units: [] });
    expect((await post('/api/v1/rankings/2026-Q3/finalise', { by: 'Người khác' })).body).toMatchObject({ error: 'already_finalised' });
    const csv1 = await bytes('/api/v1/rankings/2026-Q3/export.csv');
    const xlsx1 = await bytes('/api/v1/rankings/2026-Q3/export.xlsx');

    // a late-arriving, back-dated rating on a report a unit resolved in Q3
    const unrated = server.store
      .listReports({ limit: 500, status: ['resolved'], resolvedFrom: '2026-07-01T00:00:00+07:00', resolvedTo: '2026-09-20T00:00:00+07:00' } as never, NOW)
      .items.find((x) => x.rating === null && x.agencyId !== null);
    if (!unrated) throw new Error('the scenario has no unrated resolved report in Q3');
    const ratedAt = new Date(Date.parse(unrated.resolvedAt as string) + 3_600_000).toISOString();
    expect((await server.ingest({ type: 'rated', sourceEventId: 'late-rating-1', externalId: unrated.externalId, at: ratedAt, rating: 'unsatisfied' })).status).toBe(201);
    server.setNow(new Date(NOW.getTime() + 86_400_000));

    const after = await ranking('2026-Q3');
    expect(after.units).toEqual(fin.units);
    expect(after.finalised).toEqual(fin.finalised);
    expect(after.recomputation?.differs).toBe(true);
    const diff = after.recomputation?.units.find((d) => d.agencyId === unrated.agencyId);
    const then = fin.units.find((u) => u.agencyId === unrated.agencyId) as UnitRanking;
    const oracleNow = oracleQuarter(server.store.allEvents(), agencies, '2026-Q3', NOW, config).get(unrated.agencyId as string) as OracleUnit;
    expect(diff?.components.find((c) => c.key === 'satisfaction')).toEqual({
      key: 'satisfaction',
      then: { numerator: then.components.satisfaction.numerator, denominator: then.components.satisfaction.denominator },
      now: { numerator: oracleNow.num.satisfaction, denominator: oracleNow.den.satisfaction },
    });
    expect(oracleNow.den.satisfaction).toBe(then.components.satisfaction.denominator + 1);
    expect(diff?.scoreNow).toBe(oracleNow.score);
    expect(diff?.scoreDelta).toBe(then.score !== null && oracleNow.score !== null ? Math.round((oracleNow.score - then.score) * 100) / 100 : null);

    // the files are byte-for-byte those of the finalisation
    expect(Buffer.compare(Buffer.from((await bytes('/api/v1/rankings/2026-Q3/export.csv')).body), Buffer.from(csv1.body))).toBe(0);
    expect(Buffer.compare(Buffer.from((await bytes('/api/v1/rankings/2026-Q3/export.xlsx')).body), Buffer.from(xlsx1.body))).toBe(0);
    const list = (await server.get('/api/v1/rankings')).body as { quarters: { quarter: string; state: string; finalised: unknown }[] };
    expect(list.quarters.find((q) => q.quarter === '2026-Q3')).toMatchObject({ state: 'finalised', finalised: { by: 'Trần Thị Nội Vụ' } });
  });
});
