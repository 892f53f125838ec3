import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { finaliseBody, quarterParams } from '../../shared/contract/rankings';
import type { RankingResponse, ScoringConfig } from '../../shared/contract/rankings';
import { rankingCsv } from '../../shared/domain/scoring/export-table';
import { scoringConfigFromEnv } from '../../shared/domain/scoring/formula';
import { createRankingCache, prepareFinalisation, quarterList, rankingFor, RankingRefusal, unitScore } from '../../shared/domain/scoring/rankings-service';
import { rankingXlsx } from '../export/rankings-xlsx';
import { requireCapability } from '../auth/guard';
import { HttpError } from '../http/http-error';
import type { Store } from '../store/store';

const unitParams = quarterParams.extend({ agencyId: z.string().min(1).max(100) });

const CSV_TYPE = 'text/csv; charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A refusal of the ranking rules becomes the API's error response (status, code, message). */
function refused<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof RankingRefusal) throw new HttpError(err.status, err.code, err.message);
    throw err;
  }
}

export const exportFileName = (quarter: string, ext: 'csv' | 'xlsx') => `xep-hang-thi-dua-${quarter}.${ext}`;

function sendFile(reply: FastifyReply, bytes: Uint8Array | string, type: string, name: string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-cache')
    .send(typeof bytes === 'string' ? bytes : Buffer.from(bytes));
}

/**
 * Quarterly emulation rankings (docs/decisions/0005). Finalising needs `rankings.finalise` (Home Affairs,
 * operators; decision 0011); `by` names the Home Affairs officer who finalised.
 */
export function rankingRoutes(app: FastifyInstance, deps: { store: Store; clock: () => Date; scoring?: ScoringConfig }) {
  const { store, clock } = deps;
  const config = deps.scoring ?? scoringConfigFromEnv(process.env);
  const cache = createRankingCache();
  const src = store.rankings;
  // rankings are public figures (every unit's, unit heads included); freezing one is Home Affairs' act
  const onRequest = requireCapability('rankings.read', { unit: 'any' });

  app.get('/api/v1/rankings', { onRequest }, () => quarterList(src, clock()));

  app.get('/api/v1/rankings/:quarter', { onRequest }, (request) => {
    const { quarter } = quarterParams.parse(request.params);
    return refused(() => rankingFor(src, quarter, clock(), config, cache));
  });

  app.get('/api/v1/rankings/:quarter/units/:agencyId', { onRequest }, (request) => {
    const { quarter, agencyId } = unitParams.parse(request.params);
    return refused(() => unitScore(src, quarter, agencyId, clock(), config, cache));
  });

  app.post('/api/v1/rankings/:quarter/finalise', { onRequest: requireCapability('rankings.finalise') }, async (request, reply) => {
    const { quarter } = quarterParams.parse(request.params);
    const { by } = finaliseBody.parse(request.body ?? {});
    const now = clock();
    const snapshot = refused(() => prepareFinalisation(src, quarter, now, config, by, cache));
    // the files are produced once, from the frozen table, and kept with it
    const exports = { csv: new TextEncoder().encode(rankingCsv(snapshot.ranking)), xlsx: await rankingXlsx(snapshot.ranking) };
    if (!src.saveSnapshot(snapshot, exports)) {
      // finalised by someone else meanwhile: theirs stands
      const other = src.getSnapshot(quarter);
      throw new HttpError(409, 'already_finalised', `quarter ${quarter} was finalised on ${other?.finalisedAt ?? '?'} by ${other?.finalisedBy ?? '?'}`);
    }
    return reply.status(201).send(refused(() => rankingFor(src, quarter, clock(), config, cache)));
  });

  const current = (quarter: string): RankingResponse => refused(() => rankingFor(src, quarter, clock(), config, cache));

  app.get('/api/v1/rankings/:quarter/export.csv', { onRequest }, (request, reply) => {
    const { quarter } = quarterParams.parse(request.params);
    const frozen = src.frozenExport(quarter, 'csv');
    return sendFile(reply, frozen ?? rankingCsv(current(quarter)), CSV_TYPE, exportFileName(quarter, 'csv'));
  });

  app.get('/api/v1/rankings/:quarter/export.xlsx', { onRequest }, async (request, reply) => {
    const { quarter } = quarterParams.parse(request.params);
    const frozen = src.frozenExport(quarter, 'xlsx');
    return sendFile(reply, frozen ?? (await rankingXlsx(current(quarter))), XLSX_TYPE, exportFileName(quarter, 'xlsx'));
  });
}
