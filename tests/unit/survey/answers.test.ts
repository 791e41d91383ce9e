import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_LIMIT, finishedAnswers } from '../../../analysis/questionnaire/answer-rules.ts';
import { answersSchema } from '../../../analysis/questionnaire/answers-schema.ts';
import { localizeQuestionnaire } from '../../../analysis/questionnaire/localize.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';
import { fieldOf } from '../../../survey-ui/src/survey/model/fields.ts';
import { missingRequired, toggledChoice, withAnswer, type AnswerMap } from '../../../survey-ui/src/survey/model/answers.ts';
import { reviewSections } from '../../../survey-ui/src/survey/model/review.ts';
import { visibleScreens } from '../../../survey-ui/src/survey/model/screens.ts';

const def2024 = seededQuestionnaire('2024')!;
const sipas = localizeQuestionnaire(def2024, 'vi');

describe('answers as given on the phone', () => {
  it('removes an answer that is emptied: no choice ticked, or only spaces typed', () => {
    expect(withAnswer({ a: 1 }, 'a', undefined)).toEqual({});
    expect(withAnswer({ a: ['x'] }, 'a', [])).toEqual({});
    expect(withAnswer({}, 'note', '   ')).toEqual({});
    expect(withAnswer({}, 'note', ' ý kiến ')).toEqual({ note: ' ý kiến ' });
  });

  it('keeps multiple choices in the order of the scale, whatever order they were ticked in', () => {
    const channels = visibleScreens(sipas, {})
      .flatMap((s) => s.fields)
      .find((f) => f.code === 'info_channels')!;
    let answer = toggledChoice(channels, undefined, 'internet');
    answer = toggledChoice(channels, answer, 'loa_xa');
    expect(answer).toEqual(['loa_xa', 'internet']);
    expect(toggledChoice(channels, answer, 'internet')).toEqual(['loa_xa']);
  });

  it('stops a text box where the server would refuse, also where the questionnaire names no limit', () => {
    const comment = sipas.questions.find((q) => q.code === 'comment')!;
    expect(fieldOf(sipas, comment).maxLength).toBe(comment.maxLength);
    expect(fieldOf(sipas, { ...comment, maxLength: undefined }).maxLength).toBe(DEFAULT_TEXT_LIMIT);
    expect(fieldOf(sipas, sipas.questions.find((q) => q.code === 'sex')!).maxLength).toBeUndefined();
  });

  it('names the required questions of a screen still unanswered', () => {
    const [profile] = visibleScreens(sipas, {});
    expect(missingRequired(sipas, profile, { sex: 'nam' }).map((f) => f.code)).toEqual(['age_group', 'had_procedure']);
  });

  it('sends only answers that apply, split into profile and answers, with text trimmed and NFC', () => {
    const given: AnswerMap = {
      sex: 'nu',
      age_group: '26_34',
      ethnicity: 'kinh',
      ethnicity_other: 'bỏ qua',
      had_procedure: 'no',
      made_feedback: 'yes',
      B1_1: 5,
      A1_1: 3,
      comment: '  Cảm ơn\u0301  '.normalize('NFD'),
    };
    const sent = finishedAnswers(sipas, given);
    expect(sent.profile).toEqual({ sex: 'nu', age_group: '26_34', ethnicity: 'kinh' });
    expect(sent.answers).toEqual({ had_procedure: 'no', A1_1: 3, comment: 'Cảm ơn\u0301'.normalize('NFC') });
  });

  it('lists for review every screen shown with its answers as worded, and what was left unanswered', () => {
    const sections = reviewSections(sipas, { sex: 'nam', age_group: '18_25', had_procedure: 'no', A1_1: 5 });
    expect(sections.some((s) => s.code.startsWith('B'))).toBe(false);
    expect(sections[0].rows.find((r) => r.code === 'sex')).toEqual({ code: 'sex', question: 'Giới tính', answer: 'Nam' });
    expect(sections.find((s) => s.code === 'A1')!.rows).toEqual([
      { code: 'A1_1', question: sipas.questions.find((q) => q.code === 'A1_1')!.text, answer: 'Rất hài lòng' },
      { code: 'A1_2', question: sipas.questions.find((q) => q.code === 'A1_2')!.text },
    ]);
  });

  it('always produces what the server accepts, whatever the respondent answered and changed (property)', () => {
    const choice = (code: string) => {
      const question = def2024.questions.find((q) => q.code === code)!;
      const values = def2024.scales.find((s) => s.code === question.scale)?.options.map((o) => o.value) ?? [];
      if (question.type === 'text') return fc.string({ maxLength: 40 });
      if (question.type === 'multi') return fc.subarray(values, { minLength: 0 });
      return fc.constantFrom(...values);
    };
    const anyAnswers = fc.record(Object.fromEntries(def2024.questions.map((q) => [q.code, choice(q.code)])), {
      requiredKeys: ['sex', 'age_group', 'had_procedure', 'made_feedback'],
    });
    const schema = answersSchema(def2024);
    fc.assert(
      fc.property(anyAnswers, (raw) => {
        let answers: AnswerMap = {};
        for (const [code, value] of Object.entries(raw)) answers = withAnswer(answers, code, value as AnswerMap[string]);
        const result = schema.safeParse(finishedAnswers(sipas, answers));
        expect(result.success ? [] : result.error.issues).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
