import type { EventInput } from '../../src/shared/contract/event';
import { planNewReport } from './lifecycle';
import type { NewReport } from './new-report';
import { nearbyPlace, samplePlace } from './places';
import type { Place } from './places';
import { TimeQueue } from './priority-queue';
import { createRng } from './rng';
import type { Rng } from './rng';
import { dayStartMs, isNightIntake, isoDateOfDay, localDayOf, pickCategory, pickChannel, planDay, timeOfDay, isUrgentByDay } from './volume';
import type { World } from './world';
import { scenarioWorld } from './world';

export interface HistoryOptions {
  seed: number;
  /** the last instant of history ("now" for a demo); nothing after it is emitted */
  end: Date;
  /** Vietnam-local calendar days of history, the (partial) day of `end` included */
  days: number;
  /** daily volume before bursts and lulls; default 45..70 (DOMAIN.md) */
  reportsPerDay?: { min: number; max: number };
  /** multiplies the daily volume (benchmarks: ~50 over a year gives a million reports) */
  scale?: number;
}

export const DEFAULT_REPORTS_PER_DAY = { min: 45, max: 70 } as const;

/** Share of new reports that repeat an earlier, fixed problem at the same place. */
const REPEAT_SHARE = 0.085;
/** a repeat comes back days to weeks after the first report */
const REPEAT_AGE_DAYS = { min: 5, max: 50 };

interface Earlier {
  receivedAt: number;
  resolvedAt: number;
  categoryId: string;
  place: Place;
}

/**
 * Earlier resolved reports a repeat may point back to, oldest first. Pruned as days pass, so memory stays
 * proportional to a few weeks of reports however long the history is.
 */
class RecentReports {
  private items: Earlier[] = [];
  private head = 0;

  add(e: Earlier): void {
    this.items.push(e);
  }

  prune(before: number): void {
    while (this.head < this.items.length && (this.items[this.head] as Earlier).receivedAt < before) this.head++;
    // compact now and then rather than shifting on every prune
    if (this.head > 4096 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  /** a random one received before `notAfter` (items are in time order, so the eligible ones are a prefix) */
  pick(rng: Rng, notAfter: number): Earlier | null {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.items[mid] as Earlier).receivedAt <= notAfter) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.head) return null;
    return this.items[rng.int(this.head, lo - 1)] ?? null;
  }
}

const DAY = 86_400_000;

/** an earlier report old enough and already fixed by now; null when none is found quickly */
function pickEarlier(rng: Rng, recent: RecentReports, now: number): Earlier | null {
  for (let attempt = 0; attempt < 4; attempt++) {
    const e = recent.pick(rng, now - REPEAT_AGE_DAYS.min * DAY);
    if (e && e.resolvedAt < now - DAY) return e;
  }
  return null;
}

function* generate(opts: HistoryOptions, world: World): Generator<EventInput> {
  const { seed } = opts;
  const perDay = opts.reportsPerDay ?? DEFAULT_REPORTS_PER_DAY;
  const endMs = opts.end.getTime();
  if (!Number.isFinite(endMs)) throw new RangeError('history: end is not a valid date');
  const lastDay = localDayOf(endMs);
  const firstDay = lastDay - Math.max(1, Math.floor(opts.days)) + 1;
  const queue = new TimeQueue<EventInput>();
  const recent = new RecentReports();

  for (let day = firstDay; day <= lastDay; day++) {
    const dayStart = dayStartMs(day);
    // later days only add later events, so everything before this day is final and can go out now
    for (let t = queue.peekTime(); t !== null && t < dayStart; t = queue.peekTime()) yield queue.pop() as EventInput;
    recent.prune(dayStart - REPEAT_AGE_DAYS.max * DAY);

    const plan = planDay(seed, day, perDay, opts.scale ?? 1);
    const dayRng = createRng(seed, 'times', day);
    const times: number[] = [];
    for (let i = 0; i < plan.count; i++) times.push(timeOfDay(dayRng));
    times.sort((a, b) => a - b);
    const ymd = isoDateOfDay(day).replaceAll('-', '');
    const storm = plan.storm > 1;

    for (let i = 0; i < times.length; i++) {
      const tod = times[i] as number;
      const receivedAt = dayStart + Math.floor(tod / 1000) * 1000;
      if (receivedAt > endMs) break;
      // one stream per report: a report's details do not depend on how many random draws earlier ones took
      const rng = createRng(seed, 'report', day, i);
      const externalId = `HUE-${ymd}-${String(i + 1).padStart(4, '0')}`;
      const earlier = rng.chance(REPEAT_SHARE) ? pickEarlier(rng, recent, receivedAt) : null;
      const categoryId = earlier ? earlier.categoryId : pickCategory(rng, storm);
      const report: NewReport = {
        externalId,
        receivedAt,
        categoryId,
        // between 24:00 and 07:30 only cases needing instant handling are taken
        urgent: isNightIntake(tod) || isUrgentByDay(rng, categoryId, storm),
        place: earlier ? nearbyPlace(rng, world, earlier.place) : samplePlace(rng, world),
        channel: isNightIntake(tod) && rng.chance(0.4) ? 'hotline' : pickChannel(rng),
        repeat: earlier !== null,
      };
      const events = planNewReport({ rng, world, sourceId: (k) => `hist-${seed}-${externalId}-${k}` }, report);
      let resolvedAt: number | null = null;
      for (const ev of events) {
        const t = Date.parse(ev.at);
        if (ev.type === 'resolved') resolvedAt ??= t;
        if (t <= endMs) queue.push(t, ev);
      }
      // only a problem that was fixed can "come back after the fix"
      if (resolvedAt !== null && !report.repeat) recent.add({ receivedAt, resolvedAt, categoryId, place: report.place });
    }
  }
  while (queue.size > 0) yield queue.pop() as EventInput;
}

/**
 * The synthetic history: every event of every report received in the `days` before `end`, in time order,
 * generated lazily day by day (a million reports stream in bounded memory). Deterministic from the seed.
 */
export function createHistory(opts: HistoryOptions): { events(): Generator<EventInput> } {
  return {
    events: () => generate(opts, scenarioWorld()),
  };
}
