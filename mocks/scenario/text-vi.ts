import type { Reporter } from '../../src/shared/contract/report';
import type { Rng } from './rng';
import { CATEGORY_CASES } from './text-vi-categories';
import type { CaseTexts } from './text-vi-categories';
import type { Place } from './places';

/** Replaces {key} placeholders; unknown keys stay visible so a broken template is noticed, not hidden. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}

function casesOf(categoryId: string): readonly CaseTexts[] {
  const cases = CATEGORY_CASES[categoryId] ?? CATEGORY_CASES.khac;
  if (!cases || cases.length === 0) throw new Error('scenario: the "khac" category texts are missing');
  return cases;
}

/** Which kind of problem within the category; the title, description and reply all follow it. */
export function pickCase(rng: Rng, categoryId: string): number {
  return rng.int(0, casesOf(categoryId).length - 1);
}

function caseOf(categoryId: string, index: number | null, rng: Rng): CaseTexts {
  const cases = casesOf(categoryId);
  return cases[index ?? rng.int(0, cases.length - 1)] ?? (cases[0] as CaseTexts);
}

const numbers = (rng: Rng) => ({ n: rng.int(2, 6), days: rng.int(2, 7), hour: rng.int(6, 21) });

const DESCRIPTION_CLOSINGS = [
  'Đề nghị cơ quan chức năng sớm kiểm tra, xử lý.',
  'Mong các cơ quan chức năng quan tâm giải quyết.',
  'Rất mong được xử lý sớm.',
  'Người dân đã nhiều lần nhắc nhở nhưng không có kết quả.',
  '',
];
const REPEAT_OPENING = 'Sự việc đã được phản ánh và xử lý trước đây nhưng nay tái diễn.';

export function reportTitle(rng: Rng, categoryId: string, caseIndex: number, place: Place): string {
  return fill(rng.pick(caseOf(categoryId, caseIndex, rng).titles), { spot: place.spot, road: place.road, ...numbers(rng) });
}

export function reportDescription(rng: Rng, categoryId: string, caseIndex: number, place: Place, repeat: boolean): string {
  const body = fill(rng.pick(caseOf(categoryId, caseIndex, rng).descriptions), { spot: place.spot, road: place.road, ...numbers(rng) });
  const closing = rng.pick(DESCRIPTION_CLOSINGS);
  return [repeat ? REPEAT_OPENING : '', body, closing].filter(Boolean).join(' ');
}

/** Recognises a repeat report by its wording (used by the rate checks; the event has no field for it). */
export const isRepeatDescription = (description: string) => description.startsWith(REPEAT_OPENING);

const RESULT_OPENINGS = ['Qua kiểm tra thực tế, ', 'Tiếp nhận phản ánh, ', 'Sau khi xác minh, ', ''];
const RESULT_CLOSINGS = [
  ' Trân trọng cảm ơn công dân đã phản ánh.',
  ' Đề nghị công dân tiếp tục giám sát, phản ánh nếu tình trạng tái diễn.',
  '',
];

/** The unit's reply; `caseIndex` null (case unknown, e.g. after a category change) picks any of the category. */
export function resultText(rng: Rng, categoryId: string, caseIndex: number | null, agencyName: string): string {
  const template = rng.pick(caseOf(categoryId, caseIndex, rng).results);
  // an opening phrase reads well only before the unit's name ("Qua kiểm tra thực tế, UBND phường … đã …")
  const opening = template.startsWith('{agency}') ? rng.pick(RESULT_OPENINGS) : '';
  return opening + fill(template, { agency: agencyName, ...numbers(rng) }) + rng.pick(RESULT_CLOSINGS);
}

export const REJECTION_REASONS = [
  'Phản ánh không thuộc phạm vi tiếp nhận của hệ thống phản ánh hiện trường.',
  'Nội dung phản ánh không rõ ràng, thiếu thông tin vị trí; đề nghị công dân bổ sung và gửi lại.',
  'Trùng với phản ánh đã được tiếp nhận và đang xử lý.',
  'Nội dung mang tính khiếu nại, tố cáo; đề nghị công dân gửi đơn theo quy định của pháp luật.',
  'Hình ảnh, video không thể hiện đúng sự việc được phản ánh.',
  'Sự việc thuộc quan hệ dân sự giữa các cá nhân, không thuộc phạm vi xử lý của cơ quan hành chính.',
];

export const EXTENSION_REASONS = [
  'Sự việc phức tạp, cần phối hợp với nhiều đơn vị liên quan.',
  'Đang chờ kết quả xét nghiệm, kiểm định.',
  'Cần thời gian bố trí kinh phí, vật tư để sửa chữa.',
  'Thời tiết mưa bão kéo dài, chưa thể thi công khắc phục.',
  'Cần xác minh nguồn gốc đất, hồ sơ cấp phép.',
  'Chủ hộ vắng nhà, chưa làm việc được.',
];

export const TRANSFER_REASONS = [
  'Không thuộc thẩm quyền xử lý của đơn vị.',
  'Chuyển đơn vị quản lý trực tiếp xử lý.',
  'Vụ việc thuộc địa bàn quản lý của đơn vị khác.',
  'Theo đề nghị của đơn vị được giao xử lý ban đầu.',
];

