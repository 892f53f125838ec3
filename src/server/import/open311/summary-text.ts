import type { Open311Summary } from './importer';

const top = (m: Record<string, number>, n = 10) =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([k, v]) => `"${k}" ×${v}`)
    .join(', ');

/** The operator's summary of an Open311 import: what came, what went in, what did not and why. */
export function formatOpen311Summary(s: Open311Summary, opts: { where: string; maxSkipped?: number }): string {
  const lines: string[] = [];
  const would = s.dryRun ? 'would import' : 'imported';
  lines.push(`Open311 import (source ${s.source}) → ${s.dryRun ? 'DRY RUN, nothing written; ' : ''}${opts.where}`);
  lines.push(`  fetched:    ${s.fetched} records in ${s.windows} window(s), ${s.pages} page(s); ${s.unique} distinct requests`);
  lines.push(`  ${would}:   ${s.importedEvents} events for ${s.importedRecords} requests`);
  if (!s.dryRun) lines.push(`  duplicates: ${s.duplicateEvents} events already stored; ${s.unchangedRecords} requests unchanged since the last import`);
  else lines.push(`  unchanged:  ${s.unchangedRecords} requests unchanged since the last import`);
  lines.push(`  skipped:    ${s.skipped.length} requests`);
  const max = opts.maxSkipped ?? 50;
  for (const k of s.skipped.slice(0, max)) lines.push(`    #${k.id}: ${k.reason}`);
  if (s.skipped.length > max) lines.push(`    … and ${s.skipped.length - max} more (--json lists them all)`);
  if (s.locatedByAddress) lines.push(`  located by the ward in their address (no coordinates): ${s.locatedByAddress}`);
  if (Object.keys(s.unmappedServices).length) lines.push(`  services with no mapping (default category): ${top(s.unmappedServices)}`);
  if (Object.keys(s.unmappedAgencies).length) lines.push(`  agencies with no mapping (left unassigned): ${top(s.unmappedAgencies)}`);
  for (const n of s.notes.slice(0, 20)) lines.push(`  note #${n.id}: ${n.note}`);
  for (const w of s.warnings) lines.push(`  warning: ${w}`);
  return lines.join('\n');
}
