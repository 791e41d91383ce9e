/**
 * The one way an uploaded table (CSV or XLSX) is read — imports, frames, administrative units —
 * with the limits of its kind enforced while reading (table-limits.ts) and everything malformed
 * refused with its row and column: no header, header only, unnamed, duplicated, overlong or missing
 * columns, control characters (NUL …), cells past the header, cells too long. Names and cells come
 * back trimmed and in Unicode NFC, each row with the number a spreadsheet shows for it.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Problem } from '../errors.ts';
import { columnLetter, limitText, malformed, rowProblem, tooLarge, type RowProblem } from './file-problems.ts';
import { csvRows } from './read-csv.ts';
import type { RawRow } from './raw-row.ts';
import type { TableLimits } from './table-limits.ts';
import { notXlsx } from './xlsx-archive.ts';
import { xlsxRows } from './read-xlsx.ts';

export type TableFormat = 'csv' | 'xlsx';
export type TableRecord = Record<string, string>;

export interface TableRow {
  /** The row as a spreadsheet numbers it: the header is row 1 (blank lines count). */
  row: number;
  cells: TableRecord;
}

export interface Table {
  header: string[];
  rows: TableRow[];
}

export interface TableSpec {
  limits: TableLimits;
  /** Columns the file must have. */
  required?: readonly string[];
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const isZip = (bytes: Buffer) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export function detectFormat(fileNameOrType: string, bytes: Buffer): TableFormat {
  // XLSX files are ZIP archives: they start with "PK\3\4", whatever they are called.
  if (isZip(bytes)) return 'xlsx';
  return /xlsx|spreadsheetml/i.test(fileNameOrType) ? 'xlsx' : 'csv';
}

/** C0 control characters but tab and line breaks, and DEL: no one types them, and NUL cannot be stored. */
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/*
 * Reading a spreadsheet holds up to its unzipped size in memory; two at a time bound what a burst
 * of uploads can take, while the others wait their turn.
 */
const READERS_AT_ONCE = 2;
let reading = 0;
const queue: Array<() => void> = [];

async function turn(): Promise<void> {
  if (reading < READERS_AT_ONCE) {
    reading++;
    return;
  }
  await new Promise<void>((resolve) => queue.push(resolve));
}

function done(): void {
  const next = queue.shift();
  if (next) next();
  else reading--;
}

export function checkHeader(header: RawRow, rows: RawRow[], spec: TableSpec): RowProblem[] {
  const { limits } = spec;
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  header.cells.forEach((name, k) => {
    const letter = columnLetter(k + 1);
    if (name === '') {
      if (rows.some((r) => (r.cells[k] ?? '') !== ''))
        problems.push(rowProblem(header.row, letter, '', `cột ${letter} có dữ liệu nhưng không có tên`, `column ${letter} has data but no name`));
      return;
    }
    if (name.length > limits.headerLength) {
      problems.push(
        rowProblem(header.row, letter, name, `tên cột dài quá ${limits.headerLength} ký tự`, `column name longer than ${limits.headerLength} characters`),
      );
    }
    if (CONTROL.test(name))
      problems.push(
        rowProblem(header.row, letter, name.replace(CONTROL, '�'), 'tên cột chứa ký tự điều khiển (NUL …)', 'column name contains control characters (NUL …)'),
      );
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      problems.push(
        rowProblem(
          header.row,
          name,
          name,
          `tên cột lặp lại (cột ${columnLetter(earlier + 1)} và ${letter})`,
          `duplicated column name (columns ${columnLetter(earlier + 1)} and ${letter})`,
        ),
      );
    } else seen.set(name, k);
  });
  const joined = header.cells.join(',');
  const hint = /[;\t]/.test(joined) ? ' — các cột phải phân cách bằng dấu phẩy (,)' : '';
  const hintEn = hint ? ' — columns must be separated by commas' : '';
  for (const column of spec.required ?? []) {
    if (!seen.has(column))
      problems.push(rowProblem(header.row, column, '', `thiếu cột bắt buộc "${column}"${hint}`, `missing required column "${column}"${hintEn}`));
  }
  return problems;
}

