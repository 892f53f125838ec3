import type { ReportStatus } from '../../src/shared/contract/common';
import type { EventInput } from '../../src/shared/contract/event';
import { DEFAULT_REPORTS_PER_DAY } from './history';
import { planContinuation, planNewReport } from './lifecycle';
import type { ReportState } from './lifecycle';
import { samplePlace } from './places';
import { TimeQueue } from './priority-queue';
import { createRng } from './rng';
import type { Rng } from './rng';
import { isNightIntake, isUrgentByDay, pickCategory, pickChannel, VN_OFFSET_MS, DAY_MS } from './volume';
import type { World } from './world';
import { scenarioWorld } from './world';

/** An open report as the store knows it, to be carried on by the simulator. */
export interface OpenReport {
  externalId: string;
  status: ReportStatus;
  receivedAt: string;
  categoryId: string;
  agencyId: string | null;
  dueAt: string | null;
  urgent: boolean;
}

export interface LiveSourceOptions {
  seed: number;
  /** real instant the simulator starts; nothing is emitted before it */
  start: Date;
  /** simulated time per real time: 60 = a simulated hour each real minute */
  speed: number;
  /** new reports per simulated day; default 45..70 */
  reportsPerDay?: { min: number; max: number };
  openReports: readonly OpenReport[];
}

export interface LiveSource {
  /** events scheduled at or before `now`, in time order, each stamped with its scheduled (real) time */
  due(now: Date): EventInput[];
  /** when the next event is scheduled; null when nothing more will ever come */
  nextAt(): Date | null;
}

const OPEN: readonly ReportStatus[] = ['received', 'assigned', 'in_progress', 'reopened'];

/** Where an open report is, as far as routing cares, guessed from the unit that holds it. */
function whereOf(rng: Rng, world: World, agencyId: string | null): ReportState['where'] {
  const agency = agencyId ? world.agencies.get(agencyId) : undefined;
  if (agency?.kind === 'commune_pc') {
    for (const [wardCode, pc] of world.communePcOfWard) if (pc.id === agency.id) return { wardCode, districtCode: pc.districtCode ?? '474' };
  }
  if (agency?.districtCode) {
    const wards = world.meta.wards.filter((w) => w.districtCode === agency.districtCode);
    if (wards.length > 0) {
      const w = rng.pick(wards);
      return { wardCode: w.code, districtCode: w.districtCode };
    }
  }
  const p = samplePlace(rng, world);
  return { wardCode: p.wardCode, districtCode: p.districtCode };
}

/**
 * The live simulator's event source. Open reports carry on from their current status and new reports arrive
 * as a Poisson process at reportsPerDay × speed per real day. Lifecycles are planned in simulated time with
 * the same planner as history and compressed by `speed` into real time; due dates in `extended` events stay
 * in the server's frame (they are later than the server's due date, as the ingest requires).
 * Ids embed the start instant, so a restarted simulator never reuses an externalId or sourceEventId.
 */
export function createLiveSource(opts: LiveSourceOptions): LiveSource {
  const { seed, speed } = opts;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`live source: speed must be a positive number, got ${speed}`);
  const world = scenarioWorld();
  const startMs = opts.start.getTime();
  const tag = startMs.toString(36);
  const queue = new TimeQueue<EventInput>();
  const enqueue = (events: readonly EventInput[]) => {
    for (const ev of events) queue.push(Date.parse(ev.at), ev);
  };

  for (const r of opts.openReports) {
    if (!OPEN.includes(r.status) || !world.categories.has(r.categoryId)) continue;
    const rng = createRng(seed, 'live', startMs, 'open', r.externalId);
    const receivedAt = Date.parse(r.receivedAt);
    // planning starts at the simulator's start (or at receipt, for a report stamped slightly ahead of our clock)
    const from = Math.max(startMs, receivedAt);
    const state: ReportState = {
      externalId: r.externalId,
      status: r.status,
      receivedAt,
      categoryId: r.categoryId,
      urgent: r.urgent,
      agencyId: r.agencyId,
      dueAt: r.dueAt ? Date.parse(r.dueAt) : null,
      where: whereOf(rng, world, r.agencyId),
      reopenedBefore: r.status === 'reopened',
      caseIndex: null,
    };
    enqueue(
      planContinuation(
        { rng, world, sourceId: (k) => `sim-${tag}-${r.externalId}-${k}`, emitAt: (ms) => from + (ms - from) / speed },
        state,
        from,
      ),
    );
  }

  const perDay = opts.reportsPerDay ?? DEFAULT_REPORTS_PER_DAY;
  const meanPerDay = Math.max(0, (perDay.min + perDay.max) / 2);
  /** mean real ms between arrivals */
  const gap = meanPerDay > 0 ? DAY_MS / (meanPerDay * speed) : Number.POSITIVE_INFINITY;
  const arrivals = createRng(seed, 'live', startMs, 'arrivals');
  let nextArrival = startMs + arrivals.exponential(gap);
  let n = 0;

  const spawn = (at: number) => {
    n++;
    const rng = createRng(seed, 'live', startMs, 'new', n);
    const externalId = `SIM-${tag}-${n}`;
    const receivedAt = Math.floor(at);
    const msOfDay = (((receivedAt + VN_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
    const categoryId = pickCategory(rng, false);
    const night = isNightIntake(msOfDay);
    const events = planNewReport(
      // a new report's simulated clock starts at its real arrival, so its creation instant is the same in both
      { rng, world, sourceId: (k) => `sim-${tag}-${externalId}-${k}`, emitAt: (ms) => receivedAt + (ms - receivedAt) / speed },
      {
        externalId,
        receivedAt,
        categoryId,
        urgent: night || isUrgentByDay(rng, categoryId, false),
        place: samplePlace(rng, world),
        channel: night && rng.chance(0.4) ? 'hotline' : pickChannel(rng),
        repeat: false,
      },
    );
    enqueue(events);
  };

  return {
    due(now) {
      const nowMs = now.getTime();
      while (nextArrival <= nowMs) {
        spawn(nextArrival);
        nextArrival += arrivals.exponential(gap);
      }
      const out: EventInput[] = [];
      for (let t = queue.peekTime(); t !== null && t <= nowMs; t = queue.peekTime()) out.push(queue.pop() as EventInput);
      return out;
    },
    nextAt() {
      const q = queue.peekTime();
      const next = Math.min(q ?? Number.POSITIVE_INFINITY, nextArrival);
      return Number.isFinite(next) ? new Date(Math.ceil(next)) : null;
    },
  };
}
