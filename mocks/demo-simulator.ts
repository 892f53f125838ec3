import type { EventInput } from '../src/shared/contract/event';
import { DomainError } from '../src/shared/domain/errors';
import { MockIngestError } from './memory-store';
import type { MemoryStore } from './memory-store';
import { createLiveSource } from './scenario/live-source';

export interface MockSimulator {
  stop(): void;
}

/**
 * Keeps the server-less demo alive the way the server's simulator does: every tick, ingest what the
 * scenario's live source has due. An input the rules refuse is dropped alone (the rest of the tick stays).
 */
export function startMockSimulator(store: MemoryStore, opts: { seed?: number; speed?: number; tickMs?: number } = {}): MockSimulator {
  const source = createLiveSource({ seed: opts.seed ?? 2019, start: store.now(), speed: opts.speed ?? 60, openReports: store.openReports() });
  const ingest = (inputs: EventInput[]) => {
    let pending = inputs;
    while (pending.length > 0) {
      try {
        store.ingest(pending);
        return;
      } catch (err) {
        if (!(err instanceof MockIngestError) || !(err.cause instanceof DomainError)) throw err;
        pending = pending.filter((_, i) => i !== err.index);
      }
    }
  };
  const timer = setInterval(() => {
    try {
      const due = source.due(store.now());
      if (due.length > 0) ingest(due);
    } catch (err) {
      console.error('demo simulator tick failed', err);
    }
  }, opts.tickMs ?? 250);
  return { stop: () => clearInterval(timer) };
}
