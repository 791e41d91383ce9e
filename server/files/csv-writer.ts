/**
 * Every CSV the platform writes, through csv-stringify (quoting, line breaks) and the
 * spreadsheet-cell rule (no cell a spreadsheet would run as a formula). The only module that
 * imports csv-stringify; tests/unit/files/writers.test.ts keeps it so.
 */
import { stringify } from 'csv-stringify/sync';
import { spreadsheetCell, type CellValue } from './spreadsheet-cells.ts';

const BOM = '\uFEFF';

const cells = (rows: CellValue[][]) => rows.map((row) => row.map(spreadsheetCell));

/** Records as CSV text (or another delimiter's, e.g. tab-separated output of the command line). */
export function csvText(rows: CellValue[][], options: { delimiter?: string } = {}): string {
  return stringify(cells(rows), { delimiter: options.delimiter ?? ',' });
}

/** A whole CSV file with a BOM, so that Excel shows Vietnamese diacritics correctly. */
export function writeCsv(header: string[], rows: CellValue[][]): Buffer {
  return Buffer.from(BOM + csvText([header, ...rows]), 'utf8');
}

/** The first line of a streamed CSV file: BOM and header. */
export function csvHead(header: string[]): Buffer {
  return Buffer.from(BOM + csvText([header]), 'utf8');
}

/*
 * Writing a million rows of some seventy fields through csv-stringify record by record takes far
 * longer than the export may. So csv-stringify escapes each field once where values repeat (the
 * coded answers: a few per question) and in one call per batch where they do not (ids, codes,
 * free text); a record is then its escaped fragments joined by the delimiter, which is what the
 * library itself would write, since a field's escaping does not depend on its neighbours. The
 * fragments of a batch are separated by NUL, which no field can contain: PostgreSQL text and
 * jsonb cannot hold it.
 */
const NUL = '\u0000';

/** Each row's fields, escaped and joined by commas, without the line break. */
export function escapedRecords(rows: CellValue[][]): string[] {
  if (rows.length === 0) return [];
  // Line breaks inside a field must still be quoted, as with the library's own record delimiter.
  return stringify(cells(rows), { record_delimiter: NUL, quote_record_delimiter: true }).split(NUL).slice(0, rows.length);
}

export const escapedField = (value: CellValue) => escapedRecords([[value]])[0];

/**
 * Text that csv-stringify and the spreadsheet-cell rule would both leave as it is: nothing to quote
 * (no delimiter, quote or line break) and nothing a spreadsheet would start a formula with.
 */
const PLAIN_TEXT = /^(?![=+\-@\t\r\n\u0000\uFF1D\uFF0B\uFF0D\uFF20])[^",\r\n\u0000]*$/;

/** One text field escaped as escapedField escapes it; most free answers need nothing, and skip the library's call. */
export const escapedText = (text: string): string => (PLAIN_TEXT.test(text) ? text : escapedField(text));
