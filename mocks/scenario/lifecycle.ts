import type { Rating, ReportStatus, SlaUnit } from '../../src/shared/contract/common';
import type { EventInput } from '../../src/shared/contract/event';
import { addWorkingDays, addWorkingHours, workingMsBetween } from '../../src/shared/domain/calendar';
import { computeDue } from '../../src/shared/domain/sla';
import { createdBody, resultMedia } from './new-report';
import type { NewReport } from './new-report';
import type { Rng } from './rng';
import { routeReport, transferTarget } from './routing';
import {
  EXTENSION_REASONS,
  OPERATORS,
  REJECTION_REASONS,
  REOPEN_REASONS,
  TRANSFER_REASONS,
  commentText,
  pickCase,
  reminderNote,
  resultText,
} from './text-vi';
import { must } from './world';
import type { World } from './world';

/** An event input without the fields the planner fills in last (time, ids). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type EventBody = DistributiveOmit<EventInput, 'at' | 'sourceEventId' | 'externalId'>;

/**
 * Target shares of how a forwarded report ends (DOMAIN.md: 2022, 51.1% on time and 48.9% late with an approved
 * extension; plain late and never-finished cases are what the seed article complains about).
 */
const OUTCOMES_FIRST = [['on_time', 0.49], ['late_extended', 0.395], ['late', 0.09], ['stuck', 0.025]] as const;
/** a reopened case is watched closely: mostly fixed in time */
const OUTCOMES_AGAIN = [['on_time', 0.7], ['late_extended', 0.2], ['late', 0.1]] as const;
type Outcome = (typeof OUTCOMES_FIRST)[number][0];

/** 2019: 5,870 of 8,088 qualified, i.e. ~27.4% turned away at screening */
export const REJECT_SHARE = 0.28;
const RATED_SHARE = 0.6;
/**
 * hài lòng / chấp nhận / không hài lòng by how the case went. "Không hài lòng" is set above the 12% target
 * because a third of those cases are reopened, which clears the rating (see workflow.applyEvent).
 */
const RATINGS: Record<'on_time' | 'late_extended' | 'late', readonly (readonly [Rating, number])[]> = {
  on_time: [['satisfied', 74], ['acceptable', 15.5], ['unsatisfied', 10.5]],
  late_extended: [['satisfied', 62], ['acceptable', 19.5], ['unsatisfied', 18.5]],
  late: [['satisfied', 46], ['acceptable', 24], ['unsatisfied', 30]],
};
/** chance of a reopening ("phản ánh lần 2") by the rating given, or its absence */
const REOPEN_CHANCE: Record<Rating | 'unrated', number> = { unsatisfied: 0.3, acceptable: 0.03, satisfied: 0.005, unrated: 0.025 };
/** of forwarded reports; rejected ones are rarely discussed, which brings the overall share to ~15% */
const COMMENTED_SHARE = 0.19;
const TRANSFER_SHARE = 0.06;
const REMINDER_SEQUENCE = [
  ['sms', 'officer'],
  ['phone', 'officer'],
  ['phone', 'unit_leader'],
  ['sms', 'unit_leader'],
  ['email', 'province'],
  ['phone', 'unit_leader'],
] as const;

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** What the planner knows about a report it continues (all instants in ms). */
export interface ReportState {
  externalId: string;
  status: ReportStatus;
  receivedAt: number;
  categoryId: string;
  urgent: boolean;
  agencyId: string | null;
  /** current due date; null to compute it from the category */
  dueAt: number | null;
  /** for routing and transfers */
  where: { wardCode: string; districtCode: string };
  /** a report is reopened at most once in the scenario */
  reopenedBefore: boolean;
  /** which problem of the category the citizen described (see text-vi-categories); null when unknown */
  caseIndex: number | null;
}

export interface PlanOptions {
  rng: Rng;
  world: World;
  /** id of the k-th event of this plan (k from 0) */
  sourceId: (k: number) => string;
  /**
   * Maps a planned instant to the emitted one. The live simulator plans in simulated time and compresses it
   * (real = anchor + (simulated − anchor) / speed); history uses the identity. Due dates are never mapped:
   * they must stay comparable with the server's own computation.
   */
  emitAt?: (ms: number) => number;
}

