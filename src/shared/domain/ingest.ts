// STUB — implemented by the lead next; signature is fixed.
import type { EventInput } from '../contract/event';
import type { EventType } from '../contract/common';
import type { Agency, Category } from '../contract/meta';
import type { Report, Reporter } from '../contract/report';
import type { AreaIndex } from './area';
import type { WorkingCalendar } from './calendar';

export interface IngestContext {
  categories: ReadonlyMap<string, Pick<Category, 'id' | 'sla'>>;
  agencies: ReadonlyMap<string, Pick<Agency, 'id'>>;
  area: AreaIndex;
  cal?: WorkingCalendar;
}

/** What the store appends to the log for one validated input (before it has a seq). */
export interface PreparedEvent {
  type: EventType;
  at: string;
  actor: string | null;
  data: Record<string, unknown>;
  /** only on `created`: kept apart from the event log, shown to operators only */
  reporter: Reporter | null;
}

/**
 * Checks an input against the report it concerns (`prev`, null when unknown) and the reference data, and
 * derives what the log stores: ward/district from the position, the due date and SLA rule. Throws DomainError
 * (with the field path) for unknown categories/agencies, illegal transitions, unknown reports.
 */
export function prepareEvent(_input: EventInput, _prev: Report | null, _ctx: IngestContext): PreparedEvent {
  throw new Error('not implemented');
}
