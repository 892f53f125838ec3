/** Operator sign-in (interim, until accounts): the header button and its dialog. */
export const sessionVi = {
  'session.signIn': 'Đăng nhập điều hành viên',
  'session.operator': 'Điều hành viên',
  'session.checking': 'Đang kiểm tra…',
  'session.signOut': 'Đăng xuất',
  'session.dialogTitle': 'Đăng nhập điều hành viên',
  'session.dialogText': 'Dán mã điều hành (OPERATOR_TOKEN) mà máy chủ in ra khi khởi động. Mã được lưu trên trình duyệt này.',
  'session.tokenLabel': 'Mã điều hành',
  'session.demoHint': (token: string) => `Bản trình diễn: dùng mã “${token}”.`,
  'session.submit': 'Đăng nhập',
  'session.cancel': 'Huỷ',
  'session.rejected': 'Mã không đúng: máy chủ không nhận mã này.',
  'session.failed': (message: string) => `Không kiểm tra được mã: ${message}`,
  'session.signedInAs': 'Đã đăng nhập với quyền điều hành viên',
} as const;
