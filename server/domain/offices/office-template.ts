/** The file a list of offices is written into: CSV (header only), or XLSX with the levels explained and the units to choose from. */
import type { Database } from '../../../db/client.ts';
import { listLocalities } from '../../../db/queries/localities.ts';
import { readTable, uploadLimits, writeCsv, writeXlsx, XLSX_MEDIA_TYPE, detectFormat, type Table } from '../../files/tables.ts';
import type { DownloadFile } from '../imports/import-template.ts';
import { OFFICE_COLUMNS } from './office-rows.ts';

const LEVELS = [
  ['province', 'Trung tâm Phục vụ hành chính công cấp tỉnh', 'đơn vị cấp tỉnh'],
  ['commune', 'Bộ phận Một cửa cấp xã', 'đơn vị cấp xã'],
  ['district', 'Bộ phận Một cửa cấp huyện (trước 01/07/2025)', 'đơn vị cấp huyện'],
];

export async function officeTemplate(db: Database, format: 'csv' | 'xlsx'): Promise<DownloadFile> {
  const name = 'sipas-mau-diem-khao-sat';
  if (format === 'csv') return { fileName: `${name}.csv`, mediaType: 'text/csv; charset=utf-8', body: writeCsv([...OFFICE_COLUMNS], []) };
  const units = await listLocalities(db);
  const body = await writeXlsx([
    { name: 'Điểm khảo sát', header: [...OFFICE_COLUMNS], rows: [] },
    { name: 'Cấp', header: ['level', 'nghĩa', 'locality phải là'], rows: LEVELS },
    {
      name: 'Đơn vị hành chính',
      header: ['locality', 'tên', 'cấp', 'hiệu lực từ', 'hiệu lực đến'],
      rows: units.map((u) => [u.code, u.name, u.level, u.validFrom, u.validTo ?? '']),
    },
  ]);
  return { fileName: `${name}.xlsx`, mediaType: XLSX_MEDIA_TYPE, body };
}

export function readOfficesTable(bytes: Buffer, nameOrType: string): Promise<Table> {
  return readTable(bytes, detectFormat(nameOrType, bytes), { limits: uploadLimits.offices, required: OFFICE_COLUMNS });
}
