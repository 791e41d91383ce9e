import { describe, expect, it } from 'vitest';
import { applicableQuestions, conditionHolds } from '../../../analysis/questionnaire/skip.ts';
import { ratingsVector } from '../../../analysis/questionnaire/ratings.ts';
import { satisfactionItems } from '../../../analysis/questionnaire/structure.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';

const def = seededQuestionnaire('2024')!;
const serviceItems = satisfactionItems(def)
  .filter((i) => i.part === 'service')
  .map((i) => i.code);
const feedbackItems = ['B5_1', 'B5_2', 'B5_3'];

describe('skip logic of the SIPAS questionnaire', () => {
  it('shows the service part only to people who went through a procedure', () => {
    const none = applicableQuestions(def, { had_procedure: 'no' });
    expect(serviceItems.filter((c) => none.has(c))).toEqual([]);
    expect(none.has('made_feedback')).toBe(false);
    const some = applicableQuestions(def, { had_procedure: 'yes', made_feedback: 'no' });
    expect(serviceItems.filter((c) => some.has(c))).toEqual(serviceItems.filter((c) => !feedbackItems.includes(c)));
  });

  it('shows the feedback element only to people who complained or made a suggestion', () => {
    const complained = applicableQuestions(def, { had_procedure: 'yes', made_feedback: 'yes' });
    expect(feedbackItems.every((c) => complained.has(c))).toBe(true);
  });

  it('shows policy items to everyone, whatever the screening answers', () => {
    for (const answers of [{}, { had_procedure: 'no' }, { had_procedure: 'yes', made_feedback: 'yes' }]) {
      expect(applicableQuestions(def, answers).has('A3_9')).toBe(true);
    }
  });

  it('matches a multiple-choice answer when any chosen value is accepted', () => {
    expect(conditionHolds({ question: 'info_channels', equals: 'khac' }, { info_channels: ['internet', 'khac'] })).toBe(true);
    expect(conditionHolds({ question: 'info_channels', equals: 'khac' }, { info_channels: ['internet'] })).toBe(false);
    expect(conditionHolds({ not: { question: 'x', equals: 1 } }, {})).toBe(true);
    expect(
      conditionHolds(
        {
          any: [
            { question: 'x', in: [1, 2] },
            { question: 'y', equals: 'a' },
          ],
        },
        { y: 'a' },
      ),
    ).toBe(true);
  });
});

describe('the stored ratings vector', () => {
  it('codes answers 1–5, blanks as 0 and skipped items as −1, in item order', () => {
    const vector = ratingsVector(def, { had_procedure: 'no', A1_1: 5, A1_2: 2 });
    expect(vector.slice(0, 3)).toEqual([5, 2, 0]);
    expect(vector.slice(15)).toEqual(Array(18).fill(-1));
    expect(vector).toHaveLength(33);
  });
});
