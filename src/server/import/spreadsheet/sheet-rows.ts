import { createHash } from 'node:crypto';
import type { Channel, Rating } from '../../../shared/contract/common';
import { channels } from '../../../shared/contract/common';
import type { EventInput } from '../../../shared/contract/event';
import { lookupTable, type ReferenceNames } from '../../../shared/domain/open311';
import { foldText } from '../../../shared/domain/text';
import type { SheetColumns, SheetMapping } from './sheet-mapping';
import { cellToInstant, compileDateFormat, zoneOffsetMinutes } from './sheet-time';
import type { Cell } from './xlsx';

export type RowResult =
  | { ok: true; externalId: string; events: EventInput[]; unmapped: { field: string; value: string }[]; locatedByAddress: boolean }
  | { ok: false; reason: string };

export class HeaderError extends Error {
  override name = 'HeaderError';
}

const BUILT_IN_RATINGS: Record<string, Rating> = {
  'hai long': 'satisfied',
  'rat hai long': 'satisfied',
  'chap nhan': 'acceptable',
  'khong hai long': 'unsatisfied',
  satisfied: 'satisfied',
  acceptable: 'acceptable',
  unsatisfied: 'unsatisfied',
  'not satisfied': 'unsatisfied',
};
const BUILT_IN_CHANNELS: Record<string, Channel> = {
  'hue-s': 'app',
  'hue s': 'app',
  'ung dung': 'app',
  'cong thong tin': 'web',
  website: 'web',
  web: 'web',
  'tong dai': 'hotline',
  'duong day nong': 'hotline',
  '1900 1075': 'hotline',
  'dien thoai': 'hotline',
  facebook: 'facebook',
  zalo: 'zalo',
  email: 'email',
  'e-mail': 'email',
  'thu dien tu': 'email',
};
const TRUE_WORDS = new Set(['x', '1', 'true', 'yes', 'co', 'khan', 'khan cap', 'urgent']);

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const text = (c: Cell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString();
  return String(c).trim();
};

/** A decimal written with a comma (16,4637) as Vietnamese spreadsheets do. */
const number = (c: Cell | undefined): number | null => {
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  const s = text(c).replace(/\s/g, '');
  if (s === '') return null;
  const n = Number(/^-?\d+,\d+$/.test(s) ? s.replace(',', '.') : s);
  return Number.isFinite(n) ? n : null;
};

/**
 * Turns the rows of one sheet into report events, each row on its own: the header row is matched against the
 * mapping's column names (no case, no diacritics), and a row that cannot be imported gets a reason naming
 * the column. Rows become: created (receivedAt), assigned (when a unit is known), started + resolved (when
 * resolvedAt is filled), rated (when a rating is). Event ids are `sheet:<source>:<id>:<step>`, so importing
 * the same file again stores nothing new.
 */
