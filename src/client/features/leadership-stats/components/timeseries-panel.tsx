import { useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { Interval, TimeseriesPoint, TimeseriesResponse } from '../../../../shared/contract/stats';
import { intervals } from '../../../../shared/contract/stats';
import { describeError } from '../../../lib/api/describe-error';
import type { Formatters } from '../../../lib/i18n/format';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useElementWidth } from '../../../lib/use-element-width';
import type { OnDrill } from '../model/drill';
import { lastLocalDate, localNoon } from '../model/period';

interface Props {
  data: TimeseriesResponse | null;
  error: unknown;
  interval: Interval | undefined;
  onInterval: (i: Interval | undefined) => void;
  dims: Record<string, string>;
  onDrill: OnDrill;
}

const COLORS = { received: '#0b5cad', resolved: '#17753a', overdue: '#b3261e' } as const;

function bucketLabel(p: TimeseriesPoint, interval: Interval, fmt: Formatters, locale: string): string {
  const d = new Date(p.from);
  if (interval === 'month') {
    return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', month: '2-digit', year: 'numeric' }).format(d);
  }
  return fmt.date(d).slice(0, 5);
}

/** A bucket's dates for people: "04/03/2024 – 10/03/2024", or a single day. */
export function bucketRange(p: TimeseriesPoint, fmt: Formatters): string {
  const first = fmt.date(p.from);
  const last = fmt.date(localNoon(lastLocalDate(p.to)));
  return first === last ? first : `${first} – ${last}`;
}

/** Received, resolved and missed deadlines per day, week or month; a click on a bucket lists its reports. */
export function TimeseriesPanel({ data, error, interval, onInterval, dims, onDrill }: Props) {
  const { t, fmt, locale } = useI18n();
  const [ref, width] = useElementWidth<HTMLDivElement>(900);
  const [picked, setPicked] = useState<number | null>(null);
  const used = data?.interval ?? interval ?? 'day';
  const rows = (data?.points ?? []).map((p) => ({ ...p, label: bucketLabel(p, used, fmt, locale) }));
  const pickedPoint = picked !== null ? data?.points[picked] : undefined;
  const empty = data !== null && data.points.every((p) => p.received + p.resolved + p.overdue === 0);
  const seriesName = { received: t('stats.series.received'), resolved: t('stats.series.resolved'), overdue: t('stats.series.overdue') };

  const drill = (p: TimeseriesPoint, series: 'received' | 'resolved' | 'overdue') => {
    const filter: Record<string, string> =
      series === 'received'
        ? { from: p.from, to: p.to }
        : series === 'resolved'
          ? { resolvedFrom: p.from, resolvedTo: p.to }
          : { dueFrom: p.from, dueTo: p.to, timeliness: 'overdue,late' };
    onDrill({ title: `${seriesName[series]}: ${fmt.number(p[series])}`, subtitle: t('stats.series.bucket', bucketRange(p, fmt)), filter: { ...filter, ...dims } });
  };

  return (
    <section className="lstats-card lstats-series" aria-labelledby="lstats-series-title">
      <header className="lstats-card__head">
        <h3 id="lstats-series-title">{t('stats.series.title')}</h3>
        <div className="lstats-seg lstats-seg--small" role="group" aria-label={t('stats.series.interval')}>
          {([undefined, ...intervals] as const).map((i) => (
            <button key={i ?? 'auto'} type="button" className="lstats-seg__btn" aria-pressed={interval === i} onClick={() => onInterval(i)}>
              {t(i === undefined ? 'stats.series.auto' : `stats.series.${i}`)}
            </button>
          ))}
        </div>
      </header>
      {data && interval !== undefined && data.interval !== interval && (
        <p className="lstats-note" role="status">
          {t('stats.series.coarsened', t(`stats.series.${data.interval}`).toLowerCase())}
        </p>
      )}
      <div ref={ref} className="lstats-series__chart" data-testid="stats-series-chart">
        {data && !empty && (
          <ComposedChart
            width={width}
            height={280}
            data={rows}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
            onClick={(state) => {
              // the bucket under the pointer (none when the click came before any hover: Number(null) would be 0)
              const raw = state?.activeTooltipIndex;
              if (raw === null || raw === undefined || raw === '') return;
              const i = Number(raw);
              if (Number.isInteger(i) && i >= 0 && i < rows.length) setPicked(i);
            }}
          >
            <CartesianGrid stroke="#dde3ea" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={44} />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(_, payload) => {
                const p = payload?.[0]?.payload as TimeseriesPoint | undefined;
                return p ? bucketRange(p, fmt) : '';
              }}
              formatter={(value) => fmt.number(Number(value))}
            />
            <Legend />
            <Bar dataKey="received" name={seriesName.received} fill={COLORS.received} isAnimationActive={false} cursor="pointer" />
            <Line dataKey="resolved" name={seriesName.resolved} stroke={COLORS.resolved} strokeWidth={2} dot={rows.length <= 60} isAnimationActive={false} />
            <Line dataKey="overdue" name={seriesName.overdue} stroke={COLORS.overdue} strokeWidth={2} dot={rows.length <= 60} isAnimationActive={false} />
          </ComposedChart>
        )}
        {empty && <p className="lstats-empty">{t('stats.series.empty')}</p>}
      </div>
      <p className="lstats-note">{t('stats.series.overdueHint')}</p>
      {pickedPoint ? (
        <div className="lstats-series__picked" role="group" aria-label={t('stats.series.bucket', bucketRange(pickedPoint, fmt))}>
          <strong>{t('stats.series.bucket', bucketRange(pickedPoint, fmt))}</strong>
          {(['received', 'resolved', 'overdue'] as const).map((s) => (
            <button key={s} type="button" className={`lstats-chip lstats-chip--${s}`} onClick={() => drill(pickedPoint, s)}>
              {seriesName[s]}: {fmt.number(pickedPoint[s])}
            </button>
          ))}
        </div>
      ) : (
        data && !empty && <p className="lstats-note">{t('stats.series.pick')}</p>
      )}
      {error !== null && error !== undefined && (
        <p className="lstats-error" role="status">
          {t('stats.loadError', describeError(error, t))}
        </p>
      )}
    </section>
  );
}
