/**
 * The zod schema of a response's answers, derived from a questionnaire version: every question
 * gets the type its scale allows, and the whole is checked against the skip rules. Issues carry
 * no message; `formatIssue` words them in the reader's language, so one parse serves every reader.
 */
import { z } from 'zod';
import type { Question, QuestionnaireDefinition } from './definition.ts';
import { applicableQuestions, type AnswerValue } from './skip.ts';
import { scaleOf } from './structure.ts';

export type AnswerMap = Record<string, AnswerValue>;
export interface ResponseAnswers {
  profile: AnswerMap;
  answers: AnswerMap;
}

/** Why an answer was refused, beyond what zod's own issue codes say. */
export type AnswerIssueReason = 'not_an_answer' | 'unknown_question' | 'wrong_group' | 'not_applicable' | 'required' | 'duplicate_choice' | 'forbidden_character' | 'too_deep';

const DEFAULT_TEXT_LIMIT = 2000;

function questionSchema(def: QuestionnaireDefinition, question: Question): z.ZodType<AnswerValue> {
  if (question.type === 'text') {
    return z
      .string()
      .transform((s) => s.normalize('NFC').trim())
      .pipe(z.string().min(1).max(question.maxLength ?? DEFAULT_TEXT_LIMIT));
  }
  const values = (scaleOf(def, question)?.options ?? []).map((o) => o.value);
  const literal = z.literal(values as [string | number, ...(string | number)[]]);
  if (question.type === 'multi') return z.array(literal).min(1);
  return literal;
}

export interface AnswersSchemaOptions {
  /**
   * Whether required questions must be answered. A citizen on a phone is asked again; a paper form
   * is a fact: a question the respondent left blank is keyed as blank, and stays missing.
   */
  requireAnswers?: boolean;
}

export function answersSchema(def: QuestionnaireDefinition, { requireAnswers = true }: AnswersSchemaOptions = {}): z.ZodType<ResponseAnswers> {
  const profileShape: Record<string, z.ZodType<AnswerValue | undefined>> = {};
  const answerShape: Record<string, z.ZodType<AnswerValue | undefined>> = {};
  for (const question of def.questions) {
    const shape = question.role === 'profile' ? profileShape : answerShape;
    shape[question.code] = questionSchema(def, question).optional();
  }
  const byCode = new Map(def.questions.map((q) => [q.code, q]));

  return z
    .object({
      profile: z.looseObject(profileShape).default({}),
      answers: z.looseObject(answerShape).default({}),
    })
    .superRefine((value, ctx) => {
      const issue = (group: 'profile' | 'answers', code: string, reason: AnswerIssueReason) =>
        ctx.addIssue({ code: 'custom', path: [group, code], params: { reason, question: code } });

      for (const group of ['profile', 'answers'] as const) {
        for (const [code, answer] of Object.entries(value[group])) {
          if (answer === undefined) continue;
          const question = byCode.get(code);
          if (!question) issue(group, code, 'unknown_question');
          else if ((question.role === 'profile') !== (group === 'profile')) issue(group, code, 'wrong_group');
          else if (Array.isArray(answer) && new Set(answer).size !== answer.length) issue(group, code, 'duplicate_choice');
        }
      }
      const all = { ...value.answers, ...value.profile };
      const applicable = applicableQuestions(def, all);
      for (const question of def.questions) {
        const group = question.role === 'profile' ? 'profile' : 'answers';
        const given = value[group][question.code] !== undefined;
        if (given && !applicable.has(question.code)) issue(group, question.code, 'not_applicable');
        if (requireAnswers && !given && question.required && applicable.has(question.code)) issue(group, question.code, 'required');
      }
    }) as unknown as z.ZodType<ResponseAnswers>;
}

/** Drops undefined entries so that stored records and their hashes do not depend on them. */
export function compactAnswers(answers: Record<string, AnswerValue | undefined>): AnswerMap {
  const out: AnswerMap = {};
  for (const key of Object.keys(answers).sort()) {
    const value = answers[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
