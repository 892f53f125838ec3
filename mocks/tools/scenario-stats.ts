/**
 * Prints the measured rates of a generated history next to the targets of DOMAIN.md.
 * Run: npx tsx mocks/tools/scenario-stats.ts [--seed 2019] [--days 90] [--end 2024-11-20T10:00:00Z]
 * Outcomes are judged for reports received ≥ 30 days before the end (their lives are complete by then).
 */
import { parseArgs } from 'node:util';
import { createHistory } from '../scenario/history';
import { formatStats, measureEvents } from '../scenario/stats';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '2019' },
    days: { type: 'string', default: '90' },
    end: { type: 'string', default: new Date().toISOString() },
    scale: { type: 'string', default: '1' },
  },
});
const end = new Date(values.end);
const started = performance.now();
const stats = measureEvents(createHistory({ seed: Number(values.seed), end, days: Number(values.days), scale: Number(values.scale) }).events(), end, {
  cohortBefore: new Date(end.getTime() - 30 * 86_400_000),
});
console.log(`seed ${values.seed}, ${values.days} days ending ${end.toISOString()}, scale ${values.scale}`);
console.log(formatStats(stats));
if (stats.refusals.length) console.log('refusals:\n' + stats.refusals.join('\n'));
console.log(`(${Math.round(performance.now() - started)} ms)`);
