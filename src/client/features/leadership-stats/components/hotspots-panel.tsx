import { useMemo, useState } from 'react';
import type { Hotspot, HotspotsResponse } from '../../../../shared/contract/hotspots';
import type { Ward } from '../../../../shared/contract/meta';
import { describeError } from '../../../lib/api/describe-error';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { useElementWidth } from '../../../lib/use-element-width';
import type { OnDrill } from '../model/drill';
import { bboxAround, bboxOf, DISTRICT_SHAPES, fitProjection, polygonsPath, PROVINCE_BBOX, type BBox } from '../model/geo-svg';
import { MIN_COUNTS, RADII, WINDOWS } from '../model/stats-params';

interface Props {
  data: HotspotsResponse | null;
  error: unknown;
  radius: number;
  minCount: number;
  windowDays: number;
  onParams: (p: { radius?: number; minCount?: number; windowDays?: number }) => void;
  categoryName: (id: string) => string;
  districtName: (code: string | null) => string | null;
  /** ward points, drawn with their names for orientation (there are no map tiles) */
  wards: readonly Ward[];
  onDrill: OnDrill;
}

/** Repeat hotspots on a map (SVG over the district boundaries) and as a list; each drills down to its reports. */
export function HotspotsPanel({ data, error, radius, minCount, windowDays, onParams, categoryName, districtName, wards, onDrill }: Props) {
  const { t, fmt } = useI18n();
  const [selected, setSelected] = useState<string | null>(null);
  const items = useMemo(() => data?.items ?? [], [data]);
  const focus = items.find((h) => h.id === selected) ?? null;

  const drill = (h: Hotspot) =>
    onDrill({
      title: t('stats.drill.hotspot', h.address),
      subtitle: `${categoryName(h.categoryId)} · ${t('stats.hotspots.reports', fmt.number(h.count))}`,
      filter: { ids: h.reportIds.join(',') },
    });

  const control = (label: string, values: readonly number[], value: number, key: 'radius' | 'minCount' | 'windowDays', text: (n: string) => string) => (
    <div className="lstats-hot__control">
      <span>{label}</span>
      <div className="lstats-seg lstats-seg--small" role="group" aria-label={label}>
        {values.map((v) => (
          <button key={v} type="button" className="lstats-seg__btn" aria-pressed={value === v} onClick={() => onParams({ [key]: v })}>
            {text(fmt.number(v))}
          </button>
        ))}
      </div>
    </div>
  );

  return (
    <section className="lstats-card lstats-hot" aria-labelledby="lstats-hot-title">
      <header className="lstats-card__head">
        <div>
          <h3 id="lstats-hot-title">{t('stats.hotspots.title')}</h3>
          <p className="lstats-note">{t('stats.hotspots.lead')}</p>
        </div>
      </header>
      <div className="lstats-hot__controls">
        {control(t('stats.hotspots.radius'), RADII, radius, 'radius', (n) => t('stats.hotspots.metres', n))}
        {control(t('stats.hotspots.minCount'), MIN_COUNTS, minCount, 'minCount', (n) => t('stats.hotspots.reports', n))}
        {control(t('stats.hotspots.window'), WINDOWS, windowDays, 'windowDays', (n) => t('stats.hotspots.days', n))}
      </div>
      {data && (
        <p className="lstats-note" data-testid="stats-hotspots-summary">
          {t('stats.hotspots.summary', fmt.number(items.length), fmt.number(data.total), fmt.number(data.scanned))}
        </p>
      )}
      <div className="lstats-hot__body">
        <HotspotMap items={items} focus={focus} onSelect={setSelected} categoryName={categoryName} wards={wards} />
        <div className="lstats-hot__list">
          {data && items.length === 0 ? (
            <p className="lstats-empty">{t('stats.hotspots.none')}</p>
          ) : (
            <table className="lstats-table lstats-table--hot" data-testid="stats-hotspots">
              <thead>
                <tr>
                  <th scope="col">{t('stats.hotspots.col.place')}</th>
                  <th scope="col">{t('stats.hotspots.col.category')}</th>
                  <th scope="col" className="lstats-table__num">
                    {t('stats.hotspots.col.count')}
                  </th>
                  <th scope="col">
                    {t('stats.hotspots.col.first')} – {t('stats.hotspots.col.last').toLowerCase()}
                  </th>
                  <th scope="col" className="lstats-table__num">
                    {t('stats.hotspots.col.recurrences')}
                  </th>
                  <th scope="col" className="lstats-table__num">
                    {t('stats.hotspots.col.open')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((h) => (
                  <tr key={h.id} data-hotspot={h.id} className={h.id === selected ? 'is-selected' : undefined}>
                    <th scope="row">
                      <button type="button" className="lstats-link lstats-hot__place" onClick={() => setSelected(h.id === selected ? null : h.id)} aria-pressed={h.id === selected} title={t('stats.hotspots.focus', h.address)}>
                        {h.address}
                      </button>
                      <span className="lstats-hot__sub">
                        {[districtName(h.districtCode), t('stats.hotspots.extent', fmt.number(Math.round(h.extentMetres)))].filter(Boolean).join(' · ')}
                      </span>
                    </th>
                    <td>{categoryName(h.categoryId)}</td>
                    <td className="lstats-table__num">
                      <button type="button" className="lstats-link" onClick={() => drill(h)} aria-label={t('stats.kpi.drill', `${h.address}: ${t('stats.hotspots.reports', fmt.number(h.count))}`)}>
                        {fmt.number(h.count)}
                      </button>
                    </td>
                    <td className="lstats-hot__dates">
                      {fmt.date(h.firstAt)}
                      <br />
                      {fmt.date(h.lastAt)}
                    </td>
                    <td className={`lstats-table__num${h.recurrences > 0 ? ' lstats-hot__recur' : ''}`}>{fmt.number(h.recurrences)}</td>
                    <td className="lstats-table__num">{fmt.number(h.open)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
      {error !== null && error !== undefined && (
        <p className="lstats-error" role="status">
          {t('stats.loadError', describeError(error, t))}
        </p>
      )}
    </section>
  );
}

/** The overview takes in every district that holds a hotspot, so a lone hotspot still sits on a recognisable map. */
function overviewBox(items: readonly Hotspot[]): BBox {
  const own = bboxOf(items, 3000);
  if (!own) return PROVINCE_BBOX;
  const codes = new Set(items.map((h) => h.districtCode));
  return DISTRICT_SHAPES.filter((d) => codes.has(d.code)).reduce<BBox>(
    (b, d) => [Math.min(b[0], d.bbox[0]), Math.min(b[1], d.bbox[1]), Math.max(b[2], d.bbox[2]), Math.max(b[3], d.bbox[3])],
    own,
  );
}

/** ward labels stay readable: only when few enough fall in the view */
const MAX_WARD_LABELS = 40;

function HotspotMap({ items, focus, onSelect, categoryName, wards }: { items: readonly Hotspot[]; focus: Hotspot | null; onSelect: (id: string | null) => void; categoryName: (id: string) => string; wards: readonly Ward[] }) {
  const { t, fmt } = useI18n();
  const [ref, width] = useElementWidth<HTMLDivElement>(520);
  const height = Math.round(width * 0.8);
  const bbox = focus ? bboxAround(focus.lat, focus.lng, Math.max(400, focus.extentMetres * 4)) : overviewBox(items);
  const proj = fitProjection(bbox, width, height, 16);
  const inView = wards.filter((w) => w.lng >= bbox[0] && w.lng <= bbox[2] && w.lat >= bbox[1] && w.lat <= bbox[3]);
  const labels = inView.length <= MAX_WARD_LABELS ? inView : [];
  const maxCount = Math.max(1, ...items.map((h) => h.count));
  return (
    <div ref={ref} className="lstats-hot__map">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('stats.hotspots.mapLabel')} data-testid="stats-hotspot-map">
        <rect width={width} height={height} className="lstats-hot__water" />
        {DISTRICT_SHAPES.map((d) => (
          <path key={d.code} d={polygonsPath(d.polygons, proj)} className="lstats-hot__land" fillRule="evenodd" />
        ))}
        {labels.map((w) => (
          <g key={w.code} className="lstats-hot__ward" transform={`translate(${proj.x(w.lng).toFixed(1)},${proj.y(w.lat).toFixed(1)})`} aria-hidden="true">
            <circle r={2} />
            <text x={4} y={4}>
              {w.name}
            </text>
          </g>
        ))}
        {items.map((h) => {
          const isFocus = focus?.id === h.id;
          // overview: area ∝ count; focused: the hotspot's real extent (at least a visible dot)
          const r = focus ? Math.max(isFocus ? 8 : 5, h.extentMetres * proj.pxPerMetre) : 4 + 10 * Math.sqrt(h.count / maxCount);
          return (
            <circle
              key={h.id}
              cx={proj.x(h.lng)}
              cy={proj.y(h.lat)}
              r={r}
              className={`lstats-hot__dot${h.recurrences > 0 ? ' lstats-hot__dot--recur' : ''}${isFocus ? ' lstats-hot__dot--focus' : ''}`}
              data-hotspot={h.id}
              onClick={() => onSelect(isFocus ? null : h.id)}
            >
              <title>{`${h.address} · ${categoryName(h.categoryId)} · ${t('stats.hotspots.reports', fmt.number(h.count))}`}</title>
            </circle>
          );
        })}
      </svg>
      {focus && (
        <button type="button" className="lstats-btn lstats-btn--quiet lstats-hot__all" onClick={() => onSelect(null)}>
          {t('stats.hotspots.showAll')}
        </button>
      )}
    </div>
  );
}
