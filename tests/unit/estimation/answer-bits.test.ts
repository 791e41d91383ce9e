import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerBitsLayout, bitIsSet, decodeAnswer, encodeAnswerBits } from '../../../analysis/estimation/answer-bits.ts';
import { applicableQuestions } from '../../../analysis/questionnaire/skip.ts';
import { seededQuestionnaire } from '../../../db/seed/questionnaires/index.ts';
import { demoAnswers, seededRandom } from '../../../db/seed/demo-answers.ts';

describe('answer bits', () => {
  for (const version of ['2022', '2024']) {
    const def = seededQuestionnaire(version)!;
    const layout = answerBitsLayout(def);

    it(`give back every choice answer of a ${version} response, and say which questions did not apply`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
          const { profile, answers } = demoAnswers(def, seededRandom(seed), { mood: 0, procedureRate: 0.5 });
          const all = { ...profile, ...answers };
          const bits = encodeAnswerBits(def, layout, all);
          const applicable = applicableQuestions(def, all);
          for (const q of layout.questions) {
            const decoded = decodeAnswer(q, bits);
            if (!applicable.has(q.code)) expect(decoded, q.code).toBeNull();
            else expect(decoded, q.code).toEqual(all[q.code]);
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  it('mark a composite answered when one of its items has a valid answer, not when all are blank or skipped', () => {
    const def = seededQuestionnaire('2024')!;
    const layout = answerBitsLayout(def);
    const none = encodeAnswerBits(def, layout, { sex: 'nu', age_group: '18_25', had_procedure: 'no' });
    expect(bitIsSet(none, layout.compositeBits.get('SIPAS')!)).toBe(false);
    expect(bitIsSet(none, layout.byCode.get('B1_1')!.notApplicable)).toBe(true);
    const one = encodeAnswerBits(def, layout, { sex: 'nu', age_group: '18_25', had_procedure: 'no', A4_2: 3 });
    expect(['A4', 'policy', 'SIPAS'].map((c) => bitIsSet(one, layout.compositeBits.get(c)!))).toEqual([true, true, true]);
    expect(['A1', 'service'].map((c) => bitIsSet(one, layout.compositeBits.get(c)!))).toEqual([false, false]);
    expect(layout.byteCount).toBe(Math.ceil(layout.bitCount / 8));
  });
});
