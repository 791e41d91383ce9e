/**
 * One error type for everything the API refuses. Its code's integer part is the HTTP status
 * (409.1 "same id, different content"), so mapping to HTTP happens in one place: the handler in
 * plugins/error-handler.ts.
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

export const problems = {
  validation: (issues: Array<{ path: string; worded: Worded }>) =>
    new Problem(400.1, 'validation_failed', {
      vi: 'Dữ liệu gửi lên không hợp lệ. Xem chi tiết từng trường bên dưới.',
      en: 'The submitted data is not valid. See the fields below.',
    }, issues),
  notFound: (what: Worded) => new Problem(404.1, 'not_found', what),
  conflictingResend: (id: string) =>
    new Problem(409.1, 'conflicting_resend', {
      vi: `Phiếu có mã ${id} đã được lưu với nội dung khác. Một phiếu đã gửi không thể bị thay đổi; hãy tạo phiếu mới.`,
      en: `A response with id ${id} is already stored with different content. A sent response cannot be changed; create a new one.`,
    }),
};

/** One problem of an uploaded file: its row as a spreadsheet numbers it (the header is row 1), the column, the value, why. */
export interface RowProblem {
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

/** A file refused for what is in it: every problem listed (reasons in the reader's language), nothing stored. */
export function fileProblem(code: number, slug: string, worded: Worded, rows: RowProblem[]): Problem {
  const sorted = [...rows].sort((a, b) => a.row - b.row);
  return new Problem(code, slug, worded, [], { problems: sorted.slice(0, LISTED_PROBLEMS), problemCount: rows.length });
}
