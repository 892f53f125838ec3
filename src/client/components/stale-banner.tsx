import { useI18n } from '../lib/i18n/i18n-context';
import { live } from '../lib/live/live-client';
import type { LiveStore } from '../lib/live/live-store';
import { useStaleness } from '../lib/live/use-live';
import { WarningIcon } from './icons';
import './stale-banner.css';

/** Unmissable when the stream has been down too long: a wall screen must never pass old numbers off as current. */
export function StaleBanner({ store = live }: { store?: LiveStore }) {
  const { t, fmt } = useI18n();
  const { stale, downSince } = useStaleness(store);
  if (!stale || downSince === null) return null;
  return (
    <div className="stale-banner" role="alert">
      <WarningIcon className="stale-banner__icon" />
      <span>{t('live.staleWarning', fmt.time(downSince))}</span>
    </div>
  );
}
