import type { MetaResponse } from '../../src/shared/contract/meta';
import { referenceData } from '../../src/shared/domain/reference';

/** The mock serves exactly the server's reference data, so the demo and the product cannot drift apart. */
export function scenarioMeta(): MetaResponse {
  return referenceData();
}
