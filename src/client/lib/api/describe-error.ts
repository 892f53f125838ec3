import type { Translate } from '../i18n/translate';
import { ApiRequestError, readableDetail } from './api-error';

/** A localised sentence for an API failure, with the server's own explanation when it gave one. */
export function describeError(err: unknown, t: Translate): string {
  if (err instanceof ApiRequestError) {
    if (err.kind === 'network') return t('error.network');
    if (err.kind === 'invalid_response') return `${t('error.badResponse')} (${err.message})`;
    const head = t('error.http', String(err.status ?? '?'));
    return err.body ? `${head}: ${readableDetail(err)}` : head;
  }
  return readableDetail(err);
}
