/**
 * An independent reading of the quarterly emulation table straight from the raw event log, for the tests. It
 * shares no code with src/shared/domain/scoring: it replays each report with the workflow reducer (applyEvent)
 * and asks the report's state the plain questions of decision 0005 (resolved on time? overdue at the quarter's
 * end? rating standing? dispute answered within 2 working days?). If the two disagree, one of them is wrong.
 */
import type { StoredEvent } from '../../src/shared/contract/event';
import type { Agency } from '../../src/shared/contract/meta';
import type { Report } from '../../src/shared/contract/report';
import type { ScoringConfig } from '../../src/shared/contract/rankings';
import { addWorkingDays } from '../../src/shared/domain/calendar';
import { isOverdue, timelinessOf } from '../../src/shared/domain/timeliness';
import { applyEvent } from '../../src/shared/domain/workflow';

export type Key = 'onTime' | 'satisfaction' | 'handling' | 'interaction';
export const KEYS: Key[] = ['onTime', 'satisfaction', 'handling', 'interaction'];

export interface OracleUnit {
  agencyId: string;
  num: Record<Key, number>;
  den: Record<Key, number>;
  volume: number;
  score: number | null;
  rank: number | null;
  groupRank: number | null;
  /** report ids behind each denominator (a report may appear once per round) */
  ids: Record<Key, number[]>;
}

/** Vietnam quarter bounds, computed here from first principles. */
export function quarterRange(quarter: string): { from: number; to: number } {
  const [y, q] = quarter.split('-Q').map(Number) as [number, number];
  return { from: Date.UTC(y, (q - 1) * 3, 1) - 7 * 3_600_000, to: Date.UTC(y, q * 3, 1) - 7 * 3_600_000 };
}

export function oracleQuarter(allEvents: Iterable<StoredEvent>, agencies: readonly Agency[], quarter: string, now: Date, config: ScoringConfig): Map<string, OracleUnit> {
  const { from, to } = quarterRange(quarter);
  const asOf = Math.min(to, now.getTime());
  const inQ = (t: number) => t >= from && t < asOf;
  const units = new Map<string, OracleUnit>();
  const volumes = new Map<string, Set<number>>();
  const unitOf = (id: string) => {
    let u = units.get(id);
    if (!u) {
      u = {
        agencyId: id,
        num: { onTime: 0, satisfaction: 0, handling: 0, interaction: 0 },
        den: { onTime: 0, satisfaction: 0, handling: 0, interaction: 0 },
        volume: 0,
        score: null,
        rank: null,
        groupRank: null,
        ids: { onTime: [], satisfaction: [], handling: [], interaction: [] },
      };
      units.set(id, u);
      volumes.set(id, new Set());
    }
    return u;
  };
  for (const a of agencies) unitOf(a.id);
  const count = (agencyId: string | null, key: Key, reportId: number, ok: boolean) => {
    if (agencyId === null) return;
    const u = unitOf(agencyId);
    u.den[key] += 1;
    if (ok) u.num[key] += 1;
    u.ids[key].push(reportId);
    if (key === 'onTime' || key === 'handling') volumes.get(agencyId)?.add(reportId);
  };

  const byReport = new Map<number, StoredEvent[]>();
  for (const e of allEvents) {
    if (!(Date.parse(e.at) < asOf)) continue;
    const list = byReport.get(e.reportId) ?? [];
    list.push(e);
    byReport.set(e.reportId, list);
  }

  for (const [reportId, events] of byReport) {
    events.sort((a, b) => a.seq - b.seq);
    // the report's state after each event
    const states: Report[] = [];
    let s: Report | null = null;
    for (const e of events) {
      s = applyEvent(s, e);
      states.push(s);
    }
    const last = states.at(-1) as Report;

    // on time: each resolution in the quarter, judged by the state right after it
    events.forEach((e, i) => {
      if (e.type !== 'resolved' || !inQ(Date.parse(e.at))) return;
      const st = states[i] as Report;
      count(st.agencyId, 'onTime', reportId, timelinessOf(st, new Date(e.at)) === 'on_time');
    });
    // …and the report overdue at the end (as of asOf)
    if (isOverdue(last, new Date(asOf))) count(last.agencyId, 'onTime', reportId, false);

    // handling: rounds split at reopenings; a round's original deadline is the one its last state shows
    const starts = events.map((e, i) => (e.type === 'created' || e.type === 'reopened' ? i : -1)).filter((i) => i >= 0);
    starts.forEach((start, k) => {
      const end = (starts[k + 1] ?? events.length) - 1;
      const endState = states[end] as Report;
      if (endState.status === 'rejected' || endState.originalDueAt === null) return;
      const due = Date.parse(endState.originalDueAt);
      if (!inQ(due)) return;
      let resolvedIdx = -1;
      for (let i = start; i <= end; i++) if (events[i]?.type === 'resolved') resolvedIdx = i;
      const who = resolvedIdx >= 0 ? (states[resolvedIdx] as Report).agencyId : last.agencyId;
      count(who, 'handling', reportId, resolvedIdx >= 0);
    });

    // satisfaction: the rating the report shows at the end, if given in the quarter
    if (last.rating !== null && last.ratedAt !== null && inQ(Date.parse(last.ratedAt))) {
      count(last.agencyId, 'satisfaction', reportId, last.rating === 'satisfied' || last.rating === 'acceptable');
    }

    // interaction: dispute episodes, decided in the quarter
    let open: { at: number; deadline: number } | null = null;
    const decide = (ep: { at: number; deadline: number }, answeredAt: number | null) => {
      const inTime = answeredAt !== null && answeredAt <= ep.deadline;
      const decidedAt = inTime ? (answeredAt as number) : ep.deadline;
      if (!inQ(decidedAt)) return;
      // the unit holding the report at the decision: the state after the last event at or before it
      let who: string | null = null;
      events.forEach((e, i) => {
        if (Date.parse(e.at) <= decidedAt) who = (states[i] as Report).agencyId;
      });
      count(who, 'interaction', reportId, inTime);
    };
    events.forEach((e, i) => {
      const before = i > 0 ? (states[i - 1] as Report) : null;
      const at = Date.parse(e.at);
      const author = (e.data as { author?: string }).author;
      const isDispute = e.type === 'reopened' || (e.type === 'commented' && author === 'citizen' && before?.status === 'resolved');
      const isAnswer = (e.type === 'commented' && author === 'agency') || e.type === 'started' || e.type === 'extended' || e.type === 'resolved';
      if (isDispute && open === null) open = { at, deadline: addWorkingDays(new Date(at), 2).getTime() };
      else if (isAnswer && open !== null) {
        decide(open, at);
        open = null;
      }
    });
    if (open !== null) decide(open, null);
  }

  // score: weighted mean of the rates that exist, ×100, 2 decimals
  for (const u of units.values()) {
    u.volume = volumes.get(u.agencyId)?.size ?? 0;
    let sum = 0;
    let w = 0;
    for (const k of KEYS) {
      if (u.den[k] === 0) continue;
      sum += config.weights[k] * (u.num[k] / u.den[k]);
      w += config.weights[k];
    }
    u.score = w > 0 ? Math.round((sum / w) * 100 * 100) / 100 : null;
  }
  // ranks: score, on-time rate, satisfaction rate, volume; equal → same rank
  const rate = (u: OracleUnit, k: Key) => (u.den[k] === 0 ? -1 : u.num[k] / u.den[k]);
  const better = (a: OracleUnit, b: OracleUnit) =>
    (a.score as number) - (b.score as number) || rate(a, 'onTime') - rate(b, 'onTime') || rate(a, 'satisfaction') - rate(b, 'satisfaction') || a.volume - b.volume;
  const kindOf = new Map(agencies.map((a) => [a.id, a.kind]));
  const ranked = [...units.values()].filter((u) => u.score !== null && u.volume >= config.minVolume);
  for (const u of ranked) {
    u.rank = 1 + ranked.filter((o) => better(o, u) > 0).length;
    u.groupRank = 1 + ranked.filter((o) => kindOf.get(o.agencyId) === kindOf.get(u.agencyId) && better(o, u) > 0).length;
  }
  return units;
}

