// STUB — to be implemented (helper "domain").
import type { Ward } from '../contract/meta';

export interface AreaIndex {
  /** district by point-in-polygon on the district boundaries; ward = nearest ward point in that district */
  locate(lat: number, lng: number): { districtCode: string | null; wardCode: string | null };
}
export interface DistrictFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { code: string; name: string }; geometry: { type: 'MultiPolygon' | 'Polygon'; coordinates: unknown } }[];
}
export function buildAreaIndex(_districts: DistrictFeatureCollection, _wards: readonly Ward[]): AreaIndex {
  throw new Error('not implemented');
}
