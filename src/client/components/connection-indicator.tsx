import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n/i18n-context';
import { live } from '../lib/live/live-client';
import type { LiveStore } from '../lib/live/live-store';
import type { LiveState } from '../lib/live/live-types';
import { isStale, useLiveState } from '../lib/live/use-live';
import { useNow } from '../lib/time/use-now';
import { LiveIcon, OfflineIcon, ReconnectIcon, WarningIcon } from './icons';
import './connection-indicator.css';

type Shown = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'stale';

/** How long "all data reloaded" stays on screen after the server could not replay what was missed. */
export const RESYNC_NOTICE_MS = 5 * 60_000;

/** The state as presented: a stream down for over a minute is "stale" whatever socket.io is still trying. */
export function shownState(state: LiveState, now: number): Shown {
  if (isStale(state, now)) return 'stale';
  return state.status;
}

const icons: Record<Shown, ReactNode> = {
  connecting: <ReconnectIcon className="conn__icon conn__icon--spin" />,
  live: <LiveIcon className="conn__icon" />,
  reconnecting: <ReconnectIcon className="conn__icon conn__icon--spin" />,
  offline: <OfflineIcon className="conn__icon" />,
  stale: <WarningIcon className="conn__icon" />,
};

/** Presentational half, driven by explicit state and clock (tests render every state with it). */
export function ConnectionStatus({ state, now }: { state: LiveState; now: number }) {
  const { t, fmt } = useI18n();
  const shown = shownState(state, now);
  const label =
    shown === 'live'
      ? t('live.live')
      : shown === 'connecting'
        ? t('live.connecting')
        : shown === 'reconnecting'
          ? t('live.reconnecting')
          : t('live.offline');
  return (
    <div className={`conn conn--${shown}`} data-state={shown} role="status">
      {icons[shown]}
      <span className="conn__label">{label}</span>
      <span className="conn__updated">
        {state.lastSyncAt !== null ? t('live.lastUpdated', fmt.time(state.lastSyncAt)) : t('live.neverUpdated')}
      </span>
      {state.resync && now - state.resync.at < RESYNC_NOTICE_MS ? (
        // the numbers on screen were replaced by a fresh snapshot rather than updated event by event: say so
        <span className="conn__resynced" data-testid="live-resynced">
          {t('resilience.resynced', fmt.time(state.resync.at), state.resync.reason)}
        </span>
      ) : null}
    </div>
  );
}

export function ConnectionIndicator({ store = live }: { store?: LiveStore }) {
  const state = useLiveState(store);
  const now = useNow(1000);
  return <ConnectionStatus state={state} now={now} />;
}
