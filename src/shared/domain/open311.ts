import { z } from 'zod';
import { channel } from '../contract/common';
import type { ReportStatus } from '../contract/common';
import type { EventInput } from '../contract/event';
import type { MediaItem } from '../contract/report';
import { VN_OFFSET_MINUTES } from './calendar';
import { foldText } from './text';

/*
 * Open311 GeoReport v2 → our ingest events, as pure functions (decision 0007). The importer around them
 * (src/server/import/open311) fetches, remembers what it imported and talks to the store or the server.
 */

// ---------------------------------------------------------------- times

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Parses an Open311 timestamp: ISO 8601 / W3C date-time, 'T' or a space between date and time, seconds and
 * fractions optional, offset `Z`, `±hh:mm`, `±hhmm` or `±hh`. GeoReport requires an offset; a timestamp
 * without one is read as local time at `localOffsetMinutes` (Vietnam, UTC+7, by default) — what Vietnamese
 * systems that drop the offset mean. Returns epoch ms, or null for anything else (date only, impossible dates).
 */
export function parseOpen311Instant(s: string, localOffsetMinutes: number = VN_OFFSET_MINUTES): number | null {
  const m = INSTANT.exec(s.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined) return null;
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || sec > 59) return null;
  let offset = localOffsetMinutes;
  const z = m[8];
  if (z !== undefined) {
    if (z.toUpperCase() === 'Z') offset = 0;
    else {
      const oh = Number(z.slice(1, 3));
      const om = z.length > 3 ? Number(z.slice(-2)) : 0;
      if (oh > 14 || om > 59) return null;
      offset = (z[0] === '-' ? -1 : 1) * (oh * 60 + om);
    }
  }
  return Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offset * 60_000;
}

/** '+07:00' / '-0530' / 'Z' → minutes east of UTC; null when malformed. */
export function parseOffset(s: string): number | null {
  const t = s.trim();
  if (/^(z|utc|gmt)$/i.test(t)) return 0;
  const m = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(t);
  if (!m) return null;
  const h = Number(m[2]);
  const mi = m[3] === undefined ? 0 : Number(m[3]);
  if (h > 14 || mi > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + mi);
}

// ---------------------------------------------------------------- the mapping file

const idMap = z.record(z.string(), z.string().trim().min(1).max(100));

export const open311MappingSchema = z
  .object({
    /** category for services the mapping does not name (and requests without a service) */
    defaultCategoryId: z.string().trim().min(1).max(100).default('khac'),
    /** service_code → categoryId, service_name → categoryId (names compared without case and diacritics) */
    services: z.object({ byCode: idMap.default({}), byName: idMap.default({}) }).strict().prefault({}),
    /** agency_responsible → agencyId (compared without case and diacritics) */
    agencies: idMap.default({}),
    /**
     * the unit credited with a request that is closed without a (mapped) agency_responsible; null = such
     * requests are skipped (an open request without a unit simply stays with the centre, unassigned)
     */
    defaultAgencyId: z.string().trim().min(1).max(100).nullable().default(null),
    /** statuses beyond GeoReport's open / closed that the source uses, e.g. {"acknowledged": "open"} */
    statuses: z.record(z.string(), z.enum(['open', 'closed'])).default({}),
    /** channel of every imported report (GeoReport does not say) */
    channel: channel.default('app'),
    /** the result text of a closed request without status_notes */
    closedResultText: z.string().trim().min(1).max(2000).default('Đã xử lý (đóng trên hệ thống nguồn Open311, không kèm ghi chú kết quả).'),
    /** offset of timestamps the source sends without one (GeoReport requires one); Vietnam by default */
    localOffset: z
      .string()
      .refine((v) => parseOffset(v) !== null, 'must be an offset like +07:00')
      .default('+07:00'),
  })
  .strict();
export type Open311Mapping = z.output<typeof open311MappingSchema>;

