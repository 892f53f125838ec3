import type { District, Ward } from '../contract/meta';
import register from '../data/admin-units-2019.json';
import boundaries from '../data/thua-thien-hue-districts.json';
import wardPoints from '../data/ward-points.json';
import type { DistrictFeatureCollection } from './area';

// Administrative units are data (they changed in 2021 and twice in 2025): this module only joins the shipped
// files — the GSO register (names, codes), the boundaries (short names) and the synthetic ward points.

const points: Readonly<Record<string, readonly number[] | undefined>> = wardPoints;

let districtList: District[] | null = null;
let wardList: Ward[] | null = null;

export function districts(): District[] {
  districtList ??= register.districts.map((d) => {
    const feature = boundaries.features.find((f) => f.properties.code === d.code);
    if (!feature) throw new Error(`district ${d.code} has no boundary in thua-thien-hue-districts.json`);
    return { code: d.code, name: d.name, shortName: feature.properties.shortName, kind: d.kind };
  });
  return districtList.map((d) => ({ ...d }));
}

export function wards(): Ward[] {
  wardList ??= register.districts.flatMap((d) =>
    d.wards.map((w) => {
      const p = points[w.code];
      const lat = p?.[0];
      const lng = p?.[1];
      // a ward without a point could never be located: a stale ward-points.json is a build defect
      if (lat === undefined || lng === undefined) throw new Error(`ward ${w.code} has no point in ward-points.json: run mocks/tools/gen-ward-points.ts`);
      return { code: w.code, name: w.name, kind: w.kind, districtCode: d.code, lat, lng };
    }),
  );
  return wardList.map((w) => ({ ...w }));
}

export function districtBoundaries(): DistrictFeatureCollection {
  return boundaries as DistrictFeatureCollection;
}
