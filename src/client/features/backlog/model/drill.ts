import type { ReportFilter } from '../../../../shared/contract/api';
import type { AgencyStatsQuery, AgencyStatsResponse } from '../../../../shared/contract/backlog';
import { drillDownFilter, type DrillFigure, type DrillScope } from '../../../../shared/domain/rollup-drill';

/** An open drill-down: which figure was clicked, the number shown, and the list filter behind it. */
export interface Drill {
  figure: DrillFigure;
  /** what the figure is called ("Quá hạn", "4–7 ngày") */
  figureLabel: string;
  /** whose figure it is (a unit's name, "others", all units) */
  scopeLabel: string;
  /** the number that was clicked: the list must have exactly this many reports */
  count: number;
  filter: ReportFilter;
}

export function makeDrill(
  query: AgencyStatsQuery,
  stats: Pick<AgencyStatsResponse, 'from' | 'to'>,
  scope: DrillScope,
  figure: DrillFigure,
  count: number,
  labels: { figure: string; scope: string },
): Drill {
  return { figure, figureLabel: labels.figure, scopeLabel: labels.scope, count, filter: drillDownFilter(query, stats, scope, figure) };
}
