/** Responses: what a phone, a web form or an import submits, and the stored record the server answers with. */
import { z } from 'zod';

/** How a response came in (db/schema/responses.ts stores the same list; tests/unit/architecture/contract-vocabularies.test.ts checks they agree). */
export const channels = ['office', 'paper', 'online'] as const;

export const AnswerValue = z.union([z.string(), z.number().int(), z.array(z.union([z.string(), z.number().int()]))]);
export type AnswerValue = z.output<typeof AnswerValue>;
/** Answers by question code, as stored and shown back. */
export const StoredAnswers = z.record(z.string(), AnswerValue);
export type StoredAnswers = z.output<typeof StoredAnswers>;

const isAnswerItem = (item: unknown) => typeof item === 'string' || Number.isInteger(item);
const isAnswerValue = (value: unknown) => isAnswerItem(value) || (Array.isArray(value) && value.every(isAnswerItem));

/**
 * Answers by question code, as a submission carries them: each one text, a whole number or a list
 * of these. Checked by a loop rather than by z.record(AnswerValue), which cost a tenth of what the
 * server spends on a response; each answer is then checked against its own question
 * (analysis/questionnaire/answers-schema.ts).
 */
const SubmittedAnswers = z
  .custom<Record<string, AnswerValue>>()
  .superRefine((value, ctx) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      ctx.addIssue({ code: 'invalid_type', expected: 'record', input: value });
      return;
    }
    for (const [code, answer] of Object.entries(value)) {
      if (!isAnswerValue(answer)) ctx.addIssue({ code: 'custom', path: [code], input: answer, params: { reason: 'not_an_answer', question: code } });
    }
  })
  .meta({ type: 'object', additionalProperties: z.toJSONSchema(AnswerValue, { target: 'openapi-3.0' }) });

export const LocalityRef = z
  .object({
    province: z.string().min(1).max(16),
    district: z.string().min(1).max(16).optional(),
    commune: z.string().min(1).max(16).optional(),
  })
  .strict();

/** What a phone, a web form or an import sends: one finished response with its client-made UUID. */
export const ResponseSubmission = z
  .object({
    id: z.uuid().describe('Generated once by the client; resending the same id is harmless'),
    link: z
      .string()
      .min(8)
      .max(64)
      .optional()
      .describe(
        "Required: the survey link token (an office's QR code, or the round's online link); it sets round and channel, and an office link the office and locality. Without it the response is refused",
      ),
    clientId: z.string().min(8).max(64).optional().describe('A random id the device keeps (not a person); used for rate limits and burst checks'),
    round: z.string().min(1).max(64).optional().describe("Survey round code; when given, must be the link's"),
    questionnaireVersion: z.string().min(1).max(32).optional().describe("Must match the round's version when given"),
    channel: z.enum(channels).optional().describe("When given, must be the link's: office or online (paper never: staff key it)"),
    office: z.string().min(1).max(64).optional().describe("Office code; when given, must be the office link's"),
    locality: LocalityRef.optional().describe(
      "Where the respondent lives: required through the online link (within the round's province); an office link sets it",
    ),
    profile: SubmittedAnswers.default({}),
    answers: SubmittedAnswers,
    startedAt: z.iso.datetime({ offset: true }).optional(),
    submittedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
/** What the server holds after reading a submission (defaults filled in). */
export type ResponseSubmission = z.output<typeof ResponseSubmission>;
/** What a client sends. */
export type ResponseSubmissionInput = z.input<typeof ResponseSubmission>;

export const SubmitQuery = z.object({ lang: z.enum(['vi', 'en']).optional() });

export const StoredResponseView = z.object({
  id: z.uuid(),
  round: z.string(),
  questionnaireVersion: z.string(),
  channel: z.enum(channels),
  office: z.string().nullable(),
  locality: z.object({ province: z.string(), district: z.string().nullable(), commune: z.string().nullable() }),
  profile: StoredAnswers,
  answers: StoredAnswers,
  status: z.string(),
  flags: z.array(z.string()).describe('Reasons for review, e.g. too_fast; a flagged response is kept but held (status held) out of the figures until reviewed'),
  startedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  receivedAt: z.string(),
});
export type StoredResponseView = z.output<typeof StoredResponseView>;