interface Pending {
  t: number;
  body: EventBody;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Plans one report's events from a known state; see planNewReport / planContinuation. */
class Planner {
  private readonly main: Pending[] = [];
  private readonly extra: Pending[] = [];
  private cursor: number;
  private readonly state: ReportState;
  private slaUnit: SlaUnit = 'working_days';
  private firstAssignedAt: number | null = null;
  private firstResolvedAt: number | null = null;

  constructor(
    private readonly opts: PlanOptions,
    state: ReportState,
    from: number,
  ) {
    this.state = { ...state };
    this.cursor = from;
    const c = must(opts.world.categories, state.categoryId, 'category');
    const { dueAt, sla } = computeDue(c, state.urgent, new Date(state.receivedAt));
    if (state.dueAt === null) this.state.dueAt = dueAt.getTime();
    this.slaUnit = sla.unit;
    if (state.status === 'assigned' || state.status === 'in_progress' || state.status === 'reopened') this.firstAssignedAt = from;
  }

  private get rng() {
    return this.opts.rng;
  }

  private later(t: number, workingHours: number): number {
    return addWorkingHours(new Date(t), Math.max(0, workingHours)).getTime();
  }

  private workingHoursBetween(a: number, b: number): number {
    return workingMsBetween(new Date(a), new Date(b)) / HOUR;
  }

  private push(t: number, body: EventBody): number {
    // whole seconds, and strictly after the previous event of the report so their order is never ambiguous
    const at = Math.max(Math.floor(t / 1000) * 1000, this.cursor + 1000);
    this.cursor = at;
    this.main.push({ t: at, body });
    return at;
  }

  private agencyName(): string {
    const id = this.state.agencyId;
    return id ? must(this.opts.world.agencies, id, 'agency').name : 'Đơn vị';
  }

  private agencyActor(): string {
    const id = this.state.agencyId;
    return id ? must(this.opts.world.agencies, id, 'agency').shortName : 'Đơn vị xử lý';
  }

  // ——— stages ———

  /** received → verified → assigned → …, or received → rejected */
  screen(): void {
    const { rng, state } = this;
    const t0 = this.cursor;
    // the instant process answers in minutes day and night; the timed one waits for office hours
    const decidedAt = state.urgent ? t0 + clamp(rng.exponential(12 * MIN), 2 * MIN, HOUR) : this.later(t0, clamp(rng.exponential(1), 0.05, 6));
    if (rng.chance(REJECT_SHARE)) {
      this.push(decidedAt, { type: 'rejected', reason: rng.pick(REJECTION_REASONS), actor: rng.pick(OPERATORS) });
      state.status = 'rejected';
      return;
    }
    const body: EventBody & { type: 'verified' } = { type: 'verified', actor: rng.pick(OPERATORS) };
    // screening sometimes corrects the category or flags the case as urgent, which moves the deadline
    if (rng.chance(0.02)) {
      const other = rng.pick(RECLASSIFY[state.categoryId] ?? ['khac']);
      body.categoryId = other;
      state.categoryId = other;
      state.caseIndex = null;
      this.redue(state.receivedAt);
    } else if (!state.urgent && rng.chance(0.006)) {
      body.urgent = true;
      state.urgent = true;
      this.redue(state.receivedAt);
    }
    const verifiedAt = this.push(decidedAt, body);
    const assignAt = state.urgent ? verifiedAt + clamp(rng.exponential(10 * MIN), MIN, HOUR) : this.later(verifiedAt, clamp(rng.exponential(0.6), 0.02, 4));
    const route = routeReport(rng, this.opts.world, state.categoryId, state.where);
    this.firstAssignedAt = this.push(assignAt, {
      type: 'assigned',
      agencyId: route.lead.id,
      coordinatingAgencyIds: route.coordinating.map((a) => a.id),
      actor: rng.pick(OPERATORS),
    });
    state.agencyId = route.lead.id;
    state.status = 'assigned';
    this.handle(1);
  }

