import ExcelJS from 'exceljs';
import type { RankingResponse } from '../../shared/contract/rankings';
import { rankingXlsx as build } from '../../shared/domain/scoring/export-xlsx';

/** The ranking workbook (see shared/domain/scoring/export-xlsx.ts), with the server's exceljs. */
export const rankingXlsx = (r: RankingResponse): Promise<Uint8Array> => build(r, ExcelJS);
