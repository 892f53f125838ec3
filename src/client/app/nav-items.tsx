import type { ComponentType } from 'react';
import { BacklogIcon, ChartIcon, MapIcon, SmileIcon, TrophyIcon, UnitIcon, WallIcon } from '../components/icons';
import type { MessageKey } from '../lib/i18n/messages-vi';

export interface NavItem {
  to: string;
  label: MessageKey;
  Icon: ComponentType<{ className?: string }>;
}

/** The top-level views, in the order operators asked for them. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/map', label: 'nav.map', Icon: MapIcon },
  { to: '/backlog', label: 'nav.backlog', Icon: BacklogIcon },
  { to: '/satisfaction', label: 'nav.satisfaction', Icon: SmileIcon },
  { to: '/rankings', label: 'nav.rankings', Icon: TrophyIcon },
  { to: '/stats', label: 'stats.nav', Icon: ChartIcon },
  { to: '/units', label: 'units.nav', Icon: UnitIcon },
  { to: '/wall', label: 'nav.wall', Icon: WallIcon },
];
