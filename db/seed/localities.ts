/**
 * Demo localities: Đắk Nông (67) and its eight district-level units, valid until the two-tier
 * reorganisation of 01/07/2025, when Đắk Nông became part of Lâm Đồng (68).
 */
import type { LocalityRow } from '../queries/localities.ts';
import { referenceProvinces } from './provinces.ts';

const untilReform = { validFrom: '2004-01-01', validTo: '2025-06-30' } as const;

export const demoLocalities: LocalityRow[] = [
  { code: '67', name: 'Tỉnh Đắk Nông', level: 'province', parentCode: null, ...untilReform },
  { code: '660', name: 'Thành phố Gia Nghĩa', level: 'district', parentCode: '67', ...untilReform },
  { code: '661', name: 'Huyện Đắk Glong', level: 'district', parentCode: '67', ...untilReform },
  { code: '662', name: 'Huyện Cư Jút', level: 'district', parentCode: '67', ...untilReform },
  { code: '663', name: 'Huyện Đắk Mil', level: 'district', parentCode: '67', ...untilReform },
  { code: '664', name: 'Huyện Krông Nô', level: 'district', parentCode: '67', ...untilReform },
  { code: '665', name: 'Huyện Đắk Song', level: 'district', parentCode: '67', ...untilReform },
  { code: '666', name: "Huyện Đắk R'Lấp", level: 'district', parentCode: '67', ...untilReform },
  { code: '667', name: 'Huyện Tuy Đức', level: 'district', parentCode: '67', ...untilReform },
  // The reference list's Lâm Đồng (db/seed/provinces.ts), so that the demo and the reference agree.
  referenceProvinces.find((p) => p.code === '68')!,
];

export const demoLocalityMappings = [{ oldCode: '67', newCode: '68', effectiveFrom: '2025-07-01' }];

/** Name of a seeded unit, for tools that work without a database (e.g. `sipas analyze`). */
export function demoLocalityName(code: string): string | undefined {
  return demoLocalities.find((l) => l.code === code)?.name;
}
