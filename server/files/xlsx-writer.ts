/**
 * Every XLSX the platform writes, through exceljs and the spreadsheet-cell rule: text cells that a
 * spreadsheet would turn into a formula once edited (or once saved as CSV) start with `'`; numbers
 * are numeric cells. The only module that writes with exceljs (tests/unit/files/writers.test.ts).
 */
import type { Worksheet } from 'exceljs';
import { spreadsheetCell, type CellValue } from './spreadsheet-cells.ts';

export interface SheetContent {
  name: string;
  header: string[];
  rows: CellValue[][];
}

// Loaded when first needed: exceljs and its zip libraries take a third of a second to load.
const excel = async () => (await import('exceljs')).default;

const fitWidths = (sheet: Worksheet) =>
  sheet.columns.forEach((column) => {
    column.width = Math.min(60, Math.max(10, ...(column.values ?? []).map((v) => String(v ?? '').length + 2)));
  });

export async function writeXlsx(sheets: SheetContent[]): Promise<Buffer> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    sheet.addRow(s.header.map(spreadsheetCell)).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row.map(spreadsheetCell));
    fitWidths(sheet);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A table laid out for reading, as a printed report lays it out: title lines, header rows (a
 * heading followed by empty cells spans them), the rows, footnotes; header rows frozen (and the
 * first `frozenColumns` columns), a number format per column, and muted cells (e.g. figures not
 * reliable enough to publish) in grey italics.
 */
export interface ReportSheet {
  name: string;
  title?: string[];
  headers: CellValue[][];
  rows: CellValue[][];
  formats?: Array<string | undefined>;
  widths?: number[];
  muted?: boolean[][];
  footnotes?: string[];
  frozenColumns?: number;
}

const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function writeReportXlsx(sheets: ReportSheet[], properties: { title?: string } = {}): Promise<Buffer> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  if (properties.title) workbook.title = properties.title;
  for (const s of sheets) {
    const titleRows = s.title?.length ?? 0;
    const headerEnd = titleRows + s.headers.length;
    const sheet = workbook.addWorksheet(s.name, {
      views: [{ state: 'frozen', xSplit: s.frozenColumns ?? 0, ySplit: headerEnd }],
      // Printed on A4 landscape, the header rows (and the frozen columns) repeated on every page.
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        printTitlesRow: `${titleRows + 1}:${headerEnd}`,
        ...(s.frozenColumns ? { printTitlesColumn: `A:${String.fromCharCode(64 + s.frozenColumns)}` } : {}),
      },
    });
    const width = Math.max(...s.headers.map((h) => h.length), 1);
    for (const line of s.title ?? []) {
      const row = sheet.addRow([spreadsheetCell(line)]);
      row.font = { bold: true, size: row.number === 1 ? 13 : 11 };
    }
    s.headers.forEach((cells, h) => {
      const row = sheet.addRow(cells.map(spreadsheetCell));
      row.font = { bold: true };
      row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        cell.border = BORDER;
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDF2F7' } };
      }
      if (h === s.headers.length - 1) return;
      // A heading spans the empty cells after it.
      for (let c = 0; c < cells.length; c++) {
        if (cells[c] === null || cells[c] === undefined) continue;
        let end = c;
        while (end + 1 < width && (cells[end + 1] === null || cells[end + 1] === undefined)) end++;
        if (end > c) sheet.mergeCells(row.number, c + 1, row.number, end + 1);
        c = end;
      }
    });
    s.rows.forEach((cells, r) => {
      const row = sheet.addRow(cells.map(spreadsheetCell));
      cells.forEach((_, c) => {
        const cell = row.getCell(c + 1);
        cell.border = BORDER;
        const format = s.formats?.[c];
        if (format) cell.numFmt = format;
        if (s.muted?.[r]?.[c]) cell.font = { italic: true, color: { argb: 'FF808080' } };
      });
    });
    if (s.footnotes?.length) {
      sheet.addRow([]);
      for (const note of s.footnotes) sheet.addRow([spreadsheetCell(note)]).font = { italic: true };
    }
    for (let c = 1; c <= width; c++) sheet.getColumn(c).width = s.widths?.[c - 1] ?? 12;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