export interface ReferenceNames {
  categories: readonly { id: string; name: string; nameEn?: string }[];
  agencies: readonly { id: string; name: string; shortName?: string }[];
}

/** Mapping targets that name no category or unit of ours (a typo would otherwise route every report wrongly). */
export function checkMappingTargets(
  targets: { path: string; kind: 'category' | 'agency'; id: string }[],
  ref: ReferenceNames,
): string[] {
  const cats = new Set(ref.categories.map((c) => c.id));
  const ags = new Set(ref.agencies.map((a) => a.id));
  return targets
    .filter((t) => !(t.kind === 'category' ? cats : ags).has(t.id))
    .map((t) => `${t.path}: unknown ${t.kind === 'category' ? 'category' : 'handling unit'} '${t.id}'`);
}

export function open311MappingTargets(m: Open311Mapping) {
  const out: { path: string; kind: 'category' | 'agency'; id: string }[] = [{ path: 'defaultCategoryId', kind: 'category', id: m.defaultCategoryId }];
  for (const [k, v] of Object.entries(m.services.byCode)) out.push({ path: `services.byCode.${k}`, kind: 'category', id: v });
  for (const [k, v] of Object.entries(m.services.byName)) out.push({ path: `services.byName.${k}`, kind: 'category', id: v });
  for (const [k, v] of Object.entries(m.agencies)) out.push({ path: `agencies.${k}`, kind: 'agency', id: v });
  if (m.defaultAgencyId !== null) out.push({ path: 'defaultAgencyId', kind: 'agency', id: m.defaultAgencyId });
  return out;
}

/**
 * Looks a source's label up: first the explicit table (keys compared folded: no case, no diacritics, spaces
 * collapsed), then our own ids and names (so "Sở Xây dựng" or "so-xay-dung" need no mapping line).
 */
export function lookupTable(explicit: Record<string, string>, ours: readonly { id: string; names: readonly (string | undefined)[] }[]) {
  const table = new Map<string, string>();
  for (const o of ours) {
    for (const n of [o.id, ...o.names]) if (n) table.set(foldText(n), o.id);
  }
  // explicit lines win over our own names
  for (const [k, v] of Object.entries(explicit)) table.set(foldText(k), v);
  return (label: string | null | undefined): string | null => (label ? (table.get(foldText(label)) ?? null) : null);
}

// ---------------------------------------------------------------- one request

/** What one GeoReport request says, checked and mapped onto our reference data. */
export interface Open311Target {
  requestId: string;
  externalId: string;
  status: 'open' | 'closed';
  notes: string | null;
  requestedAt: string;
  /** null when the source did not send it (then only an open request can be imported) */
  updatedAt: string | null;
  expectedAt: string | null;
  categoryId: string;
  /** the source's service label when no mapping line matched it (null: mapped) */
  unmappedService: string | null;
  /** our unit, or null (unassigned) */
  agencyId: string | null;
  /** the source's agency_responsible when no mapping line matched it */
  unmappedAgency: string | null;
  agencyLabel: string | null;
  title: string;
  description: string;
  address: string;
  lat: number;
  lng: number;
  /** 'address': the position is the centre of a ward named in the address (no coordinates were sent) */
  locatedBy: 'coordinates' | 'address';
  media: MediaItem[];
}

export type MapResult = { ok: true; target: Open311Target } | { ok: false; requestId: string; reason: string };

export interface MapContext {
  source: string;
  mapping: Open311Mapping;
  category: (label: string | null | undefined) => string | null;
  agency: (label: string | null | undefined) => string | null;
  /** a position for an address when the request has no coordinates (null: cannot be located) */
  geocode?: (address: string) => { lat: number; lng: number } | null;
  now: Date;
}

/** An import may run ahead of the server's clock by less than the ingest check allows (5 minutes). */
const FUTURE_SLACK_MS = 60_000;

const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
};
const num = (v: unknown): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
};
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

