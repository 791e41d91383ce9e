/**
 * Vietnam's 34 provinces and centrally-run cities after the reorganisation in force from 1 July
 * 2025 (Resolution 202/2025/QH15), with their official codes: reference data every installation
 * holds, so that a national round can be created without importing anything. Six are centrally-run
 * cities (Thành phố), the others provinces (Tỉnh). The codes of merged provinces are those of the
 * province that kept its code; the old units and their districts come from an import.
 */
import type { LocalityRow } from '../queries/localities.ts';

export const REFORM_DATE = '2025-07-01';

const cities = new Set(['01', '31', '46', '48', '79', '92']);

const names: Array<[code: string, name: string]> = [
  ['01', 'Hà Nội'],
  ['04', 'Cao Bằng'],
  ['08', 'Tuyên Quang'],
  ['11', 'Điện Biên'],
  ['12', 'Lai Châu'],
  ['14', 'Sơn La'],
  ['15', 'Lào Cai'],
  ['19', 'Thái Nguyên'],
  ['20', 'Lạng Sơn'],
  ['22', 'Quảng Ninh'],
  ['24', 'Bắc Ninh'],
  ['25', 'Phú Thọ'],
  ['31', 'Hải Phòng'],
  ['33', 'Hưng Yên'],
  ['37', 'Ninh Bình'],
  ['38', 'Thanh Hóa'],
  ['40', 'Nghệ An'],
  ['42', 'Hà Tĩnh'],
  ['44', 'Quảng Trị'],
  ['46', 'Huế'],
  ['48', 'Đà Nẵng'],
  ['51', 'Quảng Ngãi'],
  ['52', 'Gia Lai'],
  ['56', 'Khánh Hòa'],
  ['66', 'Đắk Lắk'],
  ['68', 'Lâm Đồng'],
  ['75', 'Đồng Nai'],
  ['79', 'Hồ Chí Minh'],
  ['80', 'Tây Ninh'],
  ['82', 'Đồng Tháp'],
  ['86', 'Vĩnh Long'],
  ['91', 'An Giang'],
  ['92', 'Cần Thơ'],
  ['96', 'Cà Mau'],
];

export const referenceProvinces: LocalityRow[] = names.map(([code, name]) => ({
  code,
  name: `${cities.has(code) ? 'Thành phố' : 'Tỉnh'} ${name}`.normalize('NFC'),
  level: 'province',
  parentCode: null,
  validFrom: REFORM_DATE,
  validTo: null,
}));
