import {
  lookupTable,
  mapOpen311Request,
  open311Fingerprint,
  planOpen311Events,
  type Open311Mapping,
  type Open311Target,
  type ReferenceNames,
} from '../../../shared/domain/open311';
import { ingestGroups, type EventGroup } from '../grouped-ingest';
import type { ImportSink } from '../sink';
import type { FetchStats, Open311Client } from './client';
import type { Open311State } from './state';

export interface Open311Summary {
  source: string;
  dryRun: boolean;
  windows: number;
  pages: number;
  /** records received, repeats across pages and windows included */
  fetched: number;
  /** distinct service_request_ids */
  unique: number;
  /** requests that got at least one new event (dry run: would get) */
  importedRecords: number;
  /** new events stored (dry run: planned) */
  importedEvents: number;
  /** events the store already had (their sourceEventId was ingested before) */
  duplicateEvents: number;
  /** requests already imported in this version (nothing sent) */
  unchangedRecords: number;
  skipped: { id: string; reason: string }[];
  /** source labels no mapping line matched, with how many requests carried them */
  unmappedServices: Record<string, number>;
  unmappedAgencies: Record<string, number>;
  /** requests placed at the ward named in their address (no coordinates) */
  locatedByAddress: number;
  notes: { id: string; note: string }[];
  warnings: string[];
  /** newest updated_datetime among the requests read (the poller's watermark) */
  newestUpdatedAt: string | null;
}

export interface Open311ImporterOptions {
  source: string;
  mapping: Open311Mapping;
  ref: ReferenceNames;
  sink: ImportSink;
  state: Open311State;
  dryRun?: boolean;
  geocode?: (address: string) => { lat: number; lng: number } | null;
  clock?: () => Date;
}

const bump = (m: Record<string, number>, k: string) => void (m[k] = (m[k] ?? 0) + 1);

/**
 * Turns batches of raw GeoReport requests into events and ingests them (decision 0007). Each request is
 * reconciled against our report as it is now (read from the sink when the request was imported before and
 * changed since), and its events go in one all-or-nothing batch; a request that cannot be imported is
 * reported with its id and reason and the rest go on.
 */
export function createOpen311Importer(opts: Open311ImporterOptions) {
  const { source, mapping, sink, state } = opts;
  const clock = opts.clock ?? (() => new Date());
  const dryRun = opts.dryRun ?? false;
  const category = lookupTable(
    mapping.services.byName,
    opts.ref.categories.map((c) => ({ id: c.id, names: [c.name, c.nameEn] })),
  );
  const agency = lookupTable(
    mapping.agencies,
    opts.ref.agencies.map((a) => ({ id: a.id, names: [a.name, a.shortName] })),
  );
  const summary: Open311Summary = {
    source,
    dryRun,
    windows: 0,
    pages: 0,
    fetched: 0,
    unique: 0,
    importedRecords: 0,
    importedEvents: 0,
    duplicateEvents: 0,
    unchangedRecords: 0,
    skipped: [],
    unmappedServices: {},
    unmappedAgencies: {},
    locatedByAddress: 0,
    notes: [],
    warnings: [],
    newestUpdatedAt: null,
  };
  // newest version seen per request in this run: a repeat (page overlap, window edge) older than it is dropped
  const seen = new Map<string, number>();
  const ids = new Set<string>();
  const skippedKeys = new Set<string>();
  const skip = (id: string, reason: string) => {
    const key = `${id}\u0000${reason}`;
    if (skippedKeys.has(key)) return;
    skippedKeys.add(key);
    summary.skipped.push({ id, reason });
  };

  async function processRecords(records: readonly unknown[]): Promise<void> {
    const now = clock();
    const latest = new Map<string, Open311Target>();
    for (const raw of records) {
      const m = mapOpen311Request(raw, { source, mapping, category, agency, geocode: opts.geocode, now });
      const rawId = m.ok ? m.target.requestId : m.requestId;
      if (!ids.has(rawId)) {
        ids.add(rawId);
        summary.unique += 1;
      }
      if (!m.ok) {
        skip(m.requestId, m.reason);
        continue;
      }
      const t = m.target;
      const version = Date.parse(t.updatedAt ?? t.requestedAt);
      if (summary.newestUpdatedAt === null || Date.parse(summary.newestUpdatedAt) < version) summary.newestUpdatedAt = new Date(version).toISOString();
      const before = seen.get(t.requestId);
      if (before !== undefined && before >= version) continue;
      seen.set(t.requestId, version);
      latest.set(t.requestId, t);
    }
    const targets = [...latest.values()].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.requestId.localeCompare(b.requestId));

    const groups: EventGroup<{ t: Open311Target; reportId: number | null; fingerprint: string }>[] = [];
    for (const t of targets) {
      if (t.unmappedService !== null) bump(summary.unmappedServices, t.unmappedService);
      if (t.unmappedAgency !== null) bump(summary.unmappedAgencies, t.unmappedAgency);
      if (t.locatedBy === 'address') summary.locatedByAddress += 1;
      const fingerprint = open311Fingerprint(t);
      const known = state.get(source, t.requestId);
      if (known && known.fingerprint === fingerprint) {
        summary.unchangedRecords += 1;
        continue;
      }
      let current = known ? await sink.report(known.reportId) : null;
      // a store replaced since the last import holds other reports under the same ids
      if (current && current.externalId !== t.externalId) current = null;
      const plan = planOpen311Events(t, current, { source, mapping, previousExpectedAt: known?.expectedAt ?? null });
      if (!plan.ok) {
        skip(t.requestId, plan.reason);
        continue;
      }
      for (const note of plan.notes) summary.notes.push({ id: t.requestId, note });
      groups.push({ key: { t, reportId: current?.id ?? null, fingerprint }, events: plan.events });
    }

    if (dryRun) {
      for (const g of groups) {
        if (g.events.length > 0) summary.importedRecords += 1;
        summary.importedEvents += g.events.length;
      }
      return;
    }
    for (const o of await ingestGroups(sink, groups)) {
      const { t, fingerprint } = o.key;
      if (!o.ok) {
        skip(t.requestId, o.reason);
        continue;
      }
      const stored = o.results.filter((r) => !r.duplicate).length;
      summary.importedEvents += stored;
      summary.duplicateEvents += o.results.length - stored;
      if (stored > 0) summary.importedRecords += 1;
      else summary.unchangedRecords += 1;
      const reportId = o.results[0]?.reportId ?? o.key.reportId;
      if (reportId !== null) state.put(source, t.requestId, { reportId, fingerprint, expectedAt: t.expectedAt });
    }
  }

  const addStats = (s: FetchStats) => {
    summary.windows += s.windows;
    summary.pages += s.pages;
    summary.fetched += s.received;
    summary.warnings.push(...s.warnings);
  };

  return {
    process: processRecords,
    summary: () => summary,
    /** a date range, window by window (the CLI) */
    async importRange(client: Open311Client, from: Date, to: Date): Promise<Open311Summary> {
      addStats(await client.range(from, to, processRecords));
      return summary;
    },
    /** what changed since `after` (the poller) */
    async importUpdated(client: Open311Client, after: Date, before: Date): Promise<Open311Summary> {
      addStats(await client.updatedSince(after, before, processRecords));
      return summary;
    },
  };
}