export function mediaKindOf(url: string): MediaItem['kind'] {
  const path = url.split(/[?#]/)[0]?.toLowerCase() ?? '';
  if (/\.(mp4|mov|webm|m4v|avi|3gp)$/.test(path)) return 'video';
  if (/\.(mp3|m4a|aac|wav|ogg|amr)$/.test(path)) return 'audio';
  return 'image';
}

/** Request ids that fit our ids (`open311:<source>:<id>:<event key>` ≤ 200 characters). */
const MAX_REQUEST_ID = 100;

export const open311ExternalId = (source: string, requestId: string) => `open311:${source}:${requestId}`;

/**
 * Checks one raw request and maps it; a request that cannot be imported gets its reason instead. What is
 * refused: no service_request_id, missing/unparseable requested_datetime, an unparseable updated or expected
 * datetime, a status that is neither open/closed nor mapped, no usable coordinates and an address that names no
 * known ward, times in the future, and a closed request without updated_datetime (its resolution time).
 */
export function mapOpen311Request(raw: unknown, ctx: MapContext): MapResult {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, requestId: '?', reason: 'not a JSON object' };
  const r = raw as Record<string, unknown>;
  const requestId = str(r.service_request_id);
  if (requestId === null) return { ok: false, requestId: '?', reason: 'no service_request_id' };
  const fail = (reason: string): MapResult => ({ ok: false, requestId, reason });
  if (requestId.length > MAX_REQUEST_ID) return fail(`service_request_id longer than ${MAX_REQUEST_ID} characters`);

  const localOffset = parseOffset(ctx.mapping.localOffset) ?? VN_OFFSET_MINUTES;
  const time = (field: string, required: boolean): { ms: number | null; error?: string } => {
    const v = r[field];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      return required ? { ms: null, error: `no ${field}` } : { ms: null };
    }
    const ms = typeof v === 'string' ? parseOpen311Instant(v, localOffset) : null;
    return ms === null ? { ms: null, error: `unparseable ${field} ${JSON.stringify(v)}` } : { ms };
  };
  const requested = time('requested_datetime', true);
  if (requested.error !== undefined || requested.ms === null) return fail(requested.error ?? 'no requested_datetime');
  const updated = time('updated_datetime', false);
  if (updated.error) return fail(updated.error);
  const expected = time('expected_datetime', false);
  if (expected.error) return fail(expected.error);
  const nowMs = ctx.now.getTime() + FUTURE_SLACK_MS;
  if (requested.ms > nowMs) return fail(`requested_datetime ${String(r.requested_datetime)} is in the future`);
  if (updated.ms !== null && updated.ms > nowMs) return fail(`updated_datetime ${String(r.updated_datetime)} is in the future`);
  if (updated.ms !== null && updated.ms < requested.ms) return fail('updated_datetime is before requested_datetime');

  const rawStatus = str(r.status);
  if (rawStatus === null) return fail('no status');
  const folded = foldText(rawStatus);
  const mappedStatus = folded === 'open' || folded === 'closed' ? folded : (Object.entries(ctx.mapping.statuses).find(([k]) => foldText(k) === folded)?.[1] ?? null);
  if (mappedStatus === null) return fail(`unknown status '${rawStatus}' (map it under "statuses" in the mapping file)`);
  if (mappedStatus === 'closed' && updated.ms === null) return fail('closed without updated_datetime: the resolution time is unknown');

  const address0 = str(r.address);
  let lat = num(r.lat);
  let lng = num(r.long ?? r.lng);
  let locatedBy: Open311Target['locatedBy'] = 'coordinates';
  // (0, 0) is what many systems send for "no position"
  const usable = lat !== null && lng !== null && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && !(lat === 0 && lng === 0);
  if (!usable) {
    const found = address0 !== null && ctx.geocode ? ctx.geocode(address0) : null;
    if (!found) {
      return fail(address0 === null ? 'no coordinates and no address' : `no coordinates, and the address '${clip(address0, 80)}' names no known ward to place it`);
    }
    lat = found.lat;
    lng = found.lng;
    locatedBy = 'address';
  }

  const serviceCode = str(r.service_code);
  const serviceName = str(r.service_name);
  const byCode = serviceCode !== null ? (Object.entries(ctx.mapping.services.byCode).find(([k]) => k.trim() === serviceCode)?.[1] ?? null) : null;
  const mappedCategory = byCode ?? ctx.category(serviceName) ?? ctx.category(serviceCode);
  const agencyLabel = str(r.agency_responsible);
  const mappedAgency = ctx.agency(agencyLabel);
  const description = str(r.description) ?? '';
  const media: MediaItem[] = [];
  const mediaUrl = str(r.media_url);
  if (mediaUrl !== null && /^https?:\/\//i.test(mediaUrl) && mediaUrl.length <= 2000) media.push({ url: mediaUrl, kind: mediaKindOf(mediaUrl) });
  const firstLine = description.split(/\r?\n/)[0]?.trim() ?? '';

  return {
    ok: true,
    target: {
      requestId,
      externalId: open311ExternalId(ctx.source, requestId),
      status: mappedStatus,
      notes: str(r.status_notes),
      requestedAt: new Date(requested.ms).toISOString(),
      updatedAt: updated.ms === null ? null : new Date(updated.ms).toISOString(),
      expectedAt: expected.ms === null ? null : new Date(expected.ms).toISOString(),
      categoryId: mappedCategory ?? ctx.mapping.defaultCategoryId,
      unmappedService: mappedCategory === null ? (serviceName ?? serviceCode ?? '(no service)') : null,
      agencyId: mappedAgency,
      unmappedAgency: mappedAgency === null ? agencyLabel : null,
      agencyLabel,
      // the citizen's own words say more than the service name (which the category already carries)
      title: clip(firstLine || serviceName || `Open311 #${requestId}`, 150),
      description: clip(description, 10_000),
      address: clip(address0 ?? `${(lat as number).toFixed(5)}, ${(lng as number).toFixed(5)}`, 500),
      lat: lat as number,
      lng: lng as number,
      locatedBy,
      media,
    },
  };
}

/** What decides which events a request needs: when it changes, the importer reconciles the report again. */
export function open311Fingerprint(t: Open311Target): string {
  return JSON.stringify([t.status, t.agencyId, t.expectedAt, t.notes, t.categoryId, t.updatedAt]);
}

// ---------------------------------------------------------------- events

/** The part of our report a plan depends on (null: the report is not in the store yet). */
export interface CurrentReport {
  status: ReportStatus;
  agencyId: string | null;
  reopenCount: number;
  dueAt: string | null;
  receivedAt: string;
}

export type Plan = { ok: true; events: EventInput[]; notes: string[] } | { ok: false; reason: string };

const OPEN_WITH_UNIT: readonly ReportStatus[] = ['assigned', 'in_progress', 'reopened'];

/**
 * The events that bring our report (`current`, null when new) to what the request says. Event ids are
 * `open311:<source>:<request id>:<key>` with keys that depend only on what changed — `created`, `assigned`,
 * `started:<round>`, `resolved:<round>`, `reopened:<round>` (round = reopenings + 1), `transferred:<unit>:<updated>`,
 * `extended:<expected>` — so running an import again produces the same ids and the store's idempotent ingest
 * stores nothing new. `previousExpectedAt` is the expected_datetime seen at the last import of this request:
 * only a later one is an extension (the first one is the source's own deadline; ours comes from the category's
 * SLA, decision 0002).
 */
export function planOpen311Events(
  t: Open311Target,
  current: CurrentReport | null,
  opts: { source: string; mapping: Pick<Open311Mapping, 'channel' | 'closedResultText' | 'defaultAgencyId'>; previousExpectedAt: string | null },
): Plan {
  const id = (key: string) => `${t.externalId}:${key}`;
  const base = { externalId: t.externalId };
  const events: EventInput[] = [];
  const notes: string[] = [];
  // a change noticed after the import happened when the source last updated the request
  const changeAt = t.updatedAt ?? t.requestedAt;
  const actor = t.agencyLabel ?? undefined;

  let status: ReportStatus;
  let agencyId: string | null;
  let round: number;
  if (current === null) {
    events.push({
      ...base,
      sourceEventId: id('created'),
      type: 'created',
      at: t.requestedAt,
      title: t.title,
      description: t.description,
      categoryId: t.categoryId,
      lat: t.lat,
      lng: t.lng,
      address: t.address,
      channel: opts.mapping.channel,
      media: t.media,
      urgent: false,
    });
    status = 'received';
    agencyId = null;
    round = 1;
  } else {
    status = current.status;
    agencyId = current.agencyId;
    round = current.reopenCount + 1;
    if (status === 'rejected') return { ok: true, events, notes: ['rejected at screening here: later changes at the source are not applied'] };
  }
  // a change may not predate the report (the ingest would refuse it)
  const at = (iso: string) => (current && Date.parse(iso) < Date.parse(current.receivedAt) ? current.receivedAt : iso);

  // reopen first: a resolved report cannot change hands
  if (t.status === 'open' && status === 'resolved') {
    events.push({ ...base, sourceEventId: id(`reopened:${round + 1}`), type: 'reopened', at: at(changeAt), reason: t.notes ?? '', secondReport: false });
    status = 'reopened';
    round += 1;
  }

  const unit = t.agencyId ?? (t.status === 'closed' ? opts.mapping.defaultAgencyId : null);
  if (unit !== null) {
    if (status === 'received') {
      events.push({ ...base, sourceEventId: id('assigned'), type: 'assigned', at: current ? at(changeAt) : t.requestedAt, agencyId: unit, coordinatingAgencyIds: [], actor });
      status = 'assigned';
      agencyId = unit;
    } else if (OPEN_WITH_UNIT.includes(status) && agencyId !== unit && t.agencyId !== null) {
      events.push({ ...base, sourceEventId: id(`transferred:${unit}:${changeAt}`), type: 'transferred', at: at(changeAt), agencyId: unit, reason: '', actor });
      status = 'assigned';
      agencyId = unit;
    }
  }

  const prev = opts.previousExpectedAt;
  if (t.expectedAt !== null && prev !== null && Date.parse(t.expectedAt) > Date.parse(prev)) {
    if (!OPEN_WITH_UNIT.includes(status)) {
      notes.push('expected_datetime moved, but the report has no handling unit or is closed: not recorded as an extension');
    } else if (current?.status === 'resolved') {
      notes.push('expected_datetime moved as the request was reopened: the reopening sets a fresh due date, no extension');
    } else if (current?.dueAt && Date.parse(t.expectedAt) <= Date.parse(current.dueAt)) {
      notes.push(`expected_datetime moved to ${t.expectedAt}, not later than our due date ${current.dueAt}: no extension`);
    } else {
      events.push({ ...base, sourceEventId: id(`extended:${t.expectedAt}`), type: 'extended', at: at(changeAt), dueAt: t.expectedAt, reason: t.notes ?? '', actor });
    }
  }

  if (t.status === 'closed' && status !== 'resolved') {
    if (agencyId === null) {
      return { ok: false, reason: `closed, but no handling unit: agency_responsible ${t.agencyLabel ? `'${t.agencyLabel}' is not mapped` : 'is empty'} and the mapping has no defaultAgencyId` };
    }
    if (status === 'assigned' || status === 'reopened') {
      events.push({ ...base, sourceEventId: id(`started:${round}`), type: 'started', at: at(changeAt), actor });
      status = 'in_progress';
    }
    events.push({ ...base, sourceEventId: id(`resolved:${round}`), type: 'resolved', at: at(changeAt), resultText: clip(t.notes ?? opts.mapping.closedResultText, 10_000), media: [], actor });
  }
  return { ok: true, events, notes };
}
