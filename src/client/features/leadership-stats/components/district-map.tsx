import { useMemo, useState } from 'react';
import type { BreakdownResponse, BreakdownRow } from '../../../../shared/contract/stats';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useElementWidth } from '../../../lib/use-element-width';
import type { OnDrill } from '../model/drill';
import { DISTRICT_SHAPES, fitProjection, labelPoint, polygonsPath, PROVINCE_BBOX } from '../model/geo-svg';
import { MAP_METRICS, type MapMetric } from '../model/stats-params';

interface Props {
  data: BreakdownResponse;
  metric: MapMetric;
  onMetric: (m: MapMetric) => void;
  dims: Record<string, string>;
  subtitle: string;
  onDrill: OnDrill;
}

/** five classes; on-time rate reads good-to-bad in green, counts in a blue (received) or red (overdue) ramp */
const RAMPS: Record<MapMetric, readonly string[]> = {
  received: ['#e3eefa', '#b3d0ee', '#6fa5dc', '#2f74bf', '#0b4a8c'],
  overdueNow: ['#fdecea', '#f6b9b3', '#eb7d73', '#cf4238', '#8f1d16'],
  onTimeRate: ['#f3f8ec', '#cfe6bd', '#98cb86', '#4f9f55', '#1f6b33'],
};
const NO_DATA = '#eceff3';

function metricValue(row: BreakdownRow | undefined, metric: MapMetric): number | null {
  if (!row) return metric === 'onTimeRate' ? null : 0;
  if (metric === 'onTimeRate') return row.resolved === 0 ? null : row.onTime / row.resolved;
  return row[metric];
}

/** Choropleth of the nine districts (2019 boundaries) on plain SVG: no tiles, readable at a glance. */
export function DistrictMap({ data, metric, onMetric, dims, subtitle, onDrill }: Props) {
  const { t, fmt } = useI18n();
  const [ref, width] = useElementWidth<HTMLDivElement>(560);
  const height = Math.round(width * 0.68);
  const proj = useMemo(() => fitProjection(PROVINCE_BBOX, width, height, 10), [width, height]);
  const [hover, setHover] = useState<string | null>(null);
  const byCode = new Map(data.rows.map((r) => [r.key, r]));
  const values = DISTRICT_SHAPES.map((d) => metricValue(byCode.get(d.code), metric)).filter((v): v is number => v !== null);
  const lo = metric === 'onTimeRate' ? Math.min(...values, 1) : 0;
  const hi = Math.max(...values, metric === 'onTimeRate' ? 0 : 1);
  const ramp = RAMPS[metric];
  const colour = (v: number | null) => {
    if (v === null) return NO_DATA;
    const f = hi === lo ? 1 : (v - lo) / (hi - lo);
    return ramp[Math.min(ramp.length - 1, Math.floor(f * ramp.length))] as string;
  };
  const show = (v: number | null) => (v === null ? t('stats.map.noData') : metric === 'onTimeRate' ? fmt.percent(v) : fmt.number(v));

  return (
    <div className="lstats-map">
      <div className="lstats-map__controls">
        <span>{t('stats.map.metric')}</span>
        <div className="lstats-seg lstats-seg--small" role="group" aria-label={t('stats.map.metric')}>
          {MAP_METRICS.map((m) => (
            <button key={m} type="button" className="lstats-seg__btn" aria-pressed={metric === m} onClick={() => onMetric(m)}>
              {t(`stats.map.metric.${m}`)}
            </button>
          ))}
        </div>
      </div>
      <div ref={ref} className="lstats-map__svg">
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('stats.map.title')} data-testid="stats-choropleth">
          {DISTRICT_SHAPES.map((d) => {
            const v = metricValue(byCode.get(d.code), metric);
            const label = `${d.name}: ${show(v)}`;
            return (
              <path
                key={d.code}
                d={polygonsPath(d.polygons, proj)}
                fill={colour(v)}
                fillRule="evenodd"
                stroke={hover === d.code ? '#14202e' : '#ffffff'}
                strokeWidth={hover === d.code ? 2.5 : 1.2}
                tabIndex={0}
                role="button"
                aria-label={t('stats.kpi.drill', label)}
                data-district={d.code}
                data-value={v ?? ''}
                className="lstats-map__district"
                onMouseEnter={() => setHover(d.code)}
                onMouseLeave={() => setHover(null)}
                onFocus={() => setHover(d.code)}
                onBlur={() => setHover(null)}
                onClick={() => onDrill({ title: `${d.name} · ${t('stats.col.received')}`, subtitle, filter: { ...dims, from: data.from, to: data.to, districtCode: d.code } })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onDrill({ title: `${d.name} · ${t('stats.col.received')}`, subtitle, filter: { ...dims, from: data.from, to: data.to, districtCode: d.code } });
                  }
                }}
              >
                <title>{label}</title>
              </path>
            );
          })}
          {DISTRICT_SHAPES.map((d) => {
            const [lng, lat] = labelPoint(d);
            const v = metricValue(byCode.get(d.code), metric);
            const x = proj.x(lng);
            const y = proj.y(lat);
            // a district too small on screen for its label (Huế city) gets it beside it, with a leader line
            const small = proj.x(d.bbox[2]) - proj.x(d.bbox[0]) < 70;
            const dx = small ? 46 : 0;
            const dy = small ? -34 : 0;
            return (
              <g key={d.code} className="lstats-map__label" aria-hidden="true">
                {small && <line x1={x} y1={y} x2={x + dx - 6} y2={y + dy + 8} className="lstats-map__leader" />}
                <g transform={`translate(${(x + dx).toFixed(1)},${(y + dy).toFixed(1)})`}>
                  <text y={-4}>{d.shortName}</text>
                  <text y={13} className="lstats-map__label-value">
                    {v === null ? '—' : show(v)}
                  </text>
                </g>
              </g>
            );
          })}
        </svg>
      </div>
      <div className="lstats-map__legend" aria-hidden="true">
        <span>{t('stats.map.legendLow')}</span>
        {ramp.map((c) => (
          <span key={c} className="lstats-map__swatch" style={{ background: c }} />
        ))}
        <span>{t('stats.map.legendHigh')}</span>
        <span className="lstats-map__swatch" style={{ background: NO_DATA }} />
        <span>{t('stats.map.noData')}</span>
      </div>
    </div>
  );
}
