import type { Rating } from '../../contract/common';
import type { Agency } from '../../contract/meta';
import type { Report } from '../../contract/report';
import type {
  DisputeItem,
  DisputeListQuery,
  DisputeListResponse,
  RatingCounts,
  SatisfactionFigures,
  SatisfactionQuery,
  SatisfactionResponse,
} from '../../contract/satisfaction';
import { VN_OFFSET_MINUTES } from '../calendar';
import { DomainError } from '../errors';
import { periodBounds } from '../summary';
import type { DisputeEpisode } from './report-history';

const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;

/** Ratings standing now, given in a period, counted per unit, rating and Vietnam-local month ('YYYY-MM'). */
export interface RatingRow {
  agencyId: string | null;
  rating: Rating;
  month: string;
  n: number;
}
/** Reports resolved in a period (and still resolved), per unit, and how many of them carry a rating. */
export interface ResolvedRow {
  agencyId: string | null;
  resolved: number;
  rated: number;
}

/** What the SQLite store and the memory store provide (the same questions, answered from their own data). */
export interface SatisfactionSource {
  agencies(): readonly Agency[];
  latestSeq(): number;
  ratingRows(from: number, to: number, agencyId: string | undefined): RatingRow[];
  resolvedRows(from: number, to: number, agencyId: string | undefined): ResolvedRow[];
  /** dispute episodes raised in [from, to), evaluated as of `now`, any unit */
  disputes(from: number, to: number, now: number): DisputeEpisode[];
  reportsByIds(ids: readonly number[]): Report[];
}

