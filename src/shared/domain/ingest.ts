import type { EventInput } from '../contract/event';
import type { EventType } from '../contract/common';
import type { Agency, Category } from '../contract/meta';
import type { Report, Reporter } from '../contract/report';
import type { AreaIndex } from './area';
import type { WorkingCalendar } from './calendar';
import { DomainError } from './errors';
import { computeDue } from './sla';
import { refusalReason } from './workflow';
import type { CreatedData } from './workflow';

export interface IngestContext {
  categories: ReadonlyMap<string, Pick<Category, 'id' | 'sla'>>;
  agencies: ReadonlyMap<string, Pick<Agency, 'id'>>;
  area: AreaIndex;
  /** known ward / district codes, to check codes a source sends explicitly */
  wardCodes?: ReadonlySet<string>;
  districtCodes?: ReadonlySet<string>;
  cal?: WorkingCalendar;
  /** the server's clock: events stamped more than MAX_CLOCK_SKEW_MS after it are refused */
  now?: Date;
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

/** A source's clock may run a little ahead of ours; more than this is a data error, not skew. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const invalid = (path: string, message: string) => new DomainError('invalid', message, path, 400);
const unknownRef = (path: string, message: string) => new DomainError('unknown_reference', message, path, 400);

function category(ctx: IngestContext, id: string, path: string) {
  const c = ctx.categories.get(id);
  if (!c) throw unknownRef(path, `unknown category '${id}'`);
  return c;
}
function checkAgency(ctx: IngestContext, id: string, path: string) {
  if (!ctx.agencies.has(id)) throw unknownRef(path, `unknown handling unit '${id}'`);
}
function dueFields(c: Pick<Category, 'id' | 'sla'>, urgent: boolean, from: Date, cal?: WorkingCalendar) {
  const { dueAt, sla } = computeDue(c, urgent, from, cal);
  return { dueAt: dueAt.toISOString(), sla };
}

/**
 * Checks an input against the report it concerns (`prev`, null when unknown) and the reference data, and
 * derives what the log stores: ward/district from the position, the due date and the SLA rule that set it.
 * Instants are normalised to UTC ISO strings so they compare as text in every store. Throws DomainError
 * (with the field path) for unknown categories/units, illegal transitions and unknown reports.
 */
export function prepareEvent(input: EventInput, prev: Report | null, ctx: IngestContext): PreparedEvent {
  const reason = refusalReason(prev?.status ?? null, input.type);
  if (reason) {
    if (!prev) throw new DomainError('unknown_report', reason, 'externalId');
    throw new DomainError(input.type === 'created' ? 'duplicate_report' : 'illegal_transition', reason, input.type === 'created' ? 'externalId' : 'type');
  }
  const atDate = new Date(input.at);
  if (ctx.now && atDate.getTime() > ctx.now.getTime() + MAX_CLOCK_SKEW_MS) {
    throw invalid('at', `is in the future (${input.at}; server time ${ctx.now.toISOString()})`);
  }
  if (prev && atDate.getTime() < Date.parse(prev.receivedAt)) {
    throw invalid('at', `is before the report was received (${prev.receivedAt})`);
  }
  const at = atDate.toISOString();
  const actor = input.actor ?? null;
  const out = (data: Record<string, unknown>, reporter: Reporter | null = null): PreparedEvent => ({ type: input.type, at, actor, data, reporter });

  switch (input.type) {
    case 'created': {
      const c = category(ctx, input.categoryId, 'categoryId');
      let { wardCode = null, districtCode = null } = input;
      if (wardCode !== null && ctx.wardCodes && !ctx.wardCodes.has(wardCode)) throw unknownRef('wardCode', `unknown ward code '${wardCode}'`);
      if (districtCode !== null && ctx.districtCodes && !ctx.districtCodes.has(districtCode)) {
        throw unknownRef('districtCode', `unknown district code '${districtCode}'`);
      }
      if (wardCode === null || districtCode === null) {
        const found = ctx.area.locate(input.lat, input.lng);
        wardCode ??= found.wardCode;
        districtCode ??= found.districtCode;
      }
      const data: CreatedData = {
        externalId: input.externalId,
        title: input.title,
        description: input.description,
        categoryId: c.id,
        urgent: input.urgent,
        lat: input.lat,
        lng: input.lng,
        address: input.address,
        wardCode,
        districtCode,
        channel: input.channel,
        media: input.media,
        ...dueFields(c, input.urgent, atDate, ctx.cal),
      };
      return out(data as unknown as Record<string, unknown>, input.reporter ?? null);
    }
    case 'verified': {
      const r = prev as Report;
      const data: Record<string, unknown> = {};
      if (input.categoryId !== undefined) data.categoryId = category(ctx, input.categoryId, 'categoryId').id;
      if (input.urgent !== undefined) data.urgent = input.urgent;
      const categoryId = input.categoryId ?? r.categoryId;
      const urgent = input.urgent ?? r.urgent;
      // screening that corrects the category or urgency changes the deadline, still counted from receipt
      if (categoryId !== r.categoryId || urgent !== r.urgent) {
        Object.assign(data, dueFields(category(ctx, categoryId, 'categoryId'), urgent, new Date(r.receivedAt), ctx.cal));
      }
      return out(data);
    }
    case 'rejected':
      return out({ reason: input.reason });
    case 'assigned':
      checkAgency(ctx, input.agencyId, 'agencyId');
      input.coordinatingAgencyIds.forEach((id, i) => checkAgency(ctx, id, `coordinatingAgencyIds.${i}`));
      return out({ agencyId: input.agencyId, coordinatingAgencyIds: input.coordinatingAgencyIds });
    case 'transferred':
      checkAgency(ctx, input.agencyId, 'agencyId');
      if (prev?.agencyId === input.agencyId) throw invalid('agencyId', `the report is already with '${input.agencyId}'`);
      return out({ agencyId: input.agencyId, fromAgencyId: prev?.agencyId ?? null, reason: input.reason });
    case 'started':
      return out({});
    case 'extended': {
      const to = new Date(input.dueAt);
      const current = prev?.dueAt ? Date.parse(prev.dueAt) : null;
      if (current !== null && to.getTime() <= current) {
        throw invalid('dueAt', `must be later than the current due date (${prev?.dueAt})`);
      }
      return out({ dueAt: to.toISOString(), reason: input.reason });
    }
    case 'commented':
      return out({ author: input.author, text: input.text });
    case 'resolved':
      return out({ resultText: input.resultText, media: input.media });
    case 'rated':
      return out({ rating: input.rating });
    case 'reopened': {
      const r = prev as Report;
      const c = category(ctx, r.categoryId, 'categoryId');
      return out({ reason: input.reason, secondReport: input.secondReport, ...dueFields(c, r.urgent, atDate, ctx.cal) });
    }
    case 'reminded':
      return out({ channel: input.channel, target: input.target, note: input.note });
  }
}
