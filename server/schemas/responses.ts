import { z } from 'zod';
import { channels } from '../../db/schema/responses.ts';

const AnswerValue = z.union([z.string(), z.number().int(), z.array(z.union([z.string(), z.number().int()]))]);
type AnswerValue = z.infer<typeof AnswerValue>;

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
    link: z.string().min(8).max(64).optional().describe("An office's survey link token (QR code): sets round, office, locality and channel"),
    clientId: z.string().min(8).max(64).optional().describe('A random id the device keeps (not a person); used for rate limits and burst checks'),
    round: z.string().min(1).max(64).optional().describe('Survey round code; required without a link'),
    questionnaireVersion: z.string().min(1).max(32).optional().describe("Must match the round's version when given"),
    channel: z.enum(channels).optional().describe('Required without a link'),
    office: z.string().min(1).max(64).optional().describe('Office code; required for the office channel'),
    locality: LocalityRef.optional().describe('Where the respondent lives; required unless the office sets it'),
    profile: SubmittedAnswers.default({}),
    answers: SubmittedAnswers,
    startedAt: z.iso.datetime({ offset: true }).optional(),
    submittedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type ResponseSubmission = z.infer<typeof ResponseSubmission>;

export const StoredResponseView = z.object({
  id: z.uuid(),
  round: z.string(),
  questionnaireVersion: z.string(),
  channel: z.enum(channels),
  office: z.string().nullable(),
  locality: z.object({ province: z.string(), district: z.string().nullable(), commune: z.string().nullable() }),
  profile: z.record(z.string(), AnswerValue),
  answers: z.record(z.string(), AnswerValue),
  status: z.string(),
  flags: z.array(z.string()).describe('Reasons for review, e.g. too_fast; flagged responses are kept'),
  startedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  receivedAt: z.string(),
});
export type StoredResponseView = z.infer<typeof StoredResponseView>;

export const ProblemView = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  retryAfterSeconds: z.number().int().optional().describe('With 429 and 503: when to try again (also the Retry-After header)'),
});
