import type { EventType, Rating } from '../../contract/common';
import type { SlaApplied } from '../../contract/report';
import { addWorkingDays, defaultCalendar } from '../calendar';
import type { WorkingCalendar } from '../calendar';
import { ANSWER_WORKING_DAYS } from './formula';

/** The part of a stored event the scoring reads (a StoredEvent fits). */
export interface ScoringEvent {
  seq: number;
  type: EventType;
  reportId: number;
  at: string;
  data: Record<string, unknown>;
}

/**
 * One "round" of handling: round 1 from receipt, round k+1 from the k-th reopening (which sets a fresh deadline,
 * see decision 0002). Each round is judged on its own deadline.
 */
export interface Round {
  round: number;
  startedAt: number;
  /** the deadline the SLA gave (after screening), before any extension: "on time" is judged against it */
  originalDueAt: number | null;
  /** after extensions */
  dueAt: number | null;
  sla: SlaApplied | null;
  resolvedAt: number | null;
  /** the unit holding the report when it was resolved */
  resolvedBy: string | null;
}

export type DisputeKind = 'comment' | 'reopened' | 'second_report';

/**
 * A dispute episode: a citizen contests a result (comments after resolution, reopening, "phản ánh lần 2").
 * Later disputes before the unit answers join the same episode; the clock runs from the first.
 */
export interface DisputeEpisode {
  reportId: number;
  /** seq of the event that opened the episode (stable id) */
  seq: number;
  round: number;
  at: number;
  kinds: DisputeKind[];
  /** end of the 2nd working day after the dispute's local date */
  deadline: number;
  answeredAt: number | null;
  /** the unit holding the report at the decision (answer, or the deadline passing) */
  agencyId: string | null;
}

export interface RatingFact {
  round: number;
  rating: Rating;
  at: number;
}

/** A report's history as the scoring needs it, as of an instant (events at or after it are ignored). */
export interface ReportHistory {
  reportId: number;
  rounds: Round[];
  /** the unit holding the report as of the instant (null: not forwarded yet, or rejected) */
  holder: string | null;
  rejected: boolean;
  /** the rating standing as of the instant: the latest one, unless a reopening has voided it */
  rating: RatingFact | null;
  disputes: DisputeEpisode[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const msOf = (v: unknown): number | null => (typeof v === 'string' ? Date.parse(v) : null);

/**
 * Folds one report's events (seq order) into its rounds, standing rating and dispute episodes, using only the
 * events with `at` before `asOf`. Tolerant of odd histories: it never throws.
 */
export function reportHistory(events: readonly ScoringEvent[], asOf: number, cal: WorkingCalendar = defaultCalendar): ReportHistory | null {
  const first = events[0];
  if (!first) return null;
  const h: ReportHistory = { reportId: first.reportId, rounds: [], holder: null, rejected: false, rating: null, disputes: [] };
  // who held the report from when, to find the holder at a dispute's deadline
  const holders: { from: number; agencyId: string | null }[] = [];
  let pending: DisputeEpisode | null = null;
  const dispute = (kind: DisputeKind, at: number, seq: number, round: number) => {
    if (pending) {
      if (!pending.kinds.includes(kind)) pending.kinds.push(kind);
      return;
    }
    pending = {
      reportId: h.reportId,
      seq,
      round,
      at,
      kinds: [kind],
      deadline: addWorkingDays(new Date(at), ANSWER_WORKING_DAYS, cal).getTime(),
      answeredAt: null,
      agencyId: null,
    };
    h.disputes.push(pending);
  };
  const answer = (at: number) => {
    if (!pending) return;
    pending.answeredAt = at;
    pending = null;
  };

  for (const ev of events) {
    const at = Date.parse(ev.at);
    if (!(at < asOf)) continue;
    const d = ev.data;
    const cur = h.rounds.at(-1);
    switch (ev.type) {
      case 'created': {
        const due = msOf(d.dueAt);
        h.rounds.push({ round: 1, startedAt: at, originalDueAt: due, dueAt: due, sla: (d.sla as SlaApplied | undefined) ?? null, resolvedAt: null, resolvedBy: null });
        break;
      }
      case 'verified':
        if (cur && typeof d.dueAt === 'string') {
          cur.originalDueAt = cur.dueAt = Date.parse(d.dueAt);
          cur.sla = (d.sla as SlaApplied | undefined) ?? cur.sla;
        }
        break;
      case 'rejected':
        h.rejected = true;
        h.holder = null;
        holders.push({ from: at, agencyId: null });
        break;
      case 'assigned':
      case 'transferred':
        h.holder = str(d.agencyId);
        holders.push({ from: at, agencyId: h.holder });
        break;
      case 'extended':
        answer(at);
        if (cur && typeof d.dueAt === 'string') cur.dueAt = Date.parse(d.dueAt);
        break;
      case 'started':
        answer(at);
        break;
      case 'resolved':
        answer(at);
        if (cur) {
          cur.resolvedAt = at;
          cur.resolvedBy = h.holder;
        }
        break;
      case 'rated': {
        const rating = str(d.rating) as Rating | null;
        if (rating && cur) h.rating = { round: cur.round, rating, at };
        break;
      }
      case 'reopened': {
        if (cur) dispute(d.secondReport === true ? 'second_report' : 'reopened', at, ev.seq, cur.round);
        // the old rating no longer stands (workflow.applyEvent clears it too)
        h.rating = null;
        const due = msOf(d.dueAt);
        h.rounds.push({
          round: (cur?.round ?? 0) + 1,
          startedAt: at,
          originalDueAt: due,
          dueAt: due,
          sla: (d.sla as SlaApplied | undefined) ?? cur?.sla ?? null,
          resolvedAt: null,
          resolvedBy: null,
        });
        break;
      }
      case 'commented': {
        const author = str(d.author);
        if (author === 'agency') answer(at);
        else if (author === 'citizen' && cur && cur.resolvedAt !== null) dispute('comment', at, ev.seq, cur.round);
        break;
      }
      case 'reminded':
        break;
    }
  }
  const holderAt = (t: number): string | null => {
    // the latest change at or before t (a source may send events slightly out of time order)
    let best: { from: number; agencyId: string | null } | null = null;
    for (const x of holders) if (x.from <= t && (best === null || x.from >= best.from)) best = x;
    return best?.agencyId ?? null;
  };
  for (const e of h.disputes) {
    // answered in time: the unit that answered; otherwise the unit that let the deadline pass
    e.agencyId = e.answeredAt !== null && e.answeredAt <= e.deadline ? holderAt(e.answeredAt) : holderAt(Math.min(e.deadline, asOf));
  }
  return h;
}

/** Groups a seq-ordered event stream (any order of reports) by report, keeping each report's seq order. */
export function groupByReport<E extends ScoringEvent>(events: Iterable<E>): Map<number, E[]> {
  const byReport = new Map<number, E[]>();
  for (const e of events) {
    const list = byReport.get(e.reportId);
    if (list) list.push(e);
    else byReport.set(e.reportId, [e]);
  }
  for (const list of byReport.values()) list.sort((a, b) => a.seq - b.seq);
  return byReport;
}
