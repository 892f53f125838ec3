import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { referenceData } from '../../../shared/domain/reference';
import { createAddressGeocoder } from '../address-geocoder';
import { chooseSink, parseArgs, parseCliInstant, UsageError } from '../cli-common';
import { SinkError } from '../sink';
import { createOpen311Client, Open311FetchError } from './client';
import { createOpen311Importer } from './importer';
import { checkSourceName, defaultSourceName, loadOpen311Mapping, MappingError } from './mapping-file';
import { openOpen311State } from './state';
import { formatOpen311Summary } from './summary-text';

const USAGE = `npm run import:open311 -- --url <GeoReport v2 endpoint> [--from <date>] [--to <date>] [options]

  --url URL          the endpoint (…/requests.json is appended unless given); keep jurisdiction_id/api_key in its query
  --from, --to       requested_datetime range: 2024-01-01 (a Vietnam-local day; --to includes that day) or an
                     ISO date-time (no offset = UTC+7). Default: the 90 days up to now. Read in windows of ≤ 90 days.
  --mapping FILE     JSON mapping: services → categoryId, agencies → agencyId, defaults (docs/decisions/0007)
  --source NAME      names the source in report/event ids (default: the endpoint's host); keep it stable
  --page-size N      page_size of the paging extension (default 100; 0 = do not page)
  --dry-run          fetch and check, write nothing
  --json             print the summary as JSON
  Where events go (default: the server on 127.0.0.1:$PORT if it answers, else DATA_DIR directly):
  --server URL       a running server's ingest API (token: --token, INGEST_TOKEN or DATA_DIR/tokens.json)
  --data-dir DIR     straight into DIR/paht.sqlite (stop the server first, or its live clients miss the import)
  --state FILE       the importer's memory (default: <data dir>/open311-state.sqlite)`;

async function main(argv: string[]): Promise<number> {
  const { values, flags } = parseArgs(argv, {
    values: ['url', 'from', 'to', 'mapping', 'source', 'server', 'token', 'data-dir', 'state', 'page-size'],
    flags: ['dry-run', 'json', 'help'],
  });
  if (flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (!values.url) throw new UsageError('--url is required');
  try {
    new URL(values.url);
  } catch {
    throw new UsageError(`--url '${values.url}' is not a URL`);
  }
  const to = values.to ? parseCliInstant(values.to, 'to', true) : new Date();
  const from = values.from ? parseCliInstant(values.from, 'from') : new Date(to.getTime() - 90 * 86_400_000);
  if (from >= to) throw new UsageError('--from must be before --to');
  const pageSize = values['page-size'] === undefined ? 100 : Number(values['page-size']);
  if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > 10_000) throw new UsageError('--page-size: a whole number 0–10000');
  const mapping = loadOpen311Mapping(values.mapping ?? null);
  const source = checkSourceName(values.source ?? defaultSourceName(values.url));

  const chosen = await chooseSink(values, process.env);
  const stateFile = values.state ?? join(chosen.dataDir, 'open311-state.sqlite');
  if (!values.state) mkdirSync(chosen.dataDir, { recursive: true });
  const state = openOpen311State(stateFile);
  try {
    const ref = referenceData();
    const importer = createOpen311Importer({
      source,
      mapping,
      ref,
      sink: chosen.sink,
      state,
      dryRun: flags.has('dry-run'),
      geocode: createAddressGeocoder(ref.wards, ref.districts),
    });
    const summary = await importer.importRange(createOpen311Client({ url: values.url, pageSize }), from, to);
    console.log(flags.has('json') ? JSON.stringify({ ...summary, from: from.toISOString(), to: to.toISOString(), where: chosen.where }, null, 2) : formatOpen311Summary(summary, { where: chosen.where }));
    return 0;
  } finally {
    state.close();
    chosen.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (err instanceof MappingError || err instanceof Open311FetchError || err instanceof SinkError) {
      console.error(`import stopped: ${err.message}`);
      process.exit(1);
    }
    console.error(err);
    process.exit(1);
  },
);
