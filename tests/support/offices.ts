/** Offices for tests: communes to place them in, and a way back to the demo's one office between tests. */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { upsertLocalities } from '../../db/queries/localities.ts';

/** Three communes of Lâm Đồng after the 2025 reorganisation (communes sit directly under the province). */
export const TEST_COMMUNES = [
  { code: '24778', name: 'Phường Bắc Gia Nghĩa', level: 'commune' as const, parentCode: '68', validFrom: '2025-07-01', validTo: null },
  { code: '24805', name: 'Xã Quảng Sơn', level: 'commune' as const, parentCode: '68', validFrom: '2025-07-01', validTo: null },
  { code: '24820', name: 'Xã Đắk Song', level: 'commune' as const, parentCode: '68', validFrom: '2025-07-01', validTo: null },
];

export async function addTestCommunes(db: Database): Promise<void> {
  await upsertLocalities(db, TEST_COMMUNES);
}

/** Removes every office but the demo's (and their links), and restores the demo office. */
export async function resetOffices(db: Database): Promise<void> {
  await db.execute(sql`delete from survey_links where office_id in (select id from offices where code <> 'MC-660')`);
  await db.execute(sql`delete from offices where code <> 'MC-660'`);
  await db.execute(
    sql`update offices set name = 'Bộ phận Một cửa thành phố Gia Nghĩa', locality_code = '660', level = 'district', active = true where code = 'MC-660'`,
  );
}

/** A CSV file of offices, from rows of cells (the header first). */
export function officesCsv(rows: string[][]): Buffer {
  return Buffer.from(`${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');
}
