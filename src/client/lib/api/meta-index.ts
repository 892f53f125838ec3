import type { Agency, Category, District, MetaResponse } from '../../../shared/contract/meta';
import type { Locale } from '../i18n/locale-store';

export interface MetaIndex {
  categoryName(id: string, locale: Locale): string;
  agencyName(id: string | null): string | null;
  districtName(code: string | null): string | null;
}

export function indexMeta(meta: MetaResponse | null): MetaIndex {
  const categories = new Map<string, Category>(meta?.categories.map((c) => [c.id, c]));
  const agencies = new Map<string, Agency>(meta?.agencies.map((a) => [a.id, a]));
  const districts = new Map<string, District>(meta?.districts.map((d) => [d.code, d]));
  return {
    categoryName: (id, locale) => {
      const c = categories.get(id);
      return c ? (locale === 'en' ? c.nameEn : c.name) : id;
    },
    agencyName: (id) => (id === null ? null : (agencies.get(id)?.shortName ?? id)),
    districtName: (code) => (code === null ? null : (districts.get(code)?.shortName ?? code)),
  };
}
