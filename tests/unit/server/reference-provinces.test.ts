import { describe, expect, it } from 'vitest';
import { demoLocalities } from '../../../db/seed/localities.ts';
import { referenceProvinces } from '../../../db/seed/provinces.ts';

describe('the reference list of provinces after the 2025 reorganisation', () => {
  it('holds the 34 provinces and centrally-run cities with their official codes, valid from 1 July 2025', () => {
    expect(referenceProvinces).toHaveLength(34);
    expect(new Set(referenceProvinces.map((p) => p.code)).size).toBe(34);
    for (const p of referenceProvinces) {
      expect(p).toMatchObject({ level: 'province', parentCode: null, validFrom: '2025-07-01', validTo: null });
      expect(p.code).toMatch(/^\d{2}$/);
    }
    const byCode = Object.fromEntries(referenceProvinces.map((p) => [p.code, p.name]));
    expect(byCode).toMatchObject({
      '01': 'Thành phố Hà Nội',
      '38': 'Tỉnh Thanh Hóa',
      '46': 'Thành phố Huế',
      '66': 'Tỉnh Đắk Lắk',
      '68': 'Tỉnh Lâm Đồng',
      '79': 'Thành phố Hồ Chí Minh',
      '92': 'Thành phố Cần Thơ',
      '96': 'Tỉnh Cà Mau',
    });
    expect(referenceProvinces.filter((p) => p.name.startsWith('Thành phố ')).map((p) => p.code)).toEqual(['01', '31', '46', '48', '79', '92']);
  });

  it('stores every name in Unicode NFC, so that comparing and sorting in Vietnamese order agree', () => {
    for (const p of referenceProvinces) expect(p.name).toBe(p.name.normalize('NFC'));
    const collator = new Intl.Collator('vi');
    const sorted = referenceProvinces.map((p) => p.name.replace(/^(Tỉnh|Thành phố) /, '')).sort(collator.compare);
    expect(sorted.slice(0, 3)).toEqual(['An Giang', 'Bắc Ninh', 'Cà Mau']);
    expect(sorted.at(-1)).toBe('Vĩnh Long');
  });

  it('agrees with the demo data: Lâm Đồng (68) is the same unit, Đắk Nông (67) ended the day before', () => {
    const demo68 = demoLocalities.find((l) => l.code === '68');
    expect(demo68).toEqual(referenceProvinces.find((p) => p.code === '68'));
    expect(demoLocalities.find((l) => l.code === '67')).toMatchObject({ validTo: '2025-06-30' });
    expect(referenceProvinces.some((p) => p.code === '67')).toBe(false);
  });
});
