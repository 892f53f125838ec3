import { en } from './messages-en';
import type { Catalogue } from './messages-en';
import { vi } from './messages-vi';
import type { MessageKey, Messages } from './messages-vi';
import type { Locale } from './locale-store';

type Args<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];
export type Translate = <K extends MessageKey>(key: K, ...args: Args<K>) => string;

const catalogues: Record<Locale, Catalogue> = { vi, en };

export function createTranslator(locale: Locale): Translate {
  const cat = catalogues[locale];
  return (key, ...args) => {
    const m = cat[key] as string | ((...a: unknown[]) => string);
    return typeof m === 'function' ? m(...args) : m;
  };
}
