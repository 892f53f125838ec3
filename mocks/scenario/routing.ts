import type { Agency } from '../../src/shared/contract/meta';
import type { Rng } from './rng';
import { HUE_CITY, must } from './world';
import type { World } from './world';

/** The units that plausibly handle a report, by weight: the centre forwards to one of them. */
export type Candidates = (readonly [Agency, number])[];

type Where = { wardCode: string; districtCode: string };
/** a weighted rule: an agency id, or the ward's / district's People's Committee */
type Rule = readonly [string | 'ward' | 'district', number];

const rulesFor = (categoryId: string, inHue: boolean): readonly Rule[] => {
  switch (categoryId) {
    case 'trat-tu-xay-dung':
      return inHue
        ? [['ward', 55], ['district', 25], ['so-xay-dung', 12], ['trung-tam-bao-ton-di-tich', 5], ['ban-quan-ly-phat-trien-do-thi', 3]]
        : [['ward', 50], ['district', 38], ['so-xay-dung', 12]];
    case 've-sinh-moi-truong':
      return inHue ? [['hepco', 55], ['ward', 40], ['so-tai-nguyen-moi-truong', 5]] : [['ward', 50], ['district', 40], ['so-tai-nguyen-moi-truong', 10]];
    case 'chieu-sang-cong-cong':
      return inHue ? [['chieu-sang-do-thi-hue', 80], ['district', 12], ['ward', 8]] : [['district', 60], ['ward', 25], ['dien-luc-tth', 15]];
    case 'ha-tang-giao-thong':
      return [['so-giao-thong-van-tai', 30], ['quan-ly-duong-bo-tth', 25], ['district', 30], ['ward', 15]];
    case 'lan-chiem-via-he':
      return inHue ? [['ward', 72], ['district', 22], ['ban-quan-ly-cho-dong-ba', 6]] : [['ward', 75], ['district', 25]];
    case 'cay-xanh':
      return inHue ? [['cong-vien-cay-xanh-hue', 75], ['ward', 20], ['district', 5]] : [['district', 60], ['ward', 40]];
    case 'cap-nuoc':
      return [['huewaco', 90], ['district', 10]];
    case 'thoat-nuoc-ngap-ung':
      return inHue
        ? [['hepco', 35], ['district', 25], ['ward', 25], ['so-xay-dung', 15]]
        : [['district', 60], ['ward', 30], ['so-nong-nghiep-ptnt', 10]];
    case 'tieng-on':
      return [['cong-an-tinh', 40], ['ward', 50], ['so-tai-nguyen-moi-truong', 10]];
    case 'an-ninh-trat-tu':
      return [['cong-an-tinh', 70], ['ward', 30]];
    case 'an-toan-thuc-pham':
      return [['so-y-te', 50], ['cuc-quan-ly-thi-truong', 25], ['ward', 15], ['district', 10]];
    case 'dien-luc':
      return [['dien-luc-tth', 95], ['so-cong-thuong', 5]];
    case 'vien-thong':
      return [['vnpt-tth', 40], ['viettel-tth', 30], ['mobifone-tth', 15], ['so-thong-tin-truyen-thong', 15]];
    default:
      // "other" reaches the whole administration, which is how every department ends up with some reports
      return [
        ['ward', 28], ['district', 24], ['so-du-lich', inHue ? 8 : 2], ['so-van-hoa-the-thao', 5], ['so-noi-vu', 4],
        ['so-tu-phap', 4], ['so-lao-dong-tbxh', 5], ['so-giao-duc-dao-tao', 5], ['so-thong-tin-truyen-thong', 4],
        ['so-ke-hoach-dau-tu', 3], ['cuc-thue', 3], ['buu-dien-tinh', 3], ['ban-quan-ly-kkt-kcn', 2],
      ];
  }
};

/** The units that could handle a report of `categoryId` at `where`, with weights. */
export function candidatesFor(world: World, categoryId: string, where: Where): Candidates {
  const wardPc = world.communePcOfWard.get(where.wardCode);
  const districtPc = must(world.districtPcOf, where.districtCode, 'district PC');
  const byId = new Map<string, number>();
  for (const [target, w] of rulesFor(categoryId, where.districtCode === HUE_CITY)) {
    // a ward that does not take part in the system: its district's committee handles the case
    const id = target === 'ward' ? (wardPc ?? districtPc).id : target === 'district' ? districtPc.id : target;
    byId.set(id, (byId.get(id) ?? 0) + w);
  }
  return [...byId].map(([id, w]) => [must(world.agencies, id, 'agency'), w] as const);
}

/** Where the centre forwards a report (the lead unit) and, now and then, the units asked to coordinate. */
export function routeReport(rng: Rng, world: World, categoryId: string, where: Where): { lead: Agency; coordinating: Agency[] } {
  const candidates = candidatesFor(world, categoryId, where);
  const lead = rng.weighted(candidates);
  const others = candidates.filter(([a]) => a.id !== lead.id);
  const coordinating: Agency[] = [];
  if (others.length > 0 && rng.chance(0.08)) {
    coordinating.push(rng.weighted(others));
  }
  return { lead, coordinating };
}

/** A different unit to transfer to: another plausible handler, else the district committee or a department. */
export function transferTarget(rng: Rng, world: World, categoryId: string, where: Where, currentId: string | null): Agency {
  const others = candidatesFor(world, categoryId, where).filter(([a]) => a.id !== currentId);
  if (others.length > 0) return rng.weighted(others);
  const districtPc = must(world.districtPcOf, where.districtCode, 'district PC');
  if (districtPc.id !== currentId) return districtPc;
  return must(world.agencies, 'so-xay-dung', 'agency');
}
