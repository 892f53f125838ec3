import { referenceData } from '../../../shared/domain/reference';
import { createAddressGeocoder } from '../address-geocoder';
import { chooseSink, parseArgs, UsageError } from '../cli-common';
import { MappingError } from '../open311/mapping-file';
import { SinkError } from '../sink';
import { CsvError } from './csv';
import { formatSheetSummary, importSheet, readSheetRows } from './sheet-importer';
import { loadSheetMapping } from './sheet-mapping';
import { HeaderError } from './sheet-rows';

const USAGE = `npm run import:sheet -- --file <data.csv|data.xlsx> --mapping <mapping.json> [options]

  --file FILE        CSV (UTF-8, with or without BOM; ',' ';' or tab) or XLSX
  --mapping FILE     JSON column mapping: our field ← column header, date format, time zone, value mappings,
                     defaults (docs/decisions/0007)
  --atomic           all or nothing: one bad row and nothing is imported
  --dry-run          check every row, write nothing
  --json             print the summary as JSON
  Where events go (default: the server on 127.0.0.1:$PORT if it answers, else DATA_DIR directly):
  --server URL       a running server's ingest API (token: --token, INGEST_TOKEN or DATA_DIR/tokens.json)
  --data-dir DIR     straight into DIR/paht.sqlite (stop the server first, or its live clients miss the import)`;

async function main(argv: string[]): Promise<number> {
  const { values, flags } = parseArgs(argv, { values: ['file', 'mapping', 'server', 'token', 'data-dir'], flags: ['atomic', 'dry-run', 'json', 'help'] });
  if (flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (!values.file) throw new UsageError('--file is required');
  if (!values.mapping) throw new UsageError('--mapping is required');
  const mapping = loadSheetMapping(values.mapping);
  const rows = await readSheetRows(values.file, mapping);
  const chosen = await chooseSink(values, process.env);
  try {
    const ref = referenceData();
    const summary = await importSheet({
      file: values.file,
      rows,
      mapping,
      ref,
      geocode: createAddressGeocoder(ref.wards, ref.districts),
      sink: chosen.sink,
      now: new Date(),
      atomic: flags.has('atomic'),
      dryRun: flags.has('dry-run'),
    });
    console.log(flags.has('json') ? JSON.stringify({ ...summary, where: chosen.where }, null, 2) : formatSheetSummary(summary, { where: chosen.where }));
    return summary.abandoned ? 1 : 0;
  } finally {
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
    const known = [MappingError, HeaderError, CsvError, SinkError].some((E) => err instanceof E);
    // a file that is not UTF-8 fails in TextDecoder with a TypeError: say so plainly
    console.error(known || err instanceof TypeError ? `import stopped: ${(err as Error).message}` : err);
    process.exit(1);
  },
);