export async function readTable(bytes: Buffer, format: TableFormat, spec: TableSpec): Promise<Table> {
  const { limits } = spec;
  if (bytes.length === 0) throw malformed(limits, [rowProblem(0, '', '', 'tệp trống', 'the file is empty')]);
  if (bytes.length > limits.bytes) {
    throw tooLarge(
      limits,
      `${limitText.count(bytes.length)} byte (tối đa ${limitText.count(limits.bytes)})`,
      `${limitText.countEn(bytes.length)} bytes (at most ${limitText.countEn(limits.bytes)})`,
    );
  }
  if (format === 'xlsx' && !isZip(bytes)) throw notXlsx(limits, 'không bắt đầu như một tệp nén ZIP / not a ZIP archive');
  await turn();
  try {
    let header: RawRow | undefined;
    const rows: RawRow[] = [];
    const problems: RowProblem[] = [];
    for await (const raw of format === 'csv' ? csvRows(bytes, limits) : xlsxRows(bytes, limits)) {
      raw.cells.forEach((text, k) => {
        if (text.length > limits.cellLength) {
          const column = header?.cells[k] || columnLetter(k + 1);
          throw tooLarge(
            limits,
            `ô ${column} ở dòng ${raw.row} dài ${limitText.count(text.length)} ký tự (tối đa ${limitText.count(limits.cellLength)})`,
            `the cell ${column} of row ${raw.row} has ${limitText.countEn(text.length)} characters (at most ${limitText.countEn(limits.cellLength)})`,
            rowProblem(raw.row, column, text, 'ô quá dài', 'cell too long'),
          );
        }
      });
      const cells = raw.cells.map((text) => text.normalize('NFC').trim());
      if (cells.every((text) => text === '')) continue;
      if (!header) {
        header = { row: raw.row, cells };
        if (cells.length > limits.columns) {
          throw tooLarge(
            limits,
            `${limitText.count(cells.length)} cột (tối đa ${limitText.count(limits.columns)})`,
            `${limitText.countEn(cells.length)} columns (at most ${limitText.countEn(limits.columns)})`,
          );
        }
        continue;
      }
      if (rows.length >= limits.rows) {
        throw tooLarge(limits, `hơn ${limitText.count(limits.rows)} dòng dữ liệu`, `more than ${limitText.countEn(limits.rows)} data rows`);
      }
      cells.forEach((text, k) => {
        const column = header!.cells[k] || columnLetter(k + 1);
        if (CONTROL.test(text))
          problems.push(
            rowProblem(
              raw.row,
              column,
              text.replace(new RegExp(CONTROL, 'g'), '�'),
              'ô chứa ký tự điều khiển (NUL …)',
              'the cell contains control characters (NUL …)',
            ),
          );
      });
      const extra = cells.slice(header.cells.length);
      if (extra.some((text) => text !== '')) {
        problems.push(
          rowProblem(
            raw.row,
            columnLetter(header.cells.length + 1),
            extra.join(','),
            `dòng có ${cells.length} ô nhưng tiêu đề chỉ có ${header.cells.length} cột`,
            `the row has ${cells.length} cells but the header only ${header.cells.length} columns`,
          ),
        );
      }
      rows.push({ row: raw.row, cells });
      // A long file must not hold up other requests: let them in every so often.
      if (rows.length % 1000 === 0) await nextTurn();
    }
    if (!header) throw malformed(limits, [rowProblem(1, '', '', 'tệp không có dòng tiêu đề', 'the file has no header row')]);
    problems.push(...checkHeader(header, rows, spec));
    if (rows.length === 0)
      problems.push(rowProblem(header.row + 1, '', '', 'tệp chỉ có dòng tiêu đề, không có dòng dữ liệu', 'the file has a header but no data rows'));
    if (problems.length > 0) throw malformed(limits, problems);
    const names = header.cells;
    return {
      header: names.filter((name) => name !== ''),
      rows: rows.map((r) => ({
        row: r.row,
        cells: Object.fromEntries(names.flatMap((name, k) => (name === '' ? [] : [[name, r.cells[k] ?? '']]))),
      })),
    };
  } catch (error) {
    if (error instanceof Problem) throw error;
    // Whatever else a damaged file makes a library throw is still the file's fault, not the server's.
    throw malformed(limits, [rowProblem(0, '', '', 'không đọc được tệp', 'the file cannot be read')]);
  } finally {
    done();
  }
}