  private redue(from: number): void {
    const c = must(this.opts.world.categories, this.state.categoryId, 'category');
    const { dueAt, sla } = computeDue(c, this.state.urgent, new Date(from));
    this.state.dueAt = dueAt.getTime();
    this.slaUnit = sla.unit;
  }

  private start(): void {
    const { rng, state } = this;
    // work starts within about a working day; an urgent case is on site within the hour
    const at = state.urgent ? this.cursor + clamp(rng.exponential(25 * MIN), 3 * MIN, 3 * HOUR) : this.later(this.cursor, clamp(rng.exponential(2.5), 0.1, 7.5));
    this.push(at, { type: 'started', actor: this.agencyActor() });
    state.status = 'in_progress';
  }

  private transfer(): void {
    const { rng, state } = this;
    const at = state.urgent ? this.cursor + clamp(rng.exponential(40 * MIN), 5 * MIN, 4 * HOUR) : this.later(this.cursor, rng.uniform(0.5, 10));
    const target = transferTarget(rng, this.opts.world, state.categoryId, state.where, state.agencyId);
    this.push(at, { type: 'transferred', agencyId: target.id, reason: rng.pick(TRANSFER_REASONS), actor: rng.pick(OPERATORS) });
    state.agencyId = target.id;
    state.status = 'assigned';
  }

  /** a new due date asked for before the current one passes */
  private extend(dueAt: number, beforeFraction: [number, number]): number {
    const { rng } = this;
    const room = this.workingHoursBetween(this.cursor, dueAt);
    const at = this.later(this.cursor, room * rng.uniform(...beforeFraction));
    const days = this.slaUnit === 'working_hours' ? rng.int(1, 2) : rng.weighted([[3, 25], [5, 35], [7, 20], [10, 15], [15, 5]] as const);
    const to = addWorkingDays(new Date(dueAt), days).getTime();
    this.push(Math.min(at, dueAt - 1000), { type: 'extended', dueAt: new Date(to).toISOString(), reason: rng.pick(EXTENSION_REASONS), actor: this.agencyActor() });
    this.state.dueAt = to;
    return to;
  }

  /** the centre chases an overdue case by SMS and phone, escalating to the unit's leader and the province */
  private remind(overdueFrom: number, until: number): void {
    const { rng } = this;
    if (!rng.chance(0.85)) return;
    let t = this.later(Math.max(overdueFrom, this.cursor), rng.uniform(0.5, 6));
    for (const [channel, target] of REMINDER_SEQUENCE) {
      if (t >= until) break;
      this.push(t, { type: 'reminded', channel, target, note: reminderNote(channel, target), actor: rng.pick(OPERATORS) });
      t = this.later(t, rng.uniform(6, 20));
    }
  }

  /** continues a report that is already with a unit (round 2 = after a reopening) */
  handleFrom(round: 1 | 2): void {
    this.handle(round);
  }

