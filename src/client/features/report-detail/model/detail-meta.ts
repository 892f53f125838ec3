import type { MetaResponse } from '../../../../shared/contract/meta';
import type { Locale } from '../../../lib/i18n/locale-store';

export interface DetailMeta {
  category(id: string, locale: Locale): string;
  /** the unit's full name (falls back to its id) */
  agency(id: string | null | undefined): string | null;
  ward(code: string | null): string | null;
  district(code: string | null): string | null;
}

/** Names for ids, falling back to the id itself while the reference data loads (or if it is missing). */
export function detailMeta(meta: MetaResponse | null): DetailMeta {
  const categories = new Map(meta?.categories.map((c) => [c.id, c]));
  const agencies = new Map(meta?.agencies.map((a) => [a.id, a]));
  const districts = new Map(meta?.districts.map((d) => [d.code, d]));
  const wards = new Map(meta?.wards.map((w) => [w.code, w]));
  return {
    category: (id, locale) => {
      const c = categories.get(id);
      return c ? (locale === 'en' ? c.nameEn : c.name) : id;
    },
    agency: (id) => (id === null || id === undefined ? null : (agencies.get(id)?.name ?? id)),
    ward: (code) => (code === null ? null : (wards.get(code)?.name ?? code)),
    district: (code) => (code === null ? null : (districts.get(code)?.name ?? code)),
  };
}
