import type { FastifyInstance } from 'fastify';
import { summaryQuery, type SummaryResponse } from '../../shared/contract/api';
import type { Reads } from '../store/read-pool';
import { requireCapability } from '../auth/guard';

/**
 * Every open screen's KPI strip asks for the same figures right after each live batch. Requests for the same
 * log position (seq) and period within SHARE_MS of each other share one computation: a hundred wall screens cost
 * one query, not a hundred. The answer is exact for its seq; only "now" (overdue reached) may be up to SHARE_MS
 * old, and the strip updates at most once a second anyway.
 */
export const SUMMARY_SHARE_MS = 1000;

export function statsRoutes(app: FastifyInstance, deps: { reads: Reads; latestSeq: () => number; clock: () => Date }) {
  const shared = new Map<string, { at: number; answer: Promise<SummaryResponse> }>();
  app.get('/api/v1/stats/summary', { onRequest: requireCapability('stats.read') }, (request) => {
    const period = summaryQuery.parse(request.query);
    const now = deps.clock();
    const t = now.getTime();
    for (const [k, v] of shared) if (Math.abs(t - v.at) >= SUMMARY_SHARE_MS) shared.delete(k);
    const key = `${deps.latestSeq()}|${period.from ?? ''}|${period.to ?? ''}`;
    const hit = shared.get(key);
    if (hit) return hit.answer;
    const answer = deps.reads.summary(now, period);
    shared.set(key, { at: t, answer });
    // a failed computation is not shared
    answer.catch(() => shared.delete(key));
    return answer;
  });
}
