import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { UsageError } from './command.ts';

/** Reads a UTF-8 CSV (a BOM from Excel is dropped) into records keyed by the header row. */
export async function readCsvRecords(file: string, requiredColumns: readonly string[]): Promise<Array<Record<string, string>>> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  const header = records.length > 0 ? Object.keys(records[0]) : [];
  const missing = requiredColumns.filter((c) => !header.includes(c) && !(c === 'valid_to' && records.length === 0));
  if (records.length > 0 && missing.length > 0) throw new UsageError(`${file} lacks column(s): ${missing.join(', ')}`);
  return records;
}

export function printRowProblems(problems: Array<{ row: number; column: string; value: string; reason: string }>): void {
  console.error(`${problems.length} lỗi, không có gì được lưu / ${problems.length} problem(s), nothing was stored:`);
  for (const p of problems) console.error(`  dòng ${p.row}, cột ${p.column}, giá trị "${p.value}": ${p.reason}`);
}
