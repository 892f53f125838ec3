import type { mapVi } from './map-vi';

type Same<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };

/** Live map strings in English (same keys as map-vi.ts). */
export const mapEn: Same<typeof mapVi> = {
  'map.label': 'Map of citizen field reports, Thừa Thiên Huế province',
  'map.loading': 'Loading report points…',
  'map.loadError': (message) => `Could not load the map data: ${message}`,
  'map.total': (count) => `${count} reports on the map`,
  'map.totalOf': (shown, all) => `${shown} of ${all} reports on the map`,
  'map.overdueCount': (count) => `${count} overdue`,
  'map.empty': 'No report matches the filters.',

  'map.state.new': 'New, not assigned',
  'map.state.handling': 'Being handled',
  'map.state.due_soon': 'Due within 1 working day',
  'map.state.overdue': 'Overdue',
  'map.state.resolved': 'Resolved',
  'map.state.rejected': 'Rejected',

  'map.legend.title': 'Legend',
  'map.legend.cluster': 'Cluster: number of reports, ring split by state',

  'map.choropleth.label': 'Shade districts',
  'map.choropleth.off': 'No shading',
  'map.choropleth.open': 'Open reports per district',
  'map.choropleth.overdue': 'Overdue reports per district',
  'map.choropleth.openShort': 'Open',
  'map.choropleth.overdueShort': 'Overdue',

  'map.filters.label': 'Map filters',
  'map.filters.state': 'State',
  'map.filters.category': 'Category',
  'map.filters.agency': 'Handling unit',
  'map.filters.district': 'District',
  'map.filters.period': 'Closed within',
  'map.filters.search': 'Search',
  'map.filters.searchPlaceholder': 'e.g. rac thai, Lê Lợi',
  'map.filters.all': 'All',
  'map.filters.reset': 'Clear filters',
  'map.filters.lastState': 'At least one state must stay selected',
  'map.period.none': 'Open reports only',
  'map.period.1d': 'Last 24 hours',
  'map.period.7d': 'Last 7 days',
  'map.period.30d': 'Last 30 days',
  'map.period.90d': 'Last 90 days',

  'map.agencyKind.department': 'Provincial departments',
  'map.agencyKind.district_pc': 'District People’s Committees',
  'map.agencyKind.commune_pc': 'Commune People’s Committees',
  'map.agencyKind.public_service': 'Public-service units and companies',
  'map.agencyKind.central_agency': 'Centrally-run agencies',

  'map.tab.feed': 'Events',
  'map.tab.list': 'List',
  'map.list.title': 'Reports in view',
  'map.list.count': (count) => `${count} reports in the current view`,
  'map.list.empty': 'No report in this view.',
  'map.list.hint': 'Arrow keys move, Enter opens the report. The list follows the map.',
  'map.list.prev': 'Previous page',
  'map.list.next': 'Next page',
  'map.list.range': (from, to, total) => `${from}–${to} of ${total}`,
  'map.list.due': (when) => `Due ${when}`,
  'map.list.unassigned': 'Not assigned',
};
