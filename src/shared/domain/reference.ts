// STUB — to be implemented (helper "domain" writes districts/wards; helper "scenario" writes agencies/categories JSON).
import type { MetaResponse } from '../contract/meta';
import type { DistrictFeatureCollection } from './area';

/** Reference data shipped with the product: districts and wards (GSO 2019), handling units, categories. */
export function referenceData(): MetaResponse {
  throw new Error('not implemented');
}
export function districtBoundaries(): DistrictFeatureCollection {
  throw new Error('not implemented');
}
