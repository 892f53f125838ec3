import type { MetaResponse } from '../../../../shared/contract/meta';
import type { Locale } from '../../../lib/i18n/locale-store';

export interface FeedMeta {
  category(id: string, locale: Locale): string;
  agency(id: string | null | undefined): string | null;
  /** "Phường Phú Hội, Huế" from the ward and district codes (either may be missing) */
  place(wardCode: string | null, districtCode: string | null): string | null;
}

/** Names for ids, falling back to the id itself while the reference data loads (or if it is missing). */
export function feedMeta(meta: MetaResponse | null): FeedMeta {
  const categories = new Map(meta?.categories.map((c) => [c.id, c]));
  const agencies = new Map(meta?.agencies.map((a) => [a.id, a]));
  const districts = new Map(meta?.districts.map((d) => [d.code, d]));
  const wards = new Map(meta?.wards.map((w) => [w.code, w]));
  return {
    category: (id, locale) => {
      const c = categories.get(id);
      return c ? (locale === 'en' ? c.nameEn : c.name) : id;
    },
    agency: (id) => (id === null || id === undefined ? null : (agencies.get(id)?.shortName ?? id)),
    place: (wardCode, districtCode) => {
      const ward = wardCode === null ? null : (wards.get(wardCode)?.name ?? wardCode);
      const district = districtCode === null ? null : (districts.get(districtCode)?.shortName ?? districtCode);
      const parts = [ward, district].filter((p): p is string => p !== null);
      return parts.length > 0 ? parts.join(', ') : null;
    },
  };
}
