import { useI18n } from '../../../lib/i18n/i18n-context';
import { MAP_STATES } from '../model/map-state';
import { CHOROPLETH_COLORS } from '../model/map-style';
import type { Totals } from '../worker/cluster-engine';
import { StateSymbol } from './state-symbol';

/** What each shape and colour means, with how many reports are in each state (those filtered out are dimmed). */
export function MapLegend({ totals, mask }: { totals: Totals | null; mask: number }) {
  const { t, fmt } = useI18n();
  return (
    <section className="map-legend" aria-label={t('map.legend.title')} data-testid="map-legend">
      <h3 className="map-legend__title">{t('map.legend.title')}</h3>
      <ul className="map-legend__list">
        {MAP_STATES.map((s, i) => {
          const off = (mask & (1 << i)) === 0;
          return (
            <li key={s} className={`map-legend__item${off ? ' map-legend__item--off' : ''}`} data-state={s}>
              <StateSymbol state={s} />
              <span className="map-legend__label">{t(`map.state.${s}`)}</span>
              <span className="map-legend__count">{totals ? fmt.number(totals.byState[i] ?? 0) : '–'}</span>
            </li>
          );
        })}
      </ul>
      <p className="map-legend__cluster">
        <span className="map-legend__badge" aria-hidden="true">
          12
        </span>
        {t('map.legend.cluster')}
      </p>
    </section>
  );
}

/** The choropleth's classes: colour, range. */
export function ChoroplethLegend({ measure, breaks }: { measure: 'open' | 'overdue'; breaks: number[] }) {
  const { t, fmt } = useI18n();
  const rows: { color: string; label: string }[] = [{ color: CHOROPLETH_COLORS[0], label: '0' }];
  let lo = 1;
  breaks.forEach((b, i) => {
    rows.push({ color: CHOROPLETH_COLORS[i + 1] ?? CHOROPLETH_COLORS[5], label: lo === b ? fmt.number(b) : `${fmt.number(lo)}–${fmt.number(b)}` });
    lo = b + 1;
  });
  return (
    <section className="map-legend map-legend--choropleth" aria-label={t(`map.choropleth.${measure}`)} data-testid="choropleth-legend">
      <h3 className="map-legend__title">{t(`map.choropleth.${measure}`)}</h3>
      <ul className="map-legend__list">
        {rows.map((r) => (
          <li key={r.label} className="map-legend__item">
            <span className="map-legend__swatch" style={{ background: r.color }} aria-hidden="true" />
            <span className="map-legend__label">{r.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
