/**
 * The phone, the keying screen, the reconciler and the server agree on every questionnaire, not
 * only the seeded ones: questionnaires are generated with chained conditions (a screening answer
 * opening a question that opens a section), "not", "any" and "all", optional and required
 * questions, text with and without a length limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerGroup, finishedAnswers, isValidAnswer, requiredUnanswered, type GroupedAnswers } from '../../../analysis/questionnaire/answer-rules.ts';
import { answersSchema } from '../../../analysis/questionnaire/answers-schema.ts';
import type { Condition, OptionValue, QuestionnaireDefinition, QuestionnaireInput } from '../../../analysis/questionnaire/definition.ts';
import { localizeQuestionnaire } from '../../../analysis/questionnaire/localize.ts';
import { applicableQuestions, type AnswerValue } from '../../../analysis/questionnaire/skip.ts';
import { parseQuestionnaire } from '../../../analysis/questionnaire/structure.ts';
import { entryPayload, isApplicable, keyingFields, stateFromEntry, type KeyingQuestionnaire } from '../../../survey-ui/src/staff/keying/form-state.ts';
import { decidedForm, reconcileRows } from '../../../survey-ui/src/staff/reconcile/decisions.ts';
import { withAnswer, type AnswerMap } from '../../../survey-ui/src/survey/model/answers.ts';
import { visibleScreens } from '../../../survey-ui/src/survey/model/screens.ts';

const SCALES = { yn: ['y', 'n', 'k'], s3: [1, 2, 3] } as const;
const KINDS = [{ type: 'single', scale: 'yn' }, { type: 'rating', scale: 's3' }, { type: 'multi', scale: 'yn' }, { type: 'text' }] as const;
const ROLES = ['profile', 'screening', 'opinion'] as const;

type ConditionSpec = { leaf: [number, number, boolean] } | { not: ConditionSpec } | { any: ConditionSpec[] } | { all: ConditionSpec[] };
const conditionSpec: fc.Arbitrary<ConditionSpec> = fc.letrec<{ c: ConditionSpec }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ leaf: fc.tuple(fc.nat(), fc.nat(), fc.boolean()) }),
    fc.record({ not: tie('c') }),
    fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 2 }) }),
  ),
})).c;

const questionSpec = fc.record({
  kind: fc.nat({ max: KINDS.length - 1 }),
  role: fc.nat({ max: ROLES.length - 1 }),
  required: fc.boolean(),
  maxLength: fc.option(fc.integer({ min: 3, max: 12 }), { nil: undefined }),
  showIf: fc.option(conditionSpec, { freq: 2, nil: undefined }),
  /** Starts a new section here, with a condition of its own or not. */
  newSection: fc.option(fc.option(conditionSpec, { nil: undefined }), { nil: null }),
});

type QuestionSpec = typeof questionSpec extends fc.Arbitrary<infer T> ? T : never;

