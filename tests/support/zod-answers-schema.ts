/**
 * The answers schema as zod objects, one schema per question: what the platform used before its
 * hand-made check (analysis/questionnaire/answers-schema.ts), kept as the reference that check is
 * held equal to.
 */
import { z } from 'zod';
import type { AnswerIssueReason, AnswersSchemaOptions, ResponseAnswers } from '../../analysis/questionnaire/answers-schema.ts';
import type { Question, QuestionnaireDefinition } from '../../analysis/questionnaire/definition.ts';
import { applicableQuestions, type AnswerValue } from '../../analysis/questionnaire/skip.ts';
import { scaleOf } from '../../analysis/questionnaire/structure.ts';

function questionSchema(def: QuestionnaireDefinition, question: Question): z.ZodType<AnswerValue> {
  if (question.type === 'text') {
    return z
      .string()
      .transform((s) => s.normalize('NFC').trim())
      .pipe(
        z
          .string()
          .min(1)
          .max(question.maxLength ?? 2000),
      );
  }
  const values = (scaleOf(def, question)?.options ?? []).map((o) => o.value);
  const literal = z.literal(values as [string | number, ...(string | number)[]]);
  if (question.type === 'multi') return z.array(literal).min(1);
  return literal;
}

export function zodAnswersSchema(def: QuestionnaireDefinition, { requireAnswers = true }: AnswersSchemaOptions = {}): z.ZodType<ResponseAnswers> {
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