export function createRowMapper(headerCells: readonly Cell[], mapping: SheetMapping, ctx: { ref: ReferenceNames; geocode: (address: string) => { lat: number; lng: number } | null; now: Date }) {
  const headers = headerCells.map((c) => foldText(text(c)));
  const index: Partial<Record<keyof SheetColumns, number>> = {};
  const missing: string[] = [];
  for (const [field, name] of Object.entries(mapping.columns) as [keyof SheetColumns, string | undefined][]) {
    if (name === undefined) continue;
    const i = headers.indexOf(foldText(name));
    if (i < 0) missing.push(`columns.${field}: no column '${name}'`);
    else index[field] = i;
  }
  if (missing.length) {
    throw new HeaderError(`the header row (row ${mapping.headerRow}) lacks mapped columns:\n  ${missing.join('\n  ')}\n  (found: ${headerCells.map(text).filter(Boolean).join(' | ')})`);
  }
  const formats = (Array.isArray(mapping.dateFormat) ? mapping.dateFormat : [mapping.dateFormat]).map(compileDateFormat);
  const formatText = Array.isArray(mapping.dateFormat) ? mapping.dateFormat.join(' or ') : mapping.dateFormat;
  const category = lookupTable(mapping.values.category, ctx.ref.categories.map((c) => ({ id: c.id, names: [c.name, c.nameEn] })));
  const agency = lookupTable(mapping.values.agency, ctx.ref.agencies.map((a) => ({ id: a.id, names: [a.name, a.shortName] })));
  const channel = lookupTable({ ...BUILT_IN_CHANNELS, ...mapping.values.channel }, channels.map((c) => ({ id: c, names: [] })));
  const rating = lookupTable({ ...BUILT_IN_RATINGS, ...mapping.values.rating }, []);
  const nowMs = ctx.now.getTime() + 60_000;
  const pad = (n: number) => String(n).padStart(2, '0');
  // instants in messages as the sheet shows them (its zone), not in UTC
  const local = (ms: number) => {
    const d = new Date(ms + zoneOffsetMinutes(mapping.timeZone, ms) * 60_000);
    return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  };

  return (cells: readonly Cell[]): RowResult => {
    const cell = (f: keyof SheetColumns): Cell | undefined => (index[f] === undefined ? undefined : cells[index[f] as number]);
    const col = (f: keyof SheetColumns) => `'${mapping.columns[f] ?? f}'`;
    const fail = (reason: string): RowResult => ({ ok: false, reason });
    const unmapped: { field: string; value: string }[] = [];
    const time = (f: keyof SheetColumns): { ms: number; dateOnly: boolean } | null | 'bad' => {
      const c = cell(f);
      if (c === undefined || text(c) === '') return null;
      return cellToInstant(c ?? null, formats, mapping.timeZone) ?? 'bad';
    };
    const badTime = (f: keyof SheetColumns) => fail(`column ${col(f)}: '${text(cell(f))}' is not a date-time (${formatText}, or ISO 8601)`);

    const received = time('receivedAt');
    if (received === null) return fail(`column ${col('receivedAt')} is empty`);
    if (received === 'bad') return badTime('receivedAt');
    if (received.ms > nowMs) return fail(`column ${col('receivedAt')}: ${local(received.ms)} is in the future`);

    const title0 = text(cell('title'));
    const description = text(cell('description'));
    const title = title0 || description.split(/\r?\n/)[0]?.trim() || '';
    if (!title) return fail(`no title: column ${col(mapping.columns.title ? 'title' : 'description')} is empty`);

    let lat = number(cell('lat'));
    let lng = number(cell('lng'));
    const address0 = text(cell('address'));
    let locatedByAddress = false;
    if (lat !== null && lng !== null && (Math.abs(lat) > 90 || Math.abs(lng) > 180)) return fail(`position ${lat}, ${lng} is not a latitude/longitude`);
    if (lat === null || lng === null || (lat === 0 && lng === 0)) {
      if (index.lat !== undefined && (text(cell('lat')) !== '' || text(cell('lng')) !== '') && (lat === null || lng === null)) {
        return fail(`columns ${col('lat')}/${col('lng')}: '${text(cell('lat'))}', '${text(cell('lng'))}' is not a position`);
      }
      const found = address0 ? ctx.geocode(address0) : null;
      if (!found) return fail(address0 ? `no position, and the address '${clip(address0, 80)}' names no known ward` : 'no position and no address');
      lat = found.lat;
      lng = found.lng;
      locatedByAddress = true;
    }

    const categoryCell = text(cell('category'));
    let categoryId = category(categoryCell);
    if (categoryId === null) {
      if (categoryCell) unmapped.push({ field: 'category', value: categoryCell });
      categoryId = mapping.defaults.categoryId;
    }
    const channelCell = text(cell('channel'));
    let ch = channel(channelCell) as Channel | null;
    if (ch === null) {
      if (channelCell) unmapped.push({ field: 'channel', value: channelCell });
      ch = mapping.defaults.channel;
    }
    const agencyCell = text(cell('agency'));
    const mappedAgency = agency(agencyCell);
    if (mappedAgency === null && agencyCell) unmapped.push({ field: 'agency', value: agencyCell });

    const assigned = time('assignedAt');
    if (assigned === 'bad') return badTime('assignedAt');
    const resolved = time('resolvedAt');
    if (resolved === 'bad') return badTime('resolvedAt');
    const rated = time('ratedAt');
    if (rated === 'bad') return badTime('ratedAt');
    const ratingCell = text(cell('rating'));
    const ratingValue = ratingCell ? (rating(ratingCell) as Rating | null) : null;
    if (ratingCell && ratingValue === null) return fail(`column ${col('rating')}: unknown rating '${ratingCell}' (map it under values.rating)`);
    if (ratingValue !== null && resolved === null) return fail(`column ${col('rating')} is filled but ${col('resolvedAt')} is empty: only a resolved report can be rated`);
    if (rated !== null && ratingValue === null) return fail(`column ${col('ratedAt')} is filled but ${col('rating')} is empty`);
    const unit = mappedAgency ?? (resolved !== null ? mapping.defaults.agencyId : null);
    if (resolved !== null && unit === null) {
      return fail(`resolved, but no handling unit: ${agencyCell ? `'${agencyCell}' is not mapped (values.agency)` : `column ${col('agency')} is empty`} and defaults.agencyId is not set`);
    }
    if (assigned !== null && unit === null) {
      return fail(`column ${col('assignedAt')} is filled but there is no handling unit (${agencyCell ? `'${agencyCell}' is not mapped` : 'empty'})`);
    }

    // a later stage given as a date only (no time) on the day of an earlier one is placed at that earlier instant
    const stage = (t: { ms: number; dateOnly: boolean }, after: number, f: keyof SheetColumns, afterField: keyof SheetColumns): number | string => {
      if (t.ms > nowMs) return `column ${col(f)}: ${local(t.ms)} is in the future`;
      if (t.ms >= after) return t.ms;
      if (t.dateOnly && after - t.ms < 86_400_000) return after;
      return `column ${col(f)} (${local(t.ms)}) is before ${col(afterField)} (${local(after)})`;
    };
    const assignedMs = assigned === null ? received.ms : stage(assigned, received.ms, 'assignedAt', 'receivedAt');
    if (typeof assignedMs === 'string') return fail(assignedMs);
    const resolvedMs = resolved === null ? null : stage(resolved, assignedMs, 'resolvedAt', assigned === null ? 'receivedAt' : 'assignedAt');
    if (typeof resolvedMs === 'string') return fail(resolvedMs);
    const ratedMs = rated === null ? resolvedMs : stage(rated, resolvedMs as number, 'ratedAt', 'resolvedAt');
    if (typeof ratedMs === 'string') return fail(ratedMs);

    const address = clip(address0 || `${lat.toFixed(5)}, ${lng.toFixed(5)}`, 500);
    const idCell = text(cell('externalId'));
    if (mapping.columns.externalId !== undefined && !idCell) return fail(`column ${col('externalId')} is empty`);
    // without an id column the row's content names it: the same row imported twice is the same report
    const rowId = idCell || createHash('sha256').update(JSON.stringify([received.ms, title, description, address, lat, lng])).digest('hex').slice(0, 20);
    if (rowId.length > 100) return fail(`column ${col('externalId')}: longer than 100 characters`);
    const externalId = `sheet:${mapping.source}:${rowId}`;
    const id = (step: string) => `${externalId}:${step}`;
    const iso = (ms: number) => new Date(ms).toISOString();
    const urgentCell = foldText(text(cell('urgent')));

    const events: EventInput[] = [
      {
        sourceEventId: id('created'),
        externalId,
        type: 'created',
        at: iso(received.ms),
        title: clip(title, 300),
        description: clip(description, 10_000),
        categoryId,
        lat,
        lng,
        address,
        channel: ch,
        media: [],
        urgent: TRUE_WORDS.has(urgentCell),
      },
    ];
    if (unit !== null) events.push({ sourceEventId: id('assigned'), externalId, type: 'assigned', at: iso(assignedMs), agencyId: unit, coordinatingAgencyIds: [] });
    if (resolvedMs !== null) {
      events.push({ sourceEventId: id('started'), externalId, type: 'started', at: iso(resolvedMs) });
      const resultText = text(cell('resultText')) || mapping.defaults.resultText;
      events.push({ sourceEventId: id('resolved'), externalId, type: 'resolved', at: iso(resolvedMs), resultText: clip(resultText, 10_000), media: [] });
    }
    if (ratingValue !== null && ratedMs !== null) events.push({ sourceEventId: id('rated'), externalId, type: 'rated', at: iso(ratedMs), rating: ratingValue });
    return { ok: true, externalId, events, unmapped, locatedByAddress };
  };
}