  /** assigned/in_progress/reopened → … → resolved (or never, for the cases that get stuck) */
  private handle(round: 1 | 2): void {
    const { rng, state } = this;
    let outcome: Outcome = rng.weighted(round === 1 ? OUTCOMES_FIRST : OUTCOMES_AGAIN);
    const transferFirst = round === 1 && rng.chance(TRANSFER_SHARE);
    if (transferFirst && state.status !== 'in_progress' && rng.chance(0.5)) this.transfer();
    if (state.status === 'assigned' || state.status === 'reopened') {
      // some stuck cases were never even started
      if (outcome === 'stuck' && rng.chance(0.3)) {
        this.remind(state.dueAt ?? this.cursor, Number.POSITIVE_INFINITY);
        return;
      }
      this.start();
    }
    if (transferFirst && state.status === 'in_progress') {
      this.transfer();
      this.start();
    }
    const due = state.dueAt ?? this.cursor;
    const room = this.workingHoursBetween(this.cursor, due);
    // not enough time left to finish in time (late pick-up of a short urgent SLA): ask for more, or be late
    if (outcome === 'on_time' && room < 0.35) outcome = 'late_extended';
    if (outcome === 'late_extended' && room < 0.15) outcome = 'late';
    switch (outcome) {
      case 'on_time': {
        // skewed early: many fixes are quick, a few land on the last day
        const f = clamp(1 - Math.sqrt(1 - rng.next()) * 0.95, 0.05, 0.97);
        this.resolve(this.later(this.cursor, room * f), 'on_time', round);
        return;
      }
      case 'late_extended': {
        let to = this.extend(due, [0.3, 0.9]);
        let from = due;
        if (rng.chance(0.1)) {
          // a second extension, again before the (extended) due date passes
          const from2 = to;
          to = this.extend(to, [0.2, 0.7]);
          from = from2;
        }
        const span = this.workingHoursBetween(from, to);
        this.resolve(this.later(from, clamp(span * rng.uniform(0.05, 0.95), 0.05, Math.max(0.05, span - 0.01))), 'late_extended', round);
        return;
      }
      case 'late': {
        let current = due;
        if (room > 0.3 && rng.chance(0.2)) current = this.extend(due, [0.3, 0.9]);
        // a case continued after its due date already passed (live simulator) is late from now on
        const resolvedAt = this.later(Math.max(current, this.cursor), 0.5 + rng.exponential(18));
        this.remind(current, resolvedAt);
        this.resolve(resolvedAt, 'late', round);
        return;
      }
      case 'stuck':
        this.remind(due, Number.POSITIVE_INFINITY);
        return;
    }
  }

  private resolve(at: number, how: 'on_time' | 'late_extended' | 'late', round: 1 | 2): void {
    const { rng, state } = this;
    const resolvedAt = this.push(at, {
      type: 'resolved',
      resultText: resultText(rng, state.categoryId, state.caseIndex, this.agencyName()),
      media: resultMedia(rng),
      actor: this.agencyActor(),
    });
    this.firstResolvedAt ??= resolvedAt;
    state.status = 'resolved';
    let rating: Rating | 'unrated' = 'unrated';
    if (rng.chance(round === 1 ? RATED_SHARE : 0.5)) {
      rating = rng.weighted(RATINGS[how]);
      this.push(daytime(rng, resolvedAt + clamp(rng.exponential(30 * HOUR), 10 * MIN, 20 * DAY)), { type: 'rated', rating, actor: 'Công dân' });
    }
    if (round === 1 && !state.reopenedBefore && rng.chance(REOPEN_CHANCE[rating])) {
      const reopenedAt = daytime(rng, this.cursor + clamp(rng.exponential(2 * DAY), HOUR, 20 * DAY));
      const secondReport = rating === 'unsatisfied' ? rng.chance(0.5) : rng.chance(0.8);
      this.push(reopenedAt, { type: 'reopened', reason: rng.pick(REOPEN_REASONS), secondReport, actor: rng.pick(OPERATORS) });
      state.status = 'reopened';
      state.reopenedBefore = true;
      // the server counts a fresh deadline from the reopening
      this.redue(this.cursor);
      this.handle(2);
    }
  }

  /** ~15% of reports get comments from the citizen, the handling unit or the centre, at any stage */
  comments(): void {
    const { rng, state } = this;
    const share = state.status === 'rejected' ? 0.05 : COMMENTED_SHARE;
    if (!rng.chance(share)) return;
    const first = this.main[0]?.t ?? this.cursor;
    const last = this.cursor + 2 * DAY;
    const n = rng.weighted([[1, 80], [2, 15], [3, 5]] as const);
    for (let i = 0; i < n; i++) {
      const t = Math.floor((first + 5 * MIN + rng.next() * Math.max(0, last - first - 5 * MIN)) / 1000) * 1000;
      if (state.status === 'rejected') {
        this.extra.push({ t, body: { type: 'commented', author: 'citizen', text: commentText(rng, 'citizen', 'rejected'), actor: 'Công dân' } });
        continue;
      }
      const assigned = this.firstAssignedAt !== null && t > this.firstAssignedAt;
      const phase = this.firstResolvedAt !== null && t > this.firstResolvedAt ? 'after' : 'open';
      // the unit's comments are progress notes, so they come while the case is being handled
      const author = rng.weighted([['citizen', 55], ['agency', assigned && phase === 'open' ? 25 : 0], ['centre', 20]] as const);
      const actor = author === 'citizen' ? 'Công dân' : author === 'agency' ? this.agencyActor() : rng.pick(OPERATORS);
      this.extra.push({ t, body: { type: 'commented', author, text: commentText(rng, author, phase), actor } });
    }
  }

