/** Wall screen strings (features/wall, app/routes/wall-route). Spread into messages-vi.ts. */
export const wallVi = {
  'wall.view.map': 'Bản đồ trực tiếp',
  'wall.view.feed': 'Dòng sự kiện',
  'wall.view.backlog': 'Tồn đọng & quá hạn',
  'wall.view.rankings': 'Xếp hạng thi đua',
  'wall.playlist': 'Các màn hình luân phiên',
  'wall.position': (n: string, total: string) => `Màn hình ${n}/${total}`,
  'wall.paused': 'Tạm dừng luân phiên',
  'wall.nextIn': (seconds: string) => `Chuyển màn hình sau ${seconds} giây`,
  'wall.skipped': (names: string) => `Chưa có màn hình: ${names} (bỏ qua)`,
  'wall.noViews': 'Không có màn hình nào để hiển thị.',
  'wall.stale': (since: string) => `MẤT KẾT NỐI từ ${since} — số liệu dưới đây là số liệu cũ, KHÔNG phải số liệu hiện tại`,
  'wall.staleLabel': 'Số liệu cũ',
  'wall.staleSince': (since: string) => `Cập nhật lần cuối ${since}`,
  'wall.recovered': 'Đã kết nối lại, số liệu đã được cập nhật',
} as const;
