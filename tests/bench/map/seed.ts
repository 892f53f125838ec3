import type { EventInput } from '../../../src/shared/contract/event';
import { referenceData } from '../../../src/shared/domain/reference';
import type { Store } from '../../../src/server/store/store';

/** A small deterministic PRNG (mulberry32): the same 100k reports every run. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Seeded {
  /** externalIds by what the stream can do next with them */
  received: string[];
  assigned: string[];
  started: string[];
  ms: number;
  events: number;
}

/**
 * `count` open reports around the province's wards (city wards weighted up, a Gaussian spread of ~1 km), received
 * over the last 12 days, 40 % assigned to a unit: the mix of new, handling, due-soon and overdue a busy centre has.
 */
export function seedOpenReports(store: Store, count: number, now: Date, seed = 2019): Seeded {
  const ref = referenceData();
  const r = rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(r() + 1e-12)) * Math.cos(2 * Math.PI * r());
  const wards = ref.wards.flatMap((w) => (w.districtCode === '474' ? [w, w, w, w] : [w]));
  const units = ref.agencies;
  const out: Seeded = { received: [], assigned: [], started: [], ms: 0, events: 0 };
  const t0 = performance.now();
  let batch: EventInput[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    store.ingest(batch, now);
    out.events += batch.length;
    batch = [];
  };
  for (let i = 0; i < count; i++) {
    const w = wards[Math.floor(r() * wards.length)] ?? wards[0];
    const cat = ref.categories[Math.floor(r() * ref.categories.length)] ?? ref.categories[0];
    if (!w || !cat) throw new Error('reference data missing');
    const at = new Date(now.getTime() - Math.floor(r() * 12 * 86_400_000));
    const ext = `BENCH-${i}`;
    batch.push({
      type: 'created',
      sourceEventId: `bench-c-${i}`,
      externalId: ext,
      at: at.toISOString(),
      title: `Phản ánh thử nghiệm số ${i}`,
      description: '',
      categoryId: cat.id,
      lat: w.lat + gauss() * 0.008,
      lng: w.lng + gauss() * 0.008,
      address: `${w.name}`,
      channel: 'app',
      media: [],
      urgent: false,
    } as EventInput);
    if (r() < 0.4) {
      const unit = units[Math.floor(r() * units.length)];
      batch.push({
        type: 'assigned',
        sourceEventId: `bench-a-${i}`,
        externalId: ext,
        at: new Date(Math.min(now.getTime(), at.getTime() + 3_600_000)).toISOString(),
        agencyId: unit?.id ?? '',
        coordinatingAgencyIds: [],
      } as EventInput);
      out.assigned.push(ext);
    } else {
      out.received.push(ext);
    }
    if (batch.length >= 1000) flush();
  }
  flush();
  out.ms = performance.now() - t0;
  return out;
}
