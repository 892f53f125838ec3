/** Report detail drawer strings (features/report-detail). Spread into messages-vi.ts. */
export const detailVi = {
  'detail.label': (title: string) => `Chi tiết phản ánh: ${title}`,
  'detail.close': 'Đóng',
  'detail.loading': 'Đang tải chi tiết phản ánh…',
  'detail.loadError': (message: string) => `Không tải được chi tiết phản ánh: ${message}`,
  'detail.notFound': 'Không tìm thấy phản ánh này.',
} as const;
