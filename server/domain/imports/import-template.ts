/** The file a round's paper forms are keyed into elsewhere: CSV (header only), or XLSX with a codebook sheet. */
import type { Database } from '../../../db/client.ts';
import { findQuestionnaire } from '../../../db/queries/questionnaires.ts';
import { writeCsv, writeXlsx, XLSX_MEDIA_TYPE } from '../../files/tables.ts';
import { roundOrFail } from '../paper-forms/paper-forms.ts';
import { codebook, templateColumns } from './response-import.ts';

export interface DownloadFile {
  fileName: string;
  mediaType: string;
  body: Awaited<ReturnType<typeof writeCsv>> | Awaited<ReturnType<typeof writeXlsx>>;
}

export async function importTemplate(db: Database, roundCode: string, format: 'csv' | 'xlsx'): Promise<DownloadFile> {
  const round = await roundOrFail(db, roundCode);
  const def = (await findQuestionnaire(db, round.questionnaires.citizen))!;
  const name = `sipas-mau-nhap-${round.code}`;
  if (format === 'csv') return { fileName: `${name}.csv`, mediaType: 'text/csv; charset=utf-8', body: writeCsv(templateColumns(def), []) };
  const body = await writeXlsx([
    { name: 'Dữ liệu', header: templateColumns(def), rows: [] },
    { name: 'Mã hóa', header: ['cột', 'câu hỏi', 'giá trị', 'điều kiện'], rows: codebook(def) },
    {
      name: 'Thông tin',
      header: ['mục', 'giá trị'],
      rows: [
        ['đợt khảo sát', round.code],
        ['tên đợt', round.name],
        ['phiên bản phiếu', def.version],
      ],
    },
  ]);
  return { fileName: `${name}.xlsx`, mediaType: XLSX_MEDIA_TYPE, body };
}
