import type { KpisResponse, PeriodFigures } from '../../../../shared/contract/stats';

export type KpiId = 'received' | 'qualified' | 'rejected' | 'resolved' | 'onTime' | 'lateExtended' | 'late' | 'satisfaction' | 'overdueNow';
export const KPI_IDS: readonly KpiId[] = ['received', 'qualified', 'rejected', 'resolved', 'onTime', 'lateExtended', 'late', 'satisfaction', 'overdueNow'];

/** A figure as shown: a count, or a share with the count and the base it is a share of. */
export interface KpiValue {
  kind: 'count' | 'share';
  count: number;
  /** shares: the denominator (resolved, rated, received) */
  base: number;
  /** shares: count / base; null when the base is 0 */
  share: number | null;
}

const count = (n: number): KpiValue => ({ kind: 'count', count: n, base: n, share: null });
const share = (n: number, base: number): KpiValue => ({ kind: 'share', count: n, base, share: base === 0 ? null : n / base });

export function kpiValue(id: KpiId, f: PeriodFigures, overdueNow: number): KpiValue {
  switch (id) {
    case 'received':
      return count(f.received);
    case 'qualified':
      return share(f.qualified, f.received);
    case 'rejected':
      return share(f.rejected, f.received);
    case 'resolved':
      return count(f.resolved);
    case 'onTime':
      return share(f.onTime, f.resolved);
    case 'lateExtended':
      return share(f.lateExtended, f.resolved);
    case 'late':
      return share(f.late, f.resolved);
    case 'satisfaction':
      return share(f.satisfied, f.rated);
    case 'overdueNow':
      return count(overdueNow);
  }
}

/** The change against the previous period: relative for counts, in percentage points for shares. */
export function kpiDelta(id: KpiId, k: KpisResponse): { kind: 'count' | 'points'; value: number } | null {
  if (id === 'overdueNow') return null;
  const now = kpiValue(id, k.current, k.overdueNow);
  const before = kpiValue(id, k.previous, k.overdueNow);
  if (now.kind === 'share') {
    if (now.share === null || before.share === null) return null;
    return { kind: 'points', value: (now.share - before.share) * 100 };
  }
  if (before.count === 0) return null;
  return { kind: 'count', value: (now.count - before.count) / before.count };
}

/** Colour of a change: for these figures, up is good, down is bad, or neither. */
export const KPI_POLARITY: Record<KpiId, 'up_good' | 'down_good' | 'neutral'> = {
  received: 'neutral',
  qualified: 'neutral',
  rejected: 'neutral',
  resolved: 'up_good',
  onTime: 'up_good',
  lateExtended: 'down_good',
  late: 'down_good',
  satisfaction: 'up_good',
  overdueNow: 'down_good',
};

/** The list filter of each figure (its drill-down), for the period [from, to). */
export function kpiFilter(id: KpiId, from: string, to: string): Record<string, string> {
  const received = { from, to };
  const resolved = { resolvedFrom: from, resolvedTo: to };
  switch (id) {
    case 'received':
      return received;
    case 'qualified':
      return { ...received, status: 'assigned,in_progress,resolved,reopened' };
    case 'rejected':
      return { ...received, status: 'rejected' };
    case 'resolved':
      return resolved;
    case 'onTime':
      return { ...resolved, timeliness: 'on_time' };
    case 'lateExtended':
      return { ...resolved, timeliness: 'late_extended' };
    case 'late':
      return { ...resolved, timeliness: 'late' };
    case 'satisfaction':
      return { ratedFrom: from, ratedTo: to, rating: 'satisfied,acceptable' };
    case 'overdueNow':
      return { overdue: 'true' };
  }
}
