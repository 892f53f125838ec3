import type { HolidayYear } from './calendar';

/**
 * Official days off for public agencies in Viet Nam (the schedule the operations centre and the handling units
 * work to: Saturday and Sunday weekly rest), 2018–2027, as data so a correction is a data change, not a code change.
 *
 * Rules behind the lists: Labour Code 2012 art. 115 (to 2020) and Labour Code 2019 art. 112 (from 2021: adds one
 * day adjacent to 2/9). A holiday falling on a Saturday or Sunday gives a compensatory day on the next working day.
 * The Tết break, the side of the 2/9 adjacent day and any swapped ("hoán đổi") working day are set each year by the
 * Prime Minister, conveyed in a notice of MOLISA (to 2024) or of the Ministry of Home Affairs (from 2025).
 * Whole breaks are listed, weekend days included, so a list reads like the announcement; weekends are non-working
 * either way. A day from an adjacent year (e.g. 31/12/2018) sits with the notice that declared it.
 * Where a swapped day or adjacent day was not confirmed it is left out and `source` says provisional.
 */
export const HOLIDAYS_VN: HolidayYear[] = [
  {
    year: 2018,
    daysOff: [
      '2018-01-01',
      // Tết Mậu Tuất (1/1 lunar = Fri 16/02)
      '2018-02-14', '2018-02-15', '2018-02-16', '2018-02-17', '2018-02-18', '2018-02-19', '2018-02-20',
      '2018-04-25', // Giỗ Tổ Hùng Vương (10/3 lunar)
      '2018-04-30', '2018-05-01',
      '2018-09-02', '2018-09-03', // 2/9 on a Sunday: compensatory Monday
    ],
    workingWeekends: [],
    source:
      'Labour Code 2012 art. 115; Tết break 14–20/02/2018 as decided by the Prime Minister and announced by MOLISA for public servants; 3/9 compensates 2/9 falling on Sunday',
  },
  {
    year: 2019,
    daysOff: [
      '2018-12-31', '2019-01-01', // Monday 31/12/2018 swapped with Saturday 05/01/2019
      // Tết Kỷ Hợi (1/1 lunar = Tue 05/02)
      '2019-02-02', '2019-02-03', '2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08', '2019-02-09', '2019-02-10',
      '2019-04-14', '2019-04-15', // Giỗ Tổ on a Sunday: compensatory Monday
      '2019-04-29', '2019-04-30', '2019-05-01', // Monday 29/04 swapped with Saturday 04/05
      '2019-09-02',
    ],
    workingWeekends: ['2019-01-05', '2019-05-04'],
    source:
      'Labour Code 2012 art. 115; Prime Minister\'s decisions announced by MOLISA for public servants: Tết break 02–10/02/2019, swaps 31/12/2018 ↔ Sat 05/01/2019 and 29/04 ↔ Sat 04/05/2019',
  },
  {
    year: 2020,
    daysOff: [
      '2020-01-01',
      // Tết Canh Tý (1/1 lunar = Sat 25/01)
      '2020-01-23', '2020-01-24', '2020-01-25', '2020-01-26', '2020-01-27', '2020-01-28', '2020-01-29',
      '2020-04-02', // Giỗ Tổ
      '2020-04-30', '2020-05-01',
      '2020-09-02',
    ],
    workingWeekends: [],
    source: 'Labour Code 2012 art. 115; Tết break 23–29/01/2020 as decided by the Prime Minister and announced by MOLISA for public servants; no swapped days',
  },
  {
    year: 2021,
    daysOff: [
      '2021-01-01',
      // Tết Tân Sửu (1/1 lunar = Fri 12/02)
      '2021-02-10', '2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15', '2021-02-16',
      '2021-04-21', // Giỗ Tổ
      '2021-04-30', '2021-05-01', '2021-05-03', // 1/5 on a Saturday: compensatory Monday
      '2021-09-02', '2021-09-03', // 2/9 and the adjacent day
    ],
    workingWeekends: [],
    source:
      'Labour Code 2019 art. 112; Tết break 10–16/02/2021 and 2/9 + 3/9 as decided by the Prime Minister and announced by MOLISA for public servants',
  },
  {
    year: 2022,
    daysOff: [
      '2022-01-01', '2022-01-03', // 1/1 on a Saturday: compensatory Monday
      // Tết Nhâm Dần (1/1 lunar = Tue 01/02)
      '2022-01-29', '2022-01-30', '2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04', '2022-02-05', '2022-02-06',
      '2022-04-10', '2022-04-11', // Giỗ Tổ on a Sunday: compensatory Monday
      '2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03', // both on the weekend: two compensatory days
      '2022-09-01', '2022-09-02', // the adjacent day taken before 2/9
    ],
    workingWeekends: [],
    source:
      'Labour Code 2019 art. 112; Tết break 29/01–06/02/2022 and 1/9 + 2/9 as decided by the Prime Minister and announced by MOLISA for public servants; compensatory days for 1/1, Giỗ Tổ, 30/4 and 1/5 on weekends',
  },
  {
    year: 2023,
    daysOff: [
      '2023-01-01', '2023-01-02', // 1/1 on a Sunday: compensatory Monday
      // Tết Quý Mão (1/1 lunar = Sun 22/01)
      '2023-01-20', '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26',
      '2023-04-29', // Giỗ Tổ on a Saturday
      '2023-04-30', '2023-05-01',
      '2023-05-02', '2023-05-03', // compensatory days for Giỗ Tổ (Sat) and 30/4 (Sun)
      '2023-09-01', '2023-09-02', '2023-09-04', // adjacent day before; 2/9 on a Saturday: compensatory Monday
    ],
    workingWeekends: [],
    source:
      'Labour Code 2019 art. 112; Tết break 20–26/01/2023 approved by Deputy Prime Minister Vũ Đức Đam on MOLISA\'s proposal; 29/04–03/05 comes from compensatory days alone (no working Saturday found for 2023)',
  },
  {
    year: 2024,
    daysOff: [
      '2024-01-01',
      // Tết Giáp Thìn (1/1 lunar = Sat 10/02)
      '2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14',
      '2024-04-18', // Giỗ Tổ
      '2024-04-29', '2024-04-30', '2024-05-01', // Monday 29/04 swapped with Saturday 04/05
      '2024-09-02', '2024-09-03', // the adjacent day taken after 2/9
    ],
    workingWeekends: ['2024-05-04'],
    source:
      'Labour Code 2019 art. 112; Prime Minister\'s decisions announced by MOLISA for public servants: Tết break 08–14/02/2024, swap 29/04 ↔ Sat 04/05/2024, 2/9 + 3/9',
  },
  {
    year: 2025,
    daysOff: [
      '2025-01-01',
      // Tết Ất Tỵ (1/1 lunar = Wed 29/01)
      '2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02',
      '2025-04-07', // Giỗ Tổ
      '2025-04-30', '2025-05-01', '2025-05-02', // Friday 02/05 swapped with Saturday 26/04
      '2025-09-01', '2025-09-02', // the adjacent day taken before 2/9
    ],
    workingWeekends: ['2025-04-26'],
    source:
      'Labour Code 2019 art. 112; Prime Minister\'s decisions (Government Office letter 8726/VPCP-KGVX of 26/11/2024): Tết break 25/01–02/02/2025, swap 02/05 ↔ Sat 26/04/2025, 1/9 + 2/9; no extra day off for the 80th National Day found (provisional on that point)',
  },
  {
    year: 2026,
    daysOff: [
      '2026-01-01', '2026-01-02', // Friday 02/01 swapped with Saturday 10/01
      // Tết Bính Ngọ (1/1 lunar = Tue 17/02)
      '2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22',
      '2026-04-26', '2026-04-27', // Giỗ Tổ on a Sunday: compensatory Monday
      '2026-04-30', '2026-05-01',
      '2026-09-02',
    ],
    workingWeekends: ['2026-01-10'],
    source:
      'Labour Code 2019 art. 112; Government Office letter 12729/VPCP-KGVX of 25/12/2025 (1/1 + swap 02/01 ↔ Sat 10/01/2026); Tết break 14–22/02/2026 as decided on the Ministry of Home Affairs\' proposal. provisional: the day adjacent to 2/9/2026 (1/9 or 3/9) and any swap around it are not confirmed here and are left out',
  },
  {
    year: 2027,
    daysOff: [
      '2027-01-01',
      // Tết Đinh Mùi (1/1 lunar = Sat 06/02): break assumed like 2020 and 2024, when Tết also fell on a Saturday
      '2027-02-04', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10',
      '2027-04-16', // Giỗ Tổ
      '2027-04-30', '2027-05-01', '2027-05-03', // 1/5 on a Saturday: compensatory Monday
      '2027-09-02', '2027-09-03', // adjacent day assumed after 2/9, as in 2021
    ],
    workingWeekends: [],
    source:
      'provisional: not yet announced. Fixed dates and compensatory days per Labour Code 2019 art. 112; the Tết break 04–10/02/2027 and 3/9 as the day adjacent to 2/9 are assumptions; no swapped days',
  },
];
