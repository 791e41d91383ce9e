/** Reading and writing the platform's tabular files (CSV in UTF-8, XLSX) with well-kept libraries. */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export type TableRecord = Record<string, string>;
export type TableFormat = 'csv' | 'xlsx';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function detectFormat(fileNameOrType: string, bytes: Buffer): TableFormat {
  // XLSX files are ZIP archives: they start with "PK".
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  return /xlsx|spreadsheetml/i.test(fileNameOrType) ? 'xlsx' : 'csv';
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
  }
  return String(value);
}

/** Records keyed by the header row; for XLSX the first sheet. Text is NFC-normalised. */
export async function readTable(bytes: Buffer, format: TableFormat): Promise<TableRecord[]> {
  if (format === 'csv') {
    const records = parse(bytes.toString('utf8'), { columns: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as TableRecord[];
    return records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.normalize('NFC'), (v ?? '').normalize('NFC')])));
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    header[column] = cellText(cell.value).normalize('NFC').trim();
  });
  const records: TableRecord[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const record: TableRecord = {};
    let empty = true;
    header.forEach((name, column) => {
      if (!name) return;
      const text = cellText(row.getCell(column).value).normalize('NFC').trim();
      if (text) empty = false;
      record[name] = text;
    });
    if (!empty) records.push(record);
  }
  return records;
}

/** CSV with a BOM, so that Excel shows Vietnamese diacritics correctly. */
export function writeCsv(header: string[], rows: Array<Array<string | number | null>>): Buffer {
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(stringify([header, ...rows]), 'utf8')]);
}

export async function writeXlsx(sheets: Array<{ name: string; header: string[]; rows: Array<Array<string | number | null>> }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    sheet.addRow(s.header).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row);
    sheet.columns.forEach((column) => {
      column.width = Math.min(60, Math.max(10, ...(column.values ?? []).map((v) => String(v ?? '').length + 2)));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
