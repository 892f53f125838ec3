import { detailVi } from './sections/detail-vi';
import { feedVi } from './sections/feed-vi';
import { statsVi } from './sections/stats-vi';
import { unitsVi } from './sections/units-vi';
import { resilienceVi } from './sections/resilience-vi';
import { wallVi } from './sections/wall-vi';
import { mapVi } from './sections/map-vi';
import { rankingsVi } from './sections/rankings-vi';
import { satisfactionVi } from './sections/satisfaction-vi';

import { backlogVi } from './sections/backlog-vi';
import { authVi } from './sections/auth-vi';

/**
 * The Vietnamese catalogue is the source of truth: its keys define the message type, so a missing or misspelt
 * key in the English catalogue or in `t(...)` is a compile error. Messages with parameters are functions, which
 * also type-checks the parameters.
 */
export const vi = {
  'app.title': 'Trung tâm Giám sát, điều hành đô thị thông minh',
  'app.subtitle': 'Phản ánh hiện trường · Huế',
  'app.loading': 'Đang tải…',
  'app.skipToContent': 'Bỏ qua đến nội dung chính',

  'nav.label': 'Điều hướng chính',
  'nav.map': 'Bản đồ trực tiếp',
  'nav.backlog': 'Tồn đọng & quá hạn',
  'nav.satisfaction': 'Mức độ hài lòng',
  'nav.rankings': 'Xếp hạng thi đua',
  'nav.wall': 'Màn hình tường',

  'lang.label': 'Ngôn ngữ',
  'lang.vi': 'Tiếng Việt',
  'lang.en': 'English',

  'kpi.label': 'Chỉ số chính',
  'kpi.receivedToday': 'Tiếp nhận hôm nay',
  'kpi.beingHandled': 'Đang xử lý',
  'kpi.overdueNow': 'Quá hạn',
  'kpi.handledThisMonth': 'Đã xử lý tháng này',
  'kpi.satisfactionRate': 'Tỷ lệ hài lòng',
  'kpi.ratings': (count: string) => `${count} lượt đánh giá`,
  'kpi.noRatings': 'Chưa có đánh giá',
  'kpi.satisfactionHint': 'Tính từ mức “chấp nhận” trở lên, trong tháng này',
  'kpi.stale': 'Số liệu cũ',
  'kpi.loadError': (message: string) => `Không tải được số liệu: ${message}`,

  'live.connecting': 'Đang kết nối…',
  'live.live': 'Đã kết nối',
  'live.reconnecting': 'Mất kết nối, đang thử lại…',
  'live.offline': 'Mất kết nối',
  'live.lastUpdated': (time: string) => `Cập nhật lúc ${time}`,
  'live.neverUpdated': 'Chưa cập nhật',
  'live.staleWarning': (since: string) =>
    `Mất kết nối với máy chủ từ ${since}. Số liệu trên màn hình có thể đã cũ và không phải số liệu hiện tại.`,

  'page.map.title': 'Bản đồ trực tiếp',
  'page.map.interim': 'Bản đồ phản ánh theo thời gian thực sẽ hiển thị tại đây. Trong lúc chờ, dưới đây là các phản ánh mới nhất, cập nhật trực tiếp.',
  'page.backlog.title': 'Tồn đọng & quá hạn',
  'page.backlog.placeholder':
    'Trang này sẽ hiển thị số phản ánh tồn đọng và quá hạn theo từng đơn vị xử lý, hàng đợi quá hạn và nhật ký nhắc việc (SMS, gọi điện).',
  'page.satisfaction.title': 'Mức độ hài lòng',
  'page.satisfaction.placeholder':
    'Trang này sẽ hiển thị mức độ hài lòng của người dân với kết quả xử lý, theo kỳ, đơn vị, lĩnh vực và địa bàn.',
  'page.rankings.title': 'Xếp hạng thi đua',
  'page.rankings.placeholder':
    'Trang này sẽ hiển thị bảng xếp hạng thi đua hằng quý của các đơn vị, với công thức tính điểm, chốt số liệu quý và xuất CSV/XLSX.',
  'page.notFound.title': 'Không tìm thấy trang',
  'page.notFound.back': 'Về bản đồ trực tiếp',
  'page.error.title': 'Đã xảy ra lỗi',
  'page.error.reload': 'Tải lại trang',
  'page.comingSoon': 'Đang xây dựng',

  'reports.latest': 'Phản ánh mới nhất',
  'reports.total': (count: string) => `Tổng số: ${count} phản ánh`,
  'reports.empty': 'Chưa có phản ánh nào.',
  'reports.loadError': (message: string) => `Không tải được danh sách phản ánh: ${message}`,
  'reports.receivedAt': 'Thời điểm tiếp nhận',
  'reports.new': 'Mới',
  'reports.urgent': 'Khẩn',
  'reports.unassigned': 'Chưa giao đơn vị',

  'status.received': 'Đã tiếp nhận',
  'status.rejected': 'Từ chối',
  'status.assigned': 'Đã chuyển xử lý',
  'status.in_progress': 'Đang xử lý',
  'status.resolved': 'Đã xử lý',
  'status.reopened': 'Phản ánh lại',

  'wall.clock': 'Đồng hồ',
  'wall.exit': 'Về bảng điều khiển',
  'wall.comingViews': 'Bản đồ, dòng sự kiện, tồn đọng và xếp hạng sẽ lần lượt hiển thị luân phiên trên màn hình này.',

  'error.network': 'Không kết nối được tới máy chủ',
  'error.badResponse': 'Máy chủ trả về dữ liệu không hợp lệ',
  'error.http': (status: string) => `Máy chủ báo lỗi (${status})`,
  ...feedVi,
  ...statsVi,
  ...unitsVi,
  ...resilienceVi,
  ...detailVi,
  ...wallVi,
  ...mapVi,
  ...rankingsVi,
  ...satisfactionVi,
  ...backlogVi,
  ...authVi,
} as const;

export type Messages = typeof vi;
export type MessageKey = keyof Messages;
