import type { Agency, Category, District, MetaResponse, Ward } from '../../src/shared/contract/meta';
import { buildAreaIndex } from '../../src/shared/domain/area';
import type { AreaIndex } from '../../src/shared/domain/area';
import { districtBoundaries } from '../../src/shared/domain/reference';
import { foldText } from '../../src/shared/domain/text';
import { scenarioMeta } from './meta';

/** Reference data indexed the ways the generator looks things up; built once, shared by every generator. */
export interface World {
  meta: MetaResponse;
  area: AreaIndex;
  categories: ReadonlyMap<string, Category>;
  agencies: ReadonlyMap<string, Agency>;
  wards: ReadonlyMap<string, Ward>;
  districts: ReadonlyMap<string, District>;
  /** the People's Committee of a ward, for the wards that take part in the system */
  communePcOfWard: ReadonlyMap<string, Agency>;
  districtPcOf: ReadonlyMap<string, Agency>;
}

export const HUE_CITY = '474';

let cached: World | null = null;

export function scenarioWorld(): World {
  if (cached) return cached;
  const meta = scenarioMeta();
  const communeByName = new Map<string, Agency>();
  const districtPcOf = new Map<string, Agency>();
  for (const a of meta.agencies) {
    if (a.kind === 'commune_pc') communeByName.set(`${a.districtCode}|${foldText(a.name)}`, a);
    if (a.kind === 'district_pc' && a.districtCode) districtPcOf.set(a.districtCode, a);
  }
  // agencies.json carries no ward code (the contract has none), so the ward ↔ committee link is by name:
  // "UBND phường Phú Hội" is the committee of "Phường Phú Hội"
  const communePcOfWard = new Map<string, Agency>();
  for (const w of meta.wards) {
    const pc = communeByName.get(`${w.districtCode}|${foldText(`UBND ${w.name}`)}`);
    if (pc) communePcOfWard.set(w.code, pc);
  }
  cached = {
    meta,
    area: buildAreaIndex(districtBoundaries(), meta.wards),
    categories: new Map(meta.categories.map((c) => [c.id, c])),
    agencies: new Map(meta.agencies.map((a) => [a.id, a])),
    wards: new Map(meta.wards.map((w) => [w.code, w])),
    districts: new Map(meta.districts.map((d) => [d.code, d])),
    communePcOfWard,
    districtPcOf,
  };
  return cached;
}

/** Throws instead of returning undefined: the generator only asks for ids it took from the reference data. */
export function must<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`scenario: unknown ${what} '${String(key)}'`);
  return v;
}
