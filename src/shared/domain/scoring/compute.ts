import type { Agency } from '../../contract/meta';
import type { ScoringConfig, UnitRanking } from '../../contract/rankings';
import { defaultCalendar } from '../calendar';
import type { WorkingCalendar } from '../calendar';
import { quarterBounds } from './quarter';
import { quarterItems } from './quarter-items';
import type { ScoringWindow, UnitItem } from './quarter-items';
import { rankUnits, tallyUnits } from './ranking';
import type { PreviousRanks, UnitTally } from './ranking';
import type { ScoringEvent } from './report-history';

export interface QuarterComputation {
  quarter: string;
  window: ScoringWindow;
  units: UnitRanking[];
  tallies: Map<string, UnitTally>;
}

/** The window of a quarter as of `now`: ended quarters as of their end, the running one as of now. */
export function windowOf(quarter: string, now: Date): ScoringWindow {
  const b = quarterBounds(quarter);
  return { from: b.from.getTime(), to: b.to.getTime(), asOf: Math.min(now.getTime(), b.to.getTime()) };
}

/**
 * The quarter's table from the events of the reports that may contribute to it (each report's events complete
 * and in seq order; extra reports are harmless). Pure: same events, configuration and instant → same table.
 */
export function computeQuarter(opts: {
  quarter: string;
  now: Date;
  eventsByReport: Iterable<readonly ScoringEvent[]>;
  agencies: readonly Pick<Agency, 'id' | 'name' | 'shortName' | 'kind'>[];
  config: ScoringConfig;
  previous: PreviousRanks | null;
  cal?: WorkingCalendar;
}): QuarterComputation {
  const window = windowOf(opts.quarter, opts.now);
  const items: UnitItem[] = [];
  for (const events of opts.eventsByReport) items.push(...quarterItems(events, window, opts.cal ?? defaultCalendar));
  const tallies = tallyUnits(items, opts.agencies.map((a) => a.id));
  return { quarter: opts.quarter, window, units: rankUnits(tallies, opts.agencies, opts.config, opts.previous), tallies };
}
