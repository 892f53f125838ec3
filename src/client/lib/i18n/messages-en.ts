import type { Messages } from './messages-vi';
import { detailEn } from './sections/detail-en';
import { feedEn } from './sections/feed-en';
import { statsEn } from './sections/stats-en';
import { unitsEn } from './sections/units-en';
import { resilienceEn } from './sections/resilience-en';
import { wallEn } from './sections/wall-en';
import { mapEn } from './sections/map-en';
import { rankingsEn } from './sections/rankings-en';
import { satisfactionEn } from './sections/satisfaction-en';

import { backlogEn } from './sections/backlog-en';
import { authEn } from './sections/auth-en';

/** Same keys and parameter lists as the Vietnamese catalogue, any wording. */
export type Catalogue = {
  [K in keyof Messages]: Messages[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

export const en: Catalogue = {
  'app.title': 'Smart City Monitoring and Operations Centre',
  'app.subtitle': 'Citizen field reports · Huế',
  'app.loading': 'Loading…',
  'app.skipToContent': 'Skip to main content',

  'nav.label': 'Main navigation',
  'nav.map': 'Live map',
  'nav.backlog': 'Backlog & overdue',
  'nav.satisfaction': 'Satisfaction',
  'nav.rankings': 'Rankings',
  'nav.wall': 'Wall screen',

  'lang.label': 'Language',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',

  'kpi.label': 'Key figures',
  'kpi.receivedToday': 'Received today',
  'kpi.beingHandled': 'Being handled',
  'kpi.overdueNow': 'Overdue',
  'kpi.handledThisMonth': 'Handled this month',
  'kpi.satisfactionRate': 'Satisfaction rate',
  'kpi.ratings': (count) => `${count} ratings`,
  'kpi.noRatings': 'No ratings yet',
  'kpi.satisfactionHint': 'Ratings of “acceptable” or better, this month',
  'kpi.stale': 'Stale',
  'kpi.loadError': (message) => `Could not load the figures: ${message}`,

  'live.connecting': 'Connecting…',
  'live.live': 'Connected',
  'live.reconnecting': 'Connection lost, retrying…',
  'live.offline': 'Disconnected',
  'live.lastUpdated': (time) => `Updated at ${time}`,
  'live.neverUpdated': 'Not updated yet',
  'live.staleWarning': (since) =>
    `Lost the connection to the server at ${since}. The figures on screen may be out of date and are not current.`,

  'page.map.title': 'Live map',
  'page.map.interim': 'The live map of reports will appear here. Meanwhile, these are the latest reports, updated live.',
  'page.backlog.title': 'Backlog & overdue',
  'page.backlog.placeholder':
    'This page will show open and overdue reports per handling unit, the overdue queue and the reminder log (SMS, calls).',
  'page.satisfaction.title': 'Satisfaction',
  'page.satisfaction.placeholder':
    "This page will show citizens' satisfaction with handling results by period, unit, category and district.",
  'page.rankings.title': 'Rankings',
  'page.rankings.placeholder':
    'This page will show the quarterly emulation ranking of handling units, with the scoring formula, quarter finalisation and CSV/XLSX export.',
  'page.notFound.title': 'Page not found',
  'page.notFound.back': 'Back to the live map',
  'page.error.title': 'Something went wrong',
  'page.error.reload': 'Reload the page',
  'page.comingSoon': 'Coming soon',

  'reports.latest': 'Latest reports',
  'reports.total': (count) => `${count} reports in total`,
  'reports.empty': 'No reports yet.',
  'reports.loadError': (message) => `Could not load the reports: ${message}`,
  'reports.receivedAt': 'Received',
  'reports.new': 'New',
  'reports.urgent': 'Urgent',
  'reports.unassigned': 'No unit assigned yet',

  'status.received': 'Received',
  'status.rejected': 'Rejected',
  'status.assigned': 'Assigned',
  'status.in_progress': 'Being handled',
  'status.resolved': 'Handled',
  'status.reopened': 'Reopened',

  'wall.clock': 'Clock',
  'wall.exit': 'Back to the dashboard',
  'wall.comingViews': 'The map, live feed, backlog and rankings will rotate on this screen.',

  'error.network': 'Could not reach the server',
  'error.badResponse': 'The server sent an invalid response',
  'error.http': (status) => `The server reported an error (${status})`,
  ...feedEn,
  ...statsEn,
  ...unitsEn,
  ...resilienceEn,
  ...detailEn,
  ...wallEn,
  ...backlogEn,
  ...authEn,
  ...mapEn,
  ...rankingsEn,
  ...satisfactionEn,
};
