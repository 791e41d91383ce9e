/**
 * The rows of an uploaded CSV, read by csv-parse as a stream so that limits hold while reading: a
 * million short lines stop at the row limit, one giant field at the record size. What a spreadsheet
 * program gets wrong when saving is named: not UTF-8 (Excel's "CSV" in a Windows code page, or
 * UTF-16 "Unicode text"), and semicolons or tabs where commas belong.
 */
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { columnLetter, malformed, rowProblem, tooLarge, limitText } from './file-problems.ts';
import type { TableLimits } from './table-limits.ts';
import type { RawRow } from './raw-row.ts';

const CHUNK = 64 * 1024;

function* chunks(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
}

/** The line (1-based) of the first byte that is not UTF-8, or undefined when all are. */
function firstInvalidLine(bytes: Buffer): number | undefined {
  if (isUtf8(bytes)) return undefined;
  let line = 1;
  let start = 0;
  for (let at = 0; at <= bytes.length; at++) {
    if (at === bytes.length || bytes[at] === 0x0a) {
      if (!isUtf8(bytes.subarray(start, at))) return line;
      line++;
      start = at + 1;
    }
  }
  return line;
}

function notUtf8(limits: TableLimits, bytes: Buffer): Error | undefined {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const line = utf16 ? 1 : firstInvalidLine(bytes);
  if (line === undefined) return undefined;
  return malformed(limits, [
    rowProblem(
      line,
      '',
      '',
      utf16
        ? 'tệp được lưu dạng UTF-16 ("Unicode Text"); hãy lưu lại dạng "CSV UTF-8 (phân cách bằng dấu phẩy)"'
        : 'tệp không phải văn bản UTF-8 (có thể đã lưu theo bảng mã Windows); hãy lưu lại dạng "CSV UTF-8 (phân cách bằng dấu phẩy)"',
      utf16
        ? 'the file is saved as UTF-16 ("Unicode Text"); save it again as "CSV UTF-8 (Comma delimited)"'
        : 'the file is not UTF-8 text (perhaps saved in a Windows code page); save it again as "CSV UTF-8 (Comma delimited)"',
    ),
  ]);
}

const syntaxReasons: Record<string, [string, string]> = {
  CSV_QUOTE_NOT_CLOSED: ['dấu ngoặc kép mở mà không đóng', 'a double quote is opened and never closed'],
  CSV_INVALID_CLOSING_QUOTE: ['dấu ngoặc kép đóng đặt sai chỗ (giữa một ô)', 'a closing double quote in the middle of a field'],
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: ['có ký tự sau dấu ngoặc kép đóng', 'characters after a closing double quote'],
  CSV_QUOTE_IN_UNQUOTED_FIELD: ['dấu ngoặc kép trong ô không được bao bởi ngoặc kép', 'a double quote inside an unquoted field'],
};

/** The header's names, to name a column in an error found before its row reached us. */
function headerOf(bytes: Buffer): string[] {
  const end = bytes.indexOf(0x0a);
  try {
    const [names] = parseSync(bytes.subarray(0, end < 0 ? Math.min(bytes.length, CHUNK) : Math.min(end, CHUNK)), {
      bom: true,
      relax_quotes: true,
    }) as string[][];
    return names ?? [];
  } catch {
    return [];
  }
}

/** Rows as they come: the header first; `row` is the number a spreadsheet shows (blank lines count). */
export async function* csvRows(bytes: Buffer, limits: TableLimits): AsyncGenerator<RawRow> {
  const encoding = notUtf8(limits, bytes);
  if (encoding) throw encoding;
  const parser = parse({
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
    max_record_size: limits.cellLength * limits.columns,
  });
  const source = Readable.from(chunks(bytes));
  source.pipe(parser);
  let header: string[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number; empty_lines: number } }>) {
      const row = info.records + info.empty_lines;
      if (!header && record.length === 1 && /[;\t|]/.test(record[0])) {
        const separator = record[0].includes(';') ? 'dấu chấm phẩy (;)' : record[0].includes('\t') ? 'dấu tab' : 'dấu |';
        throw malformed(limits, [
          rowProblem(
            row,
            '',
            record[0],
            `các cột được phân cách bằng ${separator}: hãy dùng dấu phẩy (,) — lưu lại dạng "CSV UTF-8 (phân cách bằng dấu phẩy)"`,
            'the columns are not separated by commas: use commas — save again as "CSV UTF-8 (Comma delimited)"',
          ),
        ]);
      }
      header ??= record;
      yield { row, cells: record };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const { lines: line = 0, column: index } = error as CsvError & { lines?: number; column?: number | string | null };
    if (error.code === 'CSV_MAX_RECORD_SIZE') {
      const column = typeof index === 'number' ? (header ?? headerOf(bytes))[index]?.trim() || columnLetter(index + 1) : '';
      throw tooLarge(
        limits,
        `dòng ${line} dài hơn ${limitText.count(limits.cellLength * limits.columns)} ký tự`,
        `line ${line} is longer than ${limitText.countEn(limits.cellLength * limits.columns)} characters`,
        rowProblem(
          line,
          column,
          '',
          `ô hoặc dòng quá dài (tối đa ${limitText.count(limits.cellLength)} ký tự một ô)`,
          `field or line too long (at most ${limitText.countEn(limits.cellLength)} characters a field)`,
        ),
      );
    }
    const [vi, en] = syntaxReasons[error.code] ?? ['CSV không hợp lệ', 'invalid CSV'];
    throw malformed(limits, [rowProblem(line, '', '', `${vi} (dòng ${line})`, `${en} (line ${line})`)]);
  } finally {
    source.destroy();
    parser.destroy();
  }
}