/** A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export interface OracleDispute {
  reportId: number;
  at: number;
  deadline: number;
  answeredAt: number | null;
  agencyId: string | null;
}

/**
 * Every dispute episode in the log as of `now`: opened by a reopening or a citizen comment on a resolved report,
 * closed by the unit's next action (its comment, started, extended, resolved). The unit is the one holding the
 * report when the answer came in time, else when the 2 working days ran out (or now, if they have not).
 */
export function oracleDisputes(allEvents: Iterable<StoredEvent>, now: Date): OracleDispute[] {
  const byReport = new Map<number, StoredEvent[]>();
  for (const e of allEvents) {
    if (!(Date.parse(e.at) < now.getTime())) continue;
    byReport.set(e.reportId, [...(byReport.get(e.reportId) ?? []), e]);
  }
  const out: OracleDispute[] = [];
  for (const [reportId, events] of byReport) {
    let s: Report | null = null;
    const agencyAfter: [number, string | null][] = [];
    let open: OracleDispute | null = null;
    for (const e of events.sort((a, b) => a.seq - b.seq)) {
      const before: Report | null = s;
      s = applyEvent(s, e);
      agencyAfter.push([Date.parse(e.at), s.agencyId]);
      const author = (e.data as { author?: string }).author;
      const at = Date.parse(e.at);
      if (open === null && (e.type === 'reopened' || (e.type === 'commented' && author === 'citizen' && before?.status === 'resolved'))) {
        open = { reportId, at, deadline: addWorkingDays(new Date(at), 2).getTime(), answeredAt: null, agencyId: null };
        out.push(open);
      } else if (open !== null && ((e.type === 'commented' && author === 'agency') || ['started', 'extended', 'resolved'].includes(e.type))) {
        open.answeredAt = at;
        open = null;
      }
    }
    for (const d of out.filter((x) => x.reportId === reportId)) {
      const t = d.answeredAt !== null && d.answeredAt <= d.deadline ? d.answeredAt : Math.min(d.deadline, now.getTime());
      d.agencyId = agencyAfter.filter(([at]) => at <= t).at(-1)?.[1] ?? null;
    }
  }
  return out;
}
