import type { ScoreComponentKey, ScoreItem } from '../../contract/rankings';
import type { Timeliness } from '../../contract/common';
import { defaultCalendar } from '../calendar';
import type { WorkingCalendar } from '../calendar';
import { reportHistory } from './report-history';
import type { ScoringEvent } from './report-history';

/** The quarter being scored: [from, to), evaluated as of `asOf` (= to for an ended quarter, now while it runs). */
export interface ScoringWindow {
  from: number;
  to: number;
  asOf: number;
}

export interface UnitItem {
  agencyId: string;
  component: ScoreComponentKey;
  item: ScoreItem;
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const inWindow = (t: number | null, w: ScoringWindow) => t !== null && t >= w.from && t < w.to && t < w.asOf;

/**
 * What one report contributes to each unit's components in the window. Definitions (formula version 1):
 *
 * - on time: every round RESOLVED in the window (numerator when resolved by its original deadline, i.e. not
 *   late, not late-with-extension), plus the round still OPEN AND OVERDUE at `asOf` (current deadline passed;
 *   denominator only). Open and not yet due: not counted. Unit: the one that resolved it / holds it at `asOf`.
 * - handling: every round whose ORIGINAL DEADLINE falls in the window (before `asOf`); numerator when it was
 *   resolved before `asOf`. Unit: the one that resolved it, or that holds it at `asOf`.
 * - satisfaction: the rating standing at `asOf`, if it was given in the window (numerator when "chấp nhận" or
 *   "hài lòng"). A reopening voids the rating; a re-rating replaces it. Unit: the one that resolved the round.
 * - interaction: dispute episodes DECIDED in the window: answered within 2 working days (numerator; decided when
 *   answered) or not (decided when the 2 days ran out). Unit: the one holding the report at the decision.
 *
 * Only events with `at` before `asOf` are read, so an ended quarter depends on nothing that happened after it.
 */
export function quarterItems(events: readonly ScoringEvent[], w: ScoringWindow, cal: WorkingCalendar = defaultCalendar): UnitItem[] {
  const h = reportHistory(events, w.asOf, cal);
  if (!h) return [];
  const out: UnitItem[] = [];
  const push = (agencyId: string | null, component: ScoreComponentKey, item: ScoreItem) => {
    if (agencyId !== null) out.push({ agencyId, component, item });
  };
  const reportId = h.reportId;
  const last = h.rounds.at(-1);

  for (const r of h.rounds) {
    const base = { reportId, round: r.round, originalDueAt: isoOrNull(r.originalDueAt), dueAt: isoOrNull(r.dueAt), sla: r.sla };
    if (r.resolvedAt !== null && inWindow(r.resolvedAt, w)) {
      const t: Timeliness =
        r.originalDueAt === null || r.resolvedAt <= r.originalDueAt
          ? 'on_time'
          : r.dueAt !== null && r.resolvedAt <= r.dueAt
            ? 'late_extended'
            : 'late';
      push(r.resolvedBy, 'onTime', { ...base, counted: t === 'on_time', at: iso(r.resolvedAt), outcome: t, resolvedAt: iso(r.resolvedAt), timeliness: t });
    }
    const open = r === last && r.resolvedAt === null && !h.rejected;
    if (open && r.dueAt !== null && r.dueAt < w.asOf) {
      push(h.holder, 'onTime', { ...base, counted: false, at: iso(w.asOf), outcome: 'overdue', resolvedAt: null, timeliness: 'overdue' });
    }
    if (!h.rejected && inWindow(r.originalDueAt, w)) {
      const resolved = r.resolvedAt !== null;
      push(resolved ? r.resolvedBy : h.holder, 'handling', {
        ...base,
        counted: resolved,
        at: iso(r.originalDueAt as number),
        outcome: resolved ? 'resolved' : 'unresolved',
        resolvedAt: isoOrNull(r.resolvedAt),
      });
    }
  }

  if (h.rating && inWindow(h.rating.at, w)) {
    const r = h.rounds.find((x) => x.round === h.rating?.round);
    push(r?.resolvedBy ?? h.holder, 'satisfaction', {
      reportId,
      round: h.rating.round,
      counted: h.rating.rating !== 'unsatisfied',
      at: iso(h.rating.at),
      outcome: h.rating.rating,
      rating: h.rating.rating,
      resolvedAt: isoOrNull(r?.resolvedAt ?? null),
    });
  }

  for (const e of h.disputes) {
    const inTime = e.answeredAt !== null && e.answeredAt <= e.deadline;
    const decidedAt = inTime ? (e.answeredAt as number) : e.deadline;
    if (!inWindow(decidedAt, w)) continue;
    push(e.agencyId, 'interaction', {
      reportId,
      round: e.round,
      counted: inTime,
      at: iso(decidedAt),
      outcome: inTime ? 'answered_in_time' : e.answeredAt === null ? 'unanswered' : 'answered_late',
      disputeAt: iso(e.at),
      deadline: iso(e.deadline),
      answeredAt: isoOrNull(e.answeredAt),
    });
  }
  return out;
}
