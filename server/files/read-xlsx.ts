/**
 * The rows of an uploaded XLSX's first sheet. The archive is unzipped within limits first
 * (xlsx-archive.ts); only what was inflated there — workbook, shared strings, styles, sheets — is
 * handed on, stored uncompressed in a new archive that exceljs reads as a stream, a row at a time,
 * so that rows, columns and cells are counted while reading and no sheet model is built in memory.
 */
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import yazl from 'yazl';
import { Problem } from '../errors.ts';
import { tooLarge, limitText, rowProblem } from './file-problems.ts';
import type { RawRow } from './raw-row.ts';
import type { TableLimits } from './table-limits.ts';
import { notXlsx, xlsxParts } from './xlsx-archive.ts';

const EMPTY_SHARED_STRINGS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

/*
 * exceljs's stream reader needs the relations and the workbook before the sheets, and the shared
 * strings too (else it parks each sheet in a temporary file): so they go first, and an empty
 * shared-strings part stands in for a workbook that has none.
 */
function repacked(parts: Map<string, Buffer>): Readable {
  const zip = new yazl.ZipFile();
  const add = (name: string, bytes: Buffer | undefined) => bytes && zip.addBuffer(bytes, name, { compress: false });
  add('xl/_rels/workbook.xml.rels', parts.get('xl/_rels/workbook.xml.rels'));
  add('xl/workbook.xml', parts.get('xl/workbook.xml'));
  add('xl/sharedStrings.xml', parts.get('xl/sharedStrings.xml') ?? Buffer.from(EMPTY_SHARED_STRINGS));
  add('xl/styles.xml', parts.get('xl/styles.xml'));
  for (const [name, bytes] of parts) if (name.startsWith('xl/worksheets/')) add(name, bytes);
  zip.end();
  return zip.outputStream as Readable;
}

interface SheetEntry {
  id: number;
  name: string;
}

/** A row of a named sheet. */
export interface SheetRawRow extends RawRow {
  sheet: string;
}

/** The rows of an uploaded XLSX's first sheet. */
export async function* xlsxRows(bytes: Buffer, limits: TableLimits): AsyncGenerator<RawRow> {
  for await (const { sheet: _, ...row } of xlsxSheetRows(bytes, limits, true)) yield row;
}

/** The rows of every sheet (or the first only), each with its sheet's name, sheet after sheet. */
export async function* xlsxSheetRows(bytes: Buffer, limits: TableLimits, firstOnly = false): AsyncGenerator<SheetRawRow> {
  const parts = await xlsxParts(bytes, limits);
  if (!parts.has('xl/workbook.xml') || !parts.has('xl/_rels/workbook.xml.rels')) throw notXlsx(limits, 'thiếu xl/workbook.xml / no workbook part');
  if (![...parts.keys()].some((name) => name.startsWith('xl/worksheets/'))) throw notXlsx(limits, 'không có trang tính / no worksheet');
  const stream = repacked(parts);
  parts.clear();
  // Loaded when first needed: exceljs and its zip libraries take a third of a second to load.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      // The first sheet in the workbook's own order (the tabs), whichever part holds it.
      const first = (reader as unknown as { model?: { sheets?: SheetEntry[] } }).model?.sheets?.[0];
      if (firstOnly && first && (sheet as unknown as SheetEntry).id !== first.id) continue;
      sheets++;
      const name = (sheet as unknown as SheetEntry).name;
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        const columns = Math.max(0, values.length - 1);
        if (columns > limits.columns) {
          throw tooLarge(
            limits,
            `dòng ${row.number} có ${limitText.count(columns)} cột (tối đa ${limitText.count(limits.columns)})`,
            `row ${row.number} has ${limitText.countEn(columns)} columns (at most ${limitText.countEn(limits.columns)})`,
            rowProblem(row.number, '', '', 'quá nhiều cột', 'too many columns'),
          );
        }
        yield { sheet: name, row: row.number, cells: Array.from({ length: columns }, (_, k) => cellText(values[k + 1])) };
      }
      if (firstOnly) return;
    }
    if (sheets === 0) throw notXlsx(limits, 'không có trang tính / no worksheet');
  } catch (error) {
    if (error instanceof Problem) throw error;
    throw notXlsx(limits, 'nội dung trang tính bị hỏng / damaged sheet content');
  } finally {
    stream.destroy();
  }
}
