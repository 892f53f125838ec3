import { readFileSync } from 'node:fs';
import { checkMappingTargets, open311MappingSchema, open311MappingTargets, type Open311Mapping } from '../../../shared/domain/open311';
import { referenceData } from '../../../shared/domain/reference';

export class MappingError extends Error {
  override name = 'MappingError';
}

/** Reads and checks a mapping file (null: the defaults). Problems name the key, e.g. `agencies.DPW: unknown handling unit 'x'`. */
export function loadOpen311Mapping(file: string | null): Open311Mapping {
  let raw: unknown = {};
  if (file !== null) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch (err) {
      throw new MappingError(`cannot read the mapping file ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const parsed = open311MappingSchema.safeParse(raw);
  if (!parsed.success) {
    throw new MappingError(`mapping file ${file ?? '(defaults)'}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n')}`);
  }
  const problems = checkMappingTargets(open311MappingTargets(parsed.data), referenceData());
  if (problems.length) throw new MappingError(`mapping file ${file ?? '(defaults)'}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return parsed.data;
}

/** The default source name: the endpoint's host (ids stay stable as long as the host does). */
export function defaultSourceName(url: string): string {
  return new URL(url).host.replace(/[^A-Za-z0-9.-]/g, '-');
}

/** Source names end up in every report and event id: short and plain. */
export function checkSourceName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/.test(name)) {
    throw new MappingError(`source name '${name}': use 1–60 letters, digits, '.', '_' or '-'`);
  }
  return name;
}
