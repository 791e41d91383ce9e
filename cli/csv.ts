/** Files the command line reads as tables, through the same strict reader as uploads, and how it reports their problems. */
import { readFile, stat } from 'node:fs/promises';
import type { Problem, RowProblem } from '../server/errors.ts';
import { detectFormat, readTable, uploadLimits, type Table, type TableLimits, type TableSpec } from '../server/files/tables.ts';
import { UsageError } from './command.ts';

/** The file's bytes, refused before reading when it is larger than its kind allows. */
export async function readUpload(file: string, limits: TableLimits): Promise<Buffer> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  if (!info.isFile()) throw new UsageError(`${file} is not a file`);
  if (info.size > limits.bytes)
    throw new UsageError(`${file} has ${info.size.toLocaleString('en')} bytes; a ${limits.what.en} may have at most ${limits.bytes.toLocaleString('en')}`);
  return readFile(file);
}

/** A CSV (UTF-8) or XLSX file, read and checked as an upload of its kind would be. */
export async function readTableFile(file: string, spec: TableSpec): Promise<Table> {
  const bytes = await readUpload(file, spec.limits);
  return readTable(bytes, detectFormat(file, bytes), spec);
}

/** Records keyed by the header row (for files whose rows need no numbers of their own). */
export async function readCsvRecords(file: string, requiredColumns: readonly string[]): Promise<Array<Record<string, string>>> {
  return (await readTableFile(file, { limits: uploadLimits.table, required: requiredColumns })).rows.map((r) => r.cells);
}

export function printRowProblems(problems: Array<{ row: number; column: string; value: string; reason: string | RowProblem['reason'] }>): void {
  console.error(`${problems.length} lỗi, không có gì được lưu / ${problems.length} problem(s), nothing was stored:`);
  for (const p of problems) {
    const reason = typeof p.reason === 'string' ? p.reason : `${p.reason.vi} / ${p.reason.en}`;
    console.error(`  dòng ${p.row}, cột ${p.column}, giá trị "${p.value}": ${reason}`);
  }
}

/** A refusal from the server's domain (a file's problems included), as the command line shows it. */
export function printProblem(problem: Problem): void {
  console.error(`${problem.worded.vi}\n${problem.worded.en}`);
  const rows = problem.extra.problems as RowProblem[] | undefined;
  if (rows && rows.length > 0) printRowProblems(rows);
}
