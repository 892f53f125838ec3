import { join } from 'node:path';
import type { ReferenceNames } from '../../../shared/domain/open311';
import { referenceData } from '../../../shared/domain/reference';
import type { Store } from '../../store/store';
import { createAddressGeocoder } from '../address-geocoder';
import { storeSink } from '../sink';
import { createOpen311Client } from './client';
import { createOpen311Importer, type Open311Summary } from './importer';
import { checkSourceName, defaultSourceName, loadOpen311Mapping } from './mapping-file';
import { openOpen311State, type Open311State } from './state';

export interface Open311PollConfig {
  url: string;
  pollSeconds: number;
  mappingFile: string | null;
  source: string | null;
  /** the first poll reads requests updated in this many days before it */
  initialDays: number;
  pageSize: number;
}

type Log = Pick<Console, 'info' | 'warn' | 'error'>;

export interface Open311Poller {
  /** one poll now (also what the timer runs); resolves when it is done */
  pollNow(): Promise<Open311Summary | null>;
  stop(): Promise<void>;
}

/** Polls overlap the last one by this much: records updated in the same second are read again, harmlessly. */
const OVERLAP_MS = 60_000;

/**
 * The server's Open311 source: every `pollSeconds` it asks the endpoint for requests updated since the newest
 * updated_datetime it has seen (updated_after; kept in DATA_DIR/open311-state.sqlite, so a restart continues
 * where it stopped), and ingests them through the store like the ingest API does, then notifies the live
 * broadcaster. A poll that fails is logged and retried at the next tick without moving the watermark.
 */
export function startOpen311Poller(deps: {
  store: Store;
  clock: () => Date;
  config: Open311PollConfig;
  dataDir: string;
  onIngested: () => void;
  log: Log;
  fetchImpl?: typeof fetch;
  state?: Open311State;
}): Open311Poller {
  const { config, clock, log } = deps;
  const mapping = loadOpen311Mapping(config.mappingFile);
  const source = checkSourceName(config.source ?? defaultSourceName(config.url));
  const state = deps.state ?? openOpen311State(join(deps.dataDir, 'open311-state.sqlite'));
  const ownsState = deps.state === undefined;
  const meta = referenceData();
  const ref: ReferenceNames = { categories: deps.store.meta().categories, agencies: deps.store.meta().agencies };
  const geocode = createAddressGeocoder(meta.wards, meta.districts);
  const client = createOpen311Client({ url: config.url, pageSize: config.pageSize, fetchImpl: deps.fetchImpl });
  const sink = storeSink(deps.store, clock, deps.onIngested);

  let running: Promise<Open311Summary | null> | null = null;
  let stopped = false;

  const poll = async (): Promise<Open311Summary | null> => {
    const now = clock();
    const mark = state.watermark(source);
    const after = mark ? new Date(Date.parse(mark) - OVERLAP_MS) : new Date(now.getTime() - config.initialDays * 86_400_000);
    const importer = createOpen311Importer({ source, mapping, ref, sink, state, geocode, clock });
    try {
      const s = await importer.importUpdated(client, after, now);
      if (s.newestUpdatedAt && (!mark || s.newestUpdatedAt > mark)) state.setWatermark(source, s.newestUpdatedAt);
      if (s.importedEvents || s.skipped.length) {
        log.info(`open311 ${source}: ${s.fetched} fetched, ${s.importedEvents} events stored for ${s.importedRecords} requests, ${s.skipped.length} skipped`);
        for (const k of s.skipped.slice(0, 20)) log.warn(`open311 ${source}: skipped #${k.id}: ${k.reason}`);
      }
      return s;
    } catch (err) {
      log.error(`open311 ${source}: poll failed (retrying in ${config.pollSeconds} s): ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  };

  const pollNow = () => {
    // one poll at a time: a slow endpoint must not make polls pile up
    running ??= poll().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped && !running) void pollNow();
  }, config.pollSeconds * 1000);
  timer.unref();
  // first poll right away, so a freshly configured server shows the source without waiting a period
  void pollNow();

  return {
    pollNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      if (ownsState) state.close();
    },
  };
}
