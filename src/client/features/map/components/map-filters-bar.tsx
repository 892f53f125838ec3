import { useEffect, useId, useMemo, useState } from 'react';
import { mapPeriods } from '../../../../shared/contract/map';
import type { MapPeriod } from '../../../../shared/contract/map';
import type { AgencyKind } from '../../../../shared/contract/common';
import { useMeta } from '../../../lib/api/get-meta';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { DEFAULT_FILTERS } from '../model/map-filters';
import type { Choropleth, MapFilters } from '../model/map-filters';
import { MAP_STATES } from '../model/map-state';
import { StateSymbol } from './state-symbol';

const KIND_ORDER: AgencyKind[] = ['department', 'district_pc', 'commune_pc', 'public_service', 'central_agency'];

export interface MapFiltersBarProps {
  filters: MapFilters;
  choropleth: Choropleth;
  onChange: (f: MapFilters) => void;
  onChoropleth: (c: Choropleth) => void;
}

/** Filters of the live map; every change goes to the URL (the caller's onChange). */
export function MapFiltersBar({ filters, choropleth, onChange, onChoropleth }: MapFiltersBarProps) {
  const { t, locale } = useI18n();
  const meta = useMeta();
  const id = useId();
  const [q, setQ] = useState(filters.q ?? '');
  const [warn, setWarn] = useState(false);

  // the search goes to the URL (and the server) once typing pauses
  useEffect(() => {
    const next = q.trim() === '' ? null : q.trim();
    if (next === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q: next }), 350);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);
  // a URL change from elsewhere (Back, a bookmark) shows in the box
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  const agencies = useMemo(() => {
    const list = meta?.agencies ?? [];
    return KIND_ORDER.map((kind) => ({ kind, items: list.filter((a) => a.kind === kind).sort((a, b) => a.shortName.localeCompare(b.shortName, 'vi')) })).filter((g) => g.items.length > 0);
  }, [meta]);

  const toggleState = (i: number) => {
    const mask = filters.states ^ (1 << i);
    if (mask === 0) {
      setWarn(true);
      return;
    }
    setWarn(false);
    onChange({ ...filters, states: mask });
  };

  const select = (label: string, value: string | null, onValue: (v: string | null) => void, options: React.ReactNode) => (
    <label className="map-filters__field">
      <span className="map-filters__label">{label}</span>
      <select className="map-filters__select" value={value ?? ''} onChange={(e) => onValue(e.target.value === '' ? null : e.target.value)}>
        <option value="">{t('map.filters.all')}</option>
        {options}
      </select>
    </label>
  );

  return (
    <form className="map-filters" aria-label={t('map.filters.label')} onSubmit={(e) => e.preventDefault()} role="search">
      <fieldset className="map-filters__states">
        <legend className="map-filters__label">{t('map.filters.state')}</legend>
        {MAP_STATES.map((s, i) => {
          const on = (filters.states & (1 << i)) !== 0;
          return (
            <button key={s} type="button" className="map-chip" aria-pressed={on} onClick={() => toggleState(i)} data-state={s}>
              <StateSymbol state={s} size={16} />
              {t(`map.state.${s}`)}
            </button>
          );
        })}
        {warn && (
          <span className="map-filters__warn" role="alert">
            {t('map.filters.lastState')}
          </span>
        )}
      </fieldset>
      <div className="map-filters__row">
        <label className="map-filters__field map-filters__field--search">
          <span className="map-filters__label">{t('map.filters.search')}</span>
          <input
            id={`${id}-q`}
            className="map-filters__input"
            type="search"
            value={q}
            placeholder={t('map.filters.searchPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
            maxLength={200}
          />
        </label>
        {select(
          t('map.filters.category'),
          filters.categoryId,
          (v) => onChange({ ...filters, categoryId: v }),
          meta?.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {locale === 'en' ? c.nameEn : c.name}
            </option>
          )),
        )}
        {select(
          t('map.filters.agency'),
          filters.agencyId,
          (v) => onChange({ ...filters, agencyId: v }),
          agencies.map((g) => (
            <optgroup key={g.kind} label={t(`map.agencyKind.${g.kind}`)}>
              {g.items.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.shortName}
                </option>
              ))}
            </optgroup>
          )),
        )}
        {select(
          t('map.filters.district'),
          filters.districtCode,
          (v) => onChange({ ...filters, districtCode: v }),
          meta?.districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          )),
        )}
        <label className="map-filters__field">
          <span className="map-filters__label">{t('map.filters.period')}</span>
          <select className="map-filters__select" value={filters.period} onChange={(e) => onChange({ ...filters, period: e.target.value as MapPeriod })}>
            {mapPeriods.map((p) => (
              <option key={p} value={p}>
                {t(`map.period.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="map-filters__field">
          <span className="map-filters__label">{t('map.choropleth.label')}</span>
          <select className="map-filters__select" value={choropleth} onChange={(e) => onChoropleth(e.target.value as Choropleth)}>
            <option value="off">{t('map.choropleth.off')}</option>
            <option value="open">{t('map.choropleth.openShort')}</option>
            <option value="overdue">{t('map.choropleth.overdueShort')}</option>
          </select>
        </label>
        <button
          type="button"
          className="map-filters__reset"
          onClick={() => {
            setQ('');
            onChange(DEFAULT_FILTERS);
          }}
        >
          {t('map.filters.reset')}
        </button>
      </div>
    </form>
  );
}
