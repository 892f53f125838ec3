import { metaResponse } from '../contract/meta';
import type { MetaResponse } from '../contract/meta';
import agenciesJson from '../data/agencies.json';
import categoriesJson from '../data/categories.json';
import { districtBoundaries, districts, wards } from './admin-units';

export { districtBoundaries };

let cached: MetaResponse | null = null;

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
}

/**
 * Checks what the schemas cannot: ids are unique and references point at something. Reference data is
 * shipped with the product, so a mistake in it is a build defect and must fail loudly at load, not show up
 * later as reports routed to a unit nobody can find.
 */
function checkReferences(meta: MetaResponse): void {
  const problems: string[] = [];
  const dupAgencies = duplicates(meta.agencies.map((a) => a.id));
  if (dupAgencies.length) problems.push(`duplicate agency ids: ${dupAgencies.join(', ')}`);
  const dupCategories = duplicates(meta.categories.map((c) => c.id));
  if (dupCategories.length) problems.push(`duplicate category ids: ${dupCategories.join(', ')}`);
  const agencyIds = new Set(meta.agencies.map((a) => a.id));
  const districtCodes = new Set(meta.districts.map((d) => d.code));
  for (const a of meta.agencies) {
    if (a.parentId !== null && !agencyIds.has(a.parentId)) problems.push(`agency ${a.id}: unknown parent ${a.parentId}`);
    if (a.districtCode !== null && !districtCodes.has(a.districtCode)) problems.push(`agency ${a.id}: unknown district ${a.districtCode}`);
  }
  for (const w of meta.wards) {
    if (!districtCodes.has(w.districtCode)) problems.push(`ward ${w.code}: unknown district ${w.districtCode}`);
  }
  if (problems.length) throw new Error(`reference data is malformed:\n${problems.join('\n')}`);
}

/** Reference data shipped with the product: districts and wards (GSO 2019), handling units, categories. */
export function referenceData(): MetaResponse {
  if (cached) return cached;
  const parsed = metaResponse.safeParse({
    agencies: agenciesJson,
    categories: categoriesJson,
    districts: districts(),
    wards: wards(),
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`reference data is malformed:\n${lines.join('\n')}`);
  }
  checkReferences(parsed.data);
  cached = parsed.data;
  return cached;
}
