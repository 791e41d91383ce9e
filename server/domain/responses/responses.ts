/**
 * Accepting a response: check it against its round, office, localities and questionnaire version,
 * then hand it to the writer, which stores it once and flags what looks implausible. A response
 * that no longer passes those checks (its round has closed since) is still acknowledged when its
 * id is stored with the same content: the phone only missed the first acknowledgement.
 */
import { Problem } from '../../errors.ts';
import { compactAnswers, type ResponseAnswers } from '../../../analysis/questionnaire/answers-schema.ts';
import { answersSchema } from '../../../analysis/questionnaire/answers-schema.ts';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { formatIssue, issuePath } from '../../../analysis/questionnaire/issue-messages.ts';
import type { Database } from '../../../db/client.ts';
import { findResponse } from '../../../db/queries/responses.ts';
import type { Channel } from '../../../db/schema/responses.ts';
import { problems } from '../../error-catalogue.ts';
import { keyedHash } from '../../secrets.ts';
import type { ResponseSubmission } from '../../../contract/responses.ts';
import { responseContext } from './response-context.ts';
import { responseRow, sha256Json } from './response-row.ts';
import { toView, type SubmitOutcome } from './response-view.ts';
import type { ReferenceLookups } from './reference-lookups.ts';
import type { AcceptedResponse, ResponseWriter } from './response-writer.ts';

export type { SubmitOutcome } from './response-view.ts';

/** Text in plain ASCII is NFC already: most keys and codes are, and normalizing them would copy them for nothing. */
const NON_ASCII = /[^\u0000-\u007f]/;
const nfc = (text: string) => (NON_ASCII.test(text) ? text.normalize('NFC') : text);

/** Strings in NFC, so that the same Vietnamese text typed on two keyboards is the same text. */
function normalizeText<T>(value: T): T {
  if (typeof value === 'string') return nfc(value) as T;
  if (Array.isArray(value)) return value.map(normalizeText) as T;
  if (value !== null && typeof value === 'object') {
    const normalized: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = normalizeText((value as Record<string, unknown>)[key]);
      // A key "__proto__" must stay a key, not set the prototype (the JSON parser refuses it, but to be sure).
      if (key === '__proto__') Object.defineProperty(normalized, key, { value: item, enumerable: true, writable: true, configurable: true });
      else normalized[nfc(key)] = item;
    }
    return normalized as T;
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

const compiledSchemas = new WeakMap<QuestionnaireDefinition, ReturnType<typeof answersSchema>>();
const compiledPaperSchemas = new WeakMap<QuestionnaireDefinition, ReturnType<typeof answersSchema>>();

/** The schema of paper forms: a question left blank on paper is missing, even a required one. */
export function paperAnswersSchema(def: QuestionnaireDefinition): ReturnType<typeof answersSchema> {
  let compiled = compiledPaperSchemas.get(def);
  if (!compiled) compiledPaperSchemas.set(def, (compiled = answersSchema(def, { requireAnswers: false })));
  return compiled;
}

/** Checks answers against their questionnaire version; `schema` is the version's compiled schema when the caller keeps one. */
export function validateAnswers(
  def: QuestionnaireDefinition,
  input: { profile: Record<string, unknown>; answers: Record<string, unknown> },
  schema?: ReturnType<typeof answersSchema>,
): ResponseAnswers {
  let compiled = schema ?? compiledSchemas.get(def);
  if (!compiled) compiledSchemas.set(def, (compiled = answersSchema(def)));
  const parsed = compiled.safeParse(input, { reportInput: true });
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

export interface IntakeOptions {
  db: Database;
  lookups: ReferenceLookups;
  writer: ResponseWriter;
  /** Keys the stored hash of the device id. */
  secret: string;
}

/** Where citizens' responses come in; `close()` waits for every submission under way. */
export class ResponseIntake {
  private active = 0;
  private idle: (() => void)[] = [];

  constructor(private readonly options: IntakeOptions) {}

  async submit(raw: ResponseSubmission, accept: { channels: readonly Channel[] }): Promise<SubmitOutcome> {
    this.active++;
    try {
      return await this.accept(raw, accept.channels);
    } finally {
      if (--this.active === 0) for (const wake of this.idle.splice(0)) wake();
    }
  }

  async close(): Promise<void> {
    if (this.active > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    await this.options.writer.drain();
  }

  private async accept(raw: ResponseSubmission, channels: readonly Channel[]): Promise<SubmitOutcome> {
    const { db, lookups, writer, secret } = this.options;
    const submission = normalizeText(raw);
    const hash = contentHash(submission);
    const now = new Date();
    let accepted: AcceptedResponse;
    try {
      const context = await responseContext(lookups, submission, channels, now);
      const compiled = await lookups.roundQuestionnaire(context.questionnaireVersion);
      if (!compiled) throw new Error(`questionnaire ${context.questionnaireVersion} of round ${context.round.code} is not stored`);
      const { profile, answers } = validateAnswers(compiled.def, { profile: submission.profile, answers: submission.answers }, compiled.schema);
      const startedAt = submission.startedAt ? new Date(submission.startedAt) : undefined;
      const submittedAt = submission.submittedAt ? new Date(submission.submittedAt) : undefined;
      accepted = {
        row: responseRow(compiled.def, {
          id: submission.id,
          round: context.round,
          channel: context.channel,
          officeId: context.office?.id,
          linkId: context.linkId,
          deviceHash: submission.clientId ? keyedHash(secret, 'device', submission.clientId) : null,
          locality: context.locality,
          profile,
          answers,
          contentHash: hash,
          startedAt,
          submittedAt,
        }),
        timing: {
          startedAt,
          submittedAt,
          answeredCount: Object.keys(profile).length + Object.keys(answers).length,
          lateDelivery: context.lateDelivery,
          periodStart: context.round.periodStart,
          now,
        },
        roundCode: context.round.code,
        officeCode: context.office?.code ?? null,
      };
    } catch (error) {
      if (error instanceof Problem) {
        const stored = await findResponse(db, submission.id);
        if (stored && stored.contentHash === hash) return { created: false, response: toView(stored) };
        if (stored) throw problems.conflictingResend({ id: submission.id });
      }
      throw error;
    }
    return writer.store(accepted);
  }
}
