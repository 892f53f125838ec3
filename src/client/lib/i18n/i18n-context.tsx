import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { createFormatters } from './format';
import type { Formatters } from './format';
import { getLocale, setLocale, subscribeLocale } from './locale-store';
import type { Locale } from './locale-store';
import { createTranslator } from './translate';
import type { Translate } from './translate';

export interface I18n {
  locale: Locale;
  t: Translate;
  fmt: Formatters;
  setLocale: (locale: Locale) => void;
}

const build = (locale: Locale): I18n => ({ locale, t: createTranslator(locale), fmt: createFormatters(locale), setLocale });

// the default lets a component render in isolation (tests, error pages) in Vietnamese
const I18nContext = createContext<I18n>(build('vi'));

/** Subscribes once at the root, so a language switch re-renders the tree through one context change. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useSyncExternalStore(subscribeLocale, getLocale, getLocale);
  const value = useMemo(() => build(locale), [locale]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
