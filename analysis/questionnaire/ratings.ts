/** The compact vector of satisfaction ratings stored with each response, in item order. */
import type { QuestionnaireDefinition } from './definition.ts';
import { applicableQuestions, type Answers } from './skip.ts';
import { satisfactionItems } from './structure.ts';

export const RATING_MISSING = 0;
export const RATING_NOT_APPLICABLE = -1;

/** 1–5 for a valid answer, 0 when an applicable item was left blank, −1 when skip logic excludes it. */
const itemCodes = new WeakMap<QuestionnaireDefinition, string[]>();

/** `applicable`: the questions skip logic leaves for these answers, when the caller has worked them out already. */
export function ratingsVector(def: QuestionnaireDefinition, answers: Answers, applicable = applicableQuestions(def, answers)): number[] {
  let codes = itemCodes.get(def);
  if (!codes) itemCodes.set(def, (codes = satisfactionItems(def).map((item) => item.code)));
  return codes.map((code) => {
    if (!applicable.has(code)) return RATING_NOT_APPLICABLE;
    const value = answers[code];
    return typeof value === 'number' ? value : RATING_MISSING;
  });
}