export function monthOf(ms: number): string {
  const d = new Date(ms + OFFSET_MS);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The calendar months (Vietnam time) overlapping [from, to), each clipped to it. */
export function monthsOf(from: number, to: number): { month: string; from: number; to: number }[] {
  const out: { month: string; from: number; to: number }[] = [];
  const d = new Date(from + OFFSET_MS);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  for (;;) {
    const start = Date.UTC(y, m, 1) - OFFSET_MS;
    if (start >= to) break;
    const end = Date.UTC(y, m + 1, 1) - OFFSET_MS;
    out.push({ month: monthOf(start), from: Math.max(start, from), to: Math.min(end, to) });
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return out;
}

export function resolvePeriod(q: { from?: string; to?: string }, now: Date): { from: number; to: number } {
  const b = periodBounds(now);
  const from = q.from ? Date.parse(q.from) : b.monthStart.getTime();
  const to = q.to ? Date.parse(q.to) : b.nextMonthStart.getTime();
  if (to <= from) throw new DomainError('invalid', 'must be after from', 'to', 400);
  return { from, to };
}

const emptyCounts = (): RatingCounts => ({ rated: 0, satisfied: 0, acceptable: 0, unsatisfied: 0, rate: null });
const emptyFigures = (): SatisfactionFigures => ({ ...emptyCounts(), resolved: 0, resolvedRated: 0, ratedShare: null, disputes: 0, disputesAnsweredInTime: 0 });
const addRating = (c: RatingCounts, rating: Rating, n: number) => {
  c.rated += n;
  c[rating] += n;
};
const finish = <T extends RatingCounts>(c: T): T => ({ ...c, rate: c.rated === 0 ? null : (c.satisfied + c.acceptable) / c.rated });
const finishFigures = (f: SatisfactionFigures): SatisfactionFigures => ({ ...finish(f), ratedShare: f.resolved === 0 ? null : f.resolvedRated / f.resolved });

export const answeredInTime = (e: DisputeEpisode, now: number) => e.answeredAt !== null && e.answeredAt <= e.deadline && e.answeredAt < now;

function figures(src: SatisfactionSource, from: number, to: number, now: number, agencyId: string | undefined) {
  const overall = emptyFigures();
  const perUnit = new Map<string, SatisfactionFigures>();
  const unit = (id: string) => {
    let f = perUnit.get(id);
    if (!f) {
      f = emptyFigures();
      perUnit.set(id, f);
    }
    return f;
  };
  const ratings = src.ratingRows(from, to, agencyId);
  for (const r of ratings) {
    addRating(overall, r.rating, r.n);
    if (r.agencyId !== null) addRating(unit(r.agencyId), r.rating, r.n);
  }
  for (const r of src.resolvedRows(from, to, agencyId)) {
    overall.resolved += r.resolved;
    overall.resolvedRated += r.rated;
    if (r.agencyId !== null) {
      const f = unit(r.agencyId);
      f.resolved += r.resolved;
      f.resolvedRated += r.rated;
    }
  }
  for (const e of src.disputes(from, to, now)) {
    if (agencyId !== undefined && e.agencyId !== agencyId) continue;
    const ok = answeredInTime(e, now);
    overall.disputes += 1;
    if (ok) overall.disputesAnsweredInTime += 1;
    if (e.agencyId !== null) {
      const f = unit(e.agencyId);
      f.disputes += 1;
      if (ok) f.disputesAnsweredInTime += 1;
    }
  }
  return { overall: finishFigures(overall), perUnit, ratings };
}

/**
 * Satisfaction for a period: shares of hài lòng / chấp nhận / không hài lòng, the official rate (chấp nhận or
 * better ÷ rated), how many resolved reports were rated, disputes and how many were answered within 2 working
 * days; per unit, per month, and against the previous period of the same length. Ratings are those standing now
 * (as the KPI summary counts them): a reopening voids a rating.
 */
export function satisfactionFor(src: SatisfactionSource, q: SatisfactionQuery, now: Date): SatisfactionResponse {
  const { from, to } = resolvePeriod(q, now);
  const prevFrom = from - (to - from);
  const cur = figures(src, from, to, now.getTime(), q.agencyId);
  const prev = figures(src, prevFrom, from, now.getTime(), q.agencyId);
  const byMonth = new Map<string, RatingCounts>();
  for (const r of cur.ratings) {
    let c = byMonth.get(r.month);
    if (!c) {
      c = emptyCounts();
      byMonth.set(r.month, c);
    }
    addRating(c, r.rating, r.n);
  }
  const agencies = new Map(src.agencies().map((a) => [a.id, a]));
  const units = [...cur.perUnit]
    .map(([agencyId, f]) => {
      const a = agencies.get(agencyId);
      return { agencyId, name: a?.name ?? agencyId, shortName: a?.shortName ?? agencyId, group: a?.kind ?? ('department' as const), ...finishFigures(f) };
    })
    .sort((a, b) => b.rated - a.rated || b.resolved - a.resolved || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    seq: src.latestSeq(),
    asOf: now.toISOString(),
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    agencyId: q.agencyId ?? null,
    overall: cur.overall,
    previous: { from: new Date(prevFrom).toISOString(), to: new Date(from).toISOString(), figures: prev.overall },
    rateChange: cur.overall.rate !== null && prev.overall.rate !== null ? cur.overall.rate - prev.overall.rate : null,
    months: monthsOf(from, to).map((m) => ({ month: m.month, from: new Date(m.from).toISOString(), to: new Date(m.to).toISOString(), ...finish(byMonth.get(m.month) ?? emptyCounts()) })),
    units,
  };
}

export function disputeStateOf(e: DisputeEpisode, now: number): DisputeItem['dispute']['state'] {
  if (answeredInTime(e, now)) return 'answered_in_time';
  if (e.answeredAt !== null && e.answeredAt < now) return 'answered_late';
  return e.deadline < now ? 'unanswered' : 'pending';
}

const encodeCursor = (at: number, seq: number) => btoa(JSON.stringify([at, seq])).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
function decodeCursor(s: string): { at: number; seq: number } {
  try {
    const v: unknown = JSON.parse(atob(s.replace(/-/g, '+').replace(/_/g, '/')));
    if (Array.isArray(v) && v.length === 2 && Number.isSafeInteger(v[0]) && Number.isSafeInteger(v[1])) return { at: v[0] as number, seq: v[1] as number };
  } catch {
    // fall through
  }
  throw new DomainError('invalid', 'is not a cursor this server issued', 'cursor', 400);
}

/** The disputed reports of a period (the drill-down), newest dispute first, paged by a keyset cursor. */
export function disputeList(src: SatisfactionSource, q: DisputeListQuery, now: Date): DisputeListResponse {
  const { from, to } = resolvePeriod(q, now);
  const after = q.cursor === undefined ? null : decodeCursor(q.cursor);
  const all = src
    .disputes(from, to, now.getTime())
    .filter((e) => q.agencyId === undefined || e.agencyId === q.agencyId)
    .sort((a, b) => b.at - a.at || b.seq - a.seq);
  const rest = after === null ? all : all.filter((e) => e.at < after.at || (e.at === after.at && e.seq < after.seq));
  const page = rest.slice(0, q.limit);
  const reports = new Map(src.reportsByIds([...new Set(page.map((e) => e.reportId))]).map((r) => [r.id, r]));
  const items: DisputeItem[] = page.flatMap((e) => {
    const report = reports.get(e.reportId);
    if (!report) return [];
    return [
      {
        report,
        dispute: {
          seq: e.seq,
          at: new Date(e.at).toISOString(),
          kinds: e.kinds,
          deadline: new Date(e.deadline).toISOString(),
          answeredAt: e.answeredAt === null ? null : new Date(e.answeredAt).toISOString(),
          state: disputeStateOf(e, now.getTime()),
          agencyId: e.agencyId,
        },
      },
    ];
  });
  const last = page.at(-1);
  return { items, nextCursor: rest.length > q.limit && last ? encodeCursor(last.at, last.seq) : null, total: all.length, seq: src.latestSeq() };
}
