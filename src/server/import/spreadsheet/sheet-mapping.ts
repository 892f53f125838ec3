import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { channel, rating } from '../../../shared/contract/common';
import { checkMappingTargets } from '../../../shared/domain/open311';
import { referenceData } from '../../../shared/domain/reference';
import { MappingError } from '../open311/mapping-file';
import { checkZone } from './sheet-time';

const header = z.string().trim().min(1).max(200);
const valueMap = <T extends z.ZodType>(v: T) => z.record(z.string(), v).default({});

/** Our fields a column can fill. `receivedAt` is required, and a title or description, and a position or an address. */
export const sheetColumns = z
  .object({
    externalId: header.optional(),
    receivedAt: header,
    title: header.optional(),
    description: header.optional(),
    category: header.optional(),
    address: header.optional(),
    lat: header.optional(),
    lng: header.optional(),
    channel: header.optional(),
    urgent: header.optional(),
    agency: header.optional(),
    assignedAt: header.optional(),
    resolvedAt: header.optional(),
    resultText: header.optional(),
    rating: header.optional(),
    ratedAt: header.optional(),
  })
  .strict()
  .refine((c) => c.title !== undefined || c.description !== undefined, { message: 'map a title or a description column', path: ['title'] })
  .refine((c) => (c.lat === undefined) === (c.lng === undefined), { message: 'map both lat and lng, or neither', path: ['lat'] })
  .refine((c) => c.lat !== undefined || c.address !== undefined, { message: 'map lat/lng or an address column (located by the ward it names)', path: ['address'] });
export type SheetColumns = z.output<typeof sheetColumns>;

export const sheetMappingSchema = z
  .object({
    /** names the file's origin in report and event ids: keep it stable across re-imports of the same data */
    source: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/, "1–60 letters, digits, '.', '_' or '-'"),
    /** XLSX: the sheet's name (default: the first sheet) */
    sheet: z.string().min(1).optional(),
    /** the row holding the column headers (1-based); rows above it (titles) are ignored */
    headerRow: z.number().int().min(1).max(100).default(1),
    /** CSV: ',', ';' or '\t' (default: detected from the header line) */
    delimiter: z.enum([',', ';', '\t']).optional(),
    /** formats of date cells given as text, tried in order (tokens yyyy MM M dd d HH H mm ss); ISO 8601 always works */
    dateFormat: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).default(['dd/MM/yyyy HH:mm:ss', 'dd/MM/yyyy HH:mm', 'dd/MM/yyyy']),
    /** zone of times without an offset (and of every XLSX date): an IANA name or a fixed offset */
    timeZone: z.string().min(1).default('Asia/Ho_Chi_Minh'),
    columns: sheetColumns,
    /** cell value → our id (compared without case and diacritics); our own ids and names match without a line */
    values: z
      .object({
        category: valueMap(z.string().min(1)),
        agency: valueMap(z.string().min(1)),
        channel: valueMap(channel),
        rating: valueMap(rating),
      })
      .strict()
      .prefault({}),
    defaults: z
      .object({
        /** category of rows whose category cell is empty or unmapped */
        categoryId: z.string().min(1).default('khac'),
        /** channel when the sheet has no channel column, or the cell is empty or unmapped */
        channel: channel.default('hotline'),
        /** the unit credited with rows resolved without a (mapped) unit; null = such rows are refused */
        agencyId: z.string().min(1).nullable().default(null),
        /** result text of resolved rows without one */
        resultText: z.string().trim().min(1).max(2000).default('Đã xử lý (nhập từ dữ liệu lưu trữ, không kèm nội dung trả lời).'),
      })
      .strict()
      .prefault({}),
  })
  .strict();
export type SheetMapping = z.output<typeof sheetMappingSchema>;

export function loadSheetMapping(file: string): SheetMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new MappingError(`cannot read the mapping file ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return checkSheetMapping(raw, file);
}

export function checkSheetMapping(raw: unknown, name = '(mapping)'): SheetMapping {
  const parsed = sheetMappingSchema.safeParse(raw);
  if (!parsed.success) {
    throw new MappingError(`mapping file ${name}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n')}`);
  }
  const m = parsed.data;
  const problems = checkMappingTargets(
    [
      { path: 'defaults.categoryId', kind: 'category', id: m.defaults.categoryId },
      ...(m.defaults.agencyId !== null ? [{ path: 'defaults.agencyId', kind: 'agency' as const, id: m.defaults.agencyId }] : []),
      ...Object.entries(m.values.category).map(([k, id]) => ({ path: `values.category.${k}`, kind: 'category' as const, id })),
      ...Object.entries(m.values.agency).map(([k, id]) => ({ path: `values.agency.${k}`, kind: 'agency' as const, id })),
    ],
    referenceData(),
  );
  try {
    checkZone(m.timeZone);
  } catch {
    problems.push(`timeZone: unknown time zone '${m.timeZone}'`);
  }
  if (problems.length) throw new MappingError(`mapping file ${name}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return m;
}
