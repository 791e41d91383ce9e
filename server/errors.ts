/**
 * One error type for everything the API refuses. Its code's integer part is the HTTP status
 * (409.1 "same id, different content"), so mapping to HTTP happens in one place: the handler in
 * plugins/error-handler.ts. Every code, slug and message is in error-catalogue.ts: code throws
 * `problems.<name>(…)` from there, never a Problem built on the spot.
 */
import type { Language } from '../analysis/questionnaire/issue-messages.ts';

export type Worded = Record<Language, string>;

export class Problem extends Error {
  constructor(
    readonly code: number,
    readonly slug: string,
    readonly worded: Worded,
    readonly issues: Array<{ path: string; worded: Worded }> = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(worded.en);
  }

  get status(): number {
    return Math.floor(this.code);
  }
}

/** One problem of an uploaded file: its row as a spreadsheet numbers it (the header is row 1), the column, the value, why. */
export interface RowProblem {
  /** The sheet, in a workbook of several (a questionnaire template). */
  sheet?: string;
  row: number;
  column: string;
  value: string;
  reason: Worded;
}

/** More than this many are counted, not listed: the reply stays a few megabytes at most. */
export const LISTED_PROBLEMS = 10_000;
const SHOWN_VALUE = 200;

export function rowProblem(row: number, column: string, value: string, vi: string, en: string): RowProblem {
  const shown = value.length > SHOWN_VALUE ? `${value.slice(0, SHOWN_VALUE)}…` : value;
  return { row, column, value: shown, reason: { vi, en } };
}

/** A file refused for what is in it (a problem of the catalogue): every problem listed (reasons in the reader's language), nothing stored. */
export function fileProblem(problem: Problem, rows: RowProblem[]): Problem {
  // Problems of a workbook of several sheets come in the order of its sheets, as the reader found them.
  const sorted = rows.some((r) => r.sheet !== undefined) ? rows : [...rows].sort((a, b) => a.row - b.row);
  return new Problem(problem.code, problem.slug, problem.worded, problem.issues, {
    ...problem.extra,
    problems: sorted.slice(0, LISTED_PROBLEMS),
    problemCount: rows.length,
  });
}
