import { describe, expect, it } from 'vitest';
import {
  answerGroup,
  cleanAnswer,
  DEFAULT_TEXT_LIMIT,
  finishedAnswers,
  isNoAnswer,
  isValidAnswer,
  requiredUnanswered,
  textLimit,
  toggleChoice,
} from '../../../analysis/questionnaire/answer-rules.ts';
import type { QuestionnaireInput } from '../../../analysis/questionnaire/definition.ts';
import { applicableQuestions } from '../../../analysis/questionnaire/skip.ts';
import { parseQuestionnaire } from '../../../analysis/questionnaire/structure.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';

const sipas = seededQuestionnaire('2024')!;
const question = (code: string) => sipas.questions.find((q) => q.code === code)!;

/** A questionnaire whose complaint screen is opened by a question that is itself opened by another (no guard repeated). */
const chained: QuestionnaireInput = {
  version: 'chain-1',
  title: { vi: 'Chuỗi điều kiện' },
  scales: [
    {
      code: 'yn',
      options: [
        { value: 'y', label: { vi: 'Có' } },
        { value: 'n', label: { vi: 'Không' } },
      ],
    },
    { code: 's3', options: [1, 2, 3].map((value) => ({ value, label: { vi: String(value) } })) },
  ],
  questions: [
    { code: 'did', role: 'screening', type: 'single', scale: 'yn', text: { vi: 'Có làm thủ tục?' }, required: true },
    {
      code: 'complained',
      role: 'screening',
      type: 'single',
      scale: 'yn',
      text: { vi: 'Có phản ánh?' },
      required: true,
      showIf: { question: 'did', equals: 'y' },
    },
    { code: 'X1_1', role: 'satisfaction', type: 'rating', scale: 's3', text: { vi: 'Hài lòng?' } },
    { code: 'why', role: 'comment', type: 'text', text: { vi: 'Vì sao?' }, showIf: { not: { question: 'complained', equals: 'y' } } },
  ],
  sections: [
    { code: 'screen', title: { vi: 'Sàng lọc' }, questions: ['did', 'complained'] },
    { code: 'feedback', title: { vi: 'Phản ánh' }, questions: ['X1_1'], showIf: { question: 'complained', equals: 'y' } },
    { code: 'end', title: { vi: 'Cuối' }, questions: ['why'] },
  ],
  parts: [{ code: 'p', label: { vi: 'P' }, elements: ['X1'] }],
  elements: [{ code: 'X1', part: 'p', label: { vi: 'X' }, items: ['X1_1'] }],
  aggregation: { satisfiedValues: [3], validValues: [1, 2, 3], overall: { code: 'all', weights: { p: 1 } } },
};

describe('skip logic settled in the order questions are asked', () => {
  const def = parseQuestionnaire(chained);

  it('lets an answer left behind by a changed screening answer open nothing', () => {
    // "complained" was answered yes, then "did" changed to no: the complaint screen closes too.
    const applicable = applicableQuestions(def, { did: 'n', complained: 'y', X1_1: 3 });
    expect([...applicable].sort()).toEqual(['did', 'why']);
  });

  it('reads a hidden answer as no answer, also under "not"', () => {
    expect(applicableQuestions(def, { did: 'n', complained: 'y' }).has('why')).toBe(true);
    expect(applicableQuestions(def, { did: 'y', complained: 'y' }).has('why')).toBe(false);
  });

  it('keeps only the answers that apply in a finished response, the left-behind chain included', () => {
    expect(finishedAnswers(def, { did: 'n', complained: 'y', X1_1: 3, why: '  ổn ' })).toEqual({ profile: {}, answers: { did: 'n', why: 'ổn' } });
  });

  it('refuses a questionnaire whose condition reads a question asked later', () => {
    const forward = { ...chained, sections: [{ ...chained.sections[1], showIf: undefined }, chained.sections[0], chained.sections[2]] };
    forward.questions = chained.questions.map((q) => (q.code === 'X1_1' ? { ...q, showIf: { question: 'complained', equals: 'y' } } : q));
    expect(() => parseQuestionnaire(forward)).toThrow(/question X1_1: condition on complained, which is not asked before it/);
    const ownSection = { ...chained, sections: [{ ...chained.sections[0], showIf: { question: 'did', equals: 'y' } }, ...chained.sections.slice(1)] };
    expect(() => parseQuestionnaire(ownSection)).toThrow(/section screen: condition on did, which is not asked before it/);
  });
});

