import type { Locale } from './locale-store';

/** Displayed times are Vietnam time wherever the screen is (a laptop abroad, a CI runner in UTC). */
export const DISPLAY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const intlLocale: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

export interface Formatters {
  number(n: number): string;
  /** a share in 0..1 as a percentage with at most one decimal */
  percent(share: number): string;
  /** HH:MM:SS, 24-hour */
  time(d: Date | string | number): string;
  /** HH:MM, 24-hour */
  shortTime(d: Date | string | number): string;
  date(d: Date | string | number): string;
  /** the long form shown on the wall clock: weekday, day month year */
  longDate(d: Date | string | number): string;
  dateTime(d: Date | string | number): string;
  /** "3 phút trước" / "3 minutes ago" */
  relative(d: Date | string | number, now: Date | number): string;
}

const toDate = (d: Date | string | number) => (d instanceof Date ? d : new Date(d));

export function createFormatters(locale: Locale): Formatters {
  const tag = intlLocale[locale];
  const num = new Intl.NumberFormat(tag);
  const pct = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
  const base = { timeZone: DISPLAY_TIME_ZONE, hourCycle: 'h23' } as const;
  const time = new Intl.DateTimeFormat(tag, { ...base, hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const shortTime = new Intl.DateTimeFormat(tag, { ...base, hour: '2-digit', minute: '2-digit' });
  const date = new Intl.DateTimeFormat(tag, { ...base, day: '2-digit', month: '2-digit', year: 'numeric' });
  const longDate = new Intl.DateTimeFormat(tag, { ...base, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const dateTime = new Intl.DateTimeFormat(tag, {
    ...base,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const rel = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });

  return {
    number: (n) => num.format(n),
    percent: (share) => pct.format(share),
    time: (d) => time.format(toDate(d)),
    shortTime: (d) => shortTime.format(toDate(d)),
    date: (d) => date.format(toDate(d)),
    longDate: (d) => longDate.format(toDate(d)),
    dateTime: (d) => dateTime.format(toDate(d)),
    relative: (d, now) => {
      const diffS = Math.round((toDate(d).getTime() - (now instanceof Date ? now.getTime() : now)) / 1000);
      const abs = Math.abs(diffS);
      if (abs < 45) return rel.format(0, 'second');
      if (abs < 45 * 60) return rel.format(Math.round(diffS / 60), 'minute');
      if (abs < 22 * 3600) return rel.format(Math.round(diffS / 3600), 'hour');
      return rel.format(Math.round(diffS / 86400), 'day');
    },
  };
}
