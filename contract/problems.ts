/** What every refusal carries (server/errors.ts `Problem`, worded by server/plugins/error-handler.ts). */
import { z } from 'zod';

export const ProblemView = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  retryAfterSeconds: z.number().int().optional().describe('With 429 and 503: when to try again (also the Retry-After header)'),
});
export type ProblemView = z.output<typeof ProblemView>;

/** One refused cell of an uploaded file: its row (header = 1), column, value and reason in the reader's language. */
export const RowProblemView = z.object({
  sheet: z.string().optional().describe('The sheet, in a workbook of several sheets (a questionnaire template)'),
  row: z.number().describe('0 where the problem is in no row: a JSON file (then column is the JSON path) or a missing sheet'),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
});
export type RowProblemView = z.output<typeof RowProblemView>;

/** A refused file: every problem with where it is. */
export const FileProblemView = ProblemView.extend({
  problems: z.array(RowProblemView).optional(),
  problemCount: z.number().int().optional(),
});
export type FileProblemView = z.output<typeof FileProblemView>;

/** The refusals of a route that takes a file: what is wrong in it (400) or too big in it (413) with every problem listed, and who may not send it. */
export const UploadProblemViews = { 400: FileProblemView, 401: ProblemView, 403: ProblemView, 404: ProblemView, 413: FileProblemView } as const;
