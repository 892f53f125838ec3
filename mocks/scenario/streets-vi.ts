/**
 * Street and village names used to write believable addresses. Keyed by ward name (without its kind prefix)
 * for Thành phố Huế, where addresses are "Số 12 Lê Lợi" or "Kiệt 45 Phan Đình Phùng" (kiệt is Huế for alley);
 * the towns elsewhere get their main streets, and communes get villages (thôn) instead.
 * Approximate on purpose: good enough that an address never names a street on the other side of the city.
 */
export const HUE_WARD_STREETS: Readonly<Record<string, readonly string[]>> = {
  'Phú Thuận': ['Mai Thúc Loan', 'Nhật Lệ', 'Đoàn Thị Điểm', 'Xuân 68'],
  'Phú Bình': ['Mai Thúc Loan', 'Tăng Bạt Hổ', 'Nhật Lệ', 'Lê Thánh Tôn'],
  'Tây Lộc': ['Nguyễn Trãi', 'Lê Duẩn', 'Thái Phiên', 'Trần Quang Khải'],
  'Thuận Lộc': ['Nguyễn Trãi', 'Tăng Bạt Hổ', 'Đinh Tiên Hoàng', 'Lê Thánh Tôn'],
  'Phú Hiệp': ['Nguyễn Chí Thanh', 'Huỳnh Thúc Kháng', 'Chi Lăng', 'Nguyễn Du'],
  'Phú Hậu': ['Chi Lăng', 'Nguyễn Gia Thiều', 'Nguyễn Chí Thanh'],
  'Thuận Hòa': ['Lê Huân', 'Ông Ích Khiêm', 'Đinh Tiên Hoàng', 'Lê Duẩn'],
  'Thuận Thành': ['Đinh Tiên Hoàng', 'Đoàn Thị Điểm', 'Lê Thánh Tôn', 'Đặng Trần Côn'],
  'Phú Hòa': ['Trần Hưng Đạo', 'Phan Đăng Lưu', 'Huỳnh Thúc Kháng', 'Bạch Đằng'],
  'Phú Cát': ['Chi Lăng', 'Huỳnh Thúc Kháng', 'Bạch Đằng'],
  'Kim Long': ['Kim Long', 'Nguyễn Phúc Nguyên', 'Văn Thánh'],
  'Vĩ Dạ': ['Nguyễn Sinh Cung', 'Phạm Văn Đồng', 'Nguyễn Lộ Trạch'],
  'Phường Đúc': ['Điện Biên Phủ', 'Bùi Thị Xuân', 'Phan Chu Trinh'],
  'Vĩnh Ninh': ['Lê Lợi', 'Hà Nội', 'Lý Thường Kiệt', 'Trần Cao Vân', 'Ngô Quyền'],
  'Phú Hội': ['Lê Lợi', 'Hùng Vương', 'Nguyễn Công Trứ', 'Chu Văn An', 'Phạm Ngũ Lão', 'Đội Cung', 'Bến Nghé'],
  'Phú Nhuận': ['Nguyễn Huệ', 'Hai Bà Trưng', 'Đống Đa', 'Nguyễn Trường Tộ', 'Lý Thường Kiệt'],
  'Xuân Phú': ['Bà Triệu', 'Tố Hữu', 'Dương Văn An', 'Lê Quang Định', 'Phạm Văn Đồng'],
  'Trường An': ['Điện Biên Phủ', 'Phan Bội Châu', 'Lê Ngô Cát', 'Ngự Bình'],
  'Phước Vĩnh': ['Trần Phú', 'Phan Bội Châu', 'Nguyễn Huệ', 'Điện Biên Phủ'],
  'An Cựu': ['Hùng Vương', 'Phan Đình Phùng', 'Trường Chinh', 'Ngự Bình', 'Nguyễn Khoa Chiêm'],
  'An Hòa': ['Lý Thái Tổ', 'Tăng Bạt Hổ', 'Nguyễn Văn Linh'],
  'Hương Sơ': ['Nguyễn Văn Linh', 'Lý Thái Tổ', 'Tăng Bạt Hổ'],
  'Thuỷ Biều': ['Bùi Thị Xuân', 'Huyền Trân Công Chúa'],
  'Hương Long': ['Nguyễn Phúc Nguyên', 'Lý Nam Đế', 'Kim Long'],
  'Thuỷ Xuân': ['Huyền Trân Công Chúa', 'Minh Mạng', 'Lê Ngô Cát'],
  'An Đông': ['Hùng Vương', 'Tố Hữu', 'Võ Văn Kiệt', 'Nguyễn Khoa Chiêm', 'An Dương Vương'],
  'An Tây': ['Ngự Bình', 'Trường Chinh', 'Lê Ngô Cát', 'An Dương Vương'],
};

