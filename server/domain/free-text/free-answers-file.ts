/** The free answers a reader filtered, with their categories, as CSV or XLSX; every download audited. */
import type { FreeTextFilters } from '../../../contract/free-text.ts';
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../db/queries/audit.ts';
import { writeCsv, writeXlsx, XLSX_MEDIA_TYPE } from '../../files/tables.ts';
import { FREE_TEXT_HEADER, freeAnswerTable } from './free-answers.ts';

export async function freeAnswersFile(db: Database, readerId: number, code: string, filters: FreeTextFilters, format: 'csv' | 'xlsx') {
  const { round, clear, rows } = await freeAnswerTable(db, readerId, code, filters);
  const name = `sipas-y-kien-${round.code}${filters.respondentType === 'organisation' ? '-to-chuc' : ''}${clear ? '' : '-da-che'}.${format}`;
  const body =
    format === 'csv'
      ? writeCsv(FREE_TEXT_HEADER, rows)
      : await writeXlsx([
          { name: 'Ý kiến', header: FREE_TEXT_HEADER, rows },
          {
            name: 'Ghi chú',
            header: ['mục', 'giá trị'],
            rows: [
              ['đợt khảo sát', round.code],
              ['thông tin cá nhân', clear ? 'hiển thị đầy đủ' : 'đã che: [SĐT], [SỐ GIẤY TỜ], [SỐ], [EMAIL], [HỌ TÊN], [ĐỊA CHỈ]'],
              ['số câu trả lời', rows.length],
            ],
          },
        ]);
  const { respondentType, locality, office, item, category, q } = filters;
  await recordAudit(db, [
    {
      userId: readerId,
      action: 'download_free_text',
      entity: 'round',
      entityId: round.code,
      newValue: { rows: rows.length, clear, format, respondentType, locality, office, item, category, q },
    },
  ]);
  return { fileName: name, mediaType: format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MEDIA_TYPE, body };
}
