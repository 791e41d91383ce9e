/**
 * The platform's tabular files: CSV in UTF-8 and XLSX, read within the limits of each kind of upload
 * and written with every cell made safe to open in a spreadsheet. Everything that reads or writes a
 * table goes through this folder (tests/unit/files/writers.test.ts keeps it so).
 */
export { csvHead, csvText, escapedField, escapedRecords, escapedText, writeCsv } from './csv-writer.ts';
export { detectFormat, readTable, XLSX_MEDIA_TYPE, type Table, type TableFormat, type TableRow, type TableSpec } from './read-table.ts';
export { uploadLimits, type TableLimits } from './table-limits.ts';
export { writeReportXlsx, writeXlsx, type ReportSheet } from './xlsx-writer.ts';
