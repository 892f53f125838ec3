import { createRng } from './rng';
import type { Rng } from './rng';

/**
 * How many reports a day brings and when: the daily volume with its bursts and lulls, the hour-of-day
 * shape, and the category mix. Everything here is a pure function of (seed, local date), so any window of
 * history sees the same days the same way.
 */
export type DayKind = 'weekday' | 'weekend' | 'tet' | 'storm';

export interface DayPlan {
  /** Vietnam-local date 'YYYY-MM-DD' */
  date: string;
  kind: DayKind;
  /** reports received that day (before the end-of-history cut) */
  count: number;
  /** burst multiplier on storm days (1 otherwise) */
  storm: number;
}

export const VN_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01) of the Vietnam-local date of an instant. */
export const localDayOf = (ms: number) => Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
/** The UTC instant of local midnight starting day `day`. */
export const dayStartMs = (day: number) => day * DAY_MS - VN_OFFSET_MS;
export const isoDateOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * First day of Tết Nguyên Đán (lunar new year) by Gregorian year. Kept here rather than taken from the working
 * calendar: the lull in reports starts before the official days off and is a property of the scenario.
 */
const TET: Readonly<Record<number, string>> = {
  2017: '2017-01-28', 2018: '2018-02-16', 2019: '2019-02-05', 2020: '2020-01-25', 2021: '2021-02-12',
  2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17',
  2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03', 2031: '2031-01-23',
  2032: '2032-02-11', 2033: '2033-01-31', 2034: '2034-02-19', 2035: '2035-02-08',
};

function tetFactor(day: number): number {
  const year = Number(isoDateOfDay(day).slice(0, 4));
  // outside the table, mid-February is as good a guess as any
  const tet = TET[year] ?? `${year}-02-10`;
  const tetDay = Math.floor(Date.parse(`${tet}T00:00:00Z`) / DAY_MS);
  const offset = day - tetDay;
  if (offset < -4 || offset > 6) return 1;
  // people travel home and offices close: the fewest reports on the first days of the new year
  return offset <= 0 ? 0.55 : offset <= 3 ? 0.25 : 0.45;
}

/** Chance that a 3-day block is a storm or flood episode, by month (Huế's rainy season is Sept–Dec). */
const STORM_CHANCE = [0.03, 0.01, 0.01, 0.01, 0.02, 0.02, 0.02, 0.03, 0.1, 0.25, 0.25, 0.12];

function stormFactor(seed: number, day: number): number {
  const block = Math.floor(day / 3);
  const month = Number(isoDateOfDay(block * 3).slice(5, 7)) - 1;
  const rng = createRng(seed, 'storm', block);
  if (!rng.chance(STORM_CHANCE[month] ?? 0.02)) return 1;
  // the peak day of an episode brings ~3× the usual reports, the days around it ~2×
  const peak = rng.int(0, 2);
  return day - block * 3 === peak ? rng.uniform(2.6, 3) : rng.uniform(1.8, 2.3);
}

export function planDay(seed: number, day: number, perDay: { min: number; max: number }, scale = 1): DayPlan {
  const rng = createRng(seed, 'volume', day);
  const base = rng.uniform(perDay.min, perDay.max);
  const weekday = new Date(day * DAY_MS).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  const tet = tetFactor(day);
  const storm = stormFactor(seed, day);
  const kind: DayKind = storm > 1 ? 'storm' : tet < 1 ? 'tet' : weekend ? 'weekend' : 'weekday';
  const factor = (weekend ? 0.8 : 1) * tet * storm;
  return { date: isoDateOfDay(day), kind, count: Math.max(0, Math.round(base * factor * scale)), storm };
}

/**
 * Relative report rate by local hour: few at night (only urgent cases are taken between 24:00 and 07:30),
 * peaks mid-morning and early evening when people are out and about.
 */
const HOUR_WEIGHTS = [0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.5, 2, 5, 6.5, 7, 6.5, 4.5, 4, 5.5, 6, 6, 5.5, 5, 5.5, 5, 3.5, 2, 1];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((s, w) => s + w, 0);

/** Milliseconds after local midnight for a report, following the hour-of-day shape. */
export function timeOfDay(rng: Rng): number {
  let r = rng.next() * HOUR_TOTAL;
  for (let h = 0; h < 24; h++) {
    const w = HOUR_WEIGHTS[h] ?? 0;
    if (r < w) return Math.floor((h + r / w) * 3_600_000);
    r -= w;
  }
  return 23 * 3_600_000;
}

/** Between 24:00 and 07:30 the centre only takes cases that need instant handling. */
export const isNightIntake = (msOfDay: number) => msOfDay < 7.5 * 3_600_000;

const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = {
  've-sinh-moi-truong': 16, 'trat-tu-xay-dung': 12, 'lan-chiem-via-he': 12, 'chieu-sang-cong-cong': 10,
  'ha-tang-giao-thong': 10, 'thoat-nuoc-ngap-ung': 7, 'cay-xanh': 6, 'cap-nuoc': 5, 'tieng-on': 5,
  'an-ninh-trat-tu': 4, 'dien-luc': 4, 'vien-thong': 3, 'an-toan-thuc-pham': 2, khac: 4,
};
/** what a storm brings: flooding, fallen trees, power cuts, broken roads */
const STORM_BOOST: Readonly<Record<string, number>> = {
  'thoat-nuoc-ngap-ung': 6, 'cay-xanh': 5, 'dien-luc': 3, 'ha-tang-giao-thong': 2, 'chieu-sang-cong-cong': 1.5,
};
/** cases that are more often urgent (danger to people, no water, no power) */
const URGENT_CHANCE: Readonly<Record<string, number>> = {
  'an-ninh-trat-tu': 0.055, 'cay-xanh': 0.045, 'thoat-nuoc-ngap-ung': 0.03, 'dien-luc': 0.035, 'cap-nuoc': 0.03,
  'ha-tang-giao-thong': 0.02, 'an-toan-thuc-pham': 0.03,
};

export function pickCategory(rng: Rng, storm: boolean): string {
  const items = Object.entries(CATEGORY_WEIGHTS).map(([id, w]) => [id, storm ? w * (STORM_BOOST[id] ?? 1) : w] as const);
  return rng.weighted(items);
}

/** Urgency of a daytime report; night reports are urgent by the intake rule. */
export function isUrgentByDay(rng: Rng, categoryId: string, storm: boolean): boolean {
  const p = (URGENT_CHANCE[categoryId] ?? 0.008) * (storm ? 2 : 1);
  return rng.chance(p);
}

/** Which channel a report came in through (Hue-S is the main one). */
export function pickChannel(rng: Rng): 'app' | 'web' | 'hotline' | 'facebook' | 'zalo' | 'email' {
  return rng.weighted([['app', 70], ['web', 9], ['hotline', 11], ['facebook', 4], ['zalo', 4], ['email', 2]] as const);
}