export const REOPEN_REASONS = [
  'Phản ánh lần 2: sự việc chưa được xử lý dứt điểm.',
  'Kết quả xử lý chưa đúng với thực tế tại hiện trường.',
  'Vi phạm tái diễn ngay sau khi xử lý.',
];

const COMMENTS = {
  citizenOpen: [
    'Đề nghị đơn vị xử lý sớm, tình trạng vẫn đang tiếp diễn.',
    'Đến nay vẫn chưa thấy ai đến kiểm tra.',
    'Tôi cũng ở gần đây, xác nhận nội dung phản ánh là đúng.',
    'Tình trạng này đã kéo dài nhiều tháng rồi.',
  ],
  citizenAfter: [
    'Cảm ơn đơn vị đã xử lý kịp thời.',
    'Xử lý xong được vài hôm thì lại như cũ.',
    'Kết quả trả lời chưa đúng với thực tế.',
    'Đã kiểm tra lại, hiện trường đã sạch sẽ. Cảm ơn.',
  ],
  citizenRejected: ['Tôi đã bổ sung thông tin vị trí, mong trung tâm xem xét lại.', 'Mong được hướng dẫn nơi gửi phản ánh phù hợp.'],
  agency: [
    'Đơn vị đã tiếp nhận và đang bố trí lực lượng kiểm tra hiện trường.',
    'Đơn vị đã liên hệ với công dân để xác minh thêm thông tin.',
    'Sự việc phức tạp, đơn vị đang phối hợp với các cơ quan liên quan.',
  ],
  centre: [
    'Trung tâm đề nghị đơn vị xử lý dứt điểm và cập nhật kết quả.',
    'Trung tâm đã chuyển thông tin bổ sung của công dân đến đơn vị xử lý.',
    'Đề nghị đơn vị tương tác với công dân về kết quả xử lý.',
  ],
} as const;

export type CommentPhase = 'open' | 'after' | 'rejected';
export function commentText(rng: Rng, author: 'citizen' | 'agency' | 'centre', phase: CommentPhase): string {
  if (author === 'agency') return rng.pick(COMMENTS.agency);
  if (author === 'centre') return rng.pick(COMMENTS.centre);
  return rng.pick(phase === 'open' ? COMMENTS.citizenOpen : phase === 'after' ? COMMENTS.citizenAfter : COMMENTS.citizenRejected);
}

const REMINDER_WHO = { officer: 'cán bộ thụ lý', unit_leader: 'lãnh đạo đơn vị', province: 'UBND tỉnh' } as const;

/** What the centre wrote in its call/SMS log: the channel and who was chased. */
export function reminderNote(channel: 'sms' | 'phone' | 'email', target: 'officer' | 'unit_leader' | 'province'): string {
  const who = REMINDER_WHO[target];
  if (target === 'province') return channel === 'email' ? 'Gửi danh sách phản ánh quá hạn báo cáo UBND tỉnh.' : 'Báo cáo Văn phòng UBND tỉnh về phản ánh quá hạn.';
  if (channel === 'sms') return `Nhắn tin nhắc ${who} xử lý phản ánh quá hạn.`;
  if (channel === 'phone') return `Gọi điện đôn đốc ${who} xử lý dứt điểm.`;
  return `Gửi thư điện tử đôn đốc ${who}.`;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Tôn Nữ', 'Tôn Thất', 'Nguyễn Phước', 'Trương', 'Huỳnh'];
const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Công', 'Ngọc'];
const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thanh', 'Thu', 'Kim', 'Minh', 'Diệu'];
const GIVEN_MALE = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Huy', 'Khánh', 'Long', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Tuấn', 'Việt', 'Hoàng', 'Lộc'];
const GIVEN_FEMALE = ['Hà', 'Hạnh', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Thảo', 'Trang', 'Vy', 'Hằng', 'Nhi', 'Quỳnh', 'Yến', 'Châu'];

export function personName(rng: Rng): string {
  const female = rng.chance(0.5);
  const family = rng.pick(FAMILY);
  // "Tôn Nữ" is a female royal-lineage family name in Huế; "Tôn Thất" male
  const middle = family === 'Tôn Nữ' || family === 'Tôn Thất' ? '' : rng.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE);
  const given = rng.pick(female || family === 'Tôn Nữ' ? GIVEN_FEMALE : GIVEN_MALE);
  return [family, middle, given].filter(Boolean).join(' ');
}

// Vietnamese mobile prefixes (Viettel 03x/086/09x, VinaPhone 08x/091/094, MobiFone 07x/090/093)
const PHONE_PREFIXES = ['090', '091', '093', '094', '096', '097', '098', '032', '033', '034', '035', '036', '037', '038', '039', '070', '076', '077', '078', '079', '081', '082', '083', '084', '085', '086', '088'];

export function reporter(rng: Rng): Reporter {
  const digits = String(rng.int(0, 9_999_999)).padStart(7, '0');
  return { name: personName(rng), phone: `${rng.pick(PHONE_PREFIXES)}${digits}` };
}

/** Centre operators who screen, forward and chase reports (shown as the actor of the centre's events). */
export const OPERATORS = ['IOC – Trần Thị Minh Thư', 'IOC – Nguyễn Văn Hùng', 'IOC – Lê Thị Thanh Hà', 'IOC – Phan Quang Huy', 'IOC – Hồ Thị Diệu Linh', 'IOC – Võ Đức Nam'];
