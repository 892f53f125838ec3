import type { feedVi } from './feed-vi';

type Section<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };

export const feedEn: Section<typeof feedVi> = {
  'feed.title': 'Live feed',
  'feed.label': 'The newest events, newest first',
  'feed.empty': 'No events yet.',
  'feed.loading': 'Loading recent events…',
  'feed.loadError': (message) => `Could not load recent events: ${message}`,
  'feed.newItems': (count) => `${count} new`,
  'feed.newItemsHint': 'Scroll to the top of the list to see the new events',
  'feed.announce': (count) => `${count} new events in the live feed`,
  'feed.open': (title) => `Open report details: ${title}`,
  'feed.unassigned': 'No unit yet',
  'feed.noPlace': 'Place not determined',
  'feed.type.created': 'New report',
  'feed.type.verified': 'Verified',
  'feed.type.rejected': 'Rejected',
  'feed.type.assigned': 'Assigned',
  'feed.type.transferred': 'Transferred',
  'feed.type.started': 'Work started',
  'feed.type.extended': 'Extended',
  'feed.type.commented': 'Comment',
  'feed.type.resolved': 'Resolved',
  'feed.type.rated': 'Rated',
  'feed.type.reopened': 'Reopened',
  'feed.type.reminded': 'Reminder',
  'feed.type.overdue': 'Overdue reached',
  'feed.state.overdue': 'Overdue',
};
