/** How the readers of uploaded tables refuse a file: 413 for what is too big, 400 for what is malformed. */
import { problems as catalogue } from '../error-catalogue.ts';
import { fileProblem, type Problem, rowProblem, type RowProblem } from '../errors.ts';
import type { TableLimits } from './table-limits.ts';

export { rowProblem, type RowProblem };

const count = (n: number) => n.toLocaleString('vi-VN');
const countEn = (n: number) => n.toLocaleString('en');

/** Too big: bytes, rows, columns or one cell past its limit; where it is, when it is somewhere. */
export function tooLarge(limits: TableLimits, vi: string, en: string, at?: RowProblem): Problem {
  return fileProblem(catalogue.fileTooLarge({ file: limits.what, why: { vi, en } }), at ? [at] : []);
}

export const limitText = { count, countEn };

/** Malformed: every problem found, each with its row and column. */
export function malformed(limits: TableLimits, problems: RowProblem[]): Problem {
  return fileProblem(catalogue.malformedFile({ file: limits.what, count: problems.length }), problems);
}

/** A spreadsheet's name for a column: A, B, …, Z, AA, … (1-based). */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
