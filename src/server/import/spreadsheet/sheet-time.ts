import { parseOffset, parseOpen311Instant } from '../../../shared/domain/open311';

/** A wall-clock time read from a cell, before its zone is applied. */
interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  /** the cell gave a date without a time of day */
  dateOnly: boolean;
}

const TOKENS: Record<string, string> = { yyyy: '(\\d{4})', MM: '(\\d{1,2})', M: '(\\d{1,2})', dd: '(\\d{1,2})', d: '(\\d{1,2})', HH: '(\\d{1,2})', H: '(\\d{1,2})', mm: '(\\d{1,2})', ss: '(\\d{1,2})' };
const TOKEN_RE = /yyyy|MM|M|dd|d|HH|H|mm|ss/g;

/** 'dd/MM/yyyy HH:mm' → a matcher; tokens yyyy, MM/M, dd/d, HH/H, mm, ss; anything else is literal. */
export function compileDateFormat(format: string): (s: string) => Wall | null {
  const order: string[] = [];
  let re = '';
  let last = 0;
  for (const m of format.matchAll(TOKEN_RE)) {
    re += format.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    re += TOKENS[m[0]];
    order.push(m[0][0] as string);
    last = (m.index ?? 0) + m[0].length;
  }
  re += format.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rx = new RegExp(`^${re}$`);
  const hasTime = order.includes('H');
  return (s) => {
    const m = rx.exec(s.trim());
    if (!m) return null;
    const v: Record<string, number> = { y: 0, M: 1, d: 1, H: 0, m: 0, s: 0 };
    order.forEach((k, i) => (v[k] = Number(m[i + 1])));
    return check({ y: v.y as number, mo: v.M as number, d: v.d as number, h: v.H as number, mi: v.m as number, s: v.s as number, dateOnly: !hasTime });
  };
}

function check(w: Wall): Wall | null {
  const days = new Date(Date.UTC(w.y, w.mo, 0)).getUTCDate();
  if (w.y < 1900 || w.mo < 1 || w.mo > 12 || w.d < 1 || w.d > days || w.h > 23 || w.mi > 59 || w.s > 59) return null;
  return w;
}

/**
 * Minutes east of UTC of `zone` at an instant: a fixed offset (+07:00, UTC) or an IANA name
 * (Asia/Ho_Chi_Minh), read through Intl so zones with daylight saving convert correctly.
 */
export function zoneOffsetMinutes(zone: string, atMs: number): number {
  const fixed = parseOffset(zone);
  if (fixed !== null) return fixed;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(atMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(atMs / 1000) * 1000) / 60_000);
}

/** Throws RangeError for a zone Intl does not know. */
export function checkZone(zone: string): void {
  if (parseOffset(zone) !== null) return;
  new Intl.DateTimeFormat('en-US', { timeZone: zone });
}

function wallToMs(w: Wall, zone: string): number {
  const wall = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  // the zone's offset at the instant itself: two rounds settle it except inside a DST gap
  let ms = wall - zoneOffsetMinutes(zone, wall) * 60_000;
  ms = wall - zoneOffsetMinutes(zone, ms) * 60_000;
  return ms;
}

/** Excel's day 0 is 1899-12-30 (with the 1900 leap-year bug folded in): serial 25569 = 1970-01-01. */
const EXCEL_EPOCH_SERIAL = 25569;

export type CellTime = { ms: number; dateOnly: boolean } | null;

/**
 * A cell → an instant. Dates from XLSX carry the wall-clock time Excel shows (in their UTC fields) and numbers
 * are Excel serial dates: both are read in `zone`. Text is tried against the formats, then as ISO 8601 (an
 * explicit offset wins; none = `zone`).
 */
export function cellToInstant(cell: string | number | boolean | Date | null, formats: readonly ((s: string) => Wall | null)[], zone: string): CellTime {
  if (cell === null || typeof cell === 'boolean') return null;
  if (cell instanceof Date) {
    if (!Number.isFinite(cell.getTime())) return null;
    const w: Wall = { y: cell.getUTCFullYear(), mo: cell.getUTCMonth() + 1, d: cell.getUTCDate(), h: cell.getUTCHours(), mi: cell.getUTCMinutes(), s: cell.getUTCSeconds(), dateOnly: false };
    w.dateOnly = w.h === 0 && w.mi === 0 && w.s === 0;
    return { ms: wallToMs(w, zone), dateOnly: w.dateOnly };
  }
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1) return null;
    const d = new Date(Math.round((cell - EXCEL_EPOCH_SERIAL) * 86_400_000));
    return cellToInstant(d, formats, zone);
  }
  const s = cell.trim();
  if (s === '') return null;
  for (const f of formats) {
    const w = f(s);
    if (w) return { ms: wallToMs(w, zone), dateOnly: w.dateOnly };
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) {
    const w = check({ y: Number(iso[1]), mo: Number(iso[2]), d: Number(iso[3]), h: 0, mi: 0, s: 0, dateOnly: true });
    return w ? { ms: wallToMs(w, zone), dateOnly: true } : null;
  }
  // ISO with an offset is absolute; without one it is wall time in the zone
  if (/(z|[+-]\d{2}(:?\d{2})?)$/i.test(s)) {
    const ms = parseOpen311Instant(s, 0);
    return ms === null ? null : { ms, dateOnly: false };
  }
  const wallMs = parseOpen311Instant(s, 0);
  if (wallMs === null) return null;
  const d = new Date(wallMs);
  return { ms: wallToMs({ y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), dateOnly: false }, zone), dateOnly: false };
}
