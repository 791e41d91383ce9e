/**
 * The hand-made answers check says what the zod schema it replaced says: the same verdict, the
 * same stored answers, and the same issues at the same fields in the same words, on valid
 * responses and on every kind of wrong answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { answersSchema, compactAnswers, type ResponseAnswers } from '../../../analysis/questionnaire/answers-schema.ts';
import type { QuestionnaireDefinition } from '../../../analysis/questionnaire/definition.ts';
import { formatIssue, issuePath } from '../../../analysis/questionnaire/issue-messages.ts';
import { scaleOf } from '../../../analysis/questionnaire/structure.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';
import { randomAnswers, seededRandom } from '../../support/random-responses.ts';
import { zodAnswersSchema } from '../../support/zod-answers-schema.ts';

/** Anything a client might send as one answer to this question, right or wrong. */
function anyAnswer(def: QuestionnaireDefinition, code: string) {
  const question = def.questions.find((q) => q.code === code)!;
  const values = scaleOf(def, question)?.options.map((o) => o.value) ?? [];
  const wrong = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -3, max: 12 }),
    fc.double(),
    fc.string({ maxLength: 6 }),
    fc.constantFrom('', '   ', 'Cảm ơn'.normalize('NFD'), ' ý kiến ', 'x'.repeat(2001)),
    fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.string({ maxLength: 3 })), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
  );
  const right =
    values.length === 0
      ? fc.string({ maxLength: 40 })
      : question.type === 'multi'
        ? fc.oneof(fc.subarray(values), fc.constant([values[0], values[0]]))
        : fc.constantFrom(...values);
  return fc.oneof({ arbitrary: right, weight: 4 }, { arbitrary: wrong, weight: 1 });
}

/** A response built from a valid one: some answers changed, dropped, moved to the other group, or unknown keys added. */
function responses(def: QuestionnaireDefinition) {
  const codes = def.questions.map((q) => q.code);
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), code: fc.constantFrom(...codes) }).chain((e) => anyAnswer(def, e.code).map((value) => ({ ...e, value }))),
    fc.record({ kind: fc.constant('drop' as const), code: fc.constantFrom(...codes) }),
    fc.record({ kind: fc.constant('move' as const), code: fc.constantFrom(...codes) }),
    fc.record({ kind: fc.constant('unknown' as const), code: fc.string({ minLength: 1, maxLength: 5 }), value: fc.integer() }),
  );
  return fc
    .tuple(fc.integer(), fc.array(edit, { maxLength: 4 }), fc.constantFrom('object', 'object', 'object', 'missing', 'null', 'array', 'text'))
    .map(([seed, edits, shape]) => {
      const { profile, answers } = randomAnswers(def, seededRandom(seed)) as { profile: Record<string, unknown>; answers: Record<string, unknown> };
      const groupOf = (code: string) => (def.questions.find((q) => q.code === code)?.role === 'profile' ? profile : answers);
      for (const e of edits) {
        if (e.kind === 'set') groupOf(e.code)[e.code] = e.value;
        else if (e.kind === 'drop') delete groupOf(e.code)[e.code];
        else if (e.kind === 'move') {
          const from = groupOf(e.code);
          const to = from === profile ? answers : profile;
          if (e.code in from) [to[e.code], from[e.code]] = [from[e.code], undefined];
        } else answers[e.code] = e.value;
      }
      const other = { missing: undefined, null: null, array: [profile], text: 'profile', object: profile }[shape];
      return JSON.parse(JSON.stringify({ profile: other, answers })) as unknown;
    });
}

/**
 * One difference is meant: zod checks an array's minimum length on whatever has a length, so text
 * sent to a multiple-choice question was also called "too small" when empty. The check now says
 * only that a list was expected.
 */
const withoutLengthOfWrongType = (issues: z.core.$ZodIssue[]) =>
  issues.filter((i) => !(i.code === 'too_small' && issues.some((o) => o.code === 'invalid_type' && issuePath(o) === issuePath(i))));

const verdict = (schema: ReturnType<typeof answersSchema>, input: unknown) => {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) {
    const value = result.data as ResponseAnswers;
    return { ok: true, stored: { profile: compactAnswers(value.profile), answers: compactAnswers(value.answers) } };
  }
  const worded = withoutLengthOfWrongType(result.error.issues).map((i) => `${issuePath(i)} | ${i.code} | ${formatIssue(i, 'vi')} | ${formatIssue(i, 'en')}`);
  return { ok: false, issues: worded.sort() };
};

describe.each(['2022', '2024'])('the answers check of questionnaire %s', (version) => {
  const def = seededQuestionnaire(version)!;
  for (const requireAnswers of [true, false]) {
    it(`agrees with the zod schema it replaced (${requireAnswers ? 'phones' : 'paper forms'})`, () => {
      const checked = answersSchema(def, { requireAnswers });
      const reference = zodAnswersSchema(def, { requireAnswers });
      fc.assert(
        fc.property(responses(def), (input) => {
          expect(verdict(checked, input)).toEqual(verdict(reference, input));
        }),
        { numRuns: 1500 },
      );
    });
  }

  it('says only that a list was expected when text is sent to a multiple-choice question', () => {
    const multi = def.questions.find((q) => q.type === 'multi')!;
    const result = answersSchema(def).safeParse({ profile: {}, answers: { [multi.code]: '' } });
    const atMulti = result.success ? [] : result.error.issues.filter((i) => issuePath(i) === `answers.${multi.code}`);
    expect(atMulti.map((i) => i.code)).toEqual(['invalid_type']);
  });

  it('sees valid and refused responses among those it is tried on', () => {
    const checked = answersSchema(def);
    const outcomes = fc.sample(responses(def), { numRuns: 500, seed: 1 }).map((input) => checked.safeParse(input).success);
    expect(outcomes.filter(Boolean).length).toBeGreaterThan(50);
    expect(outcomes.filter((ok) => !ok).length).toBeGreaterThan(50);
  });
});
