/**
 * The current UI language, kept outside React so non-React code (document title, formatters in the live
 * module) can read it, persisted so a wall screen comes back in the language it was set to.
 */
export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

const STORAGE_KEY = 'paht.locale';
const listeners = new Set<() => void>();

function readStored(): Locale {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return (locales as readonly string[]).includes(v ?? '') ? (v as Locale) : DEFAULT_LOCALE;
  } catch {
    // storage can be disabled (privacy mode, kiosk policies): fall back to the default
    return DEFAULT_LOCALE;
  }
}

let current: Locale = readStored();
applyToDocument(current);

function applyToDocument(locale: Locale) {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // not persisted, still switched for this session
  }
  applyToDocument(locale);
  for (const l of listeners) l();
}

export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Re-reads storage; tests use it to start from a clean slate. */
export function resetLocaleFromStorage(): void {
  current = readStored();
  applyToDocument(current);
  for (const l of listeners) l();
}