/** A valid questionnaire: every condition reads choice questions asked before it. */
function build(specs: QuestionSpec[]): QuestionnaireDefinition {
  const questions: QuestionnaireInput['questions'] = [];
  const sections: QuestionnaireInput['sections'] = [];
  const choicesBefore: Array<{ code: string; values: readonly OptionValue[] }> = [];
  let sectionStart = 0;
  const condition = (spec: ConditionSpec, refs: typeof choicesBefore): Condition | undefined => {
    if ('leaf' in spec) {
      if (refs.length === 0) return undefined;
      const ref = refs[spec.leaf[0] % refs.length];
      const value = ref.values[spec.leaf[1] % ref.values.length];
      return spec.leaf[2] ? { question: ref.code, equals: value } : { question: ref.code, in: [value, ref.values[0]] };
    }
    if ('not' in spec) {
      const inner = condition(spec.not, refs);
      return inner && { not: inner };
    }
    const parts = ('any' in spec ? spec.any : spec.all).map((s) => condition(s, refs)).filter((c): c is Condition => c !== undefined);
    if (parts.length === 0) return undefined;
    return 'any' in spec ? { any: parts } : { all: parts };
  };
  specs.forEach((spec, i) => {
    if (i === 0 || spec.newSection !== null) {
      const showIf = spec.newSection ? condition(spec.newSection, choicesBefore.slice(0, sectionStart)) : undefined;
      sectionStart = choicesBefore.length;
      sections.push({ code: `s${sections.length}`, title: { vi: `Phần ${sections.length}` }, questions: [], ...(showIf ? { showIf } : {}) });
    }
    const kind = KINDS[spec.kind];
    const code = `q${i}`;
    const showIf = spec.showIf && condition(spec.showIf, choicesBefore);
    questions.push({
      code,
      role: ROLES[spec.role],
      type: kind.type,
      text: { vi: `Câu ${i}` },
      required: spec.required,
      ...('scale' in kind ? { scale: kind.scale } : spec.maxLength ? { maxLength: spec.maxLength } : {}),
      ...(showIf ? { showIf } : {}),
    });
    sections.at(-1)!.questions.push(code);
    if ('scale' in kind) choicesBefore.push({ code, values: SCALES[kind.scale] });
  });
  questions.push({ code: 'X1_1', role: 'satisfaction', type: 'rating', scale: 's3', text: { vi: 'Hài lòng' } });
  sections.at(-1)!.questions.push('X1_1');
  return parseQuestionnaire({
    version: 'generated',
    title: { vi: 'Phiếu thử' },
    scales: Object.entries(SCALES).map(([code, values]) => ({ code, options: values.map((value) => ({ value, label: { vi: String(value) } })) })),
    questions,
    sections,
    parts: [{ code: 'p', label: { vi: 'P' }, elements: ['X1'] }],
    elements: [{ code: 'X1', part: 'p', label: { vi: 'X' }, items: ['X1_1'] }],
    aggregation: { satisfiedValues: [3], validValues: [1, 2, 3], overall: { code: 'all', weights: { p: 1 } } },
  });
}

/** A value the question offers (text sometimes only spaces), as a respondent or a keyer could give it. */
function offered(def: QuestionnaireDefinition, code: string, pick: number, text: string): AnswerValue {
  const question = def.questions.find((q) => q.code === code)!;
  if (question.type === 'text') return pick % 5 === 0 ? '   ' : ` ${text.slice(0, question.maxLength ?? 20)} `;
  const values = [...SCALES[question.scale as keyof typeof SCALES]];
  if (question.type !== 'multi') return values[pick % values.length];
  return values.filter((_, k) => (pick >> k) & 1).concat((pick & 7) === 0 ? [values[1]] : []);
}

const scenario = fc
  .tuple(
    fc.array(questionSpec, { minLength: 2, maxLength: 9 }),
    fc.array(fc.option(fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 15 })), { freq: 3, nil: undefined }), { minLength: 12, maxLength: 12 }),
  )
  .map(([specs, picks]) => {
    const def = build(specs);
    const given: AnswerMap = {};
    def.questions.forEach((q, i) => {
      const pick = picks[i];
      if (pick) given[q.code] = offered(def, q.code, pick[0], pick[1]);
    });
    return { def, given };
  });

const grouped = (def: QuestionnaireDefinition, answers: AnswerMap): GroupedAnswers => {
  const out: GroupedAnswers = { profile: {}, answers: {} };
  for (const q of def.questions) if (answers[q.code] !== undefined) out[answerGroup(q)][q.code] = answers[q.code];
  return out;
};
const issueSummary = (result: ReturnType<ReturnType<typeof answersSchema>['safeParse']>) =>
  result.success ? [] : result.error.issues.map((i) => `${i.code === 'custom' ? (i.params as { reason: string }).reason : i.code}:${String(i.path[1])}`).sort();