  finish(): EventInput[] {
    const all = [...this.main, ...this.extra].sort((a, b) => a.t - b.t);
    const emitAt = this.opts.emitAt ?? ((ms: number) => ms);
    const externalId = this.state.externalId;
    return all.map((p, k) => ({ ...p.body, at: new Date(emitAt(p.t)).toISOString(), externalId, sourceEventId: this.opts.sourceId(k) }) as EventInput);
  }

  addCreated(body: EventBody): void {
    this.main.push({ t: this.cursor, body });
  }
}

/** Categories screening may move a report to (operators correct obvious mistakes). */
const RECLASSIFY: Readonly<Record<string, readonly string[]>> = {
  'trat-tu-xay-dung': ['lan-chiem-via-he'],
  'lan-chiem-via-he': ['trat-tu-xay-dung', 've-sinh-moi-truong'],
  've-sinh-moi-truong': ['thoat-nuoc-ngap-ung', 'lan-chiem-via-he'],
  'thoat-nuoc-ngap-ung': ['ha-tang-giao-thong', 've-sinh-moi-truong'],
  'ha-tang-giao-thong': ['thoat-nuoc-ngap-ung'],
  'chieu-sang-cong-cong': ['dien-luc'],
  'dien-luc': ['chieu-sang-cong-cong'],
  'tieng-on': ['an-ninh-trat-tu'],
  'an-ninh-trat-tu': ['tieng-on'],
  khac: ['ve-sinh-moi-truong', 'lan-chiem-via-he', 'an-ninh-trat-tu'],
};

/** citizens rate and re-report in waking hours: move night instants to the next morning */
function daytime(rng: Rng, t: number): number {
  const local = (t + 7 * HOUR) % DAY;
  if (local >= 6.5 * HOUR && local < 23 * HOUR) return t;
  const toMorning = local < 6.5 * HOUR ? 6.5 * HOUR - local : DAY - local + 6.5 * HOUR;
  return t + toMorning + Math.floor(rng.exponential(1.5 * HOUR));
}

/** A new report's whole life: created, screened, forwarded, handled, resolved, rated, perhaps reopened. */
export function planNewReport(opts: PlanOptions, report: NewReport): EventInput[] {
  const state: ReportState = {
    externalId: report.externalId,
    status: 'received',
    receivedAt: report.receivedAt,
    categoryId: report.categoryId,
    urgent: report.urgent,
    agencyId: null,
    dueAt: null,
    where: { wardCode: report.place.wardCode, districtCode: report.place.districtCode },
    reopenedBefore: false,
    caseIndex: pickCase(opts.rng, report.categoryId),
  };
  const p = new Planner(opts, state, report.receivedAt);
  p.addCreated(createdBody(opts.rng, report, state.caseIndex ?? 0));
  p.screen();
  p.comments();
  return p.finish();
}

/**
 * The rest of an open report's life from `from` on, using only the steps its status allows
 * (received → screening; assigned → start; in_progress → resolution; reopened → start again).
 * Resolved and rejected reports have nothing left to plan and give no events.
 */
export function planContinuation(opts: PlanOptions, state: ReportState, from: number): EventInput[] {
  const p = new Planner(opts, state, from);
  switch (state.status) {
    case 'received':
      p.screen();
      break;
    case 'assigned':
    case 'in_progress':
      p.handleFrom(1);
      break;
    case 'reopened':
      p.handleFrom(2);
      break;
    default:
      return [];
  }
  p.comments();
  return p.finish();
}