/** Main streets of the towns outside the city, by GSO district code. */
export const DISTRICT_STREETS: Readonly<Record<string, readonly string[]>> = {
  '479': ['Nguyễn Tất Thành', 'Sóng Hồng', 'Trưng Nữ Vương', 'Quốc lộ 1A', 'Võ Văn Kiệt', 'Tân Trào'],
  '480': ['Cách Mạng Tháng Tám', 'Lý Nhân Tông', 'Độc Lập', 'Quốc lộ 1A', 'Kim Trà'],
  '478': ['Quốc lộ 49B', 'Tỉnh lộ 10A', 'Nguyễn Sinh Cung', 'Trấn Hải Thành'],
  '476': ['Quốc lộ 1A', 'Phò Trạch', 'Tỉnh lộ 11A'],
  '477': ['Tỉnh lộ 4', 'Nguyễn Vịnh', 'Tỉnh lộ 19'],
  '482': ['Quốc lộ 1A', 'Lý Thánh Tông', 'Lạc Long Quân', 'Tỉnh lộ 14B'],
  '481': ['Hồ Chí Minh', 'Quốc lộ 49', 'Hồ Văn Hảo'],
  '483': ['Tỉnh lộ 14B', 'Khe Tre', 'Quốc lộ 49'],
};

/** Village names for communes; combined with the commune's own name they read as local places. */
export const VILLAGES: readonly string[] = [
  'Thôn 1', 'Thôn 2', 'Thôn 3', 'Thôn 4', 'Thôn 5', 'Thôn Đông', 'Thôn Tây', 'Thôn Trung', 'Thôn Thượng', 'Thôn Hạ',
  'Thôn An Lưu', 'Thôn Vân Dương', 'Thôn Lưu Khánh', 'Thôn Mỹ Lợi', 'Thôn Phước Linh', 'Thôn Thanh Lam', 'Thôn Hòa Đa',
  'Thôn La Khê', 'Thôn Bao Vinh', 'Thôn Dương Nỗ', 'Thôn Chiết Bi', 'Thôn Diêm Trường', 'Thôn Hà Trung',
];

/** Landmarks used now and then instead of a house number (markets, bridges, schools), by ward name. */
export const HUE_LANDMARKS: Readonly<Record<string, readonly string[]>> = {
  'Phú Hòa': ['khu vực chợ Đông Ba', 'công viên Thương Bạc'],
  'Phú Hội': ['chân cầu Trường Tiền', 'bến thuyền Tòa Khâm'],
  'Vĩnh Ninh': ['cổng trường THPT Quốc Học', 'công viên Tứ Tượng'],
  'Phước Vĩnh': ['khu vực ga Huế', 'chân cầu Dã Viên'],
  'An Cựu': ['khu vực chợ An Cựu', 'bến xe phía Nam'],
  'Phường Đúc': ['khu vực chợ Bến Ngự'],
  'Tây Lộc': ['khu vực chợ Tây Lộc'],
  'Thuận Thành': ['khu vực hồ Tịnh Tâm', 'cửa Thượng Tứ'],
  'Xuân Phú': ['bờ sông Như Ý'],
  'Vĩ Dạ': ['bờ sông Như Ý'],
};
