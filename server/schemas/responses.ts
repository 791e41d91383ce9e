import { z } from 'zod';
import { channels } from '../../db/schema/responses.ts';

const AnswerValue = z.union([z.string(), z.number().int(), z.array(z.union([z.string(), z.number().int()]))]);

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
    profile: z.record(z.string(), AnswerValue).default({}),
    answers: z.record(z.string(), AnswerValue),
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
});
