/** What a figure drills down to: a title and the list filter (GET /api/v1/reports) that yields its reports. */
export interface Drill {
  title: string;
  /** context under the title: period, filters */
  subtitle?: string;
  filter: Record<string, string>;
}

export type OnDrill = (drill: Drill) => void;

/** The dimensions of a statistics query as list-filter fields. */
export function dimsFilter(q: { categoryId?: string; districtCode?: string; agencyId?: string }): Record<string, string> {
  const f: Record<string, string> = {};
  if (q.categoryId) f.categoryId = q.categoryId;
  if (q.districtCode) f.districtCode = q.districtCode;
  if (q.agencyId) f.agencyId = q.agencyId;
  return f;
}
