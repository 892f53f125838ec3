import type { ResyncRequired } from '../../../../shared/contract/socket';

/** Live-stream resilience strings (connection indicator). Spread into messages-vi.ts; Vietnamese is the source of truth. */
export const resilienceVi = {
  'resilience.resynced': (time: string, reason: ResyncRequired['reason']) =>
    `Đã tải lại toàn bộ dữ liệu lúc ${time} (${reason === 'too_far_behind' ? 'mất kết nối quá lâu để bù từng sự kiện' : 'dữ liệu máy chủ đã được thay mới'})`,
};
