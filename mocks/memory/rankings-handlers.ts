import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { z } from 'zod';
import { finaliseBody, quarterParams } from '../../src/shared/contract/rankings';
import type { RankingResponse, ScoringConfig } from '../../src/shared/contract/rankings';
import { rankingCsv } from '../../src/shared/domain/scoring/export-table';
import { rankingXlsx } from '../../src/shared/domain/scoring/export-xlsx';
import { DEFAULT_SCORING_CONFIG } from '../../src/shared/domain/scoring/formula';
import { createRankingCache, prepareFinalisation, quarterList, rankingFor, RankingRefusal, unitScore } from '../../src/shared/domain/scoring/rankings-service';
import type { Capability } from '../../src/shared/domain/access';
import type { MemoryRankings } from './rankings-store';

const unitParams = quarterParams.extend({ agencyId: z.string().min(1).max(100) });
const CSV_TYPE = 'text/csv; charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


const file = (bytes: Uint8Array | string, type: string, name: string) =>
  new HttpResponse(typeof bytes === 'string' ? bytes : (bytes.slice().buffer as ArrayBuffer), {
    headers: { 'content-type': type, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-cache' },
  });

/** MSW twins of the rankings endpoints (src/server/routes/rankings.ts), over the memory store's event log. */
export function rankingHandlers(
  src: MemoryRankings,
  now: () => Date,
  opts: { allows: (request: Request, capability: Capability) => boolean; toResponse: (err: unknown) => Response; config?: ScoringConfig },
): HttpHandler[] {
  const config = opts.config ?? DEFAULT_SCORING_CONFIG;
  const cache = createRankingCache();
  const answer = async (f: () => Response | Promise<Response>) => {
    try {
      return await f();
    } catch (err) {
      if (err instanceof RankingRefusal) return HttpResponse.json({ error: err.code, message: err.message }, { status: err.status });
      return opts.toResponse(err);
    }
  };
  // exceljs is loaded only when a workbook is asked for (the demo bundle stays small)
  const xlsx = async (r: RankingResponse) => rankingXlsx(r, (await import('exceljs')).default);
  const name = (quarter: string, ext: string) => `xep-hang-thi-dua-${quarter}.${ext}`;

  return [
    http.get('*/api/v1/rankings', () => answer(() => HttpResponse.json(quarterList(src, now())))),
    http.get('*/api/v1/rankings/:quarter/export.csv', ({ params }) =>
      answer(() => {
        const { quarter } = quarterParams.parse(params);
        const frozen = src.frozenExport(quarter, 'csv');
        return file(frozen ?? rankingCsv(rankingFor(src, quarter, now(), config, cache)), CSV_TYPE, name(quarter, 'csv'));
      }),
    ),
    http.get('*/api/v1/rankings/:quarter/export.xlsx', ({ params }) =>
      answer(async () => {
        const { quarter } = quarterParams.parse(params);
        const frozen = src.frozenExport(quarter, 'xlsx');
        return file(frozen ?? (await xlsx(rankingFor(src, quarter, now(), config, cache))), XLSX_TYPE, name(quarter, 'xlsx'));
      }),
    ),
    http.get('*/api/v1/rankings/:quarter/units/:agencyId', ({ params }) =>
      answer(() => {
        const { quarter, agencyId } = unitParams.parse(params);
        return HttpResponse.json(unitScore(src, quarter, agencyId, now(), config, cache));
      }),
    ),
    http.get('*/api/v1/rankings/:quarter', ({ params }) =>
      answer(() => HttpResponse.json(rankingFor(src, quarterParams.parse(params).quarter, now(), config, cache))),
    ),
    http.post('*/api/v1/rankings/:quarter/finalise', ({ request, params }) =>
      answer(async () => {
        if (!opts.allows(request, 'rankings.finalise')) {
          return HttpResponse.json({ error: 'forbidden', message: 'your role may not use this (needs rankings.finalise)' }, { status: 403 });
        }
        const { quarter } = quarterParams.parse(params);
        let body: unknown = {};
        try {
          body = await request.json();
        } catch {
          body = {};
        }
        const { by } = finaliseBody.parse(body ?? {});
        const at = now();
        const snapshot = prepareFinalisation(src, quarter, at, config, by, cache);
        const exports = { csv: new TextEncoder().encode(rankingCsv(snapshot.ranking)), xlsx: await xlsx(snapshot.ranking) };
        if (!src.saveSnapshot(snapshot, exports)) throw new RankingRefusal(409, 'already_finalised', `quarter ${quarter} was finalised meanwhile`);
        return HttpResponse.json(rankingFor(src, quarter, now(), config, cache), { status: 201 });
      }),
    ),
  ];
}
