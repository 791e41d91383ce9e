/**
 * Every XLSX the platform writes, through exceljs and the spreadsheet-cell rule: text cells that a
 * spreadsheet would turn into a formula once edited (or once saved as CSV) start with `'`; numbers
 * are numeric cells. The only module that writes with exceljs (tests/unit/files/writers.test.ts).
 */
import { spreadsheetCell, type CellValue } from './spreadsheet-cells.ts';

export interface SheetContent {
  name: string;
  header: string[];
  rows: CellValue[][];
}

export async function writeXlsx(sheets: SheetContent[]): Promise<Buffer> {
  // Loaded when first needed: exceljs and its zip libraries take a third of a second to load.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    sheet.addRow(s.header.map(spreadsheetCell)).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row.map(spreadsheetCell));
    sheet.columns.forEach((column) => {
      column.width = Math.min(60, Math.max(10, ...(column.values ?? []).map((v) => String(v ?? '').length + 2)));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
