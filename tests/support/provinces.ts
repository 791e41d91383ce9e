/**
 * Provinces beyond the demo's two, for tests of rounds over several provinces: Hà Nội (01) and
 * Huế (46) with a commune each, valid from the two-tier reform (01/07/2025) on, like Lâm Đồng (68).
 */
import type { Database } from '../../db/client.ts';
import { upsertLocalities, type LocalityRow } from '../../db/queries/localities.ts';
import { insertOfficeIfAbsent } from '../../db/queries/rounds.ts';

const fromReform = { validFrom: '2025-07-01', validTo: null } as const;

export const testProvinces: LocalityRow[] = [
  { code: '01', name: 'Thành phố Hà Nội', level: 'province', parentCode: null, ...fromReform },
  { code: '00004', name: 'Phường Ba Đình', level: 'commune', parentCode: '01', ...fromReform },
  { code: '46', name: 'Thành phố Huế', level: 'province', parentCode: null, ...fromReform },
  { code: '19753', name: 'Phường Thuận Hóa', level: 'commune', parentCode: '46', ...fromReform },
  { code: '24780', name: 'Phường Xuân Hương - Đà Lạt', level: 'commune', parentCode: '68', ...fromReform },
];

/** The test provinces and an office in Hà Nội (MC-HN) and in Lâm Đồng (MC-LD). */
export async function addTestProvinces(db: Database): Promise<void> {
  await upsertLocalities(db, testProvinces);
  await insertOfficeIfAbsent(db, { code: 'MC-HN', name: 'Trung tâm Phục vụ hành chính công phường Ba Đình', localityCode: '00004' });
  await insertOfficeIfAbsent(db, { code: 'MC-LD', name: 'Trung tâm Phục vụ hành chính công phường Xuân Hương - Đà Lạt', localityCode: '24780' });
}
