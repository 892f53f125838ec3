import type { MetaResponse } from '../../../../shared/contract/meta';
import { useI18n } from '../../../lib/i18n/i18n-context';

export interface DimsValue {
  categoryId?: string;
  districtCode?: string;
  agencyId?: string;
}

/** Category, district and unit selects; every figure on the page follows them. */
export function StatsFilters({ meta, value, onChange }: { meta: MetaResponse | null; value: DimsValue; onChange: (patch: DimsValue) => void }) {
  const { t, locale } = useI18n();
  const collator = new Intl.Collator(locale === 'vi' ? 'vi' : 'en');
  const agencies = [...(meta?.agencies ?? [])].sort((a, b) => collator.compare(a.shortName, b.shortName));
  const any = value.categoryId || value.districtCode || value.agencyId;
  return (
    <div className="lstats-filters" role="group" aria-label={t('stats.filter.label')}>
      <label>
        <span>{t('stats.filter.category')}</span>
        <select value={value.categoryId ?? ''} onChange={(e) => onChange({ categoryId: e.target.value || undefined })}>
          <option value="">{t('stats.filter.all')}</option>
          {meta?.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {locale === 'en' ? c.nameEn : c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('stats.filter.district')}</span>
        <select value={value.districtCode ?? ''} onChange={(e) => onChange({ districtCode: e.target.value || undefined })}>
          <option value="">{t('stats.filter.all')}</option>
          {meta?.districts.map((d) => (
            <option key={d.code} value={d.code}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('stats.filter.agency')}</span>
        <select value={value.agencyId ?? ''} onChange={(e) => onChange({ agencyId: e.target.value || undefined })}>
          <option value="">{t('stats.filter.all')}</option>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.shortName}
            </option>
          ))}
        </select>
      </label>
      {any && (
        <button type="button" className="lstats-btn lstats-btn--quiet" onClick={() => onChange({ categoryId: undefined, districtCode: undefined, agencyId: undefined })}>
          {t('stats.filter.clear')}
        </button>
      )}
    </div>
  );
}
