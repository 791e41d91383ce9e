/**
 * Accepting a response: find a resend first (so a response acknowledged before a round closed is
 * still acknowledged after), then check it against its round, office, localities and questionnaire
 * version, flag what looks implausible, and store it once.
 */
import { answersSchema, compactAnswers } from '../../analysis/questionnaire/answers-schema.ts';
import type { QuestionnaireDefinition } from '../../analysis/questionnaire/definition.ts';
import { formatIssue, issuePath } from '../../analysis/questionnaire/issue-messages.ts';
import type { Database } from '../../db/client.ts';
import { findQuestionnaire } from '../../db/queries/questionnaires.ts';
import {
  countFromClientSince, countIdenticalSince, findResponse, insertResponseOnce, type StoredResponse,
} from '../../db/queries/responses.ts';
import type { Channel } from '../../db/schema/responses.ts';
import { problems } from '../errors.ts';
import type { ResponseSubmission, StoredResponseView } from '../schemas/responses.ts';
import { responseContext } from './response-context.ts';
import { plausibility, plausibilityFlags } from './response-flags.ts';
import { answersFingerprint, responseRow, sha256Json } from './response-row.ts';

export type SubmitOutcome = { created: boolean; response: StoredResponseView };

/** Strings in NFC, so that the same Vietnamese text typed on two keyboards is the same text. */
function normalizeText<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(normalizeText) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), normalizeText(v)])) as T;
  }
  return value;
}

/** The fingerprint of everything the client sent but its id: equal fingerprints mean a harmless resend. */
export function contentHash(submission: ResponseSubmission): string {
  const { id: _id, ...content } = submission;
  return sha256Json({
    ...content,
    startedAt: content.startedAt && new Date(content.startedAt).toISOString(),
    submittedAt: content.submittedAt && new Date(content.submittedAt).toISOString(),
  });
}

export function toView(row: StoredResponse): StoredResponseView {
  return {
    id: row.id,
    round: row.roundCode,
    questionnaireVersion: row.questionnaireVersion,
    channel: row.channel,
    office: row.officeCode,
    locality: { province: row.provinceCode, district: row.districtCode, commune: row.communeCode },
    profile: row.profile as StoredResponseView['profile'],
    answers: row.answers as StoredResponseView['answers'],
    status: row.status,
    flags: row.flags,
    startedAt: row.startedAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    receivedAt: row.receivedAt.toISOString(),
  };
}

async function existingOutcome(db: Database, id: string, hash: string): Promise<SubmitOutcome | undefined> {
  const stored = await findResponse(db, id);
  if (!stored) return undefined;
  if (stored.contentHash !== hash) throw problems.conflictingResend(id);
  return { created: false, response: toView(stored) };
}

export function validateAnswers(def: QuestionnaireDefinition, input: { profile: Record<string, unknown>; answers: Record<string, unknown> }) {
  const parsed = answersSchema(def).safeParse(input, { reportInput: true });
  if (!parsed.success) {
    throw problems.validation(
      parsed.error.issues.map((issue) => ({
        path: issuePath(issue),
        worded: { vi: formatIssue(issue, 'vi'), en: formatIssue(issue, 'en') },
      })),
    );
  }
  return { profile: compactAnswers(parsed.data.profile), answers: compactAnswers(parsed.data.answers) };
}

export async function submitResponse(
  db: Database,
  raw: ResponseSubmission,
  options: { channels: readonly Channel[] },
): Promise<SubmitOutcome> {
  const submission = normalizeText(raw);
  const hash = contentHash(submission);
  const resend = await existingOutcome(db, submission.id, hash);
  if (resend) return resend;

  const context = await responseContext(db, submission, options.channels);
  const def = await findQuestionnaire(db, context.round.questionnaireVersion);
  if (!def) throw new Error(`questionnaire ${context.round.questionnaireVersion} of round ${context.round.code} is not stored`);
  const { profile, answers } = validateAnswers(def, { profile: submission.profile, answers: submission.answers });

  const fingerprint = answersFingerprint(profile, answers);
  const windowStart = new Date(Date.now() - plausibility.burstWindowMinutes * 60_000);
  const startedAt = submission.startedAt ? new Date(submission.startedAt) : undefined;
  const submittedAt = submission.submittedAt ? new Date(submission.submittedAt) : undefined;
  const flags = plausibilityFlags({
    startedAt,
    submittedAt,
    answeredCount: Object.keys(profile).length + Object.keys(answers).length,
    identicalInWindow: context.linkId ? await countIdenticalSince(db, context.linkId, fingerprint, windowStart) : 0,
    fromDeviceInWindow: submission.clientId ? await countFromClientSince(db, submission.clientId, windowStart) : 0,
  });

  const { inserted } = await insertResponseOnce(db, responseRow(def, {
    id: submission.id,
    round: context.round,
    channel: context.channel,
    officeId: context.office?.id,
    linkId: context.linkId,
    clientId: submission.clientId,
    locality: context.locality,
    profile,
    answers,
    contentHash: hash,
    flags,
    startedAt,
    submittedAt,
  }));
  // Lost a race with an identical (or conflicting) concurrent post: answer as for a resend.
  const outcome = inserted ? undefined : await existingOutcome(db, submission.id, hash);
  if (outcome) return outcome;
  const stored = await findResponse(db, submission.id);
  if (!stored) throw new Error(`response ${submission.id} vanished after insert`);
  return { created: true, response: toView(stored) };
}
