import type { wallVi } from './wall-vi';

type Section<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };

export const wallEn: Section<typeof wallVi> = {
  'wall.view.map': 'Live map',
  'wall.view.feed': 'Live feed',
  'wall.view.backlog': 'Backlog & overdue',
  'wall.view.rankings': 'Rankings',
  'wall.playlist': 'Rotating views',
  'wall.position': (n, total) => `View ${n} of ${total}`,
  'wall.paused': 'Rotation paused',
  'wall.nextIn': (seconds) => `Next view in ${seconds} s`,
  'wall.skipped': (names) => `Not available yet: ${names} (skipped)`,
  'wall.noViews': 'No view to show.',
  'wall.stale': (since) => `CONNECTION LOST since ${since} — the figures below are OLD, not current`,
  'wall.staleLabel': 'Old data',
  'wall.staleSince': (since) => `Last updated ${since}`,
  'wall.recovered': 'Reconnected, figures are current again',
};
