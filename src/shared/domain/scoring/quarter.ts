import { VN_OFFSET_MINUTES } from '../calendar';

/**
 * Quarters are calendar quarters in Vietnam local time (UTC+7): 2026-Q3 is 01/07/2026 00:00 (local) up to, not
 * including, 01/10/2026 00:00 (local).
 */
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;

export interface QuarterBounds {
  quarter: string;
  year: number;
  /** 1..4 */
  q: number;
  /** first instant of the quarter */
  from: Date;
  /** first instant of the next quarter (exclusive end) */
  to: Date;
}

export function isQuarterId(s: string): boolean {
  return QUARTER_PATTERN.test(s);
}

export function quarterBounds(quarter: string): QuarterBounds {
  const m = QUARTER_PATTERN.exec(quarter);
  if (!m) throw new RangeError(`not a quarter id (YYYY-Qn): ${quarter}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  const from = new Date(Date.UTC(year, (q - 1) * 3, 1) - OFFSET_MS);
  const to = new Date(Date.UTC(year, q * 3, 1) - OFFSET_MS);
  return { quarter, year, q, from, to };
}

export function quarterOf(instant: Date): string {
  const local = new Date(instant.getTime() + OFFSET_MS);
  return `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

export function shiftQuarter(quarter: string, by: number): string {
  const { year, q } = quarterBounds(quarter);
  const index = year * 4 + (q - 1) + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

export const previousQuarter = (quarter: string): string => shiftQuarter(quarter, -1);

/** 'past' once the quarter has ended, 'current' while it runs, 'future' before it starts. */
export function quarterPhase(quarter: string, now: Date): 'past' | 'current' | 'future' {
  const b = quarterBounds(quarter);
  if (now.getTime() >= b.to.getTime()) return 'past';
  if (now.getTime() >= b.from.getTime()) return 'current';
  return 'future';
}
