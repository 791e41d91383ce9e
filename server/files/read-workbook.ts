/**
 * An uploaded workbook of several named sheets (the questionnaire template), read as read-table.ts
 * reads one table — within the limits of its kind, cells trimmed and in NFC, control characters and
 * header faults refused — with every problem naming its sheet. Sheets the reader does not know are
 * ignored (the template's "Hướng dẫn" guide among them); a missing sheet is a problem of its own.
 */
import { Problem } from '../errors.ts';
import { columnLetter, limitText, malformed, rowProblem, tooLarge, type RowProblem } from './file-problems.ts';
import { CONTROL, checkHeader, type Table } from './read-table.ts';
import type { TableLimits } from './table-limits.ts';
import { notXlsx } from './xlsx-archive.ts';
import { xlsxSheetRows } from './read-xlsx.ts';

const isZip = (bytes: Buffer) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export interface SheetSpec {
  name: string;
  required: readonly string[];
  mayBeEmpty?: boolean;
}

interface Collected {
  header?: { row: number; cells: string[] };
  rows: Array<{ row: number; cells: string[] }>;
}

export async function readWorkbook(bytes: Buffer, limits: TableLimits, sheets: readonly SheetSpec[]): Promise<Map<string, Table>> {
  if (bytes.length > limits.bytes) {
    throw tooLarge(
      limits,
      `${limitText.count(bytes.length)} byte (tối đa ${limitText.count(limits.bytes)})`,
      `${limitText.countEn(bytes.length)} bytes (at most ${limitText.countEn(limits.bytes)})`,
    );
  }
  if (!isZip(bytes)) throw notXlsx(limits, 'không bắt đầu như một tệp nén ZIP / not a ZIP archive');
  const wanted = new Map(sheets.map((s) => [s.name, s]));
  const collected = new Map<string, Collected>();
  const problems: RowProblem[] = [];
  const at = (sheet: string, p: RowProblem): RowProblem => ({ sheet, ...p });
  try {
    for await (const raw of xlsxSheetRows(bytes, limits)) {
      if (!wanted.has(raw.sheet)) continue;
      let sheet = collected.get(raw.sheet);
      if (!sheet) collected.set(raw.sheet, (sheet = { rows: [] }));
      const cells = raw.cells.map((text) => text.normalize('NFC').trim());
      if (cells.every((text) => text === '')) continue;
      cells.forEach((text, k) => {
        const column = sheet.header?.cells[k] || columnLetter(k + 1);
        if (text.length > limits.cellLength)
          problems.push(
            at(raw.sheet, rowProblem(raw.row, column, text, `ô dài quá ${limits.cellLength} ký tự`, `cell longer than ${limits.cellLength} characters`)),
          );
        if (CONTROL.test(text))
          problems.push(
            at(
              raw.sheet,
              rowProblem(
                raw.row,
                column,
                text.replace(new RegExp(CONTROL, 'g'), '�'),
                'ô chứa ký tự điều khiển (NUL …)',
                'the cell contains control characters (NUL …)',
              ),
            ),
          );
      });
      if (!sheet.header) {
        sheet.header = { row: raw.row, cells };
        continue;
      }
      if (sheet.rows.length >= limits.rows)
        throw tooLarge(
          limits,
          `trang ${raw.sheet} có hơn ${limitText.count(limits.rows)} dòng`,
          `sheet ${raw.sheet} has more than ${limitText.countEn(limits.rows)} rows`,
        );
      const extra = cells.slice(sheet.header.cells.length);
      if (extra.some((text) => text !== ''))
        problems.push(
          at(
            raw.sheet,
            rowProblem(raw.row, columnLetter(sheet.header.cells.length + 1), extra.join(','), 'ô nằm ngoài các cột có tên', 'a cell outside the named columns'),
          ),
        );
      sheet.rows.push({ row: raw.row, cells });
    }
  } catch (error) {
    if (error instanceof Problem) throw error;
    throw malformed(limits, [rowProblem(0, '', '', 'không đọc được tệp', 'the file cannot be read')]);
  }
  const tables = new Map<string, Table>();
  for (const spec of sheets) {
    const sheet = collected.get(spec.name);
    if (!sheet?.header) {
      if (!spec.mayBeEmpty) problems.push({ ...rowProblem(0, '', '', `thiếu trang "${spec.name}"`, `the sheet "${spec.name}" is missing`), sheet: spec.name });
      tables.set(spec.name, { header: [], rows: [] });
      continue;
    }
    const header = sheet.header;
    const raws = sheet.rows.map((r) => ({ row: r.row, cells: r.cells }));
    problems.push(...checkHeader(header, raws, { limits, required: spec.required }).map((p) => at(spec.name, p)));
    if (raws.length === 0 && !spec.mayBeEmpty)
      problems.push(
        at(spec.name, rowProblem(header.row + 1, '', '', 'trang chỉ có dòng tiêu đề, không có dòng dữ liệu', 'the sheet has a header but no rows')),
      );
    tables.set(spec.name, {
      header: header.cells.filter((name) => name !== ''),
      rows: raws.map((r) => ({
        row: r.row,
        cells: Object.fromEntries(header.cells.flatMap((name, k) => (name === '' ? [] : [[name, r.cells[k] ?? '']]))),
      })),
    });
  }
  if (problems.length > 0) throw malformed(limits, orderedBySheet(problems, sheets));
  return tables;
}

function orderedBySheet(problems: RowProblem[], sheets: readonly SheetSpec[]): RowProblem[] {
  const order = new Map(sheets.map((s, k) => [s.name, k]));
  return [...problems].sort((a, b) => (order.get(a.sheet ?? '') ?? 0) - (order.get(b.sheet ?? '') ?? 0) || a.row - b.row);
}
