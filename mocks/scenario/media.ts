/**
 * The placeholder media shipped in public/demo-media (drawn by mocks/tools/gen-demo-media.ts). One list for
 * both the generator and the drawing script, so a report never links to a picture that does not exist.
 */
export type Scene =
  | 'rubbish'
  | 'rubble'
  | 'building'
  | 'materials'
  | 'manhole'
  | 'streetlight'
  | 'pothole'
  | 'pavement'
  | 'tree'
  | 'water-pipe'
  | 'flood'
  | 'noise'
  | 'security'
  | 'food'
  | 'power-line'
  | 'telecom'
  | 'misc'
  | 'fixed'
  | 'clean-street';

export interface DemoMedia {
  name: string;
  kind: 'image' | 'video';
  scene: Scene;
  /** categories a citizen's photo of this scene fits; empty for result photos */
  categoryIds: readonly string[];
  caption: string;
}

export const MEDIA_BASE = '/demo-media/';

export const DEMO_MEDIA: readonly DemoMedia[] = [
  { name: 'rac-thai-1', kind: 'image', scene: 'rubbish', categoryIds: ['ve-sinh-moi-truong'], caption: 'Rác thải tồn đọng' },
  { name: 'rac-thai-2', kind: 'image', scene: 'rubble', categoryIds: ['ve-sinh-moi-truong', 'khac'], caption: 'Đổ trộm phế thải' },
  { name: 'xay-dung-1', kind: 'image', scene: 'building', categoryIds: ['trat-tu-xay-dung'], caption: 'Công trình xây dựng' },
  { name: 'xay-dung-2', kind: 'image', scene: 'materials', categoryIds: ['trat-tu-xay-dung', 'lan-chiem-via-he'], caption: 'Vật liệu trên vỉa hè' },
  { name: 'den-duong-1', kind: 'image', scene: 'streetlight', categoryIds: ['chieu-sang-cong-cong'], caption: 'Đèn đường không sáng' },
  { name: 'o-ga-1', kind: 'image', scene: 'pothole', categoryIds: ['ha-tang-giao-thong'], caption: 'Ổ gà trên mặt đường' },
  { name: 'o-ga-2', kind: 'image', scene: 'manhole', categoryIds: ['ha-tang-giao-thong', 'thoat-nuoc-ngap-ung'], caption: 'Hố ga mất nắp' },
  { name: 'via-he-1', kind: 'image', scene: 'pavement', categoryIds: ['lan-chiem-via-he'], caption: 'Lấn chiếm vỉa hè' },
  { name: 'cay-xanh-1', kind: 'image', scene: 'tree', categoryIds: ['cay-xanh'], caption: 'Cây xanh nghiêng' },
  { name: 'cap-nuoc-1', kind: 'image', scene: 'water-pipe', categoryIds: ['cap-nuoc'], caption: 'Vỡ đường ống nước' },
  { name: 'ngap-ung-1', kind: 'image', scene: 'flood', categoryIds: ['thoat-nuoc-ngap-ung'], caption: 'Ngập úng sau mưa' },
  { name: 'tieng-on-1', kind: 'image', scene: 'noise', categoryIds: ['tieng-on'], caption: 'Tiếng ồn' },
  { name: 'an-ninh-1', kind: 'image', scene: 'security', categoryIds: ['an-ninh-trat-tu'], caption: 'Mất trật tự' },
  { name: 'thuc-pham-1', kind: 'image', scene: 'food', categoryIds: ['an-toan-thuc-pham'], caption: 'Quầy thực phẩm' },
  { name: 'dien-luc-1', kind: 'image', scene: 'power-line', categoryIds: ['dien-luc'], caption: 'Dây điện võng thấp' },
  { name: 'vien-thong-1', kind: 'image', scene: 'telecom', categoryIds: ['vien-thong'], caption: 'Cáp viễn thông' },
  { name: 'khac-1', kind: 'image', scene: 'misc', categoryIds: ['khac'], caption: 'Hiện trường' },
  { name: 'ket-qua-1', kind: 'image', scene: 'fixed', categoryIds: [], caption: 'Sau khi xử lý' },
  { name: 'ket-qua-2', kind: 'image', scene: 'clean-street', categoryIds: [], caption: 'Hiện trường đã thông thoáng' },
  { name: 'ket-qua-3', kind: 'image', scene: 'fixed', categoryIds: [], caption: 'Đã khắc phục' },
  { name: 'video-1', kind: 'video', scene: 'flood', categoryIds: ['thoat-nuoc-ngap-ung', 'cay-xanh', 'ha-tang-giao-thong'], caption: 'Video hiện trường' },
  { name: 'video-2', kind: 'video', scene: 'noise', categoryIds: ['tieng-on', 'an-ninh-trat-tu', 'trat-tu-xay-dung'], caption: 'Video hiện trường' },
];

export const mediaUrl = (m: DemoMedia) => `${MEDIA_BASE}${m.name}.svg`;
