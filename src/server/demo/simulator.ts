import { createLiveSource } from '../../../mocks/scenario/live-source';
import type { Log } from '../http/error-handler';
import type { Store } from '../store/store';
import { ingestGenerated } from './generated-ingest';

export interface Simulator {
  stop(): void;
}

/**
 * Keeps the demo alive: every tick, ingests what the scenario's live source has due and tells the
 * broadcaster, exactly as the ingest API does. It continues the reports already in the store, so a restart
 * picks up where the last run left off. A failing tick is logged and the next one tries again.
 */
export function startSimulator(deps: {
  store: Store;
  clock: () => Date;
  seed: number;
  speed: number;
  onIngested: () => void;
  log?: Log;
  tickMs?: number;
}): Simulator {
  const { store, clock, log } = deps;
  const source = createLiveSource({ seed: deps.seed, start: clock(), speed: deps.speed, openReports: store.openReports() });
  const tick = () => {
    try {
      const now = clock();
      const due = source.due(now);
      if (due.length === 0) return;
      const { stored } = ingestGenerated(store, due, now, log);
      if (stored > 0) deps.onIngested();
    } catch (err) {
      log?.error('demo: simulator tick failed:', err);
    }
  };
  const timer = setInterval(tick, deps.tickMs ?? 250);
  return { stop: () => clearInterval(timer) };
}