describe('one questionnaire core for the phone, the keying screen and the server', () => {
  it('shows on the phone exactly the questions the server counts as applicable to what the phone sends', () => {
    fc.assert(
      fc.property(scenario, ({ def, given }) => {
        let answers: AnswerMap = {};
        for (const [code, value] of Object.entries(given)) answers = withAnswer(answers, code, value);
        const sent = finishedAnswers(def, answers);
        const shown = visibleScreens(localizeQuestionnaire(def, 'vi'), answers).flatMap((s) => s.fields.map((f) => f.code));
        expect(shown.sort()).toEqual([...applicableQuestions(def, { ...sent.profile, ...sent.answers })].sort());
      }),
      { numRuns: 300 },
    );
  });

  it('sends from the phone what the server stores, refusing only required questions the core names as unanswered', () => {
    fc.assert(
      fc.property(scenario, ({ def, given }) => {
        const sent = finishedAnswers(def, given);
        expect(issueSummary(answersSchema(def, { requireAnswers: false }).safeParse(sent))).toEqual([]);
        const unanswered = requiredUnanswered(def, { ...sent.profile, ...sent.answers });
        expect(issueSummary(answersSchema(def).safeParse(sent))).toEqual(unanswered.map((code) => `required:${code}`).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('keys, reconciles and sends a paper form to the same answers the phone sends, hidden ones dropped alike', () => {
    fc.assert(
      fc.property(scenario, ({ def, given }) => {
        const q = localizeQuestionnaire(def, 'vi') as unknown as KeyingQuestionnaire;
        const fields = keyingFields(q);
        const phone = finishedAnswers(def, given);
        const clean = { ...phone.profile, ...phone.answers };
        // The paper holds every answer written, hidden ones too; the keyer types them as written.
        const written: AnswerMap = { ...clean };
        for (const [code, value] of Object.entries(given)) if (!(code in written) && typeof value !== 'string') written[code] = value;
        const state = stateFromEntry(q, fields, grouped(def, written));
        const applicable = applicableQuestions(def, written);
        for (const field of fields) expect(isApplicable(state, field)).toBe(applicable.has(field.code));
        const keyed = entryPayload(fields, state);
        expect(keyed).toEqual(finishedAnswers(def, written));
        const rows = reconcileRows(q, fields, keyed, keyed, {});
        expect(decidedForm(rows)).toEqual(keyed);
        expect(issueSummary(answersSchema(def, { requireAnswers: false }).safeParse(keyed))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('has the server refuse exactly the answers to hidden questions that every client drops', () => {
    fc.assert(
      fc.property(scenario, ({ def, given }) => {
        const valid = Object.fromEntries(
          Object.entries(given).filter(([code, value]) => isValidAnswer(def, def.questions.find((q) => q.code === code)!, value)),
        );
        const applicable = applicableQuestions(def, valid);
        const hidden = Object.keys(valid).filter((code) => !applicable.has(code));
        const sent = finishedAnswers(def, valid);
        for (const code of hidden) expect(code in sent.profile || code in sent.answers).toBe(false);
        expect(issueSummary(answersSchema(def, { requireAnswers: false }).safeParse(grouped(def, valid)))).toEqual(
          hidden.map((code) => `not_applicable:${code}`).sort(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('stores an answer the core calls valid, and refuses one it does not', () => {
    const anyValue = fc.oneof(
      fc.constantFrom<unknown>('y', 'n', 'k', 'x', 1, 2, 3, 4, 0, '1', '   ', '', null, true, {}),
      fc.array(fc.constantFrom<unknown>('y', 'n', 'k', 'x', 1, 2), { maxLength: 4 }),
      fc.string({ maxLength: 25 }),
    );
    fc.assert(
      fc.property(fc.array(questionSpec, { minLength: 1, maxLength: 6 }), fc.nat(), anyValue, (specs, index, value) => {
        // A question without conditions, so that only the value decides.
        const def = build(specs.map((s) => ({ ...s, showIf: undefined, newSection: s.newSection === null ? null : undefined })));
        const question = def.questions[index % def.questions.length];
        const response = { profile: {}, answers: {}, [answerGroup(question)]: { [question.code]: value } };
        expect(answersSchema(def, { requireAnswers: false }).safeParse(response).success).toBe(isValidAnswer(def, question, value));
      }),
      { numRuns: 500 },
    );
  });
});
