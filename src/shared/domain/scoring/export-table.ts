import type { AgencyKind } from '../../contract/common';
import type { RankingResponse, ScoreComponentKey, UnitRanking } from '../../contract/rankings';
import { scoreComponentKeys } from '../../contract/rankings';
import { neutraliseFormula } from '../spreadsheet-safe';

/** Vietnamese names of the unit groups (the exports are for Home Affairs, in Vietnamese). */
export const GROUP_NAMES_VI: Record<AgencyKind, string> = {
  department: 'Sở, ban, ngành',
  district_pc: 'UBND cấp huyện',
  commune_pc: 'UBND cấp xã',
  public_service: 'Doanh nghiệp công ích',
  central_agency: 'Cơ quan Trung ương',
};

export const COMPONENT_NAMES_VI: Record<ScoreComponentKey, string> = {
  onTime: 'Đúng hạn',
  satisfaction: 'Hài lòng (từ chấp nhận trở lên)',
  handling: 'Giải quyết',
  interaction: 'Tương tác với người dân',
};

export const COMPONENT_DEFINITIONS_VI: Record<ScoreComponentKey, string> = {
  onTime: 'Số lượt giải quyết đúng hạn ban đầu ÷ (số lượt giải quyết trong quý + số phản ánh đang quá hạn cuối quý); phản ánh chưa đến hạn không tính; giải quyết trễ có gia hạn không tính là đúng hạn',
  satisfaction: 'Số đánh giá "hài lòng" hoặc "chấp nhận" ÷ số đánh giá được đưa ra trong quý (đánh giá còn hiệu lực)',
  handling: 'Số lượt đã giải quyết ÷ số lượt có hạn xử lý ban đầu rơi vào quý',
  interaction: 'Số phản hồi tranh chấp (bình luận sau khi có kết quả, mở lại, phản ánh lần 2) được đơn vị trả lời trong 2 ngày làm việc ÷ số phản hồi tranh chấp được xác định trong quý',
};

const NOT_RANKED_VI = { too_few_reports: 'Chưa xếp hạng (ít phản ánh)', no_data: 'Chưa xếp hạng (không có dữ liệu)' } as const;

export type Cell = string | number | null;
export type ColumnKind = 'text' | 'int' | 'score' | 'rate';

export interface Column {
  header: string;
  kind: ColumnKind;
  value: (u: UnitRanking, quarter: string) => Cell;
}

const yesNo = (b: boolean) => (b ? 'Đạt' : 'Không đạt');

/** The columns of both exports, in order; headers in Vietnamese. Rates are fractions 0–1, scores points 0–100. */
export const EXPORT_COLUMNS: readonly Column[] = [
  { header: 'Quý', kind: 'text', value: (_u, q) => q },
  { header: 'Hạng chung', kind: 'int', value: (u) => u.rank },
  { header: 'Hạng trong nhóm', kind: 'int', value: (u) => u.groupRank },
  { header: 'Hạng quý trước', kind: 'int', value: (u) => u.previousRank },
  { header: 'Thay đổi hạng', kind: 'int', value: (u) => u.rankChange },
  { header: 'Mã đơn vị', kind: 'text', value: (u) => u.agencyId },
  { header: 'Đơn vị', kind: 'text', value: (u) => u.name },
  { header: 'Nhóm đơn vị', kind: 'text', value: (u) => GROUP_NAMES_VI[u.group] },
  { header: 'Số phản ánh được đánh giá', kind: 'int', value: (u) => u.volume },
  { header: 'Điểm thi đua', kind: 'score', value: (u) => u.score },
  ...scoreComponentKeys.flatMap((k): Column[] => [
    { header: `${COMPONENT_NAMES_VI[k]} - tử số`, kind: 'int', value: (u) => u.components[k].numerator },
    { header: `${COMPONENT_NAMES_VI[k]} - mẫu số`, kind: 'int', value: (u) => u.components[k].denominator },
    { header: `${COMPONENT_NAMES_VI[k]} - tỉ lệ`, kind: 'rate', value: (u) => u.components[k].rate },
  ]),
  { header: 'Ngưỡng đúng hạn (> 75%)', kind: 'text', value: (u) => yesNo(u.badges.onTime) },
  { header: 'Ngưỡng hài lòng (≥ 70%)', kind: 'text', value: (u) => yesNo(u.badges.satisfaction) },
  { header: 'Xếp hạng', kind: 'text', value: (u) => (u.notRanked ? NOT_RANKED_VI[u.notRanked] : 'Được xếp hạng') },
];

export function exportRows(r: RankingResponse, units: readonly UnitRanking[] = r.units): Cell[][] {
  return units.map((u) => EXPORT_COLUMNS.map((c) => c.value(u, r.quarter)));
}

// Excel would run a cell starting with = + - @ (or a tab/CR hiding one) as a formula: the shared rule of every export
export { neutraliseFormula };

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * RFC 4180 CSV (comma, CRLF) of the ranking with Vietnamese headers, preceded by a UTF-8 byte order mark so Excel
 * reads Vietnamese correctly. Numbers are written as numbers with a dot (rates 0–1, score 0–100); empty = none.
 * Text cells are formula-neutralised; numbers never need it.
 */
export function rankingCsv(r: RankingResponse): string {
  const lines = [EXPORT_COLUMNS.map((c) => quote(neutraliseFormula(c.header))).join(',')];
  for (const row of exportRows(r)) {
    lines.push(row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? String(cell) : quote(neutraliseFormula(cell)))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