describe('what an answer must be', () => {
  it('stores profile questions apart from the answers', () => {
    expect(answerGroup(question('sex'))).toBe('profile');
    expect(answerGroup(question('A1_1'))).toBe('answers');
    expect(answerGroup(question('comment'))).toBe('answers');
  });

  it('limits free text to the questionnaire’s length, or to a default where it names none', () => {
    expect(textLimit(question('ethnicity_other'))).toBe(100);
    expect(textLimit({})).toBe(DEFAULT_TEXT_LIMIT);
    expect(isValidAnswer(sipas, question('ethnicity_other'), 'x'.repeat(100))).toBe(true);
    expect(isValidAnswer(sipas, question('ethnicity_other'), 'x'.repeat(101))).toBe(false);
    expect(isValidAnswer(sipas, { code: 'free', role: 'comment', type: 'text' }, 'x'.repeat(DEFAULT_TEXT_LIMIT + 1))).toBe(false);
  });

  it('counts no choice, an empty list and spaces as no answer, and stores text in NFC without surrounding spaces', () => {
    for (const empty of [undefined, [], '', '   \n']) expect(isNoAnswer(empty)).toBe(true);
    expect(isNoAnswer(0)).toBe(false);
    expect(cleanAnswer(question('comment'), '  ')).toBeUndefined();
    expect(cleanAnswer(question('info_channels'), [])).toBeUndefined();
    expect(cleanAnswer(question('comment'), ' Cảm ơn '.normalize('NFD'))).toBe('Cảm ơn'.normalize('NFC'));
    expect(cleanAnswer(question('sex'), 'nam')).toBe('nam');
  });

  it('accepts a choice of the scale only, a multiple choice of distinct scale values, and text only for text', () => {
    expect(isValidAnswer(sipas, question('sex'), 'nam')).toBe(true);
    expect(isValidAnswer(sipas, question('sex'), 'other')).toBe(false);
    expect(isValidAnswer(sipas, question('A1_1'), 6)).toBe(false);
    expect(isValidAnswer(sipas, question('A1_1'), '5')).toBe(false);
    expect(isValidAnswer(sipas, question('info_channels'), ['internet', 'khac'])).toBe(true);
    expect(isValidAnswer(sipas, question('info_channels'), ['internet', 'internet'])).toBe(false);
    expect(isValidAnswer(sipas, question('info_channels'), [])).toBe(false);
    expect(isValidAnswer(sipas, question('info_channels'), 'internet')).toBe(false);
    expect(isValidAnswer(sipas, question('comment'), 5)).toBe(false);
    expect(isValidAnswer(sipas, question('comment'), '   ')).toBe(false);
  });

  it('keeps ticked choices in the order of the scale, whatever order they were ticked in', () => {
    const order = ['a', 'b', 'c'];
    expect(toggleChoice(order, toggleChoice(order, undefined, 'c'), 'a')).toEqual(['a', 'c']);
    expect(toggleChoice(order, ['a', 'c'], 'a')).toEqual(['c']);
    expect(toggleChoice(order, 'b', 'a')).toEqual(['a', 'b']);
  });

  it('names the required questions that apply and are unanswered, in questionnaire order', () => {
    expect(requiredUnanswered(sipas, { sex: 'nam', had_procedure: 'no' })).toEqual(['age_group']);
    expect(requiredUnanswered(sipas, { sex: 'nam', age_group: '18_25', had_procedure: 'yes' })).toEqual(['made_feedback']);
  });
});
